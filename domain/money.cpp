#include "domain/money.h"

#include "domain/decimal_text.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace counterline {

namespace {

Error overflow()
{
    return Error{u"money.overflow"_s,
                 QCoreApplication::translate("counterline::Money",
                                             "the amount is too large to be represented")};
}

} // namespace

Result<Money> Money::parse(QStringView majorUnits, const Currency &currency)
{
    Result<qint64> minor = parseScaledDecimal(majorUnits, currency.exponent());
    if (!minor) {
        if (minor.error().code == u"decimal.too_precise") {
            return Error{u"money.too_precise"_s,
                         tr("\"%1\" has more decimal places than %2 allows (%n)", nullptr,
                            currency.exponent())
                             .arg(majorUnits.toString(), currency.code())};
        }
        return minor.error();
    }
    return Money(*minor, currency);
}

Result<void> Money::checkSameCurrency(const Money &other) const
{
    if (m_currency == other.m_currency)
        return success();
    return Error{u"money.currency_mismatch"_s,
                 tr("cannot combine %1 with %2").arg(m_currency.code(), other.m_currency.code())};
}

Result<Money> Money::plus(const Money &other) const
{
    if (Result<void> same = checkSameCurrency(other); !same)
        return same.error();
    qint64 sum = 0;
    if (__builtin_add_overflow(m_minor, other.m_minor, &sum))
        return overflow();
    return Money(sum, m_currency);
}

Result<Money> Money::minus(const Money &other) const
{
    if (Result<void> same = checkSameCurrency(other); !same)
        return same.error();
    qint64 difference = 0;
    if (__builtin_sub_overflow(m_minor, other.m_minor, &difference))
        return overflow();
    return Money(difference, m_currency);
}

Result<Money> Money::times(qint64 factor) const
{
    qint64 product = 0;
    if (__builtin_mul_overflow(m_minor, factor, &product))
        return overflow();
    return Money(product, m_currency);
}

Result<Money> Money::negated() const
{
    if (m_minor == std::numeric_limits<qint64>::min())
        return overflow();
    return Money(-m_minor, m_currency);
}

QString Money::toDecimalString() const
{
    return formatScaledDecimal(m_minor, m_currency.exponent());
}

QString Money::toString() const
{
    return toDecimalString() + u' ' + m_currency.code();
}

} // namespace counterline
