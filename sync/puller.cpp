#include "sync/puller.h"

#include "domain/catalog_csv.h"
#include "domain/id_source.h"
#include "protocol/problem.h"
#include "store/catalog.h"
#include "store/order_store.h"
#include "store/sync_cursors.h"
#include "store/terminal_identity.h"
#include "sync/server_request.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace counterline::sync {

namespace {

constexpr int kPageSize = 1000;

Result<store::CentralChange> centralChange(const QJsonObject &json)
{
    Result<OrderEvent> event = orderEventFromName(json.value(u"event"_s).toString());
    Result<OrderStatus> from = orderStatusFromName(json.value(u"from"_s).toString());
    Result<OrderStatus> to = orderStatusFromName(json.value(u"to"_s).toString());
    if (!event || !from || !to || json.value(u"version"_s).toInt() < 2) {
        return Error{
            u"sync.bad_change"_s,
            QCoreApplication::translate("counterline::sync",
                                        "The server sent a change this terminal cannot read: %1")
                .arg(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)))};
    }
    return store::CentralChange{
        json.value(u"order_id"_s).toString(),
        json.value(u"version"_s).toInt(),
        *event,
        *from,
        *to,
        json.value(u"actor"_s).toString(),
        QDateTime::fromString(json.value(u"at"_s).toString(), Qt::ISODateWithMs)};
}

} // namespace

Puller::Puller(store::Database &database, const Clock &clock, store::SyncTarget target,
               QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(clock)
    , m_target(std::move(target))
{}

void Puller::run(Done done)
{
    m_withChanges = true;
    m_result = PullResult{};
    m_done = std::move(done);
    nextCatalogPage();
}

void Puller::runCatalogOnly(Done done)
{
    m_withChanges = false;
    m_result = PullResult{};
    m_done = std::move(done);
    nextCatalogPage();
}

void Puller::finish(const Result<PullResult> &result)
{
    Done done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(result);
}

void Puller::get(const QString &pathAndQuery, std::function<void(const QJsonObject &)> onPage)
{
    QNetworkReply *reply = m_network.get(serverRequest(m_target, pathAndQuery));
    connect(reply, &QNetworkReply::finished, this, [this, reply, onPage = std::move(onPage)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status != 200) {
            const Result<protocol::Problem> problem = protocol::Problem::fromBody(body);
            finish(
                Error{u"sync.pull_failed"_s,
                      QCoreApplication::translate(
                          "counterline::sync", "The server did not hand out its changes (%1): %2")
                          .arg(status)
                          .arg(problem ? problem->detail : reply->errorString())});
            return;
        }
        onPage(QJsonDocument::fromJson(body).object());
    });
}

void Puller::nextCatalogPage()
{
    Result<QString> since =
        store::SyncCursors::load(m_database.connection(), store::SyncCursors::kCatalog);
    Result<store::TerminalIdentity> terminal =
        store::TerminalSettings::load(m_database.connection());
    if (!since || !terminal) {
        finish(since ? terminal.error() : since.error());
        return;
    }
    const Currency currency = terminal->currency;
    get(u"/v1/catalog?limit=%1&since=%2"_s.arg(kPageSize).arg(*since),
        [this, currency, since = *since](const QJsonObject &page) {
            QList<CatalogRow> rows;
            for (const QJsonValue &value : page.value(u"products"_s).toArray()) {
                const QJsonObject p = value.toObject();
                Result<TaxRate> rate =
                    TaxRate::fromPartsPerMillion(p[u"tax_rate_ppm"_s].toInteger());
                if (!rate) {
                    finish(rate.error());
                    return;
                }
                rows.append(CatalogRow{0,
                                       Product{p[u"sku"_s].toString(), p[u"barcode"_s].toString(),
                                               p[u"name"_s].toString(),
                                               Money(p[u"price"_s].toInteger(), currency), *rate},
                                       std::nullopt});
            }
            QHash<QString, qint64> stock;
            for (const QJsonValue &line : page.value(u"stock"_s).toArray())
                stock.insert(line[u"sku"_s].toString(), line[u"on_hand"_s].toInteger());
            const QString next = page.value(u"next"_s).toString();
            if (rows.isEmpty() && stock.isEmpty()) {
                if (m_withChanges)
                    nextChangesPage();
                else
                    finish(m_result);
                return;
            }
            if (Result<void> stored =
                    store::Catalog(m_database).applyPulled(rows, stock, next, m_clock.now());
                !stored) {
                finish(stored.error());
                return;
            }
            m_result.products += int(rows.size());
            m_result.stockLevels += int(stock.size());
            if (next == since) { // a server that does not move its cursor: stop, not loop
                finish(m_result);
                return;
            }
            nextCatalogPage();
        });
}

void Puller::nextChangesPage()
{
    Result<QString> since =
        store::SyncCursors::load(m_database.connection(), store::SyncCursors::kOrderChanges);
    if (!since) {
        finish(since.error());
        return;
    }
    get(u"/v1/changes?limit=%1&since=%2"_s.arg(kPageSize).arg(*since),
        [this, since = *since](const QJsonObject &page) {
            const QJsonArray list = page.value(u"changes"_s).toArray();
            if (list.isEmpty()) {
                finish(m_result);
                return;
            }
            QList<store::CentralChange> changes;
            for (const QJsonValue &value : list) {
                Result<store::CentralChange> change = centralChange(value.toObject());
                if (!change) {
                    finish(change.error());
                    return;
                }
                changes.append(*change);
            }
            const QString next = page.value(u"next"_s).toString();
            Uuid7Source ids(m_clock); // applying central changes makes no ids
            Result<store::CentralChangesApplied> applied =
                store::OrderStore(m_database, m_clock, ids).applyCentralChanges(changes, next);
            if (!applied) {
                finish(applied.error());
                return;
            }
            m_result.orderChanges += applied->applied;
            m_result.conflicts += applied->conflicts;
            if (next == since) {
                finish(m_result);
                return;
            }
            nextChangesPage();
        });
}

} // namespace counterline::sync
