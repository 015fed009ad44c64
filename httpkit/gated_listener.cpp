#include "httpkit/gated_listener.h"

#include "httpkit/answer_counting.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTcpSocket>

#include <algorithm>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcListener, "counterline.http.listener", QtWarningMsg)

namespace counterline::httpkit {

GatedListener::GatedListener(ConnectionLimits limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{
    if (m_limits.connections <= 0)
        m_limits.connections = connectionRoom();
}

int GatedListener::connections() const
{
    m_gates.remove_if([](const QPointer<ConnectionGate> &gate) { return gate.isNull(); });
    return int(m_gates.size());
}

void GatedListener::incomingConnection(qintptr descriptor)
{
    auto *socket = new AnswerCountingSocket<QTcpSocket>(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    admit(socket);
}

void GatedListener::admit(QTcpSocket *socket)
{
    QObject::connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    auto *gate = new ConnectionGate(socket, m_limits);
    if (connections() >= m_limits.connections && !makeRoom()) {
        qCWarning(lcListener) << "all" << m_limits.connections
                              << "connections are busy; answering 503 to"
                              << socket->peerAddress().toString();
        gate->refuse({503, Error{u"server.busy"_s,
                                 QCoreApplication::translate(
                                     "counterline::httpkit",
                                     "The server has too many connections open; try again.")}},
                     1);
        return;
    }
    m_gates.emplace_back(gate);
    addPendingConnection(socket);
    emit newConnection();
    gate->handedOver();
}

bool GatedListener::makeRoom()
{
    auto longestIdle = m_gates.end();
    qint64 longest = -1;
    for (auto it = m_gates.begin(); it != m_gates.end(); ++it) {
        if (!it->isNull() && (*it)->idle() && (*it)->idleForMs() > longest) {
            longest = (*it)->idleForMs();
            longestIdle = it;
        }
    }
    if (longestIdle == m_gates.end())
        return false;
    auto *socket = qobject_cast<QTcpSocket *>((*longestIdle)->parent());
    m_gates.erase(longestIdle);
    if (socket)
        socket->abort();
    return true;
}

int connectionRoom()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 1000;
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max == RLIM_INFINITY ? 1 << 20 : limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    // Keep room for the database, logs, outgoing calls and the handshakes in progress.
    const rlim_t reserve = 256;
    const rlim_t room =
        limit.rlim_cur > reserve * 2 ? limit.rlim_cur - reserve : limit.rlim_cur / 2;
    return int(std::min<rlim_t>(room, 1'000'000));
}

} // namespace counterline::httpkit
