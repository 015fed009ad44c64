#include "server/idempotency.h"

#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"

using namespace Qt::StringLiterals;

namespace counterline::server {

Result<IdempotencyDecision> Idempotency::begin(const QSqlDatabase &db, const QString &principalId,
                                               const QString &key, const QByteArray &fingerprint,
                                               const QDateTime &now, std::chrono::seconds leaseTime)
{
    const QString lease = sqlkit::timeText(now.addSecs(leaseTime.count()));
    Result<QSqlQuery> inserted = sqlkit::exec(
        db,
        u"INSERT INTO idempotency_keys (principal_id, idem_key, fingerprint, state, created_at, "
        "lease_until) VALUES (?, ?, ?, 'running', ?, ?)"_s,
        {principalId, key, QString::fromLatin1(fingerprint), sqlkit::timeText(now), lease});
    if (inserted)
        return IdempotencyDecision{};
    if (inserted.error().code != u"sql.conflict"_s)
        return inserted.error();

    Result<QSqlQuery> found =
        sqlkit::exec(db,
                     u"SELECT fingerprint, state, response_status, response_body, lease_until "
                     "FROM idempotency_keys WHERE principal_id = ? AND idem_key = ?"_s,
                     {principalId, key});
    if (!found)
        return found.error();
    QSqlQuery &row = found.value();
    if (!row.next()) // purged between the two statements: try once more from the start
        return begin(db, principalId, key, fingerprint, now, leaseTime);
    if (row.value(0).toString().toLatin1() != fingerprint)
        return IdempotencyDecision{IdempotencyDecision::Kind::Mismatch, 0, {}};
    if (row.value(1).toString() == u"done"_s) {
        return IdempotencyDecision{IdempotencyDecision::Kind::Replay, row.value(2).toInt(),
                                   row.value(3).toString().toUtf8()};
    }
    const QString heldUntil = row.value(4).toString();
    if (heldUntil > sqlkit::timeText(now))
        return IdempotencyDecision{IdempotencyDecision::Kind::InFlight, 0, {}};
    // The first attempt died; take its lease over, unless someone else just did.
    Result<QSqlQuery> taken = sqlkit::exec(
        db,
        u"UPDATE idempotency_keys SET lease_until = ? "
        "WHERE principal_id = ? AND idem_key = ? AND state = 'running' AND lease_until = ?"_s,
        {lease, principalId, key, heldUntil});
    if (!taken)
        return taken.error();
    if (taken.value().numRowsAffected() == 1)
        return IdempotencyDecision{};
    return IdempotencyDecision{IdempotencyDecision::Kind::InFlight, 0, {}};
}

Result<void> Idempotency::complete(const QSqlDatabase &db, const QString &principalId,
                                   const QString &key, int status, const QByteArray &body)
{
    Result<QSqlQuery> completed = sqlkit::exec(
        db,
        u"UPDATE idempotency_keys SET state = 'done', response_status = ?, response_body = ? "
        "WHERE principal_id = ? AND idem_key = ?"_s,
        {status, QString::fromUtf8(body), principalId, key});
    return completed ? success() : Result<void>(completed.error());
}

Result<void> Idempotency::completeAndCommit(const QSqlDatabase &db,
                                            sqlkit::Transaction &transaction,
                                            const QString &principalId, const QString &key,
                                            int status, const QByteArray &body)
{
    if (Result<void> completed = complete(db, principalId, key, status, body); !completed)
        return completed;
    return transaction.commit();
}

Result<void> Idempotency::release(const QSqlDatabase &db, const QString &principalId,
                                  const QString &key)
{
    Result<QSqlQuery> deleted =
        sqlkit::exec(db,
                     u"DELETE FROM idempotency_keys WHERE principal_id = ? AND idem_key = ? "
                     "AND state = 'running'"_s,
                     {principalId, key});
    return deleted ? success() : Result<void>(deleted.error());
}

Result<int> Idempotency::purge(const QSqlDatabase &db, std::chrono::hours retention,
                               const QDateTime &now)
{
    Result<QSqlQuery> deleted =
        sqlkit::exec(db, u"DELETE FROM idempotency_keys WHERE created_at < ? AND state = 'done'"_s,
                     {sqlkit::timeText(now.addSecs(
                         -std::chrono::duration_cast<std::chrono::seconds>(retention).count()))});
    if (!deleted)
        return deleted.error();
    return deleted.value().numRowsAffected();
}

} // namespace counterline::server
