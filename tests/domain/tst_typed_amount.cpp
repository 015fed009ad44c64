// What a person types as an amount or a quantity, read exactly (issue 17): both decimal
// separators, thousands groups, ambiguous and impossible readings, full-width input, a currency
// around the number, and every amount each locale writes read back.

#include "domain/typed_amount.h"
#include "tests/domain/test_support.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace counterline;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

const char *const kLocales[] = {"C",     "en_US", "en_GB", "en_IN", "de_DE",
                                "de_CH", "fr_FR", "es_ES", "ja_JP"};
const char *const kCurrencies[] = {"EUR", "JPY", "KWD"};

void reads(const char *rule, const char *locale, const char *code, const QString &text,
           qint64 minor)
{
    QTest::newRow(rule) << QString::fromLatin1(locale) << QString::fromLatin1(code) << text
                        << minor;
}

void refuses(const char *rule, const char *locale, const char *code, const QString &text,
             const char *error, const QStringList &said = {})
{
    QTest::newRow(rule) << QString::fromLatin1(locale) << QString::fromLatin1(code) << text
                        << QString::fromLatin1(error) << said;
}

// How the locale writes `minor` of a currency with `exponent` decimals, grouped or not: the
// integer part by QLocale, then the decimal point and exactly `exponent` digits. No floating
// point.
QString written(qint64 minor, int exponent, const QLocale &locale)
{
    qint64 divisor = 1;
    for (int i = 0; i < exponent; ++i)
        divisor *= 10;
    QString text = locale.toString(minor / divisor);
    if (exponent > 0)
        text +=
            locale.decimalPoint() + QString::number(minor % divisor).rightJustified(exponent, u'0');
    return text;
}

} // namespace

class TypedAmountTest : public QObject
{
    Q_OBJECT

private slots:
    void readsMoney_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("minor");

        // The tester's sale: either separator is decimal when it alone is followed by cents.
        for (const char *locale : kLocales) {
            for (const QString &text : {u"20.50"_s, u"20,50"_s}) {
                QTest::addRow("%s: %s is 20.50", locale, qPrintable(text))
                    << QString::fromLatin1(locale) << u"EUR"_s << text << qint64(2050);
            }
        }
        reads("one decimal digit is tenths", "de_DE", "EUR", u"20,5"_s, 2050);
        reads("the alternative with one digit is tenths", "de_DE", "EUR", u"20.5"_s, 2050);
        reads("no decimals typed are whole units", "de_DE", "EUR", u"20"_s, 2000);
        reads("a leading decimal separator", "en_US", "EUR", u".5"_s, 50);
        reads("the alternative first with cents", "en_US", "EUR", u",05"_s, 5);
        reads("the locale's decimal separator at the end", "de_DE", "EUR", u"20,"_s, 2000);
        reads("leading zeros", "de_DE", "EUR", u"0020,50"_s, 2050);
        reads("zero", "en_US", "EUR", u"0"_s, 0);
        reads("surrounding spaces", "en_US", "EUR", u"  20.50 "_s, 2050);

        reads("de_DE groups with dots", "de_DE", "EUR", u"1.234,50"_s, 123450);
        reads("fr_FR groups with a space", "fr_FR", "EUR", u"1 234,50"_s, 123450);
        reads("fr_FR groups with a no-break space", "fr_FR", "EUR", u"1\u00a0234,50"_s, 123450);
        reads("fr_FR groups with a narrow no-break space", "fr_FR", "EUR", u"1\u202f234,50"_s,
              123450);
        reads("fr_FR spaces of all kinds are one separator", "fr_FR", "EUR", u"1 234\u202f567,00"_s,
              123456700);
        reads("de_CH groups with a right single quote", "de_CH", "EUR", u"1’234.50"_s, 123450);
        reads("de_CH groups with an apostrophe", "de_CH", "EUR", u"1'234.50"_s, 123450);
        reads("en_US groups with commas", "en_US", "EUR", u"1,234.50"_s, 123450);
        reads("en_GB groups with commas", "en_GB", "EUR", u"1,234.50"_s, 123450);
        reads("ja_JP groups with commas", "ja_JP", "EUR", u"1,234.50"_s, 123450);
        reads("several groups", "en_US", "EUR", u"1,234,567.89"_s, 123456789);
        reads("de_DE several groups, no decimals", "de_DE", "EUR", u"1.234.567"_s, 123456700);
        reads("fr_FR takes the alternative as group separator", "fr_FR", "EUR", u"1.234,50"_s,
              123450);
        reads("de_CH takes the alternative as group separator", "de_CH", "EUR", u"1,234.50"_s,
              123450);
        reads("en_US: one comma before three digits is thousands in EUR", "en_US", "EUR",
              u"1,234"_s, 123400);
        reads("de_DE: one dot before three digits is thousands in EUR", "de_DE", "EUR", u"1.234"_s,
              123400);
        reads("es_ES reads the 1234.567 Qt writes", "es_ES", "EUR", u"1234.567"_s, 123456700);
        reads("es_ES groups with dots", "es_ES", "EUR", u"1.234.567,00"_s, 123456700);

        reads("JPY: a comma before three digits is thousands", "en_US", "JPY", u"1,500"_s, 1500);
        reads("JPY: a dot before three digits is thousands in de_DE", "de_DE", "JPY", u"1.500"_s,
              1500);
        reads("JPY in ja_JP with groups", "ja_JP", "JPY", u"1,234,567"_s, 1234567);
        reads("KWD with three decimals", "en_US", "KWD", u"1.500"_s, 1500);
        reads("KWD grouped with decimals", "en_US", "KWD", u"1,500.000"_s, 1500000);
        reads("KWD: the alternative after four digits can only be decimal", "en_US", "KWD",
              u"1234,500"_s, 1234500);
        reads("KWD: the alternative before two digits is decimal", "en_US", "KWD", u"1,50"_s, 1500);
        reads("KWD: de_DE's own decimal comma", "de_DE", "KWD", u"1,500"_s, 1500);

        reads("full-width digits and full stop", "ja_JP", "EUR", u"２０．５０"_s, 2050);
        reads("full-width comma as decimal", "ja_JP", "EUR", u"２０，５０"_s, 2050);
        reads("full-width comma as group", "ja_JP", "JPY", u"１，２３４"_s, 1234);
        reads("ideographic spaces around", "ja_JP", "JPY", u"\u3000１２３４５\u3000"_s, 12345);
        reads("full-width currency code", "ja_JP", "JPY", u"ＪＰＹ１２００"_s, 1200);

        reads("currency code after", "de_DE", "EUR", u"20,50 EUR"_s, 2050);
        reads("currency code before, lower case", "de_DE", "EUR", u"eur 20,50"_s, 2050);
        reads("currency code before without space", "en_US", "EUR", u"EUR20.50"_s, 2050);
        reads("locale's symbol after", "de_DE", "EUR", u"20,50 €"_s, 2050);
        reads("locale's symbol before", "de_DE", "EUR", u"€20,50"_s, 2050);
        reads("locale's symbol after without space", "fr_FR", "EUR", u"20,50€"_s, 2050);
        reads("ja_JP's full-width yen", "ja_JP", "JPY", u"￥1,200"_s, 1200);
        reads("ja_JP's yen", "ja_JP", "JPY", u"¥1,200"_s, 1200);
        reads("KWD code around three decimals", "en_US", "KWD", u"kwd 1.500"_s, 1500);

        reads("the largest amount", "en_US", "EUR", u"92233720368547758.07"_s,
              std::numeric_limits<qint64>::max());
    }
    void readsMoney()
    {
        QFETCH(QString, locale);
        QFETCH(QString, currency);
        QFETCH(QString, text);
        QFETCH(qint64, minor);
        const Result<Money> read =
            parseTypedMoney(text, *Currency::fromCode(currency), QLocale(locale));
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
        QCOMPARE(read->minorUnits(), minor);
        QCOMPARE(read->currency().code(), currency);
    }

    void refusesMoney_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QStringList>("said");

        refuses("nothing typed", "en_US", "EUR", u""_s, "amount.empty");
        refuses("only spaces", "en_US", "EUR", u"   "_s, "amount.empty");
        refuses("only the currency", "de_DE", "EUR", u"EUR"_s, "amount.empty");

        refuses("a leading minus", "en_US", "EUR", u"-20"_s, "amount.negative");
        refuses("a trailing minus", "de_DE", "EUR", u"20,50-"_s, "amount.negative");
        refuses("a minus sign", "en_US", "EUR", u"−20"_s, "amount.negative");
        refuses("a full-width minus", "ja_JP", "JPY", u"－２０"_s, "amount.negative");
        refuses("a minus before the currency", "de_DE", "EUR", u"-20,50 EUR"_s, "amount.negative");
        refuses("a minus after the currency", "de_DE", "EUR", u"EUR -5"_s, "amount.negative");
        refuses("a lone minus", "en_US", "EUR", u"-"_s, "amount.malformed");

        refuses("letters", "en_US", "EUR", u"abc"_s, "amount.malformed", {u"1,234.50 EUR"_s});
        refuses("a space is no group separator in en_US", "en_US", "EUR", u"20 50"_s,
                "amount.malformed");
        refuses("a symbol inside the number", "de_DE", "EUR", u"20€50"_s, "amount.malformed",
                {u"1.234,50 EUR"_s});
        refuses("an exponent", "en_US", "EUR", u"1e3"_s, "amount.malformed");
        refuses("a plus sign", "en_US", "EUR", u"+20"_s, "amount.malformed");
        refuses("a percent sign", "de_DE", "EUR", u"12,5%"_s, "amount.malformed");
        refuses("a currency word", "en_US", "EUR", u"20 euro"_s, "amount.malformed");
        refuses("a lone separator", "en_US", "EUR", u","_s, "amount.malformed");

        refuses("another currency's code", "de_DE", "EUR", u"20 USD"_s, "amount.other_currency",
                {u"USD"_s, u"EUR"_s});
        refuses("the locale's symbol of another currency", "en_US", "EUR", u"$20"_s,
                "amount.other_currency", {u"USD"_s});
        refuses("de_CH's symbol in a EUR till", "de_CH", "EUR", u"CHF 20"_s,
                "amount.other_currency", {u"CHF"_s});

        refuses("the decimal separator twice", "de_DE", "EUR", u"1,2,3"_s, "amount.malformed",
                {u"\",\""_s});
        refuses("en_US decimal point twice", "en_US", "EUR", u"1.2.3"_s, "amount.malformed");
        refuses("a group separator after the decimals", "en_US", "EUR", u"1.234,50"_s,
                "amount.malformed", {u"\".\""_s});
        refuses("de_DE: a dot after the decimal comma", "de_DE", "EUR", u"1,234.50"_s,
                "amount.malformed");

        refuses("EUR: three decimals, even zeros", "en_US", "EUR", u"1.500"_s, "amount.too_precise",
                {u"EUR has 2 decimal places"_s});
        refuses("EUR: de_DE decimal comma with three digits", "de_DE", "EUR", u"1,500"_s,
                "amount.too_precise");
        refuses("EUR: a fraction of a cent", "de_DE", "EUR", u"20,505"_s, "amount.too_precise");
        refuses("JPY takes no decimals", "en_US", "JPY", u"20.5"_s, "amount.too_precise",
                {u"JPY has no decimals"_s});
        refuses("JPY takes no decimals in de_DE", "de_DE", "JPY", u"1,5"_s, "amount.too_precise");
        refuses("KWD: four decimals", "en_US", "KWD", u"1.5000"_s, "amount.too_precise");

        refuses("KWD: a comma before three digits could be either", "en_US", "KWD", u"1,500"_s,
                "amount.ambiguous", {u"1.500 KWD"_s, u"1,500.000 KWD"_s});
        refuses("KWD: de_DE dot before three digits could be either", "de_DE", "KWD", u"1.500"_s,
                "amount.ambiguous", {u"1,500 KWD"_s, u"1.500,000 KWD"_s});
        refuses("KWD: full-width comma could be either", "ja_JP", "KWD", u"１，５００"_s,
                "amount.ambiguous", {u"1.500 KWD"_s, u"1,500.000 KWD"_s});

        refuses("a group of two", "en_US", "EUR", u"1,23,456"_s, "amount.bad_grouping");
        refuses("de_DE a group of two", "de_DE", "EUR", u"12.34.567"_s, "amount.bad_grouping");
        refuses("a first group of four", "en_US", "EUR", u"1234,567.00"_s, "amount.bad_grouping");
        refuses("es_ES: a first group of five", "es_ES", "EUR", u"12345.678,00"_s,
                "amount.bad_grouping");
        refuses("a space and a dot mixed", "fr_FR", "EUR", u"1 234.567,00"_s, "amount.bad_grouping",
                {u"the space"_s, u"\".\""_s});
        refuses("an apostrophe and a comma mixed", "de_CH", "EUR", u"1’234,567.00"_s,
                "amount.bad_grouping");
        refuses("two separators side by side", "en_US", "EUR", u"1,,234"_s, "amount.malformed");
        refuses("a separator at the end", "en_US", "EUR", u"1,234,"_s, "amount.malformed");
        refuses("the alternative at the end", "en_US", "EUR", u"20,"_s, "amount.malformed");

        refuses("EUR: four digits after the comma are neither", "en_US", "EUR", u"20,5000"_s,
                "amount.bad_separator", {u"EUR has 2 decimal places"_s});
        refuses("JPY: cents are neither", "ja_JP", "JPY", u"20,50"_s, "amount.bad_separator",
                {u"JPY has no decimals"_s});
        refuses("EUR: three digits after four are neither", "en_US", "EUR", u"1234,567"_s,
                "amount.bad_separator");

        refuses("one minor unit past the largest", "en_US", "EUR", u"92233720368547758.08"_s,
                "amount.too_large");
        refuses("twenty digits of yen", "en_US", "JPY", u"99999999999999999999"_s,
                "amount.too_large");
        refuses("a grouped amount past the largest", "de_DE", "KWD", u"9.223.372.036.854.775,808"_s,
                "amount.too_large");
    }
    void refusesMoney()
    {
        QFETCH(QString, locale);
        QFETCH(QString, currency);
        QFETCH(QString, text);
        QFETCH(QString, code);
        QFETCH(QStringList, said);
        const Result<Money> read =
            parseTypedMoney(text, *Currency::fromCode(currency), QLocale(locale));
        QVERIFY2(!read.ok(), qPrintable(read.ok() ? read->toString() : QString()));
        QCOMPARE(read.error().code, code);
        // Every refusal names what was typed, as typed.
        if (code != u"amount.empty"_s)
            QVERIFY2(read.error().message.contains(text.trimmed()),
                     qPrintable(read.error().message));
        for (const QString &part : said)
            QVERIFY2(read.error().message.contains(part), qPrintable(read.error().message));
    }

    // Quantities (no decimals) and percentages (four: parts per million) with no currency.
    void readsNumbers_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("value");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("said");

        auto row = [](const char *rule, const char *locale, int decimals, const QString &text,
                      qint64 value, const char *code = "", const QString &said = {}) {
            QTest::newRow(rule) << QString::fromLatin1(locale) << decimals << text << value
                                << QString::fromLatin1(code) << said;
        };
        row("a quantity", "C", 0, u"3"_s, 3);
        row("a quantity with a group", "C", 0, u"1,000"_s, 1000);
        row("full-width quantity", "ja_JP", 0, u"１２"_s, 12);
        row("half a piece", "C", 0, u"2.5"_s, 0, "amount.too_precise", u"whole numbers only"_s);
        row("de_DE half a piece", "de_DE", 0, u"2,5"_s, 0, "amount.too_precise");
        row("a negative quantity", "C", 0, u"-1"_s, 0, "amount.negative");
        row("no quantity", "C", 0, u""_s, 0, "amount.empty", u"Type a number."_s);
        row("no currency on a quantity", "C", 0, u"EUR 3"_s, 0, "amount.malformed");
        row("de_DE percentage", "de_DE", 4, u"12,5"_s, 125000);
        row("en_US percentage", "en_US", 4, u"12.5"_s, 125000);
        row("all of it", "fr_FR", 4, u"100"_s, 1000000);
        row("a percentage with five decimals", "en_US", 4, u"10.00001"_s, 0, "amount.too_precise",
            u"at most 4 decimal places"_s);
        row("a percentage that could be either", "en_US", 4, u"12,500"_s, 0, "amount.ambiguous",
            u"12.5000 or 12,500.0000"_s);
        // en_IN groups in lakh and crore, as it writes (found by fuzz/typed_amount_fuzzer).
        row("en_IN lakh", "en_IN", 0, u"50,00,000"_s, 5000000);
        row("en_IN crore with decimals", "en_IN", 2, u"1,23,45,678.90"_s, 1234567890);
        row("en_IN thousands", "en_IN", 0, u"12,345"_s, 12345);
        row("en_IN groups of three in the middle", "en_IN", 0, u"5,000,000"_s, 0,
            "amount.bad_grouping", u"groups of two"_s);
        // The example in the error for a number with many decimals fits in 64 bits (fuzzed).
        row("eighteen decimals, too precise", "C", 18, u"0.0000000000000000001"_s, 0,
            "amount.too_precise");
    }
    void readsNumbers()
    {
        QFETCH(QString, locale);
        QFETCH(int, decimals);
        QFETCH(QString, text);
        QFETCH(qint64, value);
        QFETCH(QString, code);
        QFETCH(QString, said);
        const Result<qint64> read = parseTypedAmount(text, decimals, QLocale(locale));
        if (code.isEmpty()) {
            QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
            QCOMPARE(*read, value);
            return;
        }
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, code);
        QVERIFY2(read.error().message.contains(said), qPrintable(read.error().message));
    }

    void formatsForPeople_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<qint64>("scaled");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<QString>("text");
        QTest::newRow("de_DE cents") << u"de_DE"_s << qint64(123450) << 2 << u"1.234,50"_s;
        QTest::newRow("en_US yen") << u"en_US"_s << qint64(1200) << 0 << u"1,200"_s;
        QTest::newRow("C has no groups") << u"C"_s << qint64(123450) << 2 << u"1234.50"_s;
        QTest::newRow("fractions are not grouped")
            << u"en_US"_s << qint64(12345678) << 4 << u"1,234.5678"_s;
        QTest::newRow("negative") << u"en_US"_s << qint64(-5) << 2 << u"-0.05"_s;
    }
    void formatsForPeople()
    {
        QFETCH(QString, locale);
        QFETCH(qint64, scaled);
        QFETCH(int, decimals);
        QFETCH(QString, text);
        QCOMPARE(formatTypedAmount(scaled, decimals, QLocale(locale)), text);
    }

    // Property: whatever each locale writes, grouped or not, reads back exactly. 10,000 amounts
    // per locale and currency, spread over every magnitude up to 10^12 minor units.
    void everyAmountALocaleWritesReadsBack_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("currency");
        for (const char *locale : kLocales) {
            for (const char *code : kCurrencies) {
                QTest::addRow("%s %s", locale, code)
                    << QString::fromLatin1(locale) << QString::fromLatin1(code);
            }
        }
    }
    void everyAmountALocaleWritesReadsBack()
    {
        QFETCH(QString, locale);
        QFETCH(QString, currency);
        const QLocale grouped(locale);
        QLocale ungrouped(locale);
        ungrouped.setNumberOptions(QLocale::OmitGroupSeparator);
        const Currency unit = *Currency::fromCode(currency);
        const quint32 seed = 20261124;
        QRandomGenerator random(seed);
        for (int i = 0; i < 10000; ++i) {
            // A magnitude first (10^0 .. 10^12), then a value below it: small and large amounts
            // are drawn equally often.
            qint64 bound = 1;
            for (int digits = random.bounded(13); digits > 0; --digits)
                bound *= 10;
            const qint64 minor = i == 0 ? Q_INT64_C(1000000000000) : random.bounded(bound + 1);
            for (const QLocale &writer : {grouped, ungrouped}) {
                const QString text = written(minor, unit.exponent(), writer);
                const Result<Money> read = parseTypedMoney(text, unit, grouped);
                if (!read.ok() || read->minorUnits() != minor) {
                    QFAIL(
                        qPrintable(u"seed %1: \"%2\" (%3 minor) read as %4"_s.arg(seed)
                                       .arg(text)
                                       .arg(minor)
                                       .arg(read.ok() ? read->toString() : read.error().message)));
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TypedAmountTest)
#include "tst_typed_amount.moc"
