#pragma once

#include "domain/result.h"

#include <QStringView>

namespace counterline {

// Parses a plain decimal ("1.49", "-0.5", "8.875") into an integer scaled by 10^scale, exactly:
// no floating point. More fractional digits than `scale` are accepted only when they are zeros.
// Exponents, thousands separators, spaces and empty text are errors that quote the input.
Result<qint64> parseScaledDecimal(QStringView text, int scale);

// The inverse: 149 at scale 2 -> "1.49", -5 at scale 2 -> "-0.05", 12 at scale 0 -> "12".
QString formatScaledDecimal(qint64 value, int scale);

} // namespace counterline
