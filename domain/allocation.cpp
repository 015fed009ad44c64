#include "domain/allocation.h"

#include "domain/rounding.h"

#include <QCoreApplication>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace counterline {

Result<QList<Money>> allocate(const Money &total, const QList<qint64> &weights)
{
    if (weights.isEmpty())
        return Error{u"allocation.no_parts"_s,
                     QCoreApplication::translate("counterline::Allocation",
                                                 "there is nothing to allocate to")};
    WideInt weightSum = 0;
    for (qint64 weight : weights) {
        if (weight < 0) {
            return Error{u"allocation.negative_weight"_s,
                         QCoreApplication::translate("counterline::Allocation",
                                                     "allocation weights must not be negative")};
        }
        weightSum += weight;
    }
    if (weightSum == 0) {
        return Error{u"allocation.zero_weight"_s,
                     QCoreApplication::translate("counterline::Allocation",
                                                 "allocation weights must not all be zero")};
    }

    const bool negative = total.minorUnits() < 0;
    const WideInt amount = negative ? -static_cast<WideInt>(total.minorUnits())
                                    : static_cast<WideInt>(total.minorUnits());

    QList<WideInt> shares(weights.size());
    QList<WideInt> remainders(weights.size());
    WideInt distributed = 0;
    for (qsizetype i = 0; i < weights.size(); ++i) {
        const WideInt exact = amount * weights[i];
        shares[i] = exact / weightSum;
        remainders[i] = exact % weightSum;
        distributed += shares[i];
    }

    QList<qsizetype> order(weights.size());
    std::iota(order.begin(), order.end(), qsizetype{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](qsizetype a, qsizetype b) { return remainders[a] > remainders[b]; });
    // Fewer leftover units than parts: the floors lose less than one unit per part.
    for (WideInt left = amount - distributed, k = 0; left > 0; --left, ++k)
        ++shares[order[static_cast<qsizetype>(k)]];

    QList<Money> parts;
    parts.reserve(weights.size());
    for (WideInt share : shares)
        parts.append(Money(static_cast<qint64>(negative ? -share : share), total.currency()));
    return parts;
}

Result<QList<Money>> split(const Money &total, int parts)
{
    if (parts <= 0)
        return Error{u"allocation.no_parts"_s,
                     QCoreApplication::translate("counterline::Allocation",
                                                 "there is nothing to allocate to")};
    return allocate(total, QList<qint64>(parts, 1));
}

} // namespace counterline
