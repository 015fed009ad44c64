#include "ui/money_format.h"

#include "domain/typed_amount.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace counterline::ui {

QString formatMoney(const Money &money, const QLocale &locale)
{
    return formatTypedAmount(money.minorUnits(), money.currency().exponent(), locale) + u' ' +
           money.currency().code();
}

QString formatPercent(qint64 ppm, const QLocale &locale)
{
    // Four decimals of a percent, then the zeros that say nothing dropped.
    QString text = formatTypedAmount(ppm, 4, locale);
    const QString point = locale.decimalPoint();
    if (text.contains(point)) {
        while (text.endsWith(locale.zeroDigit()))
            text.chop(locale.zeroDigit().size());
        if (text.endsWith(point))
            text.chop(point.size());
    }
    return text;
}

QString tenderWords(const Tender &tender)
{
    QString words = tender.kind == TenderKind::Cash
                        ? QCoreApplication::translate("counterline::ui::Tender", "Cash %1")
                        : QCoreApplication::translate("counterline::ui::Tender", "Card %1");
    words = words.arg(formatMoney(tender.amount));
    if (tender.needsCapture)
        words += u' ' + QCoreApplication::translate("counterline::ui::Tender", "(taken offline)");
    return words;
}

} // namespace counterline::ui
