#include "server/order_service.h"

#include "domain/order_state_machine.h"
#include "server/order_ingest.h"
#include "server/order_json.h"
#include "server/order_transitions.h"
#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace counterline::server {

namespace {

Result<StoredState> readState(const QSqlDatabase &db, const Principal &caller,
                              const QString &orderId)
{
    Result<StoredState> state = OrderTransitions::read(db, orderId);
    if (!state)
        return state;
    if (!caller.mayAccessStore(state->storeId)) {
        return Error{u"auth.forbidden"_s, OrderService::tr("This order belongs to another store.")};
    }
    // A till changes only what it sold or placed itself; head office changes any order of its
    // stores (docs/operations.md, "Who may do what").
    if (caller.isTerminal() && state->terminalId != caller.id) {
        return Error{u"auth.forbidden"_s,
                     OrderService::tr("A till changes only its own orders; this one was sold or "
                                      "placed by another.")};
    }
    return state;
}

// A till's change is recorded for the cashier and the manager the till names; a person's for
// that person.
ChangeActor actorOf(const Principal &caller, const TillRecord &till)
{
    if (caller.isTerminal())
        return ChangeActor{caller.id, till.actor, till.approvedBy};
    return ChangeActor{caller.id, caller.name, {}};
}

// A terminal's own change carries its journal entry; the back office's changes have none.
Result<void> recordJournal(const QSqlDatabase &db, const Principal &caller, const QString &orderId,
                           const QString &kind, const std::optional<protocol::JournalLink> &journal,
                           const QDateTime &at)
{
    if (!journal)
        return success();
    if (!caller.isTerminal()) {
        return Error{u"request.invalid_field"_s,
                     OrderService::tr("\"journal\" is for a terminal's own changes only")};
    }
    return JournalLinks::record(db, caller.id, orderId, kind, *journal, at);
}

} // namespace

Result<TillRecord> TillRecord::parse(const QJsonObject &body)
{
    TillRecord till;
    for (const auto &[name, target] :
         {std::pair{u"actor"_s, &till.actor}, std::pair{u"approved_by"_s, &till.approvedBy}}) {
        const QJsonValue value = body.value(name);
        if (value.isUndefined() || value.isNull())
            continue;
        if (!value.isString() || value.toString().size() > 200) {
            return Error{
                u"request.invalid_field"_s,
                OrderService::tr("\"%1\" must be a name of at most 200 characters").arg(name)};
        }
        *target = value.toString();
    }
    Result<QList<TillRefund>> refunds = OrderReversal::parse(body);
    if (!refunds)
        return refunds.error();
    till.refunds = *refunds;
    return till;
}

Result<TransitionOutcome>
OrderService::applyEvent(const QSqlDatabase &db, const Principal &caller, const QString &orderId,
                         const QString &event, int expectedVersion, const QDateTime &at,
                         const std::optional<protocol::JournalLink> &journal,
                         const TillRecord &till)
{
    Result<OrderEvent> parsed = orderEventFromName(event);
    if (!parsed || *parsed == OrderEvent::Place) {
        return Error{u"request.invalid_field"_s,
                     tr("\"event\" %1 is not an event an order can take").arg(event)};
    }
    // A payment is confirmed or failed by the payment service, through the server's saga; a till
    // that took a payment sends the order paid.
    if (caller.isTerminal() &&
        (*parsed == OrderEvent::PaymentCaptured || *parsed == OrderEvent::PaymentFailed)) {
        return Error{
            u"auth.forbidden"_s,
            tr("A till does not send %1: the payment service confirms payments.").arg(event)};
    }
    sqlkit::Transaction transaction(db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun.error();
    Result<StoredState> state = readState(db, caller, orderId);
    if (!state)
        return state.error();
    bool applied = false;
    // A terminal's retry of a change the server already applied (its answer was lost) carries the
    // same journal link: it is answered as done, not as a conflict.
    if (state->version != expectedVersion && journal && caller.isTerminal()) {
        Result<bool> replay = JournalLinks::holds(db, caller.id, orderId, *journal);
        if (!replay)
            return replay.error();
        if (*replay) {
            Result<QJsonObject> order = OrderJson::order(db, orderId);
            if (!order)
                return order.error();
            return TransitionOutcome{true, *order};
        }
    }
    const ChangeActor actor = actorOf(caller, till);
    if (state->version == expectedVersion) {
        Result<bool> moved = OrderTransitions::move(db, actor, orderId, *state, *parsed, at);
        if (!moved)
            return moved.error();
        applied = *moved;
    }
    if (applied && (*parsed == OrderEvent::Cancel || *parsed == OrderEvent::Refund)) {
        const Reversal reversal{*parsed, {}, true, true, till.refunds};
        if (Result<void> back =
                OrderReversal::apply(db, caller, actor, orderId, *state, reversal, at);
            !back) {
            return back.error();
        }
    }
    if (applied) {
        if (Result<void> linked = recordJournal(db, caller, orderId, u"event"_s, journal, at);
            !linked) {
            return linked.error();
        }
    }
    Result<QJsonObject> order = OrderJson::order(db, orderId);
    if (!order)
        return order.error();
    if (Result<void> committed = transaction.commit(); !committed)
        return committed.error();
    return TransitionOutcome{applied, *order};
}

Result<IngestAnswer> OrderService::cancel(const QSqlDatabase &db, const Principal &caller,
                                          const QString &orderId, const CancelRequest &request,
                                          const QDateTime &at, const IdempotencySlot &slot)
{
    if (request.reason.trimmed().isEmpty())
        return Error{u"request.invalid_field"_s, tr("\"reason\" must not be empty")};
    sqlkit::Transaction transaction(db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun.error();
    Result<StoredState> state = readState(db, caller, orderId);
    if (!state)
        return state.error();
    const ChangeActor actor = actorOf(caller, request.till);
    Result<bool> moved =
        OrderTransitions::move(db, actor, orderId, *state, OrderEvent::Cancel, at, request.reason);
    if (!moved)
        return moved.error();
    if (!*moved) {
        return Error{u"order.version_conflict"_s,
                     tr("Order %1 changed while it was being cancelled; try again.").arg(orderId)};
    }
    if (Result<void> linked = recordJournal(db, caller, orderId, u"cancel"_s, request.journal, at);
        !linked) {
        return linked.error();
    }
    const Reversal reversal{OrderEvent::Cancel, request.reason, request.restock,
                            request.refundTenders, request.till.refunds};
    if (Result<void> back = OrderReversal::apply(db, caller, actor, orderId, *state, reversal, at);
        !back) {
        return back.error();
    }
    Result<QJsonObject> order = OrderJson::order(db, orderId);
    if (!order)
        return order.error();
    const QByteArray body = QJsonDocument(*order).toJson(QJsonDocument::Compact);
    if (Result<void> done =
            Idempotency::completeAndCommit(db, transaction, slot.principalId, slot.key, 200, body);
        !done) {
        return done.error();
    }
    return IngestAnswer{200, body};
}

Result<QJsonObject> OrderListing::page(const QSqlDatabase &db, const Principal &caller,
                                       const OrderQuery &query)
{
    QString store = query.store;
    if (caller.isTerminal()) {
        if (!store.isEmpty() && store != caller.storeId)
            return Error{u"auth.forbidden"_s, tr("A terminal sees only its own store's orders.")};
        store = caller.storeId;
    }
    QStringList where;
    QVariantList values;
    auto add = [&](const QString &condition, const QVariant &value) {
        where.append(condition);
        values.append(value);
    };
    if (!store.isEmpty())
        add(u"o.store_id = ?"_s, store);
    if (!query.terminal.isEmpty())
        add(u"o.terminal_id IN (SELECT id FROM principals WHERE name = ? AND role = 'terminal')"_s,
            query.terminal);
    if (!query.status.isEmpty())
        add(u"o.status = ?"_s, query.status);
    if (!query.customer.isEmpty())
        add(u"o.customer_id = ?"_s, query.customer);
    if (!query.cashier.isEmpty())
        add(u"o.cashier_id = ?"_s, query.cashier);
    if (query.minTotal)
        add(u"o.total_minor >= ?"_s, *query.minTotal);
    if (query.maxTotal)
        add(u"o.total_minor <= ?"_s, *query.maxTotal);
    if (!query.from.isEmpty())
        add(u"o.created_at >= ?"_s, query.from);
    if (!query.to.isEmpty())
        add(u"o.created_at < ?"_s, query.to);
    if (!query.q.isEmpty()) {
        where.append(u"(o.receipt_no = ? OR o.id IN "
                     "(SELECT l.order_id FROM order_lines l WHERE l.sku = ?))"_s);
        values.append({query.q, query.q});
    }
    if (!query.cursor.isEmpty()) {
        const QList<QByteArray> parts =
            QByteArray::fromBase64(query.cursor.toLatin1(), QByteArray::Base64UrlEncoding)
                .split('|');
        if (parts.size() != 2) {
            return Error{u"request.invalid_field"_s,
                         tr("\"cursor\" is not a cursor this server handed out")};
        }
        // Both forms of the keyset condition, so that SQLite and PostgreSQL bound the index range.
        where.append(u"(o.created_at < ? OR (o.created_at = ? AND o.id < ?))"_s);
        values.append({QString::fromUtf8(parts[0]), QString::fromUtf8(parts[0]),
                       QString::fromUtf8(parts[1])});
    }
    QString sql =
        u"SELECT o.seq, o.id, o.store_id, o.receipt_no, o.status, o.version, o.total_minor, "
        "o.currency, o.created_at, o.kind, o.original_order_id, o.customer_id, o.cashier_id, "
        "p.name FROM orders o JOIN principals p ON p.id = o.terminal_id"_s;
    if (!where.isEmpty())
        sql += u" WHERE "_s + where.join(u" AND "_s);
    sql += u" ORDER BY o.created_at DESC, o.id DESC LIMIT %1"_s.arg(query.limit + 1);
    Result<QSqlQuery> found = sqlkit::exec(db, sql, values);
    if (!found)
        return found.error();
    QJsonArray orders;
    QString next;
    QSqlQuery &row = found.value();
    while (row.next()) {
        if (orders.size() == query.limit) {
            const QJsonObject last = orders.last().toObject();
            next = QString::fromLatin1(
                (last.value(u"created_at"_s).toString() + u'|' + last.value(u"id"_s).toString())
                    .toUtf8()
                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
            break;
        }
        QJsonObject order = OrderJson::summary(row);
        if (!row.value(11).isNull())
            order.insert(u"customer_id"_s, row.value(11).toString());
        order.insert(u"cashier_id"_s, row.value(12).toString());
        order.insert(u"terminal_id"_s, row.value(13).toString());
        orders.append(order);
    }
    QJsonObject page{{u"orders"_s, orders}};
    page.insert(u"next_cursor"_s, next.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(next));
    return page;
}

} // namespace counterline::server
