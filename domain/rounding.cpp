#include "domain/rounding.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace counterline {

qint64 divideRounded(WideInt numerator, WideInt denominator, RoundingRule rule)
{
    Q_ASSERT(denominator > 0);
    const bool negative = numerator < 0;
    const WideInt magnitude = negative ? -numerator : numerator;
    WideInt quotient = magnitude / denominator;
    const WideInt twiceRemainder = 2 * (magnitude % denominator);

    if (twiceRemainder > denominator ||
        (twiceRemainder == denominator && (rule == RoundingRule::HalfUp || (quotient % 2) == 1))) {
        ++quotient;
    }
    if (negative)
        quotient = -quotient;
    Q_ASSERT(quotient >= std::numeric_limits<qint64>::min() &&
             quotient <= std::numeric_limits<qint64>::max());
    return static_cast<qint64>(quotient);
}

QString roundingRuleName(RoundingRule rule)
{
    switch (rule) {
    case RoundingRule::HalfUp:
        return u"half-up"_s;
    case RoundingRule::HalfEven:
        return u"half-even"_s;
    }
    Q_UNREACHABLE();
    return QString();
}

} // namespace counterline
