#pragma once

#include "domain/result.h"
#include "domain/rounding.h"

#include <QCoreApplication>

namespace counterline {

// A reduction on a line or on the whole order: a percentage (in parts per million) or a fixed
// amount in minor units. It never makes an amount negative: a larger amount is an error.
class Discount
{
    Q_DECLARE_TR_FUNCTIONS(Discount)

public:
    enum class Kind
    {
        None,
        Percent,
        Amount
    };

    Discount() = default;
    static Result<Discount> percent(QStringView percentText); // "10", "12.5"
    static Result<Discount> percentPpm(qint64 ppm);
    static Result<Discount> amount(qint64 minorUnits);

    Kind kind() const { return m_kind; }
    bool isNone() const { return m_kind == Kind::None; }
    qint64 value() const { return m_value; } // ppm for Percent, minor units for Amount

    // The discount, in minor units, that applies to `baseMinor` (a non-negative amount).
    Result<qint64> on(qint64 baseMinor, RoundingRule rounding) const;

    // Whether this takes more than `sharePpm` (parts per million) of `baseMinor`: a percentage
    // above the share, or an amount above that share of the base. How a till decides that a
    // discount needs a manager, whichever way it was typed.
    bool exceedsShare(qint64 baseMinor, qint64 sharePpm) const;

    friend bool operator==(const Discount &, const Discount &) = default;

private:
    Discount(Kind kind, qint64 value)
        : m_kind(kind)
        , m_value(value)
    {}
    Kind m_kind = Kind::None;
    qint64 m_value = 0;
};

} // namespace counterline
