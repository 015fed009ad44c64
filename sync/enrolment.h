#pragma once

#include "domain/clock.h"
#include "domain/result.h"
#include "store/database.h"
#include "store/sync_settings.h"
#include "store/terminal_identity.h"
#include "sync/puller.h"

#include <QNetworkAccessManager>
#include <QObject>

#include <functional>
#include <memory>

namespace counterline::sync {

// What enrolling brought: who this terminal is, its store's name, the products received.
struct EnrolOutcome
{
    store::TerminalIdentity identity;
    QString storeName;
    int products = 0;
};

// Enrols a terminal with a server (BRIEF §5): asks who the token belongs to (GET /v1/terminal),
// takes that identity — or, for a database that has one already, checks it is the same terminal
// and changes nothing if not (sync.other_terminal) —, keeps the server and the token, and pulls the
// catalog. Asynchronous; `done` runs once, on this object's thread.
class Enrolment : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const Result<EnrolOutcome> &)>;

    Enrolment(store::Database &database, const Clock &clock, store::SyncTarget target,
              QObject *parent = nullptr);

    void start(Done done);

private:
    // The identity the server describes, taken or checked against the database's own.
    Result<EnrolOutcome> adopt(const QJsonObject &terminal);
    void pullCatalog(EnrolOutcome outcome);

    store::Database &m_database;
    const Clock &m_clock;
    store::SyncTarget m_target;
    QNetworkAccessManager m_network;
    std::unique_ptr<Puller> m_puller;
    Done m_done;
};

} // namespace counterline::sync
