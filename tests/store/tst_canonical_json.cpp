// The journal hashes and the outbox carries the canonical encoding of an order. It is written
// by hand for speed (store/canonical_json.h); these tests hold it to what QJsonDocument writes
// for the same object, byte for byte, over strings no till should meet but every till might. The
// objects below are the expectation: the records as QJsonObject, built independently of the
// writer, field by field from the order.

#include "domain/cart.h"
#include "domain/order_return.h"
#include "sqlkit/time_text.h"
#include "store/canonical_json.h"
#include "store/order_record.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace counterline;
using namespace counterline::store;
using namespace Qt::StringLiterals;

namespace {

QByteArray viaQt(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonValue optionalText(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject eventJson(const QString &orderId, const OrderEventRecord &event)
{
    return QJsonObject{
        {u"type"_s, u"event"_s},
        {u"order_id"_s, orderId},
        {u"event"_s, orderEventName(event.event)},
        {u"from"_s,
         event.from ? QJsonValue(orderStatusName(*event.from)) : QJsonValue(QJsonValue::Null)},
        {u"to"_s, orderStatusName(event.to)},
        {u"version"_s, event.version},
        {u"actor"_s, event.actor.userId},
        {u"approved_by"_s, optionalText(event.actor.approvedBy)},
        {u"at"_s, event.at.toUTC().toString(Qt::ISODateWithMs)},
    };
}

QJsonObject saleJson(const Order &order)
{
    const QString orderId = order.id().toString(QUuid::WithoutBraces);
    const bool isReturn = order.kind() == OrderKind::Return;
    QJsonArray lines;
    for (const OrderLine &line : order.lines()) {
        QJsonObject encoded{
            {u"line_no"_s, line.lineNo},
            {u"sku"_s, line.sku},
            {u"name"_s, line.name},
            {u"unit_price"_s, line.unitPrice.minorUnits()},
            {u"quantity"_s, line.quantity},
            {u"tax_rate_ppm"_s, line.taxRate.partsPerMillion()},
            {u"discount"_s, line.discount.minorUnits()},
            {u"net"_s, line.net.minorUnits()},
            {u"tax"_s, line.tax.minorUnits()},
            {u"total"_s, line.total.minorUnits()},
        };
        if (isReturn)
            encoded.insert(u"original_line_no"_s, line.originalLineNo);
        lines.append(encoded);
    }
    QJsonArray tenders;
    for (const Tender &tender : order.tenders()) {
        tenders.append(QJsonObject{
            {u"kind"_s, tenderKindName(tender.kind)},
            {u"amount"_s, tender.amount.minorUnits()},
            {u"reference"_s, optionalText(tender.reference)},
            {u"needs_capture"_s, tender.needsCapture},
        });
    }
    QJsonArray events;
    for (const OrderEventRecord &event : order.events())
        events.append(eventJson(orderId, event));
    QJsonObject record{
        {u"type"_s, orderKindName(order.kind())},
        {u"id"_s, orderId},
        {u"receipt_no"_s, order.receiptNumber().toString()},
        {u"store_id"_s, order.storeId()},
        {u"terminal_id"_s, order.terminalId()},
        {u"cashier_id"_s, order.cashierId()},
        {u"customer_id"_s, optionalText(order.customerId())},
        {u"currency"_s, order.currency().code()},
        {u"tax_mode"_s,
         order.policy().taxMode == TaxMode::PricesIncludeTax ? u"inclusive"_s : u"exclusive"_s},
        {u"rounding"_s, roundingRuleName(order.policy().rounding)},
        {u"created_at"_s, order.createdAt().toUTC().toString(Qt::ISODateWithMs)},
        {u"status"_s, orderStatusName(order.status())},
        {u"version"_s, order.version()},
        {u"subtotal"_s, order.subtotal().minorUnits()},
        {u"discount"_s, order.discount().minorUnits()},
        {u"net"_s, order.net().minorUnits()},
        {u"tax"_s, order.tax().minorUnits()},
        {u"total"_s, order.total().minorUnits()},
        {u"change"_s, order.change().minorUnits()},
        {u"lines"_s, lines},
        {u"tenders"_s, tenders},
        {u"events"_s, events},
    };
    if (isReturn)
        record.insert(u"original_order_id"_s,
                      order.originalOrderId().toString(QUuid::WithoutBraces));
    return record;
}

QJsonObject journalLinkJson(const JournalEntry &entry)
{
    return QJsonObject{{u"seq"_s, entry.seq},
                       {u"hash"_s, QString::fromLatin1(entry.hash)},
                       {u"prev_hash"_s, QString::fromLatin1(entry.prevHash)}};
}

// Text mixing plain letters, the characters JSON escapes, every control character, accents,
// characters beyond the BMP (surrogate pairs) and DEL.
QString awkwardText(QRandomGenerator &random)
{
    static const QList<QString> pieces{
        u"Brot"_s,         u"\""_s,     u"\\"_s, u"/"_s,
        u"Crème brûlée"_s, u"日本酒"_s, u"🍷"_s,  QString(QChar(0x7f)),
        u"\u2028"_s,       u" "_s,
    };
    QString text;
    const int parts = random.bounded(0, 8);
    for (int i = 0; i < parts; ++i) {
        if (random.bounded(3) == 0)
            text += QChar(char16_t(random.bounded(0x20))); // a control character
        else
            text += pieces[random.bounded(pieces.size())];
    }
    return text;
}

const Currency kEuro = *Currency::fromCode(u"EUR");
const QDateTime kNoon(QDate(2026, 11, 24), QTime(12, 0, 0, 7), Qt::UTC);

Order randomSale(QRandomGenerator &random)
{
    PricingPolicy policy;
    if (random.bounded(2))
        policy.taxMode = TaxMode::PricesExcludeTax;
    Cart cart(QUuid::createUuid(), kEuro, policy);
    const int lines = random.bounded(1, 6);
    for (int i = 0; i < lines; ++i) {
        const Product product{u"SKU-%1"_s.arg(i) + awkwardText(random),
                              {},
                              awkwardText(random) + u"x"_s,
                              Money(random.bounded(1, 100'000), kEuro),
                              *TaxRate::fromPartsPerMillion(random.bounded(0, 250'000))};
        if (!cart.addProduct(product, random.bounded(1, 20)))
            qFatal("cannot add a product");
    }
    const Actor cashier{u"cashier-"_s + awkwardText(random),
                        random.bounded(2) ? awkwardText(random) : QString()};
    const OrderHeader header{
        QUuid::createUuid(), *ReceiptNumber::make(u"S1", u"T1", random.bounded(1, 1'000'000)),
        cashier.userId, random.bounded(2) ? awkwardText(random) : QString(), kNoon};
    const Order placed = *Order::place(cart, header, cashier);
    const Money total = placed.total();
    const Tender tender =
        random.bounded(2)
            ? Tender{TenderKind::Cash, *total.plus(Money(random.bounded(500), kEuro)), {}, false}
            : Tender{TenderKind::Card, total, awkwardText(random), random.bounded(2) == 1};
    const QList<Tender> tenders{tender};
    return *placed.pay(tenders, cashier, kNoon.addMSecs(random.bounded(100'000)));
}

Order returnOf(const Order &sale)
{
    ReturnSource source{sale.id(),
                        sale.receiptNumber().toString(),
                        sale.kind(),
                        OrderStatus::Paid,
                        sale.currency(),
                        sale.policy(),
                        {}};
    QList<ReturnItem> items;
    for (const OrderLine &line : sale.lines()) {
        source.lines.append(ReturnableLine{line, 0});
        items.append(ReturnItem{line.lineNo, 1});
    }
    const Actor manager{u"manager-1"_s, {}};
    const OrderHeader header{
        QUuid::createUuid(), *ReceiptNumber::make(u"S1", u"T1", 99), manager.userId, {}, kNoon};
    const Order placed = *Order::placeReturn(source, items, header, manager);
    return *placed.pay({Tender{TenderKind::Cash, placed.total(), {}, false}}, manager, kNoon);
}

// Where two encodings part, with some context, for a failure message.
QString firstDifference(const QByteArray &actual, const QByteArray &expected)
{
    qsizetype at = 0;
    while (at < actual.size() && at < expected.size() && actual[at] == expected[at])
        ++at;
    if (at == actual.size() && at == expected.size())
        return {};
    const qsizetype from = qMax(qsizetype(0), at - 40);
    return u"differs at byte %1:\n  written: %2\n  Qt:      %3"_s.arg(at).arg(
        QString::fromUtf8(actual.mid(from, 80)), QString::fromUtf8(expected.mid(from, 80)));
}

#define COMPARE_JSON(actual, expected)                                                             \
    do {                                                                                           \
        const QString difference = firstDifference(actual, expected);                              \
        QVERIFY2(difference.isEmpty(), qPrintable(difference));                                    \
    } while (false)

} // namespace

class CanonicalJsonTest : public QObject
{
    Q_OBJECT

private slots:
    void stringsAreEscapedAsQtEscapesThem()
    {
        // Every UTF-16 code unit on its own (lone surrogates included), then between letters.
        for (uint unit = 0; unit <= 0xffff; ++unit) {
            const QString text = QString(QChar(char16_t(unit)));
            for (const QString &probe : {text, QString(u"a"_s + text + u"b"_s)}) {
                CanonicalJson json;
                json.beginObject().key("k"_L1).value(probe).endObject();
                const QByteArray expected = viaQt(QJsonObject{{u"k"_s, probe}});
                if (json.take() != expected)
                    QFAIL(qPrintable(u"U+%1 is written differently"_s.arg(unit, 4, 16)));
            }
        }
    }

    void numbersNullsAndNesting()
    {
        CanonicalJson json;
        json.beginObject()
            .key("a"_L1)
            .beginArray()
            .value(qint64(-9'007'199'254'740'993))
            .value(0)
            .null()
            .boolean(true)
            .beginObject()
            .endObject()
            .beginArray()
            .endArray()
            .endArray()
            .key("b"_L1)
            .optional(QString())
            .key("c"_L1)
            .raw(viaQt(QJsonObject{{u"x"_s, 1}}))
            .endObject();
        const QJsonObject expected{
            {u"a"_s, QJsonArray{qint64(-9'007'199'254'740'993), 0, QJsonValue(), true,
                                QJsonObject(), QJsonArray()}},
            {u"b"_s, QJsonValue()},
            {u"c"_s, QJsonObject{{u"x"_s, 1}}}};
        QCOMPARE(json.take(), viaQt(expected));
    }

    void salesAndReturnsEncodeAsTheirJsonObjects()
    {
        QRandomGenerator random(20261129);
        for (int round = 0; round < 300; ++round) {
            const Order sale = randomSale(random);
            COMPARE_JSON(saleRecord(sale), viaQt(saleJson(sale)));
            const Order back = returnOf(sale);
            COMPARE_JSON(saleRecord(back), viaQt(saleJson(back)));

            // The outbox payloads around them, with a journal link.
            const JournalEntry link{random.bounded(1, 1'000'000), {}, {}, {}, QByteArray(64, 'a'),
                                    QByteArray(64, 'b'),          {}};
            COMPARE_JSON(newOrderPayload(saleRecord(sale), link),
                         viaQt(QJsonObject{{u"order"_s, saleJson(sale)},
                                           {u"journal"_s, journalLinkJson(link)}}));
            const QString id = sale.id().toString(QUuid::WithoutBraces);
            for (const OrderEventRecord &event : sale.events()) {
                COMPARE_JSON(eventRecord(id, event), viaQt(eventJson(id, event)));
                QJsonObject payload = eventJson(id, event);
                payload.insert(u"expected_version"_s, event.version - 1);
                payload.insert(u"journal"_s, journalLinkJson(link));
                COMPARE_JSON(eventPayload(id, event, event.version - 1, link), viaQt(payload));
            }
        }
    }

    void timesAreWrittenAsQtWritesThem()
    {
        QRandomGenerator random(42);
        const qint64 year1 = QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        const qint64 year9999 =
            QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC).toMSecsSinceEpoch();
        QList<QDateTime> times{
            QDateTime::fromMSecsSinceEpoch(year1, Qt::UTC),
            QDateTime::fromMSecsSinceEpoch(year9999, Qt::UTC),
            QDateTime(QDate(2026, 11, 24), QTime(23, 30), Qt::OffsetFromUTC, -3600),
            QDateTime(QDate(10000, 1, 1), QTime(0, 0), Qt::UTC),
            QDateTime(QDate(-5, 1, 1), QTime(0, 0), Qt::UTC),
            QDateTime()};
        for (int i = 0; i < 10'000; ++i) {
            times.append(QDateTime::fromMSecsSinceEpoch(
                year1 + qint64(random.bounded(double(year9999 - year1))), Qt::UTC));
        }
        for (const QDateTime &time : std::as_const(times))
            QCOMPARE(sqlkit::timeText(time), time.toUTC().toString(Qt::ISODateWithMs));
        QCOMPARE(sqlkit::timeText(times[2]), u"2026-11-25T00:30:00.000Z"_s);
        QCOMPARE(sqlkit::timeFromText(sqlkit::timeText(times[1])), times[1]);
    }

    void theRecordReadsBackAsTheOrder()
    {
        QRandomGenerator random(7);
        const Order sale = randomSale(random);
        QJsonParseError error;
        const QJsonDocument parsed = QJsonDocument::fromJson(saleRecord(sale), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(parsed.object().value(u"total"_s).toInteger(), sale.total().minorUnits());
        QCOMPARE(parsed.object().value(u"lines"_s).toArray().size(), sale.lines().size());
        QCOMPARE(parsed.object().value(u"lines"_s).toArray().first().toObject().value(u"name"_s),
                 sale.lines().first().name);
    }
};

QTEST_GUILESS_MAIN(CanonicalJsonTest)
#include "tst_canonical_json.moc"
