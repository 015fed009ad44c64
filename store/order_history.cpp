#include "store/order_history.h"

#include "store/sql.h"
#include "store/time_text.h"

using namespace Qt::StringLiterals;

namespace counterline::store {

OrderHistory::OrderHistory(const Database &database)
    : m_db(database.connection())
{}

OrderHistory::Statement OrderHistory::pageStatement(const OrderFilter &filter,
                                                    const std::optional<HistoryCursor> &after,
                                                    int limit)
{
    Statement statement;
    QStringList where;
    auto add = [&](const QString &condition, const QVariantList &values) {
        where.append(condition);
        statement.values.append(values);
    };
    if (filter.from)
        add(u"o.created_at >= ?"_s, {timeText(*filter.from)});
    if (filter.to)
        add(u"o.created_at < ?"_s, {timeText(*filter.to)});
    if (filter.status)
        add(u"o.status = ?"_s, {orderStatusName(*filter.status)});
    if (!filter.cashierId.isEmpty())
        add(u"o.cashier_id = ?"_s, {filter.cashierId});
    if (!filter.customerId.isEmpty())
        add(u"o.customer_id = ?"_s, {filter.customerId});
    if (!filter.receiptNumber.isEmpty())
        add(u"o.receipt_no = ?"_s, {filter.receiptNumber});
    if (!filter.sku.isEmpty())
        add(u"o.id IN (SELECT l.order_id FROM order_lines l WHERE l.sku = ?)"_s, {filter.sku});
    if (filter.minTotalMinor)
        add(u"o.total_minor >= ?"_s, {*filter.minTotalMinor});
    if (filter.maxTotalMinor)
        add(u"o.total_minor <= ?"_s, {*filter.maxTotalMinor});
    if (after)
        add(u"(o.created_at, o.id) < (?, ?)"_s, {after->createdAt, after->id});

    statement.sql = u"SELECT o.id, o.receipt_no, o.created_at, o.status, o.version, o.cashier_id, "
                    "o.customer_id, o.total_minor, o.currency, o.sync_state FROM orders o"_s;
    if (!where.isEmpty())
        statement.sql += u" WHERE "_s + where.join(u" AND "_s);
    statement.sql += u" ORDER BY o.created_at DESC, o.id DESC LIMIT %1"_s.arg(limit);
    return statement;
}

Result<OrderPage> OrderHistory::page(const OrderFilter &filter,
                                     const std::optional<HistoryCursor> &after, int limit)
{
    limit = std::clamp(limit, 1, 1000);
    // One row more than asked tells whether another page follows.
    const Statement statement = pageStatement(filter, after, limit + 1);
    Result<QSqlQuery> query = runSql(m_db, statement.sql, statement.values);
    if (!query)
        return query.error();
    OrderPage page;
    QSqlQuery &row = query.value();
    QString lastCreatedText;
    while (row.next()) {
        if (page.orders.size() == limit) {
            page.next = HistoryCursor{lastCreatedText, page.orders.last().id};
            break;
        }
        Result<Currency> currency = Currency::fromCode(row.value(8).toString());
        Result<OrderStatus> status = orderStatusFromName(row.value(3).toString());
        if (!currency)
            return currency.error();
        if (!status)
            return status.error();
        lastCreatedText = row.value(2).toString();
        page.orders.append(OrderSummary{
            row.value(0).toString(), row.value(1).toString(), timeFromText(lastCreatedText),
            *status, row.value(4).toInt(), row.value(5).toString(), row.value(6).toString(),
            Money(row.value(7).toLongLong(), *currency), row.value(9).toString()});
    }
    return page;
}

} // namespace counterline::store
