#include "sqlkit/statement.h"
#include "store/cart_store.h"
#include "store/journal.h"
#include "store/order_record.h"
#include "store_fixture.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace counterline;
using namespace counterline::store;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

class CheckoutTest : public QObject
{
    Q_OBJECT

private slots:
    void checkoutWritesEverythingAtOnce()
    {
        StoreFixture f;
        const Cart cart = f.cart({{"BROT", 2}, {"WEIN", 1}});
        QVERIFY(CartStore(*f.database, f.clock).save(cart, u"cashier-1"_s).ok());

        const Result<CheckoutResult> sold = f.sell(cart);
        QVERIFY2(sold.ok(), qPrintable(sold.ok() ? QString() : sold.error().message));
        const QString id = sold->order.id().toString(QUuid::WithoutBraces);
        QCOMPARE(sold->order.receiptNumber().toString(), u"S1-T1-000001"_s);
        QCOMPARE(sold->order.status(), OrderStatus::Paid);

        const QVariantList key{id};
        auto countFor = [&](const QString &sql) {
            return sqlkit::selectValue(f.db(), sql, key)->toLongLong();
        };
        QCOMPARE(countFor(u"SELECT count(*) FROM orders WHERE id = ? AND status = 'PAID' AND "
                          "version = 2 AND total_minor = 1397"_s),
                 1);
        QCOMPARE(countFor(u"SELECT count(*) FROM order_lines WHERE order_id = ?"_s), 2);
        QCOMPARE(countFor(u"SELECT count(*) FROM tenders WHERE order_id = ?"_s), 1);
        QCOMPARE(countFor(u"SELECT count(*) FROM order_events WHERE order_id = ?"_s), 2);
        QCOMPARE(countFor(u"SELECT count(*) FROM outbox WHERE order_id = ? AND kind = 'create' "
                          "AND state = 'pending'"_s),
                 1);
        QCOMPARE(countFor(u"SELECT count(*) FROM journal WHERE order_id = ? AND kind = 'sale'"_s),
                 1);
        QCOMPARE(countFor(u"SELECT count(*) FROM carts WHERE order_id = ? AND status = 'closed'"_s),
                 1);
        QCOMPARE(*Catalog(*f.database).stockOnHand(u"BROT"_s), 98);
        QCOMPARE(*Catalog(*f.database).stockOnHand(u"WEIN"_s), 9);

        // The outbox row carries the idempotency key made at checkout and the frozen order.
        const QString storedKey =
            sqlkit::selectValue(f.db(), u"SELECT idempotency_key FROM outbox WHERE order_id = ?"_s,
                                key)
                ->toString();
        QCOMPARE(storedKey, sold->idempotencyKey.toString(QUuid::WithoutBraces));
        const QByteArray payloadText =
            sqlkit::selectValue(f.db(), u"SELECT payload FROM outbox WHERE order_id = ?"_s, key)
                ->toString()
                .toUtf8();
        const QJsonObject payload = QJsonDocument::fromJson(payloadText).object();
        QCOMPARE(payload.value(u"order"_s).toObject(),
                 QJsonDocument::fromJson(saleRecord(sold->order)).object());
        const QJsonObject journal = payload.value(u"journal"_s).toObject();
        QCOMPARE(journal.value(u"seq"_s).toInteger(), 1);
        QCOMPARE(journal.value(u"hash"_s).toString().toLatin1(), sold->journal.hash);
        QCOMPARE(journal.value(u"prev_hash"_s).toString().toLatin1(), sold->journal.prevHash);
        // Canonical: the stored text is what Qt writes for it, and it carries the journal's
        // record byte for byte.
        QCOMPARE(payloadText, QJsonDocument(payload).toJson(QJsonDocument::Compact));
        QVERIFY(payloadText.contains(sold->journal.record));

        // The journal entry hashes exactly the canonical record.
        QCOMPARE(sold->journal.record, saleRecord(sold->order));
        QCOMPARE(sold->journal.hash,
                 Journal::chainHash(Journal::genesisHash(), sold->journal.record));
    }

    void receiptNumbersAreGapless()
    {
        StoreFixture f;
        QStringList receipts;
        for (int i = 0; i < 5; ++i)
            receipts.append(f.sell(f.cart({{"MILCH", 1}}))->order.receiptNumber().toString());
        QCOMPARE(receipts, (QStringList{u"S1-T1-000001"_s, u"S1-T1-000002"_s, u"S1-T1-000003"_s,
                                        u"S1-T1-000004"_s, u"S1-T1-000005"_s}));
        // A failed checkout (tenders short) uses no number.
        OrderStore orders(*f.database, f.clock, f.ids);
        const Result<CheckoutResult> failed = orders.checkout(
            f.cart({{"MILCH", 1}}),
            {u"cashier-1"_s,
             {},
             {Tender{TenderKind::Cash, Money(1, *Currency::fromCode(u"EUR")), {}, false}},
             Actor{u"cashier-1"_s, {}}});
        QCOMPARE(failed.error().code, u"tender.insufficient"_s);
        QCOMPARE(f.sell(f.cart({{"MILCH", 1}}))->order.receiptNumber().toString(),
                 u"S1-T1-000006"_s);
        QCOMPARE(f.count(u"SELECT count(*) FROM orders"_s), 6);
    }

    void optimisticLockingRefusesStaleVersions()
    {
        StoreFixture f;
        const Result<CheckoutResult> sold = f.sell(f.cart({{"WEIN", 1}}));
        OrderStore orders(*f.database, f.clock, f.ids);
        const Actor manager{u"manager-1"_s, {}};
        const QUuid id = sold->order.id();

        QCOMPARE(*orders.applyEvent(id, 2, OrderEvent::Ship, manager), 3);
        // A second editor still holding version 2 is told, and nothing changes.
        const Result<int> stale = orders.applyEvent(id, 2, OrderEvent::Cancel, manager);
        QCOMPARE(stale.error().code, u"store.version_conflict"_s);
        QCOMPARE(f.count(u"SELECT version FROM orders"_s), 3);
        // Illegal events are refused by the domain before SQL is involved.
        QCOMPARE(orders.applyEvent(id, 3, OrderEvent::Refund, manager).error().code,
                 u"order.illegal_transition"_s);
        QCOMPARE(*orders.applyEvent(id, 3, OrderEvent::Deliver, manager), 4);
        QCOMPARE(f.count(u"SELECT count(*) FROM order_events"_s), 4);
        QCOMPARE(f.count(u"SELECT count(*) FROM outbox WHERE kind = 'event'"_s), 2);
        QCOMPARE(f.count(u"SELECT count(*) FROM journal"_s), 3);
        QVERIFY(Journal::verify(f.db())->ok());
    }

    // The disk fills during checkout: the caller gets the error, the cart is still there, and
    // nothing of the order was written.
    void fullDiskFailsCleanly()
    {
        StoreFixture f;
        CartStore carts(*f.database, f.clock);
        Cart cart = f.cart({{"BROT", 1}});
        // A long customer id makes the order need more pages than are left.
        QVERIFY(carts.save(cart, u"cashier-1"_s).ok());
        const qint64 pages = f.count(u"PRAGMA page_count"_s);
        QVERIFY(f.rawError(u"PRAGMA max_page_count = %1"_s.arg(pages)).isEmpty());

        OrderStore orders(*f.database, f.clock, f.ids);
        const Money total = cart.totals()->total;
        const Result<CheckoutResult> sold =
            orders.checkout(cart, {u"cashier-1"_s,
                                   QString(20000, u'x'),
                                   {Tender{TenderKind::Cash, total, {}, false}},
                                   Actor{u"cashier-1"_s, {}}});
        QVERIFY(!sold.ok());
        QCOMPARE(sold.error().code, u"sql.disk_full"_s);

        QCOMPARE(f.count(u"SELECT count(*) FROM orders"_s), 0);
        QCOMPARE(f.count(u"SELECT count(*) FROM order_lines"_s), 0);
        QCOMPARE(f.count(u"SELECT count(*) FROM outbox"_s), 0);
        QCOMPARE(f.count(u"SELECT count(*) FROM journal"_s), 0);
        QCOMPARE(f.count(u"SELECT next_receipt_seq FROM terminal"_s), 1);
        QCOMPARE(*Catalog(*f.database).stockOnHand(u"BROT"_s), 100);
        QCOMPARE(*carts.openCart(), std::optional<QUuid>(cart.id()));
        QCOMPARE(carts.load(cart.id())->lines().size(), 1);

        // Space comes back; the same cart sells.
        QVERIFY(f.rawError(u"PRAGMA max_page_count = 1000000"_s).isEmpty());
        QVERIFY(f.sell(cart).ok());
        QCOMPARE(sqlkit::selectValue(f.db(), u"PRAGMA integrity_check"_s)->toString(), u"ok"_s);
    }

    void cartFromAnotherCurrencyIsRefused()
    {
        StoreFixture f;
        Cart dollars(f.ids.next(), *Currency::fromCode(u"USD"), PricingPolicy{});
        QVERIFY(dollars
                    .addProduct(Product{u"X"_s,
                                        {},
                                        u"X"_s,
                                        Money(100, *Currency::fromCode(u"USD")),
                                        *TaxRate::fromPercentText(u"0")})
                    .ok());
        QCOMPARE(f.sell(dollars).error().code, u"checkout.cart_mismatch"_s);
        QCOMPARE(f.count(u"SELECT count(*) FROM orders"_s), 0);
    }
};

QTEST_GUILESS_MAIN(CheckoutTest)
#include "tst_checkout.moc"
