#include "sqlkit/statement.h"
#include "store/outbox_store.h"
#include "store_fixture.h"

using namespace counterline;
using namespace counterline::store;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

QList<QString> kinds(const QList<OutboxEntry> &entries)
{
    QList<QString> result;
    for (const OutboxEntry &entry : entries)
        result.append(entry.kind + u':' + entry.orderId.left(8));
    return result;
}

} // namespace

class OutboxTest : public QObject
{
    Q_OBJECT

private slots:
    void entriesOfAnOrderGoInOrderAndOthersAreNotBlocked()
    {
        StoreFixture f;
        const auto first = f.sell(f.cart({{"BROT", 1}}));
        const auto second = f.sell(f.cart({{"MILCH", 1}}));
        const QString one = first->order.id().toString(QUuid::WithoutBraces);
        const QString two = second->order.id().toString(QUuid::WithoutBraces);
        OrderStore orders(*f.database, f.clock, f.ids);
        QVERIFY(orders.applyEvent(first->order.id(), 2, OrderEvent::Ship, Actor{u"m"_s, {}}).ok());

        OutboxStore outbox(*f.database, f.clock);
        QList<OutboxEntry> due = *outbox.due(10);
        // The Ship event waits behind its order's create.
        QCOMPARE(kinds(due),
                 (QList<QString>{u"create:"_s + one.left(8), u"create:"_s + two.left(8)}));
        QCOMPARE(due[0].idempotencyKey, first->idempotencyKey.toString(QUuid::WithoutBraces));

        QVERIFY(outbox.markSent(due[0].seq, 201, u"1001"_s, 2).ok());
        due = *outbox.due(10);
        QCOMPARE(kinds(due),
                 (QList<QString>{u"create:"_s + two.left(8), u"event:"_s + one.left(8)}));
        // Order one is not synced yet (its event is pending) but knows its server number.
        QCOMPARE(sqlkit::selectValue(f.db(),
                                     u"SELECT sync_state || '/' || server_order_no FROM orders "
                                     "WHERE id = ?"_s,
                                     {one})
                     ->toString(),
                 u"pending/1001"_s);

        // A retry later: not due until its time has come.
        QVERIFY(
            outbox.recordRetry(due[0].seq, 503, u"Service Unavailable"_s, f.clock.now().addSecs(60))
                .ok());
        QCOMPARE(kinds(*outbox.due(10)), (QList<QString>{u"event:"_s + one.left(8)}));
        f.clock.advanceMs(61'000);
        QCOMPARE(outbox.due(10)->size(), 2);
        QCOMPARE(outbox.due(10)->first().attempts, 1);

        // Set aside for a person: blocks nothing of the other order.
        const qint64 eventSeq = outbox.due(10)->last().seq;
        QVERIFY(outbox.markNeedsAttention(eventSeq, 422, u"order.illegal_transition"_s).ok());
        QCOMPARE(kinds(*outbox.due(10)), (QList<QString>{u"create:"_s + two.left(8)}));
        QCOMPARE(sqlkit::selectValue(f.db(), u"SELECT sync_state FROM orders WHERE id = ?"_s, {one})
                     ->toString(),
                 u"needs_attention"_s);

        QVERIFY(outbox.markSent(outbox.due(10)->first().seq, 201, u"1002"_s, 2).ok());
        QCOMPARE(sqlkit::selectValue(f.db(), u"SELECT sync_state FROM orders WHERE id = ?"_s, {two})
                     ->toString(),
                 u"synced"_s);
        QCOMPARE(outbox.markSent(due[0].seq, 201, u"x"_s, 2).error().code, u"outbox.not_pending"_s);

        const SyncStatus status = *outbox.status();
        QCOMPARE(status.pending, 0);
        QCOMPARE(status.needsAttention, 1);
        QVERIFY(!status.oldestPending);
        QCOMPARE(status.lastSuccess, std::optional(f.clock.now()));
        QCOMPARE(status.lastError, u"order.illegal_transition"_s);
    }

    void statusCountsPending()
    {
        StoreFixture f;
        for (int i = 0; i < 3; ++i)
            QVERIFY(f.sell(f.cart({{"WEIN", 1}})).ok());
        OutboxStore outbox(*f.database, f.clock);
        const SyncStatus status = *outbox.status();
        QCOMPARE(status.pending, 3);
        QCOMPARE(status.needsAttention, 0);
        QVERIFY(status.oldestPending.has_value());
        QVERIFY(*status.oldestPending < f.clock.now());
        QVERIFY(!status.lastSuccess);
        QCOMPARE(outbox.due(2)->size(), 2);
    }
};

QTEST_GUILESS_MAIN(OutboxTest)
#include "tst_outbox.moc"
