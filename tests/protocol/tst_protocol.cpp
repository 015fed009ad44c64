#include "domain/currency.h"
#include "protocol/money_json.h"
#include "protocol/order_body.h"
#include "protocol/order_request.h"
#include "protocol/payment_wire.h"
#include "protocol/problem.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace counterline;
using namespace counterline::protocol;
using namespace Qt::StringLiterals;

namespace {

// A till's frozen sale record as the outbox holds it (store::OrderRecord's JSON), with a journal
// link: two lines, cash and a card taken offline, three events, a cashier and an approver.
QJsonObject frozenSale()
{
    const QJsonArray lines{QJsonObject{{u"line_no"_s, 1},
                                       {u"sku"_s, u"SKU-1"_s},
                                       {u"name"_s, u"Brot"_s},
                                       {u"unit_price"_s, 349},
                                       {u"quantity"_s, 2},
                                       {u"tax_rate_ppm"_s, 70000},
                                       {u"discount"_s, 50},
                                       {u"total"_s, 648},
                                       {u"tax"_s, 42}},
                           QJsonObject{{u"line_no"_s, 2},
                                       {u"sku"_s, u"SKU-2"_s},
                                       {u"name"_s, u"Käse 200 g"_s},
                                       {u"unit_price"_s, 1099},
                                       {u"quantity"_s, 1},
                                       {u"tax_rate_ppm"_s, 70000},
                                       {u"total"_s, 1099}}};
    const QJsonArray tenders{QJsonObject{{u"kind"_s, u"cash"_s}, {u"amount"_s, 747}},
                             QJsonObject{{u"kind"_s, u"card"_s},
                                         {u"amount"_s, 1000},
                                         {u"reference"_s, u"tok_visa"_s},
                                         {u"needs_capture"_s, true}}};
    const QJsonArray events{QJsonObject{{u"event"_s, u"Place"_s},
                                        {u"to"_s, u"CREATED"_s},
                                        {u"version"_s, 1},
                                        {u"actor"_s, u"anna"_s},
                                        {u"at"_s, u"2026-12-04T10:00:00.000Z"_s}},
                            QJsonObject{{u"event"_s, u"PaymentCaptured"_s},
                                        {u"from"_s, u"CREATED"_s},
                                        {u"to"_s, u"PAID"_s},
                                        {u"version"_s, 2},
                                        {u"actor"_s, u"anna"_s},
                                        {u"at"_s, u"2026-12-04T10:00:01.000Z"_s}},
                            QJsonObject{{u"event"_s, u"HandOver"_s},
                                        {u"from"_s, u"PAID"_s},
                                        {u"to"_s, u"COMPLETED"_s},
                                        {u"version"_s, 3},
                                        {u"actor"_s, u"anna"_s},
                                        {u"approved_by"_s, u"mia"_s},
                                        {u"at"_s, u"2026-12-04T10:00:02.000Z"_s}}};
    return QJsonObject{{u"type"_s, u"sale"_s},
                       {u"id"_s, u"0190a1b2-0000-7000-8000-000000000001"_s},
                       {u"receipt_no"_s, u"S1-T1-000042"_s},
                       {u"store_id"_s, u"S1"_s},
                       {u"terminal_id"_s, u"T1"_s},
                       {u"cashier_id"_s, u"anna"_s},
                       {u"customer_id"_s, u"K-1042"_s},
                       {u"currency"_s, u"EUR"_s},
                       {u"created_at"_s, u"2026-12-04T10:00:00.000Z"_s},
                       {u"status"_s, u"COMPLETED"_s},
                       {u"version"_s, 3},
                       {u"total"_s, 1747},
                       {u"lines"_s, lines},
                       {u"tenders"_s, tenders},
                       {u"events"_s, events}};
}

const QString kHash = QString(64, u'a');
const QString kPrevHash = QString(64, u'b');

QByteArray outboxPayload(const QJsonObject &record)
{
    const QJsonObject journal{{u"seq"_s, 42}, {u"prev_hash"_s, kPrevHash}, {u"hash"_s, kHash}};
    return QJsonDocument(QJsonObject{{u"order"_s, record}, {u"journal"_s, journal}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

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
    // What the till writes (orderRequestBody) the server reads back whole (parseOrderBody).
    void aSaleRoundTrips()
    {
        const Result<QByteArray> body = orderRequestBody(outboxPayload(frozenSale()));
        QVERIFY(body);
        const Result<WireOrder> order = parseOrderBody(*body);
        QVERIFY2(order, order ? "" : qPrintable(order.error().message));
        QVERIFY(!order->isReturn);
        QCOMPARE(order->id, u"0190a1b2-0000-7000-8000-000000000001"_s);
        QCOMPARE(order->receiptNo, u"S1-T1-000042"_s);
        QCOMPARE(order->storeId, u"S1"_s);
        QCOMPARE(order->terminalId, u"T1"_s);
        QCOMPARE(order->cashierId, u"anna"_s);
        QCOMPARE(order->customerId, u"K-1042"_s);
        QCOMPARE(order->currency, u"EUR"_s);
        QCOMPARE(order->status, u"COMPLETED"_s);
        QCOMPARE(order->version, 3);
        QCOMPARE(order->total, qint64(1747));
        QCOMPARE(order->lines.size(), 2);
        const WireLine &bread = order->lines[0];
        QCOMPARE(bread.lineNo, 1);
        QCOMPARE(bread.sku, u"SKU-1"_s);
        QCOMPARE(bread.unitPrice, qint64(349));
        QCOMPARE(bread.quantity, qint64(2));
        QCOMPARE(bread.taxRatePpm, qint64(70000));
        QCOMPARE(bread.discount, qint64(50));
        QCOMPARE(bread.total, qint64(648));
        QCOMPARE(bread.tax, qint64(0)); // not on the wire: the server computes it
        QCOMPARE(order->lines[1].name, u"Käse 200 g"_s);
        QCOMPARE(order->lines[1].discount, qint64(0));
        QCOMPARE(order->tenders.size(), 2);
        QCOMPARE(order->tenders[0].kind, u"cash"_s);
        QVERIFY(!order->tenders[0].needsCapture);
        QCOMPARE(order->tenders[1].paymentToken, u"tok_visa"_s);
        QVERIFY(order->tenders[1].needsCapture);
        QVERIFY(order->needsCapture());
        QVERIFY(!order->isRemote()); // it arrives COMPLETED: a counter sale
        QCOMPARE(order->events.size(), 3);
        QCOMPARE(order->events[2].event, u"HandOver"_s);
        QCOMPARE(order->events[2].from, u"PAID"_s);
        QCOMPARE(order->events[2].approvedBy, u"mia"_s);
        QVERIFY(order->events[0].from.isEmpty());
        QVERIFY(order->journal.has_value());
        QCOMPARE(order->journal->seq, qint64(42));
        QCOMPARE(order->journal->hash, kHash);
        QCOMPARE(order->journal->prevHash, kPrevHash);
        // The fingerprint's form is the body as sent, compact.
        QCOMPARE(order->canonical, QJsonDocument::fromJson(*body).toJson(QJsonDocument::Compact));
    }

    void aReturnRoundTrips()
    {
        QJsonObject record = frozenSale();
        record.insert(u"type"_s, u"return"_s);
        record.insert(u"id"_s, u"0190a1b2-0000-7000-8000-000000000002"_s);
        record.insert(u"original_order_id"_s, u"0190a1b2-0000-7000-8000-000000000001"_s);
        QJsonArray lines = record.value(u"lines"_s).toArray();
        QJsonObject line = lines[0].toObject();
        line.insert(u"original_line_no"_s, 1);
        record.insert(u"lines"_s, QJsonArray{line});
        record.insert(u"total"_s, 648);
        record.insert(u"tenders"_s,
                      QJsonArray{QJsonObject{{u"kind"_s, u"cash"_s}, {u"amount"_s, 648}}});
        const Result<WireOrder> order =
            parseOrderBody(orderRequestBody(outboxPayload(record)).value());
        QVERIFY2(order, order ? "" : qPrintable(order.error().message));
        QVERIFY(order->isReturn);
        QCOMPARE(order->originalOrderId, u"0190a1b2-0000-7000-8000-000000000001"_s);
        QCOMPARE(order->lines.size(), 1);
        QCOMPARE(order->lines[0].originalLineNo, 1);
    }

    // Each wrong field is named by its path; the first one wins.
    void badBodiesNameTheField_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("named");
        QTest::newRow("id") << u"id"_s << QJsonValue(u"nope"_s) << u"\"id\" must be a UUID"_s;
        QTest::newRow("status") << u"status"_s << QJsonValue(u"SOLD"_s)
                                << u"\"status\" is not an order status"_s;
        QTest::newRow("quantity") << u"lines.0.quantity"_s << QJsonValue(1.5)
                                  << u"\"lines[0].quantity\" must be a whole number"_s;
        QTest::newRow("tender kind") << u"tenders.1.kind"_s << QJsonValue(u"iou"_s)
                                     << u"\"tenders[1].kind\" must be cash or card"_s;
        QTest::newRow("event") << u"events.2.event"_s << QJsonValue(u"Teleport"_s)
                               << u"\"events[2].event\" is not an order event"_s;
        QTest::newRow("journal") << u"journal.seq"_s << QJsonValue(0)
                                 << u"\"journal.seq\" must be a whole number from 1"_s;
    }

    void badBodiesNameTheField()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, named);
        QJsonObject body =
            QJsonDocument::fromJson(orderRequestBody(outboxPayload(frozenSale())).value()).object();
        const QStringList parts = path.split(u'.');
        if (parts.size() == 1) {
            body.insert(parts[0], value);
        } else if (parts.size() == 2) {
            QJsonObject inner = body.value(parts[0]).toObject();
            inner.insert(parts[1], value);
            body.insert(parts[0], inner);
        } else {
            QJsonArray list = body.value(parts[0]).toArray();
            QJsonObject item = list[parts[1].toInt()].toObject();
            item.insert(parts[2], value);
            list[parts[1].toInt()] = item;
            body.insert(parts[0], list);
        }
        const Result<WireOrder> order =
            parseOrderBody(QJsonDocument(body).toJson(QJsonDocument::Compact));
        QVERIFY(!order);
        QCOMPARE(order.error().code, u"request.invalid_field"_s);
        QVERIFY2(order.error().message.contains(named), qPrintable(order.error().message));
        QCOMPARE(parseOrderBody("{not json").error().code, u"request.malformed_json"_s);
    }

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

    // The pool classifier reads bytes only: a key spelt with escapes still counts (found by
    // fuzz/order_body_fuzzer), a counter sale without the key does not.
    void bodiesThatMayNeedCaptureAreToldFromTheirBytes()
    {
        QVERIFY(mayNeedCapture(R"({"tenders":[{"needs_capture":true}]})"));
        QVERIFY(mayNeedCapture(R"({"tenders":[{"needs\u005fcapture":true}]})"));
        QVERIFY(mayNeedCapture("{\"tenders\":[{\"needs_capture\" :\n true}]}"));
        QVERIFY(!mayNeedCapture(R"({"tenders":[{"kind":"cash","amount":500}]})"));
        // A till writes the key on every tender: false keeps a counter sale off the payment pool.
        QVERIFY(!mayNeedCapture(R"({"tenders":[{"kind":"card","needs_capture":false}]})"));
        QVERIFY(!mayNeedCapture(R"({"name":"needs_capture","needs_capture":false})"));
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
