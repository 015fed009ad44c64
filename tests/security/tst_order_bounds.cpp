// What no genuine till sends (issue 20, items 2, 3 and 6), against the real server on SQLite and
// PostgreSQL: amounts above what one sale may carry and sums that would wrap 64 bits are refused
// with 422 order.out_of_bounds naming the field — never stored, never a 500 — and a genuine sale
// is still taken afterwards; a journal link taken twice, or numbers claimed far ahead, are
// refused naming the link or the gap; a history whose versions disagree is refused.

#include "domain/sale_bounds.h"
#include "tests/server/server_harness.h"
#include "tests/server/wire_orders.h"

#include <QJsonArray>

using namespace counterline;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject line(int number, qint64 unitPrice, qint64 quantity, qint64 total)
{
    return QJsonObject{{u"line_no"_s, number},    {u"sku"_s, u"BROT"_s},
                       {u"name"_s, u"Brot"_s},    {u"unit_price"_s, unitPrice},
                       {u"quantity"_s, quantity}, {u"tax_rate_ppm"_s, 0},
                       {u"discount"_s, 0},        {u"total"_s, total}};
}

// A sale of the given lines, paid in cash with `tendered` (no tender at all for 0), without a
// journal link.
QByteArray sale(const QJsonArray &lines, qint64 total, qint64 tendered)
{
    QJsonObject order = orderJson(newId(), 1);
    order.remove(u"journal"_s);
    order.insert(u"lines"_s, lines);
    order.insert(u"total"_s, total);
    order.insert(u"tenders"_s, tendered == 0 ? QJsonArray()
                                             : QJsonArray{QJsonObject{{u"kind"_s, u"cash"_s},
                                                                      {u"amount"_s, tendered}}});
    return QJsonDocument(order).toJson(QJsonDocument::Compact);
}

} // namespace

class OrderBoundsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { onBothDatabases(); }

    void init()
    {
        m_server = serverForThisRow();
        QVERIFY2(m_server->problem().isEmpty(), qPrintable(m_server->problem()));
        QVERIFY(m_server->addStore(u"S1"_s));
        m_till = m_server->enroll(u"S1"_s, u"T1"_s);
        m_office = m_server->addUser(u"Petra"_s);
        QVERIFY(m_server->start());
    }

    void cleanup() { m_server.reset(); }

    void figuresNoTillSendsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        const qint64 huge = qint64(1) << 53;
        QJsonArray wrapping;
        for (int i = 1; i <= 2048; ++i)
            wrapping.append(line(i, huge, 1, huge));
        // 2,048 × 2^53 is 2^64: it wrapped to 0 and was stored with total 0.
        QTest::newRow("lines that wrap to 0") << sale(wrapping, 0, 0) << u"lines[0].unit_price"_s;
        QTest::newRow("a price above the bound")
            << sale({line(1, kMaxSaleAmount + 1, 1, kMaxSaleAmount + 1)}, kMaxSaleAmount + 1,
                    kMaxSaleAmount + 1)
            << u"lines[0].unit_price"_s;
        QTest::newRow("price × quantity above the bound")
            << sale({line(1, kMaxSaleAmount / 10, 11, kMaxSaleAmount / 10 * 11)},
                    kMaxSaleAmount / 10 * 11, kMaxSaleAmount / 10 * 11)
            << u"lines[0].total"_s;
        QTest::newRow("many lines that pass the bound together")
            << sale({line(1, kMaxSaleAmount, 1, kMaxSaleAmount), line(2, 1, 1, 1)},
                    kMaxSaleAmount + 1, kMaxSaleAmount + 1)
            << u"total"_s;
        QTest::newRow("a tender above the bound")
            << sale({line(1, 100, 1, 100)}, 100, kMaxSaleAmount + 1) << u"tenders[0].amount"_s;
    }

    void figuresNoTillSendsAreRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const HttpAnswer answer = http(m_network, "POST", m_server->url(u"/v1/orders"_s), m_till,
                                       "bounds-" + newId().toLatin1(), body);
        QCOMPARE(answer.status, 422);
        QCOMPARE(answer.json().value(u"code"_s).toString(), u"order.out_of_bounds"_s);
        const QString detail = answer.json().value(u"detail"_s).toString();
        QVERIFY2(detail.startsWith(u'"' + field) || detail.contains(field), qPrintable(detail));

        // Nothing was stored, and the sums the back office makes still work.
        const HttpAnswer listed =
            http(m_network, "GET", m_server->url(u"/v1/orders?store=S1"_s), m_office);
        QCOMPARE(listed.status, 200);
        QCOMPARE(listed.json().value(u"orders"_s).toArray().size(), 0);

        // A genuine sale is taken as before.
        const HttpAnswer genuine = http(m_network, "POST", m_server->url(u"/v1/orders"_s), m_till,
                                        "genuine", sale({line(1, 249, 3, 747)}, 747, 1000));
        QVERIFY2(genuine.status == 201, genuine.body.constData());
    }

    // A journal link records one change (issue 20, item 6): the same link under a second
    // order is refused and the second order is not stored.
    void aJournalLinkRecordsOneOrder()
    {
        const QJsonObject first = orderJson(newId(), 1);
        QCOMPARE(postOrder("first", first).status, 201);
        QJsonObject second = orderJson(newId(), 2);
        second.insert(u"journal"_s, first.value(u"journal"_s));
        const HttpAnswer taken = postOrder("second", second);
        QCOMPARE(taken.status, 422);
        QCOMPARE(taken.json().value(u"code"_s).toString(), u"journal.link_taken"_s);
        QCOMPARE(ordersHeld(), 1);
    }

    // Numbers far ahead of what the server holds for the till are refused, naming the gap, so
    // that no one can claim the real till's next numbers; next to what is held they are taken.
    void journalNumbersFarAheadAreRefused()
    {
        const HttpAnswer ahead = postOrder("ahead", orderJson(newId(), 1'002));
        QCOMPARE(ahead.status, 422);
        QCOMPARE(ahead.json().value(u"code"_s).toString(), u"journal.too_far_ahead"_s);
        const QString detail = ahead.json().value(u"detail"_s).toString();
        QVERIFY2(detail.contains(u"1 to 1001"_s), qPrintable(detail));
        QCOMPARE(ordersHeld(), 0);

        QCOMPARE(postOrder("one", orderJson(newId(), 1)).status, 201);
        QCOMPARE(postOrder("jump", orderJson(newId(), 1'001)).status, 201);
        QCOMPARE(ordersHeld(), 2);
    }

    // Item 3: a history whose versions disagree with each other or with the order's is refused
    // (422, nothing stored), so no order is stored that could never be changed again; a sale
    // stored with a history that agrees is cancelled centrally as any other.
    void eventVersionsThatDisagreeAreRefused_data()
    {
        QTest::addColumn<int>("capturedAt");
        QTest::addColumn<int>("orderVersion");
        QTest::newRow("a version skipped") << 3 << 3;
        QTest::newRow("the order's version not its history's") << 2 << 5;
        QTest::newRow("a version repeated") << 1 << 2;
    }

    void eventVersionsThatDisagreeAreRefused()
    {
        QFETCH(int, capturedAt);
        QFETCH(int, orderVersion);
        const auto withHistory = [](QJsonObject order, int captured, int version) {
            const QString at = order.value(u"created_at"_s).toString();
            order.insert(u"version"_s, version);
            order.insert(u"events"_s, QJsonArray{QJsonObject{{u"event"_s, u"Place"_s},
                                                             {u"to"_s, u"CREATED"_s},
                                                             {u"version"_s, 1},
                                                             {u"actor"_s, u"anna"_s},
                                                             {u"at"_s, at}},
                                                 QJsonObject{{u"event"_s, u"PaymentCaptured"_s},
                                                             {u"from"_s, u"CREATED"_s},
                                                             {u"to"_s, u"PAID"_s},
                                                             {u"version"_s, captured},
                                                             {u"actor"_s, u"anna"_s},
                                                             {u"at"_s, at}}});
            return order;
        };
        const HttpAnswer refused =
            postOrder("disagree", withHistory(orderJson(newId(), 1), capturedAt, orderVersion));
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.json().value(u"code"_s).toString(), u"order.illegal_transition"_s);
        QCOMPARE(ordersHeld(), 0);

        const QJsonObject genuine = withHistory(orderJson(newId(), 1), 2, 2);
        QCOMPARE(postOrder("agree", genuine).status, 201);
        const HttpAnswer cancelled =
            http(m_network, "POST",
                 m_server->url(u"/v1/orders/%1/cancel"_s.arg(genuine.value(u"id"_s).toString())),
                 m_office, "cancel",
                 QJsonDocument(QJsonObject{{u"reason"_s, u"test"_s},
                                           {u"restock"_s, true},
                                           {u"refund_tenders"_s, true}})
                     .toJson(QJsonDocument::Compact));
        QVERIFY2(cancelled.status == 200, cancelled.body.constData());
    }

private:
    HttpAnswer postOrder(const QByteArray &key, const QJsonObject &order)
    {
        return http(m_network, "POST", m_server->url(u"/v1/orders"_s), m_till, key,
                    QJsonDocument(order).toJson(QJsonDocument::Compact));
    }

    qsizetype ordersHeld()
    {
        const HttpAnswer listed =
            http(m_network, "GET", m_server->url(u"/v1/orders?store=S1"_s), m_office);
        return listed.status == 200 ? listed.json().value(u"orders"_s).toArray().size() : -1;
    }

    std::unique_ptr<ServerUnderTest> m_server;
    QNetworkAccessManager m_network;
    QByteArray m_till;
    QByteArray m_office;
};

QTEST_GUILESS_MAIN(OrderBoundsTest)
#include "tst_order_bounds.moc"
