// /metrics and the access log cannot be grown or forged from outside (issue 19, item 2): requests
// are counted under their route's template whatever ids they carry, everything a client sent is
// printed escaped, and /metrics is behind a token or on an address of its own.

#include "tests/server/server_harness.h"

#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace counterline::testing;

namespace {

// Sends `count` GETs of `path(i)` pipelined on one connection and reads every answer: how many
// of each status came back.
QMap<int, int> pipelinedGets(quint16 port, const QByteArray &token, int count,
                             const std::function<QByteArray(int)> &path)
{
    QMap<int, int> statuses;
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, port);
    if (!socket.waitForConnected(5'000))
        return statuses;
    const int batch = 100; // pipelined
    for (int sent = 0; sent < count; sent += batch) {
        QByteArray requests;
        const int now = std::min(batch, count - sent);
        for (int i = 0; i < now; ++i) {
            requests += "GET " + path(sent + i) + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                        token + "\r\n\r\n";
        }
        socket.write(requests);
        QByteArray answers;
        while (answers.count("HTTP/1.1 ") < now && socket.waitForReadyRead(10'000))
            answers += socket.readAll();
        qsizetype at = answers.indexOf("HTTP/1.1 ");
        while (at >= 0) {
            ++statuses[answers.mid(at + 9, 3).toInt()];
            at = answers.indexOf("HTTP/1.1 ", at + 1);
        }
    }
    return statuses;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

class MetricsEdgeTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerUnderTest>(u"sqlite"_s);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"QT_LOGGING_RULES"_s, u"counterline.server.access.info=true"_s);
        // The access log goes to a file: a pipe nobody reads would stop the server once full.
        m_log = m_dir.filePath(u"server.log"_s);
        m_server->process().setStandardErrorFile(m_log);
        QVERIFY(m_server->start({}, environment));
        QVERIFY(m_server->addStore(u"S1"_s));
        m_token = m_server->enroll(u"S1"_s, u"T1"_s);
        QVERIFY(!m_token.isEmpty());
    }

    void junkIdsLeaveMetricsTheSameSize()
    {
        auto junk = [](int i) -> QByteArray {
            return "/v1/orders/junk-" + QByteArray::number(i) + '-' +
                   QUuid::createUuid().toByteArray(QUuid::Id128).left(8);
        };
        QCOMPARE(pipelinedGets(m_server->port(), m_token, 100, junk).value(404), 100);
        const QByteArray before = metrics(m_server->url(u"/metrics"_s));
        QVERIFY(before.contains("route=\"GET /v1/orders/{id}\""));
        QCOMPARE(pipelinedGets(m_server->port(), m_token, 10'000, junk).value(404), 10'000);
        const QByteArray after = metrics(m_server->url(u"/metrics"_s));
        QCOMPARE(after.count('\n'), before.count('\n'));
        QVERIFY2(after.size() - before.size() < 200,
                 qPrintable(u"%1 bytes before, %2 after"_s.arg(before.size()).arg(after.size())));
        QVERIFY(!after.contains("junk"));
    }

    // A quote and a newline in a path, percent-encoded, are decoded by the server: neither may
    // end a label or start a log line of its own.
    void pathsCannotForgeMetricsOrLogLines()
    {
        const QByteArray forged = "/v1/orders/x%22%7D%201%0Acounterline_forged_total%201%0Ay";
        QCOMPARE(
            pipelinedGets(m_server->port(), m_token, 1, [&](int) -> QByteArray { return forged; })
                .value(404),
            1);
        const QByteArray scraped = metrics(m_server->url(u"/metrics"_s));
        QVERIFY(!scraped.contains("counterline_forged_total"));
        for (const QByteArray &line : scraped.split('\n'))
            QVERIFY2(line.isEmpty() || line.startsWith("# ") || line.startsWith("counterline_"),
                     line.constData());

        QByteArray log;
        QTRY_VERIFY_WITH_TIMEOUT((log = readAll(m_log)).contains("counterline_forged"), 5'000);
        QVERIFY2(log.contains("path=/v1/orders/x\\x22}\\x201\\x0acounterline_forged_total"),
                 log.right(600).constData());
        for (const QByteArray &line : log.split('\n'))
            QVERIFY2(!line.startsWith("counterline_forged_total"), line.constData());
    }

    void aTokenGuardsMetrics()
    {
        const QString tokenFile = tokenFileWith("metrics-token", "scrape-me-0123456789\n");
        QVERIFY(!tokenFile.isEmpty());
        ServerUnderTest guarded(u"sqlite"_s);
        QVERIFY(guarded.start({u"--metrics-token-file"_s, tokenFile}));
        QCOMPARE(status(guarded.port(), "/metrics", {}), 401);
        QCOMPARE(status(guarded.port(), "/metrics", "scrape-me-012345678X"), 401);
        QCOMPARE(status(guarded.port(), "/metrics", "scrape-me-0123456789"), 200);
        QCOMPARE(status(guarded.port(), "/healthz", {}), 200);
    }

    void aShortTokenFileIsRefused()
    {
        const QString tokenFile = tokenFileWith("short-token", "short\n");
        QVERIFY(!tokenFile.isEmpty());
        ServerUnderTest refused(u"sqlite"_s);
        QVERIFY(!refused.start({u"--metrics-token-file"_s, tokenFile}));
        QVERIFY(refused.process().state() == QProcess::NotRunning ||
                refused.process().waitForFinished(10'000));
        QVERIFY(refused.process().exitCode() != 0);
        QVERIFY(refused.process().readAllStandardError().contains("fewer than 16 characters"));
    }

    void metricsOnAnAddressOfTheirOwn()
    {
        const quint16 monitoring = freePort();
        ServerUnderTest split(u"sqlite"_s);
        QVERIFY(split.start({u"--metrics-listen"_s, u"127.0.0.1:%1"_s.arg(monitoring)}));
        QCOMPARE(status(split.port(), "/metrics", {}), 404);
        QCOMPARE(status(split.port(), "/healthz", {}), 200);
        QCOMPARE(status(monitoring, "/metrics", {}), 200);
        QCOMPARE(status(monitoring, "/healthz", {}), 200);
        QCOMPARE(status(monitoring, "/v1/orders", m_token), 404); // the API is not there
    }

private:
    static int status(quint16 port, const QByteArray &path, const QByteArray &token)
    {
        QTcpSocket socket;
        socket.connectToHost(u"127.0.0.1"_s, port);
        if (!socket.waitForConnected(5'000))
            return 0;
        QByteArray request = "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n";
        if (!token.isEmpty())
            request += "Authorization: Bearer " + token + "\r\n";
        socket.write(request + "\r\n");
        QByteArray answer;
        while (socket.waitForReadyRead(5'000))
            answer += socket.readAll();
        return answer.startsWith("HTTP/1.1 ") ? answer.mid(9, 3).toInt() : 0;
    }

    static QByteArray metrics(const QUrl &url)
    {
        QTcpSocket socket;
        socket.connectToHost(url.host(), quint16(url.port()));
        if (!socket.waitForConnected(5'000))
            return {};
        socket.write("GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QByteArray answer;
        while (socket.waitForReadyRead(5'000))
            answer += socket.readAll();
        return answer.mid(answer.indexOf("\r\n\r\n") + 4);
    }

    // A file in the test's directory holding `token`; empty when it cannot be written.
    QString tokenFileWith(const char *name, const QByteArray &token) const
    {
        const QString path = m_dir.filePath(QString::fromLatin1(name));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(token) != token.size())
            return {};
        return path;
    }

    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QTemporaryDir m_dir;
    QString m_log;
    std::unique_ptr<ServerUnderTest> m_server;
    QByteArray m_token;
};

QTEST_GUILESS_MAIN(MetricsEdgeTest)
#include "tst_metrics_edge.moc"
