#include "server/totals_check.h"

#include "domain/money.h"
#include "domain/tax_rate.h"

using namespace Qt::StringLiterals;

namespace counterline::server {

namespace {

Error totalsMismatch(const QString &what)
{
    return Error{u"order.totals_mismatch"_s, what};
}

} // namespace

Result<OrderFigures> TotalsCheck::verify(protocol::WireOrder &order, const Currency &currency,
                                         const PricingPolicy &policy)
{
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
        sum += line.total;
        figures.subtotal += listTotal;
        figures.discounts += line.discount;
        figures.tax += line.tax;
    }
    if (sum != order.total) {
        return totalsMismatch(
            tr("\"total\" is %1 but the lines add up to %2").arg(order.total).arg(sum));
    }
    qint64 tendered = 0;
    for (const protocol::WireTender &tender : std::as_const(order.tenders))
        tendered += tender.amount;
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
