#pragma once

#include <QString>
#include <QtGlobal>

namespace counterline {

// How a fraction of a minor unit becomes a whole one. HalfUp is commercial rounding (halves away
// from zero); HalfEven is banker's rounding (halves to the even neighbour).
// A 128-bit integer for intermediate products of amounts and ratios (GCC/Clang extension).
__extension__ typedef __int128 WideInt;

enum class RoundingRule
{
    HalfUp,
    HalfEven
};

// numerator / denominator rounded by `rule`, computed in 128-bit integers. The denominator must be
// positive and the quotient must fit in 64 bits (asserted; callers divide amounts by ratios <= 1).
qint64 divideRounded(WideInt numerator, WideInt denominator, RoundingRule rule);

QString roundingRuleName(RoundingRule rule); // "half-up" / "half-even"

} // namespace counterline
