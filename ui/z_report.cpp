#include "ui/z_report.h"

#include "ui/money_format.h"

#include <QCoreApplication>

namespace counterline::ui {

namespace {

QString text(const char *source)
{
    return QCoreApplication::translate("counterline::ui::ZReport", source);
}

} // namespace

QList<SlipRow> zReportRows(const store::ZReport &z, const QString &storeName)
{
    const QLocale locale;
    QList<SlipRow> rows;
    rows.append({text("Z report"), storeName, true});
    rows.append({text("Cashier"), z.shift.cashier.name});
    rows.append(
        {text("Opened"), locale.toString(z.shift.openedAt.toLocalTime(), QLocale::ShortFormat)});
    rows.append({text("Closed"), locale.toString(z.closedAt.toLocalTime(), QLocale::ShortFormat)});
    rows.append({{}, {}, false, true});
    rows.append({text("Sales"), QString::number(z.orderCount)});
    rows.append({text("Voided"), QString::number(z.voidedCount)});
    rows.append({text("Total sales"), formatMoney(z.sales), true});
    for (const TaxRateTotal &rate : z.perRate) {
        rows.append(
            {text("  Tax %1 %: net %2").arg(rate.rate.toPercentText(), formatMoney(rate.net)),
             formatMoney(rate.tax)});
    }
    rows.append({{}, {}, false, true});
    rows.append({text("Opening float"), formatMoney(z.shift.openingFloat)});
    rows.append({text("Cash taken"), formatMoney(z.cashTaken)});
    rows.append({text("Cash expected"), formatMoney(z.cashExpected), true});
    rows.append({text("Cash counted"), formatMoney(z.cashCounted)});
    rows.append({text("Cash difference"), formatMoney(z.cashDifference()), true});
    rows.append({text("Card taken"), formatMoney(z.cardTaken)});
    rows.append({text("Card counted"), formatMoney(z.cardCounted)});
    rows.append({text("Card difference"), formatMoney(z.cardDifference()), true});
    rows.append({{}, {}, false, true});
    rows.append({text("Grand total (terminal)"), formatMoney(z.grandTotal), true});
    if (!z.overrideBy.isEmpty()) {
        rows.append({QCoreApplication::translate("counterline::ui::ZReport",
                                                 "Closed with %n order(s) not yet synced", nullptr,
                                                 z.waitingToSync),
                     {}});
        rows.append({text("  approved by %1").arg(z.overrideBy), {}});
    }
    return rows;
}

} // namespace counterline::ui
