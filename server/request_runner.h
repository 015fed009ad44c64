#pragma once

#include "domain/clock.h"
#include "httpkit/idempotency.h"
#include "httpkit/incoming.h"
#include "httpkit/route_templates.h"
#include "httpkit/worker_run.h"
#include "server/event_bell.h"
#include "server/http_answers.h"
#include "server/idempotency.h"
#include "server/metrics.h"
#include "server/order_ingest.h"
#include "server/principals.h"
#include "server/server_database.h"

#include <QAtomicInt>
#include <QFuture>
#include <QHttpServerResponse>
#include <QThreadPool>

#include <chrono>
#include <optional>

namespace counterline::server {

using httpkit::Incoming;

// Runs a request's work on a worker pool, each worker with its own database connection: it
// authenticates the caller, runs the work, turns errors into problems, tries a busy database
// again a few times with a growing random pause, then records metrics and the access log.
// idempotent() wraps work in the Idempotency-Key flow of BRIEF §5.
class RequestRunner
{
public:
    static constexpr int kBusyRetries = 5;

    RequestRunner(ServerDatabase &database, const Clock &clock, Metrics &metrics, EventBell &bell,
                  const std::chrono::seconds &keyLease)
        : m_database(database)
        , m_clock(clock)
        , m_metrics(metrics)
        , m_bell(bell)
        , m_keyLease(keyLease)
    {}

    // `work(db, caller, incoming)` returns a QHttpServerResponse (httpkit::runOnPool).
    // On a full pool the answer is 503 with Retry-After at once.
    template<typename Work>
    QFuture<QHttpServerResponse> run(httpkit::WorkerPool &pool, Incoming incoming, Work work)
    {
        m_inFlight.ref();
        return httpkit::runOnPool(
            pool, kBusyRetries, [this, incoming, work]() { return authenticated(incoming, work); },
            [] { return takeDatabaseBusy(); },
            [this, incoming](const QHttpServerResponse &response, qint64 elapsed) {
                finish(incoming, response, elapsed);
            },
            [] { return poolFull(); });
    }

    // The Idempotency-Key flow (httpkit::runKeyed) around `run(slot, now)`, which must complete
    // the key in its own transaction (IdempotencySlot). Validation happens before, so bad
    // requests keep their key.
    template<typename Run>
    QHttpServerResponse idempotent(const QSqlDatabase &db, const Principal &caller,
                                   const Incoming &in, const QByteArray &fingerprint, Run run)
    {
        const std::optional<QString> key = httpkit::usableKey(in.idempotencyKey);
        if (!key)
            return missingKey();
        const QDateTime now = m_clock.now();
        Result<httpkit::KeyOutcome> outcome = httpkit::runKeyed(
            [&] { return earlier(db, caller.id, *key, fingerprint, now); },
            [&]() -> Result<httpkit::KeyOutcome> {
                Result<IngestAnswer> answer = run(IdempotencySlot{caller.id, *key}, now);
                if (!answer)
                    return answer.error();
                return httpkit::KeyOutcome{
                    httpkit::KeyOutcome::Kind::Made, answer->status, answer->body, {}};
            },
            [&] { (void)Idempotency::release(db, caller.id, *key); });
        if (!outcome)
            return problem(outcome.error());
        if (outcome->kind == httpkit::KeyOutcome::Kind::Replay)
            m_metrics.recordReplay();
        return httpkit::answerOf(*outcome, keyRefusals());
    }

    // Requests running now (a clean shutdown waits for none).
    int inFlight() const { return m_inFlight.loadAcquire(); }

    // The routes the metrics count requests under; added while the routes are (addRoute).
    httpkit::RouteTemplates &routes() { return m_routes; }

private:
    template<typename Work>
    QHttpServerResponse authenticated(const Incoming &incoming, const Work &work)
    {
        Result<QSqlDatabase> db = m_database.connection();
        if (!db)
            return problem(db.error());
        Result<std::optional<Principal>> caller = Principals::authenticate(*db, incoming.token);
        if (!caller)
            return problem(caller.error());
        if (!caller->has_value())
            return unauthenticated();
        return work(*db, **caller, incoming);
    }

    static QHttpServerResponse unauthenticated();
    // Begins the key: nothing when the request may run, else what an earlier one came to.
    Result<std::optional<httpkit::KeyOutcome>>
    earlier(const QSqlDatabase &db, const QString &principalId, const QString &key,
            const QByteArray &fingerprint, const QDateTime &now) const;
    static httpkit::KeyRefusals keyRefusals();
    void finish(const Incoming &incoming, const QHttpServerResponse &response, qint64 elapsed);

    ServerDatabase &m_database;
    const Clock &m_clock;
    Metrics &m_metrics;
    EventBell &m_bell;
    const std::chrono::seconds &m_keyLease;
    QAtomicInt m_inFlight = 0;
    httpkit::RouteTemplates m_routes;
};

} // namespace counterline::server
