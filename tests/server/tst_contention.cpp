// Contention is never an internal error (issue 17), on SQLite and PostgreSQL: tills racing to send
// the same order with different keys get one order and no 5xx; many clients sending at once for a
// while get no 5xx either (a busy database is retried, then answered 503 with Retry-After — which
// a valid request under this load must not even need).
//
// ctest runs firstSendsRaceForOneOrder as tst_contention, and manyClientsKeepSending as
// tst_contention_soak (label slow) for 60 seconds with 64 clients; run by hand, the soak takes
// COUNTERLINE_SOAK_SECONDS (default 3) with 16.

#include "tests/server/server_harness.h"
#include "tests/server/wire_orders.h"

#include <QElapsedTimer>

#include <memory>
#include <vector>

using namespace counterline::testing;
using namespace Qt::StringLiterals;

namespace {

QByteArray bytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The order as `terminal` sends it, without a journal link (the race is about the order).
QByteArray sale(const QString &id, int sequence, const QString &terminal = u"T1"_s)
{
    QJsonObject order = orderJson(id, sequence, terminal);
    order.remove(u"journal"_s);
    return bytes(order);
}

} // namespace

class ContentionTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { onBothDatabases(); }

    void init()
    {
        m_server = serverForThisRow();
        QVERIFY2(m_server->problem().isEmpty(), qPrintable(m_server->problem()));
        QVERIFY(m_server->addStore(u"S1"_s));
        m_token = m_server->enroll(u"S1"_s, u"T1"_s);
        QVERIFY(m_server->start());
    }

    void cleanup() { m_server.reset(); }

    // 20 rounds of 40 first sends of one order, each with its own key, all at once: one order,
    // every answer 201 or 200 with that order, never a 5xx.
    void firstSendsRaceForOneOrder()
    {
        constexpr int kRounds = 20;
        constexpr int kSenders = 40;
        std::vector<std::unique_ptr<QNetworkAccessManager>> networks;
        for (int i = 0; i < kSenders; ++i)
            networks.push_back(std::make_unique<QNetworkAccessManager>());
        for (int round = 1; round <= kRounds; ++round) {
            const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            const QByteArray body = sale(id, round);
            QList<QNetworkReply *> replies;
            for (int i = 0; i < kSenders; ++i) {
                QNetworkRequest request(m_server->url(u"/v1/orders"_s));
                request.setHeader(QNetworkRequest::ContentTypeHeader,
                                  QByteArray("application/json"));
                request.setRawHeader("Authorization", "Bearer " + m_token);
                request.setRawHeader("Idempotency-Key", u"r%1-s%2"_s.arg(round).arg(i).toLatin1());
                replies.append(networks[size_t(i)]->post(request, body));
            }
            QVERIFY(QTest::qWaitFor(
                [&] {
                    return std::all_of(replies.cbegin(), replies.cend(),
                                       [](QNetworkReply *r) { return r->isFinished(); });
                },
                60'000));
            int created = 0;
            for (QNetworkReply *reply : std::as_const(replies)) {
                const int status =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                const QByteArray answer = reply->readAll();
                QVERIFY2(status == 200 || status == 201,
                         qPrintable(u"round %1: HTTP %2 %3"_s.arg(round).arg(status).arg(
                             QString::fromUtf8(answer))));
                QCOMPARE(QJsonDocument::fromJson(answer).object().value(u"id"_s).toString(), id);
                created += status == 201 ? 1 : 0;
                reply->deleteLater();
            }
            QCOMPARE(created, 1);
            QCOMPARE(m_server->count(u"SELECT count(*) FROM orders WHERE id = '%1'"_s.arg(id)), 1);
        }
        QCOMPARE(m_server->count(u"SELECT count(*) FROM orders"_s), kRounds);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM stock_movements"_s), kRounds * 2);
    }

    // Clients each sending new orders as fast as they are answered, and now and then one again:
    // no answer is a 5xx, and every order is there once.
    void manyClientsKeepSending()
    {
        const int seconds = qEnvironmentVariableIntValue("COUNTERLINE_SOAK_SECONDS") > 0
                                ? qEnvironmentVariableIntValue("COUNTERLINE_SOAK_SECONDS")
                                : 3;
        const int clients = seconds >= 60 ? 64 : 16;
        struct Client
        {
            std::unique_ptr<QNetworkAccessManager> network;
            QByteArray token;
            QString terminal;
            int sent = 0;
            QByteArray lastBody;
        };
        std::vector<Client> all;
        all.resize(size_t(clients));
        for (int i = 0; i < clients; ++i) {
            Client &client = all[size_t(i)];
            client.network = std::make_unique<QNetworkAccessManager>();
            client.terminal = u"K%1"_s.arg(i);
            client.token = i == 0 ? m_token : m_server->enroll(u"S1"_s, client.terminal);
            if (i == 0)
                client.terminal = u"T1"_s;
        }
        QElapsedTimer clock;
        clock.start();
        int answered = 0;
        int failures = 0;
        QStringList fiveHundreds;
        QSet<QString> ids;
        std::function<void(Client &)> sendNext = [&](Client &client) {
            if (clock.elapsed() > seconds * 1000)
                return;
            // Every fifth send is the previous order again under its own key: a replay.
            const bool again = client.sent % 5 == 4 && !client.lastBody.isEmpty();
            if (!again) {
                const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
                ids.insert(id);
                client.lastBody = sale(id, client.sent + 1, client.terminal);
            }
            QNetworkRequest request(m_server->url(u"/v1/orders"_s));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            request.setRawHeader("Authorization", "Bearer " + client.token);
            request.setRawHeader("Idempotency-Key",
                                 u"%1-%2"_s.arg(client.terminal).arg(client.sent).toLatin1());
            ++client.sent;
            QNetworkReply *reply = client.network->post(request, client.lastBody);
            connect(reply, &QNetworkReply::finished, this, [&, reply] {
                const int status =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                ++answered;
                if (status >= 500)
                    fiveHundreds.append(QString::fromUtf8(reply->readAll()));
                else if (status != 200 && status != 201)
                    ++failures;
                reply->deleteLater();
                sendNext(client);
            });
        };
        for (Client &client : all)
            sendNext(client);
        QVERIFY(QTest::qWaitFor(
            [&] {
                int out = 0;
                for (const Client &client : all)
                    out += client.sent;
                return clock.elapsed() > seconds * 1000 && answered == out;
            },
            (seconds + 120) * 1000));
        qInfo("%d clients for %d s: %d answers, %lld orders", clients, seconds, answered,
              qint64(ids.size()));
        QVERIFY2(fiveHundreds.isEmpty(), qPrintable(fiveHundreds.mid(0, 3).join(u'\n')));
        QCOMPARE(failures, 0);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM orders"_s), qint64(ids.size()));
    }

private:
    std::unique_ptr<ServerUnderTest> m_server;
    QByteArray m_token;
};

QTEST_GUILESS_MAIN(ContentionTest)
#include "tst_contention.moc"
