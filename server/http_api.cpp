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

#include <openssl/crypto.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHttp, "counterline.server.http")

namespace counterline::server {

HttpApi::HttpApi(ServerDatabase &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
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
    m_pools.waitForDone();
}

Result<quint16> HttpApi::listen(const QHostAddress &address, quint16 port,
                                const std::optional<QSslConfiguration> &tls)
{
    m_connectionLimits.framing.bodyBytes = kMaxBodyBytes;
    return bindGated(m_http,
                     tls ? new httpkit::TlsListener(*tls, m_tlsLimits, m_connectionLimits, &m_http)
                         : new httpkit::GatedListener(m_connectionLimits, &m_http),
                     address, port);
}

Result<quint16> HttpApi::bindGated(QHttpServer &http, httpkit::GatedListener *listener,
                                   const QHostAddress &address, quint16 port)
{
    if (!listener->listen(address, port)) {
        delete listener;
        return Error{u"server.listen_failed"_s,
                     QCoreApplication::translate("counterline::server",
                                                 "Cannot listen on %1:%2 (in use, or not allowed).")
                         .arg(address.toString())
                         .arg(port)};
    }
    http.bind(listener);
    return listener->serverPort();
}

Result<quint16> HttpApi::listenForMetrics(const QHostAddress &address, quint16 port)
{
    m_metricsHttp = std::make_unique<QHttpServer>();
    m_metricsHttp->route(
        u"/metrics"_s, QHttpServerRequest::Method::Get,
        [this](const QHttpServerRequest &request) { return metricsAnswer(request, true); });
    m_metricsHttp->route(u"/healthz"_s, QHttpServerRequest::Method::Get,
                         httpkit::answered([this] { return health(); }));
    return bindGated(*m_metricsHttp,
                     new httpkit::GatedListener(m_connectionLimits, m_metricsHttp.get()), address,
                     port);
}

QFuture<QHttpServerResponse> HttpApi::health()
{
    // 200 while the database can be reached, on a pool of its own.
    return QtConcurrent::run(m_pools.health.threads(), [this] {
        Result<QSqlDatabase> db = m_database.connection();
        if (!db)
            return problem(db.error());
        return json(200, R"({"status":"ok"})");
    });
}

QHttpServerResponse HttpApi::metricsAnswer(const QHttpServerRequest &request, bool ownAddress) const
{
    if (m_metricsHttp && !ownAddress) {
        return problem(
            Error{u"route.not_found"_s,
                  QCoreApplication::translate(
                      "counterline::server",
                      "/metrics is served on the monitoring address (--metrics-listen).")});
    }
    if (!m_metricsToken.isEmpty()) {
        const QByteArray given = httpkit::incomingOf(request, "GET").token;
        const bool same =
            given.size() == m_metricsToken.size() &&
            CRYPTO_memcmp(given.constData(), m_metricsToken.constData(), size_t(given.size())) == 0;
        if (!same) {
            return problem(Error{u"auth.unauthenticated"_s,
                                 QCoreApplication::translate(
                                     "counterline::server",
                                     "/metrics needs the metrics token as Authorization: Bearer "
                                     "<token>.")});
        }
    }
    return QHttpServerResponse("text/plain; version=0.0.4", m_metrics.render(),
                               QHttpServerResponder::StatusCode::Ok);
}

void HttpApi::purgeKeys(std::chrono::hours retention, std::chrono::milliseconds interval)
{
    auto purge = [this, retention] {
        (void)QtConcurrent::run(m_pools.background.threads(), [this, retention] {
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
        (void)QtConcurrent::run(m_pools.background.threads(), [this] {
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
        (void)QtConcurrent::run(m_pools.background.threads(), [this] {
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
    (void)QtConcurrent::run(m_pools.payments.threads(), [this] {
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
    (void)QtConcurrent::run(m_pools.payments.threads(), [this, orderId] {
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
        RouteContext{m_http, m_runner, m_pools, m_clock, m_payments, m_keyLease, m_bell, m_stopping,
                     [this](const QString &orderId) { settleSoon(orderId); }});
    const RouteContext *c = m_routes.get();

    m_http.route(
        u"/metrics"_s, QHttpServerRequest::Method::Get,
        [this](const QHttpServerRequest &request) { return metricsAnswer(request, false); });
    m_http.route(u"/healthz"_s, QHttpServerRequest::Method::Get,
                 httpkit::answered([this] { return health(); }));
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
