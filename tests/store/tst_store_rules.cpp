// The database's own defence: raw SQL that breaks the rules is refused by triggers, whatever
// program sends it.

#include "domain/order_state_machine.h"
#include "sqlkit/statement.h"
#include "store_fixture.h"

using namespace counterline;
using namespace counterline::store;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

class StoreRulesTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_fixture = std::make_unique<StoreFixture>();
        const Result<CheckoutResult> sold = m_fixture->sell(m_fixture->cart({{"BROT", 2}}));
        QVERIFY(sold.ok());
        m_orderId = sold->order.id().toString(QUuid::WithoutBraces);
    }
    void cleanup() { m_fixture.reset(); }

    void transitionTableMatchesTheDomain()
    {
        QSet<QString> database;
        QSqlQuery query(m_fixture->db());
        QVERIFY(query.exec(u"SELECT from_status, event, to_status FROM order_transitions"_s));
        while (query.next()) {
            database.insert(query.value(0).toString() + u' ' + query.value(1).toString() + u' ' +
                            query.value(2).toString());
        }
        QSet<QString> domain;
        for (const OrderTransition &t : kOrderTransitions) {
            domain.insert(orderStatusName(t.from) + u' ' + orderEventName(t.event) + u' ' +
                          orderStatusName(t.to));
        }
        QCOMPARE(database, domain);
        QVERIFY(m_fixture
                    ->rawError(u"INSERT INTO order_transitions VALUES ('REFUNDED', 'Ship', "
                               "'SHIPPED')"_s)
                    .contains(u"fixed by migrations"_s));
    }

    void rawEditsAreRejected_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("message");
        QTest::newRow("edit a line")
            << u"UPDATE order_lines SET quantity = 1"_s << u"order_lines are immutable"_s;
        QTest::newRow("delete a line")
            << u"DELETE FROM order_lines"_s << u"order_lines are immutable"_s;
        QTest::newRow("add a line after payment")
            << u"INSERT INTO order_lines SELECT order_id, 9, sku, name, unit_price_minor, "
               "quantity, tax_rate_ppm, discount_minor, net_minor, tax_minor, total_minor, NULL "
               "FROM order_lines LIMIT 1"_s
            << u"only while the order is CREATED"_s;
        QTest::newRow("edit a tender")
            << u"UPDATE tenders SET amount_minor = 1"_s << u"tenders are immutable"_s;
        QTest::newRow("delete an event")
            << u"DELETE FROM order_events"_s << u"order_events are immutable"_s;
        QTest::newRow("edit an event")
            << u"UPDATE order_events SET actor_id = 'someone'"_s << u"order_events are immutable"_s;
        QTest::newRow("edit the journal")
            << u"UPDATE journal SET record = '{}'"_s << u"journal entries are immutable"_s;
        QTest::newRow("delete the journal")
            << u"DELETE FROM journal"_s << u"journal entries are immutable"_s;
        QTest::newRow("delete an order")
            << u"DELETE FROM orders"_s << u"orders are never deleted"_s;
        QTest::newRow("change a total")
            << u"UPDATE orders SET total_minor = 1"_s << u"only status, version"_s;
        QTest::newRow("change the receipt")
            << u"UPDATE orders SET receipt_no = 'S1-T1-000099'"_s << u"only status, version"_s;
        QTest::newRow("skip a version")
            << u"UPDATE orders SET version = version + 2"_s << u"version must rise by exactly 1"_s;
        QTest::newRow("status without version")
            << u"UPDATE orders SET status = 'COMPLETED'"_s << u"version must rise by exactly 1"_s;
        QTest::newRow("status without event")
            << u"UPDATE orders SET status = 'COMPLETED', version = version + 1"_s
            << u"illegal status transition"_s;
        QTest::newRow("illegal event")
            << u"INSERT INTO order_events SELECT id, 3, 'Refund', 'PAID', 'REFUNDED', 'x', NULL, "
               "'2026-11-24T10:00:00.000Z' FROM orders"_s
            << u"order_events: illegal transition"_s;
        QTest::newRow("event on a stale version")
            << u"INSERT INTO order_events SELECT id, 7, 'Ship', 'PAID', 'SHIPPED', 'x', NULL, "
               "'2026-11-24T10:00:00.000Z' FROM orders"_s
            << u"must follow the order's current version"_s;
        QTest::newRow("journal out of sequence")
            << u"INSERT INTO journal SELECT 5, order_id, 'event', '{}', hash, 'x', at FROM journal"_s
            << u"appended in sequence"_s;
        QTest::newRow("journal with a forged link")
            << u"INSERT INTO journal SELECT 2, order_id, 'event', '{}', 'beef', 'x', at FROM journal"_s
            << u"prev_hash must be the hash"_s;
        QTest::newRow("regenerate an idempotency key")
            << u"UPDATE outbox SET idempotency_key = 'new'"_s << u"never change"_s;
        QTest::newRow("drop an outbox row")
            << u"DELETE FROM outbox"_s << u"outbox rows are never deleted"_s;
    }
    void rawEditsAreRejected()
    {
        QFETCH(QString, sql);
        QFETCH(QString, message);
        const QString error = m_fixture->rawError(sql);
        QVERIFY2(error.contains(message), qPrintable(u"got: "_s + error));
    }

    // SHIPPED back to CREATED, even with a well-formed event row and version, is refused.
    void shippedCannotGoBackToCreated()
    {
        QVERIFY(m_fixture
                    ->rawError(u"INSERT INTO order_events SELECT id, 3, 'Ship', 'PAID', 'SHIPPED', "
                               "'x', NULL, '2026-11-24T10:00:00.000Z' FROM orders"_s)
                    .isEmpty());
        QVERIFY(
            m_fixture->rawError(u"UPDATE orders SET status = 'SHIPPED', version = 3"_s).isEmpty());
        QVERIFY(m_fixture
                    ->rawError(u"INSERT INTO order_events SELECT id, 4, 'Cancel', 'SHIPPED', "
                               "'CREATED', 'x', NULL, '2026-11-24T10:00:00.000Z' FROM orders"_s)
                    .contains(u"illegal transition"_s));
        QVERIFY(m_fixture->rawError(u"UPDATE orders SET status = 'CREATED', version = 4"_s)
                    .contains(u"illegal status transition"_s));
        QCOMPARE(sqlkit::selectValue(m_fixture->db(), u"SELECT status FROM orders"_s)->toString(),
                 u"SHIPPED"_s);
    }

    void syncColumnsMayChange()
    {
        QVERIFY(m_fixture
                    ->rawError(u"UPDATE orders SET sync_state = 'synced', server_order_no = 'N1', "
                               "server_version = 2, synced_at = '2026-11-24T10:00:00.000Z'"_s)
                    .isEmpty());
        QVERIFY(m_fixture->rawError(u"UPDATE outbox SET state = 'sent', attempts = 1"_s).isEmpty());
    }

private:
    std::unique_ptr<StoreFixture> m_fixture;
    QString m_orderId;
};

QTEST_GUILESS_MAIN(StoreRulesTest)
#include "tst_store_rules.moc"
