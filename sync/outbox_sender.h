#pragma once

#include "domain/clock.h"
#include "store/database.h"
#include "store/outbox_store.h"
#include "store/sync_settings.h"
#include "sync/retry_policy.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QSet>

#include <optional>

namespace counterline::sync {

// What one pass over the outbox did.
struct SyncPass
{
    int sent = 0;
    int retrying = 0;
    int setAside = 0;
    bool paused = false;           // the server refused the terminal's token (401/403)
    bool lastNetworkError = false; // the last failure got no HTTP answer at all
    QString pauseReason;
};

// Sends due outbox entries to the server (BRIEF §5), several at once but each order's entries in
// order, each with the Idempotency-Key stored at checkout. Requests are pipelined (a new one goes
// as soon as one is answered) and answers are recorded in batches, one transaction per batch and
// at the end of the pass; a batch lost in a crash only means those entries go again as replays. 2xx
// and replays mark the entry sent; network errors, timeouts, 5xx, 409 in flight and 429 retry with
// backoff and Retry-After; 400/422 set the entry aside for a person without blocking other orders;
// 401/403 pause the pass. Asynchronous: runs on the caller's event loop and never blocks it.
class OutboxSender : public QObject
{
    Q_OBJECT

public:
    static constexpr int kInFlight = 8;     // requests at once (each of another order)
    static constexpr int kPrefetch = 256;   // due entries read at a time
    static constexpr int kSettleBatch = 64; // answers recorded per transaction

    OutboxSender(store::Database &database, const Clock &clock, store::SyncTarget target,
                 QObject *parent = nullptr);

    // Sends until nothing is due now; then emits finished() (never before returning).
    void runOnce();

signals:
    void finished(const counterline::sync::SyncPass &pass);

private:
    void fill();
    bool refill(qint64 afterSeq);
    std::optional<store::OutboxEntry> takeNext();
    void send(const store::OutboxEntry &entry);
    void settle(const store::OutboxEntry &entry, QNetworkReply *reply);
    void record(const store::Settlement &settlement);
    void flush();

    store::Database &m_database;
    const Clock &m_clock;
    store::SyncTarget m_target;
    store::OutboxStore m_outbox;
    RetryPolicy m_retry;
    QNetworkAccessManager m_network;
    SyncPass m_pass;
    QSet<qint64> m_attempted; // each entry is tried at most once per pass
    QList<store::OutboxEntry> m_queue;
    qint64 m_cursor = 0; // the highest sequence number read into the queue
    QSet<QString> m_ordersInFlight;
    QList<store::Settlement> m_settled; // answered, not yet recorded
    int m_inFlight = 0;
};

} // namespace counterline::sync
