#include "store/outbox_store.h"

#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"
#include "store/sql.h"

using namespace Qt::StringLiterals;

namespace counterline::store {

namespace {

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace

Result<void> OutboxStore::enqueue(const QSqlDatabase &db, const QString &orderId,
                                  const QString &kind, const QUuid &key, const QByteArray &payload,
                                  const QDateTime &at)
{
    Result<qint64> ran =
        execute(db,
                u"INSERT INTO outbox (order_id, kind, idempotency_key, payload, created_at) "
                "VALUES (?, ?, ?, ?, ?)"_s,
                {nullIfEmpty(orderId), kind, key.toString(QUuid::WithoutBraces),
                 QString::fromUtf8(payload), sqlkit::timeText(at)});
    return ran ? success() : Result<void>(ran.error());
}

OutboxStore::OutboxStore(const Database &database, const Clock &clock)
    : m_database(database)
    , m_db(database.connection())
    , m_clock(clock)
{}

Result<QList<OutboxEntry>> OutboxStore::due(int limit, qint64 afterSeq)
{
    Result<QSqlQuery> query = sqlkit::exec(
        m_db,
        u"SELECT o.seq, o.order_id, o.kind, o.idempotency_key, o.payload, o.attempts, "
        "o.created_at FROM outbox o "
        "WHERE o.state = 'pending' AND o.seq > ? "
        "AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?) "
        "AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.order_id = o.order_id "
        "                AND p.seq < o.seq AND p.state <> 'sent') "
        // A return goes after everything of the sale it gives back from (its hand-over)
        // and after the earlier returns of that sale: the server computes what each gives
        // back from the ones before it.
        "AND NOT EXISTS (SELECT 1 FROM orders r JOIN outbox p "
        "                ON p.order_id = r.original_order_id "
        "                WHERE r.id = o.order_id AND p.seq < o.seq AND p.state <> 'sent') "
        "AND NOT EXISTS (SELECT 1 FROM orders r JOIN orders e "
        "                ON e.original_order_id = r.original_order_id "
        "                JOIN outbox p ON p.order_id = e.id "
        "                WHERE r.id = o.order_id AND p.seq < o.seq AND p.state <> 'sent') "
        "ORDER BY o.seq LIMIT ?"_s,
        {afterSeq, sqlkit::timeText(m_clock.now()), limit});
    if (!query)
        return query.error();
    QList<OutboxEntry> entries;
    QSqlQuery &row = query.value();
    while (row.next()) {
        entries.append(OutboxEntry{row.value(0).toLongLong(), row.value(1).toString(),
                                   row.value(2).toString(), row.value(3).toString(),
                                   row.value(4).toString().toUtf8(), row.value(5).toInt(),
                                   sqlkit::timeFromText(row.value(6).toString())});
    }
    return entries;
}

Result<void> OutboxStore::applyRetry(const Settlement &settlement)
{
    Result<qint64> updated =
        execute(m_db,
                u"UPDATE outbox SET attempts = attempts + 1, last_status = ?, last_error = ?, "
                "last_code = ?, next_attempt_at = ? WHERE seq = ? AND state = 'pending'"_s,
                {settlement.httpStatus, settlement.error, nullIfEmpty(settlement.code),
                 sqlkit::timeText(settlement.retryAt), settlement.seq});
    return updated ? success() : Result<void>(updated.error());
}

Result<bool> OutboxStore::applySent(const Settlement &settlement, const QString &now)
{
    Result<qint64> sent = execute(
        m_db,
        u"UPDATE outbox SET state = 'sent', attempts = attempts + 1, last_status = ?, "
        "last_error = NULL, last_code = NULL, completed_at = ? WHERE seq = ? AND state = 'pending'"_s,
        {settlement.httpStatus, now, settlement.seq});
    if (!sent)
        return sent.error();
    if (sent.value() != 1)
        return false;
    Result<qint64> synced =
        execute(m_db,
                u"UPDATE orders SET server_order_no = ?, server_version = ?, synced_at = ?, "
                "sync_state = CASE WHEN EXISTS (SELECT 1 FROM outbox WHERE order_id = orders.id "
                "AND state <> 'sent') THEN sync_state ELSE 'synced' END "
                "WHERE id = (SELECT order_id FROM outbox WHERE seq = ?)"_s,
                {settlement.serverOrderNo, settlement.serverVersion, now, settlement.seq});
    if (!synced)
        return synced.error();
    return true;
}

Result<void> OutboxStore::applySetAside(const Settlement &settlement)
{
    Result<qint64> aside = execute(
        m_db,
        u"UPDATE outbox SET state = 'needs_attention', attempts = attempts + 1, "
        "last_status = ?, last_error = ?, last_code = ? "
        "WHERE seq = ? AND state = 'pending'"_s,
        {settlement.httpStatus, settlement.error, nullIfEmpty(settlement.code), settlement.seq});
    if (!aside)
        return aside.error();
    Result<qint64> flagged = execute(m_db,
                                     u"UPDATE orders SET sync_state = 'needs_attention' "
                                     "WHERE id = (SELECT order_id FROM outbox WHERE seq = ?)"_s,
                                     {settlement.seq});
    return flagged ? success() : Result<void>(flagged.error());
}

Result<void> OutboxStore::settle(const QList<Settlement> &settlements)
{
    if (settlements.isEmpty())
        return success();
    const QString now = sqlkit::timeText(m_clock.now());
    sqlkit::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun;
    for (const Settlement &settlement : settlements) {
        Result<void> applied = success();
        switch (settlement.outcome) {
        case Settlement::Outcome::Sent:
            if (Result<bool> sent = applySent(settlement, now); !sent)
                applied = sent.error();
            break;
        case Settlement::Outcome::Retry:
            applied = applyRetry(settlement);
            break;
        case Settlement::Outcome::SetAside:
            applied = applySetAside(settlement);
            break;
        }
        if (!applied)
            return applied;
    }
    return transaction.commit();
}

Result<void> OutboxStore::recordRetry(qint64 seq, int httpStatus, const QString &error,
                                      const QDateTime &retryAt)
{
    return applyRetry(Settlement::retry(seq, httpStatus, error, retryAt));
}

Result<void> OutboxStore::markSent(qint64 seq, int httpStatus, const QString &serverOrderNo,
                                   int serverVersion)
{
    sqlkit::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun;
    Result<bool> sent = applySent(Settlement::sent(seq, httpStatus, serverOrderNo, serverVersion),
                                  sqlkit::timeText(m_clock.now()));
    if (!sent)
        return sent.error();
    if (!*sent) {
        return Error{u"outbox.not_pending"_s,
                     tr("Outbox entry %1 is not waiting to be sent.").arg(seq)};
    }
    return transaction.commit();
}

Result<void> OutboxStore::markNeedsAttention(qint64 seq, int httpStatus, const QString &problem,
                                             const QString &code)
{
    return settle({Settlement::setAside(seq, httpStatus, problem, code)});
}

Result<int> OutboxStore::wakeUp()
{
    Result<qint64> woken = execute(
        m_db, u"UPDATE outbox SET next_attempt_at = NULL WHERE state = 'pending' "
              "AND next_attempt_at IS NOT NULL AND (last_status = 0 OR last_status >= 500)"_s);
    if (!woken)
        return woken.error();
    return int(woken.value());
}

Result<int> OutboxStore::wakeUpAfterNetworkErrors()
{
    Result<qint64> woken =
        execute(m_db, u"UPDATE outbox SET next_attempt_at = NULL WHERE state = 'pending' "
                      "AND next_attempt_at IS NOT NULL AND last_status = 0"_s);
    if (!woken)
        return woken.error();
    return int(woken.value());
}

QJsonObject WaitingEntry::toJson() const
{
    return QJsonObject{
        {u"outbox_seq"_s, seq},
        {u"order_id"_s, orderId},
        {u"receipt_no"_s, receiptNo},
        {u"kind"_s, kind},
        {u"state"_s, state},
        {u"attempts"_s, attempts},
        {u"last_status"_s, lastStatus},
        {u"last_error"_s, lastError},
        {u"last_code"_s, lastCode.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(lastCode)},
        {u"next_attempt_at"_s, nextAttemptAt
                                   ? QJsonValue(nextAttemptAt->toUTC().toString(Qt::ISODateWithMs))
                                   : QJsonValue(QJsonValue::Null)}};
}

Result<bool> OutboxStore::retryNow(qint64 seq)
{
    sqlkit::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun.error();
    Result<qint64> woken = execute(m_db,
                                   u"UPDATE outbox SET state = 'pending', next_attempt_at = NULL "
                                   "WHERE seq = ? AND state IN ('pending', 'needs_attention')"_s,
                                   {seq});
    if (!woken)
        return woken.error();
    if (woken.value() != 1)
        return false;
    Result<qint64> unflagged =
        execute(m_db,
                u"UPDATE orders SET sync_state = 'pending' WHERE sync_state = 'needs_attention' "
                "AND id = (SELECT order_id FROM outbox WHERE seq = ?)"_s,
                {seq});
    if (!unflagged)
        return unflagged.error();
    if (Result<void> committed = transaction.commit(); !committed)
        return committed.error();
    return true;
}

Result<SyncStatus> OutboxStore::status(int waitingLimit)
{
    Result<QSqlQuery> query =
        sqlkit::exec(m_db, u"SELECT (SELECT count(*) FROM outbox WHERE state = 'pending'), "
                           "(SELECT count(*) FROM outbox WHERE state = 'needs_attention'), "
                           "(SELECT MIN(created_at) FROM outbox WHERE state = 'pending'), "
                           "(SELECT MAX(completed_at) FROM outbox WHERE state = 'sent'), "
                           "(SELECT last_error FROM outbox WHERE last_error IS NOT NULL "
                           " ORDER BY seq DESC LIMIT 1), "
                           "(SELECT last_code FROM outbox WHERE last_error IS NOT NULL "
                           " ORDER BY seq DESC LIMIT 1), "
                           "(SELECT last_status FROM outbox WHERE last_error IS NOT NULL "
                           " ORDER BY seq DESC LIMIT 1)"_s);
    if (!query)
        return query.error();
    QSqlQuery &row = query.value();
    if (!row.next())
        return SyncStatus{};
    SyncStatus status;
    status.pending = row.value(0).toInt();
    status.needsAttention = row.value(1).toInt();
    if (!row.value(2).isNull())
        status.oldestPending = sqlkit::timeFromText(row.value(2).toString());
    if (!row.value(3).isNull())
        status.lastSuccess = sqlkit::timeFromText(row.value(3).toString());
    status.lastError = row.value(4).toString();
    status.lastCode = row.value(5).toString();
    status.lastStatus = row.value(6).toInt();
    row.finish();
    if (waitingLimit > 0) {
        Result<QSqlQuery> waiting = sqlkit::exec(
            m_db,
            u"SELECT b.seq, b.order_id, o.receipt_no, b.kind, b.state, b.attempts, "
            "b.last_status, b.last_error, b.next_attempt_at, b.last_code FROM outbox b "
            "LEFT JOIN orders o ON o.id = b.order_id WHERE b.state <> 'sent' "
            "ORDER BY b.seq LIMIT ?"_s,
            {waitingLimit});
        if (!waiting)
            return waiting.error();
        QSqlQuery &entry = waiting.value();
        while (entry.next()) {
            WaitingEntry item{
                entry.value(0).toLongLong(), entry.value(1).toString(), entry.value(2).toString(),
                entry.value(3).toString(),   entry.value(4).toString(), entry.value(5).toInt(),
                entry.value(6).toInt(),      entry.value(7).toString(), std::nullopt,
                entry.value(9).toString()};
            if (!entry.value(8).isNull())
                item.nextAttemptAt = sqlkit::timeFromText(entry.value(8).toString());
            status.waiting.append(item);
        }
    }
    Result<std::optional<JournalAuditResult>> journal = JournalAudit::last(m_database);
    if (!journal)
        return journal.error();
    status.journal = *journal;
    return status;
}

} // namespace counterline::store
