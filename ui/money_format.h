#pragma once

#include "domain/money.h"
#include "domain/order.h"

#include <QLocale>
#include <QString>

namespace counterline::ui {

// Money for people: the locale's digits, group and decimal separators, and the currency's own
// number of decimals ("1.234,56 EUR" in German, "1,234.56 USD" in American English, "1,200 JPY").
// Works on the integer minor units; no floating point. Reads back with parseTypedMoney.
QString formatMoney(const Money &money, const QLocale &locale = QLocale());

// A percentage in parts per million with as few decimals as it needs: 100000 is "10",
// 125000 "12,5" in German. No sign.
QString formatPercent(qint64 ppm, const QLocale &locale = QLocale());

// One tender as the cashier reads it: "Cash 20,00 EUR", "Card 8,99 EUR (taken offline)".
QString tenderWords(const Tender &tender);

} // namespace counterline::ui
