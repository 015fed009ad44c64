#pragma once

#include "domain/result.h"
#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"

#include <QByteArray>
#include <QDateTime>
#include <QSqlDatabase>

#include <chrono>

namespace counterline::server {

// What to do with a request that carries an Idempotency-Key (BRIEF §5).
struct IdempotencyDecision
{
    enum class Kind
    {
        Proceed,  // first time (or a dead attempt's lease ran out): run it
        Replay,   // answered before: send `status` and `body` again, byte for byte
        Mismatch, // same key, another request: 422, nothing runs
        InFlight  // the first attempt is still running: 409 with Retry-After
    };
    Kind kind = Kind::Proceed;
    int status = 0;
    QByteArray body;
};

class Idempotency
{
public:
    // How long a running attempt holds its key before another may take it over (a server killed
    // mid-request never finishes its attempt), unless --key-lease-seconds says otherwise.
    static constexpr std::chrono::seconds kDefaultLease{30};

    // Records (principal, key) as running with the request's fingerprint, in its own committed
    // transaction, so that a concurrent duplicate sees it at once.
    static Result<IdempotencyDecision> begin(const QSqlDatabase &db, const QString &principalId,
                                             const QString &key, const QByteArray &fingerprint,
                                             const QDateTime &now,
                                             std::chrono::seconds lease = kDefaultLease);

    // Stores the answer of a running key, byte for byte, in the caller's transaction (the one
    // that made the request's effects).
    static Result<void> complete(const QSqlDatabase &db, const QString &principalId,
                                 const QString &key, int status, const QByteArray &body);

    // complete(), then commits `transaction`: the change and the answer to the request that made
    // it are one.
    static Result<void> completeAndCommit(const QSqlDatabase &db, sqlkit::Transaction &transaction,
                                          const QString &principalId, const QString &key,
                                          int status, const QByteArray &body);

    // Forgets a running key whose request failed validation or could not run: it is not
    // consumed, and the same key may be sent again.
    static Result<void> release(const QSqlDatabase &db, const QString &principalId,
                                const QString &key);

    // Deletes keys older than `retention` (default policy: 35 days). Orders stay; a replay after
    // the purge finds its order by the natural key.
    static Result<int> purge(const QSqlDatabase &db, std::chrono::hours retention,
                             const QDateTime &now);
};

} // namespace counterline::server
