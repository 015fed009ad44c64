#include "domain/currency.h"
#include "sync/protocol/money_json.h"
#include "sync/protocol/order_request.h"
#include "sync/protocol/payment_wire.h"
#include "sync/protocol/problem.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace counterline;
using namespace counterline::protocol;
using namespace Qt::StringLiterals;

class ProtocolTest : public QObject
{
    Q_OBJECT

private slots:
    void problemRoundTrips()
    {
        const Problem problem = Problem::fromError(
            Error{u"order.illegal_transition"_s, u"cannot Ship a CREATED order"_s}, 422);
        QCOMPARE(problem.title, u"Unprocessable Content"_s);
        const Result<Problem> back = Problem::fromBody(problem.toBody());
        QVERIFY(back.ok());
        QCOMPARE(*back, problem);
        QCOMPARE(back->toError().code, u"order.illegal_transition"_s);
    }

    void malformedProblemsAreErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("html") << QByteArray("<html>Bad Gateway</html>");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("no code") << QByteArray(R"({"status":500})");
        QTest::newRow("status text") << QByteArray(R"({"status":"500","code":"x"})");
        QTest::newRow("empty") << QByteArray();
    }
    void malformedProblemsAreErrors()
    {
        QFETCH(QByteArray, body);
        const Result<Problem> parsed = Problem::fromBody(body);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, u"protocol.problem_malformed"_s);
    }

    void amounts_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("minor");
        QTest::newRow("cents") << QByteArray(R"({"a":1499})") << true << qint64(1499);
        QTest::newRow("negative") << QByteArray(R"({"a":-5})") << true << qint64(-5);
        QTest::newRow("largest exact")
            << QByteArray(R"({"a":9007199254740992})") << true << qint64(9007199254740992);
        QTest::newRow("fraction") << QByteArray(R"({"a":14.99})") << false << qint64(0);
        QTest::newRow("string") << QByteArray(R"({"a":"1499"})") << false << qint64(0);
        QTest::newRow("beyond 2^53") << QByteArray(R"({"a":1e20})") << false << qint64(0);
        QTest::newRow("missing") << QByteArray(R"({})") << false << qint64(0);
    }
    void amounts()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, valid);
        QFETCH(qint64, minor);
        const Currency euro = *Currency::fromCode(u"EUR");
        const QJsonValue value = QJsonDocument::fromJson(json).object().value(u"a"_s);
        const Result<Money> amount = amountFromJson(value, euro, u"unit_price");
        QCOMPARE(amount.ok(), valid);
        if (valid) {
            QCOMPARE(amount->minorUnits(), minor);
            QCOMPARE(amountToJson(*amount).toInteger(), minor);
        } else {
            QCOMPARE(amount.error().code, u"protocol.amount_not_integer"_s);
            QVERIFY(amount.error().message.contains(u"unit_price"_s));
        }
    }

    // A card taken offline travels with its token for the server's saga to charge; a card
    // approved at the till does not.
    void offlineCardsCarryTheirTokenToTheServer()
    {
        const QJsonObject sale{
            {u"type"_s, u"sale"_s},
            {u"id"_s, u"0190a1b2-0000-7000-8000-000000000001"_s},
            {u"tenders"_s, QJsonArray{QJsonObject{{u"kind"_s, u"card"_s},
                                                  {u"amount"_s, 1000},
                                                  {u"reference"_s, u"tok_visa"_s},
                                                  {u"needs_capture"_s, true}},
                                      QJsonObject{{u"kind"_s, u"card"_s},
                                                  {u"amount"_s, 397},
                                                  {u"reference"_s, u"A1B2"_s},
                                                  {u"needs_capture"_s, false}}}}};
        const Result<QByteArray> body = orderRequestBody(
            QJsonDocument(QJsonObject{{u"order"_s, sale}}).toJson(QJsonDocument::Compact));
        QVERIFY(body.ok());
        const QJsonArray tenders =
            QJsonDocument::fromJson(*body).object().value(u"tenders"_s).toArray();
        QCOMPARE(tenders[0].toObject().value(u"payment_token"_s).toString(), u"tok_visa"_s);
        QVERIFY(!tenders[1].toObject().contains(u"payment_token"_s));
    }

    // A return names itself and its sale; a sale's body stays as it was (no "type"), so that a
    // request retried across an upgrade keeps its fingerprint.
    void returnsNameTheSaleTheyGiveBackFrom()
    {
        const QJsonArray lines{QJsonObject{{u"line_no"_s, 1},
                                           {u"sku"_s, u"BROT"_s},
                                           {u"quantity"_s, 2},
                                           {u"original_line_no"_s, 3}}};
        const QJsonObject back{{u"type"_s, u"return"_s},
                               {u"id"_s, u"0190a1b2-0000-7000-8000-000000000002"_s},
                               {u"original_order_id"_s, u"0190a1b2-0000-7000-8000-000000000001"_s},
                               {u"lines"_s, lines}};
        const Result<QByteArray> body = orderRequestBody(
            QJsonDocument(QJsonObject{{u"order"_s, back}}).toJson(QJsonDocument::Compact));
        QVERIFY(body.ok());
        const QJsonObject wire = QJsonDocument::fromJson(*body).object();
        QCOMPARE(wire.value(u"type"_s).toString(), u"return"_s);
        QCOMPARE(wire.value(u"original_order_id"_s).toString(),
                 u"0190a1b2-0000-7000-8000-000000000001"_s);
        QCOMPARE(wire.value(u"lines"_s).toArray()[0].toObject().value(u"original_line_no"_s),
                 QJsonValue(3));

        QJsonObject sale = back;
        sale.insert(u"type"_s, u"sale"_s);
        sale.remove(u"original_order_id"_s);
        const QJsonObject saleWire =
            QJsonDocument::fromJson(
                *orderRequestBody(
                    QJsonDocument(QJsonObject{{u"order"_s, sale}}).toJson(QJsonDocument::Compact)))
                .object();
        QVERIFY(!saleWire.contains(u"type"_s));
        QVERIFY(!saleWire.contains(u"original_order_id"_s));

        QJsonObject orphan = back;
        orphan.remove(u"original_order_id"_s);
        QCOMPARE(
            orderRequestBody(
                QJsonDocument(QJsonObject{{u"order"_s, orphan}}).toJson(QJsonDocument::Compact))
                .error()
                .code,
            u"protocol.bad_outbox_payload"_s);
    }

    void chargesSpeakThePaymentServicesWire()
    {
        const QJsonObject request =
            QJsonDocument::fromJson(chargeRequestBody(1999, u"EUR"_s, u"tok_visa"_s, u"order:1"_s))
                .object();
        QCOMPARE(request.value(u"amount"_s).toInteger(), 1999);
        QCOMPARE(request.value(u"token"_s).toString(), u"tok_visa"_s);
        const ChargeAnswer declined = chargeAnswerFrom(QJsonObject{
            {u"id"_s, u"ch_1"_s}, {u"status"_s, u"declined"_s}, {u"decline_code"_s, u"x"_s}});
        QVERIFY(!declined.captured);
        QCOMPARE(declined.declineCode, u"x"_s);
        QVERIFY(chargeAnswerFrom(QJsonObject{{u"status"_s, u"captured"_s}}).captured);
    }
};

QTEST_GUILESS_MAIN(ProtocolTest)
#include "tst_protocol.moc"
