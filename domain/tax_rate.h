#pragma once

#include "domain/result.h"

#include <QCoreApplication>

#include <compare>

namespace counterline {

// A tax rate in parts per million of the taxed amount: 19 % = 190000, 8.875 % = 88750. Four
// decimal places of a percent cover every rate in use (7.0625 % included) without floating point.
class TaxRate
{
    Q_DECLARE_TR_FUNCTIONS(TaxRate)

public:
    static constexpr qint64 kPartsPerMillion = 1'000'000;

    TaxRate() = default;
    static Result<TaxRate> fromPercentText(QStringView percent); // "19", "8.875"
    static Result<TaxRate> fromPartsPerMillion(qint64 ppm);

    qint64 partsPerMillion() const { return m_ppm; }
    QString toPercentText() const; // "19", "8.875"

    friend auto operator<=>(const TaxRate &, const TaxRate &) = default;

private:
    explicit TaxRate(qint64 ppm)
        : m_ppm(ppm)
    {}
    qint64 m_ppm = 0;
};

} // namespace counterline
