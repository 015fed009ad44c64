#pragma once

// One HTTP request, waited for, with what tests look at in the answer.

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace counterline::testing {

struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QByteArray retryAfter;
    QByteArray etag;
    QByteArray replayed; // Idempotent-Replayed

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

inline HttpAnswer http(QNetworkAccessManager &network, const QByteArray &method, const QUrl &url,
                       const QByteArray &token, const QByteArray &idempotencyKey = {},
                       const QByteArray &body = {})
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    if (!idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", '"' + idempotencyKey + '"');
    QNetworkReply *reply = network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpAnswer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                      reply->readAll(),
                      reply->rawHeader("Content-Type"),
                      reply->rawHeader("Retry-After"),
                      reply->rawHeader("ETag"),
                      reply->rawHeader("Idempotent-Replayed")};
    reply->deleteLater();
    return answer;
}

} // namespace counterline::testing
