#include "server/order_json.h"

#include "sqlkit/statement.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace counterline::server {

namespace {

// What became of each tender's money when the whole order was undone, with the state of the
// server's own refund where it owes one.
Result<QJsonArray> moneyBackJson(const QSqlDatabase &db, const QString &orderId)
{
    Result<QSqlQuery> found =
        sqlkit::exec(db,
                     u"SELECT r.seq, r.amount_minor, r.outcome, r.refund_id, (SELECT p.state FROM "
                     "payment_refunds p WHERE p.order_id = r.order_id ORDER BY p.n DESC LIMIT 1), "
                     "(SELECT s.step FROM sagas s WHERE s.order_id = r.order_id) "
                     "FROM refunds r WHERE r.order_id = ? ORDER BY r.seq"_s,
                     {orderId});
    if (!found)
        return found.error();
    QJsonArray back;
    while (found.value().next()) {
        const QSqlQuery &row = found.value();
        QJsonObject refund{
            {u"tender"_s, row.value(0).toInt()},
            {u"amount"_s, row.value(1).toLongLong()},
            {u"outcome"_s, row.value(2).isNull() ? u"recorded"_s : row.value(2).toString()}};
        if (!row.value(3).isNull())
            refund.insert(u"refund_id"_s, row.value(3).toString());
        // The server's own refund, or why there is none: never charged, or not settled yet.
        if (row.value(2).toString() == u"by_server"_s) {
            refund.insert(u"state"_s,
                          !row.value(4).isNull()
                              ? row.value(4).toString()
                              : (row.value(5).toString() == u"cancelled"_s ? u"never_charged"_s
                                                                           : u"pending"_s));
        }
        back.append(refund);
    }
    return back;
}

} // namespace

Result<QJsonObject> OrderJson::order(const QSqlDatabase &db, const QString &orderId)
{
    Result<QSqlQuery> found = sqlkit::exec(
        db,
        u"SELECT seq, id, store_id, receipt_no, status, version, total_minor, currency, "
        "created_at, kind, original_order_id FROM orders WHERE id = ?"_s,
        {orderId});
    if (!found)
        return found.error();
    QSqlQuery &row = found.value();
    if (!row.next())
        return Error{u"order.not_found"_s, tr("There is no order %1.").arg(orderId)};
    return summary(row);
}

QJsonObject OrderJson::summary(const QSqlQuery &row)
{
    QJsonObject order{
        {u"order_no"_s, row.value(0).toLongLong()}, {u"id"_s, row.value(1).toString()},
        {u"store_id"_s, row.value(2).toString()},   {u"receipt_no"_s, row.value(3).toString()},
        {u"status"_s, row.value(4).toString()},     {u"version"_s, row.value(5).toInt()},
        {u"total"_s, row.value(6).toLongLong()},    {u"currency"_s, row.value(7).toString()},
        {u"created_at"_s, row.value(8).toString()}};
    if (row.value(9).toString() == u"return"_s) {
        order.insert(u"type"_s, u"return"_s);
        order.insert(u"original_order_id"_s, row.value(10).toString());
    }
    return order;
}

Result<QJsonObject> OrderJson::detail(const QSqlDatabase &db, const QString &orderId)
{
    Result<QJsonObject> found = order(db, orderId);
    if (!found)
        return found;
    QJsonObject detail = *found;
    QJsonObject *order = &detail;
    Result<QSqlQuery> head =
        sqlkit::exec(db,
                     u"SELECT p.name, o.cashier_id, o.customer_id, o.tax_minor FROM orders o "
                     "JOIN principals p ON p.id = o.terminal_id WHERE o.id = ?"_s,
                     {orderId});
    if (!head)
        return head.error();
    if (head.value().next()) {
        order->insert(u"terminal_id"_s, head.value().value(0).toString());
        order->insert(u"cashier_id"_s, head.value().value(1).toString());
        if (!head.value().value(2).isNull())
            order->insert(u"customer_id"_s, head.value().value(2).toString());
        order->insert(u"tax"_s, head.value().value(3).toLongLong());
    }
    head.value().finish();
    Result<QSqlQuery> lines = sqlkit::exec(
        db,
        u"SELECT line_no, sku, name, unit_price_minor, quantity, tax_rate_ppm, discount_minor, "
        "tax_minor, total_minor, original_line_no FROM order_lines WHERE order_id = ? "
        "ORDER BY line_no"_s,
        {orderId});
    if (!lines)
        return lines.error();
    QJsonArray lineList;
    while (lines.value().next()) {
        const QSqlQuery &l = lines.value();
        QJsonObject line{
            {u"line_no"_s, l.value(0).toInt()},       {u"sku"_s, l.value(1).toString()},
            {u"name"_s, l.value(2).toString()},       {u"unit_price"_s, l.value(3).toLongLong()},
            {u"quantity"_s, l.value(4).toLongLong()}, {u"tax_rate_ppm"_s, l.value(5).toLongLong()},
            {u"discount"_s, l.value(6).toLongLong()}, {u"tax"_s, l.value(7).toLongLong()},
            {u"total"_s, l.value(8).toLongLong()}};
        if (!l.value(9).isNull())
            line.insert(u"original_line_no"_s, l.value(9).toInt());
        lineList.append(line);
    }
    lines.value().finish();
    Result<QSqlQuery> tenders = sqlkit::exec(
        db,
        u"SELECT kind, amount_minor, reference, needs_capture FROM tenders WHERE order_id = ? "
        "ORDER BY seq"_s,
        {orderId});
    if (!tenders)
        return tenders.error();
    QJsonArray tenderList;
    while (tenders.value().next()) {
        const QSqlQuery &t = tenders.value();
        tenderList.append(QJsonObject{{u"kind"_s, t.value(0).toString()},
                                      {u"amount"_s, t.value(1).toLongLong()},
                                      {u"reference"_s, t.value(2).toString()},
                                      {u"needs_capture"_s, t.value(3).toInt() == 1}});
    }
    tenders.value().finish();
    Result<QSqlQuery> events =
        sqlkit::exec(db,
                     u"SELECT version, event, from_status, to_status, actor_id, approved_by, at "
                     "FROM order_events WHERE order_id = ? ORDER BY version"_s,
                     {orderId});
    if (!events)
        return events.error();
    QJsonArray eventList;
    while (events.value().next()) {
        const QSqlQuery &e = events.value();
        QJsonObject event{{u"version"_s, e.value(0).toInt()},
                          {u"event"_s, e.value(1).toString()},
                          {u"to"_s, e.value(3).toString()},
                          {u"actor"_s, e.value(4).toString()},
                          {u"at"_s, e.value(6).toString()}};
        if (!e.value(2).isNull())
            event.insert(u"from"_s, e.value(2).toString());
        if (!e.value(5).isNull())
            event.insert(u"approved_by"_s, e.value(5).toString());
        eventList.append(event);
    }
    events.value().finish();
    Result<QJsonArray> back = moneyBackJson(db, orderId);
    if (!back)
        return back.error();
    order->insert(u"lines"_s, lineList);
    order->insert(u"tenders"_s, tenderList);
    order->insert(u"events"_s, eventList);
    if (!back->isEmpty())
        order->insert(u"refunds"_s, *back);
    return detail;
}

} // namespace counterline::server
