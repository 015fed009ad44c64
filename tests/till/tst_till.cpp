// The Till as the cashier uses it, without a window: scans with a quantity, the current line
// through edits, parked carts newest first, the sale and finding it again by its receipt.

#include "tests/store/store_fixture.h"
#include "till/till.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace counterline;
using namespace counterline::testing;

class TillTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_terminal = std::make_unique<StoreFixture>();
        store::UserStore users(*m_terminal->database, m_terminal->clock, m_terminal->ids);
        m_anna = *users.add(u"Anna"_s, u"cashier"_s, u"1234"_s);
        m_till = std::make_unique<till::Till>(*m_terminal->database, m_terminal->clock,
                                              m_terminal->ids, QUrl());
    }

    void cleanup()
    {
        m_till.reset();
        m_terminal.reset();
    }

    void nothingIsSoldBeforeAShiftIsOpen()
    {
        QCOMPARE(m_till->scan(u"BROT"_s).error().code, u"till.logged_out"_s);
        QCOMPARE(*m_till->logIn(m_anna), false); // the float is counted first
        QCOMPARE(m_till->scan(u"BROT"_s).error().code, u"till.no_shift"_s);
        QCOMPARE(m_till->park().error().code, u"till.no_shift"_s);
        QVERIFY(m_till->cart().isEmpty());
        QVERIFY(m_till->openShift(euro(10000)).ok());
        QVERIFY(m_till->scan(u"BROT"_s).ok());
    }

    void aQuantityBeforeTheScan()
    {
        openShift();
        QCOMPARE(*m_till->scan(u"3*4000000000013"_s), 0);
        QCOMPARE(m_till->cart().lines().first().quantity, 3);
        QCOMPARE(m_till->pendingQuantity(), 1);

        // "2*" alone waits for the next scan, which it then multiplies.
        QSignalSpy changed(m_till.get(), &till::Till::cartChanged);
        QCOMPARE(m_till->scan(u"2*"_s).error().code, u"till.quantity_waiting"_s);
        QCOMPARE(m_till->pendingQuantity(), 2);
        QCOMPARE(changed.size(), 1); // the window shows what waits
        QVERIFY(m_till->scan(u"WEIN"_s).ok());
        QCOMPARE(m_till->cart().lines().last().quantity, 2);
        QCOMPARE(m_till->pendingQuantity(), 1);

        // Out of bounds, unknown, or several: said, and the cart is as it was.
        const qsizetype lines = m_till->cart().lines().size();
        QCOMPARE(m_till->scan(u"0*BROT"_s).error().code, u"till.bad_quantity"_s);
        QCOMPARE(m_till->scan(u"10000*BROT"_s).error().code, u"till.bad_quantity"_s);
        QCOMPARE(m_till->scan(u"4999999999999"_s).error().code, u"till.unknown_code"_s);
        QCOMPARE(m_till->cart().lines().size(), lines);
        QCOMPARE(m_till->cart().lines().last().quantity, 2);
        QCOMPARE(m_till->pendingQuantity(), 1);
        // A search that finds exactly one product adds it: "mil" is only Milch.
        QCOMPARE(*m_till->scan(u"mil"_s), 2);
        QCOMPARE(m_till->cart().lines().last().sku, u"MILCH"_s);
    }

    void theCurrentLineSurvivesEdits()
    {
        openShift();
        for (const QString &sku : {u"BROT"_s, u"MILCH"_s, u"WEIN"_s})
            QVERIFY(m_till->scan(sku).ok());
        QCOMPARE(m_till->currentRow(), 2); // the line just scanned
        m_till->moveSelection(-1);
        m_till->moveSelection(-1);
        m_till->moveSelection(-1); // stops at the first line
        QCOMPARE(m_till->currentRow(), 0);
        QVERIFY(m_till->setQuantity(4).ok());
        QCOMPARE(m_till->currentRow(), 0);
        QCOMPARE(m_till->cart().lines().first().quantity, 4);
        QVERIFY(!m_till->setQuantity(0).ok()); // refused: nothing changes
        QCOMPARE(m_till->cart().lines().first().quantity, 4);
        QVERIFY(m_till->setDiscount(*Discount::percent(u"10")).ok());
        QCOMPARE(m_till->currentRow(), 0);

        // Voiding hands the selection to the line that took its place, then to the new last.
        m_till->moveSelection(+1);
        QVERIFY(m_till->voidLine().ok());
        QCOMPARE(m_till->cart().lines().size(), 2);
        QCOMPARE(m_till->currentRow(), 1);
        QCOMPARE(m_till->cart().lines()[1].sku, u"WEIN"_s);
        QVERIFY(m_till->voidLine().ok());
        QCOMPARE(m_till->currentRow(), 0);
        QCOMPARE(m_till->cart().lines()[0].sku, u"BROT"_s);
        QVERIFY(m_till->voidLine().ok());
        QCOMPARE(m_till->currentRow(), -1);
        QCOMPARE(m_till->voidLine().error().code, u"till.no_line"_s);
    }

    void parkedCartsComeBackNewestFirst()
    {
        openShift();
        QSignalSpy counted(m_till.get(), &till::Till::parkedCountChanged);
        QVERIFY(m_till->scan(u"BROT"_s).ok());
        QVERIFY(m_till->park().ok());
        m_terminal->clock.advanceMs(60'000);
        QVERIFY(m_till->scan(u"2*WEIN"_s).ok());
        QVERIFY(m_till->scan(u"MILCH"_s).ok());
        QVERIFY(m_till->park().ok());
        QCOMPARE(counted.size(), 2);
        QCOMPARE(*m_till->parkedCount(), 2);
        QCOMPARE(m_till->park().error().code, u"till.empty_cart"_s);

        const QList<till::ParkedSale> parked = *m_till->parkedSales();
        QCOMPARE(parked.size(), 2);
        QCOMPARE(parked[0].lineCount, 2); // the newest: Wein ×2 and Milch
        QCOMPARE(parked[0].total->minorUnits(), 2 * 899 + 119);
        QCOMPARE(parked[0].parkedBy, u"Anna"_s);
        QCOMPARE(parked[1].lineCount, 1);
        QCOMPARE(parked[1].total->minorUnits(), 249);
        QVERIFY(parked[0].parkedAt > parked[1].parkedAt);

        // Resuming the older one while a customer's cart is open parks that cart in its place.
        QVERIFY(m_till->scan(u"MILCH"_s).ok());
        const till::Resumed resumed = *m_till->resume(parked[1].id);
        QVERIFY(resumed.parkedTheOpenCart);
        QCOMPARE(m_till->cart().lines().first().sku, u"BROT"_s);
        QCOMPARE(*m_till->parkedCount(), 2);
        QCOMPARE(m_till->resume(parked[1].id).error().code, u"till.not_parked"_s);

        // An empty cart is not parked when another comes back.
        QVERIFY(m_till->voidLine().ok());
        QVERIFY(!m_till->resume(parked[0].id)->parkedTheOpenCart);
        QCOMPARE(*m_till->parkedCount(), 1);
    }

    void aSaleIsPaidFoundAndItsCartRestartsEmpty()
    {
        openShift();
        QVERIFY(m_till->scan(u"BROT"_s).ok());
        QVERIFY(m_till->scan(u"WEIN"_s).ok());
        const QUuid cartId = m_till->cart().id();
        QCOMPARE(m_till->checkout({Tender{TenderKind::Cash, euro(500), {}, false}}).error().code,
                 u"tender.insufficient"_s);
        QCOMPARE(m_till->cart().id(), cartId); // nothing written, the cart is still here

        const till::CompletedSale sale =
            *m_till->checkout({Tender{TenderKind::Cash, euro(2000), {}, false}});
        QCOMPARE(sale.order.total().minorUnits(), 1148);
        QCOMPARE(sale.order.change().minorUnits(), 852);
        QCOMPARE(sale.journal.seq, 1);
        QVERIFY(m_till->cart().isEmpty());
        QVERIFY(m_till->cart().id() != cartId);
        QCOMPARE(m_till->lastSale()->receiptNumber, u"S1-T1-000001"_s);

        const till::SaleToReturn found = *m_till->findSale(u" S1-T1-000001 "_s);
        QCOMPARE(found.event, OrderEvent::Cancel);
        QCOMPARE(found.cashier, u"Anna"_s);
        QCOMPARE(found.total.minorUnits(), 1148);
        QCOMPARE(m_till->findSale(u"S1-T1-000999"_s).error().code, u"till.no_such_receipt"_s);
        QCOMPARE(m_terminal->count(u"SELECT count(*) FROM orders WHERE status = 'PAID'"_s), 1);
    }

    // The till stops without a goodbye; the cart it had comes back at the next log-in.
    void theOpenCartSurvivesARestart()
    {
        openShift();
        QVERIFY(m_till->scan(u"3*BROT"_s).ok());
        m_till.reset();
        m_till = std::make_unique<till::Till>(*m_terminal->database, m_terminal->clock,
                                              m_terminal->ids, QUrl());
        QCOMPARE(*m_till->logIn(m_anna), true);
        QCOMPARE(m_till->cart().lines().size(), 1);
        QCOMPARE(m_till->cart().lines().first().quantity, 3);
        QCOMPARE(m_till->currentRow(), 0);
    }

private:
    static Money euro(qint64 cents) { return Money(cents, *Currency::fromCode(u"EUR")); }

    void openShift()
    {
        QCOMPARE(*m_till->logIn(m_anna), false);
        QVERIFY(m_till->openShift(euro(10000)).ok());
        QVERIFY(m_till->shift().has_value());
    }

    std::unique_ptr<StoreFixture> m_terminal;
    std::unique_ptr<till::Till> m_till;
    store::User m_anna;
};

QTEST_MAIN(TillTest)
#include "tst_till.moc"
