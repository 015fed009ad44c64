// The order saga of BRIEF §6 against the real server and a real counterline-paysim, on SQLite and
// PostgreSQL: reserve → charge → confirm, compensation on a decline, stock refused before any
// charge, a lost answer settled by asking, the server killed at each fault point and restarted —
// exactly one charge in the payment service's ledger every time.

#include "tests/saga/saga_fixture.h"

#include <QJsonArray>

#include <memory>

using namespace counterline::testing;
using namespace Qt::StringLiterals;

class SagaTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { onBothDatabases(); }

    void init() { QVERIFY2(m_world.setUp(m_dir.path()), qPrintable(m_world.problem())); }
    void cleanup() { m_world.tearDown(); }

    void remoteOrderIsReservedChargedAndConfirmed()
    {
        const QString id = newId();
        const QByteArray body = remoteOrder(id, 1, u"tok_visa"_s);
        const HttpAnswer answer = m_world.post("web-1", body);
        QCOMPARE(answer.status, 201);
        QCOMPARE(answer.json().value(u"status"_s).toString(), u"PAID"_s);
        QCOMPARE(answer.json().value(u"version"_s).toInt(), 2);
        const QString chargeId =
            answer.json().value(u"saga"_s).toObject().value(u"charge_id"_s).toString();
        QVERIFY(chargeId.startsWith(u"ch_"_s));

        const QJsonArray charges = m_world.ledger(u"charges"_s);
        QCOMPARE(charges.size(), 1);
        QCOMPARE(charges[0].toObject().value(u"idempotency_key"_s).toString(),
                 u"order:%1:charge"_s.arg(id));
        QCOMPARE(charges[0].toObject().value(u"amount"_s).toInt(), 1397);
        QCOMPARE(charges[0].toObject().value(u"id"_s).toString(), chargeId);
        QCOMPARE(m_world.onHand(u"BROT"_s), 8);
        QCOMPARE(m_world.onHand(u"WEIN"_s), 4);

        // The same request again is the same answer, byte for byte; nothing is charged again.
        const HttpAnswer replay = m_world.post("web-1", body);
        QCOMPARE(replay.status, 201);
        QCOMPARE(replay.body, answer.body);
        QCOMPARE(m_world.ledger(u"charges"_s).size(), 1);

        // Every step once, and the events the business hears about, in order.
        const HttpAnswer saga = m_world.get(u"/v1/orders/%1/saga"_s.arg(id));
        QCOMPARE(saga.json().value(u"step"_s).toString(), u"done"_s);
        QStringList steps;
        for (const QJsonValue &step : saga.json().value(u"steps"_s).toArray())
            steps.append(step.toObject().value(u"step"_s).toString());
        steps.sort();
        QCOMPARE(steps, (QStringList{u"charge"_s, u"confirm"_s, u"reserve"_s}));
        QCOMPARE(m_world.eventTypes(id), (QStringList{u"order.placed"_s, u"order.paid"_s}));
    }

    void declineReleasesTheStockAndCancels()
    {
        const QString id = newId();
        const HttpAnswer answer = m_world.post("web-2", remoteOrder(id, 1, u"tok_decline_9"_s));
        QCOMPARE(answer.status, 402);
        QCOMPARE(answer.json().value(u"code"_s).toString(), u"payment.failed"_s);
        QVERIFY2(answer.json().value(u"detail"_s).toString().contains(u"card_declined"_s),
                 answer.body.constData());
        QCOMPARE(m_world.orderStatus(id), u"CANCELLED"_s);
        QCOMPARE(m_world.onHand(u"BROT"_s), 10);
        QCOMPARE(m_world.onHand(u"WEIN"_s), 5);
        QCOMPARE(
            m_world.server().count(u"SELECT count(*) FROM stock_movements WHERE order_id = '%1' "
                                   "AND step = 'release'"_s.arg(id)),
            2);
        // A charge that never happened is not refunded.
        QCOMPARE(m_world.ledger(u"refunds"_s).size(), 0);
        QCOMPARE(m_world.ledger(u"charges"_s).size(), 1);
        QCOMPARE(m_world.ledger(u"charges"_s)[0].toObject().value(u"status"_s).toString(),
                 u"declined"_s);
        QCOMPARE(m_world.eventTypes(id),
                 (QStringList{u"order.placed"_s, u"order.payment_failed"_s}));
    }

    void moreThanOnHandIsRefusedBeforeCharging()
    {
        const QString id = newId();
        const HttpAnswer answer = m_world.post("web-3", remoteOrder(id, 1, u"tok_visa"_s, 11));
        QCOMPARE(answer.status, 422);
        QCOMPARE(answer.json().value(u"code"_s).toString(), u"stock.insufficient"_s);
        QVERIFY2(answer.json().value(u"detail"_s).toString().contains(u"BROT"_s),
                 answer.body.constData());
        QCOMPARE(m_world.server().count(u"SELECT count(*) FROM orders"_s), 0);
        QCOMPARE(m_world.server().count(u"SELECT count(*) FROM stock_movements"_s), 0);
        QCOMPARE(m_world.ledger(u"charges"_s).size(), 0);
        QCOMPARE(m_world.onHand(u"BROT"_s), 10);
        // The key was not used up: with 10 loaves the same key works.
        QCOMPARE(m_world.post("web-3", remoteOrder(id, 1, u"tok_visa"_s, 10)).status, 201);
        QCOMPARE(m_world.onHand(u"BROT"_s), 0);
    }

    void aLostAnswerAfterCaptureIsSettledByAsking()
    {
        QCOMPARE(http(m_world.network(), "POST", m_world.paysim().url(u"/v1/faults"_s), {}, {},
                      R"({"mode":"drop_after_capture","times":1})")
                     .status,
                 200);
        const QString id = newId();
        const HttpAnswer answer = m_world.post("web-4", remoteOrder(id, 1, u"tok_visa"_s));
        QCOMPARE(answer.status, 201);
        QCOMPARE(answer.json().value(u"status"_s).toString(), u"PAID"_s);
        QCOMPARE(m_world.ledger(u"charges"_s).size(), 1);
        QCOMPARE(m_world.onHand(u"BROT"_s), 8);
    }

    void killedAtAFaultPointStillChargesOnce_data()
    {
        QTest::addColumn<QString>("point");
        QTest::newRow("after reserve") << u"after_reserve"_s;
        QTest::newRow("after charge") << u"after_charge"_s;
        QTest::newRow("before confirm") << u"before_confirm"_s;
    }

    void killedAtAFaultPointStillChargesOnce()
    {
        QFETCH(QString, point);
        m_world.server().stop();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"COUNTERLINE_FAULT_POINT"_s, point);
        QVERIFY(m_world.startServer(environment));

        const QString id = newId();
        const QByteArray body = remoteOrder(id, 1, u"tok_visa"_s);
        QCOMPARE(m_world.post("web-5", body).status, 0); // the server died with the request
        QTRY_COMPARE_WITH_TIMEOUT(m_world.server().process().state(), QProcess::NotRunning, 10'000);
        QCOMPARE(m_world.server().process().exitStatus(), QProcess::CrashExit);

        // Back up without the fault; the web shop sends the same request again until answered.
        QVERIFY(m_world.startServer());
        HttpAnswer answer;
        QDeadlineTimer deadline(30'000);
        do {
            answer = m_world.post("web-5", body);
            if (answer.status == 201 || answer.status == 200)
                break;
            QTest::qWait(200);
        } while (!deadline.hasExpired());
        QVERIFY2(answer.status == 201 || answer.status == 200, answer.body.constData());
        QCOMPARE(answer.json().value(u"status"_s).toString(), u"PAID"_s);

        const QJsonArray charges = m_world.ledger(u"charges"_s);
        QCOMPARE(charges.size(), 1);
        QCOMPARE(charges[0].toObject().value(u"status"_s).toString(), u"captured"_s);
        QCOMPARE(m_world.onHand(u"BROT"_s), 8);
        QCOMPARE(m_world.onHand(u"WEIN"_s), 4);
        QCOMPARE(m_world.server().count(
                     u"SELECT count(*) FROM stock_movements WHERE order_id = '%1'"_s.arg(id)),
                 2);
        QCOMPARE(m_world.get(u"/v1/orders/%1/saga"_s.arg(id)).json().value(u"step"_s).toString(),
                 u"done"_s);
        QCOMPARE(m_world.eventTypes(id), (QStringList{u"order.placed"_s, u"order.paid"_s}));
    }

    // The card was charged, the server died before confirming, and head office cancelled the
    // order meanwhile: the saga, resumed, gives the money back (one charge, one full refund) and
    // the stock comes back once — not by the cancel and the saga both.
    void cancelledWhileChargingIsRefundedOnce()
    {
        m_world.server().stop();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"COUNTERLINE_FAULT_POINT"_s, u"before_confirm"_s);
        QVERIFY(
            m_world.startServer(environment, 600)); // the saga is held, so nobody resumes it yet
        const QString id = newId();
        QCOMPARE(m_world.post("web-7", remoteOrder(id, 1, u"tok_visa"_s)).status, 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_world.server().process().state(), QProcess::NotRunning, 10'000);
        QVERIFY(m_world.startServer({}, 600));
        QCOMPARE(m_world.ledger(u"charges"_s).size(), 1);
        QCOMPARE(m_world.orderStatus(id), u"CREATED"_s);

        const QByteArray backOffice = m_world.office();
        const HttpAnswer cancelled =
            http(m_world.network(), "POST", m_world.server().url(u"/v1/orders/%1/cancel"_s.arg(id)),
                 backOffice, "cancel-7",
                 R"({"reason":"customer called","restock":true,"refund_tenders":true})");
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(m_world.orderStatus(id), u"CANCELLED"_s);
        QCOMPARE(m_world.onHand(u"BROT"_s), 10);

        // The held saga's lease runs out (as if the time had passed); the worker resumes it.
        QCOMPARE(
            m_world.server().count(u"UPDATE sagas SET lease_until = '2000-01-01T00:00:00.000Z' "
                                   "WHERE order_id = '%1'"_s.arg(id)),
            1);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_world.get(u"/v1/orders/%1/saga"_s.arg(id)).json().value(u"step"_s).toString(),
            u"cancelled"_s, 20'000);
        const QJsonArray refunds = m_world.ledger(u"refunds"_s);
        QCOMPARE(refunds.size(), 1);
        QCOMPARE(refunds[0].toObject().value(u"amount"_s).toInt(), 1397);
        QCOMPARE(m_world.ledger(u"charges"_s).size(), 1);
        QCOMPARE(m_world.onHand(u"BROT"_s), 10); // restocked by the cancel, not released again
        QCOMPARE(m_world.onHand(u"WEIN"_s), 5);
        QCOMPARE(m_world.orderStatus(id), u"CANCELLED"_s);
    }

    // Counter sales arrive paid: their stock leaves at once; a card taken offline is captured
    // afterwards by the recovery worker, and a decline then goes on the follow-up list.
    void offlineCardSalesAreCapturedOrFollowedUp()
    {
        const QString approved = newId();
        QCOMPARE(m_world.post("till-1", offlineCardSale(approved, 1, u"tok_visa"_s)).status, 201);
        const QString declined = newId();
        QCOMPARE(m_world.post("till-2", offlineCardSale(declined, 2, u"tok_expired_1"_s)).status,
                 201);
        QCOMPARE(m_world.onHand(u"BROT"_s), 8);

        QTRY_COMPARE_WITH_TIMEOUT(
            m_world.get(u"/v1/orders/%1/saga"_s.arg(approved)).json().value(u"step"_s).toString(),
            u"done"_s, 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_world.get(u"/v1/orders/%1/saga"_s.arg(declined)).json().value(u"step"_s).toString(),
            u"follow_up"_s, 20'000);
        QCOMPARE(m_world.orderStatus(approved), u"PAID"_s);
        QCOMPARE(m_world.orderStatus(declined), u"PAID"_s);

        const QJsonArray followUps =
            m_world.get(u"/v1/follow-ups"_s).json().value(u"follow_ups"_s).toArray();
        QCOMPARE(followUps.size(), 1);
        QCOMPARE(followUps[0].toObject().value(u"order_id"_s).toString(), declined);
        QCOMPARE(followUps[0].toObject().value(u"kind"_s).toString(), u"capture_declined"_s);
        QCOMPARE(followUps[0].toObject().value(u"amount"_s).toInt(), 249 + 899);
        QVERIFY(followUps[0].toObject().value(u"detail"_s).toString().contains(u"expired_card"_s));
        QCOMPARE(m_world.ledger(u"charges"_s).size(), 2);
    }

    // A counter sale has left the shop: more than is on hand is sold all the same, and flagged.
    void counterSalesMayTakeStockBelowZero()
    {
        QJsonObject order =
            QJsonDocument::fromJson(remoteOrder(newId(), 1, u"tok_visa"_s, 12)).object();
        order.insert(u"status"_s, u"PAID"_s);
        order.insert(u"version"_s, 2);
        order.insert(u"tenders"_s,
                     QJsonArray{QJsonObject{{u"kind"_s, u"cash"_s},
                                            {u"amount"_s, order.value(u"total"_s).toInt()}}});
        QCOMPARE(m_world.post("till-3", QJsonDocument(order).toJson(QJsonDocument::Compact)).status,
                 201);
        QCOMPARE(m_world.onHand(u"BROT"_s), -2);
        QCOMPARE(m_world.onHand(u"WEIN"_s), 4);
        QCOMPARE(
            m_world.server().count(u"SELECT count(*) FROM stock_movements WHERE sku = 'BROT' AND "
                                   "below_zero = 1"_s),
            1);
        QCOMPARE(
            m_world.server().count(u"SELECT count(*) FROM stock_movements WHERE sku = 'WEIN' AND "
                                   "below_zero = 0"_s),
            1);
        QCOMPARE(m_world.ledger(u"charges"_s).size(), 0); // nothing to charge: paid in cash
        // Its saga was its ingest: done, with the stock step and nothing left to resume.
        const QJsonObject saga =
            m_world.get(u"/v1/orders/%1/saga"_s.arg(order.value(u"id"_s).toString())).json();
        QCOMPARE(saga.value(u"step"_s).toString(), u"done"_s);
        QCOMPARE(saga.value(u"kind"_s).toString(), u"counter"_s);
        QCOMPARE(m_world.server().count(u"SELECT count(*) FROM sagas"_s), 0);
    }

    // A server without a payment service reserves nothing for a card it cannot charge.
    void withoutAPaymentServiceRemoteOrdersAreRefused()
    {
        m_world.server().stop();
        QVERIFY(m_world.server().start());
        const HttpAnswer answer = m_world.post("web-6", remoteOrder(newId(), 1, u"tok_visa"_s));
        QCOMPARE(answer.status, 503);
        QCOMPARE(answer.json().value(u"code"_s).toString(), u"payments.unavailable"_s);
        QCOMPARE(m_world.server().count(u"SELECT count(*) FROM orders"_s), 0);
        QCOMPARE(m_world.onHand(u"BROT"_s), 10);
    }

    void badPaymentTendersAreRefusedByName()
    {
        QJsonObject order =
            QJsonDocument::fromJson(remoteOrder(newId(), 1, u"tok_visa"_s)).object();
        QJsonArray tenders = order.value(u"tenders"_s).toArray();
        QJsonObject tender = tenders[0].toObject();
        tender.remove(u"payment_token"_s);
        tenders[0] = tender;
        order.insert(u"tenders"_s, tenders);
        HttpAnswer answer =
            m_world.post("bad-1", QJsonDocument(order).toJson(QJsonDocument::Compact));
        QCOMPARE(answer.status, 400);
        QVERIFY2(
            answer.json().value(u"detail"_s).toString().contains(u"tenders[0].payment_token"_s),
            answer.body.constData());
        QCOMPARE(m_world.server().count(u"SELECT count(*) FROM orders"_s), 0);
        QCOMPARE(m_world.ledger(u"charges"_s).size(), 0);
    }

private:
    QTemporaryDir m_dir;
    SagaFixture m_world;
};

QTEST_GUILESS_MAIN(SagaTest)
#include "tst_saga.moc"
