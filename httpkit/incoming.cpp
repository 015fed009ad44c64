#include "httpkit/incoming.h"

#include "protocol/http_headers.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace counterline::httpkit {

QByteArray idempotencyKeyOf(const QHttpServerRequest &request)
{
    QByteArray key = protocol::headerValue(request.headers(), "Idempotency-Key");
    if (key.size() >= 2 && key.startsWith('"') && key.endsWith('"'))
        key = key.mid(1, key.size() - 2);
    return key;
}

QString formQuery(const QUrl &url)
{
    // Fully encoded, a '+' the client sent is still a '+' and one it meant literally is %2B.
    QString query = url.query(QUrl::FullyEncoded);
    query.replace(u'+', u"%20"_s);
    return query;
}

Incoming incomingOf(const QHttpServerRequest &request, QByteArray method)
{
    QByteArray token = protocol::headerValue(request.headers(), "Authorization");
    token = token.startsWith("Bearer ") ? token.mid(7).trimmed() : QByteArray();
    return Incoming{std::move(method),
                    request.url().path().toUtf8(),
                    token,
                    idempotencyKeyOf(request),
                    request.body(),
                    protocol::headerValue(request.headers(), "If-Match"),
                    formQuery(request.url())};
}

} // namespace counterline::httpkit
