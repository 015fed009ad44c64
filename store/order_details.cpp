#include "store/order_details.h"

#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "store/sql.h"

using namespace Qt::StringLiterals;

namespace counterline::store {

namespace {

// Appends one `make(row)` to `into` for every row `sql` finds for the order.
template<typename Row, typename Make>
Result<void> readRows(const QSqlDatabase &db, const QString &sql, const QString &orderId,
                      QList<Row> &into, Make make)
{
    Result<QSqlQuery> rows = sqlkit::exec(db, sql, {orderId});
    if (!rows)
        return rows.error();
    QSqlQuery &query = rows.value();
    while (query.next())
        into.append(make(query));
    query.finish();
    return success();
}

} // namespace

// The order's own row: its summary, where it was sold, its tax and change, its sale if a return.
Result<OrderDetail> OrderDetails::loadHead(const QSqlDatabase &db, const QString &orderId)
{
    Result<QSqlQuery> head = sqlkit::exec(
        db,
        u"SELECT id, receipt_no, created_at, status, version, cashier_id, customer_id, "
        "total_minor, currency, sync_state, store_id, terminal_id, tax_minor, change_minor, "
        "server_order_no, kind, original_order_id, "
        "(SELECT s.receipt_no FROM orders s WHERE s.id = orders.original_order_id) "
        "FROM orders WHERE id = ?"_s,
        {orderId});
    if (!head)
        return head.error();
    QSqlQuery &row = head.value();
    if (!row.next())
        return Error{u"order.not_found"_s, tr("There is no order %1 here.").arg(orderId)};
    Result<OrderStatus> status = orderStatusFromName(row.value(3).toString());
    Result<Currency> currency = Currency::fromCode(row.value(8).toString());
    if (!status)
        return status.error();
    if (!currency)
        return currency.error();
    OrderDetail detail;
    detail.summary = OrderSummary{row.value(0).toString(),
                                  row.value(1).toString(),
                                  sqlkit::timeFromText(row.value(2).toString()),
                                  *status,
                                  row.value(4).toInt(),
                                  row.value(5).toString(),
                                  row.value(6).toString(),
                                  Money(row.value(7).toLongLong(), *currency),
                                  row.value(9).toString(),
                                  row.value(15).toString() == u"return"_s};
    detail.storeId = row.value(10).toString();
    detail.terminalId = row.value(11).toString();
    detail.taxMinor = row.value(12).toLongLong();
    detail.changeMinor = row.value(13).toLongLong();
    detail.serverOrderNo = row.value(14).toString();
    detail.originalOrderId = row.value(16).toString();
    detail.originalReceiptNo = row.value(17).toString();
    row.finish();
    return detail;
}

Result<OrderDetail> OrderDetails::load(const Database &database, const QString &orderId)
{
    const QSqlDatabase db = database.connection();
    Result<OrderDetail> found = loadHead(db, orderId);
    if (!found)
        return found;
    OrderDetail &detail = found.value();
    const Result<void> read[] = {
        readRows(db,
                 u"SELECT l.line_no, l.sku, l.name, l.unit_price_minor, l.quantity, "
                 "l.tax_rate_ppm, l.discount_minor, l.tax_minor, l.total_minor, "
                 "COALESCE(l.original_line_no, 0), (SELECT COALESCE(SUM(r.quantity), 0) FROM "
                 "order_lines r JOIN orders o ON o.id = r.order_id WHERE o.original_order_id = "
                 "l.order_id AND r.original_line_no = l.line_no) "
                 "FROM order_lines l WHERE l.order_id = ? ORDER BY l.line_no"_s,
                 orderId, detail.lines,
                 [](const QSqlQuery &l) {
                     return OrderDetail::Line{
                         l.value(0).toInt(),      l.value(1).toString(),   l.value(2).toString(),
                         l.value(3).toLongLong(), l.value(4).toLongLong(), l.value(5).toLongLong(),
                         l.value(6).toLongLong(), l.value(7).toLongLong(), l.value(8).toLongLong(),
                         l.value(9).toInt(),      l.value(10).toLongLong()};
                 }),
        readRows(db,
                 u"SELECT id, receipt_no, created_at, total_minor FROM orders "
                 "WHERE original_order_id = ? ORDER BY receipt_seq"_s,
                 orderId, detail.returns,
                 [](const QSqlQuery &r) {
                     return OrderDetail::Return{r.value(0).toString(), r.value(1).toString(),
                                                sqlkit::timeFromText(r.value(2).toString()),
                                                r.value(3).toLongLong()};
                 }),
        readRows(db,
                 u"SELECT kind, amount_minor, reference, needs_capture FROM tenders "
                 "WHERE order_id = ? ORDER BY seq"_s,
                 orderId, detail.tenders,
                 [](const QSqlQuery &t) {
                     return OrderDetail::TenderLine{t.value(0).toString(), t.value(1).toLongLong(),
                                                    t.value(2).toString(), t.value(3).toInt() == 1};
                 }),
        readRows(db,
                 u"SELECT tender_seq, amount_minor, outcome, refund_id FROM "
                 "refunds WHERE order_id = ? ORDER BY tender_seq"_s,
                 orderId, detail.moneyBack,
                 [](const QSqlQuery &r) {
                     return OrderDetail::MoneyBack{r.value(0).toInt(), r.value(1).toLongLong(),
                                                   r.value(2).toString(), r.value(3).toString(),
                                                   QString()};
                 }),
        readRows(db,
                 u"SELECT version, event, from_status, to_status, actor_id, approved_by, at "
                 "FROM order_events WHERE order_id = ? ORDER BY version"_s,
                 orderId, detail.events,
                 [](const QSqlQuery &e) {
                     return OrderDetail::Event{e.value(0).toInt(),
                                               e.value(1).toString(),
                                               e.value(2).toString(),
                                               e.value(3).toString(),
                                               e.value(4).toString(),
                                               e.value(5).toString(),
                                               sqlkit::timeFromText(e.value(6).toString())};
                 }),
        readRows(db, u"SELECT seq, kind, hash FROM journal WHERE order_id = ? ORDER BY seq"_s,
                 orderId, detail.journal,
                 [](const QSqlQuery &j) {
                     return OrderDetail::Journal{j.value(0).toLongLong(), j.value(1).toString(),
                                                 j.value(2).toString()};
                 }),
        readRows(
            db,
            u"SELECT kind, idempotency_key, state, attempts, last_status, last_error, last_code "
            "FROM outbox WHERE order_id = ? ORDER BY seq"_s,
            orderId, detail.sync,
            [](const QSqlQuery &o) {
                return OrderDetail::SyncEntry{o.value(0).toString(), o.value(1).toString(),
                                              o.value(2).toString(), o.value(3).toInt(),
                                              o.value(4).toInt(),    o.value(5).toString(),
                                              o.value(6).toString()};
            }),
    };
    for (const Result<void> &step : read) {
        if (!step)
            return step.error();
    }
    return found;
}

} // namespace counterline::store
