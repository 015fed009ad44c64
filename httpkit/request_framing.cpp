#include "httpkit/request_framing.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace counterline::httpkit {

namespace {

FramingRefusal malformed(const QString &why)
{
    return {400, Error{u"request.malformed"_s, why}};
}

bool isTokenChar(char c)
{
    // RFC 9110 tchar
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Visible characters, spaces and tabs only: no control characters in a header's value.
bool isFieldValue(QByteArrayView text)
{
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

bool isDigits(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

bool hasToken(QByteArrayView list, QByteArrayView token)
{
    const QList<QByteArray> parts = list.toByteArray().split(',');
    for (const QByteArray &part : parts) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

RequestFraming::RequestFraming(FramingLimits limits)
    : m_limits(limits)
{}

std::optional<FramingRefusal> RequestFraming::feed(QByteArrayView bytes)
{
    while (!m_refused && !bytes.isEmpty()) {
        if (m_stage == Stage::Body || m_stage == Stage::ChunkData) {
            const qint64 take = std::min<qint64>(m_left, bytes.size());
            m_left -= take;
            bytes = bytes.sliced(take);
            if (m_left == 0 && m_stage == Stage::Body)
                requestEnds();
            else if (m_left == 0)
                m_stage = Stage::ChunkEnd;
            continue;
        }
        const qsizetype newline = bytes.indexOf('\n');
        const QByteArrayView piece = newline < 0 ? bytes : bytes.first(newline + 1);
        m_line += piece;
        bytes = bytes.sliced(piece.size());
        // The limits count a line with its ending, whether it arrived in one read or in many.
        m_refused = lineTooLong();
        if (m_refused || newline < 0)
            break;
        if (m_line.size() < 2 || m_line.at(m_line.size() - 2) != '\r') {
            m_refused = malformed(QCoreApplication::translate(
                "counterline::httpkit", "A line of the request ends in a bare LF, not CRLF."));
            break;
        }
        const QByteArray line = m_line.chopped(2);
        m_line.clear();
        if (line.contains('\r')) {
            m_refused = malformed(QCoreApplication::translate(
                "counterline::httpkit", "A line of the request holds a bare CR."));
            break;
        }
        m_refused = takeLine(line);
    }
    return m_refused;
}

std::optional<FramingRefusal> RequestFraming::lineTooLong() const
{
    if (m_stage == Stage::RequestLine && m_line.size() > m_limits.requestLineBytes) {
        return FramingRefusal{
            414, Error{u"request.uri_too_long"_s,
                       QCoreApplication::translate("counterline::httpkit",
                                                   "The request line is longer than %1 bytes.")
                           .arg(m_limits.requestLineBytes)}};
    }
    if ((m_stage == Stage::Headers || m_stage == Stage::Trailers) &&
        m_headBytes + m_line.size() > m_limits.headBytes) {
        return FramingRefusal{431, Error{u"request.headers_too_large"_s,
                                         QCoreApplication::translate(
                                             "counterline::httpkit",
                                             "The request's headers are larger than %1 bytes.")
                                             .arg(m_limits.headBytes)}};
    }
    if ((m_stage == Stage::ChunkSize || m_stage == Stage::ChunkEnd) && m_line.size() > 1024)
        return malformed(QCoreApplication::translate("counterline::httpkit",
                                                     "A chunk's size line is too long."));
    return std::nullopt;
}

std::optional<FramingRefusal> RequestFraming::takeLine(QByteArrayView line)
{
    switch (m_stage) {
    case Stage::RequestLine:
        return requestLine(line);
    case Stage::Headers:
    case Stage::Trailers:
        if (auto tooLong = lineTooLong())
            return tooLong;
        m_headBytes += int(line.size()) + 2;
        if (line.isEmpty()) {
            if (m_stage == Stage::Trailers) {
                requestEnds();
                return std::nullopt;
            }
            return headEnds();
        }
        return header(line);
    case Stage::ChunkSize:
        return chunkSize(line);
    case Stage::ChunkEnd:
        if (!line.isEmpty())
            return malformed(QCoreApplication::translate("counterline::httpkit",
                                                         "A chunk is longer than its size says."));
        m_stage = Stage::ChunkSize;
        return std::nullopt;
    case Stage::Body:
    case Stage::ChunkData:
        break;
    }
    return std::nullopt;
}

std::optional<FramingRefusal> RequestFraming::requestLine(QByteArrayView line)
{
    if (line.isEmpty()) {
        // RFC 9112 § 2.2: a server should ignore at least one empty line before a request.
        if (++m_emptyLines > 4)
            return malformed(QCoreApplication::translate(
                "counterline::httpkit", "The connection sent empty lines instead of a request."));
        return std::nullopt;
    }
    if (line.size() > m_limits.requestLineBytes) {
        m_line = line.toByteArray();
        return lineTooLong();
    }
    const QList<QByteArray> parts = line.toByteArray().split(' ');
    if (parts.size() != 3 || !isToken(parts[0]) || !parts[1].startsWith('/') ||
        !isFieldValue(parts[1]) || parts[1].contains('\t')) {
        return malformed(QCoreApplication::translate(
            "counterline::httpkit",
            "The request line is not \"METHOD /path HTTP/1.1\" with single spaces."));
    }
    if (parts[2] != "HTTP/1.1" && parts[2] != "HTTP/1.0") {
        return FramingRefusal{
            505, Error{u"request.http_version"_s,
                       QCoreApplication::translate("counterline::httpkit",
                                                   "Only HTTP/1.1 and HTTP/1.0 are spoken here.")}};
    }
    m_http10 = parts[2] == "HTTP/1.0";
    m_emptyLines = 0;
    m_stage = Stage::Headers;
    return std::nullopt;
}

std::optional<FramingRefusal> RequestFraming::header(QByteArrayView line)
{
    if (line.front() == ' ' || line.front() == '\t') {
        return malformed(QCoreApplication::translate(
            "counterline::httpkit", "A header is folded over two lines (obsolete, refused)."));
    }
    if (++m_headers > m_limits.headerCount) {
        return FramingRefusal{
            431, Error{u"request.headers_too_large"_s,
                       QCoreApplication::translate("counterline::httpkit",
                                                   "The request has more than %1 headers.")
                           .arg(m_limits.headerCount)}};
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isToken(line.first(colon))) {
        return malformed(QCoreApplication::translate(
            "counterline::httpkit",
            "A header line is not \"Name: value\" (no space before the colon)."));
    }
    const QByteArray name = line.first(colon).toByteArray().toLower();
    const QByteArray value = line.sliced(colon + 1).toByteArray().trimmed();
    if (!isFieldValue(value)) {
        return malformed(QCoreApplication::translate("counterline::httpkit",
                                                     "A header's value holds control characters."));
    }
    if (name == "content-length") {
        if (m_contentLength || !isDigits(value) || value.size() > 15) {
            return malformed(QCoreApplication::translate(
                "counterline::httpkit", "Content-Length must be one number of bytes, given once."));
        }
        m_contentLength = value.toLongLong();
    } else if (name == "transfer-encoding") {
        if (m_chunked || m_http10) {
            return malformed(QCoreApplication::translate(
                "counterline::httpkit", "Transfer-Encoding is given twice, or with HTTP/1.0."));
        }
        if (value.compare("chunked", Qt::CaseInsensitive) != 0) {
            return FramingRefusal{
                501, Error{u"request.unsupported_encoding"_s,
                           QCoreApplication::translate(
                               "counterline::httpkit",
                               "Only the chunked transfer encoding is understood here.")}};
        }
        m_chunked = true;
    } else if (name == "connection") {
        m_close = m_close || hasToken(value, "close");
        m_keepAlive = m_keepAlive || hasToken(value, "keep-alive");
    }
    return std::nullopt;
}

std::optional<FramingRefusal> RequestFraming::headEnds()
{
    if (m_chunked && m_contentLength) {
        return malformed(QCoreApplication::translate(
            "counterline::httpkit",
            "The request gives both Content-Length and Transfer-Encoding; which one frames it "
            "is ambiguous."));
    }
    if (m_contentLength && *m_contentLength > m_limits.bodyBytes) {
        return FramingRefusal{413,
                              Error{u"request.too_large"_s,
                                    QCoreApplication::translate("counterline::httpkit",
                                                                "The body is larger than %1 bytes.")
                                        .arg(m_limits.bodyBytes)}};
    }
    if (m_chunked) {
        m_stage = Stage::ChunkSize;
    } else if (m_contentLength.value_or(0) > 0) {
        m_left = *m_contentLength;
        m_stage = Stage::Body;
    } else {
        requestEnds();
    }
    return std::nullopt;
}

std::optional<FramingRefusal> RequestFraming::chunkSize(QByteArrayView line)
{
    const qsizetype extension = line.indexOf(';');
    const QByteArray digits =
        (extension < 0 ? line : line.first(extension)).toByteArray().trimmed();
    bool ok = !digits.isEmpty() && digits.size() <= 15 &&
              std::all_of(digits.begin(), digits.end(), [](char c) {
                  return QByteArrayView("0123456789abcdefABCDEF").contains(c);
              });
    const qint64 size = ok ? digits.toLongLong(&ok, 16) : 0;
    if (!ok) {
        return malformed(QCoreApplication::translate(
            "counterline::httpkit", "A chunk's size is not a hexadecimal number."));
    }
    if (m_bodySeen + size > m_limits.bodyBytes) {
        return FramingRefusal{413,
                              Error{u"request.too_large"_s,
                                    QCoreApplication::translate("counterline::httpkit",
                                                                "The body is larger than %1 bytes.")
                                        .arg(m_limits.bodyBytes)}};
    }
    m_bodySeen += size;
    if (size == 0) {
        m_stage = Stage::Trailers;
    } else {
        m_left = size;
        m_stage = Stage::ChunkData;
    }
    return std::nullopt;
}

void RequestFraming::requestEnds()
{
    ++m_complete;
    m_closeAfterAnswer = m_close || (m_http10 && !m_keepAlive);
    m_stage = Stage::RequestLine;
    m_http10 = false;
    m_headers = 0;
    m_headBytes = 0;
    m_contentLength.reset();
    m_chunked = false;
    m_close = false;
    m_keepAlive = false;
    m_left = 0;
    m_bodySeen = 0;
}

} // namespace counterline::httpkit
