#include "server/totals_check.h"

#include "domain/money.h"
#include "domain/sale_bounds.h"
#include "domain/tax_rate.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace counterline::server {

namespace {

Error totalsMismatch(const QString &what)
{
    return Error{u"order.totals_mismatch"_s, what};
}

// A figure no till rings up (domain/sale_bounds.h), or a sum that would leave 64 bits.
Error outOfBounds(const QString &field, const QString &value)
{
    return Error{u"order.out_of_bounds"_s,
                 TotalsCheck::tr("\"%1\" is %2; no sale carries an amount above %3")
                     .arg(field, value, QString::number(kMaxSaleAmount))};
}

std::optional<Error> checkBounds(const protocol::WireOrder &order)
{
    for (qsizetype i = 0; i < order.lines.size(); ++i) {
        const protocol::WireLine &line = order.lines.at(i);
        const QString at = u"lines[%1]."_s.arg(i);
        for (const auto &[field, value] : {std::pair{u"unit_price"_s, line.unitPrice},
                                           {u"discount"_s, line.discount},
                                           {u"total"_s, line.total}}) {
            if (value > kMaxSaleAmount)
                return outOfBounds(at + field, QString::number(value));
        }
        if (line.quantity > kMaxLineQuantity)
            return outOfBounds(at + u"quantity"_s, QString::number(line.quantity));
        qint64 listTotal = 0;
        if (__builtin_mul_overflow(line.unitPrice, line.quantity, &listTotal) ||
            listTotal > kMaxSaleAmount) {
            return outOfBounds(at + u"unit_price × quantity"_s,
                               u"%1 × %2"_s.arg(line.unitPrice).arg(line.quantity));
        }
    }
    if (order.total > kMaxSaleAmount)
        return outOfBounds(u"total"_s, QString::number(order.total));
    for (qsizetype i = 0; i < order.tenders.size(); ++i) {
        if (order.tenders.at(i).amount > kMaxSaleAmount) {
            return outOfBounds(u"tenders[%1].amount"_s.arg(i),
                               QString::number(order.tenders.at(i).amount));
        }
    }
    return std::nullopt;
}

// Adds with a check: false when the sum would leave 64 bits or pass the bound of one sale.
bool addChecked(qint64 &sum, qint64 value)
{
    return !__builtin_add_overflow(sum, value, &sum) && sum <= kMaxSaleAmount;
}

} // namespace

Result<OrderFigures> TotalsCheck::verify(protocol::WireOrder &order, const Currency &currency,
                                         const PricingPolicy &policy)
{
    if (std::optional<Error> bad = checkBounds(order))
        return *bad;
    OrderFigures figures;
    qint64 sum = 0;
    for (qsizetype i = 0; i < order.lines.size(); ++i) {
        protocol::WireLine &line = order.lines[i];
        qint64 listTotal = 0;
        if (__builtin_mul_overflow(line.unitPrice, line.quantity, &listTotal) ||
            line.discount > listTotal) {
            return totalsMismatch(
                tr("\"lines[%1]\": the discount exceeds unit_price × quantity").arg(i));
        }
        Result<TaxRate> rate = TaxRate::fromPartsPerMillion(line.taxRatePpm);
        if (!rate)
            return rate.error();
        Result<TaxedAmount> taxed =
            applyTax(Money(listTotal - line.discount, currency), *rate, policy);
        if (!taxed)
            return taxed.error();
        if (!order.isReturn && taxed->gross.minorUnits() != line.total) {
            return totalsMismatch(tr("\"lines[%1].total\" is %2 but the line comes to %3")
                                      .arg(i)
                                      .arg(line.total)
                                      .arg(taxed->gross.minorUnits()));
        }
        line.tax = taxed->tax.minorUnits();
        if (!addChecked(sum, line.total) || !addChecked(figures.subtotal, listTotal) ||
            !addChecked(figures.discounts, line.discount) || !addChecked(figures.tax, line.tax)) {
            return outOfBounds(u"lines"_s, tr("more than one sale can hold, from line %1").arg(i));
        }
    }
    if (sum != order.total) {
        return totalsMismatch(
            tr("\"total\" is %1 but the lines add up to %2").arg(order.total).arg(sum));
    }
    qint64 tendered = 0;
    for (const protocol::WireTender &tender : std::as_const(order.tenders)) {
        if (__builtin_add_overflow(tendered, tender.amount, &tendered))
            return outOfBounds(u"tenders"_s, tr("more than one sale can hold"));
    }
    if (order.status != u"CREATED"_s && tendered < order.total) {
        return totalsMismatch(
            tr("the tenders (%1) do not cover \"total\" (%2)").arg(tendered).arg(order.total));
    }
    if (order.isReturn &&
        (order.needsCapture() || tendered != order.total || order.status != u"COMPLETED"_s)) {
        return totalsMismatch(tr("a return arrives COMPLETED with what was paid back (%1) equal "
                                 "to \"total\" (%2) and nothing to capture")
                                  .arg(tendered)
                                  .arg(order.total));
    }
    if (order.isRemote() && (tendered != order.total || order.version != 1)) {
        return totalsMismatch(tr("a remote order is placed at version 1 with tenders (%1) equal "
                                 "to \"total\" (%2)")
                                  .arg(tendered)
                                  .arg(order.total));
    }
    return figures;
}

} // namespace counterline::server
