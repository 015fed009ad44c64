#include "domain/cart.h"
#include "domain/order_return.h"
#include "test_support.h"

#include <QTest>

using namespace counterline;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kNoon = QDateTime(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC);
const Actor kManager{u"manager-1"_s, QString()};

OrderHeader header(qint64 sequence)
{
    return OrderHeader{QUuid::createUuid(), *ReceiptNumber::make(u"S1", u"T1", sequence),
                       u"manager-1"_s, QString(), kNoon};
}

// A completed sale of 3 apples (7 %) and 7 coffees (19 %) with 10 % off the whole order.
Order completedSale(const PricingPolicy &policy = {})
{
    Cart cart(QUuid::createUuid(), currency("EUR"), policy);
    cart.addProduct(product("A", "Apfel", 55, "EUR", "7"), 3).value();
    cart.addProduct(product("K", "Kaffee", 599, "EUR", "19"), 7).value();
    if (!cart.setOrderDiscount(*Discount::percent(u"10")))
        qFatal("order discount refused");
    const Order placed = *Order::place(cart, header(1), kManager);
    const Money total = placed.total();
    const Order paid = *placed.pay({Tender{TenderKind::Cash, total, {}, false}}, kManager, kNoon);
    return *paid.apply(OrderEvent::HandOver, kManager, kNoon);
}

ReturnSource sourceOf(const Order &sale, const QMap<int, qint64> &returned = {})
{
    ReturnSource source{sale.id(),
                        sale.receiptNumber().toString(),
                        sale.kind(),
                        sale.status(),
                        sale.currency(),
                        sale.policy(),
                        {}};
    for (const OrderLine &line : sale.lines())
        source.lines.append(ReturnableLine{line, returned.value(line.lineNo)});
    return source;
}

} // namespace

class OrderReturnTest : public QObject
{
    Q_OBJECT

private slots:
    void aReturnGivesBackItsShareOfTheLine()
    {
        const Order sale = completedSale();
        const OrderLine &coffee = sale.lines().at(1);
        const Result<Order> back =
            Order::placeReturn(sourceOf(sale), {{2, 2}}, header(2), kManager);
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message));
        QCOMPARE(back->kind(), OrderKind::Return);
        QCOMPARE(back->originalOrderId(), sale.id());
        QCOMPARE(back->status(), OrderStatus::Created);
        QCOMPARE(back->lines().size(), 1);
        const OrderLine &line = back->lines().at(0);
        QCOMPARE(line.lineNo, 1);
        QCOMPARE(line.originalLineNo, 2);
        QCOMPARE(line.sku, u"K"_s);
        QCOMPARE(line.quantity, 2);
        QCOMPARE(line.unitPrice, coffee.unitPrice);
        // 2 of 7 of the line's total, rounded half up.
        const qint64 expected = (coffee.total.minorUnits() * 2 * 2 + 7) / (2 * 7);
        QCOMPARE(line.total.minorUnits(), expected);
        QCOMPARE(line.net.minorUnits() + line.tax.minorUnits(), line.total.minorUnits());
        QCOMPARE(back->total(), line.total);
        QCOMPARE(back->totalsPerRate().size(), 1);
        QCOMPARE(back->totalsPerRate().at(0).gross, line.total);
    }

    void returnsOfEveryUnitAddUpToTheSaleExactly_data()
    {
        QTest::addColumn<bool>("pricesIncludeTax");
        QTest::newRow("inclusive") << true;
        QTest::newRow("exclusive") << false;
    }

    void returnsOfEveryUnitAddUpToTheSaleExactly()
    {
        QFETCH(bool, pricesIncludeTax);
        const PricingPolicy policy{pricesIncludeTax ? TaxMode::PricesIncludeTax
                                                    : TaxMode::PricesExcludeTax,
                                   RoundingRule::HalfUp};
        const quint32 seed = testSeed();
        qInfo("seed %u", seed);
        QRandomGenerator random(seed);
        for (int round = 0; round < 200; ++round) {
            const Order sale = completedSale(policy);
            QMap<int, qint64> returned;
            qint64 total = 0, tax = 0, discount = 0;
            qint64 sequence = 2;
            // Return everything in random pieces, one return at a time.
            while (returned.value(1) < 3 || returned.value(2) < 7) {
                QList<ReturnItem> items;
                for (const OrderLine &line : sale.lines()) {
                    const qint64 left = line.quantity - returned.value(line.lineNo);
                    if (left > 0)
                        items.append({line.lineNo, qint64(random.bounded(int(left) + 1))});
                }
                const Result<Order> back = Order::placeReturn(sourceOf(sale, returned), items,
                                                              header(sequence++), kManager);
                if (!back) {
                    QCOMPARE(back.error().code, u"return.empty"_s); // drew zero of everything
                    continue;
                }
                for (const OrderLine &line : back->lines()) {
                    returned[line.originalLineNo] += line.quantity;
                    QCOMPARE(line.net.minorUnits() + line.tax.minorUnits(),
                             line.total.minorUnits());
                }
                total += back->total().minorUnits();
                tax += back->tax().minorUnits();
                discount += back->discount().minorUnits();
            }
            QCOMPARE(total, sale.total().minorUnits());
            QCOMPARE(tax, sale.tax().minorUnits());
            QCOMPARE(discount, sale.discount().minorUnits());
        }
    }

    void moreThanIsLeftIsRefusedNamingTheLine()
    {
        const Order sale = completedSale();
        const Result<Order> tooMany =
            Order::placeReturn(sourceOf(sale, {{2, 6}}), {{2, 2}}, header(2), kManager);
        QCOMPARE(tooMany.error().code, u"return.too_many"_s);
        QVERIFY2(tooMany.error().message.contains(u"line 2 (K): 1 of 7"_s),
                 qPrintable(tooMany.error().message));
        QCOMPARE(Order::placeReturn(sourceOf(sale), {{9, 1}}, header(2), kManager).error().code,
                 u"return.no_such_line"_s);
        QCOMPARE(
            Order::placeReturn(sourceOf(sale), {{1, 1}, {1, 1}}, header(2), kManager).error().code,
            u"return.line_twice"_s);
        QCOMPARE(Order::placeReturn(sourceOf(sale), {{1, 0}}, header(2), kManager).error().code,
                 u"return.empty"_s);
        QCOMPARE(Order::placeReturn(sourceOf(sale), {{1, -1}}, header(2), kManager).error().code,
                 u"return.too_many"_s);
    }

    void onlyAPaidOrCompletedSaleCanBeReturned()
    {
        const Order sale = completedSale();
        ReturnSource source = sourceOf(sale);
        for (OrderStatus status : {OrderStatus::Refunded, OrderStatus::Cancelled,
                                   OrderStatus::Created, OrderStatus::Shipped}) {
            source.status = status;
            QCOMPARE(Order::placeReturn(source, {{1, 1}}, header(2), kManager).error().code,
                     u"return.not_returnable"_s);
        }
        source.status = OrderStatus::Paid; // a counter sale: the goods left with the customer
        QVERIFY(Order::placeReturn(source, {{1, 1}}, header(2), kManager).ok());
        source.status = OrderStatus::Completed;
        source.kind = OrderKind::Return;
        QCOMPARE(Order::placeReturn(source, {{1, 1}}, header(2), kManager).error().code,
                 u"return.of_a_return"_s);
    }

    void aReturnPaysBackExactlyItsTotal()
    {
        const Order sale = completedSale();
        const Order back = *Order::placeReturn(sourceOf(sale), {{1, 1}}, header(2), kManager);
        const Money total = back.total();
        const Money more = *total.plus(money(1, "EUR"));
        QCOMPARE(
            back.pay({Tender{TenderKind::Cash, more, {}, false}}, kManager, kNoon).error().code,
            u"tender.refund_mismatch"_s);
        const Result<Order> paid =
            back.pay({Tender{TenderKind::Cash, total, {}, false}}, kManager, kNoon);
        QVERIFY(paid.ok());
        QCOMPARE(paid->change(), money(0, "EUR"));
        QCOMPARE(paid->apply(OrderEvent::HandOver, kManager, kNoon)->status(),
                 OrderStatus::Completed);
    }

    void kindNamesRoundTrip()
    {
        QCOMPARE(orderKindName(*orderKindFromName(u"return")), u"return"_s);
        QCOMPARE(orderKindName(*orderKindFromName(u"sale")), u"sale"_s);
        QCOMPARE(orderKindFromName(u"refund").error().code, u"order.unknown_kind"_s);
    }
};

QTEST_GUILESS_MAIN(OrderReturnTest)
#include "tst_order_return.moc"
