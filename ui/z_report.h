#pragma once

#include "store/shift_store.h"
#include "ui/slip.h"

namespace counterline::ui {

// The Z report as printed at the end of a shift.
QList<SlipRow> zReportRows(const store::ZReport &report, const QString &storeName);

// The same rows as a table for the screen (what the till shows after the shift is closed).
QString slipRowsHtml(const QList<SlipRow> &rows);

} // namespace counterline::ui
