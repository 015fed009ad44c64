#include "domain/cart.h"
#include "domain/tax.h"
#include "test_support.h"

#include <QTest>
#include <QUuid>

using namespace counterline;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

const PricingPolicy kGermany{TaxMode::PricesIncludeTax, RoundingRule::HalfUp};
const PricingPolicy kNewYork{TaxMode::PricesExcludeTax, RoundingRule::HalfUp};

struct RateLine
{
    const char *percent;
    qint64 net;
    qint64 tax;
    qint64 gross;
};

void compareRateTotals(const QList<TaxRateTotal> &actual, std::initializer_list<RateLine> expected,
                       const char *code)
{
    QCOMPARE(actual.size(), qsizetype(expected.size()));
    qsizetype i = 0;
    for (const RateLine &line : expected) {
        QCOMPARE(actual[i].rate, rate(line.percent));
        QCOMPARE(actual[i].net, money(line.net, code));
        QCOMPARE(actual[i].tax, money(line.tax, code));
        QCOMPARE(actual[i].gross, money(line.gross, code));
        ++i;
    }
}

} // namespace

class TaxTest : public QObject
{
    Q_OBJECT

private slots:
    void rates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ppm");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("German standard") << u"19"_s << qint64(190000) << u"19"_s;
        QTest::newRow("German reduced") << u"7"_s << qint64(70000) << u"7"_s;
        QTest::newRow("New York City") << u"8.875"_s << qint64(88750) << u"8.875"_s;
        QTest::newRow("four decimals") << u"7.0625"_s << qint64(70625) << u"7.0625"_s;
        QTest::newRow("zero rated") << u"0"_s << qint64(0) << u"0"_s;
        QTest::newRow("trailing zeros") << u"19.00"_s << qint64(190000) << u"19"_s;
    }
    void rates()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ppm);
        QFETCH(QString, canonical);
        const Result<TaxRate> parsed = TaxRate::fromPercentText(text);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->partsPerMillion(), ppm);
        QCOMPARE(parsed->toPercentText(), canonical);
    }

    void badRatesAreRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("negative") << u"-1"_s;
        QTest::newRow("over a hundred") << u"100.5"_s;
        QTest::newRow("five decimals") << u"8.87501"_s;
        QTest::newRow("words") << u"nineteen"_s;
        QTest::newRow("percent sign") << u"19%"_s;
    }
    void badRatesAreRefused()
    {
        QFETCH(QString, text);
        QVERIFY(!TaxRate::fromPercentText(text).ok());
    }

    // One amount through applyTax. Tax-inclusive: tax = gross * r / (1 + r); tax-exclusive:
    // tax = net * r. Both rounded per line by the policy's rule.
    void applyTax_data()
    {
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<QString>("percent");
        QTest::addColumn<bool>("inclusive");
        QTest::addColumn<bool>("halfEven");
        QTest::addColumn<qint64>("net");
        QTest::addColumn<qint64>("tax");
        QTest::addColumn<qint64>("gross");
        // 119.00 at 19 % inclusive is exactly 100.00 + 19.00.
        QTest::newRow("inclusive exact") << qint64(11900) << u"19"_s << true << false
                                         << qint64(10000) << qint64(1900) << qint64(11900);
        // 8.99 * 19/119 = 1.4354 -> 1.44
        QTest::newRow("inclusive rounds")
            << qint64(899) << u"19"_s << true << false << qint64(755) << qint64(144) << qint64(899);
        // 1.19 * 7/107 = 0.0779 -> 0.08
        QTest::newRow("inclusive reduced")
            << qint64(119) << u"7"_s << true << false << qint64(111) << qint64(8) << qint64(119);
        // 11.99 * 0.08875 = 1.0641 -> 1.06
        QTest::newRow("exclusive rounds down") << qint64(1199) << u"8.875"_s << false << false
                                               << qint64(1199) << qint64(106) << qint64(1305);
        // 0.25 * 10 % = 2.5 cents: half up gives 3, half even gives 2.
        QTest::newRow("tie half up")
            << qint64(25) << u"10"_s << false << false << qint64(25) << qint64(3) << qint64(28);
        QTest::newRow("tie half even to 2")
            << qint64(25) << u"10"_s << false << true << qint64(25) << qint64(2) << qint64(27);
        // 0.35 * 10 % = 3.5 cents: half even gives 4.
        QTest::newRow("tie half even to 4")
            << qint64(35) << u"10"_s << false << true << qint64(35) << qint64(4) << qint64(39);
        // A refund line: -8.99 inclusive mirrors +8.99.
        QTest::newRow("negative mirrors") << qint64(-899) << u"19"_s << true << false
                                          << qint64(-755) << qint64(-144) << qint64(-899);
        QTest::newRow("zero rate")
            << qint64(500) << u"0"_s << true << false << qint64(500) << qint64(0) << qint64(500);
    }
    void applyTax()
    {
        QFETCH(qint64, amount);
        QFETCH(QString, percent);
        QFETCH(bool, inclusive);
        QFETCH(bool, halfEven);
        QFETCH(qint64, net);
        QFETCH(qint64, tax);
        QFETCH(qint64, gross);
        const PricingPolicy policy{inclusive ? TaxMode::PricesIncludeTax
                                             : TaxMode::PricesExcludeTax,
                                   halfEven ? RoundingRule::HalfEven : RoundingRule::HalfUp};
        const Result<TaxedAmount> taxed = counterline::applyTax(
            money(amount, "EUR"), rate(percent.toLatin1().constData()), policy);
        QVERIFY(taxed.ok());
        QCOMPARE(taxed->net, money(net, "EUR"));
        QCOMPARE(taxed->tax, money(tax, "EUR"));
        QCOMPARE(taxed->gross, money(gross, "EUR"));
    }

    // A Berlin bakery receipt; shelf prices include VAT (7 % food, 19 % the rest).
    //   2 x Brot      2.49   4.98  7 %   tax 0.33 (4.98 * 7/107 = 0.3258)
    //   1 x Milch     1.19   1.19  7 %   tax 0.08 (0.0779)
    //   1 x Wein      8.99   8.99 19 %   tax 1.44 (1.4354)
    //   1 x Kaffee    5.99   5.99 19 %   tax 0.96 (0.9564)
    //   total 21.15, of which VAT 7 % 0.41 on net 5.76, VAT 19 % 2.40 on net 12.58
    void germanTaxInclusiveReceipt()
    {
        Cart cart(QUuid::createUuid(), currency("EUR"), kGermany);
        QVERIFY(cart.addProduct(product("4001", "Brot", 249, "EUR", "7"), 2).ok());
        QVERIFY(cart.addProduct(product("4002", "Milch", 119, "EUR", "7")).ok());
        QVERIFY(cart.addProduct(product("4003", "Wein", 899, "EUR", "19")).ok());
        QVERIFY(cart.addProduct(product("4004", "Kaffee", 599, "EUR", "19")).ok());
        const Result<CartTotals> totals = cart.totals();
        QVERIFY(totals.ok());
        QCOMPARE(totals->subtotal, money(2115, "EUR"));
        QCOMPARE(totals->total, money(2115, "EUR"));
        QCOMPARE(totals->tax, money(281, "EUR"));
        QCOMPARE(totals->net, money(1834, "EUR"));
        QCOMPARE(totals->lines[0].amount.tax, money(33, "EUR"));
        QCOMPARE(totals->lines[1].amount.tax, money(8, "EUR"));
        QCOMPARE(totals->lines[2].amount.tax, money(144, "EUR"));
        QCOMPARE(totals->lines[3].amount.tax, money(96, "EUR"));
        compareRateTotals(totals->perRate, {{"7", 576, 41, 617}, {"19", 1258, 240, 1498}}, "EUR");
    }

    // A Manhattan deli; shelf prices exclude the 8.875 % combined sales tax.
    //   2 x Bagel     3.50   7.00   tax 0.62 (0.62125)
    //   1 x Coffee    2.75   2.75   tax 0.24 (0.2440625)
    //   1 x Sandwich 11.99  11.99   tax 1.06 (1.0641125)
    //   subtotal 21.74, tax 1.92, total 23.66
    void usTaxExclusiveReceipt()
    {
        Cart cart(QUuid::createUuid(), currency("USD"), kNewYork);
        QVERIFY(cart.addProduct(product("B1", "Bagel", 350, "USD", "8.875"), 2).ok());
        QVERIFY(cart.addProduct(product("C1", "Coffee", 275, "USD", "8.875")).ok());
        QVERIFY(cart.addProduct(product("S1", "Sandwich", 1199, "USD", "8.875")).ok());
        const Result<CartTotals> totals = cart.totals();
        QVERIFY(totals.ok());
        QCOMPARE(totals->subtotal, money(2174, "USD"));
        QCOMPARE(totals->net, money(2174, "USD"));
        QCOMPARE(totals->tax, money(192, "USD"));
        QCOMPARE(totals->total, money(2366, "USD"));
        compareRateTotals(totals->perRate, {{"8.875", 2174, 192, 2366}}, "USD");
    }

    // A Tokyo convenience store, prices include consumption tax (8 % food, 10 % the rest); the
    // yen has no minor unit, so tax rounds to whole yen.
    //   1 x Bento   1080 yen  8 %   tax 80
    //   1 x Beer     330 yen 10 %   tax 30
    //   1 x Manga    199 yen 10 %   tax 18 (18.09)
    void japaneseYenReceipt()
    {
        Cart cart(QUuid::createUuid(), currency("JPY"), kGermany);
        QVERIFY(cart.addProduct(product("J1", "Bento", 1080, "JPY", "8")).ok());
        QVERIFY(cart.addProduct(product("J2", "Beer", 330, "JPY", "10")).ok());
        QVERIFY(cart.addProduct(product("J3", "Manga", 199, "JPY", "10")).ok());
        const Result<CartTotals> totals = cart.totals();
        QVERIFY(totals.ok());
        QCOMPARE(totals->total, money(1609, "JPY"));
        QCOMPARE(totals->tax, money(128, "JPY"));
        QCOMPARE(totals->total.toDecimalString(), u"1609"_s);
        compareRateTotals(totals->perRate, {{"8", 1000, 80, 1080}, {"10", 481, 48, 529}}, "JPY");
    }

    // Per-line rounding is what the receipt shows: the US receipt's tax is 1.92 although 8.875 %
    // of the whole subtotal would round to 1.93. The test pins that choice.
    void taxIsRoundedPerLineNotOnTheTotal()
    {
        Cart cart(QUuid::createUuid(), currency("USD"), kNewYork);
        QVERIFY(cart.addProduct(product("B1", "Bagel", 350, "USD", "8.875"), 2).ok());
        QVERIFY(cart.addProduct(product("C1", "Coffee", 275, "USD", "8.875")).ok());
        QVERIFY(cart.addProduct(product("S1", "Sandwich", 1199, "USD", "8.875")).ok());
        const Result<TaxedAmount> whole =
            counterline::applyTax(money(2174, "USD"), rate("8.875"), kNewYork);
        QCOMPARE(whole->tax, money(193, "USD"));
        QCOMPARE(cart.totals()->tax, money(192, "USD"));
    }
};

QTEST_GUILESS_MAIN(TaxTest)
#include "tst_tax.moc"
