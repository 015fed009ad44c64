#pragma once

// A TCP proxy for tests that stands between terminals and the server and breaks things on
// purpose: it refuses connections, drops requests, resets them halfway through the body, drops
// the response after the server has committed, delays, and trickles bytes. It understands just
// enough HTTP/1.1 (headers and Content-Length) to carry one request per connection and close it
// after the answer, so each request meets the dice on a connection of its own. It runs on a
// thread of its own, so a test may block while it works.

#include <QMap>
#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace counterline::testing {

enum class Fault
{
    None,
    Refuse,       // the connection is accepted and closed at once, before any byte
    DropRequest,  // the request is read and the connection closed; the server never sees it
    ResetMidBody, // half the request reaches the server, then both sides are reset
    DropResponse, // the server answers (and has committed); the answer is thrown away
    Delay,        // the request waits 50-800 ms before it goes on
    Trickle,      // the answer comes back a few bytes at a time
};

QString faultName(Fault fault);

class ProxyWorker;

class FaultProxy
{
public:
    explicit FaultProxy(quint32 seed);
    ~FaultProxy();

    // Listens on 127.0.0.1 (a free port); returns the port, 0 on failure.
    quint16 listen();
    quint16 port() const { return m_port; }

    // Where requests go; may change while running (the server restarts on another port).
    void setUpstreamPort(quint16 port) { m_upstreamPort = port; }
    // A random fault, of a kind picked evenly, on about this share of connections.
    void setFaultPercent(int percent) { m_faultPercent = percent; }
    // Every connection gets this fault (Fault::None: back to random faults).
    void force(Fault fault) { m_forced = int(fault); }

    struct Counts
    {
        int connections = 0;
        int requests = 0;
        int faultedConnections = 0;
        QMap<Fault, int> faults;
    };
    Counts counts() const;

private:
    friend class ProxyWorker;

    QThread m_thread;
    std::unique_ptr<ProxyWorker> m_worker;
    quint16 m_port = 0;
    std::atomic<quint16> m_upstreamPort{0};
    std::atomic<int> m_faultPercent{0};
    std::atomic<int> m_forced{int(Fault::None)};
};

} // namespace counterline::testing
