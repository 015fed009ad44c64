#include "server/order_service.h"

#include "domain/order_state_machine.h"
#include "server/server_sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace counterline::server {

namespace {

QString timeText(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

struct StoredState
{
    OrderStatus status = OrderStatus::Created;
    int version = 0;
    QString storeId;
    QString terminalId;
};

Result<StoredState> readState(const QSqlDatabase &db, const Principal &caller,
                              const QString &orderId)
{
    Result<QSqlQuery> found = execSql(
        db, u"SELECT status, version, store_id, terminal_id FROM orders WHERE id = ?"_s, {orderId});
    if (!found)
        return found.error();
    QSqlQuery &row = found.value();
    if (!row.next()) {
        return Error{u"order.not_found"_s, OrderService::tr("There is no order %1.").arg(orderId)};
    }
    StoredState state{OrderStatus::Created, row.value(1).toInt(), row.value(2).toString(),
                      row.value(3).toString()};
    if (!caller.mayAccessStore(state.storeId)) {
        return Error{u"auth.forbidden"_s, OrderService::tr("This order belongs to another store.")};
    }
    Result<OrderStatus> status = orderStatusFromName(row.value(0).toString());
    if (!status)
        return status.error();
    state.status = *status;
    return state;
}

// Moves the order from `state` by `event` if it is still at state.version. False when someone
// else changed it first.
Result<bool> move(const QSqlDatabase &db, const Principal &caller, const QString &orderId,
                  const StoredState &state, OrderEvent event, const QDateTime &at)
{
    Result<OrderStatus> next = nextOrderStatus(state.status, event);
    if (!next)
        return next.error();
    Result<QSqlQuery> updated =
        execSql(db, u"UPDATE orders SET status = ?, version = ? WHERE id = ? AND version = ?"_s,
                {orderStatusName(*next), state.version + 1, orderId, state.version});
    if (!updated)
        return updated.error();
    if (updated.value().numRowsAffected() != 1)
        return false;
    Result<QSqlQuery> recorded = execSql(
        db,
        u"INSERT INTO order_events (order_id, version, event, from_status, to_status, actor_id, "
        "approved_by, at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)"_s,
        {orderId, state.version + 1, orderEventName(event), orderStatusName(state.status),
         orderStatusName(*next), caller.id, timeText(at)});
    if (!recorded)
        return recorded.error();
    // The change feed terminals pull; the counter row's lock orders concurrent changes.
    Result<QSqlQuery> numbered =
        execSql(db, u"UPDATE order_change_sequence SET last_seq = last_seq + 1 WHERE id = 1 "
                    "RETURNING last_seq"_s);
    if (!numbered)
        return numbered.error();
    const qint64 seq = numbered.value().next() ? numbered.value().value(0).toLongLong() : 0;
    numbered.value().finish();
    Result<QSqlQuery> published = execSql(
        db,
        u"INSERT INTO order_changes (seq, order_id, terminal_id, store_id, version, event, "
        "from_status, to_status, actor_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {seq, orderId, state.terminalId, state.storeId, state.version + 1, orderEventName(event),
         orderStatusName(state.status), orderStatusName(*next), caller.id, timeText(at)});
    if (!published)
        return published.error();
    return true;
}

// A terminal's own change carries its journal entry; the back office's changes have none.
Result<void> recordJournal(const QSqlDatabase &db, const Principal &caller, const QString &orderId,
                           const QString &kind, const std::optional<JournalLink> &journal,
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

Result<TransitionOutcome> OrderService::applyEvent(const QSqlDatabase &db, const Principal &caller,
                                                   const QString &orderId, const QString &event,
                                                   int expectedVersion, const QDateTime &at,
                                                   const std::optional<JournalLink> &journal)
{
    Result<OrderEvent> parsed = orderEventFromName(event);
    if (!parsed || *parsed == OrderEvent::Place) {
        return Error{u"request.invalid_field"_s,
                     tr("\"event\" %1 is not an event an order can take").arg(event)};
    }
    Transaction transaction(db);
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
            Result<QJsonObject> order = OrderIngest::orderJson(db, orderId);
            if (!order)
                return order.error();
            return TransitionOutcome{true, *order};
        }
    }
    if (state->version == expectedVersion) {
        Result<bool> moved = move(db, caller, orderId, *state, *parsed, at);
        if (!moved)
            return moved.error();
        applied = *moved;
    }
    if (applied) {
        if (Result<void> linked = recordJournal(db, caller, orderId, u"event"_s, journal, at);
            !linked) {
            return linked.error();
        }
    }
    Result<QJsonObject> order = OrderIngest::orderJson(db, orderId);
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
    Transaction transaction(db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun.error();
    Result<StoredState> state = readState(db, caller, orderId);
    if (!state)
        return state.error();
    Result<bool> moved = move(db, caller, orderId, *state, OrderEvent::Cancel, at);
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
    if (request.restock) {
        // One restock movement per SKU; the primary key (order, step, sku) makes it once only.
        Result<QSqlQuery> restocked =
            execSql(db,
                    u"INSERT INTO stock_movements (order_id, step, sku, quantity, at) "
                    "SELECT order_id, 'restock', sku, SUM(quantity), ? FROM order_lines "
                    "WHERE order_id = ? GROUP BY order_id, sku"_s,
                    {timeText(at), orderId});
        if (!restocked)
            return restocked.error();
    }
    if (request.refundTenders) {
        Result<QSqlQuery> refunded = execSql(
            db,
            u"INSERT INTO refunds (order_id, seq, kind, amount_minor, reason, actor_id, at) "
            "SELECT order_id, seq, kind, amount_minor, ?, ?, ? FROM tenders WHERE order_id = ?"_s,
            {request.reason, caller.id, timeText(at), orderId});
        if (!refunded)
            return refunded.error();
    }
    Result<QJsonObject> order = OrderIngest::orderJson(db, orderId);
    if (!order)
        return order.error();
    const QByteArray body = QJsonDocument(*order).toJson(QJsonDocument::Compact);
    Result<QSqlQuery> completed = execSql(
        db,
        u"UPDATE idempotency_keys SET state = 'done', response_status = 200, response_body = ? "
        "WHERE principal_id = ? AND idem_key = ?"_s,
        {QString::fromUtf8(body), slot.principalId, slot.key});
    if (!completed)
        return completed.error();
    if (Result<void> committed = transaction.commit(); !committed)
        return committed.error();
    return IngestAnswer{200, body};
}

Result<OrderQuery> OrderListing::fromUrlQuery(const QString &text)
{
    const QUrlQuery url(text);
    OrderQuery query;
    query.store = url.queryItemValue(u"store"_s, QUrl::FullyDecoded);
    query.terminal = url.queryItemValue(u"terminal"_s, QUrl::FullyDecoded);
    query.status = url.queryItemValue(u"status"_s, QUrl::FullyDecoded);
    query.customer = url.queryItemValue(u"customer"_s, QUrl::FullyDecoded);
    query.from = url.queryItemValue(u"from"_s, QUrl::FullyDecoded);
    query.to = url.queryItemValue(u"to"_s, QUrl::FullyDecoded);
    query.cursor = url.queryItemValue(u"cursor"_s, QUrl::FullyDecoded);
    query.q = url.queryItemValue(u"q"_s, QUrl::FullyDecoded).trimmed();
    auto bad = [](const QString &field, const QString &problem) {
        return Error{u"request.invalid_field"_s, u"\"%1\" %2"_s.arg(field, problem)};
    };
    if (!query.status.isEmpty() && !orderStatusFromName(query.status))
        return bad(u"status"_s, tr("is not an order status"));
    for (const auto &[name, value] : {std::pair{u"from"_s, query.from}, {u"to"_s, query.to}}) {
        if (!value.isEmpty() && !QDateTime::fromString(value, Qt::ISODateWithMs).isValid())
            return bad(name, tr("must be an RFC 3339 time"));
    }
    if (url.hasQueryItem(u"limit"_s)) {
        bool numeric = false;
        query.limit = url.queryItemValue(u"limit"_s).toInt(&numeric);
        if (!numeric || query.limit < 1 || query.limit > 500)
            return bad(u"limit"_s, tr("must be a number from 1 to 500"));
    }
    return query;
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
        "o.currency, o.created_at, o.customer_id FROM orders o"_s;
    if (!where.isEmpty())
        sql += u" WHERE "_s + where.join(u" AND "_s);
    sql += u" ORDER BY o.created_at DESC, o.id DESC LIMIT %1"_s.arg(query.limit + 1);
    Result<QSqlQuery> found = execSql(db, sql, values);
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
        QJsonObject order{
            {u"order_no"_s, row.value(0).toLongLong()}, {u"id"_s, row.value(1).toString()},
            {u"store_id"_s, row.value(2).toString()},   {u"receipt_no"_s, row.value(3).toString()},
            {u"status"_s, row.value(4).toString()},     {u"version"_s, row.value(5).toInt()},
            {u"total"_s, row.value(6).toLongLong()},    {u"currency"_s, row.value(7).toString()},
            {u"created_at"_s, row.value(8).toString()}};
        if (!row.value(9).isNull())
            order.insert(u"customer_id"_s, row.value(9).toString());
        orders.append(order);
    }
    QJsonObject page{{u"orders"_s, orders}};
    page.insert(u"next_cursor"_s, next.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(next));
    return page;
}

} // namespace counterline::server
