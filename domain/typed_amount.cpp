#include "domain/typed_amount.h"

#include "domain/number_notation.h"

#include <QCoreApplication>
#include <QVarLengthArray>

#include <algorithm>
#include <optional>
#include <span>

using namespace Qt::StringLiterals;

namespace counterline {

namespace {

// What the number is of: a currency (its code names it in messages) or a plain number.
struct Unit
{
    int decimals = 0;
    QString code; // empty: a quantity or a percentage
};

using Kind = NumberNotation::Kind;

struct Piece
{
    Kind kind;
    QStringView text; // a run of digits, or one separator
};
using Pieces = std::span<const Piece>;

QString quoted(QStringView separator)
{
    // A space that cannot be seen is named.
    if (isSpaceLike(separator.front()))
        return QCoreApplication::translate("counterline::TypedAmount", "the space");
    return u"\""_s + separator.toString() + u'"';
}

QString withUnit(qint64 scaled, const Unit &unit, const QLocale &locale)
{
    const QString number = formatTypedAmount(scaled, unit.decimals, locale);
    return unit.code.isEmpty() ? number : number + u' ' + unit.code;
}

QString example(const Unit &unit, const QLocale &locale)
{
    // 1234.5 in the unit's decimals; 1.5 where 1234 would not fit (15 decimals or more).
    qint64 value = unit.decimals < 15 ? 1234 : 1;
    for (int i = 0; i < unit.decimals; ++i)
        value = value * 10 + (i == 0 ? 5 : 0);
    return withUnit(value, unit, locale);
}

// "EUR has 2 decimal places", "JPY has no decimals", "whole numbers only". Not %n plurals:
// the English source is what people read where no translation is loaded.
QString decimalsRule(const Unit &unit)
{
    const QString count = QString::number(unit.decimals);
    if (unit.code.isEmpty()) {
        switch (unit.decimals) {
        case 0:
            return QCoreApplication::translate("counterline::TypedAmount", "whole numbers only");
        case 1:
            return QCoreApplication::translate("counterline::TypedAmount",
                                               "at most one decimal place");
        default:
            return QCoreApplication::translate("counterline::TypedAmount",
                                               "at most %1 decimal places")
                .arg(count);
        }
    }
    switch (unit.decimals) {
    case 0:
        return QCoreApplication::translate("counterline::TypedAmount", "%1 has no decimals")
            .arg(unit.code);
    case 1:
        return QCoreApplication::translate("counterline::TypedAmount", "%1 has one decimal place")
            .arg(unit.code);
    default:
        return QCoreApplication::translate("counterline::TypedAmount", "%1 has %2 decimal places")
            .arg(unit.code, count);
    }
}

Error malformed(QStringView typed, const Unit &unit, const QLocale &locale)
{
    return Error{u"amount.malformed"_s,
                 (unit.code.isEmpty()
                      ? QCoreApplication::translate("counterline::TypedAmount",
                                                    "\"%1\" is not a number like %2.")
                      : QCoreApplication::translate("counterline::TypedAmount",
                                                    "\"%1\" is not an amount like %2."))
                     .arg(typed.toString(), example(unit, locale))};
}

Error tooPrecise(QStringView typed, const Unit &unit)
{
    return Error{
        u"amount.too_precise"_s,
        QCoreApplication::translate("counterline::TypedAmount", "\"%1\" has too many decimals: %2.")
            .arg(typed.toString(), decimalsRule(unit))};
}

Error tooLarge(QStringView typed)
{
    return Error{u"amount.too_large"_s,
                 QCoreApplication::translate("counterline::TypedAmount", "\"%1\" is too large.")
                     .arg(typed.toString())};
}

// The digits of the integer part and of the fraction, scaled by 10^decimals, overflow-checked.
std::optional<qint64> scaled(QStringView integer, QStringView fraction, int decimals)
{
    qint64 value = 0;
    auto push = [&value](QChar digit) {
        return !__builtin_mul_overflow(value, qint64{10}, &value) &&
               !__builtin_add_overflow(value, qint64{digit.unicode() - u'0'}, &value);
    };
    for (const QChar digit : integer) {
        if (!push(digit))
            return std::nullopt;
    }
    for (int i = 0; i < decimals; ++i) {
        if (!push(i < fraction.size() ? fraction[i] : QChar(u'0')))
            return std::nullopt;
    }
    return value;
}

// The digits of an integer part written with thousands separators of one kind: "1.234.567" ->
// "1234567". An error says what is wrong with the groups.
Result<QString> ungrouped(QStringView typed, Pieces pieces, const NumberNotation &notation)
{
    if (pieces.size() == 1 && pieces.front().kind == Kind::Digit)
        return pieces.front().text.toString(); // no separators: nothing to check
    QString digits;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const Piece &piece = pieces[i];
        const bool digitsHere = i % 2 == 0; // digits and separators take turns
        if (digitsHere != (piece.kind == Kind::Digit) || (!digitsHere && i + 1 == pieces.size())) {
            return Error{u"amount.malformed"_s,
                         QCoreApplication::translate("counterline::TypedAmount",
                                                     "In \"%1\", %2 does not stand between digits.")
                             .arg(typed.toString(), quoted(piece.text))};
        }
        if (!digitsHere) {
            if (piece.kind != pieces[1].kind) {
                return Error{
                    u"amount.bad_grouping"_s,
                    QCoreApplication::translate("counterline::TypedAmount",
                                                "\"%1\" mixes the separators %2 and %3.")
                        .arg(typed.toString(), quoted(pieces[1].text), quoted(piece.text))};
            }
            continue;
        }
        const qsizetype size = piece.text.size();
        const bool last = i + 1 == pieces.size();
        if (i == 0 ? size > notation.longestFirstGroup
                   : size != (last ? 3 : notation.middleGroups)) {
            const char *rule = notation.middleGroups == 3
                                   ? QT_TRANSLATE_NOOP("counterline::TypedAmount",
                                                       "In \"%1\", %2 does not group thousands: "
                                                       "one to three digits come first, then "
                                                       "groups of three.")
                                   : QT_TRANSLATE_NOOP("counterline::TypedAmount",
                                                       "In \"%1\", %2 does not group digits as "
                                                       "this locale does: one to three digits "
                                                       "come first, then groups of two, and "
                                                       "three last.");
            return Error{u"amount.bad_grouping"_s,
                         QCoreApplication::translate("counterline::TypedAmount", rule)
                             .arg(typed.toString(), quoted(pieces[1].text))};
        }
        digits += piece.text;
    }
    return digits;
}

// One "." or "," that is not the locale's decimal separator, and no other separator: decimal
// when 1 to `decimals` digits follow, thousands when three follow one to three.
Result<qint64> readAlternative(QStringView typed, Pieces pieces, const Unit &unit,
                               const NumberNotation &notation, const QLocale &locale)
{
    const bool separatorFirst = pieces.front().kind != Kind::Digit;
    const QStringView before = separatorFirst ? QStringView() : pieces.front().text;
    const QStringView separator = separatorFirst ? pieces.front().text : pieces[1].text;
    const QStringView after =
        pieces.back().kind == Kind::Digit && pieces.size() > 1 ? pieces.back().text : QStringView();
    if (after.isEmpty()) {
        return Error{u"amount.malformed"_s,
                     QCoreApplication::translate("counterline::TypedAmount",
                                                 "In \"%1\", %2 does not stand between digits.")
                         .arg(typed.toString(), quoted(separator))};
    }
    const bool asDecimal = after.size() <= unit.decimals;
    const bool asThousands =
        after.size() == 3 && !before.isEmpty() && before.size() <= notation.longestFirstGroup;
    const std::optional<qint64> decimal = scaled(before, after, unit.decimals);
    const std::optional<qint64> thousands =
        scaled(QString(before.toString() + after), {}, unit.decimals);
    if (asDecimal && asThousands) {
        if (!decimal || !thousands)
            return tooLarge(typed);
        return Error{u"amount.ambiguous"_s,
                     QCoreApplication::translate("counterline::TypedAmount",
                                                 "\"%1\" could be %2 or %3: type the decimals to "
                                                 "say which.")
                         .arg(typed.toString(), withUnit(*decimal, unit, locale),
                              withUnit(*thousands, unit, locale))};
    }
    if (asDecimal || asThousands) {
        const std::optional<qint64> value = asDecimal ? decimal : thousands;
        if (!value)
            return tooLarge(typed);
        return *value;
    }
    return Error{u"amount.bad_separator"_s,
                 QCoreApplication::translate("counterline::TypedAmount",
                                             "In \"%1\", %2 is neither the decimal separator (%3) "
                                             "nor a thousands separator (three digits after one "
                                             "to three).")
                     .arg(typed.toString(), quoted(separator), decimalsRule(unit))};
}

// The number alone: digits and separators, no sign, no currency.
Result<qint64> readNumber(QStringView typed, QStringView body, const Unit &unit,
                          const NumberNotation &notation, const QLocale &locale)
{
    QVarLengthArray<Piece, 16> pieces;
    qsizetype decimalAt = -1;
    int decimalCount = 0;
    QVarLengthArray<Kind, 4> separatorKinds;
    for (qsizetype i = 0; i < body.size();) {
        const Kind kind = notation.kindOf(body[i]);
        if (kind == Kind::Other)
            return malformed(typed, unit, locale);
        qsizetype end = i + 1;
        while (kind == Kind::Digit && end < body.size() && notation.kindOf(body[end]) == kind)
            ++end;
        if (kind == Kind::Decimal) {
            decimalAt = pieces.size();
            ++decimalCount;
        } else if (kind != Kind::Digit && !separatorKinds.contains(kind)) {
            separatorKinds.append(kind);
        }
        pieces.append(Piece{kind, body.sliced(i, end - i)});
        i = end;
    }
    if (decimalCount > 1) {
        return Error{u"amount.malformed"_s,
                     QCoreApplication::translate("counterline::TypedAmount",
                                                 "\"%1\" has the decimal separator %2 more than "
                                                 "once.")
                         .arg(typed.toString(), quoted(pieces[decimalAt].text))};
    }

    const Pieces all(pieces.constData(), std::size_t(pieces.size()));
    if (decimalCount == 0 && separatorKinds.size() == 1 &&
        separatorKinds.front() == Kind::Alternative &&
        std::count_if(all.begin(), all.end(),
                      [](const Piece &piece) { return piece.kind != Kind::Digit; }) == 1) {
        return readAlternative(typed, all, unit, notation, locale);
    }

    const Pieces integerPieces = decimalCount == 0 ? all : all.first(std::size_t(decimalAt));
    const Pieces fractionPieces =
        decimalCount == 0 ? Pieces() : all.subspan(std::size_t(decimalAt) + 1);
    if (fractionPieces.size() > 1 ||
        (fractionPieces.size() == 1 && fractionPieces.front().kind != Kind::Digit)) {
        return Error{u"amount.malformed"_s,
                     QCoreApplication::translate("counterline::TypedAmount",
                                                 "In \"%1\", only digits may follow the decimal "
                                                 "separator %2.")
                         .arg(typed.toString(), quoted(pieces[decimalAt].text))};
    }
    const QStringView fraction =
        fractionPieces.empty() ? QStringView() : fractionPieces.front().text;
    if (decimalCount == 1 && (unit.decimals == 0 || fraction.size() > unit.decimals))
        return tooPrecise(typed, unit);
    if (integerPieces.empty() && fraction.isEmpty())
        return malformed(typed, unit, locale);

    Result<QString> integer = integerPieces.empty() ? Result<QString>(QString())
                                                    : ungrouped(typed, integerPieces, notation);
    if (!integer)
        return integer.error();
    const std::optional<qint64> value = scaled(*integer, fraction, unit.decimals);
    if (!value)
        return tooLarge(typed);
    return *value;
}

// Takes a currency typed before or after the number off `body`: this currency's code (any case),
// or the locale's symbol when the locale's currency is this one. Returns the code of another
// currency typed there instead, if any.
std::optional<QString> takeCurrency(QString &body, const Currency &currency,
                                    const NumberNotation &notation)
{
    const QString &symbol = notation.currencySymbol;
    const QString &symbolCode = notation.currencyCode;
    auto codeAt = [&body](bool front) -> QString {
        qsizetype letters = 0;
        while (letters < body.size() &&
               QChar::isLetter(front ? body[letters].unicode()
                                     : body[body.size() - 1 - letters].unicode()))
            ++letters;
        return letters == 3 ? (front ? body.first(3) : body.last(3)).toUpper() : QString();
    };
    for (const bool front : {true, false}) {
        const QString code = codeAt(front);
        const bool isSymbol =
            !symbol.isEmpty() && (front ? body.startsWith(symbol) : body.endsWith(symbol));
        const bool byCode = !code.isEmpty() && Currency::fromCode(code).ok();
        const QString named = byCode ? code : isSymbol ? symbolCode : QString();
        if (named.isEmpty())
            continue;
        if (named != currency.code())
            return named;
        const qsizetype size = byCode ? 3 : symbol.size();
        body = (front ? body.sliced(size) : body.first(body.size() - size)).trimmed();
    }
    return std::nullopt;
}

Result<qint64> parse(QStringView text, const Unit &unit, const QLocale &locale,
                     const Currency *currency)
{
    Q_ASSERT(unit.decimals >= 0 && unit.decimals <= 18);
    const QStringView typed = text.trimmed();
    QString body = normalisedTyping(typed).trimmed();
    const NumberNotation notation = NumberNotation::cached(locale); // a copy: shared strings
    bool negative = false;
    // A sign and a currency in either order: "-20 EUR", "EUR -20", "€-20".
    for (int round = 0; round < 2; ++round) {
        if (currency) {
            if (const std::optional<QString> other = takeCurrency(body, *currency, notation)) {
                return Error{u"amount.other_currency"_s,
                             QCoreApplication::translate("counterline::TypedAmount",
                                                         "\"%1\" is in %2; amounts here are in "
                                                         "%3.")
                                 .arg(typed.toString(), *other, currency->code())};
            }
        }
        for (const QString &sign : {u"-"_s, notation.minus}) {
            if (sign.isEmpty())
                continue;
            if (body.startsWith(sign) || body.endsWith(sign)) {
                negative = true;
                body = (body.startsWith(sign) ? body.sliced(sign.size())
                                              : body.first(body.size() - sign.size()))
                           .trimmed();
            }
        }
    }
    if (body.isEmpty() && !negative) {
        return Error{
            u"amount.empty"_s,
            currency ? QCoreApplication::translate("counterline::TypedAmount", "Type an amount.")
                     : QCoreApplication::translate("counterline::TypedAmount", "Type a number.")};
    }
    if (negative && !body.isEmpty()) {
        return Error{u"amount.negative"_s,
                     QCoreApplication::translate("counterline::TypedAmount",
                                                 "\"%1\" is negative; type it without a minus "
                                                 "sign.")
                         .arg(typed.toString())};
    }
    if (body.isEmpty())
        return malformed(typed, unit, locale);
    return readNumber(typed, body, unit, notation, locale);
}

} // namespace

Result<qint64> parseTypedAmount(QStringView text, int decimals, const QLocale &locale)
{
    return parse(text, Unit{decimals, {}}, locale, nullptr);
}

Result<Money> parseTypedMoney(QStringView text, const Currency &currency, const QLocale &locale)
{
    Result<qint64> minor =
        parse(text, Unit{currency.exponent(), currency.code()}, locale, &currency);
    if (!minor)
        return minor.error();
    return Money(*minor, currency);
}

QString formatTypedAmount(qint64 scaled, int decimals, const QLocale &locale)
{
    quint64 divisor = 1;
    for (int i = 0; i < decimals; ++i)
        divisor *= 10;
    // On the magnitude, so that the most negative qint64 prints correctly.
    const quint64 magnitude = scaled < 0 ? 0 - quint64(scaled) : quint64(scaled);
    QString text = locale.toString(qulonglong(magnitude / divisor));
    if (decimals > 0) {
        // The fraction is never grouped (a percentage's four decimals are not "5,000").
        QLocale digits = locale;
        digits.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
        text += locale.decimalPoint() + digits.toString(qulonglong(magnitude % divisor))
                                            .rightJustified(decimals, locale.zeroDigit().at(0));
    }
    if (scaled < 0)
        text.prepend(locale.negativeSign());
    return text;
}

} // namespace counterline
