#pragma once

#include "httpkit/request_framing.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>

class QTcpSocket;

namespace counterline::httpkit {

// What a connection may do before the server closes it.
struct ConnectionLimits
{
    FramingLimits framing;
    std::chrono::milliseconds idle{60'000};    // between requests (longer than a long poll's 30 s)
    std::chrono::milliseconds request{30'000}; // from a request's first byte to its last
    // From a whole request to its answer, beyond any route's own deadline (long polls: 30 s):
    // a connection whose answer never comes still goes.
    std::chrono::milliseconds answer{120'000};
    int connections = 0; // at once; 0: what the descriptor limit allows
};

// Stands at one connection's door, in front of the HTTP layer. It sees every byte the client
// sends before QHttpServer reads it (its readyRead slot runs first and only peeks) and answers
// itself, then closes, when the bytes break RequestFraming's rules — so a body over the limit is
// refused from its head, before it is read. It closes a connection that stays idle, or takes too
// long to send a request, and one whose last request asked for Connection: close once the answer
// is out.
class ConnectionGate : public QObject
{
public:
    // Becomes a child of `socket`; call before the HTTP layer takes the socket.
    ConnectionGate(QTcpSocket *socket, const ConnectionLimits &limits);

    // Call right after the HTTP layer took the socket.
    void handedOver();

    // No request being sent, and every request answered: closing it loses nothing.
    bool idle() const;
    // Every request seen has had its answer written out.
    bool allAnswered() const;
    qint64 idleForMs() const { return idle() ? m_sinceActivity.elapsed() : 0; }

    // Answers `status` with a problem and closes (a full server, a timeout, refused framing).
    void refuse(const FramingRefusal &refusal, int retryAfterSeconds = 0);

private:
    void bytesArrived();
    void bytesLeft();
    void rearm();
    void discard();

    QTcpSocket *m_socket;
    ConnectionLimits m_limits;
    RequestFraming m_framing;
    QTimer m_timer;
    QElapsedTimer m_sinceActivity;
    qint64 m_seenUnread = 0; // bytes examined that the HTTP layer has not read yet
    int m_flushedAfter = 0;  // requests seen when the writes last drained (a plain socket)
    bool m_refused = false;
    qint64 m_discarded = 0; // after a refusal
};

} // namespace counterline::httpkit
