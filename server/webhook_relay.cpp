#include "server/webhook_relay.h"

#include "server/event_outbox.h"
#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace counterline::server {

namespace {

// Full jitter: a random wait up to 0.5 s × 2^failures, at most 5 minutes.
qint64 backoffMs(int failures)
{
    const qint64 ceiling = std::min<qint64>(qint64(500) << std::min(failures, 10), 300'000);
    return QRandomGenerator::global()->bounded(ceiling / 2, ceiling + 1);
}

struct Delivery
{
    int status = 0;
    QString error;
};

Delivery post(QNetworkAccessManager &network, const WebhookSubscriber &to, const OutboxEvent &event,
              const Clock &clock, std::chrono::milliseconds timeout)
{
    const QByteArray body = QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact);
    QNetworkRequest request(to.url);
    request.setTransferTimeout(int(timeout.count()));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setRawHeader("Counterline-Event-Id", event.id.toUtf8());
    request.setRawHeader("Counterline-Signature",
                         WebhookRelay::signature(to.secret, clock.now().toSecsSinceEpoch(), body));
    QNetworkReply *reply = network.post(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Delivery delivery{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                      reply->errorString()};
    delete reply;
    return delivery;
}

} // namespace

QByteArray WebhookRelay::signature(const QByteArray &secret, qint64 unixSeconds,
                                   const QByteArray &body)
{
    const QByteArray stamp = QByteArray::number(unixSeconds);
    const QByteArray mac =
        QMessageAuthenticationCode::hash(stamp + '.' + body, secret, QCryptographicHash::Sha256);
    return "t=" + stamp + ",v1=" + mac.toHex();
}

Result<WebhookSubscriber> WebhookRelay::add(const QSqlDatabase &db, const QString &url,
                                            const QString &storeId, const QByteArray &secret,
                                            const QDateTime &now)
{
    const QUrl target(url);
    const bool https = target.scheme() == u"https"_s;
    if (!target.isValid() || target.host().isEmpty() || (!https && target.scheme() != u"http"_s)) {
        return Error{u"webhook.bad_url"_s,
                     tr("A webhook is an http(s) URL such as https://erp.example.org/hooks, not "
                        "\"%1\".")
                         .arg(url)};
    }
    if (!https && !QHostAddress(target.host()).isLoopback() && target.host() != u"localhost"_s) {
        return Error{u"webhook.needs_tls"_s,
                     tr("The webhook %1 is not on this machine: it needs https.").arg(url)};
    }
    WebhookSubscriber subscriber{u"wh_"_s + QUuid::createUuid().toString(QUuid::Id128), target,
                                 secret, storeId};
    if (subscriber.secret.isEmpty()) {
        QByteArray random(32, Qt::Uninitialized);
        QRandomGenerator::system()->generate(random.begin(), random.end());
        subscriber.secret = "whsec_" + random.toHex();
    }
    Result<QSqlQuery> inserted = sqlkit::exec(
        db,
        u"INSERT INTO webhook_subscribers (id, url, secret, store_id, after_seq, failures, "
        "next_attempt_at, created_at) VALUES (?, ?, ?, ?, 0, 0, ?, ?)"_s,
        {subscriber.id, url, QString::fromUtf8(subscriber.secret),
         storeId.isEmpty() ? QVariant() : QVariant(storeId), sqlkit::timeText(now),
         sqlkit::timeText(now)});
    if (!inserted)
        return inserted.error();
    return subscriber;
}

Result<int> WebhookRelay::deliverDue(const QSqlDatabase &db, const Clock &clock,
                                     std::chrono::milliseconds timeout)
{
    Result<QSqlQuery> found = sqlkit::exec(db,
                                           u"SELECT id, url, secret, store_id, after_seq, failures "
                                           "FROM webhook_subscribers WHERE next_attempt_at <= ? "
                                           "ORDER BY id"_s,
                                           {sqlkit::timeText(clock.now())});
    if (!found)
        return found.error();
    struct Due
    {
        WebhookSubscriber subscriber;
        qint64 after = 0;
        int failures = 0;
    };
    QList<Due> due;
    while (found.value().next()) {
        QSqlQuery &row = found.value();
        due.append(Due{{row.value(0).toString(), QUrl(row.value(1).toString()),
                        row.value(2).toString().toUtf8(), row.value(3).toString()},
                       row.value(4).toLongLong(),
                       row.value(5).toInt()});
    }
    found.value().finish();

    int delivered = 0;
    QNetworkAccessManager network; // one per round: its connections carry the round's events
    for (const Due &one : std::as_const(due)) {
        Result<QList<OutboxEvent>> events =
            EventOutbox::after(db, one.after, 50, one.subscriber.storeId);
        if (!events)
            return events.error();
        for (const OutboxEvent &event : std::as_const(*events)) {
            const Delivery delivery = post(network, one.subscriber, event, clock, timeout);
            if (delivery.status >= 200 && delivery.status < 300) {
                Result<QSqlQuery> moved =
                    sqlkit::exec(db,
                                 u"UPDATE webhook_subscribers SET after_seq = ?, failures = 0, "
                                 "last_error = NULL WHERE id = ? AND after_seq < ?"_s,
                                 {event.seq, one.subscriber.id, event.seq});
                if (!moved)
                    return moved.error();
                ++delivered;
                continue;
            }
            const QString why =
                delivery.status == 0 ? delivery.error : u"HTTP %1"_s.arg(delivery.status);
            Result<QSqlQuery> failed = sqlkit::exec(
                db,
                u"UPDATE webhook_subscribers SET failures = failures + 1, last_error = ?, "
                "next_attempt_at = ? WHERE id = ?"_s,
                {tr("event %1: %2").arg(event.seq).arg(why),
                 sqlkit::timeText(clock.now().addMSecs(backoffMs(one.failures))),
                 one.subscriber.id});
            if (!failed)
                return failed.error();
            break; // the events after it wait: in order, per subscriber
        }
    }
    return delivered;
}

} // namespace counterline::server
