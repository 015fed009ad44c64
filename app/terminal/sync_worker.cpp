#include "sync_worker.h"

#include "store/database.h"
#include "store/sync_settings.h"
#include "sync/sync_loop.h"

#include <QTimer>

namespace counterline::app {

SyncWorker::SyncWorker(QString databaseFile, const Clock &clock)
    : m_databaseFile(std::move(databaseFile))
    , m_clock(clock)
{
    m_thread.setObjectName(QStringLiteral("sync"));
}

SyncWorker::~SyncWorker()
{
    // The loop, its sockets and its database connection go on the thread they live on.
    if (m_context) {
        QMetaObject::invokeMethod(
            m_context, [this] { delete m_context; }, Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

void SyncWorker::start()
{
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(m_context, [this] {
        Result<std::unique_ptr<store::Database>> opened = store::Database::open(m_databaseFile);
        if (!opened)
            return;
        store::Database *database = std::move(opened).value().release();
        auto *owner = new QObject(m_context);
        connect(owner, &QObject::destroyed, [database] { delete database; });
        Result<std::optional<store::SyncTarget>> target = store::SyncSettings::load(*database);
        auto report = [this, database](bool online) {
            Result<store::SyncStatus> status = store::OutboxStore(*database, m_clock).status(50);
            if (status)
                emit statusChanged(online, *status);
        };
        if (!target || !target->has_value()) {
            report(false);
            return;
        }
        auto *loop =
            new sync::SyncLoop(*database, m_clock, **target, std::chrono::seconds(5), owner);
        connect(loop, &sync::SyncLoop::passFinished, owner,
                [loop, report] { report(loop->isOnline()); });
        connect(loop, &sync::SyncLoop::onlineChanged, owner,
                [report](bool online) { report(online); });
        // Sales made meanwhile show up as pending within a second, not only after a pass.
        auto *refresh = new QTimer(owner);
        connect(refresh, &QTimer::timeout, owner, [loop, report] { report(loop->isOnline()); });
        refresh->start(1000);
        loop->start();
    });
}

} // namespace counterline::app
