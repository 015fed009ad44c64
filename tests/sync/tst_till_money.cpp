// Money at the till's edge, from the till through the outbox to the real server and the real
// counterline-paysim, on SQLite and PostgreSQL (issue 17): a whole sale voided or returned at the
// till gives each tender's money back by whoever took it — a card this till charged is refunded by
// the till, once, and the server records the refund's id and refunds nothing; when the payment
// service is away the money is owed and lands on the follow-up list. PIN lockouts travel in the
// journal's chain and the server checks each record against its hash.

#include "sqlkit/statement.h"
#include "store/outbox_store.h"
#include "store/sql.h"
#include "store/user_store.h"
#include "sync/card_payments.h"
#include "sync/outbox_sender.h"
#include "sync/sale_reversal.h"
#include "tests/paysim/paysim_harness.h"
#include "tests/server/server_harness.h"
#include "tests/store/store_fixture.h"
#include "tests/sync/one_pass.h"

#include <QJsonArray>
#include <QSignalSpy>

using namespace counterline;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

const Actor kVoidedBy{u"Anna"_s, u"Mia"_s};

QString idOf(const Order &order)
{
    return order.id().toString(QUuid::WithoutBraces);
}

} // namespace

class TillMoneyTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { onBothDatabases(); }

    void init()
    {
        m_server = serverForThisRow();
        QVERIFY2(m_server->problem().isEmpty(), qPrintable(m_server->problem()));
        QVERIFY(m_server->addStore(u"S1"_s));
        QVERIFY(m_server->importCatalog(kSmallCatalog, u"S1"_s)); // what the till sells from
        m_token = m_server->enroll(u"S1"_s, u"T1"_s);
        m_office = m_server->addUser(u"Petra"_s);
        QVERIFY(m_server->start());
        m_paysim = std::make_unique<PaysimUnderTest>();
        QVERIFY2(m_paysim->start(), m_paysim->said.constData());
        m_till = std::make_unique<StoreFixture>();
        m_cards = std::make_unique<sync::CardPayments>(m_paysim->url({}), std::chrono::seconds(3));
    }
    void cleanup()
    {
        m_cards.reset();
        m_till.reset();
        m_paysim.reset();
        m_server.reset();
    }

    // Voided at the till: the card this till charged is refunded by the till (key
    // void:<order>:1); the server keeps the refund's id and refunds nothing itself.
    void aCardVoidGoesBackToTheCardOnce()
    {
        const Order sale = cardSale();
        const Result<sync::SaleUndone> voided = undo(sale, OrderEvent::Cancel);
        QVERIFY2(voided.ok(), qPrintable(voided ? QString() : voided.error().message));
        QCOMPARE(voided->refunds.size(), 1);
        QCOMPARE(voided->refunds[0].outcome, TenderRefund::Outcome::CardRefunded);
        const QString refundId = voided->refunds[0].refundId;
        QVERIFY(refundId.startsWith(u"re_"_s));
        QCOMPARE(ledgerRefunds(), 1);
        QCOMPARE(onHand(u"WEIN"_s), 10); // back on the shelf here too

        QCOMPARE(onePass(*sender()).sent, 2);
        QCOMPARE(
            m_server->count(u"SELECT count(*) FROM refunds WHERE order_id = '%1' AND outcome "
                            "= 'card_refunded' AND refund_id = '%2'"_s.arg(idOf(sale), refundId)),
            1);
        QCOMPARE(m_server->rows(u"SELECT actor_id, approved_by FROM order_events WHERE order_id = "
                                "'%1' AND event = 'Cancel'"_s.arg(idOf(sale))),
                 (QList<QVariantList>{{u"Anna"_s, u"Mia"_s}}));
        QCOMPARE(m_server->count(u"SELECT count(*) FROM payment_refunds"_s), 0);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM follow_ups"_s), 0);
        QCOMPARE(ledgerRefunds(), 1);
    }

    // The payment service cannot be reached: the void stands, the card money is owed, and head
    // office finds it on the follow-up list once the till has synced.
    void anUnreachableServiceLeavesTheMoneyOwed()
    {
        const Order sale = cardSale();
        m_paysim->stop();
        const Result<sync::SaleUndone> voided = undo(sale, OrderEvent::Cancel);
        QVERIFY(voided.ok());
        QCOMPARE(voided->refunds[0].outcome, TenderRefund::Outcome::Owed);
        QCOMPARE(onePass(*sender()).sent, 2);
        QNetworkAccessManager network;
        const QJsonArray items = http(network, "GET", m_server->url(u"/v1/follow-ups"_s), m_office)
                                     .json()
                                     .value(u"follow_ups"_s)
                                     .toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0].toObject().value(u"kind"_s).toString(), u"refund_owed"_s);
        QCOMPARE(items[0].toObject().value(u"order_id"_s).toString(), idOf(sale));
        QCOMPARE(items[0].toObject().value(u"amount"_s).toInt(), 899);
    }

    // The refund was made but its answer lost on the way: asked again with its key, the payment
    // service answers the same refund (Qt sends once more by itself when a connection closes
    // before any answer): one refund, the sale void.
    void aLostRefundAnswerIsTheSameRefund()
    {
        const Order sale = cardSale();
        armFault(u"drop_after_refund"_s);
        const Result<sync::SaleUndone> voided = undo(sale, OrderEvent::Cancel);
        QVERIFY(voided.ok());
        QCOMPARE(voided->refunds[0].outcome, TenderRefund::Outcome::CardRefunded);
        QCOMPARE(ledgerRefunds(), 1);
    }

    // No answer at all: nothing is recorded at the till (the sale stays paid, the cashier is told
    // to try again); the second try refunds, once, and only then is the sale void.
    void noAnswerRecordsNothingAndTheRetryRefundsOnce()
    {
        const Order sale = cardSale();
        armFault(u"refund_timeout"_s, 6000); // longer than the till waits (3 s)
        const Result<sync::SaleUndone> unknown = undo(sale, OrderEvent::Cancel);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, u"refund.unknown"_s);
        QCOMPARE(sqlkit::selectValue(m_till->db(), u"SELECT status FROM orders"_s)->toString(),
                 u"PAID"_s);
        QCOMPARE(sqlkit::selectValue(m_till->db(), u"SELECT count(*) FROM refunds"_s)->toInt(), 0);
        const Result<sync::SaleUndone> again = undo(sale, OrderEvent::Cancel);
        QVERIFY(again.ok());
        QCOMPARE(again->refunds[0].outcome, TenderRefund::Outcome::CardRefunded);
        QCOMPARE(ledgerRefunds(), 1);
    }

    // A cash sale handed over and then returned in full (F6): the cash goes back at the counter,
    // the goods back on the shelf at the till and on the server, once, with who did it.
    void aFullReturnOfACashSale()
    {
        const Order sale = m_till->sell(m_till->cart({{"BROT", 2}})).value().order;
        store::OrderStore orders(*m_till->database, m_till->clock, m_till->ids);
        QVERIFY(orders.applyEvent(sale.id(), 2, OrderEvent::HandOver, kVoidedBy).ok());
        const Result<sync::SaleUndone> returned = undo(sale, OrderEvent::Refund, 3);
        QVERIFY(returned.ok());
        QCOMPARE(returned->refunds,
                 (QList<TenderRefund>{{1, sale.total(), TenderRefund::Outcome::GivenBack, {}}}));
        QCOMPARE(onHand(u"BROT"_s), 100);
        QCOMPARE(onePass(*sender()).sent, 3);
        QCOMPARE(m_server->count(u"SELECT status = 'REFUNDED' FROM orders"_s), 1);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM refunds WHERE outcome = 'given_back'"_s),
                 1);
        QCOMPARE(m_server->count(u"SELECT SUM(quantity) FROM stock_movements WHERE order_id = "
                                 "'%1' AND step = 'restock'"_s.arg(idOf(sale))),
                 2);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM follow_ups"_s), 0);
    }

    // A lockout is an entry of the till's one journal: it reaches the server in the chain, which
    // stays continuous; a record changed on the way is refused by its hash.
    void lockoutsTravelInTheJournal()
    {
        QVERIFY(m_till->sell(m_till->cart({{"BROT", 1}})).ok());
        store::UserStore users(*m_till->database, m_till->clock, m_till->ids);
        QVERIFY(users.add(u"Anna"_s, u"cashier"_s, u"1234"_s).ok());
        for (int i = 0; i < store::UserStore::kWrongPinsToLock; ++i)
            (void)users.signIn(u"0000"_s, store::PinPlace::Login);
        QVERIFY(users.lockedUntil()->has_value());
        m_till->clock.advanceMs(60'000);
        QVERIFY(m_till->sell(m_till->cart({{"MILCH", 1}})).ok());

        // First a forged copy of the entry: refused by its hash, nothing kept.
        const QByteArray queued =
            sqlkit::selectValue(m_till->db(), u"SELECT payload FROM outbox WHERE kind = "
                                              "'journal'"_s)
                ->toString()
                .toUtf8();
        QJsonObject forged = QJsonDocument::fromJson(queued).object();
        forged.insert(
            u"record"_s,
            forged.value(u"record"_s).toString().replace(u"\"seconds\":30"_s, u"\"seconds\":3"_s));
        QNetworkAccessManager network;
        const HttpAnswer refused = http(network, "POST", m_server->url(u"/v1/journal"_s), m_token,
                                        "forged", QJsonDocument(forged).toJson());
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.json().value(u"code"_s).toString(), u"journal.bad_hash"_s);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM journal_entries"_s), 0);

        QCOMPARE(onePass(*sender()).sent, 3);
        const QJsonObject entries =
            http(network, "GET", m_server->url(u"/v1/journal/entries?kind=pin_lockout"_s), m_office)
                .json();
        const QJsonArray list = entries.value(u"entries"_s).toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].toObject().value(u"seq"_s).toInt(), 2);
        QCOMPARE(list[0].toObject().value(u"terminal_id"_s).toString(), u"T1"_s);
        const QJsonObject payload =
            list[0].toObject().value(u"record"_s).toObject().value(u"payload"_s).toObject();
        QCOMPARE(payload.value(u"where"_s).toString(), u"login"_s);
        QCOMPARE(payload.value(u"seconds"_s).toInt(), 30);
        const QJsonObject chain =
            http(network, "GET", m_server->url(u"/v1/terminal/journal"_s), m_token).json();
        QCOMPARE(chain.value(u"entries"_s).toInt(), 3);
        QCOMPARE(chain.value(u"continuous"_s).toBool(), true);
        // The same entry again (a lost answer) is a replay; the chain is unchanged.
        QCOMPARE(
            http(network, "POST", m_server->url(u"/v1/journal"_s), m_token, "again", queued).status,
            201);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM journal_entries"_s), 1);
    }

private:
    // One bottle of wine, charged to a card through the payment service by this till.
    Order cardSale()
    {
        const Cart cart = m_till->cart({{"WEIN", 1}});
        std::optional<sync::CardOutcome> outcome;
        m_cards->charge({u"cart:"_s + cart.id().toString(QUuid::WithoutBraces),
                         cart.totals()->total, u"tok_visa"_s, u"cart"_s},
                        [&](const sync::CardOutcome &o) { outcome = o; });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 10'000) ||
            outcome->kind != sync::CardOutcome::Kind::Approved) {
            qFatal("the card was not charged");
        }
        store::OrderStore orders(*m_till->database, m_till->clock, m_till->ids);
        return orders
            .checkout(cart,
                      {u"Anna"_s,
                       {},
                       {Tender{TenderKind::Card, cart.totals()->total, outcome->chargeId, false}},
                       Actor{u"Anna"_s, {}}})
            .value()
            .order;
    }

    Result<sync::SaleUndone> undo(const Order &sale, OrderEvent event, int version = 2)
    {
        sync::SaleReversal reversal(*m_till->database, m_till->clock, m_till->ids, m_cards.get());
        std::optional<Result<sync::SaleUndone>> outcome;
        reversal.undo({idOf(sale), version, event, kVoidedBy},
                      [&](const Result<sync::SaleUndone> &done) { outcome = done; });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 20'000))
            return Error{u"test.timeout"_s, u"no answer"_s};
        return *outcome;
    }

    void armFault(const QString &mode, int delayMs = 1000)
    {
        QNetworkAccessManager network;
        QCOMPARE(http(network, "POST", m_paysim->url(u"/v1/faults"_s), {}, {},
                      QJsonDocument(
                          QJsonObject{{u"mode"_s, mode}, {u"times"_s, 1}, {u"delay_ms"_s, delayMs}})
                          .toJson(QJsonDocument::Compact))
                     .status,
                 200);
    }

    int ledgerRefunds()
    {
        QNetworkAccessManager network;
        return int(http(network, "GET", m_paysim->url(u"/v1/ledger"_s), {})
                       .json()
                       .value(u"refunds"_s)
                       .toArray()
                       .size());
    }

    qint64 onHand(const QString &sku)
    {
        return sqlkit::selectValue(m_till->db(), u"SELECT on_hand FROM stock WHERE sku = ?"_s,
                                   {sku})
            ->toLongLong();
    }

    std::unique_ptr<sync::OutboxSender> sender()
    {
        return std::make_unique<sync::OutboxSender>(
            *m_till->database, m_till->clock, store::SyncTarget{m_server->url(QString()), m_token});
    }

    std::unique_ptr<ServerUnderTest> m_server;
    std::unique_ptr<PaysimUnderTest> m_paysim;
    std::unique_ptr<StoreFixture> m_till;
    std::unique_ptr<sync::CardPayments> m_cards;
    QByteArray m_token;
    QByteArray m_office;
};

QTEST_GUILESS_MAIN(TillMoneyTest)
#include "tst_till_money.moc"
