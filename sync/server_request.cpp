#include "sync/server_request.h"

namespace counterline::sync {

QNetworkRequest serverRequest(const store::SyncTarget &target, const QString &path,
                              const QString &idempotencyKey)
{
    QUrl url = target.serverUrl;
    const QString base = url.path();
    url.setPath(base.chopped(base.endsWith(u'/') ? 1 : 0) + path.section(u'?', 0, 0));
    if (path.contains(u'?'))
        url.setQuery(path.section(u'?', 1));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setRawHeader("Authorization", "Bearer " + target.token);
    if (!idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", idempotencyKey.toLatin1());
    request.setTransferTimeout(30'000);
    return request;
}

} // namespace counterline::sync
