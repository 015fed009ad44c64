#include "protocol/journal_link.h"
#include "protocol/order_body.h"
#include "server/order_ingest.h"
#include "server/order_json.h"
#include "server/order_saga.h"
#include "server/order_service.h"
#include "server/request_fingerprint.h"
#include "server/routes/routes.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace counterline::server {

namespace {

using StatusCode = QHttpServerResponder::StatusCode;

// The order `load(db, id)` shows, when `caller` may see its store (403 otherwise).
template<typename Load>
Result<QJsonObject> visibleOrder(const QSqlDatabase &db, const Principal &caller, const QString &id,
                                 Load load)
{
    Result<QJsonObject> order = load(db, id);
    if (order && !caller.mayAccessStore(order->value(u"store_id"_s).toString()))
        return translatedError(
            "auth.forbidden",
            QT_TRANSLATE_NOOP("counterline::server", "This order belongs to another store."));
    return order;
}

void placeOrder(const RouteContext *c)
{
    addRoute(c, u"/v1/orders"_s, QHttpServerRequest::Method::Post,
             httpkit::answered([c](const QHttpServerRequest &request) {
                 Incoming incoming = httpkit::incomingOf(request, "POST");
                 if (incoming.body.size() > kMaxBodyBytes)
                     return tooLarge();
                 // A remote order waits on the payment service: on that pool, not the tills'.
                 httpkit::WorkerPool &pool =
                     protocol::mayNeedCapture(incoming.body) ? c->pools.payments : c->pools.writes;
                 return c->runner.run(
                     pool, std::move(incoming),
                     [c](const QSqlDatabase &db, const Principal &caller, const Incoming &in) {
                         if (in.idempotencyKey.isEmpty())
                             return missingKey();
                         Result<protocol::WireOrder> order = protocol::parseOrderBody(in.body);
                         if (!order)
                             return problem(order.error());
                         const QByteArray fingerprint =
                             fingerprintOfCanonical(in.method, in.path, order->canonical);
                         auto place = [&](const IdempotencySlot &slot,
                                          const QDateTime &now) -> Result<IngestAnswer> {
                             // Nothing is reserved for a card this server cannot charge.
                             if (order->isRemote() && !c->payments.isConfigured()) {
                                 return Error{u"payments.unavailable"_s,
                                              QCoreApplication::translate(
                                                  "counterline::server",
                                                  "This server takes no card payments: it was "
                                                  "started without --payments.")};
                             }
                             Result<IngestAnswer> placed =
                                 OrderIngest::ingest(db, caller, *order, now, slot, c->keyLease);
                             if (!placed || !order->isRemote())
                                 return placed;
                             // A remote order is answered when its saga has run.
                             return OrderSaga::answerRequest(
                                 db, order->id, placed->status,
                                 SagaContext{c->payments, c->clock, c->keyLease}, slot);
                         };
                         return c->runner.idempotent(db, caller, in, fingerprint, place);
                     });
             }));
}

void listOrders(const RouteContext *c)
{
    addRoute(c, u"/v1/orders"_s, QHttpServerRequest::Method::Get,
             httpkit::answered([c](const QHttpServerRequest &request) {
                 return c->runner.run(
                     c->pools.reads, httpkit::incomingOf(request, "GET"),
                     [](const QSqlDatabase &db, const Principal &caller, const Incoming &in) {
                         Result<OrderQuery> query = protocol::ListQueries::orders(in.query);
                         if (!query)
                             return problem(query.error());
                         Result<QJsonObject> page = OrderListing::page(db, caller, *query);
                         if (!page)
                             return problem(page.error());
                         return json(200, QJsonDocument(*page).toJson(QJsonDocument::Compact));
                     });
             }));
}

void showOrder(const RouteContext *c)
{
    addRoute(c, u"/v1/orders/<arg>"_s, QHttpServerRequest::Method::Get,
             httpkit::answeredWithArg([c](const QString &id, const QHttpServerRequest &request) {
                 return c->runner.run(
                     c->pools.reads, httpkit::incomingOf(request, "GET"),
                     [id](const QSqlDatabase &db, const Principal &caller, const Incoming &) {
                         Result<QJsonObject> order =
                             visibleOrder(db, caller, id, OrderJson::detail);
                         if (!order)
                             return problem(order.error());
                         return orderResponse(*order);
                     });
             }));
}

void applyEvent(const RouteContext *c)
{
    addRoute(
        c, u"/v1/orders/<arg>/events"_s, QHttpServerRequest::Method::Post,
        httpkit::answeredWithArg([c](const QString &id, const QHttpServerRequest &request) {
            Incoming incoming = httpkit::incomingOf(request, "POST");
            if (incoming.body.size() > kMaxBodyBytes)
                return tooLarge();
            return c->runner.run(
                c->pools.writes, std::move(incoming),
                [c, id](const QSqlDatabase &db, const Principal &caller, const Incoming &in) {
                    const QJsonDocument document = QJsonDocument::fromJson(in.body);
                    const QJsonObject body = document.object();
                    const QJsonValue event = body.value(u"event"_s);
                    const QJsonValue expected = body.value(u"expected_version"_s);
                    if (!document.isObject() || !event.isString()) {
                        return problem(
                            translatedError("request.invalid_field",
                                            QT_TRANSLATE_NOOP("counterline::server",
                                                              "\"event\" must be a string")));
                    }
                    // The version the caller saw: "expected_version", or If-Match: "<version>".
                    int version = -1;
                    if (expected.isDouble())
                        version = expected.toInt(-1);
                    if (!in.ifMatch.isEmpty()) {
                        bool numeric = false;
                        const int matched = QByteArray(in.ifMatch).replace('"', "").toInt(&numeric);
                        if (!numeric || (version >= 0 && version != matched)) {
                            return problem(translatedError(
                                "request.invalid_field",
                                QT_TRANSLATE_NOOP(
                                    "counterline::server",
                                    "\"If-Match\" must be the quoted version and agree with "
                                    "\"expected_version\"")));
                        }
                        version = matched;
                    }
                    if (version < 1) {
                        return problem(
                            translatedError("request.invalid_field",
                                            QT_TRANSLATE_NOOP("counterline::server",
                                                              "\"expected_version\" (or If-Match) "
                                                              "must name the version you saw")));
                    }
                    Result<std::optional<protocol::JournalLink>> journal =
                        protocol::parseJournalLink(body);
                    if (!journal)
                        return problem(journal.error());
                    Result<TillRecord> till = TillRecord::parse(body);
                    if (!till)
                        return problem(till.error());
                    Result<TransitionOutcome> outcome = OrderService::applyEvent(
                        db, caller, id, event.toString(), version, c->clock.now(), *journal, *till);
                    if (!outcome)
                        return problem(outcome.error());
                    if (!outcome->applied)
                        return staleVersion(outcome->order);
                    if (event.toString() == u"Cancel"_s || event.toString() == u"Refund"_s)
                        c->settleSoon(id); // its money goes back
                    return orderResponse(outcome->order);
                });
        }));
}

void cancelOrder(const RouteContext *c)
{
    addRoute(c, u"/v1/orders/<arg>/cancel"_s, QHttpServerRequest::Method::Post,
             httpkit::answeredWithArg([c](const QString &id, const QHttpServerRequest &request) {
                 Incoming incoming = httpkit::incomingOf(request, "POST");
                 if (incoming.body.size() > kMaxBodyBytes)
                     return tooLarge();
                 return c->runner.run(
                     c->pools.writes, std::move(incoming),
                     [c, id](const QSqlDatabase &db, const Principal &caller, const Incoming &in) {
                         const QJsonDocument document = QJsonDocument::fromJson(in.body);
                         const QJsonObject body = document.object();
                         if (!document.isObject() || !body.value(u"reason"_s).isString()) {
                             return problem(
                                 translatedError("request.invalid_field",
                                                 QT_TRANSLATE_NOOP("counterline::server",
                                                                   "\"reason\" must be a string")));
                         }
                         Result<std::optional<protocol::JournalLink>> journal =
                             protocol::parseJournalLink(body);
                         if (!journal)
                             return problem(journal.error());
                         Result<TillRecord> till = TillRecord::parse(body);
                         if (!till)
                             return problem(till.error());
                         const CancelRequest cancel{body.value(u"reason"_s).toString(),
                                                    body.value(u"restock"_s).toBool(true),
                                                    body.value(u"refund_tenders"_s).toBool(true),
                                                    *journal, *till};
                         // Who cancelled is told, not asked for: a cancel sent before a till
                         // learnt to name its cashier is the same request.
                         QJsonObject asked = body;
                         asked.remove(u"actor"_s);
                         asked.remove(u"approved_by"_s);
                         const QByteArray fingerprint = fingerprintOfCanonical(
                             in.method, in.path,
                             QJsonDocument(asked).toJson(QJsonDocument::Compact));
                         QHttpServerResponse response = c->runner.idempotent(
                             db, caller, in, fingerprint,
                             [&](const IdempotencySlot &slot, const QDateTime &now) {
                                 return OrderService::cancel(db, caller, id, cancel, now, slot);
                             });
                         if (response.statusCode() == StatusCode::Ok)
                             c->settleSoon(id);
                         return response;
                     });
             }));
}

// Where an order's saga stands, step by step.
void showSaga(const RouteContext *c)
{
    addRoute(c, u"/v1/orders/<arg>/saga"_s, QHttpServerRequest::Method::Get,
             httpkit::answeredWithArg([c](const QString &id, const QHttpServerRequest &request) {
                 return c->runner.run(
                     c->pools.reads, httpkit::incomingOf(request, "GET"),
                     [id](const QSqlDatabase &db, const Principal &caller, const Incoming &) {
                         Result<QJsonObject> order = visibleOrder(db, caller, id, OrderJson::order);
                         if (!order)
                             return problem(order.error());
                         Result<QJsonObject> saga = OrderSaga::report(db, id);
                         if (!saga)
                             return problem(saga.error());
                         return json(200, QJsonDocument(*saga).toJson(QJsonDocument::Compact));
                     });
             }));
}

} // namespace

void addOrderRoutes(const RouteContext *c)
{
    placeOrder(c);
    listOrders(c);
    showOrder(c);
    applyEvent(c);
    cancelOrder(c);
    showSaga(c);
}

} // namespace counterline::server
