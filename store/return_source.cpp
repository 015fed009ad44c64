#include "store/return_source.h"

#include "sqlkit/statement.h"
#include "store/sql.h"

using namespace Qt::StringLiterals;

namespace counterline::store {

Result<ReturnSource> ReturnSources::load(const QSqlDatabase &db, const QString &orderId)
{
    Result<QSqlQuery> head = sqlkit::exec(db,
                                          u"SELECT receipt_no, kind, status, currency, tax_mode, "
                                          "rounding FROM orders WHERE id = ?"_s,
                                          {orderId});
    if (!head)
        return head.error();
    if (!head.value().next())
        return Error{u"order.not_found"_s, tr("There is no order %1.").arg(orderId)};
    ReturnSource source;
    source.orderId = QUuid::fromString(orderId);
    source.receiptNo = head.value().value(0).toString();
    Result<OrderKind> kind = orderKindFromName(head.value().value(1).toString());
    Result<OrderStatus> status = orderStatusFromName(head.value().value(2).toString());
    Result<Currency> currency = Currency::fromCode(head.value().value(3).toString());
    if (!kind)
        return kind.error();
    if (!status)
        return status.error();
    if (!currency)
        return currency.error();
    source.kind = *kind;
    source.status = *status;
    source.currency = *currency;
    source.policy.taxMode = head.value().value(4).toString() == u"exclusive"_s
                                ? TaxMode::PricesExcludeTax
                                : TaxMode::PricesIncludeTax;
    source.policy.rounding = head.value().value(5).toString() == u"half-even"_s
                                 ? RoundingRule::HalfEven
                                 : RoundingRule::HalfUp;
    head.value().finish();

    Result<QSqlQuery> lines = sqlkit::exec(
        db,
        u"SELECT s.line_no, s.sku, s.name, s.unit_price_minor, s.quantity, s.tax_rate_ppm, "
        "s.discount_minor, s.net_minor, s.tax_minor, s.total_minor, "
        "(SELECT COALESCE(SUM(r.quantity), 0) FROM order_lines r JOIN orders o ON o.id = "
        "r.order_id WHERE o.original_order_id = s.order_id AND r.original_line_no = s.line_no) "
        "FROM order_lines s WHERE s.order_id = ? ORDER BY s.line_no"_s,
        {orderId});
    if (!lines)
        return lines.error();
    while (lines.value().next()) {
        const QSqlQuery &row = lines.value();
        Result<TaxRate> rate = TaxRate::fromPartsPerMillion(row.value(5).toLongLong());
        if (!rate)
            return rate.error();
        auto money = [&](int column) { return Money(row.value(column).toLongLong(), *currency); };
        const OrderLine line{row.value(0).toInt(),
                             row.value(1).toString(),
                             row.value(2).toString(),
                             money(3),
                             row.value(4).toLongLong(),
                             *rate,
                             money(6),
                             money(7),
                             money(8),
                             money(9)};
        source.lines.append(ReturnableLine{line, row.value(10).toLongLong()});
    }
    return source;
}

Result<Order> ReturnSources::preview(const ReturnSource &sale, const QList<ReturnItem> &items,
                                     const QDateTime &at)
{
    Result<ReceiptNumber> placeholder = ReceiptNumber::make(u"PREVIEW", u"PREVIEW", 1);
    if (!placeholder)
        return placeholder.error();
    return Order::placeReturn(sale, items,
                              OrderHeader{QUuid::createUuid(), *placeholder, {}, {}, at}, Actor{});
}

} // namespace counterline::store
