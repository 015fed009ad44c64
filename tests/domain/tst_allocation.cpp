#include "domain/allocation.h"
#include "domain/cart.h"
#include "domain/order.h"
#include "test_support.h"

#include <QRandomGenerator>
#include <QTest>

using namespace counterline;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

qint64 sumMinor(const QList<Money> &parts)
{
    qint64 sum = 0;
    for (const Money &part : parts)
        sum += part.minorUnits();
    return sum;
}

} // namespace

class AllocationTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_seed = testSeed();
        qInfo("COUNTERLINE_TEST_SEED=%u", m_seed);
        m_random.seed(m_seed);
    }

    void fixedCases_data()
    {
        QTest::addColumn<qint64>("total");
        QTest::addColumn<QList<qint64>>("weights");
        QTest::addColumn<QList<qint64>>("expected");
        QTest::newRow("ten euros three ways")
            << qint64(1000) << QList<qint64>{1, 1, 1} << QList<qint64>{334, 333, 333};
        QTest::newRow("proportional exact")
            << qint64(100) << QList<qint64>{1, 3} << QList<qint64>{25, 75};
        // 5 units by 1:1:1:1:1:1 leaves remainders all equal: the earlier parts win.
        QTest::newRow("ties go to earlier parts")
            << qint64(5) << QList<qint64>{1, 1, 1, 1, 1, 1} << QList<qint64>{1, 1, 1, 1, 1, 0};
        // 100 by 1:2:3 = 16.67, 33.33, 50 -> floors 16, 33, 50 and the leftover unit to the
        // largest remainder (part 0).
        QTest::newRow("largest remainder wins")
            << qint64(100) << QList<qint64>{1, 2, 3} << QList<qint64>{17, 33, 50};
        QTest::newRow("zero weight gets nothing")
            << qint64(999) << QList<qint64>{0, 1, 0} << QList<qint64>{0, 999, 0};
        QTest::newRow("negative total mirrors")
            << qint64(-1000) << QList<qint64>{1, 1, 1} << QList<qint64>{-334, -333, -333};
        QTest::newRow("nothing to share")
            << qint64(0) << QList<qint64>{5, 7} << QList<qint64>{0, 0};
    }
    void fixedCases()
    {
        QFETCH(qint64, total);
        QFETCH(QList<qint64>, weights);
        QFETCH(QList<qint64>, expected);
        const Result<QList<Money>> parts = allocate(money(total, "EUR"), weights);
        QVERIFY(parts.ok());
        QList<qint64> minor;
        for (const Money &part : *parts)
            minor.append(part.minorUnits());
        QCOMPARE(minor, expected);
    }

    void badWeightsAreErrors()
    {
        QCOMPARE(allocate(money(100, "EUR"), {}).error().code, u"allocation.no_parts"_s);
        QCOMPARE(allocate(money(100, "EUR"), {1, -1}).error().code,
                 u"allocation.negative_weight"_s);
        QCOMPARE(allocate(money(100, "EUR"), {0, 0}).error().code, u"allocation.zero_weight"_s);
        QCOMPARE(split(money(100, "EUR"), 0).error().code, u"allocation.no_parts"_s);
    }

    // Any total over any weights: the parts sum exactly, and each part is within one minor unit
    // of its exact proportional share.
    void randomAllocationsSumExactly()
    {
        for (int round = 0; round < 20000; ++round) {
            const qint64 total = qint64(m_random.bounded(2'000'000'000)) - 1'000'000'000;
            const int count = int(m_random.bounded(1, 12));
            QList<qint64> weights;
            qint64 weightSum = 0;
            for (int i = 0; i < count; ++i) {
                weights.append(qint64(m_random.bounded(100'000)));
                weightSum += weights.last();
            }
            if (weightSum == 0) {
                weights[0] = 1;
                weightSum = 1;
            }
            const Result<QList<Money>> parts = allocate(money(total, "EUR"), weights);
            QVERIFY(parts.ok());
            QCOMPARE(sumMinor(*parts), total);
            for (int i = 0; i < count; ++i) {
                // |part * weightSum - total * weight| < weightSum, in 128-bit arithmetic.
                const WideInt scaled = WideInt(parts->at(i).minorUnits()) * weightSum;
                const WideInt exact = WideInt(total) * weights[i];
                const WideInt gap = scaled > exact ? scaled - exact : exact - scaled;
                QVERIFY2(gap < WideInt(weightSum),
                         qPrintable(u"round %1 part %2"_s.arg(round).arg(i)));
            }
        }
    }

    // A random cart with a random order discount: the discount shares handed to the lines sum to
    // the order discount, and the receipt adds up (subtotal - discount = total for tax-inclusive
    // prices).
    void randomOrderDiscountsSumExactly()
    {
        for (int round = 0; round < 3000; ++round) {
            Cart cart(QUuid::createUuid(), currency("EUR"), PricingPolicy{});
            const int lines = int(m_random.bounded(1, 8));
            for (int i = 0; i < lines; ++i) {
                const QByteArray sku = QByteArray::number(i);
                QVERIFY(cart.addProduct(product(sku.constData(), "Item",
                                                qint64(m_random.bounded(1, 100'000)), "EUR",
                                                i % 2 ? "19" : "7"),
                                        qint64(m_random.bounded(1, 20)))
                            .ok());
            }
            const qint64 subtotal = cart.totals()->subtotal.minorUnits();
            const Result<Discount> discount =
                m_random.bounded(2)
                    ? Discount::percentPpm(qint64(m_random.bounded(1'000'001)))
                    : Discount::amount(qint64(m_random.bounded(quint64(subtotal) + 1)));
            QVERIFY(cart.setOrderDiscount(*discount).ok());
            const Result<CartTotals> totals = cart.totals();
            QVERIFY(totals.ok());
            const qint64 orderDiscount =
                *discount->on(totals->subtotal.minorUnits(), RoundingRule::HalfUp);
            qint64 shares = 0;
            for (const PricedLine &line : totals->lines) {
                QVERIFY(line.orderDiscount.minorUnits() >= 0);
                QVERIFY(line.orderDiscount.minorUnits() <= line.listTotal.minorUnits());
                shares += line.orderDiscount.minorUnits();
            }
            QCOMPARE(shares, orderDiscount);
            QCOMPARE(totals->discount.minorUnits(), orderDiscount);
            QCOMPARE(totals->total.minorUnits(), totals->subtotal.minorUnits() - orderDiscount);
            QCOMPARE(totals->net.minorUnits() + totals->tax.minorUnits(),
                     totals->total.minorUnits());
        }
    }

    // Paying a random total with a random split across cards and cash: the tenders sum exactly
    // and the order accepts them without change.
    void randomSplitTendersSumExactly()
    {
        const QDateTime at = QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC);
        for (int round = 0; round < 3000; ++round) {
            Cart cart(QUuid::createUuid(), currency("EUR"), PricingPolicy{});
            QVERIFY(cart.addProduct(product("A", "Item", qint64(m_random.bounded(1, 10'000'000)),
                                            "EUR", "19"))
                        .ok());
            const OrderHeader header{QUuid::createUuid(),
                                     *ReceiptNumber::make(u"S1", u"T1", round + 1), u"cashier"_s,
                                     QString(), at};
            const Result<Order> order = Order::place(cart, header, Actor{u"cashier"_s, {}});
            QVERIFY(order.ok());
            const int ways = int(m_random.bounded(1, 6));
            const Result<QList<Money>> parts = split(order->total(), ways);
            QVERIFY(parts.ok());
            QList<Tender> tenders;
            for (int i = 0; i < ways; ++i) {
                if (parts->at(i).isZero())
                    continue; // more ways than cents
                tenders.append(Tender{i % 2 ? TenderKind::Card : TenderKind::Cash, parts->at(i),
                                      QString(), false});
            }
            const Result<Order> paid = order->pay(tenders, Actor{u"cashier"_s, {}}, at);
            QVERIFY2(paid.ok(), qPrintable(paid.ok() ? QString() : paid.error().message));
            QCOMPARE(paid->tendered(), order->total());
            QCOMPARE(paid->change(), money(0, "EUR"));
        }
    }

private:
    quint32 m_seed = 0;
    QRandomGenerator m_random;
};

QTEST_GUILESS_MAIN(AllocationTest)
#include "tst_allocation.moc"
