#include "store/canonical_json.h"

namespace counterline::store {

namespace {

char hexDigit(uint value)
{
    return char(value < 10 ? '0' + value : 'a' + value - 10);
}

// JSON string escaping as QJsonDocument writes it: the two characters that must be escaped and
// the control characters (short forms where JSON has them), everything else as UTF-8.
void appendEscaped(QByteArray &out, QStringView text)
{
    out.append('"');
    qsizetype plainFrom = 0;
    auto flushPlain = [&](qsizetype upTo) {
        if (upTo > plainFrom)
            out.append(text.sliced(plainFrom, upTo - plainFrom).toUtf8());
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (QChar::isSurrogate(c)) {
            // A pair is a character beyond the BMP, written as UTF-8; half of one is escaped.
            if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
                ++i;
                continue;
            }
            flushPlain(i);
            plainFrom = i + 1;
            out.append("\\u");
            for (int shift = 12; shift >= 0; shift -= 4)
                out.append(hexDigit((c >> shift) & 0xf));
            continue;
        }
        if (c >= 0x20 && c != u'"' && c != u'\\')
            continue;
        flushPlain(i);
        plainFrom = i + 1;
        switch (c) {
        case u'"':
            out.append("\\\"");
            break;
        case u'\\':
            out.append("\\\\");
            break;
        case u'\b':
            out.append("\\b");
            break;
        case u'\f':
            out.append("\\f");
            break;
        case u'\n':
            out.append("\\n");
            break;
        case u'\r':
            out.append("\\r");
            break;
        case u'\t':
            out.append("\\t");
            break;
        default:
            out.append("\\u00");
            out.append(hexDigit(c >> 4));
            out.append(hexDigit(c & 0xf));
        }
    }
    flushPlain(text.size());
    out.append('"');
}

} // namespace

void CanonicalJson::separate()
{
    if (m_needsComma)
        m_out.append(',');
    m_needsComma = true;
}

CanonicalJson &CanonicalJson::beginObject()
{
    separate();
    m_out.append('{');
    m_needsComma = false;
#ifndef QT_NO_DEBUG
    m_lastKeys.append(QLatin1StringView());
#endif
    return *this;
}

CanonicalJson &CanonicalJson::endObject()
{
    m_out.append('}');
    m_needsComma = true;
#ifndef QT_NO_DEBUG
    m_lastKeys.removeLast();
#endif
    return *this;
}

CanonicalJson &CanonicalJson::beginArray()
{
    separate();
    m_out.append('[');
    m_needsComma = false;
    return *this;
}

CanonicalJson &CanonicalJson::endArray()
{
    m_out.append(']');
    m_needsComma = true;
    return *this;
}

CanonicalJson &CanonicalJson::key(QLatin1StringView name)
{
#ifndef QT_NO_DEBUG
    Q_ASSERT_X(m_lastKeys.last().isNull() || m_lastKeys.last() < name, "CanonicalJson::key",
               "keys must be written in sorted order");
    m_lastKeys.last() = name;
#endif
    separate();
    m_out.append('"').append(name.data(), name.size()).append("\":");
    // The value follows the colon, not a comma.
    m_needsComma = false;
    return *this;
}

CanonicalJson &CanonicalJson::value(qint64 number)
{
    separate();
    m_out.append(QByteArray::number(number));
    return *this;
}

CanonicalJson &CanonicalJson::value(QStringView text)
{
    separate();
    appendEscaped(m_out, text);
    return *this;
}

CanonicalJson &CanonicalJson::boolean(bool flag)
{
    separate();
    m_out.append(flag ? "true" : "false");
    return *this;
}

CanonicalJson &CanonicalJson::null()
{
    separate();
    m_out.append("null");
    return *this;
}

CanonicalJson &CanonicalJson::optional(QStringView text)
{
    return text.isEmpty() ? null() : value(text);
}

CanonicalJson &CanonicalJson::raw(const QByteArray &json)
{
    separate();
    m_out.append(json);
    return *this;
}

} // namespace counterline::store
