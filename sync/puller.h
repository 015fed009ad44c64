#pragma once

#include "domain/clock.h"
#include "domain/result.h"
#include "store/database.h"
#include "store/sync_settings.h"

#include <QNetworkAccessManager>
#include <QObject>

#include <functional>

namespace counterline::sync {

// What one pull brought.
struct PullResult
{
    int products = 0;      // products added or changed
    int stockLevels = 0;   // stock levels set
    int orderChanges = 0;  // central changes applied to this terminal's orders
    QStringList conflicts; // central changes that did not fit; the orders are flagged
};

// Pulls the server's change feeds by cursor (BRIEF §5): the catalog (products, prices, this
// store's stock; GET /v1/catalog?since=) and the state changes made centrally to this terminal's
// orders (GET /v1/changes?since=), page after page until a feed is exhausted. Each page is applied
// with its cursor in one transaction. Asynchronous; `done` runs on this object's thread.
class Puller : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const Result<PullResult> &)>;

    Puller(store::Database &database, const Clock &clock, store::SyncTarget target,
           QObject *parent = nullptr);

    void run(Done done);            // both feeds
    void runCatalogOnly(Done done); // enrolment

private:
    void nextCatalogPage();
    void nextChangesPage();
    void get(const QString &pathAndQuery, std::function<void(const QJsonObject &)> onPage);
    void finish(const Result<PullResult> &result);

    store::Database &m_database;
    const Clock &m_clock;
    store::SyncTarget m_target;
    QNetworkAccessManager m_network;
    bool m_withChanges = true;
    PullResult m_result;
    Done m_done;
};

} // namespace counterline::sync
