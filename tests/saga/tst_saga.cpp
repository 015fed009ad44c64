// The order saga of BRIEF §6 against the real server and a real counterline-paysim, on SQLite and
// PostgreSQL: reserve → charge → confirm, compensation on a decline, stock refused before any
// charge, a lost answer settled by asking, the server killed at each fault point and restarted —
// exactly one charge in the payment service's ledger every time.

#include "tests/paysim/paysim_harness.h"
#include "tests/server/server_harness.h"

#include <QFile>
#include <QJsonArray>

#include <memory>

using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

// A web shop's order for `bread` loaves (2.49, 7 %) and one bottle of wine (8.99, 19 %), to be
// charged to `token`. The web shop is enrolled as terminal W1 of store S1.
QByteArray remoteOrder(const QString &id, int sequence, const QString &token, int bread = 2)
{
    const QJsonArray lines{QJsonObject{{u"line_no"_s, 1},
                                       {u"sku"_s, u"BROT"_s},
                                       {u"name"_s, u"Brot"_s},
                                       {u"unit_price"_s, 249},
                                       {u"quantity"_s, bread},
                                       {u"tax_rate_ppm"_s, 70000},
                                       {u"total"_s, 249 * bread}},
                           QJsonObject{{u"line_no"_s, 2},
                                       {u"sku"_s, u"WEIN"_s},
                                       {u"name"_s, u"Wein"_s},
                                       {u"unit_price"_s, 899},
                                       {u"quantity"_s, 1},
                                       {u"tax_rate_ppm"_s, 190000},
                                       {u"total"_s, 899}}};
    const int total = 249 * bread + 899;
    return QJsonDocument(
               QJsonObject{{u"id"_s, id},
                           {u"receipt_no"_s, u"S1-W1-%1"_s.arg(sequence, 6, 10, QChar(u'0'))},
                           {u"store_id"_s, u"S1"_s},
                           {u"terminal_id"_s, u"W1"_s},
                           {u"cashier_id"_s, u"web"_s},
                           {u"currency"_s, u"EUR"_s},
                           {u"created_at"_s, u"2026-11-29T10:00:00.000Z"_s},
                           {u"status"_s, u"CREATED"_s},
                           {u"version"_s, 1},
                           {u"total"_s, total},
                           {u"lines"_s, lines},
                           {u"tenders"_s, QJsonArray{QJsonObject{{u"kind"_s, u"card"_s},
                                                                 {u"amount"_s, total},
                                                                 {u"needs_capture"_s, true},
                                                                 {u"payment_token"_s, token}}}}})
        .toJson(QJsonDocument::Compact);
}

// A till's sale taken by card while offline: paid at the counter, the card captured later.
QByteArray offlineCardSale(const QString &id, int sequence, const QString &token)
{
    QJsonObject order = QJsonDocument::fromJson(remoteOrder(id, sequence, token, 1)).object();
    order.insert(u"status"_s, u"PAID"_s);
    order.insert(u"version"_s, 2);
    return QJsonDocument(order).toJson(QJsonDocument::Compact);
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class SagaTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { onBothDatabases(); }

    void init()
    {
        m_server = serverForThisRow();
        QVERIFY2(m_server->problem().isEmpty(), qPrintable(m_server->problem()));
        QVERIFY(m_server->addStore(u"S1"_s));
        m_web = m_server->enroll(u"S1"_s, u"W1"_s);
        QVERIFY(m_web.startsWith("clt_"));
        QFile catalog(m_dir.filePath(u"catalog.csv"_s));
        QVERIFY(catalog.open(QIODevice::WriteOnly));
        catalog.write("sku,barcode,name,price,currency,tax_rate,stock\r\n"
                      "BROT,,Brot,2.49,EUR,7,10\r\n"
                      "WEIN,,Wein,8.99,EUR,19,5\r\n");
        catalog.close();
        int code = -1;
        m_server->command({u"catalog"_s, u"import"_s, catalog.fileName(), u"--store"_s, u"S1"_s},
                          &code);
        QCOMPARE(code, 0);
        m_paysim = std::make_unique<PaysimUnderTest>();
        QVERIFY2(m_paysim->start(), m_paysim->said.constData());
        QVERIFY(startServer());
    }

    void cleanup()
    {
        m_server.reset();
        m_paysim.reset();
    }

    void remoteOrderIsReservedChargedAndConfirmed()
    {
        const QString id = newId();
        const QByteArray body = remoteOrder(id, 1, u"tok_visa"_s);
        const HttpAnswer answer = post("web-1", body);
        QCOMPARE(answer.status, 201);
        QCOMPARE(answer.json().value(u"status"_s).toString(), u"PAID"_s);
        QCOMPARE(answer.json().value(u"version"_s).toInt(), 2);
        const QString chargeId =
            answer.json().value(u"saga"_s).toObject().value(u"charge_id"_s).toString();
        QVERIFY(chargeId.startsWith(u"ch_"_s));

        const QJsonArray charges = ledger(u"charges"_s);
        QCOMPARE(charges.size(), 1);
        QCOMPARE(charges[0].toObject().value(u"idempotency_key"_s).toString(),
                 u"order:%1:charge"_s.arg(id));
        QCOMPARE(charges[0].toObject().value(u"amount"_s).toInt(), 1397);
        QCOMPARE(charges[0].toObject().value(u"id"_s).toString(), chargeId);
        QCOMPARE(onHand(u"BROT"_s), 8);
        QCOMPARE(onHand(u"WEIN"_s), 4);

        // The same request again is the same answer, byte for byte; nothing is charged again.
        const HttpAnswer replay = post("web-1", body);
        QCOMPARE(replay.status, 201);
        QCOMPARE(replay.body, answer.body);
        QCOMPARE(ledger(u"charges"_s).size(), 1);

        // Every step once, and the events the business hears about, in order.
        const HttpAnswer saga = get(u"/v1/orders/%1/saga"_s.arg(id));
        QCOMPARE(saga.json().value(u"step"_s).toString(), u"done"_s);
        QStringList steps;
        for (const QJsonValue &step : saga.json().value(u"steps"_s).toArray())
            steps.append(step.toObject().value(u"step"_s).toString());
        steps.sort();
        QCOMPARE(steps, (QStringList{u"charge"_s, u"confirm"_s, u"reserve"_s}));
        QCOMPARE(eventTypes(id), (QStringList{u"order.placed"_s, u"order.paid"_s}));
    }

    void declineReleasesTheStockAndCancels()
    {
        const QString id = newId();
        const HttpAnswer answer = post("web-2", remoteOrder(id, 1, u"tok_decline_9"_s));
        QCOMPARE(answer.status, 402);
        QCOMPARE(answer.json().value(u"code"_s).toString(), u"payment.failed"_s);
        QVERIFY2(answer.json().value(u"detail"_s).toString().contains(u"card_declined"_s),
                 answer.body.constData());
        QCOMPARE(orderStatus(id), u"CANCELLED"_s);
        QCOMPARE(onHand(u"BROT"_s), 10);
        QCOMPARE(onHand(u"WEIN"_s), 5);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM stock_movements WHERE order_id = '%1' "
                                 "AND step = 'release'"_s.arg(id)),
                 2);
        // A charge that never happened is not refunded.
        QCOMPARE(ledger(u"refunds"_s).size(), 0);
        QCOMPARE(ledger(u"charges"_s).size(), 1);
        QCOMPARE(ledger(u"charges"_s)[0].toObject().value(u"status"_s).toString(), u"declined"_s);
        QCOMPARE(eventTypes(id), (QStringList{u"order.placed"_s, u"order.payment_failed"_s}));
    }

    void moreThanOnHandIsRefusedBeforeCharging()
    {
        const QString id = newId();
        const HttpAnswer answer = post("web-3", remoteOrder(id, 1, u"tok_visa"_s, 11));
        QCOMPARE(answer.status, 422);
        QCOMPARE(answer.json().value(u"code"_s).toString(), u"stock.insufficient"_s);
        QVERIFY2(answer.json().value(u"detail"_s).toString().contains(u"BROT"_s),
                 answer.body.constData());
        QCOMPARE(m_server->count(u"SELECT count(*) FROM orders"_s), 0);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM stock_movements"_s), 0);
        QCOMPARE(ledger(u"charges"_s).size(), 0);
        QCOMPARE(onHand(u"BROT"_s), 10);
        // The key was not used up: with 10 loaves the same key works.
        QCOMPARE(post("web-3", remoteOrder(id, 1, u"tok_visa"_s, 10)).status, 201);
        QCOMPARE(onHand(u"BROT"_s), 0);
    }

    void aLostAnswerAfterCaptureIsSettledByAsking()
    {
        QCOMPARE(http(m_network, "POST", m_paysim->url(u"/v1/faults"_s), {}, {},
                      R"({"mode":"drop_after_capture","times":1})")
                     .status,
                 200);
        const QString id = newId();
        const HttpAnswer answer = post("web-4", remoteOrder(id, 1, u"tok_visa"_s));
        QCOMPARE(answer.status, 201);
        QCOMPARE(answer.json().value(u"status"_s).toString(), u"PAID"_s);
        QCOMPARE(ledger(u"charges"_s).size(), 1);
        QCOMPARE(onHand(u"BROT"_s), 8);
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
        m_server->stop();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"COUNTERLINE_FAULT_POINT"_s, point);
        QVERIFY(startServer(environment));

        const QString id = newId();
        const QByteArray body = remoteOrder(id, 1, u"tok_visa"_s);
        QCOMPARE(post("web-5", body).status, 0); // the server died with the request
        QTRY_COMPARE_WITH_TIMEOUT(m_server->process().state(), QProcess::NotRunning, 10'000);
        QCOMPARE(m_server->process().exitStatus(), QProcess::CrashExit);

        // Back up without the fault; the web shop sends the same request again until answered.
        QVERIFY(startServer());
        HttpAnswer answer;
        QDeadlineTimer deadline(30'000);
        do {
            answer = post("web-5", body);
            if (answer.status == 201 || answer.status == 200)
                break;
            QTest::qWait(200);
        } while (!deadline.hasExpired());
        QVERIFY2(answer.status == 201 || answer.status == 200, answer.body.constData());
        QCOMPARE(answer.json().value(u"status"_s).toString(), u"PAID"_s);

        const QJsonArray charges = ledger(u"charges"_s);
        QCOMPARE(charges.size(), 1);
        QCOMPARE(charges[0].toObject().value(u"status"_s).toString(), u"captured"_s);
        QCOMPARE(onHand(u"BROT"_s), 8);
        QCOMPARE(onHand(u"WEIN"_s), 4);
        QCOMPARE(m_server->count(
                     u"SELECT count(*) FROM stock_movements WHERE order_id = '%1'"_s.arg(id)),
                 2);
        QCOMPARE(get(u"/v1/orders/%1/saga"_s.arg(id)).json().value(u"step"_s).toString(),
                 u"done"_s);
        QCOMPARE(eventTypes(id), (QStringList{u"order.placed"_s, u"order.paid"_s}));
    }

    // The card was charged, the server died before confirming, and head office cancelled the
    // order meanwhile: the saga, resumed, gives the money back (one charge, one full refund) and
    // the stock comes back once — not by the cancel and the saga both.
    void cancelledWhileChargingIsRefundedOnce()
    {
        m_server->stop();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"COUNTERLINE_FAULT_POINT"_s, u"before_confirm"_s);
        QVERIFY(startServer(environment, 600)); // the saga is held, so nobody resumes it yet
        const QString id = newId();
        QCOMPARE(post("web-7", remoteOrder(id, 1, u"tok_visa"_s)).status, 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->process().state(), QProcess::NotRunning, 10'000);
        QVERIFY(startServer({}, 600));
        QCOMPARE(ledger(u"charges"_s).size(), 1);
        QCOMPARE(orderStatus(id), u"CREATED"_s);

        const QByteArray backOffice = m_server->addUser(u"Petra"_s);
        const HttpAnswer cancelled = http(
            m_network, "POST", m_server->url(u"/v1/orders/%1/cancel"_s.arg(id)), backOffice,
            "cancel-7", R"({"reason":"customer called","restock":true,"refund_tenders":true})");
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(orderStatus(id), u"CANCELLED"_s);
        QCOMPARE(onHand(u"BROT"_s), 10);

        // The held saga's lease runs out (as if the time had passed); the worker resumes it.
        QCOMPARE(m_server->count(u"UPDATE sagas SET lease_until = '2000-01-01T00:00:00.000Z' "
                                 "WHERE order_id = '%1'"_s.arg(id)),
                 1);
        QTRY_COMPARE_WITH_TIMEOUT(
            get(u"/v1/orders/%1/saga"_s.arg(id)).json().value(u"step"_s).toString(), u"cancelled"_s,
            20'000);
        const QJsonArray refunds = ledger(u"refunds"_s);
        QCOMPARE(refunds.size(), 1);
        QCOMPARE(refunds[0].toObject().value(u"amount"_s).toInt(), 1397);
        QCOMPARE(ledger(u"charges"_s).size(), 1);
        QCOMPARE(onHand(u"BROT"_s), 10); // restocked by the cancel, not released again
        QCOMPARE(onHand(u"WEIN"_s), 5);
        QCOMPARE(orderStatus(id), u"CANCELLED"_s);
    }

    // Counter sales arrive paid: their stock leaves at once; a card taken offline is captured
    // afterwards by the recovery worker, and a decline then goes on the follow-up list.
    void offlineCardSalesAreCapturedOrFollowedUp()
    {
        const QString approved = newId();
        QCOMPARE(post("till-1", offlineCardSale(approved, 1, u"tok_visa"_s)).status, 201);
        const QString declined = newId();
        QCOMPARE(post("till-2", offlineCardSale(declined, 2, u"tok_expired_1"_s)).status, 201);
        QCOMPARE(onHand(u"BROT"_s), 8);

        QTRY_COMPARE_WITH_TIMEOUT(
            get(u"/v1/orders/%1/saga"_s.arg(approved)).json().value(u"step"_s).toString(),
            u"done"_s, 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(
            get(u"/v1/orders/%1/saga"_s.arg(declined)).json().value(u"step"_s).toString(),
            u"follow_up"_s, 20'000);
        QCOMPARE(orderStatus(approved), u"PAID"_s);
        QCOMPARE(orderStatus(declined), u"PAID"_s);

        const QJsonArray followUps =
            get(u"/v1/follow-ups"_s).json().value(u"follow_ups"_s).toArray();
        QCOMPARE(followUps.size(), 1);
        QCOMPARE(followUps[0].toObject().value(u"order_id"_s).toString(), declined);
        QCOMPARE(followUps[0].toObject().value(u"kind"_s).toString(), u"capture_declined"_s);
        QCOMPARE(followUps[0].toObject().value(u"amount"_s).toInt(), 249 + 899);
        QVERIFY(followUps[0].toObject().value(u"detail"_s).toString().contains(u"expired_card"_s));
        QCOMPARE(ledger(u"charges"_s).size(), 2);
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
        QCOMPARE(post("till-3", QJsonDocument(order).toJson(QJsonDocument::Compact)).status, 201);
        QCOMPARE(onHand(u"BROT"_s), -2);
        QCOMPARE(onHand(u"WEIN"_s), 4);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM stock_movements WHERE sku = 'BROT' AND "
                                 "below_zero = 1"_s),
                 1);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM stock_movements WHERE sku = 'WEIN' AND "
                                 "below_zero = 0"_s),
                 1);
        QCOMPARE(ledger(u"charges"_s).size(), 0); // nothing to charge: paid in cash
        // Its saga was its ingest: done, with the stock step and nothing left to resume.
        const QJsonObject saga =
            get(u"/v1/orders/%1/saga"_s.arg(order.value(u"id"_s).toString())).json();
        QCOMPARE(saga.value(u"step"_s).toString(), u"done"_s);
        QCOMPARE(saga.value(u"kind"_s).toString(), u"counter"_s);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM sagas"_s), 0);
    }

    // A server without a payment service reserves nothing for a card it cannot charge.
    void withoutAPaymentServiceRemoteOrdersAreRefused()
    {
        m_server->stop();
        QVERIFY(m_server->start());
        const HttpAnswer answer = post("web-6", remoteOrder(newId(), 1, u"tok_visa"_s));
        QCOMPARE(answer.status, 503);
        QCOMPARE(answer.json().value(u"code"_s).toString(), u"payments.unavailable"_s);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM orders"_s), 0);
        QCOMPARE(onHand(u"BROT"_s), 10);
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
        HttpAnswer answer = post("bad-1", QJsonDocument(order).toJson(QJsonDocument::Compact));
        QCOMPARE(answer.status, 400);
        QVERIFY2(
            answer.json().value(u"detail"_s).toString().contains(u"tenders[0].payment_token"_s),
            answer.body.constData());
        QCOMPARE(m_server->count(u"SELECT count(*) FROM orders"_s), 0);
        QCOMPARE(ledger(u"charges"_s).size(), 0);
    }

private:
    bool
    startServer(const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                int leaseSeconds = 1)
    {
        return m_server->start({u"--payments"_s, m_paysim->url(QString()).toString(),
                                u"--key-lease-seconds"_s, QString::number(leaseSeconds),
                                u"--saga-recovery-seconds"_s, u"1"_s},
                               environment);
    }

    HttpAnswer post(const QByteArray &key, const QByteArray &body)
    {
        return http(m_network, "POST", m_server->url(u"/v1/orders"_s), m_web, key, body);
    }

    HttpAnswer get(const QString &path)
    {
        return http(m_network, "GET", m_server->url(path), m_web);
    }

    QJsonArray ledger(const QString &what)
    {
        return http(m_network, "GET", m_paysim->url(u"/v1/ledger"_s), {})
            .json()
            .value(what)
            .toArray();
    }

    qint64 onHand(const QString &sku)
    {
        return m_server->count(
            u"SELECT on_hand FROM stock WHERE store_id = 'S1' AND sku = '%1'"_s.arg(sku));
    }

    QString orderStatus(const QString &id)
    {
        const QList<QVariantList> rows =
            m_server->rows(u"SELECT status FROM orders WHERE id = '%1'"_s.arg(id));
        return rows.isEmpty() ? QString() : rows[0][0].toString();
    }

    QStringList eventTypes(const QString &id)
    {
        QStringList types;
        for (const QVariantList &row : m_server->rows(
                 u"SELECT type FROM outbox_events WHERE aggregateid = '%1' ORDER BY seq"_s.arg(id)))
            types.append(row[0].toString());
        return types;
    }

    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    std::unique_ptr<ServerUnderTest> m_server;
    std::unique_ptr<PaysimUnderTest> m_paysim;
    QByteArray m_web;
};

QTEST_GUILESS_MAIN(SagaTest)
#include "tst_saga.moc"
