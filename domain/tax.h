#pragma once

#include "domain/money.h"
#include "domain/rounding.h"
#include "domain/tax_rate.h"

#include <QList>

namespace counterline {

// Whether shelf prices include tax (EU: the tax is carved out of the price) or exclude it (US: the
// tax is added on top).
enum class TaxMode
{
    PricesIncludeTax,
    PricesExcludeTax
};

// How a store prices: its tax mode and the rounding rule for per-line tax.
struct PricingPolicy
{
    TaxMode taxMode = TaxMode::PricesIncludeTax;
    RoundingRule rounding = RoundingRule::HalfUp;

    friend bool operator==(const PricingPolicy &, const PricingPolicy &) = default;
};

struct TaxedAmount
{
    Money net;
    Money tax;
    Money gross;
};

// The tax on one line's amount (after discounts), rounded per line by the policy's rule.
Result<TaxedAmount> applyTax(const Money &amount, TaxRate rate, const PricingPolicy &policy);

// Net, tax and gross summed for one rate, as receipts and Z reports print them.
struct TaxRateTotal
{
    TaxRate rate;
    Money net;
    Money tax;
    Money gross;
};

// Adds `amount` to the running totals for `rate`, keeping the list sorted by rate.
Result<void> addToRateTotals(QList<TaxRateTotal> &totals, TaxRate rate, const TaxedAmount &amount);

} // namespace counterline
