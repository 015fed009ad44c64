#pragma once

#include "domain/clock.h"
#include "httpkit/incoming.h"
#include "server/event_bell.h"
#include "server/http_answers.h"
#include "server/idempotency.h"
#include "server/metrics.h"
#include "server/order_ingest.h"
#include "server/principals.h"
#include "server/server_database.h"

#include <QAtomicInt>
#include <QElapsedTimer>
#include <QFuture>
#include <QHttpServerResponse>
#include <QRandomGenerator>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent>

#include <chrono>

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

    // `work(db, caller, incoming)` returns a QHttpServerResponse.
    template<typename Work>
    QFuture<QHttpServerResponse> run(QThreadPool *pool, Incoming incoming, Work work)
    {
        QElapsedTimer timer;
        timer.start();
        m_inFlight.ref();
        return QtConcurrent::run(pool, [this, incoming = std::move(incoming), work, timer]() {
            auto respond = [&]() { return authenticated(incoming, work); };
            QHttpServerResponse response = respond();
            for (int attempt = 1; takeDatabaseBusy() && attempt <= kBusyRetries; ++attempt) {
                QThread::msleep(QRandomGenerator::global()->bounded(20u * attempt, 60u * attempt));
                response = respond();
            }
            finish(incoming, response, timer.nsecsElapsed());
            return response;
        });
    }

    // The Idempotency-Key flow around `run(slot, now)`, which must complete the key in its own
    // transaction (IdempotencySlot). Validation happens before, so bad requests keep their key.
    template<typename Run>
    QHttpServerResponse idempotent(const QSqlDatabase &db, const Principal &caller,
                                   const Incoming &in, const QByteArray &fingerprint, Run run)
    {
        if (in.idempotencyKey.isEmpty() || in.idempotencyKey.size() > 255)
            return missingKey();
        const QString key = QString::fromUtf8(in.idempotencyKey);
        const QDateTime now = m_clock.now();
        Result<IdempotencyDecision> decision =
            Idempotency::begin(db, caller.id, key, fingerprint, now, m_keyLease);
        if (!decision)
            return problem(decision.error());
        if (decision->kind != IdempotencyDecision::Kind::Proceed)
            return unlessProceeding(*decision);
        Result<IngestAnswer> answer = run(IdempotencySlot{caller.id, key}, now);
        if (!answer) {
            (void)Idempotency::release(db, caller.id, key);
            return problem(answer.error());
        }
        return json(answer->status, answer->body);
    }

    // Requests running now (a clean shutdown waits for none).
    int inFlight() const { return m_inFlight.loadAcquire(); }

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
    // A replay, a key used for another request, or one still running.
    QHttpServerResponse unlessProceeding(const IdempotencyDecision &decision);
    void finish(const Incoming &incoming, const QHttpServerResponse &response, qint64 elapsed);

    ServerDatabase &m_database;
    const Clock &m_clock;
    Metrics &m_metrics;
    EventBell &m_bell;
    const std::chrono::seconds &m_keyLease;
    QAtomicInt m_inFlight = 0;
};

} // namespace counterline::server
