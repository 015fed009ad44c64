#include "ui/money_format.h"

using namespace Qt::StringLiterals;

namespace counterline::ui {

QString formatMoney(const Money &money, const QLocale &locale)
{
    const int exponent = money.currency().exponent();
    const qint64 divisor = money.currency().minorPerMajor();
    const qint64 minor = money.minorUnits();
    // Split into whole and fractional parts on magnitudes that cannot overflow.
    const quint64 magnitude = minor < 0 ? 0 - quint64(minor) : quint64(minor);
    const quint64 whole = magnitude / quint64(divisor);
    const quint64 fraction = magnitude % quint64(divisor);

    QString text = locale.toString(qulonglong(whole));
    if (exponent > 0) {
        text += locale.decimalPoint() + locale.toString(qulonglong(fraction))
                                            .rightJustified(exponent, locale.zeroDigit().at(0));
    }
    if (minor < 0)
        text.prepend(locale.negativeSign());
    return text + u' ' + money.currency().code();
}

} // namespace counterline::ui
