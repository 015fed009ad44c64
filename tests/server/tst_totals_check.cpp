// The server's arithmetic of a received order as a pure function (issue 18): every line's tax
// recomputed with the domain's rules, each disagreement named, no database involved.

#include "domain/currency.h"
#include "server/totals_check.h"

#include <QTest>

using namespace counterline;
using namespace counterline::server;
using namespace Qt::StringLiterals;

namespace {

// Two lines of a paid counter sale in EUR at 19 % and 7 %, tax included: 2 × 5.00 with 1.00 off,
// and 1 × 3.49; 12.49 paid in cash.
protocol::WireOrder paidSale()
{
    protocol::WireOrder order;
    order.status = u"COMPLETED"_s;
    order.currency = u"EUR"_s;
    order.total = 1249;
    order.lines = {protocol::WireLine{1, u"A"_s, u"Apple"_s, 500, 2, 190'000, 100, 900, 0, 0},
                   protocol::WireLine{2, u"B"_s, u"Bread"_s, 349, 1, 70'000, 0, 349, 0, 0}};
    order.tenders = {protocol::WireTender{u"cash"_s, 1249, QString(), QString(), false}};
    return order;
}

const Currency kEuro = Currency::fromCode(u"EUR"_s).value();

} // namespace

class TotalsCheckTest : public QObject
{
    Q_OBJECT

private slots:
    void aPaidSaleAddsUp()
    {
        protocol::WireOrder order = paidSale();
        Result<OrderFigures> figures = TotalsCheck::verify(order, kEuro, PricingPolicy{});
        QVERIFY2(figures, figures ? "" : qPrintable(figures.error().message));
        QCOMPARE(figures->subtotal, qint64(1349));
        QCOMPARE(figures->discounts, qint64(100));
        // 9.00 gross at 19 %: 1.44 tax; 3.49 at 7 %: 0.23.
        QCOMPARE(order.lines[0].tax, qint64(144));
        QCOMPARE(order.lines[1].tax, qint64(23));
        QCOMPARE(figures->tax, qint64(167));
    }

    void pricesWithoutTaxAddItOn()
    {
        protocol::WireOrder order = paidSale();
        order.lines = {protocol::WireLine{1, u"A"_s, u"Apple"_s, 1000, 1, 190'000, 0, 1190, 0, 0}};
        order.total = 1190;
        order.tenders.first().amount = 1190;
        Result<OrderFigures> figures = TotalsCheck::verify(
            order, kEuro, PricingPolicy{TaxMode::PricesExcludeTax, RoundingRule::HalfUp});
        QVERIFY2(figures, figures ? "" : qPrintable(figures.error().message));
        QCOMPARE(figures->tax, qint64(190));
    }

    void disagreementsAreNamed_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<QString>("named");
        QTest::newRow("line total")
            << 0 << u"\"lines[1].total\" is 350 but the line comes to 349"_s;
        QTest::newRow("discount") << 1 << u"\"lines[0]\": the discount exceeds"_s;
        QTest::newRow("order total") << 2 << u"\"total\" is 1300 but the lines add up to 1249"_s;
        QTest::newRow("tenders short")
            << 3 << u"the tenders (1000) do not cover \"total\" (1249)"_s;
        QTest::newRow("return pending") << 4 << u"a return arrives COMPLETED"_s;
        QTest::newRow("remote at version 2") << 5 << u"a remote order is placed at version 1"_s;
        // Beyond what one sale may carry: out of bounds, before any arithmetic could overflow.
        QTest::newRow("overflow") << 6 << u"\"lines[0].quantity\" is"_s;
    }

    void disagreementsAreNamed()
    {
        QFETCH(int, fault);
        QFETCH(QString, named);
        protocol::WireOrder order = paidSale();
        switch (fault) {
        case 0:
            order.lines[1].total = 350;
            break;
        case 1:
            order.lines[0].discount = 1001;
            break;
        case 2:
            order.total = 1300;
            break;
        case 3:
            order.tenders.first().amount = 1000;
            break;
        case 4:
            order.isReturn = true;
            order.status = u"PAID"_s;
            break;
        case 5:
            order.status = u"CREATED"_s;
            order.version = 2;
            order.tenders = {protocol::WireTender{u"card"_s, 1249, QString(), u"tok_visa"_s, true}};
            break;
        case 6:
            order.lines[0].quantity = std::numeric_limits<qint64>::max();
            break;
        }
        Result<OrderFigures> figures = TotalsCheck::verify(order, kEuro, PricingPolicy{});
        QVERIFY(!figures);
        QCOMPARE(figures.error().code,
                 fault == 6 ? u"order.out_of_bounds"_s : u"order.totals_mismatch"_s);
        QVERIFY2(figures.error().message.contains(named), qPrintable(figures.error().message));
    }
};

QTEST_GUILESS_MAIN(TotalsCheckTest)
#include "tst_totals_check.moc"
