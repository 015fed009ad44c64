#pragma once

#include <QChar>
#include <QLocale>
#include <QString>
#include <QStringView>

namespace counterline {

// How a locale writes numbers, as the reader of typed amounts (typed_amount.h) sees it: its
// decimal separator, the other of "." and "," (the alternative), its group separator by kind
// (spaces of every width as one kind, apostrophes as another), its minus and its currency.
struct NumberNotation
{
    enum class Kind
    {
        Digit,
        Decimal,     // the locale's decimal separator
        Alternative, // the other of "." and ","
        Spaces,      // space, no-break space, narrow no-break space: one kind
        Apostrophes, // ' and ’: one kind
        LocaleGroup, // any other group separator a locale has
        Other,
    };

    QChar decimal;
    QChar alternative;
    Kind groupKind = Kind::Alternative; // how the locale's own group separator is classed
    QChar group;
    int longestFirstGroup = 3;
    // The groups between the first and the last (which has three): three, or two where the
    // locale counts in lakh and crore (en_IN writes 1,23,45,678).
    int middleGroups = 3;
    QString minus;
    QString currencySymbol; // "€"; the full-width "￥" as "¥"
    QString currencyCode;   // of the locale's own currency: "EUR"

    static NumberNotation of(const QLocale &locale);
    // The notation of the locale last asked about on this thread: a till types in one locale all
    // day, and reading it from QLocale costs more than reading the amount.
    static const NumberNotation &cached(const QLocale &locale);

    Kind kindOf(QChar c) const;
};

// What an IME types, as ASCII: full-width forms (U+FF01-U+FF5E mirror ASCII: digits, "，", "．",
// the letters of a currency code), the ideographic space, the full-width yen; "−" as "-".
QString normalisedTyping(QStringView text);

bool isSpaceLike(QChar c); // space, no-break space, narrow no-break space

} // namespace counterline
