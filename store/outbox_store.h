#pragma once

#include "domain/clock.h"
#include "domain/result.h"
#include "store/database.h"
#include "store/journal_audit.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QUuid>

#include <optional>

namespace counterline::store {

// One row of the outbox: something the server must receive, with the idempotency key made when
// it was written (never regenerated) and its delivery history.
struct OutboxEntry
{
    qint64 seq = 0;
    QString orderId; // empty for a generic journal entry
    QString kind;    // "create", "event", "cancel", "journal"
    QString idempotencyKey;
    QByteArray payload;
    int attempts = 0;
    QDateTime createdAt;
};

// One entry not yet delivered, with its delivery history.
struct WaitingEntry
{
    qint64 seq = 0;
    QString orderId;
    QString receiptNo;
    QString kind;
    QString state; // "pending" or "needs_attention"
    int attempts = 0;
    int lastStatus = 0; // the last HTTP status; 0 when there was no answer
    QString lastError;
    std::optional<QDateTime> nextAttemptAt;
    QString lastCode; // the server's problem code ("order.totals_mismatch"), if it sent one

    // For `sync status --json` and the back office's diagnostics.
    QJsonObject toJson() const;
};

// What became of one attempt, to be recorded with others in one transaction (OutboxStore::settle).
struct Settlement
{
    enum class Outcome
    {
        Sent,
        Retry,
        SetAside
    };

    qint64 seq = 0;
    Outcome outcome = Outcome::Retry;
    int httpStatus = 0;
    QString serverOrderNo; // Sent
    int serverVersion = 0; // Sent
    QString error;         // Retry and SetAside: what the server (or the network) said
    QDateTime retryAt;     // Retry
    QString code;          // Retry and SetAside: the server's problem code, if any

    static Settlement sent(qint64 seq, int httpStatus, const QString &serverOrderNo,
                           int serverVersion)
    {
        return {seq, Outcome::Sent, httpStatus, serverOrderNo, serverVersion, {}, {}, {}};
    }
    static Settlement retry(qint64 seq, int httpStatus, const QString &error,
                            const QDateTime &retryAt, const QString &code = {})
    {
        return {seq, Outcome::Retry, httpStatus, {}, 0, error, retryAt, code};
    }
    static Settlement setAside(qint64 seq, int httpStatus, const QString &problem,
                               const QString &code = {})
    {
        return {seq, Outcome::SetAside, httpStatus, {}, 0, problem, {}, code};
    }
};

// What the status bar and `counterline-cli sync status` show: one value the UI binds to.
struct SyncStatus
{
    int pending = 0;
    int needsAttention = 0;
    std::optional<QDateTime> oldestPending;
    std::optional<QDateTime> lastSuccess;
    QString lastError;
    QString lastCode;            // the code beside lastError, if the server sent one
    int lastStatus = 0;          // the HTTP status beside lastError; 0 when there was no answer
    QList<WaitingEntry> waiting; // oldest first, at most the limit asked for
    std::optional<JournalAuditResult> journal; // the last check against the server, if any
};

// The terminal side of sync (BRIEF §5): which entries are due, and what became of each attempt.
// Entries of one order go strictly in order (a create before its events); an entry set aside for
// a person blocks only the entries of its own order.
class OutboxStore
{
    Q_DECLARE_TR_FUNCTIONS(OutboxStore)

public:
    OutboxStore(const Database &database, const Clock &clock);

    // The one door into the outbox, within the caller's transaction (checkout, an event, a
    // return, a generic journal entry): `payload` is frozen as it is, with the key made now.
    // `orderId` is empty for a generic journal entry.
    static Result<void> enqueue(const QSqlDatabase &db, const QString &orderId, const QString &kind,
                                const QUuid &key, const QByteArray &payload, const QDateTime &at);

    // Pending entries whose retry time has come and which are first in line for their order
    // (a return is in line after the sale it gives back from and the sale's earlier returns),
    // oldest first, at most `limit`, with a sequence number above `afterSeq`.
    Result<QList<OutboxEntry>> due(int limit, qint64 afterSeq = 0);

    // Records several outcomes in one transaction (one sync to disk for many answers). An entry
    // that is no longer pending is left as it is. Losing a batch in a crash is harmless: its
    // entries are sent again with their keys and the server answers them as replays.
    Result<void> settle(const QList<Settlement> &settlements);

    // A failed attempt that will be retried at `retryAt` (network error: status 0).
    Result<void> recordRetry(qint64 seq, int httpStatus, const QString &error,
                             const QDateTime &retryAt);
    // Delivered: the server's order number and version are kept on the order; the order is
    // "synced" once none of its entries is pending.
    Result<void> markSent(qint64 seq, int httpStatus, const QString &serverOrderNo,
                          int serverVersion);
    // The server refused the entry for good (400/422): set aside with its problem detail.
    Result<void> markNeedsAttention(qint64 seq, int httpStatus, const QString &problem,
                                    const QString &code = {});

    // The server is reachable again: entries waiting out a backoff after a network error or a
    // server error become due at once. Returns how many.
    Result<int> wakeUp();
    // The server answered other requests: entries waiting out a backoff after a network error
    // only (a dropped connection, not a struggling server) become due at once.
    Result<int> wakeUpAfterNetworkErrors();

    // A person asks to try again now (the back office's "Retry now"): the entry is due at once,
    // with its key; one set aside for a person goes back in line, and its order is no longer
    // flagged. Returns false when the entry was already delivered.
    Result<bool> retryNow(qint64 seq);

    Result<SyncStatus> status(int waitingLimit = 0);

private:
    Result<bool> applySent(const Settlement &settlement, const QString &now);
    Result<void> applyRetry(const Settlement &settlement);
    Result<void> applySetAside(const Settlement &settlement);

    const Database &m_database;
    QSqlDatabase m_db;
    const Clock &m_clock;
};

} // namespace counterline::store
