// Card payments taken while the payment service cannot be reached: only within the till's
// limits per sale, in total not yet forwarded, and in age.

#include "store/offline_cards.h"
#include "store/order_store.h"
#include "store/outbox_store.h"
#include "store_fixture.h"

using namespace counterline;
using namespace counterline::store;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

class OfflineCardsTest : public QObject
{
    Q_OBJECT

private slots:
    void limitsAreKeptAndChecked()
    {
        StoreFixture f;
        const Result<OfflineCardLimits> defaults = OfflineCards::limits(*f.database);
        QVERIFY(defaults.ok());
        QCOMPARE(defaults->maxPerSaleMinor, 5000);
        QCOMPARE(defaults->maxTotalMinor, 30000);
        QCOMPARE(defaults->maxAgeHours, 24);
        QVERIFY(OfflineCards::allows(*f.database, euros(5000), f.clock.now()).ok());
        const Result<void> tooMuch = OfflineCards::allows(*f.database, euros(5001), f.clock.now());
        QVERIFY(!tooMuch.ok());
        QCOMPARE(tooMuch.error().code, u"offline.over_sale_limit"_s);
        QVERIFY(tooMuch.error().message.contains(u"50.00 EUR"_s));

        const Result<void> refused =
            OfflineCards::setLimits(*f.database, OfflineCardLimits{1000, 2000, 0});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"offline.bad_limits"_s);
        QCOMPARE(OfflineCards::limits(*f.database)->maxTotalMinor, 30000); // unchanged
    }

    void paymentsWaitingToBeForwardedCountTowardsTheTotal()
    {
        StoreFixture f;
        QVERIFY(OfflineCards::setLimits(*f.database, OfflineCardLimits{1000, 2500, 24}).ok());
        const QString first = sellWithOfflineCard(f, 1000);
        sellWithOfflineCard(f, 1000);
        const Result<OfflineCards::Outstanding> waiting = OfflineCards::outstanding(*f.database);
        QCOMPARE(waiting->totalMinor, 2000);
        QCOMPARE(waiting->count, 2);

        const Result<void> over = OfflineCards::allows(*f.database, euros(600), f.clock.now());
        QVERIFY(!over.ok());
        QCOMPARE(over.error().code, u"offline.over_total"_s);
        QVERIFY(OfflineCards::allows(*f.database, euros(500), f.clock.now()).ok());

        // Forwarded to the server: no longer waiting.
        const qint64 seq = f.count(
            u"SELECT seq FROM outbox WHERE order_id = '%1' AND kind = 'create'"_s.arg(first));
        QVERIFY(OutboxStore(*f.database, f.clock).markSent(seq, 201, u"1"_s, 2).ok());
        QCOMPARE(OfflineCards::outstanding(*f.database)->totalMinor, 1000);
        QVERIFY(OfflineCards::allows(*f.database, euros(600), f.clock.now()).ok());
    }

    void anOfflinePaymentWaitingTooLongStopsMore()
    {
        StoreFixture f;
        sellWithOfflineCard(f, 500);
        f.clock.advanceMs(23LL * 3600 * 1000);
        QVERIFY(OfflineCards::allows(*f.database, euros(500), f.clock.now()).ok());
        f.clock.advanceMs(2LL * 3600 * 1000);
        const Result<void> stale = OfflineCards::allows(*f.database, euros(500), f.clock.now());
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().code, u"offline.too_old"_s);
    }

private:
    static Money euros(qint64 minor) { return Money(minor, *Currency::fromCode(u"EUR"_s)); }

    // Brot ×2 and Wein (13.97): `cardMinor` by card taken offline, the rest in cash.
    static QString sellWithOfflineCard(StoreFixture &f, qint64 cardMinor)
    {
        const Cart cart = f.cart({{"BROT", 2}, {"WEIN", 1}});
        const Money total = cart.totals()->total;
        OrderStore orders(*f.database, f.clock, f.ids);
        f.clock.advanceMs(1000);
        const Result<CheckoutResult> sold = orders.checkout(
            cart, {u"cashier-1"_s,
                   QString(),
                   {Tender{TenderKind::Card, euros(cardMinor), u"tok_visa"_s, true},
                    Tender{TenderKind::Cash, euros(total.minorUnits() - cardMinor), {}, false}},
                   Actor{u"cashier-1"_s, {}}});
        if (!sold)
            qFatal("checkout failed: %s", qPrintable(sold.error().message));
        return sold->order.id().toString(QUuid::WithoutBraces);
    }
};

QTEST_GUILESS_MAIN(OfflineCardsTest)
#include "tst_offline_cards.moc"
