#include "domain/allocation.h"
#include "domain/cart.h"
#include "domain/sale_bounds.h"
#include "domain/typed_amount.h"

using namespace Qt::StringLiterals;

namespace counterline {

namespace {

// Sums one Money field of every priced line.
Result<Money> sumOf(const QList<PricedLine> &lines, const Currency &currency,
                    Money (*field)(const PricedLine &))
{
    Money sum = Money::zero(currency);
    for (const PricedLine &line : lines) {
        Result<Money> next = sum.plus(field(line));
        if (!next)
            return next.error();
        sum = *next;
    }
    return sum;
}

} // namespace

Result<CartTotals> priceLines(const QList<CartLine> &lines, const Discount &orderDiscount,
                              const Currency &currency, const PricingPolicy &policy)
{
    CartTotals totals{{},
                      Money::zero(currency),
                      Money::zero(currency),
                      Money::zero(currency),
                      Money::zero(currency),
                      Money::zero(currency),
                      {}};

    // 1. List totals and line discounts.
    QList<qint64> afterLineDiscount;
    qint64 discountBase = 0;
    for (const CartLine &line : lines) {
        Result<Money> listTotal = line.unitPrice.times(line.quantity);
        if (!listTotal)
            return listTotal.error();
        Result<qint64> lineDiscount = line.discount.on(listTotal->minorUnits(), policy.rounding);
        if (!lineDiscount)
            return lineDiscount.error();
        const qint64 remaining = listTotal->minorUnits() - *lineDiscount;
        if (__builtin_add_overflow(discountBase, remaining, &discountBase)) {
            return Error{u"money.overflow"_s,
                         QCoreApplication::translate("counterline::Money",
                                                     "the amount is too large to be represented")};
        }
        afterLineDiscount.append(remaining);
        totals.lines.append(PricedLine{
            line.lineNo, *listTotal, Money(*lineDiscount, currency), Money::zero(currency), {}});
    }

    // 2. The order discount, shared over the lines in proportion to what they still cost.
    Result<qint64> orderAmount = orderDiscount.on(discountBase, policy.rounding);
    if (!orderAmount)
        return orderAmount.error();
    if (*orderAmount > 0) {
        Result<QList<Money>> shares = allocate(Money(*orderAmount, currency), afterLineDiscount);
        if (!shares)
            return shares.error();
        for (qsizetype i = 0; i < totals.lines.size(); ++i)
            totals.lines[i].orderDiscount = shares->at(i);
    }

    // 3. Tax per line on what remains, then totals per rate.
    for (qsizetype i = 0; i < totals.lines.size(); ++i) {
        PricedLine &priced = totals.lines[i];
        const Money remaining(afterLineDiscount[i] - priced.orderDiscount.minorUnits(), currency);
        Result<TaxedAmount> taxed = applyTax(remaining, lines[i].taxRate, policy);
        if (!taxed)
            return taxed.error();
        priced.amount = *taxed;
        if (Result<void> added = addToRateTotals(totals.perRate, lines[i].taxRate, *taxed); !added)
            return added.error();
    }

    Result<Money> subtotal =
        sumOf(totals.lines, currency, [](const PricedLine &l) { return l.listTotal; });
    Result<Money> lineDiscounts =
        sumOf(totals.lines, currency, [](const PricedLine &l) { return l.lineDiscount; });
    Result<Money> net =
        sumOf(totals.lines, currency, [](const PricedLine &l) { return l.amount.net; });
    Result<Money> tax =
        sumOf(totals.lines, currency, [](const PricedLine &l) { return l.amount.tax; });
    Result<Money> gross =
        sumOf(totals.lines, currency, [](const PricedLine &l) { return l.amount.gross; });
    for (const Result<Money> *sum : {&subtotal, &lineDiscounts, &net, &tax, &gross}) {
        if (!*sum)
            return sum->error();
    }
    if (subtotal->minorUnits() > kMaxSaleAmount) {
        return Error{u"cart.too_large"_s,
                     QCoreApplication::translate("counterline::Cart",
                                                 "a sale may come to at most %1 before discounts")
                         .arg(formatTypedAmount(kMaxSaleAmount, currency.exponent()) + u' ' +
                              currency.code())};
    }
    totals.subtotal = *subtotal;
    totals.discount = Money(lineDiscounts->minorUnits() + *orderAmount, currency);
    totals.net = *net;
    totals.tax = *tax;
    totals.total = *gross;
    return totals;
}

} // namespace counterline
