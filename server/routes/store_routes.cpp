#include "protocol/list_queries.h"
#include "server/catalog_service.h"
#include "server/event_outbox.h"
#include "server/order_changes.h"
#include "server/principals.h"
#include "server/routes/routes.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace counterline::server {

namespace {

using StatusCode = QHttpServerResponder::StatusCode;

// Who the token belongs to, and its store's terms: what a terminal needs to set itself up.
void describeTerminal(const RouteContext *c)
{
    addRoute(c, u"/v1/terminal"_s, QHttpServerRequest::Method::Get,
             httpkit::answered([c](const QHttpServerRequest &request) {
                 return c->runner.run(
                     c->pools.reads, httpkit::incomingOf(request, "GET"),
                     [](const QSqlDatabase &db, const Principal &caller, const Incoming &) {
                         if (!caller.isTerminal()) {
                             return problem(translatedError(
                                 "auth.forbidden",
                                 QT_TRANSLATE_NOOP("counterline::server",
                                                   "Only a terminal's token has a store "
                                                   "to describe.")));
                         }
                         Result<StoreSpec> store = Principals::store(db, caller.storeId);
                         if (!store)
                             return problem(store.error());
                         const QJsonObject body{
                             {u"store_id"_s, store->id},
                             {u"terminal_id"_s, caller.name},
                             {u"store_name"_s, store->name},
                             {u"currency"_s, store->currency},
                             {u"tax_mode"_s, store->policy.taxMode == TaxMode::PricesIncludeTax
                                                 ? u"inclusive"_s
                                                 : u"exclusive"_s},
                             {u"rounding"_s, roundingRuleName(store->policy.rounding)}};
                         return json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
                     });
             }));
}

// The outbox's events after a cursor; with wait=, held open until the first one arrives.
void pollEvents(const RouteContext *c)
{
    addRoute(c, u"/v1/events"_s, QHttpServerRequest::Method::Get,
             httpkit::answered([c](const QHttpServerRequest &request) {
                 return c->runner.run(
                     c->pools.longPolls, httpkit::incomingOf(request, "GET"),
                     [c](const QSqlDatabase &db, const Principal &caller, const Incoming &in) {
                         Result<EventQuery> query = protocol::ListQueries::events(in.query);
                         if (!query)
                             return problem(query.error());
                         const QDeadlineTimer deadline(std::chrono::seconds(query->waitSeconds));
                         while (true) {
                             const quint64 seen = c->bell.rings();
                             Result<QJsonObject> page = EventOutbox::page(db, caller, *query);
                             if (!page)
                                 return problem(page.error());
                             if (!page->value(u"events"_s).toArray().isEmpty() ||
                                 deadline.hasExpired() || c->stopping.loadAcquire()) {
                                 return json(200,
                                             QJsonDocument(*page).toJson(QJsonDocument::Compact));
                             }
                             const qint64 left = deadline.remainingTime();
                             c->bell.waitAfter(seen, QDeadlineTimer(std::min<qint64>(left, 1000)));
                         }
                     });
             }));
}

// State changes made on the server after a cursor (terminals: to their own orders).
void listChanges(const RouteContext *c)
{
    addRoute(c, u"/v1/changes"_s, QHttpServerRequest::Method::Get,
             httpkit::answered([c](const QHttpServerRequest &request) {
                 return c->runner.run(
                     c->pools.reads, httpkit::incomingOf(request, "GET"),
                     [](const QSqlDatabase &db, const Principal &caller, const Incoming &in) {
                         const Result<protocol::ChangeFeedQuery> query =
                             protocol::ListQueries::changeFeed(in.query, 500, 5000);
                         if (!query)
                             return problem(query.error());
                         Result<QJsonObject> page = OrderChanges::page(db, caller, *query);
                         if (!page)
                             return problem(page.error());
                         return json(200, QJsonDocument(*page).toJson(QJsonDocument::Compact));
                     });
             }));
}

void listCatalog(const RouteContext *c)
{
    addRoute(c, u"/v1/catalog"_s, QHttpServerRequest::Method::Get,
             httpkit::answered([c](const QHttpServerRequest &request) {
                 return c->runner.run(
                     c->pools.reads, httpkit::incomingOf(request, "GET"),
                     [](const QSqlDatabase &db, const Principal &caller, const Incoming &in) {
                         const Result<protocol::ChangeFeedQuery> query =
                             protocol::ListQueries::changeFeed(in.query, 1000, 5000);
                         if (!query)
                             return problem(query.error());
                         Result<QJsonObject> changes =
                             CatalogService::changes(db, caller, query->since, query->limit);
                         if (!changes)
                             return problem(changes.error());
                         return json(200, QJsonDocument(*changes).toJson(QJsonDocument::Compact));
                     });
             }));
}

} // namespace

void addStoreRoutes(const RouteContext *c)
{
    describeTerminal(c);
    pollEvents(c);
    listChanges(c);
    listCatalog(c);
}

} // namespace counterline::server
