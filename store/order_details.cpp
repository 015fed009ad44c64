#include "store/order_details.h"

#include "store/sql.h"
#include "store/time_text.h"

using namespace Qt::StringLiterals;

namespace counterline::store {

Result<OrderDetail> OrderDetails::load(const Database &database, const QString &orderId)
{
    const QSqlDatabase db = database.connection();
    Result<QSqlQuery> head =
        runSql(db,
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
                                  timeFromText(row.value(2).toString()),
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

    Result<QSqlQuery> lines = runSql(
        db,
        u"SELECT l.line_no, l.sku, l.name, l.unit_price_minor, l.quantity, l.tax_rate_ppm, "
        "l.discount_minor, l.tax_minor, l.total_minor, COALESCE(l.original_line_no, 0), "
        "(SELECT COALESCE(SUM(r.quantity), 0) FROM order_lines r JOIN orders o ON o.id = "
        "r.order_id WHERE o.original_order_id = l.order_id AND r.original_line_no = l.line_no) "
        "FROM order_lines l WHERE l.order_id = ? ORDER BY l.line_no"_s,
        {orderId});
    if (!lines)
        return lines.error();
    while (lines.value().next()) {
        const QSqlQuery &l = lines.value();
        detail.lines.append({l.value(0).toInt(), l.value(1).toString(), l.value(2).toString(),
                             l.value(3).toLongLong(), l.value(4).toLongLong(),
                             l.value(5).toLongLong(), l.value(6).toLongLong(),
                             l.value(7).toLongLong(), l.value(8).toLongLong(), l.value(9).toInt(),
                             l.value(10).toLongLong()});
    }

    Result<QSqlQuery> returns =
        runSql(db,
               u"SELECT id, receipt_no, created_at, total_minor FROM orders "
               "WHERE original_order_id = ? ORDER BY receipt_seq"_s,
               {orderId});
    if (!returns)
        return returns.error();
    while (returns.value().next()) {
        const QSqlQuery &r = returns.value();
        detail.returns.append({r.value(0).toString(), r.value(1).toString(),
                               timeFromText(r.value(2).toString()), r.value(3).toLongLong()});
    }

    Result<QSqlQuery> tenders =
        runSql(db,
               u"SELECT kind, amount_minor, reference, needs_capture FROM tenders "
               "WHERE order_id = ? ORDER BY seq"_s,
               {orderId});
    if (!tenders)
        return tenders.error();
    while (tenders.value().next()) {
        const QSqlQuery &t = tenders.value();
        detail.tenders.append({t.value(0).toString(), t.value(1).toLongLong(),
                               t.value(2).toString(), t.value(3).toInt() == 1});
    }

    tenders.value().finish();
    Result<QSqlQuery> back = runSql(db,
                                    u"SELECT tender_seq, amount_minor, outcome, refund_id FROM "
                                    "refunds WHERE order_id = ? ORDER BY tender_seq"_s,
                                    {orderId});
    if (!back)
        return back.error();
    while (back.value().next()) {
        const QSqlQuery &r = back.value();
        detail.moneyBack.append({r.value(0).toInt(), r.value(1).toLongLong(), r.value(2).toString(),
                                 r.value(3).toString(), QString()});
    }
    back.value().finish();

    Result<QSqlQuery> events =
        runSql(db,
               u"SELECT version, event, from_status, to_status, actor_id, approved_by, at "
               "FROM order_events WHERE order_id = ? ORDER BY version"_s,
               {orderId});
    if (!events)
        return events.error();
    while (events.value().next()) {
        const QSqlQuery &e = events.value();
        detail.events.append({e.value(0).toInt(), e.value(1).toString(), e.value(2).toString(),
                              e.value(3).toString(), e.value(4).toString(), e.value(5).toString(),
                              timeFromText(e.value(6).toString())});
    }

    Result<QSqlQuery> journal = runSql(
        db, u"SELECT seq, kind, hash FROM journal WHERE order_id = ? ORDER BY seq"_s, {orderId});
    if (!journal)
        return journal.error();
    while (journal.value().next()) {
        const QSqlQuery &j = journal.value();
        detail.journal.append(
            {j.value(0).toLongLong(), j.value(1).toString(), j.value(2).toString()});
    }

    Result<QSqlQuery> outbox =
        runSql(db,
               u"SELECT kind, idempotency_key, state, attempts, last_status, last_error "
               "FROM outbox WHERE order_id = ? ORDER BY seq"_s,
               {orderId});
    if (!outbox)
        return outbox.error();
    while (outbox.value().next()) {
        const QSqlQuery &o = outbox.value();
        detail.sync.append({o.value(0).toString(), o.value(1).toString(), o.value(2).toString(),
                            o.value(3).toInt(), o.value(4).toInt(), o.value(5).toString()});
    }
    return detail;
}

} // namespace counterline::store
