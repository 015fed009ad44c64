// A till's figures compared with the catalog as of the sale (issue 20, item 4), against the real
// server on SQLite and PostgreSQL. A paid sale is a fact (BRIEF §11): it is taken, and every line
// whose price, tax rate or SKU is not the catalog's is raised on the follow-up list naming the
// line, unless a price is explained by a recorded approver. The catalog is the one the till sold
// from (catalog_version), or the one in force at the sale's time, from the kept price history.
// A remote order is not paid yet: below the catalog, with another tax rate or an unknown SKU it is
// refused with 422 and nothing is written.

#include "tests/paysim/paysim_harness.h"
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

QJsonObject coffee(qint64 unitPrice, qint64 quantity, qint64 taxRatePpm,
                   const QString &sku = u"KAFFEE"_s)
{
    return QJsonObject{{u"line_no"_s, 1},         {u"sku"_s, sku},
                       {u"name"_s, u"Kaffee"_s},  {u"unit_price"_s, unitPrice},
                       {u"quantity"_s, quantity}, {u"tax_rate_ppm"_s, taxRatePpm},
                       {u"discount"_s, 0},        {u"total"_s, unitPrice * quantity}};
}

// A till's paid sale: one loaf at the catalog's price and `line` as line 2, in cash, at
// `createdAt`.
QJsonObject sale(int sequence, QJsonObject line,
                 const QString &createdAt = u"2026-11-24T09:30:00.000Z"_s)
{
    line.insert(u"line_no"_s, 2);
    const QJsonObject bread{{u"line_no"_s, 1},      {u"sku"_s, u"BROT"_s},
                            {u"name"_s, u"Brot"_s}, {u"unit_price"_s, 249},
                            {u"quantity"_s, 1},     {u"tax_rate_ppm"_s, 70000},
                            {u"discount"_s, 0},     {u"total"_s, 249}};
    const qint64 total = 249 + line.value(u"total"_s).toInteger();
    QJsonObject order = orderJson(newId(), sequence);
    order.insert(u"lines"_s, QJsonArray{bread, line});
    order.insert(u"total"_s, total);
    order.insert(u"created_at"_s, createdAt);
    order.insert(u"tenders"_s, total == 0 ? QJsonArray()
                                          : QJsonArray{QJsonObject{{u"kind"_s, u"cash"_s},
                                                                   {u"amount"_s, total}}});
    return order;
}

// The same sale with its history spelt out, the payment approved by `approver`.
QJsonObject approvedBy(QJsonObject order, const QString &approver)
{
    const QString at = order.value(u"created_at"_s).toString();
    order.insert(u"events"_s, QJsonArray{QJsonObject{{u"event"_s, u"Place"_s},
                                                     {u"to"_s, u"CREATED"_s},
                                                     {u"version"_s, 1},
                                                     {u"actor"_s, u"anna"_s},
                                                     {u"at"_s, at}},
                                         QJsonObject{{u"event"_s, u"PaymentCaptured"_s},
                                                     {u"from"_s, u"CREATED"_s},
                                                     {u"to"_s, u"PAID"_s},
                                                     {u"version"_s, 2},
                                                     {u"actor"_s, u"anna"_s},
                                                     {u"approved_by"_s, approver},
                                                     {u"at"_s, at}}});
    return order;
}

// A web shop's order not paid yet: `line` to be charged to a card.
QJsonObject remote(const QJsonObject &line)
{
    QJsonObject order = sale(1, line);
    order.remove(u"journal"_s);
    order.insert(u"receipt_no"_s, u"S1-WEB-000001"_s);
    order.insert(u"terminal_id"_s, u"WEB"_s);
    order.insert(u"status"_s, u"CREATED"_s);
    order.insert(u"version"_s, 1);
    order.insert(u"tenders"_s, QJsonArray{QJsonObject{{u"kind"_s, u"card"_s},
                                                      {u"amount"_s, order.value(u"total"_s)},
                                                      {u"needs_capture"_s, true},
                                                      {u"payment_token"_s, u"tok_visa"_s}}});
    return order;
}

} // namespace

class CatalogCheckTest : public QObject
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
        m_web = m_server->enroll(u"S1"_s, u"WEB"_s);
        m_office = m_server->addUser(u"Petra"_s);
        QVERIFY(importCatalog("KAFFEE,,Kaffee 500 g,7.69,EUR,7,100\r\n"));
        m_paysim = std::make_unique<PaysimUnderTest>();
        QVERIFY2(m_paysim->start(), m_paysim->said.constData());
        QVERIFY(m_server->start({u"--payments"_s, m_paysim->url(QString()).toString()}));
    }

    void cleanup()
    {
        m_server.reset();
        m_paysim.reset();
    }

    void aSaleAtTheCatalogsFiguresRaisesNothing()
    {
        QCOMPARE(post(m_till, sale(1, coffee(769, 2, 70000))).status, 201);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM follow_ups"_s), 0);
    }

    // Each deviation the product was found taking silently: taken (the sale is paid), raised
    // once per line and kind, naming the line, what was sold and what the catalog had.
    void deviationsAreRaisedNamingTheLine_data()
    {
        QTest::addColumn<QJsonObject>("line");
        QTest::addColumn<QStringList>("kinds");
        QTest::addColumn<QStringList>("details");
        QTest::addColumn<qint64>("amount");
        QTest::newRow("sold at 0.01")
            << coffee(1, 1, 70000) << QStringList{u"price_differs"_s}
            << QStringList{u"Line 2 (KAFFEE \"Kaffee\"): sold at 0.01 EUR"_s,
                           u"the catalog had 7.69 EUR"_s}
            << qint64(768);
        QTest::newRow("tax rate 0 %")
            << coffee(769, 1, 0) << QStringList{u"tax_rate_differs"_s}
            << QStringList{u"sold with tax rate 0 %; the catalog had 7 %"_s} << qint64(-1);
        QTest::newRow("both at once")
            << coffee(1, 1, 0) << QStringList{u"price_differs"_s, u"tax_rate_differs"_s}
            << QStringList{u"Line 2 (KAFFEE"_s} << qint64(768);
        QTest::newRow("an unknown SKU")
            << coffee(500, 1, 70000, u"NOPE"_s) << QStringList{u"unknown_sku"_s}
            << QStringList{u"Line 2 (NOPE \"Kaffee\"): not in the catalog"_s} << qint64(500);
        QTest::newRow("a million units at 0, no tender")
            << coffee(0, 1'000'000, 70000) << QStringList{u"price_differs"_s}
            << QStringList{u"sold at 0.00 EUR"_s} << qint64(769'000'000);
    }

    void deviationsAreRaisedNamingTheLine()
    {
        QFETCH(QJsonObject, line);
        QFETCH(QStringList, kinds);
        QFETCH(QStringList, details);
        QFETCH(qint64, amount);
        const QJsonObject order = sale(1, line);
        const HttpAnswer taken = post(m_till, order);
        QVERIFY2(taken.status == 201, taken.body.constData());

        const QJsonArray items = followUpsOf(order.value(u"id"_s).toString());
        QStringList raised;
        for (const QJsonValue &item : items) {
            raised.append(item[u"kind"_s].toString());
            const QString detail = item[u"detail"_s].toString();
            if (item[u"kind"_s].toString() == kinds.first()) {
                for (const QString &part : std::as_const(details))
                    QVERIFY2(detail.contains(part), qPrintable(detail));
                if (amount >= 0)
                    QCOMPARE(item[u"amount"_s].toInteger(), amount);
            }
            QCOMPARE(item[u"terminal_id"_s].toString(), u"T1"_s);
            QCOMPARE(item[u"raised_by"_s].toString(), u"server"_s);
        }
        raised.sort();
        QCOMPARE(raised, kinds);

        // Sent again (a retry), nothing is raised twice.
        QCOMPARE(post(m_till, order, "again").status, 200);
        QCOMPARE(followUpsOf(order.value(u"id"_s).toString()).size(), items.size());
    }

    // A price changed with a manager's approval is explained by it; a tax rate never is.
    void anApproverExplainsAPriceNotATaxRate()
    {
        const QJsonObject overridden = approvedBy(sale(1, coffee(500, 1, 70000)), u"Maria"_s);
        QCOMPARE(post(m_till, overridden).status, 201);
        QCOMPARE(followUpsOf(overridden.value(u"id"_s).toString()).size(), 0);

        const QJsonObject taxed = approvedBy(sale(2, coffee(500, 1, 0)), u"Maria"_s);
        QCOMPARE(post(m_till, taxed).status, 201);
        const QJsonArray items = followUpsOf(taxed.value(u"id"_s).toString());
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first()[u"kind"_s].toString(), u"tax_rate_differs"_s);
    }

    // The catalog as of the sale: the version the till sold from, or else the sale's time.
    void theCatalogAsOfTheSaleCounts()
    {
        const qint64 before = catalogVersion();
        QVERIFY(importCatalog("KAFFEE,,Kaffee 500 g,8.49,EUR,7,100\r\n"));
        const qint64 after = catalogVersion();
        QVERIFY(after > before);

        QJsonObject old = sale(1, coffee(769, 1, 70000));
        old.insert(u"catalog_version"_s, before);
        QCOMPARE(post(m_till, old).status, 201);
        QCOMPARE(followUpsOf(old.value(u"id"_s).toString()).size(), 0);

        QJsonObject stale = sale(2, coffee(769, 1, 70000));
        stale.insert(u"catalog_version"_s, after);
        QCOMPARE(post(m_till, stale).status, 201);
        const QJsonArray items = followUpsOf(stale.value(u"id"_s).toString());
        QCOMPARE(items.size(), 1);
        QVERIFY2(items.first()[u"detail"_s].toString().contains(
                     u"the catalog had 8.49 EUR (catalog version %1)"_s.arg(after)),
                 qPrintable(items.first()[u"detail"_s].toString()));

        // Without a version: the price in force when the sale was made.
        const QJsonObject earlier = sale(3, coffee(769, 1, 70000), u"2026-01-01T08:00:00.000Z"_s);
        QCOMPARE(post(m_till, earlier).status, 201);
        QCOMPARE(followUpsOf(earlier.value(u"id"_s).toString()).size(), 0);
        const QString later =
            QDateTime::currentDateTimeUtc().addSecs(60).toString(Qt::ISODateWithMs);
        const QJsonObject now = sale(4, coffee(769, 1, 70000), later);
        QCOMPARE(post(m_till, now).status, 201);
        QCOMPARE(followUpsOf(now.value(u"id"_s).toString()).size(), 1);
        const QJsonObject current = sale(5, coffee(849, 1, 70000), later);
        QCOMPARE(post(m_till, current).status, 201);
        QCOMPARE(followUpsOf(current.value(u"id"_s).toString()).size(), 0);
    }

    // What no web shop sends for an order it has not been paid for: refused, nothing written.
    void remoteOrdersOffTheCatalogAreRefused_data()
    {
        QTest::addColumn<QJsonObject>("line");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("below the catalog")
            << coffee(700, 1, 70000) << u"order.below_catalog"_s << u"lines[1].unit_price"_s;
        QTest::newRow("another tax rate")
            << coffee(769, 1, 0) << u"order.tax_rate_differs"_s << u"lines[1].tax_rate_ppm"_s;
        QTest::newRow("an unknown SKU")
            << coffee(769, 1, 70000, u"NOPE"_s) << u"order.unknown_sku"_s << u"lines[1].sku"_s;
    }

    void remoteOrdersOffTheCatalogAreRefused()
    {
        QFETCH(QJsonObject, line);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const HttpAnswer refused = post(m_web, remote(line));
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.json().value(u"code"_s).toString(), code);
        QVERIFY2(refused.json().value(u"detail"_s).toString().contains(field),
                 refused.body.constData());
        QCOMPARE(m_server->count(u"SELECT count(*) FROM orders"_s), 0);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM sagas"_s), 0);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM follow_ups"_s), 0);

        // At the catalog's figures the same order is charged and taken.
        const HttpAnswer taken = post(m_web, remote(coffee(769, 1, 70000)));
        QVERIFY2(taken.status == 201, taken.body.constData());
        QCOMPARE(taken.json().value(u"status"_s).toString(), u"PAID"_s);
    }

private:
    bool importCatalog(const QByteArray &rows)
    {
        QFile file(m_files.filePath(u"catalog.csv"_s));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        file.write("sku,barcode,name,price,currency,tax_rate,stock\r\n"
                   "BROT,,Brot,2.49,EUR,7,100\r\n" +
                   rows);
        file.close();
        int code = -1;
        m_server->command({u"catalog"_s, u"import"_s, file.fileName(), u"--store"_s, u"S1"_s},
                          &code);
        return code == 0;
    }

    qint64 catalogVersion()
    {
        const HttpAnswer page =
            http(m_network, "GET", m_server->url(u"/v1/catalog?since=0"_s), m_till);
        return page.json().value(u"next"_s).toString().toLongLong();
    }

    HttpAnswer post(const QByteArray &token, const QJsonObject &order, const QByteArray &salt = {})
    {
        return http(m_network, "POST", m_server->url(u"/v1/orders"_s), token,
                    order.value(u"id"_s).toString().toLatin1() + salt,
                    QJsonDocument(order).toJson(QJsonDocument::Compact));
    }

    QJsonArray followUpsOf(const QString &orderId)
    {
        const HttpAnswer listed =
            http(m_network, "GET", m_server->url(u"/v1/follow-ups?state=all&order="_s + orderId),
                 m_office);
        return listed.json().value(u"follow_ups"_s).toArray();
    }

    QTemporaryDir m_files;
    std::unique_ptr<ServerUnderTest> m_server;
    std::unique_ptr<PaysimUnderTest> m_paysim;
    QNetworkAccessManager m_network;
    QByteArray m_till;
    QByteArray m_web;
    QByteArray m_office;
};

QTEST_GUILESS_MAIN(CatalogCheckTest)
#include "tst_catalog_check.moc"
