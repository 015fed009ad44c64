#pragma once

#include "sync/journal_check.h"
#include "sync/outbox_sender.h"
#include "sync/puller.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>

namespace counterline::sync {

// Keeps syncing until stopped: a pass over the outbox every interval while the server answers,
// each followed by a pull of the server's change feeds (catalog, central order changes);
// while it does not, a probe of /healthz every interval, and the moment it answers again the
// entries waiting out a backoff are woken and sent at once. Whenever a pass has emptied the
// outbox, the server's copy of the journal is checked for gaps. The operating system's view of
// the network (QNetworkInformation) is a second signal beside the probes. Nothing here blocks the
// event loop.
class SyncLoop : public QObject
{
    Q_OBJECT

public:
    SyncLoop(store::Database &database, const Clock &clock, store::SyncTarget target,
             std::chrono::milliseconds interval, QObject *parent = nullptr);

    void start();
    bool isOnline() const { return m_online; }

    // What the operating system says about the network (QNetworkInformation, where a backend
    // exists; start() connects it). No network: offline at once, no attempts wasted. A network
    // again while offline: probe the server now, not at the next interval.
    void networkReachabilityChanged(bool reachable);

signals:
    void passFinished(const counterline::sync::SyncPass &pass);
    void onlineChanged(bool online);
    // After a pass that emptied the outbox: the server's copy of the journal, compared.
    void journalChecked(const counterline::store::JournalAuditResult &result);
    // After each pass while online: what the server's feeds brought (error empty), or why not.
    void pulled(const counterline::sync::PullResult &result, const QString &error);

private:
    void tick();
    void probe();
    void pull(bool thenCheckJournal);
    void checkJournalWhenDrained();
    void setOnline(bool online);

    store::Database &m_database;
    const Clock &m_clock;
    store::SyncTarget m_target;
    OutboxSender m_sender;
    JournalCheck m_journal;
    Puller m_puller;
    QNetworkAccessManager m_network;
    QTimer m_timer;
    bool m_online = true;
    bool m_busy = false;
};

} // namespace counterline::sync
