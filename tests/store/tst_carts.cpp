#include "store/cart_store.h"
#include "store_fixture.h"

using namespace counterline;
using namespace counterline::store;
using namespace counterline::testing;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class CartsTest : public QObject
{
    Q_OBJECT

private slots:
    void cartSurvivesReopening()
    {
        StoreFixture f;
        Cart cart = f.cart({{"BROT", 2}, {"WEIN", 1}});
        QVERIFY(cart.overridePrice(2, Money(799, cart.currency())).ok());
        QVERIFY(cart.setLineDiscount(1, *Discount::percent(u"10")).ok());
        QVERIFY(cart.setOrderDiscount(*Discount::amount(50)).ok());
        QVERIFY(CartStore(*f.database, f.clock).save(cart, u"cashier-1"_s).ok());
        const CartTotals before = *cart.totals();

        f.database.reset(); // the app goes away
        f.database = std::move(Database::open(f.path)).value();
        CartStore carts(*f.database, f.clock);
        const Result<std::optional<QUuid>> open = carts.openCart();
        QCOMPARE(*open, std::optional<QUuid>(cart.id()));
        const Result<Cart> loaded = carts.load(cart.id());
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->lines().size(), 2);
        QCOMPARE(loaded->lines()[1].unitPrice, Money(799, cart.currency()));
        QVERIFY(loaded->lines()[1].isPriceOverridden());
        QCOMPARE(loaded->lines()[0].discount, *Discount::percent(u"10"));
        QCOMPARE(loaded->orderDiscount(), *Discount::amount(50));
        QCOMPARE(loaded->totals()->total, before.total);
        QCOMPARE(loaded->totals()->tax, before.tax);
    }

    void savingReplacesTheLines()
    {
        StoreFixture f;
        CartStore carts(*f.database, f.clock);
        Cart cart = f.cart({{"BROT", 1}, {"MILCH", 1}});
        QVERIFY(carts.save(cart, u"cashier-1"_s).ok());
        QVERIFY(cart.voidLine(1).ok());
        QVERIFY(cart.setQuantity(2, 5).ok());
        QVERIFY(carts.save(cart, u"cashier-1"_s).ok());
        const Cart loaded = *carts.load(cart.id());
        QCOMPARE(loaded.lines().size(), 1);
        QCOMPARE(loaded.lines()[0].quantity, 5);
    }

    void parkAndResumeRecordWhoAndWhen()
    {
        StoreFixture f;
        CartStore carts(*f.database, f.clock);
        const Cart cart = f.cart({{"WEIN", 1}});
        QVERIFY(carts.save(cart, u"cashier-1"_s).ok());
        f.clock.advanceMs(60'000);
        QVERIFY(carts.park(cart.id(), u"cashier-1"_s).ok());
        QCOMPARE(*carts.openCart(), std::nullopt);
        const QList<ParkedCart> parked = *carts.parked();
        QCOMPARE(parked.size(), 1);
        QCOMPARE(parked[0].parkedBy, u"cashier-1"_s);
        QCOMPARE(parked[0].parkedAt, f.clock.now());
        QCOMPARE(parked[0].lineCount, 1);
        QCOMPARE(carts.park(cart.id(), u"cashier-1"_s).error().code, u"cart.wrong_state"_s);
        QVERIFY(carts.resume(cart.id()).ok());
        QCOMPARE(*carts.openCart(), std::optional<QUuid>(cart.id()));
        QVERIFY(carts.parked()->isEmpty());
    }

    void paidCartCannotChange()
    {
        StoreFixture f;
        CartStore carts(*f.database, f.clock);
        const Cart cart = f.cart({{"BROT", 1}});
        QVERIFY(carts.save(cart, u"cashier-1"_s).ok());
        QVERIFY(f.sell(cart).ok());
        QCOMPARE(carts.save(cart, u"cashier-1"_s).error().code, u"cart.closed"_s);
        QCOMPARE(*carts.openCart(), std::nullopt);
    }

    void purgeTakesOldCartsNeverOrders()
    {
        StoreFixture f;
        CartStore carts(*f.database, f.clock);
        const Cart abandoned = f.cart({{"BROT", 1}});
        const Cart sold = f.cart({{"MILCH", 1}});
        QVERIFY(carts.save(abandoned, u"cashier-1"_s).ok());
        QVERIFY(carts.save(sold, u"cashier-1"_s).ok());
        QVERIFY(f.sell(sold).ok());
        f.clock.advanceMs(std::chrono::milliseconds(48h).count());
        const Cart fresh = f.cart({{"WEIN", 1}});
        QVERIFY(carts.save(fresh, u"cashier-1"_s).ok());

        QCOMPARE(*carts.purgeStale(24h), 2);
        QCOMPARE(f.count(u"SELECT count(*) FROM carts"_s), 1);
        QCOMPARE(f.count(u"SELECT count(*) FROM cart_lines"_s), 1);
        QCOMPARE(f.count(u"SELECT count(*) FROM orders"_s), 1);
        QCOMPARE(f.count(u"SELECT count(*) FROM order_lines"_s), 1);
        QCOMPARE(carts.load(abandoned.id()).error().code, u"cart.not_found"_s);
    }
};

QTEST_GUILESS_MAIN(CartsTest)
#include "tst_carts.moc"
