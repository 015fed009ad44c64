#pragma once

#include <QtGlobal>

namespace counterline {

// The largest figures one sale may carry, the same at the till and on the server: no genuine
// till rings up more, and the server refuses more (order.out_of_bounds). Any amount — a price, a
// line, a discount, a tender, the total — is at most 10^11 minor units (a billion euros, a
// hundred billion yen); a line holds at most a million pieces. So the sums over any number of
// sales that reports and the database make stay far inside 64 bits.
constexpr qint64 kMaxSaleAmount = 100'000'000'000;
constexpr qint64 kMaxLineQuantity = 1'000'000;

} // namespace counterline
