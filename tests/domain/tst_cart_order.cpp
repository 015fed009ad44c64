#include "domain/cart.h"
#include "domain/order.h"
#include "domain/sale_bounds.h"
#include "test_support.h"

#include <QTest>

using namespace counterline;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kNoon = QDateTime(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC);

Cart germanCart()
{
    return Cart(QUuid::createUuid(), currency("EUR"), PricingPolicy{});
}

OrderHeader header(qint64 sequence = 1)
{
    return OrderHeader{QUuid::createUuid(), *ReceiptNumber::make(u"S1", u"T1", sequence),
                       u"cashier-1"_s, QString(), kNoon};
}

const Actor kCashier{u"cashier-1"_s, QString()};

} // namespace

class CartOrderTest : public QObject
{
    Q_OBJECT

private slots:
    void rescanBumpsQuantity()
    {
        Cart cart = germanCart();
        const Product milk = product("4002", "Milch", 119, "EUR", "7");
        QCOMPARE(*cart.addProduct(milk), 1);
        QCOMPARE(*cart.addProduct(milk), 1);
        QCOMPARE(cart.lines().size(), 1);
        QCOMPARE(cart.lines()[0].quantity, 2);
        QCOMPARE(cart.totals()->total, money(238, "EUR"));
    }

    void discountedLineIsNotMergedWithARescan()
    {
        Cart cart = germanCart();
        const Product wine = product("4003", "Wein", 899, "EUR", "19");
        QVERIFY(cart.addProduct(wine).ok());
        QVERIFY(cart.setLineDiscount(1, *Discount::percent(u"10")).ok());
        QCOMPARE(*cart.addProduct(wine), 2);
        QCOMPARE(cart.lines().size(), 2);
        // 8.99 - 0.90 (10 %, 0.899 rounded) + 8.99
        QCOMPARE(cart.totals()->total, money(899 - 90 + 899, "EUR"));
    }

    // A till lets a cashier alone give up to a share of a line (10 %); more needs a manager,
    // whether typed as a percentage or as an amount.
    void discountAboveAShareOfTheLine_data()
    {
        QTest::addColumn<Discount>("discount");
        QTest::addColumn<qint64>("base");
        QTest::addColumn<bool>("exceeds");
        QTest::newRow("10 % is the share") << *Discount::percent(u"10") << qint64(899) << false;
        QTest::newRow("10.01 % is above it") << *Discount::percent(u"10.01") << qint64(899) << true;
        QTest::newRow("0.89 of 8.99 is within") << *Discount::amount(89) << qint64(899) << false;
        QTest::newRow("0.90 of 8.99 is above") << *Discount::amount(90) << qint64(899) << true;
        QTest::newRow("exactly a tenth of 9.00") << *Discount::amount(90) << qint64(900) << false;
        QTest::newRow("any amount off nothing") << *Discount::amount(1) << qint64(0) << true;
        QTest::newRow("no discount") << Discount() << qint64(899) << false;
        QTest::newRow("the largest amounts do not overflow")
            << *Discount::amount(std::numeric_limits<qint64>::max())
            << std::numeric_limits<qint64>::max() << true;
    }
    void discountAboveAShareOfTheLine()
    {
        QFETCH(Discount, discount);
        QFETCH(qint64, base);
        QFETCH(bool, exceeds);
        QCOMPARE(discount.exceedsShare(base, 100'000), exceeds);
    }

    void badChangesLeaveTheCartAsItWas()
    {
        Cart cart = germanCart();
        QVERIFY(cart.addProduct(product("A", "Apfel", 50, "EUR", "7"), 3).ok());
        const CartTotals before = *cart.totals();

        QCOMPARE(cart.setQuantity(1, 0).error().code, u"cart.bad_quantity"_s);
        QCOMPARE(cart.setQuantity(1, 1'000'001).error().code, u"cart.bad_quantity"_s);
        QCOMPARE(cart.setQuantity(7, 2).error().code, u"cart.no_such_line"_s);
        QCOMPARE(cart.overridePrice(1, money(-1, "EUR")).error().code, u"cart.bad_price"_s);
        QCOMPARE(cart.overridePrice(1, money(40, "USD")).error().code, u"cart.bad_price"_s);
        QCOMPARE(cart.setLineDiscount(1, *Discount::amount(151)).error().code,
                 u"discount.exceeds_amount"_s);
        QCOMPARE(cart.setOrderDiscount(*Discount::amount(151)).error().code,
                 u"discount.exceeds_amount"_s);
        QCOMPARE(cart.addProduct(product("B", "Bagel", 350, "USD", "8.875")).error().code,
                 u"cart.currency_mismatch"_s);

        QCOMPARE(cart.lines().size(), 1);
        QCOMPARE(cart.lines()[0].quantity, 3);
        QVERIFY(cart.lines()[0].discount.isNone());
        QVERIFY(cart.orderDiscount().isNone());
        QCOMPARE(cart.totals()->total, before.total);
    }

    // A till never rings up more than one sale may carry (domain/sale_bounds.h), which the
    // server refuses: the change that would pass it is refused and the cart stays as it was.
    void aSaleStaysWithinItsBounds()
    {
        Cart cart = germanCart();
        QVERIFY(cart.addProduct(product("Y", "Yacht", kMaxSaleAmount / 2, "EUR", "19")).ok());
        QVERIFY(cart.addProduct(product("Y", "Yacht", kMaxSaleAmount / 2, "EUR", "19")).ok());
        QCOMPARE(cart.totals()->subtotal, money(kMaxSaleAmount, "EUR"));
        QCOMPARE(
            cart.addProduct(product("Y", "Yacht", kMaxSaleAmount / 2, "EUR", "19")).error().code,
            u"cart.too_large"_s);
        QCOMPARE(cart.addProduct(product("A", "Apfel", 50, "EUR", "7")).error().code,
                 u"cart.too_large"_s);
        QCOMPARE(cart.setQuantity(1, 3).error().code, u"cart.too_large"_s);
        QCOMPARE(cart.overridePrice(1, money(kMaxSaleAmount, "EUR")).error().code,
                 u"cart.too_large"_s);
        QCOMPARE(cart.lines().size(), 1);
        QCOMPARE(cart.lines()[0].quantity, 2);
        QCOMPARE(cart.totals()->subtotal, money(kMaxSaleAmount, "EUR"));
        // Line numbers stay as they were: the next line is 2.
        QVERIFY(cart.setQuantity(1, 1).ok());
        QCOMPARE(*cart.addProduct(product("A", "Apfel", 50, "EUR", "7")), 2);
    }

    // The refusal names its bound as the cashier's locale writes numbers (seen on the German
    // till's screen as "1000000000.00 EUR" before).
    void theBoundsAreWrittenInTheCashiersLocale_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("amount");
        QTest::addColumn<QString>("quantity");
        QTest::newRow("C") << u"C"_s << u"1000000000.00 EUR"_s << u"1000000"_s;
        QTest::newRow("en_US") << u"en_US"_s << u"1,000,000,000.00 EUR"_s << u"1,000,000"_s;
        QTest::newRow("de_DE") << u"de_DE"_s << u"1.000.000.000,00 EUR"_s << u"1.000.000"_s;
        QTest::newRow("fr_FR") << u"fr_FR"_s << u"1\u202f000\u202f000\u202f000,00 EUR"_s
                               << u"1\u202f000\u202f000"_s;
        QTest::newRow("ja_JP") << u"ja_JP"_s << u"1,000,000,000.00 EUR"_s << u"1,000,000"_s;
    }

    void theBoundsAreWrittenInTheCashiersLocale()
    {
        QFETCH(QString, locale);
        QFETCH(QString, amount);
        QFETCH(QString, quantity);
        const QLocale before;
        QLocale::setDefault(QLocale(locale));
        Cart cart = germanCart();
        QVERIFY(cart.addProduct(product("Y", "Yacht", kMaxSaleAmount, "EUR", "19")).ok());
        const QString tooLarge =
            cart.addProduct(product("A", "Apfel", 50, "EUR", "7")).error().message;
        const QString tooMany = cart.setQuantity(1, kMaxLineQuantity + 1).error().message;
        QLocale::setDefault(before);
        QVERIFY2(tooLarge.contains(amount), qPrintable(tooLarge));
        QVERIFY2(tooMany.contains(quantity), qPrintable(tooMany));
    }

    void priceOverrideAndVoid()
    {
        Cart cart = germanCart();
        QVERIFY(cart.addProduct(product("A", "Apfel", 50, "EUR", "7"), 2).ok());
        QVERIFY(cart.addProduct(product("K", "Kaffee", 599, "EUR", "19")).ok());
        QVERIFY(cart.overridePrice(2, money(499, "EUR")).ok());
        QVERIFY(cart.lines()[1].isPriceOverridden());
        QCOMPARE(cart.totals()->total, money(100 + 499, "EUR"));
        QVERIFY(cart.voidLine(1).ok());
        QCOMPARE(cart.totals()->total, money(499, "EUR"));
        QCOMPARE(cart.voidLine(1).error().code, u"cart.no_such_line"_s);
        // Line numbers are never reused within a cart.
        QCOMPARE(*cart.addProduct(product("A", "Apfel", 50, "EUR", "7")), 3);
    }

    void restoreLineKeepsNumbering()
    {
        Cart saved = germanCart();
        QVERIFY(saved.addProduct(product("A", "Apfel", 50, "EUR", "7")).ok());
        QVERIFY(saved.addProduct(product("B", "Brot", 249, "EUR", "7")).ok());
        QVERIFY(saved.voidLine(1).ok());

        Cart loaded(saved.id(), saved.currency(), saved.policy());
        for (const CartLine &line : saved.lines())
            QVERIFY(loaded.restoreLine(line).ok());
        QCOMPARE(loaded.restoreLine(saved.lines()[0]).error().code, u"cart.bad_line_number"_s);
        QCOMPARE(*loaded.addProduct(product("C", "Milch", 119, "EUR", "7")), 3);
        QCOMPARE(loaded.totals()->total, money(249 + 119, "EUR"));
    }

    void orderSnapshotsTheCart()
    {
        Cart cart = germanCart();
        QVERIFY(cart.addProduct(product("4001", "Brot", 249, "EUR", "7"), 2).ok());
        QVERIFY(cart.addProduct(product("4003", "Wein", 899, "EUR", "19")).ok());
        QVERIFY(cart.setOrderDiscount(*Discount::amount(100)).ok());

        const Result<Order> order = Order::place(cart, header(), kCashier);
        QVERIFY(order.ok());
        QCOMPARE(order->status(), OrderStatus::Created);
        QCOMPARE(order->version(), 1);
        QCOMPARE(order->events().size(), 1);
        QCOMPARE(order->events()[0].event, OrderEvent::Place);
        QVERIFY(!order->events()[0].from.has_value());
        QCOMPARE(order->lines().size(), 2);
        QCOMPARE(order->lines()[0].name, u"Brot"_s);
        QCOMPARE(order->lines()[0].unitPrice, money(249, "EUR"));
        QCOMPARE(order->total(), money(498 + 899 - 100, "EUR"));
        // Line totals, discounts and taxes add up to the order's.
        qint64 lineTotals = 0, lineDiscounts = 0, lineTax = 0;
        for (const OrderLine &line : order->lines()) {
            lineTotals += line.total.minorUnits();
            lineDiscounts += line.discount.minorUnits();
            lineTax += line.tax.minorUnits();
        }
        QCOMPARE(lineTotals, order->total().minorUnits());
        QCOMPARE(lineDiscounts, 100);
        QCOMPARE(lineTax, order->tax().minorUnits());
        QCOMPARE(order->storeId(), u"S1"_s);
        QCOMPARE(order->terminalId(), u"T1"_s);

        // Changing the cart afterwards does not touch the order.
        QVERIFY(cart.overridePrice(1, money(1, "EUR")).ok());
        QCOMPARE(order->lines()[0].unitPrice, money(249, "EUR"));
    }

    void emptyCartOrBadHeaderIsRefused()
    {
        Cart cart = germanCart();
        QCOMPARE(Order::place(cart, header(), kCashier).error().code, u"order.empty"_s);
        QVERIFY(cart.addProduct(product("A", "Apfel", 50, "EUR", "7")).ok());
        OrderHeader noId = header();
        noId.id = QUuid();
        QCOMPARE(Order::place(cart, noId, kCashier).error().code, u"order.bad_header"_s);
    }

    void payingWithCashGivesChange()
    {
        Cart cart = germanCart();
        QVERIFY(cart.addProduct(product("K", "Kaffee", 599, "EUR", "19")).ok());
        const Order order = *Order::place(cart, header(), kCashier);
        const Result<Order> paid =
            order.pay({Tender{TenderKind::Cash, money(1000, "EUR"), {}, false}}, kCashier, kNoon);
        QVERIFY(paid.ok());
        QCOMPARE(paid->status(), OrderStatus::Paid);
        QCOMPARE(paid->version(), 2);
        QCOMPARE(paid->change(), money(401, "EUR"));
        QCOMPARE(paid->events().last().event, OrderEvent::PaymentCaptured);
        QCOMPARE(paid->events().last().from, std::optional(OrderStatus::Created));
        QCOMPARE(order.status(), OrderStatus::Created); // the original value is untouched
        QCOMPARE(
            paid->pay({Tender{TenderKind::Cash, money(599, "EUR"), {}, false}}, kCashier, kNoon)
                .error()
                .code,
            u"order.already_paid"_s);
    }

    void badTendersAreRefused_data()
    {
        QTest::addColumn<QList<Tender>>("tenders");
        QTest::addColumn<QString>("error");
        QTest::newRow("none") << QList<Tender>{} << u"tender.none"_s;
        QTest::newRow("short") << QList<Tender>{{TenderKind::Cash, money(500, "EUR"), {}, false}}
                               << u"tender.insufficient"_s;
        QTest::newRow("card over total")
            << QList<Tender>{{TenderKind::Card, money(700, "EUR"), u"A1"_s, false}}
            << u"tender.change_without_cash"_s;
        QTest::newRow("wrong currency")
            << QList<Tender>{{TenderKind::Cash, money(599, "USD"), {}, false}}
            << u"tender.currency_mismatch"_s;
        QTest::newRow("zero tender")
            << QList<Tender>{{TenderKind::Cash, money(599, "EUR"), {}, false},
                             {TenderKind::Card, money(0, "EUR"), {}, false}}
            << u"tender.not_positive"_s;
    }
    void badTendersAreRefused()
    {
        QFETCH(QList<Tender>, tenders);
        QFETCH(QString, error);
        Cart cart = germanCart();
        QVERIFY(cart.addProduct(product("K", "Kaffee", 599, "EUR", "19")).ok());
        const Order order = *Order::place(cart, header(), kCashier);
        const Result<Order> paid = order.pay(tenders, kCashier, kNoon);
        QVERIFY(!paid.ok());
        QCOMPARE(paid.error().code, error);
    }

    void eventsFollowTheStateMachine()
    {
        Cart cart = germanCart();
        QVERIFY(cart.addProduct(product("K", "Kaffee", 599, "EUR", "19")).ok());
        const Order order = *Order::place(cart, header(), kCashier);
        QCOMPARE(order.apply(OrderEvent::Ship, kCashier, kNoon).error().code,
                 u"order.illegal_transition"_s);
        QCOMPARE(order.apply(OrderEvent::PaymentCaptured, kCashier, kNoon).error().code,
                 u"tender.none"_s);
        const Order paid = *order.pay({Tender{TenderKind::Card, money(599, "EUR"), u"A1"_s, false}},
                                      kCashier, kNoon);
        const Actor manager{u"cashier-1"_s, u"manager-1"_s};
        const Result<Order> shipped = paid.apply(OrderEvent::Ship, kCashier, kNoon);
        const Result<Order> delivered = shipped->apply(OrderEvent::Deliver, kCashier, kNoon);
        const Result<Order> refunded = delivered->apply(OrderEvent::Refund, manager, kNoon);
        QVERIFY(refunded.ok());
        QCOMPARE(refunded->status(), OrderStatus::Refunded);
        QCOMPARE(refunded->version(), 5);
        QCOMPARE(refunded->events().size(), 5);
        QCOMPARE(refunded->events().last().actor.approvedBy, u"manager-1"_s);
        for (qsizetype i = 0; i < refunded->events().size(); ++i)
            QCOMPARE(refunded->events()[i].version, int(i + 1));
        QCOMPARE(refunded->apply(OrderEvent::Cancel, manager, kNoon).error().code,
                 u"order.illegal_transition"_s);
    }
};

QTEST_GUILESS_MAIN(CartOrderTest)
#include "tst_cart_order.moc"
