#include "domain/discount.h"

#include "domain/decimal_text.h"
#include "domain/money.h"
#include "domain/tax_rate.h"

using namespace Qt::StringLiterals;

namespace counterline {

Result<Discount> Discount::percent(QStringView percentText)
{
    Result<qint64> ppm = parseScaledDecimal(percentText, 4);
    if (!ppm) {
        return Error{u"discount.malformed"_s,
                     tr("\"%1\" is not a percentage like 10 or 12.5").arg(percentText.toString())};
    }
    return percentPpm(*ppm);
}

Result<Discount> Discount::percentPpm(qint64 ppm)
{
    if (ppm < 0 || ppm > TaxRate::kPartsPerMillion) {
        return Error{u"discount.out_of_range"_s,
                     tr("a percentage discount must lie between 0 and 100 percent")};
    }
    return Discount(Kind::Percent, ppm);
}

Result<Discount> Discount::amount(qint64 minorUnits)
{
    if (minorUnits < 0)
        return Error{u"discount.negative"_s, tr("a discount must not be negative")};
    return Discount(Kind::Amount, minorUnits);
}

Result<qint64> Discount::on(qint64 baseMinor, RoundingRule rounding) const
{
    switch (m_kind) {
    case Kind::None:
        return qint64{0};
    case Kind::Percent:
        return divideRounded(static_cast<WideInt>(baseMinor) * m_value, TaxRate::kPartsPerMillion,
                             rounding);
    case Kind::Amount:
        if (m_value > baseMinor) {
            return Error{u"discount.exceeds_amount"_s,
                         tr("the discount is larger than the amount it applies to")};
        }
        return m_value;
    }
    Q_UNREACHABLE();
    return qint64{0};
}

bool Discount::exceedsShare(qint64 baseMinor, qint64 sharePpm) const
{
    switch (m_kind) {
    case Kind::None:
        return false;
    case Kind::Percent:
        return m_value > sharePpm;
    case Kind::Amount:
        // Exact in 128 bits: amount / base > share / 10^6.
        return WideInt(m_value) * TaxRate::kPartsPerMillion > WideInt(baseMinor) * sharePpm;
    }
    Q_UNREACHABLE();
    return false;
}

} // namespace counterline
