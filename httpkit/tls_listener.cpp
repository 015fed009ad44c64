#include "httpkit/tls_listener.h"

#include "httpkit/answer_counting.h"

#include <QLoggingCategory>
#include <QSslCipher>
#include <QSslSocket>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcTls, "counterline.http.tls", QtWarningMsg)

namespace counterline::httpkit {

namespace {

// Forward secret (ECDHE/DHE key exchange) and authenticated encryption (GCM, ChaCha20-Poly1305),
// or TLS 1.3, whose suites are all both.
bool modern(const QSslCipher &cipher)
{
    if (cipher.protocol() == QSsl::TlsV1_3)
        return true;
    const QString name = cipher.name();
    const bool aead = name.contains(u"GCM"_s) || name.contains(u"CHACHA20"_s);
    const bool forwardSecret = name.startsWith(u"ECDHE-"_s) || name.startsWith(u"DHE-"_s);
    return aead && forwardSecret;
}

} // namespace

TlsListener::TlsListener(const QSslConfiguration &configuration, Limits limits,
                         ConnectionLimits connections, QObject *parent)
    : GatedListener(connections, parent)
    , m_configuration(modernised(configuration))
    , m_limits(limits)
{}

TlsListener::~TlsListener()
{
    // The sockets are children of this listener; only the bookkeeping goes.
    m_handshaking.clear();
}

QSslConfiguration TlsListener::modernised(QSslConfiguration configuration)
{
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    QList<QSslCipher> ciphers = configuration.ciphers();
    ciphers.removeIf([](const QSslCipher &cipher) { return !modern(cipher); });
    configuration.setCiphers(ciphers);
    return configuration;
}

void TlsListener::incomingConnection(qintptr descriptor)
{
    auto *socket = new AnswerCountingSocket<QSslSocket>(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (handshakesInProgress() >= std::max(1, m_limits.handshakesAtOnce)) {
        // Make room: the oldest handshake has had the longest to finish.
        QSslSocket *oldest = m_handshaking.front();
        qCDebug(lcTls) << "too many handshakes at once; dropping the oldest from"
                       << oldest->peerAddress().toString();
        forget(oldest);
        oldest->abort();
        oldest->deleteLater();
    }
    socket->setSslConfiguration(m_configuration);
    m_handshaking.push_back(socket);

    auto *deadline = new QTimer(socket);
    deadline->setSingleShot(true);
    QObject::connect(deadline, &QTimer::timeout, socket, [this, socket] {
        qCDebug(lcTls) << "handshake not finished in time; dropping"
                       << socket->peerAddress().toString();
        forget(socket);
        socket->abort();
        socket->deleteLater();
    });
    QObject::connect(socket, &QSslSocket::encrypted, this, [this, socket, deadline] {
        deadline->stop();
        forget(socket);
        admit(socket);
    });
    // A failed or abandoned handshake: the socket goes, nothing else waits on it.
    QObject::connect(socket, &QAbstractSocket::disconnected, this, [this, socket] {
        if (std::find(m_handshaking.begin(), m_handshaking.end(), socket) == m_handshaking.end())
            return; // handed over: the HTTP layer owns it now
        forget(socket);
        socket->deleteLater();
    });
    QObject::connect(socket, &QAbstractSocket::errorOccurred, this, [this, socket] {
        if (std::find(m_handshaking.begin(), m_handshaking.end(), socket) == m_handshaking.end())
            return;
        forget(socket);
        socket->abort();
        socket->deleteLater();
    });
    deadline->start(m_limits.handshakeDeadline);
    socket->startServerEncryption();
}

void TlsListener::forget(QSslSocket *socket)
{
    m_handshaking.remove(socket);
}

} // namespace counterline::httpkit
