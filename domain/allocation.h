#pragma once

#include "domain/money.h"
#include "domain/result.h"

#include <QList>

namespace counterline {

// Splits `total` into parts proportional to `weights` by the largest-remainder method: every part
// gets its floor share, then the leftover minor units go one each to the parts with the largest
// remainders (earlier parts win ties). The parts always sum to `total` exactly. A negative total
// is split like its magnitude and negated. Weights must be >= 0 with a positive sum.
Result<QList<Money>> allocate(const Money &total, const QList<qint64> &weights);

// `total` in `parts` nearly equal shares, the larger ones first: 10.00 / 3 = 3.34, 3.33, 3.33.
Result<QList<Money>> split(const Money &total, int parts);

} // namespace counterline
