// Changing and listing stored orders over real HTTP, on SQLite and PostgreSQL: state machine
// events with optimistic locking, cancel with restock and refund, keyset history, and two
// server processes sharing one PostgreSQL.

#include "server_harness.h"

#include <QFile>
#include <QJsonArray>
#include <QSet>

#include <memory>

using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

QByteArray saleBody(const QString &id, int sequence, const QString &createdAt)
{
    const QJsonArray lines{QJsonObject{{u"line_no"_s, 1},
                                       {u"sku"_s, u"BROT"_s},
                                       {u"name"_s, u"Brot"_s},
                                       {u"unit_price"_s, 249},
                                       {u"quantity"_s, 3},
                                       {u"tax_rate_ppm"_s, 70000},
                                       {u"total"_s, 747}}};
    return QJsonDocument(
               QJsonObject{{u"id"_s, id},
                           {u"receipt_no"_s, u"S1-T1-%1"_s.arg(sequence, 6, 10, QChar(u'0'))},
                           {u"store_id"_s, u"S1"_s},
                           {u"terminal_id"_s, u"T1"_s},
                           {u"cashier_id"_s, u"anna"_s},
                           {u"currency"_s, u"EUR"_s},
                           {u"created_at"_s, createdAt},
                           {u"status"_s, u"PAID"_s},
                           {u"version"_s, 2},
                           {u"total"_s, 747},
                           {u"lines"_s, lines},
                           {u"tenders"_s, QJsonArray{QJsonObject{{u"kind"_s, u"card"_s},
                                                                 {u"amount"_s, 747},
                                                                 {u"reference"_s, u"A1"_s}}}}})
        .toJson(QJsonDocument::Compact);
}

QByteArray eventBody(const char *event, int expectedVersion)
{
    return QJsonDocument(QJsonObject{{u"event"_s, QString::fromLatin1(event)},
                                     {u"expected_version"_s, expectedVersion}})
        .toJson(QJsonDocument::Compact);
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class ServerOrdersTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { onBothDatabases(); }

    void init()
    {
        m_server = serverForThisRow();
        QVERIFY2(m_server->problem().isEmpty(), qPrintable(m_server->problem()));
        for (const QString &store : {u"S1"_s, u"S2"_s}) {
            int code = -1;
            m_server->command({u"store"_s, u"add"_s, u"--id"_s, store, u"--name"_s, store,
                               u"--currency"_s, u"EUR"_s},
                              &code);
            QCOMPARE(code, 0);
        }
        m_terminal = m_server->enroll(u"S1"_s, u"T1"_s);
        m_otherStore = m_server->enroll(u"S2"_s, u"T9"_s);
        m_backOffice = m_server->addUser(u"Petra"_s);
        QVERIFY(m_backOffice.startsWith("clt_"));
        QVERIFY(m_server->start());
    }
    void cleanup() { m_server.reset(); }

    void eventsFollowTheStateMachineWithVersions()
    {
        const QString id = newId();
        QCOMPARE(
            post(u"/v1/orders"_s, m_terminal, "k1", saleBody(id, 1, u"2026-11-24T10:00:00.000Z"_s))
                .status,
            201);
        const QString path = u"/v1/orders/%1/events"_s.arg(id);

        HttpAnswer answer = post(path, m_backOffice, {}, eventBody("Ship", 2));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json().value(u"status"_s).toString(), u"SHIPPED"_s);
        QCOMPARE(answer.etag, QByteArray("\"3\""));

        // Stale: 409 with the order as it is now.
        answer = post(path, m_backOffice, {}, eventBody("Cancel", 2));
        QCOMPARE(answer.status, 409);
        QCOMPARE(answer.json().value(u"code"_s).toString(), u"order.version_conflict"_s);
        QCOMPARE(answer.json().value(u"order"_s).toObject().value(u"status"_s).toString(),
                 u"SHIPPED"_s);
        QCOMPARE(answer.json().value(u"order"_s).toObject().value(u"version"_s).toInt(), 3);

        // Illegal from SHIPPED: 422, nothing changes.
        answer = post(path, m_backOffice, {}, eventBody("HandOver", 3));
        QCOMPARE(answer.status, 422);
        QCOMPARE(answer.json().value(u"code"_s).toString(), u"order.illegal_transition"_s);

        // If-Match carries the version just as well.
        QNetworkRequest request(m_server->url(path));
        request.setRawHeader("Authorization", "Bearer " + m_backOffice);
        request.setRawHeader("If-Match", "\"3\"");
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        answer = send(
            request,
            QJsonDocument(QJsonObject{{u"event"_s, u"Deliver"_s}}).toJson(QJsonDocument::Compact));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json().value(u"status"_s).toString(), u"COMPLETED"_s);
        // Place and PaymentCaptured, which the sale's body implied, then Ship and Deliver.
        QCOMPARE(
            m_server->count(u"SELECT count(*) FROM order_events WHERE order_id = '%1'"_s.arg(id)),
            4);

        // Another store's terminal cannot touch it.
        QCOMPARE(post(path, m_otherStore, {}, eventBody("Refund", 4)).status, 403);
    }

    // Two editors with the same version at the same moment: one wins, one is told; the order
    // moved exactly once.
    void concurrentTransitionsLoseNothing()
    {
        for (int round = 0; round < 5; ++round) {
            const QString id = newId();
            QCOMPARE(post(u"/v1/orders"_s, m_terminal, QByteArray("c") + QByteArray::number(round),
                          saleBody(id, 10 + round, u"2026-11-24T10:00:00.000Z"_s))
                         .status,
                     201);
            const QString path = u"/v1/orders/%1/events"_s.arg(id);
            QNetworkAccessManager a, b;
            QNetworkReply *ship = a.post(request(path, m_backOffice), eventBody("Ship", 2));
            QNetworkReply *cancel = b.post(request(path, m_backOffice), eventBody("Cancel", 2));
            QVERIFY(QTest::qWaitFor([&] { return ship->isFinished() && cancel->isFinished(); },
                                    30'000));
            QList<int> statuses{
                ship->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                cancel->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()};
            std::sort(statuses.begin(), statuses.end());
            QCOMPARE(statuses, (QList<int>{200, 409}));
            QCOMPARE(m_server->count(u"SELECT version FROM orders WHERE id = '%1'"_s.arg(id)), 3);
            // Place and PaymentCaptured from the sale's arrival, and the one change that won.
            QCOMPARE(m_server->count(
                         u"SELECT count(*) FROM order_events WHERE order_id = '%1'"_s.arg(id)),
                     3);
            delete ship;
            delete cancel;
        }
    }

    void cancelRestocksAndRefundsOnce()
    {
        const QString id = newId();
        QCOMPARE(
            post(u"/v1/orders"_s, m_terminal, "k1", saleBody(id, 1, u"2026-11-24T10:00:00.000Z"_s))
                .status,
            201);
        const QString path = u"/v1/orders/%1/cancel"_s.arg(id);
        const QByteArray body =
            R"({"reason":"customer changed their mind","restock":true,"refund_tenders":true})";
        QCOMPARE(post(path, m_backOffice, {}, body).status, 400); // needs a key
        const HttpAnswer first = post(path, m_backOffice, "cancel-1", body);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json().value(u"status"_s).toString(), u"CANCELLED"_s);
        const HttpAnswer replay = post(path, m_backOffice, "cancel-1", body);
        QCOMPARE(replay.status, 200);
        QCOMPARE(replay.body, first.body);
        // A second cancel under another key is an illegal transition, not a second refund.
        QCOMPARE(post(path, m_backOffice, "cancel-2", body).status, 422);

        QCOMPARE(m_server->count(u"SELECT count(*) FROM stock_movements WHERE order_id = '%1' "
                                 "AND step = 'restock' AND quantity = 3"_s.arg(id)),
                 1);
        QCOMPARE(m_server->count(
                     u"SELECT SUM(amount_minor) FROM refunds WHERE order_id = '%1'"_s.arg(id)),
                 747);
    }

    void historyPagesByKeyset()
    {
        QStringList ids;
        for (int i = 0; i < 7; ++i) {
            ids.prepend(newId());
            const QString at = u"2026-11-24T10:%1:00.000Z"_s.arg(i, 2, 10, QChar(u'0'));
            QCOMPARE(post(u"/v1/orders"_s, m_terminal, QByteArray::number(i),
                          saleBody(ids.first(), i + 1, at))
                         .status,
                     201);
        }
        QStringList seen;
        QString cursor;
        int pages = 0;
        do {
            QString path = u"/v1/orders?limit=3"_s;
            if (!cursor.isEmpty())
                path += u"&cursor="_s + cursor;
            const HttpAnswer page = http(m_network, "GET", m_server->url(path), m_backOffice);
            QCOMPARE(page.status, 200);
            for (const QJsonValue &order : page.json().value(u"orders"_s).toArray())
                seen.append(order.toObject().value(u"id"_s).toString());
            cursor = page.json().value(u"next_cursor"_s).toString();
            ++pages;
        } while (!cursor.isEmpty());
        QCOMPARE(seen, ids); // newest first, each once
        QCOMPARE(pages, 3);

        const HttpAnswer filtered =
            http(m_network, "GET",
                 m_server->url(
                     u"/v1/orders?from=2026-11-24T10:02:00.000Z&to=2026-11-24T10:04:00.000Z"_s),
                 m_terminal);
        QCOMPARE(filtered.json().value(u"orders"_s).toArray().size(), 2);
        const HttpAnswer byReceipt =
            http(m_network, "GET", m_server->url(u"/v1/orders?q=S1-T1-000003"_s), m_terminal);
        QCOMPARE(byReceipt.json().value(u"orders"_s).toArray().size(), 1);
        QCOMPARE(byReceipt.json().value(u"orders"_s).toArray()[0].toObject().value(u"id"_s),
                 QJsonValue(ids[4]));
        const HttpAnswer bySku =
            http(m_network, "GET", m_server->url(u"/v1/orders?q=BROT&limit=100"_s), m_terminal);
        QCOMPARE(bySku.json().value(u"orders"_s).toArray().size(), 7);
        // A terminal of another store sees none of S1's orders, and may not ask for them.
        QCOMPARE(http(m_network, "GET", m_server->url(u"/v1/orders"_s), m_otherStore)
                     .json()
                     .value(u"orders"_s)
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(
            http(m_network, "GET", m_server->url(u"/v1/orders?store=S1"_s), m_otherStore).status,
            403);
        QCOMPARE(http(m_network, "GET", m_server->url(u"/v1/orders?limit=0"_s), m_terminal).status,
                 400);
        QCOMPARE(http(m_network, "GET", m_server->url(u"/v1/orders?cursor=nonsense"_s), m_terminal)
                     .status,
                 400);
    }

    // Two server processes on one PostgreSQL receive the same order at the same moment (under
    // different keys, as after a lost answer): one order.
    void twoServersOneDatabase()
    {
        QFETCH_GLOBAL(QString, backend);
        if (backend != u"postgres"_s)
            return; // one SQLite file belongs to one server process
        ServerUnderTest &first = *m_server;
        QProcess second;
        second.start(QStringLiteral(COUNTERLINE_SERVER_PATH),
                     first.location() + QStringList{u"--listen"_s, u"127.0.0.1:0"_s});
        QVERIFY(second.waitForReadyRead(30'000));
        const QByteArray line = second.readAllStandardOutput().trimmed();
        const QByteArray port = line.mid(line.lastIndexOf(':') + 1);
        for (int round = 0; round < 10; ++round) {
            const QString id = newId();
            const QByteArray body = saleBody(id, 100 + round, u"2026-11-24T11:00:00.000Z"_s);
            QNetworkAccessManager a, b;
            const QByteArray round_ = QByteArray::number(round);
            QNetworkReply *one = a.post(request(u"/v1/orders"_s, m_terminal, "k-a" + round_), body);
            QNetworkRequest other = request(u"/v1/orders"_s, m_terminal, "k-b" + round_);
            other.setUrl(QUrl(u"http://127.0.0.1:%1/v1/orders"_s.arg(QString::fromLatin1(port))));
            QNetworkReply *two = b.post(other, body);
            QVERIFY(
                QTest::qWaitFor([&] { return one->isFinished() && two->isFinished(); }, 30'000));
            QList<int> statuses{one->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                                two->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()};
            std::sort(statuses.begin(), statuses.end());
            QVERIFY2(statuses == (QList<int>{200, 201}),
                     QByteArray(one->readAll() + " / " + two->readAll()).constData());
            QCOMPARE(m_server->count(u"SELECT count(*) FROM orders WHERE id = '%1'"_s.arg(id)), 1);
            QCOMPARE(m_server->count(
                         u"SELECT count(*) FROM stock_movements WHERE order_id = '%1'"_s.arg(id)),
                     1);
            delete one;
            delete two;
        }
        second.terminate();
        QVERIFY(second.waitForFinished(30'000));
    }

    void catalogImportAndChanges()
    {
        int code = -1;
        const QString out =
            m_server->command({u"catalog"_s, u"import"_s,
                               QStringLiteral(COUNTERLINE_SOURCE_DIR "/resources/demo/catalog.csv"),
                               u"--store"_s, u"S1"_s},
                              &code);
        QCOMPARE(code, 0);
        QVERIFY(out.contains(u"300"_s));

        // Paging through the changes 70 at a time collects every product and its stock.
        QSet<QString> skus;
        QSet<QString> stocked;
        QString since = u"0"_s;
        for (int page = 0; page < 20; ++page) {
            const HttpAnswer answer =
                http(m_network, "GET", m_server->url(u"/v1/catalog?limit=70&since="_s + since),
                     m_terminal);
            QCOMPARE(answer.status, 200);
            const QJsonArray products = answer.json().value(u"products"_s).toArray();
            const QJsonArray stock = answer.json().value(u"stock"_s).toArray();
            for (const QJsonValue &product : products)
                skus.insert(product.toObject().value(u"sku"_s).toString());
            for (const QJsonValue &line : stock)
                stocked.insert(line.toObject().value(u"sku"_s).toString());
            const QString next = answer.json().value(u"next"_s).toString();
            if (products.isEmpty() && stock.isEmpty()) {
                QCOMPARE(next, since);
                break;
            }
            since = next;
        }
        QCOMPARE(skus.size(), 300);
        QCOMPARE(stocked.size(), 300);

        // A price change comes as one change after the cursor; S2's terminal sees no S1 stock.
        QTemporaryDir dir;
        QFile change(dir.filePath(u"change.csv"_s));
        QVERIFY(change.open(QIODevice::WriteOnly));
        change.write("sku,barcode,name,price,currency,tax_rate\r\n"
                     "SKU-00001,4010146957249,Vollkornbrot 500 g,4.19,EUR,7\r\n");
        change.close();
        m_server->command({u"catalog"_s, u"import"_s, change.fileName()}, &code);
        QCOMPARE(code, 0);
        HttpAnswer answer =
            http(m_network, "GET", m_server->url(u"/v1/catalog?since="_s + since), m_terminal);
        QCOMPARE(answer.json().value(u"products"_s).toArray().size(), 1);
        QCOMPARE(
            answer.json().value(u"products"_s).toArray()[0].toObject().value(u"price"_s).toInt(),
            419);
        answer = http(m_network, "GET", m_server->url(u"/v1/catalog"_s), m_otherStore);
        QCOMPARE(answer.json().value(u"stock"_s).toArray().size(), 0);
        QCOMPARE(http(m_network, "GET", m_server->url(u"/v1/catalog?since=x"_s), m_terminal).status,
                 400);

        // A bad file: the line is named, nothing changes.
        QFile bad(dir.filePath(u"bad.csv"_s));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("sku,barcode,name,price,currency,tax_rate\r\nA,,Apfel,0.50,EUR,7\r\n"
                  "B,,Birne,zwei,EUR,7\r\n");
        bad.close();
        m_server->command({u"catalog"_s, u"import"_s, bad.fileName()}, &code);
        QCOMPARE(code, 1);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM products WHERE sku = 'A'"_s), 0);
    }

private:
    QNetworkRequest request(const QString &path, const QByteArray &token,
                            const QByteArray &key = {}) const
    {
        QNetworkRequest request(m_server->url(path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        request.setRawHeader("Authorization", "Bearer " + token);
        if (!key.isEmpty())
            request.setRawHeader("Idempotency-Key", key);
        return request;
    }

    HttpAnswer post(const QString &path, const QByteArray &token, const QByteArray &key,
                    const QByteArray &body)
    {
        return http(m_network, "POST", m_server->url(path), token, key, body);
    }

    HttpAnswer send(const QNetworkRequest &request, const QByteArray &body)
    {
        QNetworkReply *reply = m_network.post(request, body);
        (void)QTest::qWaitFor([reply] { return reply->isFinished(); }, 30000);
        HttpAnswer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                          reply->readAll(),
                          reply->rawHeader("Content-Type"),
                          reply->rawHeader("Retry-After"),
                          reply->rawHeader("ETag"),
                          reply->rawHeader("Idempotent-Replayed")};
        delete reply;
        return answer;
    }

    std::unique_ptr<ServerUnderTest> m_server;
    QByteArray m_terminal;
    QByteArray m_otherStore;
    QByteArray m_backOffice;
    QNetworkAccessManager m_network;
};

QTEST_GUILESS_MAIN(ServerOrdersTest)
#include "tst_server_orders.moc"
