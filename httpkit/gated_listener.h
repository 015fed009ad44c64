#pragma once

#include "httpkit/connection_gate.h"

#include <QPointer>
#include <QTcpServer>

#include <list>

namespace counterline::httpkit {

// Accepts connections for QHttpServer (QAbstractHttpServer::bind takes any QTcpServer) and puts
// a ConnectionGate at each one's door before handing it over. At most `connections` at once:
// when full, the connection idle the longest is closed to make room, and when none is idle the
// newcomer is answered 503 with Retry-After — so idle sockets can never lock a client out, and
// the server never runs out of descriptors.
class GatedListener : public QTcpServer
{
public:
    explicit GatedListener(ConnectionLimits limits, QObject *parent = nullptr);

    int connections() const;

protected:
    void incomingConnection(qintptr descriptor) override;
    // Gates `socket` (a child of this listener, connected, encrypted if TLS) and hands it over.
    void admit(QTcpSocket *socket);

private:
    bool makeRoom();

    ConnectionLimits m_limits;
    mutable std::list<QPointer<ConnectionGate>> m_gates; // oldest first; gone ones pruned
};

// How many connections the process's descriptor limit leaves room for, after raising the soft
// limit to the hard one (what a server with many clients should do; LimitNOFILE sets the hard
// one under systemd).
int connectionRoom();

} // namespace counterline::httpkit
