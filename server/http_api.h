#pragma once

#include "domain/clock.h"
#include "domain/result.h"
#include "httpkit/tls_listener.h"
#include "server/event_bell.h"
#include "server/idempotency.h"
#include "server/metrics.h"
#include "server/nats_relay.h"
#include "server/payment_gateway.h"
#include "server/request_runner.h"
#include "server/server_database.h"
#include "server/worker_pools.h"

#include <QAtomicInt>
#include <QFuture>
#include <QHostAddress>
#include <QHttpServer>
#include <QSslConfiguration>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace counterline::server {

struct RouteContext;

// The v1 HTTP API (BRIEF §5, docs/openapi.yaml). Handlers parse on the HTTP thread and do all
// database work on a worker pool, each worker with its own connection; the HTTP thread never
// waits for SQL.
class HttpApi
{
public:
    HttpApi(ServerDatabase &database, const Clock &clock);
    ~HttpApi();

    // Listens on `address`:`port` (0 picks a free port), with TLS when `tls` is given, and
    // returns the port.
    Result<quint16> listen(const QHostAddress &address, quint16 port,
                           const std::optional<QSslConfiguration> &tls = std::nullopt);

    // How many TLS handshakes may run at once and how long each may take (httpkit::TlsListener);
    // what each connection may send and hold (httpkit::GatedListener). Before listen().
    void setEdgeLimits(httpkit::TlsListener::Limits tls, httpkit::ConnectionLimits connections)
    {
        m_tlsLimits = tls;
        m_connectionLimits = connections;
    }

    // /metrics asks for `Authorization: Bearer <token>` (none: open, as on a trusted network).
    void guardMetrics(QByteArray token) { m_metricsToken = std::move(token); }

    // Serves /metrics and /healthz on an address of their own (plain HTTP, for the monitoring
    // network); /metrics on the API's address then answers 404. Returns the port.
    Result<quint16> listenForMetrics(const QHostAddress &address, quint16 port);

    // How long a running request holds its idempotency key (Idempotency::kDefaultLease).
    void setKeyLease(std::chrono::seconds lease) { m_keyLease = lease; }

    // The payment service the sagas charge through (counterline-paysim or a gateway like it).
    void setPayments(const QUrl &service) { m_payments = PaymentGateway(service); }

    // Resumes unfinished sagas whose runner is gone (a server that died mid-saga) or whose next
    // try is due: now, then every `interval`.
    void recoverSagas(std::chrono::milliseconds interval);

    // Delivers the outbox's events to the webhook subscribers every `interval`.
    void relayWebhooks(std::chrono::milliseconds interval);

    // Publishes the outbox's events to NATS JetStream at `url` every `interval`.
    void relayToNats(const QString &url, std::chrono::milliseconds interval);

    // Deletes idempotency keys older than `retention` now and then every `interval`.
    void purgeKeys(std::chrono::hours retention, std::chrono::milliseconds interval);

    // On SIGTERM: stops accepting connections, lets the requests in flight finish and their
    // answers go out, then calls `done` (on the HTTP thread).
    void shutDown(std::function<void()> done);

    // Waits for the worker pool (after shutDown, or in tests).
    void drain();

private:
    void addRoutes();
    QHttpServerResponse metricsAnswer(const QHttpServerRequest &request, bool ownAddress) const;
    QFuture<QHttpServerResponse> health();
    // Listens with `listener` (deleted when it cannot) and binds it to `http`.
    static Result<quint16> bindGated(QHttpServer &http, httpkit::GatedListener *listener,
                                     const QHostAddress &address, quint16 port);
    void runDueSagas();
    // Runs what a cancel or refund of `orderId` left to do with the payment service.
    void settleSoon(const QString &orderId);

    ServerDatabase &m_database;
    const Clock &m_clock;
    Metrics m_metrics;
    QTimer m_purgeTimer;
    QTimer m_sagaTimer;
    QAtomicInt m_sagasRunning = 0;
    QTimer m_webhookTimer;
    QTimer m_natsTimer;
    QAtomicInt m_natsRunning = 0;
    std::unique_ptr<NatsRelay> m_nats;
    QAtomicInt m_webhooksRunning = 0;
    QAtomicInt m_stopping = 0;
    EventBell m_bell;
    PaymentGateway m_payments{QUrl()};
    std::chrono::seconds m_keyLease = Idempotency::kDefaultLease;
    RequestRunner m_runner{m_database, m_clock, m_metrics, m_bell, m_keyLease};
    httpkit::TlsListener::Limits m_tlsLimits;
    httpkit::ConnectionLimits m_connectionLimits;
    WorkerPools m_pools; // one per purpose (server/worker_pools.h)
    QHttpServer m_http;
    QByteArray m_metricsToken;
    std::unique_ptr<QHttpServer> m_metricsHttp; // --metrics-listen
    std::unique_ptr<RouteContext> m_routes;     // what the routes share (server/routes)
};

} // namespace counterline::server
