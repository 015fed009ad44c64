// HTTPS that cannot be wedged (issue 19, item 1): connections that never start a TLS handshake,
// held or closed, never stop the server accepting; a silent handshake is dropped at its
// deadline; only TLS 1.2 with forward-secret AEAD suites, and TLS 1.3, are spoken.

#include "tests/server/server_harness.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslCipher>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace counterline::testing;

class TlsEdgeTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString key = m_dir.filePath(u"key.pem"_s);
        m_certificate = m_dir.filePath(u"cert.pem"_s);
        QProcess openssl;
        openssl.start(u"openssl"_s,
                      {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s,
                       key, u"-out"_s, m_certificate, u"-days"_s, u"2"_s, u"-subj"_s,
                       u"/CN=localhost"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s});
        QVERIFY(openssl.waitForFinished(60'000));
        QCOMPARE(openssl.exitCode(), 0);
        m_server = std::make_unique<ServerUnderTest>(u"sqlite"_s);
        QVERIFY(m_server->start({u"--tls-cert"_s, m_certificate, u"--tls-key"_s, key,
                                 u"--tls-handshake-seconds"_s, u"2"_s}));
        m_port = quint16(m_server->url(u"/"_s).port());
    }

    // The reproduction: 30 connections that never start a handshake, closed again, used to stop
    // the listener for good (Qt 6.4's QSslServer).
    void closedSilentSocketsDoNotStopAccepting()
    {
        auto silent = silentSockets(30);
        silent.clear();
        QTest::qWait(300);
        QCOMPARE(healthStatus(), 200);
        QCOMPARE(healthStatus(), 200);
    }

    // 200 silent connections held open: a newcomer is still answered, and after they go too.
    void heldSilentSocketsDoNotLockNewcomersOut()
    {
        auto silent = silentSockets(200);
        QCOMPARE(healthStatus(), 200);
        silent.clear();
        QTest::qWait(300);
        QCOMPARE(healthStatus(), 200);
    }

    void aSilentHandshakeIsDroppedAtItsDeadline()
    {
        QTcpSocket socket;
        socket.connectToHost(u"127.0.0.1"_s, m_port);
        QVERIFY(socket.waitForConnected(5'000));
        QElapsedTimer held;
        held.start();
        QVERIFY(QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; },
                                10'000));
        QVERIFY2(held.elapsed() >= 1'500, QByteArray::number(held.elapsed()).constData());
        QVERIFY2(held.elapsed() < 6'000, QByteArray::number(held.elapsed()).constData());
    }

    void onlyModernSuitesAreSpoken_data()
    {
        QTest::addColumn<QString>("cipher"); // empty: the client's defaults
        QTest::addColumn<int>("protocol");
        QTest::addColumn<bool>("spoken");
        QTest::newRow("TLS 1.3") << QString() << int(QSsl::TlsV1_3) << true;
        QTest::newRow("TLS 1.2 AES-GCM")
            << u"ECDHE-RSA-AES128-GCM-SHA256"_s << int(QSsl::TlsV1_2) << true;
        QTest::newRow("TLS 1.2 ChaCha20")
            << u"ECDHE-RSA-CHACHA20-POLY1305"_s << int(QSsl::TlsV1_2) << true;
        QTest::newRow("TLS 1.2 CBC") << u"ECDHE-RSA-AES128-SHA256"_s << int(QSsl::TlsV1_2) << false;
        QTest::newRow("TLS 1.2 CBC SHA1")
            << u"ECDHE-RSA-AES256-SHA"_s << int(QSsl::TlsV1_2) << false;
        QTest::newRow("TLS 1.2 static RSA")
            << u"AES128-GCM-SHA256"_s << int(QSsl::TlsV1_2) << false;
    }

    void onlyModernSuitesAreSpoken()
    {
        QFETCH(QString, cipher);
        QFETCH(int, protocol);
        QFETCH(bool, spoken);
        QSslConfiguration configuration = trusted();
        configuration.setProtocol(QSsl::SslProtocol(protocol));
        if (!cipher.isEmpty()) {
            const QSslCipher wanted(cipher);
            QVERIFY2(!wanted.isNull(), qPrintable(u"this OpenSSL lacks "_s + cipher));
            configuration.setCiphers({wanted});
        }
        QSslSocket client;
        client.setSslConfiguration(configuration);
        client.connectToHostEncrypted(u"127.0.0.1"_s, m_port);
        const bool encrypted = client.waitForEncrypted(5'000);
        QCOMPARE(encrypted, spoken);
        if (spoken) {
            QCOMPARE(int(client.sessionProtocol()), protocol);
            if (!cipher.isEmpty())
                QCOMPARE(client.sessionCipher().name(), cipher);
        }
    }

private:
    QSslConfiguration trusted() const
    {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setCaCertificates(QSslCertificate::fromPath(m_certificate));
        return configuration;
    }

    std::vector<std::unique_ptr<QTcpSocket>> silentSockets(int count) const
    {
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < count; ++i) {
            sockets.push_back(std::make_unique<QTcpSocket>());
            sockets.back()->connectToHost(u"127.0.0.1"_s, m_port);
        }
        for (const auto &socket : sockets)
            [[maybe_unused]] const bool connected = socket->waitForConnected(5'000);
        QTest::qWait(200); // the server has accepted them all
        return sockets;
    }

    // GET /healthz over a new connection of its own; 0 when nothing answered in 5 s.
    int healthStatus() const
    {
        QNetworkAccessManager network;
        QNetworkRequest request(m_server->url(u"/healthz"_s, u"https"_s));
        request.setSslConfiguration(trusted());
        request.setTransferTimeout(5'000);
        std::unique_ptr<QNetworkReply> reply(network.get(request));
        if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 6'000))
            return 0;
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

    QTemporaryDir m_dir;
    QString m_certificate;
    std::unique_ptr<ServerUnderTest> m_server;
    quint16 m_port = 0;
};

QTEST_GUILESS_MAIN(TlsEdgeTest)
#include "tst_tls_edge.moc"
