#pragma once

#include "domain/currency.h"
#include "domain/result.h"

#include <QCoreApplication>

namespace counterline {

// An amount of money: integer minor units plus the currency. Arithmetic is overflow-checked and
// refuses to mix currencies; both come back as errors, never as wrong numbers.
class Money
{
    Q_DECLARE_TR_FUNCTIONS(Money)

public:
    Money() = default; // zero of no currency (XXX)
    Money(qint64 minorUnits, Currency currency)
        : m_minor(minorUnits)
        , m_currency(std::move(currency))
    {}
    static Money zero(const Currency &currency) { return Money(0, currency); }

    // "1.49" in major units of `currency`, exactly; "1.499" in EUR is an error.
    static Result<Money> parse(QStringView majorUnits, const Currency &currency);

    qint64 minorUnits() const { return m_minor; }
    const Currency &currency() const { return m_currency; }
    bool isZero() const { return m_minor == 0; }
    bool isNegative() const { return m_minor < 0; }

    Result<Money> plus(const Money &other) const;
    Result<Money> minus(const Money &other) const;
    Result<Money> times(qint64 factor) const;
    Result<Money> negated() const;

    // "1.49" / "-0.05" / "1200" (JPY): the amount in major units, no currency, no grouping.
    QString toDecimalString() const;
    // "1.49 EUR"; for people use ui/ formatting with QLocale.
    QString toString() const;

    friend bool operator==(const Money &, const Money &) = default;

private:
    Result<void> checkSameCurrency(const Money &other) const;

    qint64 m_minor = 0;
    Currency m_currency;
};

} // namespace counterline
