#include "domain/tax.h"

#include <algorithm>

namespace counterline {

Result<TaxedAmount> applyTax(const Money &amount, TaxRate rate, const PricingPolicy &policy)
{
    const WideInt ppm = rate.partsPerMillion();
    const Currency &currency = amount.currency();
    if (policy.taxMode == TaxMode::PricesIncludeTax) {
        // tax = gross * r / (1 + r)
        const qint64 tax = divideRounded(static_cast<WideInt>(amount.minorUnits()) * ppm,
                                         TaxRate::kPartsPerMillion + ppm, policy.rounding);
        return TaxedAmount{Money(amount.minorUnits() - tax, currency), Money(tax, currency),
                           amount};
    }
    const qint64 tax = divideRounded(static_cast<WideInt>(amount.minorUnits()) * ppm,
                                     TaxRate::kPartsPerMillion, policy.rounding);
    Result<Money> gross = amount.plus(Money(tax, currency));
    if (!gross)
        return gross.error();
    return TaxedAmount{amount, Money(tax, currency), *gross};
}

Result<void> addToRateTotals(QList<TaxRateTotal> &totals, TaxRate rate, const TaxedAmount &amount)
{
    auto it = std::lower_bound(totals.begin(), totals.end(), rate,
                               [](const TaxRateTotal &t, TaxRate r) { return t.rate < r; });
    if (it == totals.end() || it->rate != rate) {
        totals.insert(it, TaxRateTotal{rate, amount.net, amount.tax, amount.gross});
        return success();
    }
    Result<Money> net = it->net.plus(amount.net);
    Result<Money> tax = it->tax.plus(amount.tax);
    Result<Money> gross = it->gross.plus(amount.gross);
    for (const Result<Money> *sum : {&net, &tax, &gross}) {
        if (!*sum)
            return sum->error();
    }
    *it = TaxRateTotal{rate, *net, *tax, *gross};
    return success();
}

} // namespace counterline
