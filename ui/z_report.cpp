#include "ui/z_report.h"

#include "ui/money_format.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace counterline::ui {

QString slipRowsHtml(const QList<SlipRow> &rows)
{
    QString html = u"<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\">"_s;
    for (const SlipRow &row : rows) {
        if (row.rule) {
            html += u"<tr><td colspan=\"2\"><hr/></td></tr>"_s;
            continue;
        }
        const QString open = row.bold ? u"<b>"_s : QString();
        const QString close = row.bold ? u"</b>"_s : QString();
        html += u"<tr><td>"_s + open + row.left.toHtmlEscaped() + close +
                u"</td><td align=\"right\">"_s + open + row.right.toHtmlEscaped() + close +
                u"</td></tr>"_s;
    }
    return html + u"</table>"_s;
}

QList<SlipRow> zReportRows(const store::ZReport &z, const QString &storeName)
{
    const QLocale locale;
    QList<SlipRow> rows;
    rows.append(
        {QCoreApplication::translate("counterline::ui::ZReport", "Z report"), storeName, true});
    rows.append(
        {QCoreApplication::translate("counterline::ui::ZReport", "Cashier"), z.shift.cashier.name});
    rows.append({QCoreApplication::translate("counterline::ui::ZReport", "Opened"),
                 locale.toString(z.shift.openedAt.toLocalTime(), QLocale::ShortFormat)});
    rows.append({QCoreApplication::translate("counterline::ui::ZReport", "Closed"),
                 locale.toString(z.closedAt.toLocalTime(), QLocale::ShortFormat)});
    rows.append({{}, {}, false, true});
    rows.append({QCoreApplication::translate("counterline::ui::ZReport", "Sales"),
                 QString::number(z.orderCount)});
    rows.append({QCoreApplication::translate("counterline::ui::ZReport", "Voided"),
                 QString::number(z.voidedCount)});
    if (z.returnCount > 0) {
        rows.append({QCoreApplication::translate("counterline::ui::ZReport", "Returns (%n)",
                                                 nullptr, z.returnCount),
                     formatMoney(Money(-z.returns.minorUnits(), z.returns.currency()))});
    }
    rows.append({QCoreApplication::translate("counterline::ui::ZReport", "Total sales"),
                 formatMoney(z.sales), true});
    for (const TaxRateTotal &rate : z.perRate) {
        rows.append({QCoreApplication::translate("counterline::ui::ZReport", "  Tax %1 %: net %2")
                         .arg(rate.rate.toPercentText(), formatMoney(rate.net)),
                     formatMoney(rate.tax)});
    }
    rows.append({{}, {}, false, true});
    rows.append({QCoreApplication::translate("counterline::ui::ZReport", "Opening float"),
                 formatMoney(z.shift.openingFloat)});
    rows.append({QCoreApplication::translate("counterline::ui::ZReport", "Cash taken"),
                 formatMoney(z.cashTaken)});
    rows.append({QCoreApplication::translate("counterline::ui::ZReport", "Cash expected"),
                 formatMoney(z.cashExpected), true});
    rows.append({QCoreApplication::translate("counterline::ui::ZReport", "Cash counted"),
                 formatMoney(z.cashCounted)});
    rows.append({QCoreApplication::translate("counterline::ui::ZReport", "Cash difference"),
                 formatMoney(z.cashDifference()), true});
    rows.append({QCoreApplication::translate("counterline::ui::ZReport", "Card taken"),
                 formatMoney(z.cardTaken)});
    rows.append({QCoreApplication::translate("counterline::ui::ZReport", "Card counted"),
                 formatMoney(z.cardCounted)});
    rows.append({QCoreApplication::translate("counterline::ui::ZReport", "Card difference"),
                 formatMoney(z.cardDifference()), true});
    rows.append({{}, {}, false, true});
    rows.append({QCoreApplication::translate("counterline::ui::ZReport", "Grand total (terminal)"),
                 formatMoney(z.grandTotal), true});
    if (!z.overrideBy.isEmpty()) {
        rows.append({QCoreApplication::translate("counterline::ui::ZReport",
                                                 "Closed with %n order(s) not yet synced", nullptr,
                                                 z.waitingToSync),
                     {}});
        rows.append({QCoreApplication::translate("counterline::ui::ZReport", "  approved by %1")
                         .arg(z.overrideBy),
                     {}});
    }
    return rows;
}

} // namespace counterline::ui
