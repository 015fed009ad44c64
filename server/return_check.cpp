#include "server/return_check.h"

#include "domain/currency.h"
#include "domain/order_return.h"
#include "sqlkit/statement.h"
#include "sqlkit/time_text.h"
#include "sqlkit/transaction.h"

#include <QMap>

using namespace Qt::StringLiterals;

namespace counterline::server {

namespace {

Error mismatch(const QString &what)
{
    return Error{u"order.totals_mismatch"_s, what};
}

Error unknownOriginal(const protocol::WireOrder &order)
{
    return Error{u"return.original_unknown"_s,
                 ReturnCheck::tr("\"original_order_id\" %1 is not an order this server holds; "
                                 "the sale must arrive before its return")
                     .arg(order.originalOrderId)};
}

} // namespace

Result<void> ReturnCheck::lockOriginal(const QSqlDatabase &db, const protocol::WireOrder &order)
{
    // A write to the sale's row holds it until this transaction ends (PostgreSQL locks the row,
    // SQLite the database): a Refund of the sale, which moves the same row, waits or is waited
    // for, and whichever comes second sees the first. The same return sent twice at once waits
    // here too, and the second then finds the first stored.
    Result<QSqlQuery> locked = sqlkit::exec(
        db, u"UPDATE orders SET version = version WHERE id = ?"_s, {order.originalOrderId});
    if (!locked)
        return locked.error();
    return locked.value().numRowsAffected() == 1 ? success() : Result<void>(unknownOriginal(order));
}

Result<qint64> ReturnCheck::verify(const QSqlDatabase &db, protocol::WireOrder &order)
{
    Result<QSqlQuery> head = sqlkit::exec(
        db, u"SELECT kind, status, store_id, receipt_no, currency FROM orders WHERE id = ?"_s,
        {order.originalOrderId});
    if (!head)
        return head.error();
    if (!head.value().next())
        return unknownOriginal(order);
    const QString kind = head.value().value(0).toString();
    const QString status = head.value().value(1).toString();
    const QString storeId = head.value().value(2).toString();
    const QString receiptNo = head.value().value(3).toString();
    Result<Currency> currency = Currency::fromCode(head.value().value(4).toString());
    head.value().finish();
    if (!currency)
        return currency.error();
    if (kind != u"sale"_s) {
        return Error{u"return.of_a_return"_s,
                     tr("%1 is a return itself; only a sale can be returned").arg(receiptNo)};
    }
    if (storeId != order.storeId) {
        return Error{u"return.other_store"_s,
                     tr("%1 was sold by store %2, not %3").arg(receiptNo, storeId, order.storeId)};
    }
    if (status != u"PAID"_s && status != u"COMPLETED"_s) {
        return Error{u"return.not_returnable"_s,
                     tr("only a paid or completed sale can be returned; %1 is %2 here")
                         .arg(receiptNo, status)};
    }

    Result<QSqlQuery> lines = sqlkit::exec(
        db,
        u"SELECT s.line_no, s.sku, s.unit_price_minor, s.quantity, s.tax_rate_ppm, "
        "s.discount_minor, s.tax_minor, s.total_minor, (SELECT COALESCE(SUM(r.quantity), 0) "
        "FROM order_lines r JOIN orders o ON o.id = r.order_id WHERE o.original_order_id = "
        "s.order_id AND r.original_line_no = s.line_no AND o.id <> ?) "
        "FROM order_lines s WHERE s.order_id = ?"_s,
        {order.id, order.originalOrderId});
    if (!lines)
        return lines.error();
    QMap<int, ReturnableLine> sold;
    while (lines.value().next()) {
        const QSqlQuery &row = lines.value();
        Result<TaxRate> rate = TaxRate::fromPartsPerMillion(row.value(4).toLongLong());
        if (!rate)
            return rate.error();
        OrderLine line;
        line.lineNo = row.value(0).toInt();
        line.sku = row.value(1).toString();
        line.unitPrice = Money(row.value(2).toLongLong(), *currency);
        line.quantity = row.value(3).toLongLong();
        line.taxRate = *rate;
        line.discount = Money(row.value(5).toLongLong(), *currency);
        line.tax = Money(row.value(6).toLongLong(), *currency);
        line.total = Money(row.value(7).toLongLong(), *currency);
        sold.insert(line.lineNo, ReturnableLine{line, row.value(8).toLongLong()});
    }
    lines.value().finish();

    qint64 tax = 0;
    for (qsizetype i = 0; i < order.lines.size(); ++i) {
        protocol::WireLine &line = order.lines[i];
        const auto found = sold.find(line.originalLineNo);
        if (found == sold.end()) {
            return Error{u"return.no_such_line"_s, tr("\"lines[%1].original_line_no\": %2 has no "
                                                      "line %3")
                                                       .arg(i)
                                                       .arg(receiptNo)
                                                       .arg(line.originalLineNo)};
        }
        ReturnableLine &original = found.value();
        if (line.sku != original.line.sku ||
            line.unitPrice != original.line.unitPrice.minorUnits() ||
            line.taxRatePpm != original.line.taxRate.partsPerMillion()) {
            return mismatch(tr("\"lines[%1]\" is not line %2 of %3 as it was sold (%4 at %5)")
                                .arg(i)
                                .arg(original.line.lineNo)
                                .arg(receiptNo, original.line.sku)
                                .arg(original.line.unitPrice.minorUnits()));
        }
        Result<ReturnShare> share = returnShare(original.line, original.returned, line.quantity);
        if (!share)
            return share.error();
        if (share->discount != line.discount || share->total != line.total) {
            return mismatch(tr("\"lines[%1]\": returning %2 of line %3 of %4 gives back %5 "
                               "(discount %6), not %7 (discount %8)")
                                .arg(i)
                                .arg(line.quantity)
                                .arg(original.line.lineNo)
                                .arg(receiptNo)
                                .arg(share->total)
                                .arg(share->discount)
                                .arg(line.total)
                                .arg(line.discount));
        }
        original.returned += line.quantity; // a second line for the same sold line follows on
        line.tax = share->tax;
        tax += share->tax;
    }
    return tax;
}

} // namespace counterline::server
