#include "domain/allocation.h"
#include "domain/money.h"
#include "test_support.h"

#include <QTest>

#include <limits>

using namespace counterline;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

class MoneyTest : public QObject
{
    Q_OBJECT

private slots:
    void currencyExponents_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("exponent");
        QTest::newRow("euro") << u"EUR"_s << 2;
        QTest::newRow("dollar") << u"USD"_s << 2;
        QTest::newRow("yen has no minor unit") << u"JPY"_s << 0;
        QTest::newRow("dinar has three") << u"KWD"_s << 3;
    }
    void currencyExponents()
    {
        QFETCH(QString, code);
        QFETCH(int, exponent);
        const Result<Currency> found = Currency::fromCode(code);
        QVERIFY(found.ok());
        QCOMPARE(found->exponent(), exponent);
        QCOMPARE(found->code(), code.toUpper());
    }

    void unknownCurrencyIsAnError()
    {
        for (const QString &code : {u"EURO"_s, u"ABC"_s, u""_s, u"eur"_s, u"€"_s}) {
            const Result<Currency> found = Currency::fromCode(code);
            QVERIFY2(!found.ok(), qPrintable(code));
            QCOMPARE(found.error().code, u"currency.unknown"_s);
        }
    }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("error"); // empty when the text parses
        QTest::addColumn<qint64>("minor");
        QTest::newRow("euros and cents") << u"1.49"_s << u"EUR"_s << QString() << qint64(149);
        QTest::newRow("whole euros") << u"12"_s << u"EUR"_s << QString() << qint64(1200);
        QTest::newRow("one decimal") << u"0.5"_s << u"EUR"_s << QString() << qint64(50);
        QTest::newRow("trailing zeros beyond cents")
            << u"2.500"_s << u"EUR"_s << QString() << qint64(250);
        QTest::newRow("negative") << u"-0.05"_s << u"EUR"_s << QString() << qint64(-5);
        QTest::newRow("yen") << u"1200"_s << u"JPY"_s << QString() << qint64(1200);
        QTest::newRow("dinar fils") << u"1.234"_s << u"KWD"_s << QString() << qint64(1234);
        QTest::newRow("leading point") << u".99"_s << u"USD"_s << QString() << qint64(99);
        QTest::newRow("too precise for euro")
            << u"1.499"_s << u"EUR"_s << u"money.too_precise"_s << qint64(0);
        QTest::newRow("yen has no cents")
            << u"1.5"_s << u"JPY"_s << u"money.too_precise"_s << qint64(0);
        QTest::newRow("comma is not a point")
            << u"1,49"_s << u"EUR"_s << u"decimal.malformed"_s << qint64(0);
        QTest::newRow("empty") << u""_s << u"EUR"_s << u"decimal.malformed"_s << qint64(0);
        QTest::newRow("letters") << u"12a"_s << u"EUR"_s << u"decimal.malformed"_s << qint64(0);
        QTest::newRow("two points")
            << u"1.2.3"_s << u"EUR"_s << u"decimal.malformed"_s << qint64(0);
        QTest::newRow("only a sign") << u"-"_s << u"EUR"_s << u"decimal.malformed"_s << qint64(0);
        QTest::newRow("exponent notation")
            << u"1e3"_s << u"EUR"_s << u"decimal.malformed"_s << qint64(0);
        QTest::newRow("too large")
            << u"92233720368547758.08"_s << u"EUR"_s << u"decimal.overflow"_s << qint64(0);
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QString, code);
        QFETCH(QString, error);
        QFETCH(qint64, minor);
        const Result<Money> parsed = Money::parse(text, currency(code.toLatin1().constData()));
        if (error.isEmpty()) {
            QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
            QCOMPARE(parsed->minorUnits(), minor);
        } else {
            QVERIFY(!parsed.ok());
            QCOMPARE(parsed.error().code, error);
            QVERIFY2(parsed.error().message.contains(text), "the message names the bad input");
        }
    }

    void decimalText_data()
    {
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("text");
        QTest::newRow("cents") << qint64(149) << u"EUR"_s << u"1.49"_s;
        QTest::newRow("small") << qint64(5) << u"EUR"_s << u"0.05"_s;
        QTest::newRow("negative small") << qint64(-5) << u"EUR"_s << u"-0.05"_s;
        QTest::newRow("yen") << qint64(1200) << u"JPY"_s << u"1200"_s;
        QTest::newRow("fils") << qint64(1) << u"KWD"_s << u"0.001"_s;
        QTest::newRow("most negative")
            << std::numeric_limits<qint64>::min() << u"EUR"_s << u"-92233720368547758.08"_s;
    }
    void decimalText()
    {
        QFETCH(qint64, minor);
        QFETCH(QString, code);
        QFETCH(QString, text);
        const Money amount(minor, currency(code.toLatin1().constData()));
        QCOMPARE(amount.toDecimalString(), text);
        QCOMPARE(amount.toString(), text + u' ' + code);
    }

    void arithmetic()
    {
        const Money a = money(149, "EUR");
        const Money b = money(51, "EUR");
        QCOMPARE(*a.plus(b), money(200, "EUR"));
        QCOMPARE(*a.minus(b), money(98, "EUR"));
        QCOMPARE(*b.minus(a), money(-98, "EUR"));
        QCOMPARE(*a.times(3), money(447, "EUR"));
        QCOMPARE(*a.negated(), money(-149, "EUR"));
    }

    void mixingCurrenciesIsAnError()
    {
        const Result<Money> sum = money(100, "EUR").plus(money(100, "USD"));
        QVERIFY(!sum.ok());
        QCOMPARE(sum.error().code, u"money.currency_mismatch"_s);
        QVERIFY(sum.error().message.contains(u"EUR"_s));
        QVERIFY(sum.error().message.contains(u"USD"_s));
        QVERIFY(!money(1, "EUR").minus(money(1, "JPY")).ok());
        QVERIFY2(!Money().plus(money(1, "EUR")).ok(), "an unset amount has no currency");
    }

    void overflowIsAnError()
    {
        const qint64 max = std::numeric_limits<qint64>::max();
        const qint64 min = std::numeric_limits<qint64>::min();
        QCOMPARE(money(max, "EUR").plus(money(1, "EUR")).error().code, u"money.overflow"_s);
        QCOMPARE(money(min, "EUR").minus(money(1, "EUR")).error().code, u"money.overflow"_s);
        QCOMPARE(money(max / 2 + 1, "EUR").times(2).error().code, u"money.overflow"_s);
        QCOMPARE(money(min, "EUR").negated().error().code, u"money.overflow"_s);
        QVERIFY(money(max - 1, "EUR").plus(money(1, "EUR")).ok());
    }

    void threeWaySplitOfTenEuros()
    {
        const Result<QList<Money>> parts = split(money(1000, "EUR"), 3);
        QVERIFY(parts.ok());
        QCOMPARE(parts->size(), 3);
        QCOMPARE(parts->at(0), money(334, "EUR"));
        QCOMPARE(parts->at(1), money(333, "EUR"));
        QCOMPARE(parts->at(2), money(333, "EUR"));
        Money sum = money(0, "EUR");
        for (const Money &part : *parts)
            sum = *sum.plus(part);
        QCOMPARE(sum, money(1000, "EUR"));
    }
};

QTEST_GUILESS_MAIN(MoneyTest)
#include "tst_money.moc"
