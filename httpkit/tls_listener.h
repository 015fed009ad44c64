#pragma once

#include "httpkit/gated_listener.h"

#include <QSslConfiguration>

#include <chrono>
#include <list>

class QSslSocket;

namespace counterline::httpkit {

// Accepts TLS connections and completes each handshake itself, with a deadline, before it hands
// the connection to the HTTP layer (QAbstractHttpServer::bind takes any QTcpServer). Qt 6.4's
// QSslServer counts handshakes in progress as pending connections and, once that count has
// reached maxPendingConnections, stops accepting for good: 30 connections that never start a
// handshake were enough to wedge HTTPS until a restart. Here a handshake is never a pending
// connection, so accepting never stops; the handshakes in progress are bounded on their own
// (the oldest one is dropped to make room for a new one, so held sockets cannot lock newcomers
// out), and one that has not finished by its deadline is dropped. Once encrypted, a connection
// is gated like a plain one (GatedListener).
class TlsListener : public GatedListener
{
public:
    struct Limits
    {
        int handshakesAtOnce = 128;
        std::chrono::milliseconds handshakeDeadline{10'000};
    };

    // `configuration` carries the certificate and key; modernised() is applied to it.
    TlsListener(const QSslConfiguration &configuration, Limits limits, ConnectionLimits connections,
                QObject *parent = nullptr);
    ~TlsListener() override;

    // TLS 1.2 with forward-secret AEAD suites only (no CBC, no static RSA), and TLS 1.3.
    static QSslConfiguration modernised(QSslConfiguration configuration);

    int handshakesInProgress() const { return int(m_handshaking.size()); }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void forget(QSslSocket *socket);

    QSslConfiguration m_configuration;
    Limits m_limits;
    std::list<QSslSocket *> m_handshaking; // oldest first
};

} // namespace counterline::httpkit
