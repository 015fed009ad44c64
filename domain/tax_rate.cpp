#include "domain/tax_rate.h"

#include "domain/decimal_text.h"

using namespace Qt::StringLiterals;

namespace counterline {

namespace {
constexpr int kPercentDecimals = 4; // ppm = percent * 10^4
}

Result<TaxRate> TaxRate::fromPercentText(QStringView percent)
{
    Result<qint64> ppm = parseScaledDecimal(percent, kPercentDecimals);
    if (!ppm) {
        return Error{
            u"tax_rate.malformed"_s,
            tr("\"%1\" is not a tax rate in percent like 19 or 8.875").arg(percent.toString())};
    }
    return fromPartsPerMillion(*ppm);
}

Result<TaxRate> TaxRate::fromPartsPerMillion(qint64 ppm)
{
    if (ppm < 0 || ppm > kPartsPerMillion) {
        return Error{u"tax_rate.out_of_range"_s,
                     tr("a tax rate must lie between 0 and 100 percent")};
    }
    return TaxRate(ppm);
}

QString TaxRate::toPercentText() const
{
    QString text = formatScaledDecimal(m_ppm, kPercentDecimals);
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

} // namespace counterline
