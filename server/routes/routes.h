#pragma once

#include "domain/clock.h"
#include "httpkit/deferred.h"
#include "httpkit/incoming.h"
#include "server/event_bell.h"
#include "server/http_answers.h"
#include "server/payment_gateway.h"
#include "server/request_runner.h"
#include "server/worker_pools.h"

#include <QAtomicInt>
#include <QFuture>
#include <QHttpServer>

#include <chrono>
#include <functional>

namespace counterline::server {

// What the routes of the v1 API share: the HTTP server they are added to, the runner that puts
// their work on a pool, and the server's state some of them read. HttpApi owns it; it outlives
// every route.
struct RouteContext
{
    QHttpServer &http;
    RequestRunner &runner;
    WorkerPools &pools; // one per purpose: each route says which
    const Clock &clock;
    const PaymentGateway &payments;
    const std::chrono::seconds &keyLease;
    EventBell &bell;
    const QAtomicInt &stopping;
    // Runs what a cancel or refund of an order left to do with the payment service.
    std::function<void(const QString &orderId)> settleSoon;
};

inline constexpr qsizetype kMaxBodyBytes = 1024 * 1024;

// Adds a route, and its template to those the metrics count requests under.
template<typename... Handler>
void addRoute(const RouteContext *c, const QString &path, QHttpServerRequest::Method method,
              Handler &&...handler)
{
    c->runner.routes().add(path);
    c->http.route(path, method, std::forward<Handler>(handler)...);
}

// One file of routes per resource (server/routes/*.cpp).
void addOrderRoutes(const RouteContext *c);    // /v1/orders, an order, its events, cancel, saga
void addFollowUpRoutes(const RouteContext *c); // /v1/follow-ups and their notes
void addJournalRoutes(const RouteContext *c);  // /v1/journal…, /v1/terminal/journal
void addStoreRoutes(const RouteContext *c);    // /v1/terminal, /v1/catalog, /v1/changes, /v1/events

} // namespace counterline::server
