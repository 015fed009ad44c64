#pragma once

#include "store/order_details.h"

#include <QDateTime>
#include <QString>

namespace counterline::ui {

// An order in full as the back office shows it (rich text for a QTextBrowser): who sold it, its
// lines and total, its tenders and what became of their money, its returns, events, journal
// entries and sync. Links to another order read "order:<id>".
QString orderDetailHtml(const store::OrderDetail &detail);

// A time of an order as the back office shows it: local time, the locale's short form.
QString orderTime(const QDateTime &at);

} // namespace counterline::ui
