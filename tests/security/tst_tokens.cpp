// Tokens that can be taken back (issue 20, item 5), against two real server processes on one
// database, SQLite and PostgreSQL: `terminal revoke`, `terminal rotate-token`, enrolling a till
// again and `user revoke` stop the old token within a second on every running instance (each
// asks the database's token generation), while what the principal did stays its own.

#include "tests/server/listening_process.h"
#include "tests/server/server_harness.h"
#include "tests/server/wire_orders.h"

#include <QElapsedTimer>
#include <QJsonArray>

using namespace counterline;
using namespace counterline::testing;
using namespace Qt::StringLiterals;

class TokensTest : public QObject
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
        m_other = m_server->addUser(u"Otto"_s);
        QVERIFY(m_server->start());
        m_secondPort =
            startListening(m_second, QStringLiteral(COUNTERLINE_SERVER_PATH),
                           m_server->location() + QStringList{u"--listen"_s, u"127.0.0.1:0"_s});
        QVERIFY(m_secondPort != 0);
        // Both instances have seen the tokens: each remembers them.
        QCOMPARE(status("/v1/terminal", m_till, 0), 200);
        QCOMPARE(status("/v1/terminal", m_till, 1), 200);
        QCOMPARE(status("/v1/orders?store=S1", m_office, 0), 200);
        QCOMPARE(status("/v1/orders?store=S1", m_office, 1), 200);
    }

    void cleanup()
    {
        m_second.terminate();
        if (!m_second.waitForFinished(30'000))
            m_second.kill();
        m_server.reset();
    }

    void aRevokedTillStopsEverywhereWithinASecond()
    {
        QCOMPARE(post(m_till, 1).status, 201);
        const QString said =
            command({u"terminal"_s, u"revoke"_s, u"--store"_s, u"S1"_s, u"--name"_s, u"T1"_s});
        QVERIFY2(said.contains(u"revoked"_s), qPrintable(said));
        const qint64 took = millisecondsUntilRefused("/v1/terminal", m_till);
        QVERIFY2(took >= 0 && took < 1000, qPrintable(QString::number(took)));
        QCOMPARE(post(m_till, 2).status, 401);
        // Its sale stays, and head office still sees it.
        QCOMPARE(m_server->count(u"SELECT count(*) FROM orders"_s), 1);
        QCOMPARE(status("/v1/orders?store=S1", m_office, 1), 200);

        // Enrolled again, the till signs in with its new token and goes on with its numbers.
        const QByteArray again = m_server->enroll(u"S1"_s, u"T1"_s);
        QVERIFY(again.startsWith("clt_"));
        QCOMPARE(post(again, 2).status, 201);
        QCOMPARE(status("/v1/terminal", m_till, 0), 401);
    }

    void aRotatedTokenReplacesTheOld()
    {
        QCOMPARE(post(m_till, 1).status, 201);
        const QString said = command(
            {u"terminal"_s, u"rotate-token"_s, u"--store"_s, u"S1"_s, u"--name"_s, u"T1"_s});
        const QByteArray fresh = said.trimmed().split(u'\n').last().toLatin1();
        QVERIFY2(fresh.startsWith("clt_") && fresh != m_till, qPrintable(said));
        const qint64 took = millisecondsUntilRefused("/v1/terminal", m_till);
        QVERIFY2(took >= 0 && took < 1000, qPrintable(QString::number(took)));
        QCOMPARE(status("/v1/terminal", fresh, 0), 200);
        QCOMPARE(status("/v1/terminal", fresh, 1), 200);
        // The same till: its earlier sale is its own, sent again it is known (200).
        QCOMPARE(post(fresh, 1).status, 200);
    }

    // docs/operations.md: "a lost token is replaced by enrolling again".
    void enrollingATillAgainReplacesItsToken()
    {
        const QString said =
            command({u"terminal"_s, u"enroll"_s, u"--store"_s, u"S1"_s, u"--name"_s, u"T1"_s});
        QVERIFY2(said.contains(u"had a token"_s), qPrintable(said));
        const QByteArray fresh = said.trimmed().split(u'\n').last().toLatin1();
        const qint64 took = millisecondsUntilRefused("/v1/terminal", m_till);
        QVERIFY2(took >= 0 && took < 1000, qPrintable(QString::number(took)));
        QCOMPARE(status("/v1/terminal", fresh, 1), 200);
        QCOMPARE(m_server->count(u"SELECT count(*) FROM principals WHERE role = 'terminal'"_s), 1);
    }

    void aRevokedUserStopsEverywhereWithinASecond()
    {
        const QString said = command({u"user"_s, u"revoke"_s, u"--name"_s, u"Petra"_s});
        QVERIFY2(said.contains(u"Petra"_s), qPrintable(said));
        const qint64 took = millisecondsUntilRefused("/v1/orders?store=S1", m_office);
        QVERIFY2(took >= 0 && took < 1000, qPrintable(QString::number(took)));
        QCOMPARE(status("/v1/orders?store=S1", m_other, 0), 200);
        QCOMPARE(status("/v1/terminal", m_till, 1), 200);

        // Nothing left to revoke: an error naming the user, nothing changed.
        int code = -1;
        m_server->command({u"user"_s, u"revoke"_s, u"--name"_s, u"Petra"_s}, &code);
        QCOMPARE(code, 1);
    }

    void unknownNamesChangeNothing()
    {
        for (const QStringList &words :
             {QStringList{u"terminal"_s, u"revoke"_s, u"--store"_s, u"S1"_s, u"--name"_s, u"T9"_s},
              QStringList{u"terminal"_s, u"rotate-token"_s, u"--store"_s, u"S2"_s, u"--name"_s,
                          u"T1"_s},
              QStringList{u"user"_s, u"revoke"_s, u"--name"_s, u"Nobody"_s}}) {
            int code = -1;
            m_server->command(words, &code);
            QCOMPARE(code, 1);
        }
        QTest::qWait(600);
        QCOMPARE(status("/v1/terminal", m_till, 0), 200);
        QCOMPARE(status("/v1/orders?store=S1", m_office, 1), 200);
    }

private:
    QUrl urlOf(const char *path, int instance) const
    {
        return instance == 0 ? m_server->url(QString::fromLatin1(path))
                             : QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_secondPort)
                                        .arg(QString::fromLatin1(path)));
    }

    int status(const char *path, const QByteArray &token, int instance)
    {
        return http(m_network, "GET", urlOf(path, instance), token).status;
    }

    HttpAnswer post(const QByteArray &token, int sequence)
    {
        const QJsonObject order =
            orderJson(u"018f0000-0000-7000-8000-%1"_s.arg(sequence, 12, 10, QChar(u'0')), sequence);
        return http(m_network, "POST", m_server->url(u"/v1/orders"_s), token,
                    "order-" + QByteArray::number(sequence) + "-" + token.left(12),
                    QJsonDocument(order).toJson(QJsonDocument::Compact));
    }

    QString command(const QStringList &words)
    {
        int code = -1;
        const QString said = m_server->command(words, &code);
        return code == 0 ? said : u"exit %1"_s.arg(code);
    }

    // From now until both instances refuse `token` (401), or -1 after five seconds.
    qint64 millisecondsUntilRefused(const char *path, const QByteArray &token)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 5'000) {
            if (status(path, token, 0) == 401 && status(path, token, 1) == 401)
                return timer.elapsed();
            QTest::qWait(20);
        }
        return -1;
    }

    std::unique_ptr<ServerUnderTest> m_server;
    QProcess m_second;
    quint16 m_secondPort = 0;
    QNetworkAccessManager m_network;
    QByteArray m_till;
    QByteArray m_office;
    QByteArray m_other;
};

QTEST_GUILESS_MAIN(TokensTest)
#include "tst_tokens.moc"
