#include "sync/server_orders.h"

#include "protocol/problem.h"
#include "sync/server_request.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace counterline::sync {

ServerOrders::ServerOrders(store::SyncTarget target, QObject *parent)
    : QObject(parent)
    , m_target(std::move(target))
{}

void ServerOrders::finish(QNetworkReply *reply, Done done)
{
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done), this] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status >= 200 && status < 300) {
            done(QJsonDocument::fromJson(body).object());
            return;
        }
        if (status == 0) {
            done(Error{u"sync.unreachable"_s,
                       QCoreApplication::translate("counterline::sync",
                                                   "The server at %1 does not answer: %2")
                           .arg(m_target.serverUrl.toString(), reply->errorString())});
            return;
        }
        const Result<protocol::Problem> problem = protocol::Problem::fromBody(body);
        done(problem ? problem->toError()
                     : Error{u"sync.server_refused"_s,
                             QCoreApplication::translate("counterline::sync",
                                                         "The server answered HTTP %1.")
                                 .arg(status)});
    });
}

void ServerOrders::list(const QUrlQuery &query, Done done)
{
    QNetworkRequest request = serverRequest(m_target, u"/v1/orders"_s);
    QUrl url = request.url();
    url.setQuery(query);
    request.setUrl(url);
    finish(m_network.get(request), std::move(done));
}

void ServerOrders::order(const QString &orderId, Done done)
{
    finish(m_network.get(serverRequest(m_target, u"/v1/orders/"_s + orderId)), std::move(done));
}

void ServerOrders::followUps(const QUrlQuery &query, Done done)
{
    QNetworkRequest request = serverRequest(m_target, u"/v1/follow-ups"_s);
    QUrl url = request.url();
    url.setQuery(query);
    request.setUrl(url);
    finish(m_network.get(request), std::move(done));
}

void ServerOrders::addFollowUpNote(qint64 id, const QString &note, bool settle, Done done)
{
    QNetworkRequest request = serverRequest(m_target, u"/v1/follow-ups/%1/notes"_s.arg(id),
                                            QUuid::createUuid().toString(QUuid::WithoutBraces));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    const QByteArray body = QJsonDocument(QJsonObject{{u"note"_s, note}, {u"settle"_s, settle}})
                                .toJson(QJsonDocument::Compact);
    finish(m_network.post(request, body), std::move(done));
}

void ServerOrders::applyEvent(const QString &orderId, const QString &event, int expectedVersion,
                              Done done)
{
    QNetworkRequest request = serverRequest(m_target, u"/v1/orders/%1/events"_s.arg(orderId));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    const QByteArray body =
        QJsonDocument(QJsonObject{{u"event"_s, event}, {u"expected_version"_s, expectedVersion}})
            .toJson(QJsonDocument::Compact);
    finish(m_network.post(request, body), std::move(done));
}

} // namespace counterline::sync
