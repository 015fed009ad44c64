// A terminal's frozen outbox payload, mapped to the v1 wire by protocol/, is accepted by the
// real server as it stands: the server's recomputation of every line (discounts, tax-inclusive
// and tax-exclusive pricing) agrees with the terminal's, and a resend is a byte-identical replay.

#include "protocol/order_request.h"
#include "sqlkit/statement.h"
#include "store/sql.h"
#include "store/sync_cursors.h"
#include "tests/server/server_harness.h"
#include "tests/store/store_fixture.h"

#include <QJsonDocument>

using namespace counterline;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

class TerminalToServerTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { onBothDatabases(); }

    void discountedGermanSaleIsAccepted()
    {
        QFETCH_GLOBAL(QString, backend);
        ServerUnderTest server(backend);
        QVERIFY2(server.problem().isEmpty(), qPrintable(server.problem()));
        int code = -1;
        server.command({u"store"_s, u"add"_s, u"--id"_s, u"S1"_s, u"--name"_s, u"Mitte"_s,
                        u"--currency"_s, u"EUR"_s},
                       &code);
        QCOMPARE(code, 0);
        const QByteArray token = server.enroll(u"S1"_s, u"T1"_s);
        QVERIFY(server.start());

        StoreFixture terminal; // S1-T1, EUR, prices include tax
        Cart cart = terminal.cart({{"BROT", 3}, {"MILCH", 2}, {"WEIN", 1}});
        QVERIFY(cart.setLineDiscount(3, *Discount::percent(u"15")).ok());
        QVERIFY(cart.setOrderDiscount(*Discount::amount(77)).ok());
        const Result<store::CheckoutResult> sold = terminal.sell(cart);
        QVERIFY(sold.ok());
        sendAndCompare(server, terminal, token, sold->order.total().minorUnits());
    }

    void usTaxExclusiveSaleIsAccepted()
    {
        QFETCH_GLOBAL(QString, backend);
        ServerUnderTest server(backend);
        QVERIFY2(server.problem().isEmpty(), qPrintable(server.problem()));
        int code = -1;
        server.command({u"store"_s, u"add"_s, u"--id"_s, u"NY1"_s, u"--name"_s, u"Deli"_s,
                        u"--currency"_s, u"USD"_s, u"--prices-exclude-tax"_s},
                       &code);
        QCOMPARE(code, 0);
        const QByteArray token = server.enroll(u"NY1"_s, u"T1"_s);
        QVERIFY(server.start());

        QTemporaryDir dir;
        ManualClock clock(QDateTime(QDate(2026, 11, 24), QTime(14, 0), Qt::UTC));
        Uuid7Source ids(clock, 3);
        auto database =
            std::move(store::Database::open(store::Database::fileIn(dir.path()))).value();
        const Currency usd = *Currency::fromCode(u"USD");
        QVERIFY(store::TerminalSettings::initialise(
                    database->connection(),
                    {u"NY1"_s, u"T1"_s, usd,
                     PricingPolicy{TaxMode::PricesExcludeTax, RoundingRule::HalfUp}},
                    clock.now())
                    .ok());
        Cart cart(ids.next(), usd, PricingPolicy{TaxMode::PricesExcludeTax, RoundingRule::HalfUp});
        const TaxRate nyc = *TaxRate::fromPercentText(u"8.875");
        QVERIFY(cart.addProduct({u"B1"_s, {}, u"Bagel"_s, Money(350, usd), nyc}, 2).ok());
        QVERIFY(cart.addProduct({u"S1"_s, {}, u"Sandwich"_s, Money(1199, usd), nyc}).ok());
        QVERIFY(cart.setOrderDiscount(*Discount::percent(u"10")).ok());
        store::OrderStore orders(*database, clock, ids);
        const Money total = cart.totals()->total;
        const auto sold = orders.checkout(
            cart,
            {u"sam"_s, {}, {Tender{TenderKind::Card, total, u"A9"_s, false}}, Actor{u"sam"_s, {}}});
        QVERIFY(sold.ok());
        const QByteArray payload =
            sqlkit::selectValue(database->connection(), u"SELECT payload FROM outbox"_s)
                ->toString()
                .toUtf8();
        const QByteArray key =
            sqlkit::selectValue(database->connection(), u"SELECT idempotency_key FROM outbox"_s)
                ->toString()
                .toLatin1();
        const Result<QByteArray> body = protocol::orderRequestBody(payload);
        QVERIFY(body.ok());
        QNetworkAccessManager network;
        const HttpAnswer answer =
            http(network, "POST", server.url(u"/v1/orders"_s), token, key, *body);
        QVERIFY2(answer.status == 201, answer.body.constData());
        QCOMPARE(answer.json().value(u"total"_s).toInteger(), total.minorUnits());
    }

    // A till that pulled its catalog sends the catalog's number with each new sale (frozen in the
    // outbox at checkout); the server keeps it and compares the lines with that catalog: the
    // till's own figures raise nothing, though the catalog changed since.
    void aSaleCarriesTheCatalogItWasPricedFrom()
    {
        QFETCH_GLOBAL(QString, backend);
        ServerUnderTest server(backend);
        QVERIFY2(server.problem().isEmpty(), qPrintable(server.problem()));
        QVERIFY(server.addStore(u"S1"_s));
        QVERIFY(server.importCatalog(kSmallCatalog, u"S1"_s));
        const QByteArray token = server.enroll(u"S1"_s, u"T1"_s);
        QVERIFY(server.start());
        StoreFixture terminal;
        const qint64 version = server.count(u"SELECT max(change_seq) FROM price_history"_s);
        QVERIFY(store::SyncCursors::save(terminal.db(), store::SyncCursors::kCatalog,
                                         QString::number(version), terminal.clock.now())
                    .ok());
        // Head office raises the price of bread after the till's last pull.
        QVERIFY(server.importCatalog("sku,barcode,name,price,currency,tax_rate\r\n"
                                     "BROT,4000000000013,Brot,2.79,EUR,7\r\n"));
        QVERIFY(terminal.sell(terminal.cart({{"BROT", 2}})).ok());
        const QByteArray payload =
            sqlkit::selectValue(terminal.db(), u"SELECT payload FROM outbox"_s)
                ->toString()
                .toUtf8();
        const QJsonObject body =
            QJsonDocument::fromJson(*protocol::orderRequestBody(payload)).object();
        QCOMPARE(body.value(u"catalog_version"_s).toInteger(), version);
        sendAndCompare(server, terminal, token, 498);
        QCOMPARE(server.count(u"SELECT catalog_version FROM orders"_s), version);
        QCOMPARE(server.count(u"SELECT count(*) FROM follow_ups"_s), 0);
    }

private:
    void sendAndCompare(ServerUnderTest &server, StoreFixture &terminal, const QByteArray &token,
                        qint64 expectedTotal)
    {
        const QByteArray payload =
            sqlkit::selectValue(terminal.db(), u"SELECT payload FROM outbox"_s)
                ->toString()
                .toUtf8();
        const QByteArray key =
            sqlkit::selectValue(terminal.db(), u"SELECT idempotency_key FROM outbox"_s)
                ->toString()
                .toLatin1();
        const Result<QByteArray> body = protocol::orderRequestBody(payload);
        QVERIFY(body.ok());
        QCOMPARE(*protocol::orderRequestBody(payload), *body); // deterministic

        QNetworkAccessManager network;
        const HttpAnswer first =
            http(network, "POST", server.url(u"/v1/orders"_s), token, key, *body);
        QVERIFY2(first.status == 201, first.body.constData());
        QCOMPARE(first.json().value(u"total"_s).toInteger(), expectedTotal);
        const HttpAnswer again =
            http(network, "POST", server.url(u"/v1/orders"_s), token, key, *body);
        QCOMPARE(again.status, 201);
        QCOMPARE(again.body, first.body);
    }
};

QTEST_GUILESS_MAIN(TerminalToServerTest)
#include "tst_terminal_to_server.moc"
