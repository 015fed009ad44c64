#include "server/http_api.h"

#include "httpkit/deferred.h"
#include "protocol/problem.h"
#include "server/card_refunds.h"
#include "server/http_answers.h"
#include "server/idempotency.h"
#include "server/order_saga.h"
#include "server/routes/routes.h"
#include "server/webhook_relay.h"

#include <QCoreApplication>
#include <QHttpServerResponse>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHttp, "counterline.server.http")

namespace counterline::server {

HttpApi::HttpApi(ServerDatabase &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
    m_pool.setMaxThreadCount(std::max(4, QThread::idealThreadCount() * 2));
    m_longPolls.setMaxThreadCount(16);
    addRoutes();
}

HttpApi::~HttpApi()
{
    drain();
}

void HttpApi::shutDown(std::function<void()> done)
{
    m_sagaTimer.stop();
    m_webhookTimer.stop();
    m_natsTimer.stop();
    m_stopping.storeRelease(1);
    m_bell.ring(); // long polls answer now
    const auto servers = m_http.servers();
    for (QTcpServer *server : servers)
        server->close();
    qCInfo(lcHttp) << "stopping: no new connections;" << m_runner.inFlight()
                   << "requests in flight";
    // Poll until the workers are done, then give the HTTP thread a moment to write the last
    // answers out before the event loop ends.
    auto *poll = new QTimer(&m_purgeTimer);
    QObject::connect(poll, &QTimer::timeout, poll, [this, poll, done = std::move(done)] {
        if (m_runner.inFlight() > 0)
            return;
        poll->stop();
        poll->deleteLater();
        QTimer::singleShot(200, done);
    });
    poll->start(20);
}

void HttpApi::drain()
{
    m_stopping.storeRelease(1);
    m_bell.ring();
    m_longPolls.waitForDone();
    m_pool.waitForDone();
}

Result<quint16> HttpApi::listen(const QHostAddress &address, quint16 port,
                                const std::optional<QSslConfiguration> &tls)
{
    quint16 bound = 0;
    if (tls) {
        auto *server = new httpkit::TlsListener(*tls, m_tlsLimits, &m_http);
        if (server->listen(address, port)) {
            m_http.bind(server);
            bound = server->serverPort();
        }
    } else {
        bound = m_http.listen(address, port);
    }
    if (bound == 0) {
        return Error{u"server.listen_failed"_s,
                     QCoreApplication::translate("counterline::server",
                                                 "Cannot listen on %1:%2 (in use, or not allowed).")
                         .arg(address.toString())
                         .arg(port)};
    }
    return bound;
}

void HttpApi::purgeKeys(std::chrono::hours retention, std::chrono::milliseconds interval)
{
    auto purge = [this, retention] {
        (void)QtConcurrent::run(&m_pool, [this, retention] {
            Result<QSqlDatabase> db = m_database.connection();
            if (!db)
                return;
            Result<int> purged = Idempotency::purge(*db, retention, m_clock.now());
            if (!purged)
                qCWarning(lcHttp) << "purging idempotency keys failed:" << purged.error().message;
            else if (*purged > 0)
                qCInfo(lcHttp) << "purged" << *purged << "idempotency keys older than"
                               << retention.count() / 24 << "days";
        });
    };
    QObject::connect(&m_purgeTimer, &QTimer::timeout, &m_purgeTimer, purge);
    m_purgeTimer.start(interval);
    purge();
}

void HttpApi::recoverSagas(std::chrono::milliseconds interval)
{
    QObject::connect(&m_sagaTimer, &QTimer::timeout, &m_sagaTimer, [this] { runDueSagas(); });
    m_sagaTimer.start(interval);
    runDueSagas();
}

void HttpApi::relayWebhooks(std::chrono::milliseconds interval)
{
    QObject::connect(&m_webhookTimer, &QTimer::timeout, &m_webhookTimer, [this] {
        if (!m_webhooksRunning.testAndSetOrdered(0, 1))
            return;
        (void)QtConcurrent::run(&m_pool, [this] {
            Result<QSqlDatabase> db = m_database.connection();
            Result<int> delivered =
                db ? WebhookRelay::deliverDue(*db, m_clock) : Result<int>(db.error());
            if (!delivered)
                qCWarning(lcHttp) << "webhook relay failed:" << delivered.error().message;
            m_webhooksRunning.storeRelease(0);
        });
    });
    m_webhookTimer.start(interval);
}

void HttpApi::relayToNats(const QString &url, std::chrono::milliseconds interval)
{
    m_nats = std::make_unique<NatsRelay>(url);
    QObject::connect(&m_natsTimer, &QTimer::timeout, &m_natsTimer, [this] {
        if (!m_natsRunning.testAndSetOrdered(0, 1))
            return;
        (void)QtConcurrent::run(&m_pool, [this] {
            Result<QSqlDatabase> db = m_database.connection();
            Result<int> published = db ? m_nats->publishDue(*db) : Result<int>(db.error());
            if (!published)
                qCWarning(lcHttp) << "NATS relay:" << published.error().message;
            m_natsRunning.storeRelease(0);
        });
    });
    m_natsTimer.start(interval);
}

void HttpApi::runDueSagas()
{
    if (!m_sagasRunning.testAndSetOrdered(0, 1))
        return; // the last round is still going
    (void)QtConcurrent::run(&m_pool, [this] {
        Result<QSqlDatabase> db = m_database.connection();
        const SagaContext context{m_payments, m_clock, m_keyLease};
        Result<QStringList> due =
            db ? OrderSaga::due(*db, m_clock.now(), 100) : Result<QStringList>(db.error());
        if (!due)
            qCWarning(lcHttp) << "looking for sagas to resume failed:" << due.error().message;
        for (const QString &orderId : due ? *due : QStringList()) {
            Result<bool> claimed = OrderSaga::claim(*db, orderId, m_clock.now(), m_keyLease);
            if (!claimed || !*claimed)
                continue; // a request runs it
            Result<SagaState> saga = OrderSaga::advance(*db, orderId, context);
            if (!saga)
                qCWarning(lcHttp) << "saga of order" << orderId
                                  << "failed:" << saga.error().message;
            else
                qCInfo(lcHttp) << "saga of order" << orderId << "resumed, now at" << saga->step;
            m_bell.ring();
        }
        // Refunds the server owes (a cancel of an order whose card it captured, a sale voided
        // while its card was captured): each settled through the payment service.
        Result<QList<RefundStep>> refunds =
            db ? CardRefunds::due(*db, m_clock.now(), 100) : Result<QList<RefundStep>>(db.error());
        for (const RefundStep &refund : refunds ? *refunds : QList<RefundStep>()) {
            Result<RefundStep> step =
                CardRefunds::settle(*db, refund.orderId, refund.n, m_payments, m_clock, m_keyLease);
            if (!step)
                qCWarning(lcHttp) << "refund" << refund.n << "of order" << refund.orderId
                                  << "failed:" << step.error().message;
            else
                qCInfo(lcHttp) << "refund" << refund.n << "of order" << refund.orderId << "is"
                               << step->state;
        }
        m_sagasRunning.storeRelease(0);
    });
}

void HttpApi::settleSoon(const QString &orderId)
{
    // After the answer: the order's saga (a capture that must now not happen, or be refunded)
    // and its refunds, on the pool, so that a slow payment service never holds up the request.
    (void)QtConcurrent::run(&m_pool, [this, orderId] {
        Result<QSqlDatabase> db = m_database.connection();
        if (!db)
            return;
        const SagaContext context{m_payments, m_clock, m_keyLease};
        Result<SagaState> saga = OrderSaga::read(*db, orderId);
        if (saga && !saga->finished()) {
            Result<bool> claimed = OrderSaga::claim(*db, orderId, m_clock.now(), m_keyLease);
            if (claimed && *claimed)
                (void)OrderSaga::advance(*db, orderId, context);
        }
        Result<int> left = CardRefunds::settleOrder(*db, orderId, m_payments, m_clock, m_keyLease);
        if (!left)
            qCWarning(lcHttp) << "refunds of order" << orderId << "failed:" << left.error().message;
        m_bell.ring();
    });
}

void HttpApi::addRoutes()
{
    m_routes = std::make_unique<RouteContext>(
        RouteContext{m_http, m_runner, m_pool, m_longPolls, m_clock, m_payments, m_keyLease, m_bell,
                     m_stopping, [this](const QString &orderId) { settleSoon(orderId); }});
    const RouteContext *c = m_routes.get();

    m_http.route(u"/metrics"_s, QHttpServerRequest::Method::Get, [this] {
        return QHttpServerResponse("text/plain; version=0.0.4", m_metrics.render(),
                                   QHttpServerResponder::StatusCode::Ok);
    });
    m_http.route(u"/healthz"_s, QHttpServerRequest::Method::Get, httpkit::answered([this] {
                     return QtConcurrent::run(&m_pool, [this] {
                         Result<QSqlDatabase> db = m_database.connection();
                         if (!db)
                             return problem(db.error());
                         return json(200, R"({"status":"ok"})");
                     });
                 }));
    addOrderRoutes(c);
    addFollowUpRoutes(c);
    addJournalRoutes(c);
    addStoreRoutes(c);
    m_http.setMissingHandler([](const QHttpServerRequest &request,
                                QHttpServerResponder &&responder) {
        const Error error{u"route.not_found"_s,
                          QCoreApplication::translate("counterline::server", "There is no %1 here.")
                              .arg(request.url().path())};
        responder.write(protocol::Problem::fromError(error, 404).toBody(),
                        QByteArray(protocol::kProblemContentType.data()),
                        QHttpServerResponder::StatusCode::NotFound);
    });
}

} // namespace counterline::server
