#include "domain/number_notation.h"

#include <optional>
#include <utility>

namespace counterline {

namespace {

bool isApostrophe(QChar c)
{
    return c == u'\'' || c == QChar(0x2019);
}

} // namespace

bool isSpaceLike(QChar c)
{
    return c == u' ' || c == QChar(0x00A0) || c == QChar(0x202F);
}

QString normalisedTyping(QStringView text)
{
    QString plain;
    plain.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0xFF01 && u <= 0xFF5E)
            plain.append(QChar(char16_t(u - 0xFEE0)));
        else if (u == 0x3000)
            plain.append(u' ');
        else if (u == 0xFFE5) // full-width yen sign
            plain.append(QChar(0x00A5));
        else if (u == 0x2212) // minus sign
            plain.append(u'-');
        else
            plain.append(c);
    }
    return plain;
}

NumberNotation NumberNotation::of(const QLocale &locale)
{
    NumberNotation notation;
    const QString point = normalisedTyping(locale.decimalPoint());
    notation.decimal = point.isEmpty() ? QChar(u'.') : point.front();
    notation.alternative = notation.decimal == u',' ? QChar(u'.') : QChar(u',');
    const QString group = normalisedTyping(locale.groupSeparator());
    notation.group = group.isEmpty() ? QChar() : group.front();
    notation.groupKind = isSpaceLike(notation.group)              ? Kind::Spaces
                         : isApostrophe(notation.group)           ? Kind::Apostrophes
                         : notation.group == notation.alternative ? Kind::Alternative
                                                                  : Kind::LocaleGroup;
    // Qt 6.4 folds a leading group shorter than the locale's minimum grouping digits into the next
    // (es_ES writes 1234.567): what the locale writes must read back.
    const QString written = locale.toString(qint64(1234567));
    qsizetype leading = 0;
    while (leading < written.size() && written[leading].isDigit())
        ++leading;
    if (leading == 4)
        notation.longestFirstGroup = 4;
    QList<int> groups;
    int run = 0;
    for (const QChar c : normalisedTyping(locale.toString(qint64(123456789)))) {
        if (c.isDigit()) {
            ++run;
        } else if (run > 0) {
            groups.append(run);
            run = 0;
        }
    }
    groups.append(run);
    if (groups.size() >= 3)
        notation.middleGroups = groups.at(groups.size() - 2);
    notation.minus = normalisedTyping(locale.negativeSign());
    notation.currencySymbol = normalisedTyping(locale.currencySymbol());
    notation.currencyCode = locale.currencySymbol(QLocale::CurrencyIsoCode);
    return notation;
}

const NumberNotation &NumberNotation::cached(const QLocale &locale)
{
    thread_local std::optional<std::pair<QLocale, NumberNotation>> last;
    if (!last || last->first != locale)
        last.emplace(locale, of(locale));
    return last->second;
}

NumberNotation::Kind NumberNotation::kindOf(QChar c) const
{
    if (c >= u'0' && c <= u'9')
        return Kind::Digit;
    if (c == decimal)
        return Kind::Decimal;
    if (c == alternative)
        return Kind::Alternative;
    if (groupKind == Kind::Spaces && isSpaceLike(c))
        return Kind::Spaces;
    if (groupKind == Kind::Apostrophes && isApostrophe(c))
        return Kind::Apostrophes;
    if (groupKind == Kind::LocaleGroup && c == group)
        return Kind::LocaleGroup;
    return Kind::Other;
}

} // namespace counterline
