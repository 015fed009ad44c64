#pragma once

#include "domain/clock.h"
#include "store/journal_audit.h"
#include "store/sync_settings.h"

#include <QNetworkAccessManager>
#include <QObject>

#include <functional>

namespace counterline::sync {

// Asks the server how this terminal's journal looks there (GET /v1/terminal/journal) and
// compares it with the terminal's own chain and outbox (store::JournalAudit): an entry the server
// lacks that is not waiting to be sent is a gap, reported on the terminal as on the server.
class JournalCheck : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const Result<store::JournalAuditResult> &)>;

    JournalCheck(store::Database &database, const Clock &clock, store::SyncTarget target,
                 QObject *parent = nullptr);

    // Asynchronous; `done` runs on this object's thread when the answer is in.
    void run(Done done);

private:
    store::Database &m_database;
    const Clock &m_clock;
    store::SyncTarget m_target;
    QNetworkAccessManager m_network;
};

} // namespace counterline::sync
