#pragma once

#include "domain/currency.h"
#include "domain/result.h"
#include "domain/tax.h"
#include "server/order_ingest.h"

#include <QCoreApplication>

namespace counterline::server {

// What the server stores beside an order's total, summed from its lines.
struct OrderFigures
{
    qint64 subtotal = 0;  // unit price × quantity, before discounts
    qint64 discounts = 0; // the lines' discounts
    qint64 tax = 0;       // the lines' tax as the domain computes it
};

// The arithmetic of a received order, with no database: every line's tax recomputed with the
// domain's rules (written into the line), its total checked against them (a return's lines are
// shares of sold lines, checked against the sale by ReturnCheck), the lines against "total", and
// the tenders against "total" for what the order says it is. A disagreement is
// order.totals_mismatch naming the line or the field; an amount above what one sale may carry
// (domain/sale_bounds.h), or a sum that would pass it, is order.out_of_bounds. All sums are
// checked: nothing wraps.
class TotalsCheck
{
    Q_DECLARE_TR_FUNCTIONS(TotalsCheck)

public:
    static Result<OrderFigures> verify(protocol::WireOrder &order, const Currency &currency,
                                       const PricingPolicy &policy);
};

} // namespace counterline::server
