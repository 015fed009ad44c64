// The v1 order ingest over real HTTP against the real server process, on SQLite and on
// PostgreSQL: BRIEF §5's idempotency rules row by row, bad input, authorization.

#include "server/request_fingerprint.h"
#include "server_harness.h"
#include "wire_orders.h"

#include <QJsonArray>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QThread>

#include <algorithm>
#include <memory>

using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

// An order of `count` identical lines of 1.00 at 19 %: heavy enough to keep a server busy.
QJsonObject bigOrderJson(const QString &id, int sequence, int count)
{
    QJsonObject order = orderJson(id, sequence);
    QJsonArray lines;
    for (int i = 0; i < count; ++i) {
        lines.append(QJsonObject{{u"line_no"_s, i + 1},
                                 {u"sku"_s, u"SKU-%1"_s.arg(i)},
                                 {u"name"_s, u"Item"_s},
                                 {u"unit_price"_s, 100},
                                 {u"quantity"_s, 1},
                                 {u"tax_rate_ppm"_s, 190000},
                                 {u"total"_s, 100}});
    }
    order.insert(u"lines"_s, lines);
    order.insert(u"total"_s, 100 * count);
    order.insert(u"tenders"_s,
                 QJsonArray{QJsonObject{{u"kind"_s, u"cash"_s}, {u"amount"_s, 100 * count}}});
    return order;
}

QByteArray bytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The order with its journal link replaced: entry `seq`, after the fake hash of `prevSeq`.
QJsonObject withJournal(QJsonObject order, int seq, int prevSeq, const QString &hash)
{
    order.insert(u"journal"_s,
                 QJsonObject{{u"seq"_s, seq},
                             {u"prev_hash"_s, fakeHash(u"T1"_s, prevSeq)},
                             {u"hash"_s, hash.size() == 64 ? hash : QString(64, hash.at(0))}});
    return order;
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class ServerHttpTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_server = serverForThisRow();
        QVERIFY2(m_server->problem().isEmpty(), qPrintable(m_server->problem()));
        int code = -1;
        m_server->command({u"store"_s, u"add"_s, u"--id"_s, u"S1"_s, u"--name"_s, u"Mitte"_s,
                           u"--currency"_s, u"EUR"_s},
                          &code);
        QCOMPARE(code, 0);
        m_server->command({u"store"_s, u"add"_s, u"--id"_s, u"S2"_s, u"--name"_s, u"Nord"_s,
                           u"--currency"_s, u"EUR"_s},
                          &code);
        QCOMPARE(code, 0);
        m_token = m_server->enroll(u"S1"_s, u"T1"_s);
        m_otherStore = m_server->enroll(u"S2"_s, u"T1"_s);
        QVERIFY(m_token.startsWith("clt_"));
        QVERIFY(m_server->start());
    }
    void cleanup() { m_server.reset(); }

    void idempotencyRules()
    {
        const QString id = newId();
        const QByteArray body = bytes(orderJson(id, 1));
        const QUrl orders = m_server->url(u"/v1/orders"_s);

        // No key: 400, nothing happens.
        HttpAnswer answer = http(m_network, "POST", orders, m_token, {}, body);
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.contentType, QByteArray("application/problem+json"));
        QCOMPARE(answer.json().value(u"code"_s).toString(), u"request.missing_idempotency_key"_s);
        QCOMPARE(http(m_network, "GET", m_server->url(u"/v1/orders/"_s + id), m_token).status, 404);

        // First time: 201 with the order.
        const HttpAnswer first = http(m_network, "POST", orders, m_token, "key-1", body);
        QCOMPARE(first.status, 201);
        QCOMPARE(first.json().value(u"id"_s).toString(), id);
        QCOMPARE(first.json().value(u"total"_s).toInt(), 1397);
        QVERIFY(first.replayed.isEmpty());

        // Same key, same request (whitespace aside): the stored answer, byte for byte.
        const QByteArray reformatted =
            QJsonDocument(orderJson(id, 1)).toJson(QJsonDocument::Indented);
        const HttpAnswer replay = http(m_network, "POST", orders, m_token, "key-1", reformatted);
        QCOMPARE(replay.status, first.status);
        QCOMPARE(replay.body, first.body);
        QCOMPARE(replay.replayed, QByteArray("true"));

        // Same key, another request: 422, and the stored record is untouched.
        QJsonObject changed = orderJson(id, 1);
        changed.insert(u"cashier_id"_s, u"mallory"_s);
        answer = http(m_network, "POST", orders, m_token, "key-1", bytes(changed));
        QCOMPARE(answer.status, 422);
        QCOMPARE(answer.json().value(u"code"_s).toString(), u"idempotency.key_reused"_s);
        QCOMPARE(http(m_network, "POST", orders, m_token, "key-1", body).body, first.body);

        // Another key for the same order (the key was lost or purged): the natural key answers
        // 200 with the existing order, never a second one.
        const HttpAnswer again = http(m_network, "POST", orders, m_token, "key-2", body);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(u"order_no"_s), first.json().value(u"order_no"_s));

        // Keys are scoped per terminal: another terminal's "key-1" is its own.
        const QString otherId = newId();
        QJsonObject north = orderJson(otherId, 1);
        north.insert(u"store_id"_s, u"S2"_s);
        north.insert(u"receipt_no"_s, u"S2-T1-000001"_s);
        answer = http(m_network, "POST", orders, m_otherStore, "key-1", bytes(north));
        QCOMPARE(answer.status, 201);
        QCOMPARE(answer.json().value(u"id"_s).toString(), otherId);
    }

    // The first request with a key is still running (its row says so, with a live lease): a
    // second one waits its turn with 409 + Retry-After and changes nothing. A dead attempt's
    // lease runs out and the next request takes the key over.
    void inFlightKeyAnswers409ThenLeaseExpires()
    {
        const QString id = newId();
        const QJsonObject order = orderJson(id, 11);
        const QByteArray fingerprint = counterline::server::fingerprintOfCanonical(
            "POST", "/v1/orders", QJsonDocument(order).toJson(QJsonDocument::Compact));
        const QString principal = u"(SELECT id FROM principals WHERE role = 'terminal' AND "
                                  "store_id = 'S1')"_s;
        QVERIFY(m_server->count(
                    u"INSERT INTO idempotency_keys (principal_id, idem_key, fingerprint, state, "
                    "created_at, lease_until) SELECT id, 'busy-key', '%1', 'running', "
                    "'2026-11-24T00:00:00.000Z', '2999-01-01T00:00:00.000Z' FROM principals "
                    "WHERE role = 'terminal' AND store_id = 'S1'"_s.arg(
                        QString::fromLatin1(fingerprint))) == 1);
        const HttpAnswer busy = http(m_network, "POST", m_server->url(u"/v1/orders"_s), m_token,
                                     "busy-key", bytes(order));
        QCOMPARE(busy.status, 409);
        QCOMPARE(busy.retryAfter, QByteArray("1"));
        QCOMPARE(busy.json().value(u"code"_s).toString(), u"idempotency.in_flight"_s);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM orders WHERE id = '%1'"_s.arg(id)), 0);

        QVERIFY(m_server->count(u"UPDATE idempotency_keys SET lease_until = "
                                "'2000-01-01T00:00:00.000Z' WHERE idem_key = 'busy-key' AND "
                                "principal_id = %1"_s.arg(principal)) == 1);
        const HttpAnswer taken = http(m_network, "POST", m_server->url(u"/v1/orders"_s), m_token,
                                      "busy-key", bytes(order));
        QCOMPARE(taken.status, 201);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM orders WHERE id = '%1'"_s.arg(id)), 1);
    }

    void validationDoesNotConsumeTheKey()
    {
        const QString id = newId();
        QJsonObject bad = orderJson(id, 1);
        bad.insert(u"total"_s, 1398);
        const QUrl orders = m_server->url(u"/v1/orders"_s);
        HttpAnswer answer = http(m_network, "POST", orders, m_token, "key-v", bytes(bad));
        QCOMPARE(answer.status, 422);
        QCOMPARE(answer.json().value(u"code"_s).toString(), u"order.totals_mismatch"_s);
        answer = http(m_network, "POST", orders, m_token, "key-v", bytes(orderJson(id, 1)));
        QCOMPARE(answer.status, 201);
    }

    void badInputNamesTheField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("mentions");
        const QString id = newId();
        QTest::newRow("not JSON") << QByteArray("{\"id\": ") << 400 << u"JSON"_s;
        QTest::newRow("array") << QByteArray("[]") << 400 << u"object"_s;
        auto with = [&](const QString &field, const QJsonValue &value) {
            QJsonObject order = orderJson(id, 1);
            order.insert(field, value);
            return bytes(order);
        };
        auto withLine = [&](const QString &field, const QJsonValue &value) {
            QJsonObject order = orderJson(id, 1);
            QJsonArray lines = order.value(u"lines"_s).toArray();
            QJsonObject line = lines[0].toObject();
            line.insert(field, value);
            lines[0] = line;
            order.insert(u"lines"_s, lines);
            return bytes(order);
        };
        QTest::newRow("negative quantity")
            << withLine(u"quantity"_s, -2) << 400 << u"lines[0].quantity"_s;
        QTest::newRow("fractional price")
            << withLine(u"unit_price"_s, 2.49) << 400 << u"lines[0].unit_price"_s;
        QTest::newRow("price as text")
            << withLine(u"unit_price"_s, u"249"_s) << 400 << u"lines[0].unit_price"_s;
        QTest::newRow("unknown currency") << with(u"currency"_s, u"EURO"_s) << 400 << u"currency"_s;
        QTest::newRow("missing lines") << with(u"lines"_s, QJsonValue()) << 400 << u"lines"_s;
        QTest::newRow("bad id") << with(u"id"_s, u"42"_s) << 400 << u"\"id\""_s;
        QTest::newRow("line total wrong")
            << withLine(u"total"_s, 499) << 422 << u"lines[0].total"_s;
        QTest::newRow("tenders short")
            << with(u"tenders"_s, QJsonArray{QJsonObject{{u"kind"_s, u"cash"_s}, {u"amount"_s, 5}}})
            << 422 << u"tenders"_s;
        QTest::newRow("unknown tender")
            << with(u"tenders"_s,
                    QJsonArray{QJsonObject{{u"kind"_s, u"gold"_s}, {u"amount"_s, 1397}}})
            << 400 << u"tenders[0].kind"_s;
    }
    void badInputNamesTheField()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, mentions);
        const HttpAnswer answer =
            http(m_network, "POST", m_server->url(u"/v1/orders"_s), m_token, "key-bad", body);
        QCOMPARE(answer.status, status);
        QCOMPARE(answer.contentType, QByteArray("application/problem+json"));
        const QString detail = answer.json().value(u"detail"_s).toString();
        QVERIFY2(detail.contains(mentions), qPrintable(detail));
        QVERIFY(!answer.json().value(u"code"_s).toString().isEmpty());
    }

    void tooLargeIs413()
    {
        QJsonObject order = orderJson(newId(), 1);
        order.insert(u"padding"_s, QString(1024 * 1024, u'x'));
        const HttpAnswer answer = http(m_network, "POST", m_server->url(u"/v1/orders"_s), m_token,
                                       "key-big", bytes(order));
        QCOMPARE(answer.status, 413);
    }

    void authentication()
    {
        const QByteArray body = bytes(orderJson(newId(), 1));
        const QUrl orders = m_server->url(u"/v1/orders"_s);
        QCOMPARE(http(m_network, "POST", orders, {}, "k", body).status, 401);
        QCOMPARE(http(m_network, "POST", orders, "clt_forged", "k", body).status, 401);
        // A terminal of store S2 cannot send S1's orders, nor read them.
        QCOMPARE(http(m_network, "POST", orders, m_otherStore, "k", body).status, 403);
        const QString id = newId();
        QCOMPARE(http(m_network, "POST", orders, m_token, "k", bytes(orderJson(id, 1))).status,
                 201);
        QCOMPARE(http(m_network, "GET", m_server->url(u"/v1/orders/"_s + id), m_otherStore).status,
                 403);
        const HttpAnswer own =
            http(m_network, "GET", m_server->url(u"/v1/orders/"_s + id), m_token);
        QCOMPARE(own.status, 200);
        QCOMPARE(own.etag, QByteArray("\"2\""));
    }

    // 50 clients send the same order with the same key at once: exactly one order exists, and
    // every client that got an answer other than "still running" got the same one.
    void fiftyConcurrentIdenticalRequests()
    {
        const QString id = newId();
        const QByteArray body = bytes(orderJson(id, 7));
        const QUrl orders = m_server->url(u"/v1/orders"_s);
        QList<QNetworkAccessManager *> clients;
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 50; ++i) {
            clients.append(new QNetworkAccessManager(this));
            QNetworkRequest request(orders);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            request.setRawHeader("Authorization", "Bearer " + m_token);
            request.setRawHeader("Idempotency-Key", "\"same-key\"");
            replies.append(clients.last()->post(request, body));
        }
        for (QNetworkReply *reply : replies) {
            if (!reply->isFinished())
                QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 60'000));
        }
        QByteArray created;
        int inFlight = 0;
        for (QNetworkReply *reply : replies) {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray answer = reply->readAll();
            if (status == 409) {
                ++inFlight;
                QCOMPARE(reply->rawHeader("Retry-After"), QByteArray("1"));
                continue;
            }
            QCOMPARE(status, 201);
            if (created.isEmpty())
                created = answer;
            QCOMPARE(answer, created);
        }
        qDeleteAll(clients);
        qInfo("50 concurrent: %d answered 409 in flight, the rest the same 201", inFlight);
        QVERIFY(!created.isEmpty());

        // Asking again now gives the stored answer; the order exists once.
        const HttpAnswer later = http(m_network, "POST", orders, m_token, "same-key", body);
        QCOMPARE(later.status, 201);
        QCOMPARE(later.body, created);
        QCOMPARE(
            http(m_network, "POST", orders, m_token, "other-key", body).json().value(u"order_no"_s),
            QJsonDocument::fromJson(created).object().value(u"order_no"_s));
        QCOMPARE(m_server->count(u"SELECT count(*) FROM orders WHERE id = '%1'"_s.arg(id)), 1);
        // One set of stock movements: one per SKU (Brot, Wein), once.
        QCOMPARE(m_server->count(
                     u"SELECT count(*) FROM stock_movements WHERE order_id = '%1'"_s.arg(id)),
                 2);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM idempotency_keys WHERE idem_key = "
                                 "'same-key'"_s),
                 1);
    }

    // Clients that hang up before their answer is ready (a terminal killed, a connection reset)
    // must not take the server down: Qt 6.4 wrote such answers to freed sockets.
    void clientsThatHangUpEarlyLeaveTheServerStanding()
    {
        // Real orders, so that the workers are busy for a while and answers queue up behind them.
        auto orderRequest = [&]() -> QByteArray {
            const QByteArray body = bytes(orderJson(newId(), 1));
            return "POST /v1/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                   m_token + "\r\nIdempotency-Key: \"" + newId().toLatin1() +
                   "\"\r\nContent-Type: application/json\r\nContent-Length: " +
                   QByteArray::number(body.size()) + "\r\n\r\n" + body;
        };
        for (int round = 0; round < 8; ++round) {
            std::vector<std::unique_ptr<QTcpSocket>> sockets;
            for (int i = 0; i < 40; ++i) {
                auto socket = std::make_unique<QTcpSocket>();
                socket->connectToHost(QHostAddress::LocalHost, m_server->port());
                QVERIFY2(socket->waitForConnected(5'000),
                         qPrintable(u"round %1: %2"_s.arg(round).arg(socket->errorString())));
                socket->write(i % 4 ? orderRequest() : QByteArray("GET /healthz HTTP/1.1\r\n\r\n"));
                QVERIFY(socket->waitForBytesWritten(5'000));
                sockets.push_back(std::move(socket));
            }
            QTest::qWait(5 * round); // some hang up at once, some while their order runs
            for (auto &socket : sockets)
                socket->abort();
        }
        QTest::qWait(500);
        QCOMPARE(m_server->process().state(), QProcess::Running);
        QCOMPARE(http(m_network, "GET", m_server->url(u"/healthz"_s), {}).status, 200);
    }

    void sigtermStopsCleanlyAndRestartResumes()
    {
        const QString id = newId();
        QCOMPARE(http(m_network, "POST", m_server->url(u"/v1/orders"_s), m_token, "k-restart",
                      bytes(orderJson(id, 3)))
                     .status,
                 201);
        m_server->process().terminate();
        QVERIFY(m_server->process().waitForFinished(30'000));
        QVERIFY2(m_server->process().exitStatus() == QProcess::NormalExit,
                 m_server->process().readAllStandardError().constData());
        QCOMPARE(m_server->process().exitCode(), 0);
        QVERIFY(m_server->process().readAllStandardOutput().contains("stopped"));
        QVERIFY(m_server->start());
        const HttpAnswer stored =
            http(m_network, "GET", m_server->url(u"/v1/orders/"_s + id), m_token);
        QCOMPARE(stored.status, 200);
        QCOMPARE(stored.json().value(u"receipt_no"_s).toString(), u"S1-T1-000003"_s);
    }

    // SIGTERM while requests are being processed: the server stops accepting, answers what it
    // has, and exits 0. Every order that was acknowledged is stored; any request that got no
    // answer is safe to send again with its key.
    void sigtermDrainsRequestsInFlight()
    {
        const QUrl orders = m_server->url(u"/v1/orders"_s);
        QList<QNetworkAccessManager *> clients;
        QList<QNetworkReply *> replies;
        QStringList ids;
        for (int i = 0; i < 20; ++i) {
            ids.append(newId());
            clients.append(new QNetworkAccessManager(this));
            QNetworkRequest request(orders);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            request.setRawHeader("Authorization", "Bearer " + m_token);
            request.setRawHeader("Idempotency-Key", ids.last().toLatin1());
            replies.append(
                clients.last()->post(request, bytes(bigOrderJson(ids.last(), 20 + i, 1500))));
        }
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::any_of(replies.begin(), replies.end(),
                                   [](QNetworkReply *r) { return r->isFinished(); });
            },
            30'000));
        m_server->process().terminate();
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::all_of(replies.begin(), replies.end(),
                                   [](QNetworkReply *r) { return r->isFinished(); });
            },
            30'000));
        QVERIFY(m_server->process().waitForFinished(30'000));
        QCOMPARE(m_server->process().exitCode(), 0);
        int answered = 0;
        for (qsizetype i = 0; i < replies.size(); ++i) {
            const int status =
                replies[i]->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const qint64 stored =
                m_server->count(u"SELECT count(*) FROM orders WHERE id = '%1'"_s.arg(ids[i]));
            if (status == 201) {
                ++answered;
                QCOMPARE(stored, 1);
            } else {
                QCOMPARE(status, 0); // no answer at all, never a half one
            }
        }
        qDeleteAll(clients);
        qInfo("SIGTERM with 20 requests sent: %d answered 201 before the exit", answered);
        QCOMPARE(answered, 20); // all were sent and connected before the signal
    }

    void accessLogOnRequest()
    {
        m_log.clear();
        m_server->stop();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"QT_LOGGING_RULES"_s, u"counterline.server.access.info=true"_s);
        QVERIFY(m_server->start({}, environment));
        QCOMPARE(http(m_network, "POST", m_server->url(u"/v1/orders"_s), m_token, "log-1",
                      bytes(orderJson(newId(), 9)))
                     .status,
                 201);
        QVERIFY(QTest::qWaitFor(
            [&] {
                m_log += m_server->process().readAllStandardError();
                return m_log.contains("key=log-1");
            },
            10'000));
        QVERIFY2(m_log.contains("method=POST path=/v1/orders status=201 ms="), m_log.constData());
    }

    void metricsCountWhatHappened()
    {
        const QUrl orders = m_server->url(u"/v1/orders"_s);
        const QByteArray body = bytes(orderJson(newId(), 1));
        QCOMPARE(http(m_network, "POST", orders, m_token, "m1", body).status, 201);
        QCOMPARE(http(m_network, "POST", orders, m_token, "m1", body).status, 201); // replay
        QCOMPARE(http(m_network, "POST", orders, m_token, "m2", "{").status, 400);
        const HttpAnswer metrics = http(m_network, "GET", m_server->url(u"/metrics"_s), {});
        QCOMPARE(metrics.status, 200);
        const QByteArray text = metrics.body;
        QVERIFY2(text.contains("counterline_http_requests_total{route=\"POST /v1/orders\","
                               "status=\"201\"} 2"),
                 text.constData());
        QVERIFY(text.contains("counterline_http_requests_total{route=\"POST /v1/orders\","
                              "status=\"400\"} 1"));
        QVERIFY(text.contains("counterline_idempotent_replays_total 1"));
        QVERIFY(text.contains("counterline_rejected_inputs_total 1"));
        QVERIFY(text.contains(
            "counterline_http_request_duration_seconds_count{route=\"POST /v1/orders\"} 3"));
    }

    // Keys expire (here: aged by hand, then purged when the server starts); the natural key
    // still answers a late replay with the existing order, never a second one.
    void replayAfterPurgeFindsTheOrder()
    {
        const QString id = newId();
        const QByteArray body = bytes(orderJson(id, 5));
        const QUrl orders = m_server->url(u"/v1/orders"_s);
        QCOMPARE(http(m_network, "POST", orders, m_token, "old-key", body).status, 201);
        m_server->stop();
        m_server->count(u"UPDATE idempotency_keys SET created_at = '2020-01-01T00:00:00.000Z'"_s);
        QVERIFY(m_server->start({u"--key-retention-days"_s, u"35"_s}));
        QVERIFY(QTest::qWaitFor(
            [&] { return m_server->count(u"SELECT count(*) FROM idempotency_keys"_s) == 0; },
            10'000));
        const HttpAnswer late =
            http(m_network, "POST", m_server->url(u"/v1/orders"_s), m_token, "old-key", body);
        QCOMPARE(late.status, 200);
        QCOMPARE(late.json().value(u"id"_s).toString(), id);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM orders"_s), 1);
    }

    // GET /v1/changes: a terminal sees the central changes to its own orders only, in order, by
    // cursor; the back office sees a store's; a bad cursor is bad input.
    void changeFeedIsScopedAndPaged()
    {
        const QByteArray neighbour = m_server->enroll(u"S1"_s, u"T2"_s);
        const QByteArray office = m_server->addUser(u"Petra"_s);
        const QUrl orders = m_server->url(u"/v1/orders"_s);
        QStringList ids;
        for (int seq = 1; seq <= 3; ++seq) {
            ids << newId();
            QCOMPARE(http(m_network, "POST", orders, m_token, QByteArray::number(seq),
                          bytes(orderJson(ids.last(), seq)))
                         .status,
                     201);
        }
        for (const QString &id : ids) {
            QCOMPARE(http(m_network, "POST", m_server->url(u"/v1/orders/%1/events"_s.arg(id)),
                          office, {}, R"({"event":"Ship","expected_version":2})")
                         .status,
                     200);
        }
        QCOMPARE(http(m_network, "POST", m_server->url(u"/v1/orders/%1/events"_s.arg(ids[0])),
                      office, {}, R"({"event":"Deliver","expected_version":3})")
                     .status,
                 200);

        QJsonObject page =
            http(m_network, "GET", m_server->url(u"/v1/changes?limit=3"_s), m_token).json();
        QJsonArray changes = page.value(u"changes"_s).toArray();
        QCOMPARE(changes.size(), 3);
        QCOMPARE(changes[0][u"order_id"_s].toString(), ids[0]);
        QCOMPARE(changes[0][u"event"_s].toString(), u"Ship"_s);
        QCOMPARE(changes[0][u"from"_s].toString(), u"PAID"_s);
        QCOMPARE(changes[0][u"to"_s].toString(), u"SHIPPED"_s);
        QCOMPARE(changes[0][u"version"_s].toInt(), 3);
        QCOMPARE(changes[0][u"actor"_s].toString(), u"Petra"_s);
        page =
            http(m_network, "GET",
                 m_server->url(u"/v1/changes?limit=3&since="_s + page.value(u"next"_s).toString()),
                 m_token)
                .json();
        changes = page.value(u"changes"_s).toArray();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0][u"event"_s].toString(), u"Deliver"_s);
        const QString end = page.value(u"next"_s).toString();
        QCOMPARE(http(m_network, "GET", m_server->url(u"/v1/changes?since="_s + end), m_token)
                     .json()
                     .value(u"changes"_s)
                     .toArray()
                     .size(),
                 0);

        // Another terminal of the store sees none of them; the back office sees all four.
        QCOMPARE(http(m_network, "GET", m_server->url(u"/v1/changes"_s), neighbour)
                     .json()
                     .value(u"changes"_s)
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(http(m_network, "GET", m_server->url(u"/v1/changes?store=S1"_s), office)
                     .json()
                     .value(u"changes"_s)
                     .toArray()
                     .size(),
                 4);
        const HttpAnswer bad =
            http(m_network, "GET", m_server->url(u"/v1/changes?since=yesterday"_s), m_token);
        QCOMPARE(bad.status, 400);
        QVERIFY(bad.json().value(u"detail"_s).toString().contains(u"since"_s));
    }

    // Each terminal's journal arrives link by link with its orders: the server names the entries
    // that never arrived, links whose prev_hash does not match, and refuses a second, different
    // entry under a number it already holds.
    void journalGapsAndForksAreReported()
    {
        const QUrl orders = m_server->url(u"/v1/orders"_s);
        const QUrl journal = m_server->url(u"/v1/terminal/journal"_s);
        for (int seq : {1, 2, 4, 5}) {
            QCOMPARE(http(m_network, "POST", orders, m_token, QByteArray::number(seq),
                          bytes(orderJson(newId(), seq)))
                         .status,
                     201);
        }
        QJsonObject view = http(m_network, "GET", journal, m_token).json();
        QCOMPARE(view.value(u"entries"_s).toInt(), 4);
        QCOMPARE(view.value(u"highest_seq"_s).toInt(), 5);
        QCOMPARE(view.value(u"continuous"_s).toBool(), false);
        QCOMPARE(view.value(u"gaps"_s).toArray(),
                 QJsonArray{QJsonObject({{u"first"_s, 3}, {u"last"_s, 3}})});
        QCOMPARE(view.value(u"broken_links"_s).toArray(), QJsonArray{});

        // A different order under entry 2: the chain has forked; nothing is written.
        const QString forked = newId();
        HttpAnswer answer = http(m_network, "POST", orders, m_token, "fork",
                                 bytes(withJournal(orderJson(forked, 2), 2, 1, u"f"_s)));
        QCOMPARE(answer.status, 422);
        QCOMPARE(answer.json().value(u"code"_s).toString(), u"journal.fork"_s);
        QCOMPARE(http(m_network, "GET", m_server->url(u"/v1/orders/"_s + forked), m_token).status,
                 404);

        // Entry 3 arrives late, but its prev_hash is not entry 2's hash: a broken link.
        answer = http(m_network, "POST", orders, m_token, "3",
                      bytes(withJournal(orderJson(newId(), 3), 3, 1, fakeHash(u"T1"_s, 3))));
        QCOMPARE(answer.status, 201);
        view = http(m_network, "GET", journal, m_token).json();
        QCOMPARE(view.value(u"gaps"_s).toArray(), QJsonArray{});
        QCOMPARE(view.value(u"broken_links"_s).toArray(), QJsonArray{3});

        // The back office sees the terminal in the chain-wide report.
        const QByteArray admin = m_server->addUser(u"Ida"_s, u"admin"_s);
        const QJsonObject report =
            http(m_network, "GET", m_server->url(u"/v1/journal/gaps"_s), admin).json();
        const QJsonArray broken = report.value(u"not_continuous"_s).toArray();
        QCOMPARE(broken.size(), 1);
        QCOMPARE(broken[0][u"store_id"_s].toString(), u"S1"_s);
        QCOMPARE(broken[0][u"terminal_id"_s].toString(), u"T1"_s);

        // A terminal's change carries its link too; its retry after a lost answer is a replay
        // (200, nothing applied twice), while a change that lost the race is a conflict (409).
        const QString shipped = newId();
        QCOMPARE(http(m_network, "POST", orders, m_token, "7", bytes(orderJson(shipped, 7))).status,
                 201);
        const QJsonObject ship{{u"event"_s, u"Ship"_s},
                               {u"expected_version"_s, 2},
                               {u"journal"_s, QJsonObject{{u"seq"_s, 8},
                                                          {u"prev_hash"_s, fakeHash(u"T1"_s, 7)},
                                                          {u"hash"_s, fakeHash(u"T1"_s, 8)}}}};
        const QUrl events = m_server->url(u"/v1/orders/%1/events"_s.arg(shipped));
        answer = http(m_network, "POST", events, m_token, {}, bytes(ship));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json().value(u"version"_s).toInt(), 3);
        answer = http(m_network, "POST", events, m_token, {}, bytes(ship));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json().value(u"version"_s).toInt(), 3);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM order_events WHERE order_id = '"_s +
                                 shipped + u"' AND event = 'Ship'"_s),
                 1);
        QJsonObject late = ship;
        late.insert(u"event"_s, u"Cancel"_s);
        late.insert(u"journal"_s, QJsonObject{{u"seq"_s, 9},
                                              {u"prev_hash"_s, fakeHash(u"T1"_s, 8)},
                                              {u"hash"_s, fakeHash(u"T1"_s, 9)}});
        answer = http(m_network, "POST", events, m_token, {}, bytes(late));
        QCOMPARE(answer.status, 409);
        QCOMPARE(answer.json().value(u"order"_s)[u"status"_s].toString(), u"SHIPPED"_s);

        // A malformed link is bad input that names the field.
        QJsonObject bad = orderJson(newId(), 6);
        bad.insert(u"journal"_s, QJsonObject{{u"seq"_s, 6},
                                             {u"hash"_s, u"xyz"_s},
                                             {u"prev_hash"_s, fakeHash(u"T1"_s, 5)}});
        answer = http(m_network, "POST", orders, m_token, "6", bytes(bad));
        QCOMPARE(answer.status, 400);
        QVERIFY2(answer.json().value(u"detail"_s).toString().contains(u"journal.hash"_s),
                 answer.body.constData());
    }

    void tlsAndPlainHttpRules()
    {
        QTemporaryDir dir;
        const QString cert = dir.filePath(u"cert.pem"_s);
        const QString key = dir.filePath(u"key.pem"_s);
        QProcess openssl;
        openssl.start(u"openssl"_s,
                      {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s,
                       key, u"-out"_s, cert, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=localhost"_s,
                       u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s});
        QVERIFY(openssl.waitForFinished(60'000));
        QCOMPARE(openssl.exitCode(), 0);

        m_server->stop();
        QVERIFY(m_server->start({u"--tls-cert"_s, cert, u"--tls-key"_s, key}));
        QSslConfiguration trust = QSslConfiguration::defaultConfiguration();
        trust.setCaCertificates(QSslCertificate::fromPath(cert));
        QNetworkRequest request(m_server->url(u"/healthz"_s, u"https"_s));
        request.setSslConfiguration(trust);
        QNetworkReply *reply = m_network.get(request);
        QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 30'000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->readAll(), QByteArray(R"({"status":"ok"})"));
        delete reply;
        // Plain HTTP to the TLS port gets no answer.
        QVERIFY(http(m_network, "GET", m_server->url(u"/healthz"_s), {}).status == 0);

        // Without TLS, only loopback, unless the operator insists.
        int code = -1;
        m_server->command({u"--listen"_s, u"0.0.0.0:0"_s}, &code);
        QCOMPARE(code, 2);
    }

private:
    QByteArray m_log;
    std::unique_ptr<ServerUnderTest> m_server;
    QByteArray m_token;
    QByteArray m_otherStore;
    QNetworkAccessManager m_network;

private slots:
    void initTestCase_data() { onBothDatabases(); }
};

QTEST_GUILESS_MAIN(ServerHttpTest)
#include "tst_server_http.moc"
