// Partial returns from the till to the real server, on SQLite and PostgreSQL: the outbox sends a
// return after everything of its sale, the server checks it against the sale it holds (shares,
// quantities left, store, status), restocks, and refuses to cancel or fully refund a partly
// returned sale.

#include "protocol/order_request.h"
#include "sqlkit/statement.h"
#include "store/outbox_store.h"
#include "store/return_source.h"
#include "store/sql.h"
#include "sync/outbox_sender.h"
#include "tests/server/server_harness.h"
#include "tests/store/store_fixture.h"
#include "tests/sync/one_pass.h"

#include <QSignalSpy>

using namespace counterline;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

const Actor kManager{u"anna"_s, u"mia"_s};

QString idOf(const Order &order)
{
    return order.id().toString(QUuid::WithoutBraces);
}

} // namespace

class ReturnsToServerTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { onBothDatabases(); }

    void init()
    {
        m_server = serverForThisRow();
        QVERIFY2(m_server->problem().isEmpty(), qPrintable(m_server->problem()));
        QVERIFY(m_server->addStore(u"S1"_s));
        QVERIFY(m_server->addStore(u"S2"_s));
        m_token = m_server->enroll(u"S1"_s, u"T1"_s);
        m_otherStore = m_server->enroll(u"S2"_s, u"T1"_s);
        m_office = m_server->addUser(u"Petra"_s);
        QVERIFY(m_server->start());
        m_terminal = std::make_unique<StoreFixture>();
    }
    void cleanup()
    {
        m_terminal.reset();
        m_server.reset();
    }

    // Sale, hand-over and two returns wait in the outbox; one pass sends them all, each return
    // after the sale's hand-over, and the server's figures agree with the till's.
    void returnsReachTheServerAfterTheirSale()
    {
        const Order sale = completedSale();
        const Order first = giveBack(sale, {{1, 1}}).value().order;
        const Order second = giveBack(sale, {{1, 1}, {2, 1}}).value().order;

        const sync::SyncPass pass = onePass(*sender());
        // The sale, its hand-over and two returns; the second return goes only after the first
        // (the server computes what it gives back from the one before it).
        const QString outbox =
            sqlkit::selectValue(m_terminal->db(),
                                u"SELECT group_concat(kind || ':' || state || ':' || "
                                "COALESCE(last_error, ''), ' / ') FROM outbox"_s)
                ->toString();
        QVERIFY2(pass.sent == 4, qPrintable(outbox));
        QCOMPARE(pass.setAside, 0);

        for (const Order *back : {&first, &second}) {
            const QString id = idOf(*back);
            QCOMPARE(m_server->count(u"SELECT count(*) FROM orders WHERE id = '%1' AND kind = "
                                     "'return' AND original_order_id = '%2' AND status = "
                                     "'COMPLETED'"_s.arg(id, idOf(sale))),
                     1);
            QCOMPARE(m_server->count(u"SELECT total_minor FROM orders WHERE id = '%1'"_s.arg(id)),
                     back->total().minorUnits());
            QCOMPARE(m_server->count(u"SELECT tax_minor FROM orders WHERE id = '%1'"_s.arg(id)),
                     back->tax().minorUnits());
            QCOMPARE(m_server->count(u"SELECT SUM(quantity) FROM stock_movements WHERE order_id = "
                                     "'%1' AND step = 'return'"_s.arg(id)),
                     back->lines().size() == 1 ? 1 : 2);
        }
        QCOMPARE(m_server->count(u"SELECT SUM(quantity) FROM order_lines l JOIN orders o ON "
                                 "o.id = l.order_id WHERE o.original_order_id = '%1' AND "
                                 "l.original_line_no = 1"_s.arg(idOf(sale))),
                 2);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM outbox_events WHERE aggregateid = '%1' AND "
                                 "type = 'order.placed'"_s.arg(idOf(second))),
                 1);

        QNetworkAccessManager network;
        const HttpAnswer detail =
            http(network, "GET", m_server->url(u"/v1/orders/%1"_s.arg(idOf(second))), m_office);
        QCOMPARE(detail.status, 200);
        QCOMPARE(detail.json().value(u"type"_s).toString(), u"return"_s);
        QCOMPARE(detail.json().value(u"original_order_id"_s).toString(), idOf(sale));
        const HttpAnswer list =
            http(network, "GET", m_server->url(u"/v1/orders?store=S1"_s), m_office);
        int returns = 0;
        for (const QJsonValue &order : list.json().value(u"orders"_s).toArray())
            returns += order.toObject().value(u"type"_s).toString() == u"return"_s ? 1 : 0;
        QCOMPARE(returns, 2);
    }

    // A return posted by hand with figures the sale does not bear out is refused, naming what is
    // wrong, and nothing is written; the genuine one goes, and its replay is the same answer.
    void theServerChecksEveryReturnAgainstTheSale()
    {
        const Order sale = completedSale();
        QCOMPARE(onePass(*sender()).sent, 2);
        const Order back = giveBack(sale, {{2, 1}}).value().order;
        const QJsonObject genuine = wireBodyOf(back);
        const qint64 ordersBefore = m_server->count(u"SELECT count(*) FROM orders"_s);

        auto tampered = [&](auto change) {
            QJsonObject body = genuine;
            change(body);
            return body;
        };
        auto firstLine = [](QJsonObject &body, const QString &field, const QJsonValue &value) {
            QJsonArray lines = body.value(u"lines"_s).toArray();
            QJsonObject line = lines.at(0).toObject();
            line.insert(field, value);
            lines[0] = line;
            body.insert(u"lines"_s, lines);
        };
        const QList<std::tuple<QJsonObject, QByteArray, QString>> refused{
            {tampered([&](QJsonObject &b) {
                 firstLine(b, u"total"_s, 899);
                 b.insert(u"total"_s, 899);
                 b.insert(u"tenders"_s,
                          QJsonArray{QJsonObject{{u"kind"_s, u"cash"_s}, {u"amount"_s, 899}}});
             }),
             m_token, u"order.totals_mismatch"_s},
            {tampered([&](QJsonObject &b) { firstLine(b, u"original_line_no"_s, 7); }), m_token,
             u"return.no_such_line"_s},
            {tampered([&](QJsonObject &b) {
                 b.insert(u"original_order_id"_s,
                          QUuid::createUuid().toString(QUuid::WithoutBraces));
             }),
             m_token, u"return.original_unknown"_s},
            {tampered([&](QJsonObject &b) { b.remove(u"original_order_id"_s); }), m_token,
             u"request.invalid_field"_s},
            {tampered([&](QJsonObject &b) { b.insert(u"type"_s, u"refund"_s); }), m_token,
             u"request.invalid_field"_s},
            // Another store's till cannot take back what this store sold.
            {tampered([&](QJsonObject &b) {
                 b.insert(u"store_id"_s, u"S2"_s);
                 b.insert(u"receipt_no"_s, u"S2-T1-000050"_s);
                 b.remove(u"journal"_s);
             }),
             m_otherStore, u"return.other_store"_s},
        };
        QNetworkAccessManager network;
        int key = 0;
        for (const auto &[body, token, code] : refused) {
            const HttpAnswer answer =
                http(network, "POST", m_server->url(u"/v1/orders"_s), token,
                     "bad-" + QByteArray::number(++key), QJsonDocument(body).toJson());
            QVERIFY2(answer.status == 422 || answer.status == 400, answer.body.constData());
            QCOMPARE(answer.json().value(u"code"_s).toString(), code);
        }
        QCOMPARE(m_server->count(u"SELECT count(*) FROM orders"_s), ordersBefore);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM stock_movements WHERE step = 'return'"_s),
                 0);

        // The real one, twice: one order, the same answer.
        const QByteArray key1 = outboxKeyOf(back);
        const QByteArray body = QJsonDocument(genuine).toJson(QJsonDocument::Compact);
        const HttpAnswer created =
            http(network, "POST", m_server->url(u"/v1/orders"_s), m_token, key1, body);
        QVERIFY2(created.status == 201, created.body.constData());
        const HttpAnswer replay =
            http(network, "POST", m_server->url(u"/v1/orders"_s), m_token, key1, body);
        QCOMPARE(replay.status, 201);
        QCOMPARE(replay.body, created.body);
        // Sent again under a new key (its key expired): the order it is, not a second return.
        const HttpAnswer again =
            http(network, "POST", m_server->url(u"/v1/orders"_s), m_token, "later", body);
        QCOMPARE(again.status, 200);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM orders WHERE kind = 'return'"_s), 1);
        QCOMPARE(m_server->count(u"SELECT SUM(quantity) FROM stock_movements WHERE step = "
                                 "'return'"_s),
                 1);

        // One more bottle than is left (two were sold, one came back): refused.
        QJsonObject tooMany = genuine;
        tooMany.insert(u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
        tooMany.insert(u"receipt_no"_s, u"S1-T1-000099"_s);
        tooMany.remove(u"journal"_s);
        QJsonArray lines = tooMany.value(u"lines"_s).toArray();
        QJsonObject line = lines.at(0).toObject();
        line.insert(u"quantity"_s, 2);
        lines[0] = line;
        tooMany.insert(u"lines"_s, lines);
        const HttpAnswer over = http(network, "POST", m_server->url(u"/v1/orders"_s), m_token,
                                     "over", QJsonDocument(tooMany).toJson());
        QCOMPARE(over.status, 422);
        QCOMPARE(over.json().value(u"code"_s).toString(), u"return.too_many"_s);
    }

    // A counter sale stays PAID at the till (the goods left with the customer); a return of part
    // of it goes to the server like any other, and head office can then neither cancel it (which
    // would refund and restock all of it again) nor refund it in full.
    void aPaidCounterSaleIsReturnedInPartAndNotCancelledAfterwards()
    {
        const Order sale = m_terminal->sell(m_terminal->cart({{"BROT", 2}})).value().order;
        QVERIFY(giveBack(sale, {{1, 1}}).ok());
        QCOMPARE(onePass(*sender()).sent, 2);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM orders WHERE kind = 'return' AND "
                                 "original_order_id = '%1'"_s.arg(idOf(sale))),
                 1);
        QNetworkAccessManager network;
        const HttpAnswer cancel = http(
            network, "POST", m_server->url(u"/v1/orders/%1/cancel"_s.arg(idOf(sale))), m_office,
            "cancel-1",
            R"({"reason":"customer changed their mind","restock":true,"refund_tenders":true})");
        QCOMPARE(cancel.status, 422);
        QCOMPARE(cancel.json().value(u"code"_s).toString(), u"return.partly_returned"_s);
        QCOMPARE(m_server->count(
                     u"SELECT count(*) FROM orders WHERE id = '%1' AND status = 'PAID'"_s.arg(
                         idOf(sale))),
                 1);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM stock_movements WHERE order_id = '%1' AND "
                                 "step = 'restock'"_s.arg(idOf(sale))),
                 0);
        QCOMPARE(m_server->count(
                     u"SELECT count(*) FROM refunds WHERE order_id = '%1'"_s.arg(idOf(sale))),
                 0);
    }

    void aPartlyReturnedSaleCannotBeRefundedCentrally()
    {
        const Order sale = completedSale();
        QVERIFY(giveBack(sale, {{1, 1}}).ok());
        QCOMPARE(onePass(*sender()).sent, 3);
        QNetworkAccessManager network;
        const HttpAnswer refund =
            http(network, "POST", m_server->url(u"/v1/orders/%1/events"_s.arg(idOf(sale))),
                 m_office, {}, R"({"event":"Refund","expected_version":3})");
        QCOMPARE(refund.status, 422);
        QCOMPARE(refund.json().value(u"code"_s).toString(), u"return.partly_returned"_s);
        QCOMPARE(m_server->count(
                     u"SELECT count(*) FROM orders WHERE id = '%1' AND status = 'COMPLETED' AND "
                     "version = 3"_s.arg(idOf(sale))),
                 1);
    }

    // Head office refunded the sale in full before the till's return arrived: the return is set
    // aside for a person with the server's reason, and nothing is given back twice.
    void aReturnOfASaleRefundedCentrallyIsSetAside()
    {
        const Order sale = completedSale();
        QCOMPARE(onePass(*sender()).sent, 2);
        QNetworkAccessManager network;
        QCOMPARE(http(network, "POST", m_server->url(u"/v1/orders/%1/events"_s.arg(idOf(sale))),
                      m_office, {}, R"({"event":"Refund","expected_version":3})")
                     .status,
                 200);
        QVERIFY(giveBack(sale, {{2, 1}}).ok());
        const sync::SyncPass pass = onePass(*sender());
        QCOMPARE(pass.sent, 0);
        QCOMPARE(pass.setAside, 1);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM orders WHERE kind = 'return'"_s), 0);
        const QString reason =
            sqlkit::selectValue(m_terminal->db(), u"SELECT last_error FROM outbox WHERE state = "
                                                  "'needs_attention'"_s)
                .value()
                .toString();
        QVERIFY2(reason.contains(u"REFUNDED"_s), qPrintable(reason));
    }

private:
    // 3 Brot and 2 Wein with 0.77 off the order, handed over: a completed sale at version 3.
    Order completedSale()
    {
        Cart cart = m_terminal->cart({{"BROT", 3}, {"WEIN", 2}});
        if (!cart.setOrderDiscount(*Discount::amount(77)))
            qFatal("discount refused");
        const Order sold = m_terminal->sell(cart).value().order;
        store::OrderStore orders(*m_terminal->database, m_terminal->clock, m_terminal->ids);
        if (!orders.applyEvent(sold.id(), sold.version(), OrderEvent::HandOver, kManager))
            qFatal("cannot hand the sale over");
        return sold;
    }

    Result<store::CheckoutResult> giveBack(const Order &sale, const QList<ReturnItem> &items)
    {
        const ReturnSource source =
            store::ReturnSources::load(m_terminal->db(), idOf(sale)).value();
        const Money refund =
            store::ReturnSources::preview(source, items, m_terminal->clock.now())->total();
        m_terminal->clock.advanceMs(1000);
        store::OrderStore orders(*m_terminal->database, m_terminal->clock, m_terminal->ids);
        return orders.recordReturn(
            {idOf(sale), items, {Tender{TenderKind::Cash, refund, {}, false}}, kManager});
    }

    std::unique_ptr<sync::OutboxSender> sender()
    {
        return std::make_unique<sync::OutboxSender>(
            *m_terminal->database, m_terminal->clock,
            store::SyncTarget{m_server->url(QString()), m_token});
    }

    QByteArray outboxPayloadOf(const Order &order)
    {
        return sqlkit::selectValue(m_terminal->db(),
                                   u"SELECT payload FROM outbox WHERE order_id = ? AND kind = "
                                   "'create'"_s,
                                   {idOf(order)})
            .value()
            .toString()
            .toUtf8();
    }
    QByteArray outboxKeyOf(const Order &order)
    {
        return sqlkit::selectValue(m_terminal->db(),
                                   u"SELECT idempotency_key FROM outbox WHERE order_id = ? AND "
                                   "kind = 'create'"_s,
                                   {idOf(order)})
            .value()
            .toString()
            .toLatin1();
    }
    QJsonObject wireBodyOf(const Order &order)
    {
        return QJsonDocument::fromJson(*protocol::orderRequestBody(outboxPayloadOf(order)))
            .object();
    }

    std::unique_ptr<ServerUnderTest> m_server;
    std::unique_ptr<StoreFixture> m_terminal;
    QByteArray m_token;
    QByteArray m_otherStore;
    QByteArray m_office;
};

QTEST_MAIN(ReturnsToServerTest)
#include "tst_returns_to_server.moc"
