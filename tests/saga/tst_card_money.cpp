// Card money follows the order (BRIEF §11, who refunds is who charged), against the real server
// and the real counterline-paysim on SQLite and PostgreSQL. For every order the payment service's
// ledger must end with what the customer owes: captured minus refunded equals the sale's total,
// or nothing once it is cancelled or refunded — through a lost answer, a void racing the capture,
// and the server killed before and after each step that calls the payment service.

#include "tests/saga/saga_fixture.h"

using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

constexpr int kTotal = 249 + 899; // one loaf and one bottle: an offline card sale
constexpr int kWebTotal = 2 * 249 + 899;

QByteArray cancelBody(const QString &reason = u"customer changed their mind"_s)
{
    return QJsonDocument(QJsonObject{{u"reason"_s, reason},
                                     {u"restock"_s, true},
                                     {u"refund_tenders"_s, true}})
        .toJson(QJsonDocument::Compact);
}

QByteArray eventBody(const QString &event, int expected)
{
    return QJsonDocument(QJsonObject{{u"event"_s, event}, {u"expected_version"_s, expected}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class CardMoneyTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { onBothDatabases(); }
    void init() { QVERIFY2(m_world.setUp(m_dir.path()), qPrintable(m_world.problem())); }
    void cleanup() { m_world.tearDown(); }

    // Head office cancels a web order the server charged: one refund through the payment service
    // with the key order:<id>:refund, the stock back once; the same cancel again changes nothing.
    void headOfficeCancelRefundsThroughThePaymentService()
    {
        const QString id = placeWebOrder("web-1");
        const HttpAnswer cancelled = cancelAs(m_world.office(), id, "hq-1");
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(cancelled.json().value(u"status"_s).toString(), u"CANCELLED"_s);
        QTRY_COMPARE_WITH_TIMEOUT(refundState(id), u"refunded"_s, 20'000);
        const QJsonArray refunds = m_world.ledger(u"refunds"_s);
        QCOMPARE(refunds.size(), 1);
        QCOMPARE(refunds[0].toObject().value(u"idempotency_key"_s).toString(),
                 u"order:%1:refund"_s.arg(id));
        QCOMPARE(refunds[0].toObject().value(u"amount"_s).toInt(), kWebTotal);
        QCOMPARE(m_world.keptFrom(id), 0);
        QCOMPARE(m_world.onHand(u"BROT"_s), 10);
        QCOMPARE(m_world.onHand(u"WEIN"_s), 5);
        QCOMPARE(m_world.value(u"outcome"_s, id, u"refunds"_s, u"order_id"_s), u"by_server"_s);
        const QJsonObject back = http(m_world.network(), "GET",
                                      m_world.server().url(u"/v1/orders/"_s + id), m_world.office())
                                     .json()
                                     .value(u"refunds"_s)
                                     .toArray()
                                     .first()
                                     .toObject();
        QCOMPARE(back.value(u"state"_s).toString(), u"refunded"_s);
        QCOMPARE(back.value(u"amount"_s).toInt(), kWebTotal);
        QCOMPARE(m_world.value(u"actor_id"_s, id, u"refunds"_s, u"order_id"_s), u"Petra"_s);

        QCOMPARE(cancelAs(m_world.office(), id, "hq-1").body, cancelled.body);
        QTest::qWait(1100); // a recovery round
        QCOMPARE(m_world.ledger(u"refunds"_s).size(), 1);
        QCOMPARE(m_world.server().count(u"SELECT count(*) FROM payment_refunds"_s), 1);
    }

    // A completed order refunded in full: its stock back once, its card refunded once; a
    // second Refund is an illegal transition, not a second refund.
    void refundOfACompletedOrderRestocksAndRefundsOnce()
    {
        const QString id = placeWebOrder("web-2");
        const QString path = u"/v1/orders/%1/events"_s.arg(id);
        QCOMPARE(m_world.postAs(m_world.office(), path, {}, eventBody(u"HandOver"_s, 2)).status,
                 200);
        QCOMPARE(m_world.onHand(u"BROT"_s), 8);
        const HttpAnswer refunded =
            m_world.postAs(m_world.office(), path, {}, eventBody(u"Refund"_s, 3));
        QCOMPARE(refunded.status, 200);
        QCOMPARE(refunded.json().value(u"status"_s).toString(), u"REFUNDED"_s);
        QTRY_COMPARE_WITH_TIMEOUT(refundState(id), u"refunded"_s, 20'000);
        QCOMPARE(m_world.keptFrom(id), 0);
        QCOMPARE(m_world.onHand(u"BROT"_s), 10);
        QCOMPARE(m_world.onHand(u"WEIN"_s), 5);
        QCOMPARE(m_world.server().count(u"SELECT count(*) FROM stock_movements WHERE order_id = "
                                        "'%1' AND step = 'restock'"_s.arg(id)),
                 2);
        QCOMPARE(m_world.postAs(m_world.office(), path, {}, eventBody(u"Refund"_s, 4)).status, 422);
        QCOMPARE(m_world.ledger(u"refunds"_s).size(), 1);
    }

    // The server killed just before and just after it asks for the refund: started again, it
    // asks the payment service about the key and refunds exactly once.
    void killedAroundTheRefundRefundsOnce_data()
    {
        QTest::addColumn<QString>("point");
        QTest::newRow("before the refund") << u"before_refund"_s;
        QTest::newRow("after the refund") << u"after_refund"_s;
    }
    void killedAroundTheRefundRefundsOnce()
    {
        QFETCH(QString, point);
        const QString id = placeWebOrder("web-3");
        QVERIFY(m_world.startServerDyingAt(point));
        const int status = cancelAs(m_world.office(), id, "hq-3").status;
        QVERIFY2(status == 200 || status == 0, QByteArray::number(status).constData());
        QTRY_COMPARE_WITH_TIMEOUT(m_world.server().process().state(), QProcess::NotRunning, 20'000);
        QCOMPARE(m_world.server().process().exitStatus(), QProcess::CrashExit);
        QCOMPARE(m_world.ledger(u"refunds"_s).size(), point == u"after_refund"_s ? 1 : 0);

        QVERIFY(m_world.startServer());
        QCOMPARE(cancelAs(m_world.office(), id, "hq-3").status, 200); // done before it died
        QTRY_COMPARE_WITH_TIMEOUT(refundState(id), u"refunded"_s, 20'000);
        QCOMPARE(m_world.ledger(u"refunds"_s).size(), 1);
        QCOMPARE(m_world.keptFrom(id), 0);
        QCOMPARE(m_world.onHand(u"BROT"_s), 10);
    }

    // The refund is made but its answer lost: the server asks by key, never refunds again.
    void aLostRefundAnswerIsAskedAbout()
    {
        const QString id = placeWebOrder("web-4");
        armFault(u"drop_after_refund"_s);
        QCOMPARE(cancelAs(m_world.office(), id, "hq-4").status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(refundState(id), u"refunded"_s, 20'000);
        QCOMPARE(m_world.ledger(u"refunds"_s).size(), 1);
        QCOMPARE(m_world.keptFrom(id), 0);
    }

    // A card a till took offline, voided at the till before the server captured it: never
    // charged at all.
    void aVoidBeforeTheCaptureIsNeverCharged()
    {
        m_world.server().stop();
        QVERIFY(m_world.startServer(QProcessEnvironment::systemEnvironment(), 1, 600));
        const QString id = newId();
        QCOMPARE(postSale(id, 1).status, 201);
        QCOMPARE(m_world.value(u"step"_s, id, u"sagas"_s, u"order_id"_s), u"charge"_s);
        QCOMPARE(cancelAs(m_world.till(), id, "void-1").status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_world.value(u"step"_s, id, u"sagas"_s, u"order_id"_s),
                                  u"cancelled"_s, 20'000);
        QCOMPARE(m_world.ledger(u"charges"_s).size(), 0);
        QCOMPARE(m_world.keptFrom(id), 0);
        QCOMPARE(m_world.onHand(u"BROT"_s), 10);
    }

    // The void lands while the capture is out: the capture completes, then the money goes back.
    void aVoidDuringTheCaptureEndsRefunded()
    {
        armFault(u"slow"_s, 3000);
        const QString id = newId();
        QCOMPARE(postSale(id, 1).status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_world.value(u"charge_sent_at"_s, id, u"sagas"_s, u"order_id"_s).isEmpty(), 20'000);
        QCOMPARE(cancelAs(m_world.till(), id, "void-2").status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(refundState(id), u"refunded"_s, 30'000);
        QCOMPARE(m_world.ledger(u"charges"_s).size(), 1);
        QCOMPARE(m_world.ledger(u"refunds"_s).size(), 1);
        QCOMPARE(m_world.keptFrom(id), 0);
        QCOMPARE(m_world.orderStatus(id), u"CANCELLED"_s);
    }

    // Killed once the capture was claimed, before it went out. Started again: voided meanwhile,
    // the server asks instead of charging and nothing is ever charged; not voided, the card is
    // charged once.
    void killedAfterClaimingTheCapture_data()
    {
        QTest::addColumn<bool>("voided");
        QTest::newRow("voided meanwhile") << true;
        QTest::newRow("still a sale") << false;
    }
    void killedAfterClaimingTheCapture()
    {
        QFETCH(bool, voided);
        // Voided: the dead runner's claim outlives the restart (10 s), so that the void lands
        // before anyone may resume the capture, however slowly the server starts (an ASan build
        // on a loaded machine took over a second, and its first recovery round charged first).
        QVERIFY(m_world.startServerDyingAt(u"after_capture_claim"_s, 1, voided ? 10 : 1));
        const QString id = newId();
        QCOMPARE(postSale(id, 1).status, 201);
        QTRY_COMPARE_WITH_TIMEOUT(m_world.server().process().state(), QProcess::NotRunning, 20'000);
        QVERIFY(!m_world.value(u"charge_sent_at"_s, id, u"sagas"_s, u"order_id"_s).isEmpty());
        QCOMPARE(m_world.ledger(u"charges"_s).size(), 0);
        if (voided) {
            QVERIFY(m_world.startServer());
            QCOMPARE(cancelAs(m_world.till(), id, "void-3").status, 200);
            // Once the claim has run out, the next recovery round asks and charges nothing.
            QTRY_COMPARE_WITH_TIMEOUT(m_world.value(u"step"_s, id, u"sagas"_s, u"order_id"_s),
                                      u"cancelled"_s, 40'000);
            QCOMPARE(m_world.ledger(u"charges"_s).size(), 0);
        } else {
            QVERIFY(m_world.startServer());
            QTRY_COMPARE_WITH_TIMEOUT(m_world.value(u"step"_s, id, u"sagas"_s, u"order_id"_s),
                                      u"done"_s, 20'000);
            QCOMPARE(m_world.ledger(u"charges"_s).size(), 1);
            QCOMPARE(m_world.keptFrom(id), kTotal);
        }
    }

    // Voided after the server captured it: refunded once, by the server that charged it.
    void aVoidAfterTheCaptureIsRefundedByTheServer()
    {
        const QString id = newId();
        QCOMPARE(postSale(id, 1).status, 201);
        QTRY_COMPARE_WITH_TIMEOUT(m_world.value(u"step"_s, id, u"sagas"_s, u"order_id"_s),
                                  u"done"_s, 20'000);
        QCOMPARE(m_world.keptFrom(id), kTotal);
        QCOMPARE(cancelAs(m_world.till(), id, "void-4").status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(refundState(id), u"refunded"_s, 20'000);
        QCOMPARE(m_world.keptFrom(id), 0);
        QCOMPARE(m_world.ledger(u"refunds"_s).size(), 1);
    }

    // A till that gave the card money back itself says so: the server keeps the refund's id, the
    // cashier and the approving manager, and refunds nothing; one it could not refund is owed.
    void aTillsOwnRefundIsRecordedNotRepeated()
    {
        const QString chargeId = chargeAtThePaymentService("cart:1", kTotal);
        const QString refundId = refundAtThePaymentService("void:1", chargeId, kTotal);
        const QString id = newId();
        QCOMPARE(postSale(id, 1, chargeId).status, 201);
        QJsonObject body = QJsonDocument::fromJson(cancelBody(u"void"_s)).object();
        body.insert(u"actor"_s, u"Anna"_s);
        body.insert(u"approved_by"_s, u"Mia"_s);
        body.insert(u"refunds"_s, QJsonArray{QJsonObject{{u"tender"_s, 1},
                                                         {u"amount"_s, kTotal},
                                                         {u"outcome"_s, u"card_refunded"_s},
                                                         {u"refund_id"_s, refundId}}});
        QCOMPARE(m_world
                     .postAs(m_world.till(), u"/v1/orders/%1/cancel"_s.arg(id), "void-5",
                             QJsonDocument(body).toJson(QJsonDocument::Compact))
                     .status,
                 200);
        QCOMPARE(m_world.value(u"refund_id"_s, id, u"refunds"_s, u"order_id"_s), refundId);
        QCOMPARE(m_world.value(u"outcome"_s, id, u"refunds"_s, u"order_id"_s), u"card_refunded"_s);
        const QList<QVariantList> event = m_world.server().rows(
            u"SELECT actor_id, approved_by FROM order_events WHERE order_id = '%1' "
            "AND event = 'Cancel'"_s.arg(id));
        QCOMPARE(event, (QList<QVariantList>{{u"Anna"_s, u"Mia"_s}}));
        QCOMPARE(m_world.server().count(u"SELECT count(*) FROM payment_refunds"_s), 0);
        QTest::qWait(1100); // a recovery round
        QCOMPARE(m_world.ledger(u"refunds"_s).size(), 1);

        // The payment service was unreachable for the next void: owed, on the follow-up list.
        const QString owed = newId();
        QCOMPARE(postSale(owed, 2, chargeAtThePaymentService("cart:2", kTotal)).status, 201);
        body.insert(u"refunds"_s,
                    QJsonArray{QJsonObject{
                        {u"tender"_s, 1}, {u"amount"_s, kTotal}, {u"outcome"_s, u"owed"_s}}});
        QCOMPARE(m_world
                     .postAs(m_world.till(), u"/v1/orders/%1/cancel"_s.arg(owed), "void-6",
                             QJsonDocument(body).toJson(QJsonDocument::Compact))
                     .status,
                 200);
        const QJsonArray items =
            m_world.get(u"/v1/follow-ups?order="_s + owed).json().value(u"follow_ups"_s).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0].toObject().value(u"kind"_s).toString(), u"refund_owed"_s);
        QCOMPARE(items[0].toObject().value(u"amount"_s).toInt(), kTotal);
        QCOMPARE(m_world.keptFrom(owed), 0); // nothing was refunded by anyone yet: see above
    }

private:
    // A web order charged and PAID.
    QString placeWebOrder(const QByteArray &key)
    {
        const QString id = newId();
        const HttpAnswer placed = m_world.post(key, remoteOrder(id, 1, u"tok_visa"_s));
        if (placed.status != 201 || placed.json().value(u"status"_s).toString() != u"PAID"_s)
            qWarning("placing the web order: %d %s", placed.status, placed.body.constData());
        return id;
    }

    // A counter sale of till T1: a card taken offline (the server captures it), or a card the
    // till charged itself (`chargeId`).
    HttpAnswer postSale(const QString &id, int sequence, const QString &chargeId = {})
    {
        QJsonObject sale =
            QJsonDocument::fromJson(offlineCardSale(id, sequence, u"tok_visa"_s, u"T1"_s)).object();
        if (!chargeId.isEmpty()) {
            sale.insert(u"tenders"_s, QJsonArray{QJsonObject{{u"kind"_s, u"card"_s},
                                                             {u"amount"_s, kTotal},
                                                             {u"reference"_s, chargeId}}});
        }
        return m_world.postAs(m_world.till(), u"/v1/orders"_s,
                              "sale-" + QByteArray::number(sequence),
                              QJsonDocument(sale).toJson(QJsonDocument::Compact));
    }

    HttpAnswer cancelAs(const QByteArray &token, const QString &id, const QByteArray &key)
    {
        return m_world.postAs(token, u"/v1/orders/%1/cancel"_s.arg(id), key, cancelBody());
    }

    QString refundState(const QString &id)
    {
        return m_world.value(u"state"_s, id, u"payment_refunds"_s, u"order_id"_s);
    }

    void armFault(const QString &mode, int delayMs = 30'000)
    {
        const QByteArray body =
            QJsonDocument(QJsonObject{{u"mode"_s, mode}, {u"times"_s, 1}, {u"delay_ms"_s, delayMs}})
                .toJson(QJsonDocument::Compact);
        QCOMPARE(
            http(m_world.network(), "POST", m_world.paysim().url(u"/v1/faults"_s), {}, {}, body)
                .status,
            200);
    }

    // What a till does through the payment service itself (sync::CardPayments).
    QString chargeAtThePaymentService(const QByteArray &key, int amount)
    {
        const QByteArray body =
            QJsonDocument(QJsonObject{{u"amount"_s, amount},
                                      {u"currency"_s, u"EUR"_s},
                                      {u"token"_s, u"tok_visa"_s},
                                      {u"reference"_s, QString::fromLatin1(key)}})
                .toJson(QJsonDocument::Compact);
        return http(m_world.network(), "POST", m_world.paysim().url(u"/v1/charges"_s), {}, key,
                    body)
            .json()
            .value(u"id"_s)
            .toString();
    }

    QString refundAtThePaymentService(const QByteArray &key, const QString &charge, int amount)
    {
        const QByteArray body =
            QJsonDocument(QJsonObject{{u"charge_id"_s, charge}, {u"amount"_s, amount}})
                .toJson(QJsonDocument::Compact);
        return http(m_world.network(), "POST", m_world.paysim().url(u"/v1/refunds"_s), {}, key,
                    body)
            .json()
            .value(u"id"_s)
            .toString();
    }

    QTemporaryDir m_dir;
    SagaFixture m_world;
};

QTEST_GUILESS_MAIN(CardMoneyTest)
#include "tst_card_money.moc"
