#include "domain/currency.h"

#include <array>

using namespace Qt::StringLiterals;

namespace counterline {

namespace {

struct CurrencyEntry
{
    const char16_t *code;
    int exponent;
};

// Active ISO 4217 codes with their minor-unit exponents (ISO 4217 list one, 2024).
constexpr std::array<CurrencyEntry, 57> kCurrencies{{
    {u"AED", 2}, {u"ARS", 2}, {u"AUD", 2}, {u"BGN", 2}, {u"BHD", 3}, {u"BRL", 2}, {u"CAD", 2},
    {u"CHF", 2}, {u"CLP", 0}, {u"CNY", 2}, {u"COP", 2}, {u"CZK", 2}, {u"DKK", 2}, {u"EGP", 2},
    {u"EUR", 2}, {u"GBP", 2}, {u"HKD", 2}, {u"HUF", 2}, {u"IDR", 2}, {u"ILS", 2}, {u"INR", 2},
    {u"IQD", 3}, {u"ISK", 0}, {u"JOD", 3}, {u"JPY", 0}, {u"KES", 2}, {u"KRW", 0}, {u"KWD", 3},
    {u"LYD", 3}, {u"MAD", 2}, {u"MXN", 2}, {u"MYR", 2}, {u"NGN", 2}, {u"NOK", 2}, {u"NZD", 2},
    {u"OMR", 3}, {u"PEN", 2}, {u"PHP", 2}, {u"PKR", 2}, {u"PLN", 2}, {u"QAR", 2}, {u"RON", 2},
    {u"RSD", 2}, {u"SAR", 2}, {u"SEK", 2}, {u"SGD", 2}, {u"THB", 2}, {u"TND", 3}, {u"TRY", 2},
    {u"TWD", 2}, {u"UAH", 2}, {u"UGX", 0}, {u"USD", 2}, {u"VND", 0}, {u"XAF", 0}, {u"XOF", 0},
    {u"ZAR", 2},
}};

} // namespace

Result<Currency> Currency::fromCode(QStringView code)
{
    for (const CurrencyEntry &entry : kCurrencies) {
        if (code == QStringView(entry.code))
            return Currency(QString::fromUtf16(entry.code), entry.exponent);
    }
    return Error{u"currency.unknown"_s,
                 tr("\"%1\" is not a supported ISO 4217 currency code").arg(code.toString())};
}

qint64 Currency::minorPerMajor() const
{
    qint64 factor = 1;
    for (int i = 0; i < m_exponent; ++i)
        factor *= 10;
    return factor;
}

} // namespace counterline
