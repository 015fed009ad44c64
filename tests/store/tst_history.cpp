#include "store/order_history.h"
#include "store_fixture.h"

using namespace counterline;
using namespace counterline::store;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

QString queryPlan(const QSqlDatabase &db, const OrderHistory::Statement &statement)
{
    QSqlQuery query(db);
    query.prepare(u"EXPLAIN QUERY PLAN "_s + statement.sql);
    for (const QVariant &value : statement.values)
        query.addBindValue(value);
    if (!query.exec())
        return u"error: "_s + query.lastError().text();
    QStringList lines;
    while (query.next())
        lines.append(query.value(3).toString());
    return lines.join(u" | "_s);
}

} // namespace

class HistoryTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<StoreFixture>();
        StoreFixture &f = *m_fixture;
        // 30 sales over 30 minutes by two cashiers; every third includes wine; some ship.
        for (int i = 0; i < 30; ++i) {
            Cart cart =
                i % 3 == 0 ? f.cart({{"WEIN", 1}, {"BROT", 1}}) : f.cart({{"MILCH", 1 + i}});
            store::OrderStore orders(*f.database, f.clock, f.ids);
            f.clock.advanceMs(60'000);
            const Money total = cart.totals()->total;
            const QString cashier = i % 2 ? u"anna"_s : u"ben"_s;
            const QString customer = i % 5 == 0 ? u"C-%1"_s.arg(i) : QString();
            const Result<CheckoutResult> sold =
                orders.checkout(cart, {cashier,
                                       customer,
                                       {Tender{TenderKind::Cash, total, {}, false}},
                                       Actor{cashier, {}}});
            QVERIFY(sold.ok());
            if (i % 4 == 0)
                QVERIFY(orders.applyEvent(sold->order.id(), 2, OrderEvent::Ship, Actor{cashier, {}})
                            .ok());
        }
    }
    void cleanupTestCase() { m_fixture.reset(); }

    void pagesWalkEverythingNewestFirstWithoutRepeats()
    {
        OrderHistory history(*m_fixture->database);
        std::optional<HistoryCursor> cursor;
        QStringList seen;
        QString previousReceipt = u"S1-T1-999999"_s;
        int pages = 0;
        do {
            const Result<OrderPage> page = history.page({}, cursor, 7);
            QVERIFY(page.ok());
            for (const OrderSummary &order : page->orders) {
                QVERIFY(!seen.contains(order.id));
                QVERIFY(order.receiptNumber < previousReceipt); // newest first
                previousReceipt = order.receiptNumber;
                seen.append(order.id);
            }
            cursor = page->next;
            ++pages;
        } while (cursor);
        QCOMPARE(seen.size(), 30);
        QCOMPARE(pages, 5); // 7 + 7 + 7 + 7 + 2
    }

    void filters_data()
    {
        QTest::addColumn<OrderFilter>("filter");
        QTest::addColumn<int>("expected");
        const QDateTime start = QDateTime(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);
        OrderFilter range;
        range.from = start.addSecs(10 * 60 + 1); // after sale 10's minute
        range.to = start.addSecs(20 * 60 + 30);
        QTest::newRow("date range") << range << 10;
        OrderFilter shipped;
        shipped.status = OrderStatus::Shipped;
        QTest::newRow("status") << shipped << 8;
        OrderFilter cashier;
        cashier.cashierId = u"anna"_s;
        QTest::newRow("cashier") << cashier << 15;
        OrderFilter customer;
        customer.customerId = u"C-10"_s;
        QTest::newRow("customer") << customer << 1;
        OrderFilter receipt;
        receipt.receiptNumber = u"S1-T1-000007"_s;
        QTest::newRow("receipt number") << receipt << 1;
        OrderFilter sku;
        sku.sku = u"WEIN"_s;
        QTest::newRow("sku") << sku << 10;
        OrderFilter amount;
        amount.minTotalMinor = 119 * 5;
        amount.maxTotalMinor = 119 * 10;
        // MILCH x5, x6, x8, x9 and the ten wine-and-bread sales at 11.48.
        QTest::newRow("amount range") << amount << 14;
        OrderFilter combined;
        combined.cashierId = u"ben"_s;
        combined.sku = u"WEIN"_s;
        QTest::newRow("cashier and sku") << combined << 5;
    }
    void filters()
    {
        QFETCH(OrderFilter, filter);
        QFETCH(int, expected);
        const Result<OrderPage> page = OrderHistory(*m_fixture->database).page(filter, {}, 100);
        QVERIFY(page.ok());
        QCOMPARE(page->orders.size(), expected);
        QVERIFY(!page->next);
    }

    // Each filter, on the first page and on a deep keyset page, is answered through an index:
    // SQLite's plan searches an index and never scans the orders table itself.
    void everyFilterUsesAnIndex_data() { filters_data(); }
    void everyFilterUsesAnIndex()
    {
        QFETCH(OrderFilter, filter);
        const HistoryCursor deep{u"2026-11-24T09:15:00.000Z"_s, u"ffffffff"_s};
        for (const auto &cursor : {std::optional<HistoryCursor>(), std::optional(deep)}) {
            const QString plan =
                queryPlan(m_fixture->db(), OrderHistory::pageStatement(filter, cursor, 50));
            QVERIFY2(plan.contains(u"USING INDEX"_s) || plan.contains(u"USING COVERING INDEX"_s),
                     qPrintable(plan));
            QVERIFY2(!plan.contains(u"SCAN o"_s) || plan.contains(u"SCAN o USING"_s),
                     qPrintable(plan));
            QVERIFY2(!plan.contains(u"SCAN l"_s), qPrintable(plan));
        }
    }

    void noFilterWalksTheDateIndexWithoutSorting()
    {
        const QString plan = queryPlan(m_fixture->db(), OrderHistory::pageStatement({}, {}, 50));
        QVERIFY2(plan.contains(u"orders_by_created"_s), qPrintable(plan));
        QVERIFY2(!plan.contains(u"TEMP B-TREE"_s), qPrintable(plan));
    }

private:
    std::unique_ptr<StoreFixture> m_fixture;
};

QTEST_GUILESS_MAIN(HistoryTest)
#include "tst_history.moc"
