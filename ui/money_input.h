#pragma once

#include "domain/money.h"
#include "domain/result.h"

#include <QLocale>

namespace counterline::ui {

// What a cashier types as an amount ("20", "20,5" in German, "1.234,50") to exact minor units:
// the locale's group separators are dropped and its decimal point read; no floating point.
Result<Money> parseMoneyInput(const QString &text, const Currency &currency,
                              const QLocale &locale = QLocale());

} // namespace counterline::ui
