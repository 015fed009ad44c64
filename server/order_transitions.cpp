#include "server/order_transitions.h"

#include "server/event_outbox.h"
#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace counterline::server {

Result<StoredState> OrderTransitions::read(const QSqlDatabase &db, const QString &orderId)
{
    Result<QSqlQuery> found = sqlkit::exec(
        db, u"SELECT status, version, store_id, terminal_id FROM orders WHERE id = ?"_s, {orderId});
    if (!found)
        return found.error();
    QSqlQuery &row = found.value();
    if (!row.next())
        return Error{u"order.not_found"_s, tr("There is no order %1.").arg(orderId)};
    Result<OrderStatus> status = orderStatusFromName(row.value(0).toString());
    if (!status)
        return status.error();
    return StoredState{*status, row.value(1).toInt(), row.value(2).toString(),
                       row.value(3).toString()};
}

Result<bool> OrderTransitions::move(const QSqlDatabase &db, const ChangeActor &actor,
                                    const QString &orderId, const StoredState &state,
                                    OrderEvent event, const QDateTime &at, const QString &reason)
{
    Result<OrderStatus> next = nextOrderStatus(state.status, event);
    if (!next)
        return next.error();
    const QString when = sqlkit::timeText(at);
    Result<QSqlQuery> updated = sqlkit::exec(
        db, u"UPDATE orders SET status = ?, version = ? WHERE id = ? AND version = ?"_s,
        {orderStatusName(*next), state.version + 1, orderId, state.version});
    if (!updated)
        return updated.error();
    if (updated.value().numRowsAffected() != 1)
        return false;
    if (event == OrderEvent::Refund || event == OrderEvent::Cancel) {
        // Checked with the order's row held (the update above), so that a return being ingested
        // for it either went first and is seen here, or waits and then sees the sale REFUNDED or
        // CANCELLED.
        Result<QSqlQuery> returns = sqlkit::exec(
            db,
            u"SELECT (SELECT count(*) FROM orders WHERE original_order_id = ?), kind FROM orders "
            "WHERE id = ?"_s,
            {orderId, orderId});
        if (!returns)
            return returns.error();
        if (!returns.value().next())
            return Error{u"order.not_found"_s, tr("There is no order %1.").arg(orderId)};
        if (returns.value().value(1).toString() == u"return"_s) {
            return Error{u"return.not_refundable"_s,
                         tr("Order %1 is a return: it paid back already and cannot be refunded.")
                             .arg(orderId)};
        }
        if (returns.value().value(0).toLongLong() > 0) {
            return Error{u"return.partly_returned"_s,
                         tr("Order %1 has returns already; it cannot be cancelled or refunded in "
                            "full. Return the remaining items instead.")
                             .arg(orderId)};
        }
        returns.value().finish();
    }
    Result<QSqlQuery> recorded = sqlkit::exec(
        db,
        u"INSERT INTO order_events (order_id, version, event, from_status, to_status, actor_id, "
        "approved_by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {orderId, state.version + 1, orderEventName(event), orderStatusName(state.status),
         orderStatusName(*next), actor.who(),
         actor.approvedBy.isEmpty() ? QVariant() : QVariant(actor.approvedBy), when});
    if (!recorded)
        return recorded.error();
    // The change feed terminals pull; the counter row's lock orders concurrent changes.
    Result<QSqlQuery> numbered =
        sqlkit::exec(db, u"UPDATE order_change_sequence SET last_seq = last_seq + 1 WHERE id = 1 "
                         "RETURNING last_seq"_s);
    if (!numbered)
        return numbered.error();
    const qint64 seq = numbered.value().next() ? numbered.value().value(0).toLongLong() : 0;
    numbered.value().finish();
    Result<QSqlQuery> published = sqlkit::exec(
        db,
        u"INSERT INTO order_changes (seq, order_id, terminal_id, store_id, version, event, "
        "from_status, to_status, actor_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {seq, orderId, state.terminalId, state.storeId, state.version + 1, orderEventName(event),
         orderStatusName(state.status), orderStatusName(*next), actor.principalId, when});
    if (!published)
        return published.error();
    QJsonObject payload{{u"order_id"_s, orderId},
                        {u"store_id"_s, state.storeId},
                        {u"event"_s, orderEventName(event)},
                        {u"from"_s, orderStatusName(state.status)},
                        {u"to"_s, orderStatusName(*next)},
                        {u"version"_s, state.version + 1},
                        {u"actor"_s, actor.who()},
                        {u"at"_s, when}};
    if (!actor.approvedBy.isEmpty())
        payload.insert(u"approved_by"_s, actor.approvedBy);
    if (!reason.isEmpty())
        payload.insert(u"reason"_s, reason);
    if (Result<qint64> appended = EventOutbox::append(db, EventOutbox::typeFor(event), orderId,
                                                      state.storeId, payload, at);
        !appended) {
        return appended.error();
    }
    return true;
}

} // namespace counterline::server
