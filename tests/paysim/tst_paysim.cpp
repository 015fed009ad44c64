// counterline-paysim over real HTTP: a charge happens once per key, declines follow the token
// rules, bad input is refused naming the field, an unknown outcome is settled by asking the key
// (never by charging again), refunds never exceed the charge, and the ledger survives a kill.

#include "tests/paysim/paysim_harness.h"
#include "tests/server/http_client.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTcpSocket>
#include <QTest>

using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

QByteArray chargeBody(qint64 amount, const char *token, const char *currency = "EUR")
{
    return QJsonDocument(QJsonObject{{u"amount"_s, amount},
                                     {u"currency"_s, QString::fromLatin1(currency)},
                                     {u"token"_s, QString::fromLatin1(token)},
                                     {u"reference"_s, u"order:test"_s}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class PaysimTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_paysim = std::make_unique<PaysimUnderTest>();
        QVERIFY2(m_paysim->start(), m_paysim->said.constData());
    }
    void cleanup() { m_paysim.reset(); }

    void aChargeHappensOncePerKey()
    {
        const HttpAnswer first = charge("k1", chargeBody(1999, "tok_visa"));
        QCOMPARE(first.status, 201);
        QCOMPARE(first.json().value(u"status"_s).toString(), u"captured"_s);
        QCOMPARE(first.json().value(u"amount"_s).toInteger(), 1999);
        QCOMPARE(first.json().value(u"idempotency_key"_s).toString(), u"k1"_s);

        const HttpAnswer again = charge("k1", chargeBody(1999, "tok_visa"));
        QCOMPARE(again.status, 201);
        QCOMPARE(again.body, first.body); // the same answer, byte for byte
        QVERIFY(first.replayed.isEmpty());
        QCOMPARE(again.replayed, QByteArray("true"));

        const HttpAnswer other = charge("k1", chargeBody(2000, "tok_visa"));
        QCOMPARE(other.status, 422);
        QCOMPARE(other.json().value(u"code"_s).toString(), u"paysim.key_reused"_s);
        QCOMPARE(charges().size(), 1);
    }

    void declinesFollowTheTokenRules_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("declineCode");
        QTest::newRow("approved") << QByteArray("tok_mastercard_01") << 201 << QString();
        QTest::newRow("insufficient")
            << QByteArray("tok_insufficient") << 402 << u"insufficient_funds"_s;
        QTest::newRow("expired") << QByteArray("tok_expired_2024") << 402 << u"expired_card"_s;
        QTest::newRow("declined") << QByteArray("tok_decline") << 402 << u"card_declined"_s;
    }
    void declinesFollowTheTokenRules()
    {
        QFETCH(QByteArray, token);
        QFETCH(int, status);
        QFETCH(QString, declineCode);
        const HttpAnswer answer = charge("k-" + token, chargeBody(500, token.constData()));
        QCOMPARE(answer.status, status);
        QCOMPARE(answer.json().value(u"decline_code"_s).toString(), declineCode);
        // A decline is the charge itself, plain JSON, also when it is sent again.
        const HttpAnswer again = charge("k-" + token, chargeBody(500, token.constData()));
        QCOMPARE(again.status, status);
        QCOMPARE(again.body, answer.body);
        QCOMPARE(again.contentType, QByteArray("application/json"));
        QCOMPARE(again.replayed, QByteArray("true"));
        // Asking by key tells the same.
        const HttpAnswer asked =
            get(u"/v1/charges?idempotency_key=k-"_s + QString::fromLatin1(token));
        QCOMPARE(asked.status, 200);
        QCOMPARE(asked.json().value(u"status"_s).toString(),
                 status == 201 ? u"captured"_s : u"declined"_s);
    }

    void badInputIsRefusedNamingTheField_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("named");
        QTest::newRow("no key") << QByteArray() << chargeBody(100, "tok_visa")
                                << u"Idempotency-Key"_s;
        QTest::newRow("not json") << QByteArray("b1") << QByteArray("{amount: 1") << u"JSON"_s;
        QTest::newRow("zero") << QByteArray("b2") << chargeBody(0, "tok_visa") << u"amount"_s;
        QTest::newRow("negative") << QByteArray("b3") << chargeBody(-5, "tok_visa") << u"amount"_s;
        QTest::newRow("fraction") << QByteArray("b4")
                                  << QByteArray(
                                         R"({"amount":19.99,"currency":"EUR","token":"tok_visa"})")
                                  << u"amount"_s;
        QTest::newRow("amount as text")
            << QByteArray("b5")
            << QByteArray(R"({"amount":"1999","currency":"EUR","token":"tok_visa"})")
            << u"amount"_s;
        QTest::newRow("currency") << QByteArray("b6") << chargeBody(100, "tok_visa", "EURO")
                                  << u"currency"_s;
        QTest::newRow("card number")
            << QByteArray("b7") << chargeBody(100, "4242424242424242") << u"token"_s;
    }
    void badInputIsRefusedNamingTheField()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, body);
        QFETCH(QString, named);
        const HttpAnswer answer = charge(key, body);
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.contentType, QByteArray("application/problem+json"));
        QVERIFY2(answer.json().value(u"detail"_s).toString().contains(named),
                 answer.body.constData());
        QCOMPARE(charges().size(), 0);
    }

    // The answer is lost after the capture: asking the key says captured, and the same request
    // again is a replay — one charge in the ledger, never two.
    void aLostAnswerIsSettledByAskingTheKey()
    {
        QCOMPARE(arm(R"({"mode":"drop_after_capture","times":1})").status, 200);
        QCOMPARE(chargeOnRawSocket("lost", chargeBody(4200, "tok_visa")), QByteArray());
        const HttpAnswer asked = get(u"/v1/charges?idempotency_key=lost"_s);
        QCOMPARE(asked.status, 200);
        QCOMPARE(asked.json().value(u"status"_s).toString(), u"captured"_s);
        QCOMPARE(charge("lost", chargeBody(4200, "tok_visa")).status, 201);
        QCOMPARE(charges().size(), 1);
    }

    // A time-out before anything was charged: the key is unknown, so trying again is safe.
    void aTimeOutChargesNothing()
    {
        QCOMPARE(arm(R"({"mode":"timeout","times":1,"delay_ms":300})").status, 200);
        QElapsedTimer waited;
        waited.start();
        QCOMPARE(chargeOnRawSocket("slow-net", chargeBody(1000, "tok_visa")), QByteArray());
        QVERIFY(waited.elapsed() >= 250);
        QCOMPARE(get(u"/v1/charges?idempotency_key=slow-net"_s).status, 404);
        QCOMPARE(charges().size(), 0);
        QCOMPARE(charge("slow-net", chargeBody(1000, "tok_visa")).status, 201);
        QCOMPARE(charges().size(), 1);
    }

    void aSlowAnswerStillComes()
    {
        QCOMPARE(arm(R"({"mode":"slow","times":1,"delay_ms":300})").status, 200);
        QElapsedTimer waited;
        waited.start();
        QCOMPARE(charge("s1", chargeBody(100, "tok_visa")).status, 201);
        QVERIFY(waited.elapsed() >= 250);
        waited.restart();
        QCOMPARE(charge("s2", chargeBody(100, "tok_visa")).status, 201); // armed once only
        QVERIFY(waited.elapsed() < 250);
        QCOMPARE(arm(R"({"mode":"sometimes"})").status, 400);
    }

    void refundsNeverExceedTheCharge()
    {
        const QString id = charge("c", chargeBody(1999, "tok_visa")).json()[u"id"_s].toString();
        const auto refundBody = [&](const QString &chargeId, qint64 amount) {
            return QJsonDocument(QJsonObject{{u"charge_id"_s, chargeId}, {u"amount"_s, amount}})
                .toJson(QJsonDocument::Compact);
        };
        const HttpAnswer first = refund("r1", refundBody(id, 500));
        QCOMPARE(first.status, 201);
        QCOMPARE(refund("r1", refundBody(id, 500)).body, first.body); // replay
        QCOMPARE(refund("r1", refundBody(id, 600)).status, 422);      // the key, reused
        const HttpAnswer tooMuch = refund("r2", refundBody(id, 1500));
        QCOMPARE(tooMuch.status, 422);
        QCOMPARE(tooMuch.json()[u"code"_s].toString(), u"paysim.refund_too_large"_s);
        QCOMPARE(refund("r3", refundBody(id, 1499)).status, 201);
        QCOMPARE(refund("r4", refundBody(u"ch_nothing"_s, 1)).status, 404);
        const QString declined =
            charge("d", chargeBody(100, "tok_decline")).json()[u"id"_s].toString();
        QCOMPARE(refund("r5", refundBody(declined, 100)).status, 422);

        const QJsonArray all = charges();
        QCOMPARE(all[0].toObject()[u"refunded"_s].toInteger(), 1999);
        QCOMPARE(get(u"/v1/ledger"_s).json()[u"refunds"_s].toArray().size(), 2);
    }

    // SIGKILL right after a charge: the charge is in the ledger when it comes back. A file at the
    // ledger's place that is no ledger is refused by name and left as it was.
    void theLedgerSurvivesAKillAndRefusesForeignFiles()
    {
        QCOMPARE(charge("kept", chargeBody(700, "tok_visa")).status, 201);
        m_paysim->process().kill();
        m_paysim->process().waitForFinished();
        PaysimUnderTest again;
        again.useDataDir(m_paysim->dataDir());
        QVERIFY2(again.start(), again.said.constData());
        QCOMPARE(http(m_network, "GET", again.url(u"/v1/charges?idempotency_key=kept"_s), {})
                     .json()[u"amount"_s]
                     .toInteger(),
                 700);
        again.stop();

        QTemporaryDir elsewhere;
        const QString path = elsewhere.filePath(u"paysim.sqlite"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray junk = QByteArray("not a ledger at all ").repeated(300);
        file.write(junk);
        file.close();
        PaysimUnderTest refused;
        refused.useDataDir(elsewhere.path());
        QVERIFY(!refused.start());
        QTRY_VERIFY(refused.process().state() == QProcess::NotRunning);
        QCOMPARE(refused.process().exitCode(), 1);
        QVERIFY2(refused.said.contains(path.toUtf8()), refused.said.constData());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), junk);
    }

    // No TLS, so no listening beyond this machine.
    void plainHttpStaysOnLoopback()
    {
        PaysimUnderTest outside;
        QVERIFY(!outside.start({u"--listen"_s, u"0.0.0.0:0"_s}));
        QTRY_VERIFY(outside.process().state() == QProcess::NotRunning);
        QCOMPARE(outside.process().exitCode(), 2);
        QVERIFY2(outside.said.contains("loopback"), outside.said.constData());
    }

private:
    // QNetworkAccessManager sends a request once more by itself when a connection closes before
    // any answer (safe here: the key makes it a replay). A plain socket shows the drop as a
    // terminal that does not do that would see it: the bytes of the answer, empty when none came.
    QByteArray chargeOnRawSocket(const QByteArray &key, const QByteArray &body)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_paysim->url({}).port()));
        if (!socket.waitForConnected(5'000))
            return "not connected";
        socket.write("POST /v1/charges HTTP/1.1\r\nHost: 127.0.0.1\r\nIdempotency-Key: " + key +
                     "\r\nContent-Type: application/json\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QByteArray answer;
        while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(10'000))
            answer += socket.readAll();
        return answer + socket.readAll();
    }
    HttpAnswer charge(const QByteArray &key, const QByteArray &body)
    {
        return http(m_network, "POST", m_paysim->url(u"/v1/charges"_s), {}, key, body);
    }
    HttpAnswer refund(const QByteArray &key, const QByteArray &body)
    {
        return http(m_network, "POST", m_paysim->url(u"/v1/refunds"_s), {}, key, body);
    }
    HttpAnswer get(const QString &path) { return http(m_network, "GET", m_paysim->url(path), {}); }
    HttpAnswer arm(const QByteArray &body)
    {
        return http(m_network, "POST", m_paysim->url(u"/v1/faults"_s), {}, {}, body);
    }
    QJsonArray charges() { return get(u"/v1/ledger"_s).json()[u"charges"_s].toArray(); }

    QNetworkAccessManager m_network;
    std::unique_ptr<PaysimUnderTest> m_paysim;
};

QTEST_GUILESS_MAIN(PaysimTest)
#include "tst_paysim.moc"
