#pragma once

#include "domain/clock.h"
#include "store/outbox_store.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace counterline::app {

// Runs the terminal's sync (sync::SyncLoop) on a thread of its own with its own connection to the
// terminal database, so that no network answer or outbox write ever waits on the GUI thread.
// Reports what the status bar shows. Owned by main(); stops with it.
class SyncWorker : public QObject
{
    Q_OBJECT

public:
    SyncWorker(QString databaseFile, const Clock &clock);
    ~SyncWorker() override;

    void start(); // does nothing when the terminal is not enrolled

signals:
    void statusChanged(bool online, const counterline::store::SyncStatus &status);

private:
    QThread m_thread;
    QString m_databaseFile;
    const Clock &m_clock;
    QObject *m_context = nullptr; // lives on m_thread
};

} // namespace counterline::app
