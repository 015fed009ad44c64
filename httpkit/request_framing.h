#pragma once

#include "domain/error.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace counterline::httpkit {

// How much of a request the server reads at most before it refuses it.
struct FramingLimits
{
    int requestLineBytes = 8 * 1024; // "POST /v1/orders?… HTTP/1.1" → 414 above
    int headerCount = 100;           // → 431 above
    int headBytes = 32 * 1024;       // all header lines together → 431 above
    qint64 bodyBytes = 1024 * 1024;  // Content-Length or chunks counted → 413 above
};

// Why a connection's bytes were refused, and the status that says so.
struct FramingRefusal
{
    int status = 400;
    Error error;
};

// Follows the bytes of one HTTP/1.1 connection as they arrive, the way a strict reader would,
// and refuses what is too large or ambiguous before the HTTP layer reads a body: a request line,
// header or head over its limit; a Content-Length over the body limit (413 from the head alone);
// chunked bodies counted as they stream; and framing that two readers could understand
// differently, which is how requests are smuggled past a proxy — two Content-Lengths, a negative
// or non-numeric one, Content-Length with Transfer-Encoding, a bare LF, a folded header,
// whitespace before the colon (RFC 9112 §§ 2.2, 5, 6.1, 6.3).
class RequestFraming
{
public:
    explicit RequestFraming(FramingLimits limits = {});

    // The next bytes of the connection. Once refused, stays refused.
    std::optional<FramingRefusal> feed(QByteArrayView bytes);

    // Part of a request has arrived, not all of it.
    bool inRequest() const { return m_stage != Stage::RequestLine || !m_line.isEmpty(); }
    // How many requests have arrived whole.
    int requestsComplete() const { return m_complete; }
    // The last whole request asked for the connection to close after its answer
    // (Connection: close, or HTTP/1.0 without keep-alive).
    bool closeAfterAnswer() const { return m_closeAfterAnswer; }

private:
    enum class Stage
    {
        RequestLine,
        Headers,
        Body,
        ChunkSize,
        ChunkData,
        ChunkEnd,
        Trailers
    };

    std::optional<FramingRefusal> takeLine(QByteArrayView line);
    std::optional<FramingRefusal> requestLine(QByteArrayView line);
    std::optional<FramingRefusal> header(QByteArrayView line);
    std::optional<FramingRefusal> headEnds();
    std::optional<FramingRefusal> chunkSize(QByteArrayView line);
    std::optional<FramingRefusal> lineTooLong() const;
    void requestEnds();

    FramingLimits m_limits;
    Stage m_stage = Stage::RequestLine;
    QByteArray m_line; // a line not yet ended
    std::optional<FramingRefusal> m_refused;
    int m_complete = 0;
    bool m_closeAfterAnswer = false;

    // The request being read.
    bool m_http10 = false;
    int m_headers = 0;
    int m_headBytes = 0;
    std::optional<qint64> m_contentLength;
    bool m_chunked = false;
    bool m_close = false;
    bool m_keepAlive = false;
    qint64 m_left = 0;     // bytes of the body or chunk still to come
    qint64 m_bodySeen = 0; // chunked: body bytes so far
    int m_emptyLines = 0;  // empty lines before a request line (allowed, a few)
};

} // namespace counterline::httpkit
