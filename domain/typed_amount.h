#pragma once

#include "domain/money.h"
#include "domain/result.h"

#include <QLocale>
#include <QStringView>

namespace counterline {

// Every amount a person types at the till or in the back office (cash handed over, a price, a
// discount, a float or a count, a filter) and every typed quantity or percentage is read here,
// exactly and without floating point. A misread separator is a wrong sale, so anything this does
// not read one way only is refused with a message that says why:
//
// - Full-width digits and separators (a Japanese IME) and the ideographic space count as ASCII.
// - The locale's decimal separator is always decimal: once, followed only by digits, at most
//   `decimals` of them (1.500 EUR in en_US is refused, not read as 1.50).
// - The other of "." and "," (the alternative) is decimal when it is the only separator in the
//   text and 1 to `decimals` digits follow it; it separates thousands when three digits follow
//   it and one to three precede it, or in a valid grouping. Both at once (1,500 KWD) is refused
//   as ambiguous, showing both readings.
// - Thousands separators (the locale's own: spaces as one kind, apostrophes as another; and the
//   alternative) only between digits of the integer part: a first group of 1-3 digits (4 where
//   the locale itself writes 1234.567, as Qt does for es_ES), every later group 3, one kind per
//   text.
// - No minus: negative amounts are refused.
//
// Error codes (stable): amount.empty, amount.negative, amount.malformed, amount.bad_grouping,
// amount.bad_separator (neither decimal nor thousands), amount.ambiguous, amount.too_precise,
// amount.too_large, amount.other_currency.

// A number scaled by 10^decimals (0 <= decimals <= 18): "12,5" with 4 decimals in de_DE is
// 125000. Quantities take 0 decimals, percentages 4 (parts per million). No currency may be
// typed here.
Result<qint64> parseTypedAmount(QStringView text, int decimals, const QLocale &locale = QLocale());

// An amount of `currency`, in its minor units (its ISO 4217 exponent is `decimals`). Its code
// ("EUR", any case) or, where the locale's own currency is this one, the locale's symbol ("€")
// may stand before or after the number; another currency is refused.
Result<Money> parseTypedMoney(QStringView text, const Currency &currency,
                              const QLocale &locale = QLocale());

// The inverse for people: 123450 with 2 decimals is "1.234,50" in de_DE, "1,234.50" in en_US.
// Works on the integer; the most negative qint64 prints correctly.
QString formatTypedAmount(qint64 scaled, int decimals, const QLocale &locale = QLocale());

} // namespace counterline
