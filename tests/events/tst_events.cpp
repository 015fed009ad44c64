// The events of BRIEF §8 against the real server, on SQLite and PostgreSQL: outbox_events written
// with every change and handed out by the long poll (GET /v1/events), by signed webhooks (a
// receiver that fails three times gets every event, exactly once after deduplication), by
// counterline-cli events tail (killed mid-stream, it misses nothing and processes nothing twice),
// and by NATS JetStream (the relay killed between publish and cursor leaves no duplicate).

#include "tests/server/server_harness.h"
#include "tests/server/wire_orders.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QSet>
#include <QTcpServer>

#include <memory>
#include <nats/nats.h>

using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QByteArray sale(int sequence)
{
    return QJsonDocument(orderJson(newId(), sequence)).toJson(QJsonDocument::Compact);
}

// A port nobody listens on right now.
quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// A webhook receiver: fails the first `failures` deliveries with 500, then answers 204; keeps
// every delivery it accepted and checks each signature.
class Receiver
{
public:
    Receiver(QByteArray secret, int failures)
        : m_secret(std::move(secret))
        , m_failuresLeft(failures)
    {
        m_http.route(u"/hooks"_s, QHttpServerRequest::Method::Post,
                     [this](const QHttpServerRequest &request) {
                         ++requests;
                         const QByteArray signature = request.value("Counterline-Signature");
                         // "t=<seconds>,v1=<hex>"
                         const QList<QByteArray> parts = signature.split(',');
                         const QByteArray stamp = parts.value(0).mid(2);
                         const QByteArray mac = parts.value(1).mid(3);
                         const QByteArray expected =
                             QMessageAuthenticationCode::hash(stamp + '.' + request.body(),
                                                              m_secret, QCryptographicHash::Sha256)
                                 .toHex();
                         if (mac != expected)
                             ++badSignatures;
                         if (m_failuresLeft > 0) {
                             --m_failuresLeft;
                             return QHttpServerResponse(
                                 QHttpServerResponder::StatusCode::InternalServerError);
                         }
                         accepted.append(QJsonDocument::fromJson(request.body()).object());
                         return QHttpServerResponse(QHttpServerResponder::StatusCode::NoContent);
                     });
        port = m_http.listen(QHostAddress::LocalHost, 0);
    }

    int requests = 0;
    int badSignatures = 0;
    QList<QJsonObject> accepted;
    quint16 port = 0;

private:
    QByteArray m_secret;
    int m_failuresLeft;
    QHttpServer m_http;
};

} // namespace

class EventsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { onBothDatabases(); }

    void init()
    {
        m_server = serverForThisRow();
        QVERIFY2(m_server->problem().isEmpty(), qPrintable(m_server->problem()));
        QVERIFY(m_server->addStore(u"S1"_s));
        QVERIFY(m_server->addStore(u"S2"_s));
        m_terminal = m_server->enroll(u"S1"_s, u"T1"_s);
        m_otherStore = m_server->enroll(u"S2"_s, u"T9"_s);
        m_backOffice = m_server->addUser(u"Petra"_s);
        QVERIFY(m_backOffice.startsWith("clt_"));
    }

    void cleanup() { m_server.reset(); }

    void everyChangeIsAnEventInOrder()
    {
        QVERIFY(m_server->start());
        const QJsonObject order = orderJson(newId(), 1);
        const QString id = order.value(u"id"_s).toString();
        QCOMPARE(post(u"/v1/orders"_s, "k1", QJsonDocument(order).toJson()).status, 201);
        QCOMPARE(post(u"/v1/orders/%1/events"_s.arg(id), {},
                      R"({"event":"Ship","expected_version":2})", m_backOffice)
                     .status,
                 200);
        QCOMPARE(post(u"/v1/orders/%1/events"_s.arg(id), {},
                      R"({"event":"Deliver","expected_version":3})", m_backOffice)
                     .status,
                 200);

        const HttpAnswer page = get(u"/v1/events?after=0"_s, m_terminal);
        QCOMPARE(page.status, 200);
        const QJsonArray events = page.json().value(u"events"_s).toArray();
        QCOMPARE(events.size(), 3);
        QStringList types;
        qint64 previous = 0;
        for (const QJsonValue &value : events) {
            const QJsonObject event = value.toObject();
            QCOMPARE(event.value(u"aggregatetype"_s).toString(), u"order"_s);
            QCOMPARE(event.value(u"aggregateid"_s).toString(), id);
            QVERIFY(event.value(u"seq"_s).toInteger() > previous);
            previous = event.value(u"seq"_s).toInteger();
            types.append(event.value(u"type"_s).toString());
        }
        QCOMPARE(types, (QStringList{u"order.placed"_s, u"order.shipped"_s, u"order.delivered"_s}));
        QCOMPARE(events[1].toObject().value(u"payload"_s).toObject().value(u"to"_s).toString(),
                 u"SHIPPED"_s);
        QCOMPARE(page.json().value(u"next"_s).toInteger(), previous);

        // Another store's terminal sees none of them; bad parameters are named.
        QCOMPARE(
            get(u"/v1/events?after=0"_s, m_otherStore).json().value(u"events"_s).toArray().size(),
            0);
        QCOMPARE(get(u"/v1/events?after=0&store=S1"_s, m_otherStore).status, 403);
        const HttpAnswer bad = get(u"/v1/events?wait=99"_s, m_terminal);
        QCOMPARE(bad.status, 400);
        QVERIFY(bad.json().value(u"detail"_s).toString().contains(u"wait"_s));
    }

    void aLongPollAnswersWhenTheEventArrives()
    {
        QVERIFY(m_server->start());
        // Nothing new: the poll waits, then answers empty with the cursor unchanged.
        QElapsedTimer idle;
        idle.start();
        const HttpAnswer empty = get(u"/v1/events?after=0&wait=1"_s, m_terminal);
        QCOMPARE(empty.status, 200);
        QVERIFY(idle.elapsed() >= 900);
        QCOMPARE(empty.json().value(u"events"_s).toArray().size(), 0);
        QCOMPARE(empty.json().value(u"next"_s).toInteger(), 0);

        // A poll waiting for up to 20 s answers as soon as an order arrives.
        QNetworkRequest request(m_server->url(u"/v1/events?after=0&wait=20"_s));
        request.setRawHeader("Authorization", "Bearer " + m_terminal);
        QElapsedTimer waited;
        waited.start();
        QNetworkReply *poll = m_network.get(request);
        QTest::qWait(300);
        QVERIFY(!poll->isFinished());
        QCOMPARE(post(u"/v1/orders"_s, "k1", sale(1)).status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(poll->isFinished(), 5'000);
        QVERIFY2(waited.elapsed() < 5'000, QByteArray::number(waited.elapsed()).constData());
        const QJsonArray events =
            QJsonDocument::fromJson(poll->readAll()).object().value(u"events"_s).toArray();
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].toObject().value(u"type"_s).toString(), u"order.placed"_s);
        delete poll;
    }

    void aWebhookThatFailsThreeTimesGetsEachEventOnce()
    {
        const QByteArray secret = "whsec_test_secret";
        Receiver receiver(secret, 3);
        QVERIFY(receiver.port != 0);
        const QString added = m_server->command(
            {u"webhook"_s, u"add"_s, u"--url"_s, u"http://127.0.0.1:%1/hooks"_s.arg(receiver.port),
             u"--store"_s, u"S1"_s, u"--secret"_s, QString::fromLatin1(secret)});
        QVERIFY2(added.contains(u"wh_"_s), qPrintable(added));
        int code = -1;
        m_server->command({u"webhook"_s, u"add"_s, u"--url"_s, u"http://shop.example.org/h"_s},
                          &code);
        QCOMPARE(code, 1); // plain http to another machine is refused
        QVERIFY(m_server->start());

        for (int i = 1; i <= 5; ++i)
            QCOMPARE(post(u"/v1/orders"_s, "k" + QByteArray::number(i), sale(i)).status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(receiver.accepted.size() >= 5, 30'000);
        QTest::qWait(500); // nothing more should come

        QCOMPARE(receiver.badSignatures, 0);
        QVERIFY(receiver.requests >= 8); // 3 failures, then 5 deliveries
        QSet<QString> ids;
        qint64 previous = 0;
        for (const QJsonObject &event : std::as_const(receiver.accepted)) {
            ids.insert(event.value(u"id"_s).toString());
            QVERIFY(event.value(u"seq"_s).toInteger() > previous); // in order
            previous = event.value(u"seq"_s).toInteger();
        }
        QCOMPARE(ids.size(), 5);
        QSet<QString> stored;
        for (const QVariantList &row : m_server->rows(u"SELECT id FROM outbox_events"_s))
            stored.insert(row[0].toString());
        QCOMPARE(ids, stored);
    }

    void aConsumerKilledMidStreamMissesNothing()
    {
        QVERIFY(m_server->start());
        constexpr int kOrders = 150;
        for (int i = 1; i <= kOrders; ++i)
            QCOMPARE(post(u"/v1/orders"_s, "k" + QByteArray::number(i), sale(i)).status, 201);

        QTemporaryDir dir;
        const QString state = dir.filePath(u"consumer.sqlite"_s);
        const QStringList arguments{u"events"_s,   u"tail"_s,
                                    u"--server"_s, m_server->url(QString()).toString(),
                                    u"--token"_s,  QString::fromLatin1(m_backOffice),
                                    u"--state"_s,  state,
                                    u"--limit"_s,  u"3"_s};
        // Killed once it has processed some, then run to the end.
        QProcess first;
        first.start(QStringLiteral(COUNTERLINE_CLI_PATH), arguments);
        QTRY_VERIFY_WITH_TIMEOUT(processedIn(state) >= 20, 30'000);
        first.kill();
        first.waitForFinished();
        const qint64 processedBeforeKill = processedIn(state);
        QVERIFY(processedBeforeKill < kOrders);

        QProcess second;
        second.start(QStringLiteral(COUNTERLINE_CLI_PATH), arguments);
        QVERIFY(second.waitForFinished(60'000));
        QCOMPARE(second.exitCode(), 0);
        QCOMPARE(processedIn(state), kOrders);
        QCOMPARE(distinctProcessedIn(state), kOrders);

        // Delivered again from the start (a relay's retry): every one recognised, none redone.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"rewind"_s);
            db.setDatabaseName(state);
            QVERIFY(db.open());
            QSqlQuery(db).exec(u"UPDATE consumer_cursor SET after = 0"_s);
            db.close();
        }
        QSqlDatabase::removeDatabase(u"rewind"_s);
        QProcess again;
        again.start(QStringLiteral(COUNTERLINE_CLI_PATH), arguments);
        QVERIFY(again.waitForFinished(60'000));
        QCOMPARE(again.exitCode(), 0);
        QCOMPARE(again.readAllStandardOutput(), QByteArray());
        QVERIFY2(again.readAllStandardError().contains("Processed 0 events (150 delivered again"),
                 "the rewound consumer processed something twice");
        QCOMPARE(processedIn(state), kOrders);
    }

    void natsRelayKilledMidPublishLeavesNoDuplicate()
    {
        QTemporaryDir store;
        QProcess nats;
        const quint16 natsPort = freePort();
        nats.start(u"/usr/sbin/nats-server"_s,
                   {u"-js"_s, u"-sd"_s, store.path(), u"-a"_s, u"127.0.0.1"_s, u"-p"_s,
                    QString::number(natsPort)});
        QVERIFY2(nats.waitForStarted(), "nats-server did not start: install it (./test.sh does)");
        const QString natsUrl = u"nats://127.0.0.1:%1"_s.arg(natsPort);

        // Orders first, then the relay: it dies right after its first acknowledged publish.
        QVERIFY(m_server->start());
        for (int i = 1; i <= 12; ++i)
            QCOMPARE(post(u"/v1/orders"_s, "k" + QByteArray::number(i), sale(i)).status, 201);
        m_server->stop();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"COUNTERLINE_FAULT_POINT"_s, u"after_nats_publish"_s);
        QVERIFY(m_server->start({u"--nats"_s, natsUrl}, environment));
        QTRY_COMPARE_WITH_TIMEOUT(m_server->process().state(), QProcess::NotRunning, 20'000);
        QCOMPARE(m_server->process().exitStatus(), QProcess::CrashExit);
        QCOMPARE(streamMessages(natsUrl), 1);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM relay_cursors"_s), 0);

        // Restarted: it publishes the first event again, and the broker drops the duplicate.
        QVERIFY(m_server->start({u"--nats"_s, natsUrl}));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_server->count(u"SELECT after_seq FROM relay_cursors WHERE name = 'nats'"_s), 12,
            20'000);
        QCOMPARE(streamMessages(natsUrl), 12);
        m_server->stop();
        nats.terminate();
        nats.waitForFinished();
    }

private:
    HttpAnswer post(const QString &path, const QByteArray &key, const QByteArray &body,
                    const QByteArray &token = {})
    {
        return http(m_network, "POST", m_server->url(path), token.isEmpty() ? m_terminal : token,
                    key, body);
    }

    HttpAnswer get(const QString &path, const QByteArray &token)
    {
        return http(m_network, "GET", m_server->url(path), token);
    }

    static qint64 countIn(const QString &path, const QString &sql)
    {
        qint64 value = -1;
        const QString name = u"consumer-"_s + QUuid::createUuid().toString();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(path);
            if (QFile::exists(path) && db.open()) {
                QSqlQuery query(db);
                if (query.exec(sql) && query.next())
                    value = query.value(0).toLongLong();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return value;
    }

    static qint64 processedIn(const QString &path)
    {
        return countIn(path, u"SELECT count(*) FROM processed_events"_s);
    }

    static qint64 distinctProcessedIn(const QString &path)
    {
        return countIn(path, u"SELECT count(DISTINCT seq) FROM processed_events"_s);
    }

    // How many messages the stream holds, asked through libnats.
    static qint64 streamMessages(const QString &url)
    {
        natsConnection *connection = nullptr;
        jsCtx *js = nullptr;
        jsStreamInfo *info = nullptr;
        qint64 messages = -1;
        if (natsConnection_ConnectTo(&connection, url.toUtf8().constData()) == NATS_OK &&
            natsConnection_JetStream(&js, connection, nullptr) == NATS_OK &&
            js_GetStreamInfo(&info, js, "COUNTERLINE_EVENTS", nullptr, nullptr) == NATS_OK) {
            messages = qint64(info->State.Msgs);
        }
        jsStreamInfo_Destroy(info);
        jsCtx_Destroy(js);
        natsConnection_Destroy(connection);
        return messages;
    }

    QNetworkAccessManager m_network;
    std::unique_ptr<ServerUnderTest> m_server;
    QByteArray m_terminal;
    QByteArray m_otherStore;
    QByteArray m_backOffice;
};

QTEST_GUILESS_MAIN(EventsTest)
#include "tst_events.moc"
