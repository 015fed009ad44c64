#include "httpkit/route_templates.h"

using namespace Qt::StringLiterals;

namespace counterline::httpkit {

void RouteTemplates::add(const QString &pathTemplate)
{
    const QStringList segments = pathTemplate.split(u'/');
    if (!m_templates.contains(segments))
        m_templates.append(segments);
}

QString RouteTemplates::labelOf(QByteArrayView method, QByteArrayView path) const
{
    static const QList<QByteArrayView> kMethods = {"GET",    "HEAD",  "POST",   "PUT",
                                                   "DELETE", "PATCH", "OPTIONS"};
    const QString verb = kMethods.contains(method) ? QString::fromLatin1(method) : u"OTHER"_s;
    const QStringList segments = QString::fromUtf8(path).split(u'/');
    for (const QStringList &route : m_templates) {
        if (route.size() != segments.size())
            continue;
        bool matches = true;
        QStringList label;
        for (qsizetype i = 0; i < route.size() && matches; ++i) {
            const bool argument = route[i] == u"<arg>"_s;
            matches = argument ? !segments[i].isEmpty() : route[i] == segments[i];
            label.append(argument ? u"{id}"_s : route[i]);
        }
        if (matches)
            return verb + u' ' + label.join(u'/');
    }
    return verb + u" unmatched"_s;
}

QString printable(QByteArrayView text)
{
    QString out;
    out.reserve(text.size());
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x21 || u > 0x7e || c == '"' || c == '\\')
            out += u"\\x"_s + QString::number(u, 16).rightJustified(2, u'0');
        else
            out += QChar::fromLatin1(c);
    }
    return out;
}

} // namespace counterline::httpkit
