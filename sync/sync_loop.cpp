#include "sync/sync_loop.h"

#include "store/outbox_store.h"

#include <QNetworkInformation>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace counterline::sync {

SyncLoop::SyncLoop(store::Database &database, const Clock &clock, store::SyncTarget target,
                   std::chrono::milliseconds interval, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(clock)
    , m_target(target)
    , m_sender(database, clock, target)
    , m_journal(database, clock, target)
    , m_puller(database, clock, target)
{
    m_timer.setInterval(interval);
    connect(&m_timer, &QTimer::timeout, this, &SyncLoop::tick);
    connect(&m_sender, &OutboxSender::finished, this, [this](const SyncPass &pass) {
        m_busy = false;
        // Every attempt failed without an answer: the server is out of reach.
        if (pass.sent == 0 && pass.retrying > 0 && pass.lastNetworkError)
            setOnline(false);
        // Answers came: the entries whose connection merely broke need not sit out a long backoff.
        if (pass.sent > 0)
            (void)store::OutboxStore(m_database, m_clock).wakeUpAfterNetworkErrors();
        emit passFinished(pass);
        if (m_online && !pass.paused)
            pull(pass.sent > 0);
    });
}

void SyncLoop::start()
{
    if (QNetworkInformation::loadDefaultBackend()) {
        QNetworkInformation *network = QNetworkInformation::instance();
        connect(network, &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability reachability) {
                    // Unknown tells nothing; Local and Site may well reach a server in the shop.
                    if (reachability != QNetworkInformation::Reachability::Unknown) {
                        networkReachabilityChanged(reachability !=
                                                   QNetworkInformation::Reachability::Disconnected);
                    }
                });
    }
    m_timer.start();
    tick();
}

void SyncLoop::networkReachabilityChanged(bool reachable)
{
    if (!reachable) {
        setOnline(false);
        return;
    }
    if (!m_online && !m_busy)
        probe();
}

void SyncLoop::tick()
{
    if (m_busy)
        return;
    if (!m_online) {
        probe();
        return;
    }
    m_busy = true;
    m_sender.runOnce();
}

// After a pass: what changed on the server, then (if the pass sent something) the journal.
void SyncLoop::pull(bool thenCheckJournal)
{
    m_busy = true;
    m_puller.run([this, thenCheckJournal](const Result<PullResult> &result) {
        m_busy = false;
        emit pulled(result ? *result : PullResult{}, result ? QString() : result.error().message);
        if (thenCheckJournal)
            checkJournalWhenDrained();
    });
}

void SyncLoop::checkJournalWhenDrained()
{
    const Result<store::SyncStatus> status = store::OutboxStore(m_database, m_clock).status();
    if (!status || status->pending > 0)
        return;
    m_busy = true;
    m_journal.run([this](const Result<store::JournalAuditResult> &result) {
        m_busy = false;
        if (result)
            emit journalChecked(*result);
    });
}

void SyncLoop::probe()
{
    QUrl url = m_target.serverUrl;
    url.setPath(u"/healthz"_s);
    QNetworkRequest request(url);
    request.setTransferTimeout(5'000);
    m_busy = true;
    QNetworkReply *reply = m_network.get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_busy = false;
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
            return;
        (void)store::OutboxStore(m_database, m_clock).wakeUp();
        setOnline(true);
        tick(); // at once, not at the next interval
    });
}

void SyncLoop::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    emit onlineChanged(online);
}

} // namespace counterline::sync
