#include "fault_proxy.h"

#include <QMutex>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace counterline::testing {

QString faultName(Fault fault)
{
    switch (fault) {
    case Fault::None:
        return u"none"_s;
    case Fault::Refuse:
        return u"refuse"_s;
    case Fault::DropRequest:
        return u"drop-request"_s;
    case Fault::ResetMidBody:
        return u"reset-mid-body"_s;
    case Fault::DropResponse:
        return u"drop-response"_s;
    case Fault::Delay:
        return u"delay"_s;
    case Fault::Trickle:
        return u"trickle"_s;
    }
    return {};
}

namespace {

// The length of the first complete HTTP message in `buffer` (headers and Content-Length body),
// or -1 while it is incomplete. A message without Content-Length has no body.
qsizetype messageLength(const QByteArray &buffer)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return -1;
    qsizetype length = headerEnd + 4;
    for (const QByteArray &line : buffer.left(headerEnd).split('\n')) {
        const QByteArray header = line.trimmed();
        if (header.toLower().startsWith("content-length:"))
            length += header.mid(15).trimmed().toLongLong();
    }
    return buffer.size() >= length ? length : -1;
}

} // namespace

// Lives on the proxy's thread: the listening socket and every connection.
class ProxyWorker : public QObject
{
public:
    ProxyWorker(FaultProxy &proxy, quint32 seed)
        : m_proxy(proxy)
        , m_random(seed)
    {}

    quint16 listen()
    {
        m_server = new QTcpServer(this);
        connect(m_server, &QTcpServer::newConnection, this, &ProxyWorker::accept);
        return m_server->listen(QHostAddress::LocalHost, 0) ? m_server->serverPort() : 0;
    }

    FaultProxy::Counts counts()
    {
        QMutexLocker lock(&m_mutex);
        return m_counts;
    }

    void stop()
    {
        const QObjectList owned = children(); // the listening socket and every connection
        qDeleteAll(owned);
        m_server = nullptr;
    }

private:
    struct Pipe
    {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> upstream;
        QByteArray fromClient;   // not yet forwarded
        QByteArray fromUpstream; // the current answer, as far as it has come
        bool upstreamReady = false;
        QByteArray waitingForUpstream;
        bool busy = false; // the request is out
        bool closed = false;
        Fault current = Fault::None; // what this connection will suffer
        bool faulted = false;
    };

    // Whether, and how, the new connection will fail.
    Fault roll()
    {
        const Fault forced = Fault(m_proxy.m_forced.load());
        if (forced != Fault::None)
            return forced;
        if (int(m_random.bounded(100)) >= m_proxy.m_faultPercent.load())
            return Fault::None;
        static constexpr Fault kinds[] = {Fault::Refuse,       Fault::DropRequest,
                                          Fault::ResetMidBody, Fault::DropResponse,
                                          Fault::Delay,        Fault::Trickle};
        return kinds[m_random.bounded(6)];
    }

    void count(const std::shared_ptr<Pipe> &pipe, Fault fault)
    {
        QMutexLocker lock(&m_mutex);
        if (fault == Fault::None)
            return;
        ++m_counts.faults[fault];
        if (!pipe->faulted) {
            pipe->faulted = true;
            ++m_counts.faultedConnections;
        }
    }

    void accept()
    {
        while (QTcpSocket *client = m_server->nextPendingConnection()) {
            client->setParent(this);
            connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            auto pipe = std::make_shared<Pipe>();
            pipe->client = client;
            {
                QMutexLocker lock(&m_mutex);
                ++m_counts.connections;
            }
            pipe->current = roll();
            count(pipe, pipe->current);
            if (pipe->current == Fault::Refuse) {
                client->abort();
                client->deleteLater();
                continue;
            }
            auto *upstream = new QTcpSocket(this);
            connect(upstream, &QTcpSocket::disconnected, upstream, &QObject::deleteLater);
            pipe->upstream = upstream;
            connect(upstream, &QTcpSocket::connected, this, [pipe] {
                pipe->upstreamReady = true;
                pipe->upstream->write(pipe->waitingForUpstream);
                pipe->waitingForUpstream.clear();
            });
            connect(upstream, &QTcpSocket::readyRead, this, [this, pipe] { fromUpstream(pipe); });
            connect(upstream, &QTcpSocket::disconnected, this, [this, pipe] { close(pipe); });
            connect(upstream, &QTcpSocket::errorOccurred, this, [this, pipe] { close(pipe); });
            connect(client, &QTcpSocket::readyRead, this, [this, pipe] { fromClient(pipe); });
            connect(client, &QTcpSocket::disconnected, this, [this, pipe] { close(pipe); });
            upstream->connectToHost(QHostAddress::LocalHost, m_proxy.m_upstreamPort.load());
        }
    }

    void toUpstream(const std::shared_ptr<Pipe> &pipe, const QByteArray &bytes)
    {
        if (!pipe->upstream)
            return;
        if (pipe->upstreamReady)
            pipe->upstream->write(bytes);
        else
            pipe->waitingForUpstream += bytes;
    }

    void fromClient(const std::shared_ptr<Pipe> &pipe)
    {
        if (!pipe->client)
            return;
        pipe->fromClient += pipe->client->readAll();
        nextRequest(pipe);
    }

    void nextRequest(const std::shared_ptr<Pipe> &pipe)
    {
        if (pipe->busy || !pipe->client)
            return;
        const qsizetype length = messageLength(pipe->fromClient);
        if (length < 0)
            return;
        const QByteArray request = pipe->fromClient.left(length);
        pipe->fromClient.remove(0, length);
        {
            QMutexLocker lock(&m_mutex);
            ++m_counts.requests;
        }
        pipe->busy = true;
        pipe->fromUpstream.clear();
        switch (pipe->current) {
        case Fault::DropRequest:
            abort(pipe);
            return;
        case Fault::ResetMidBody:
            toUpstream(pipe, request.left(request.size() / 2));
            if (pipe->upstream && pipe->upstreamReady)
                pipe->upstream->flush();
            abort(pipe, true);
            return;
        case Fault::Delay:
            QTimer::singleShot(50 + int(m_random.bounded(750)), this,
                               [this, pipe, request] { toUpstream(pipe, request); });
            return;
        default:
            toUpstream(pipe, request);
            return;
        }
    }

    void fromUpstream(const std::shared_ptr<Pipe> &pipe)
    {
        if (!pipe->upstream || !pipe->client)
            return;
        const QByteArray bytes = pipe->upstream->readAll();
        pipe->fromUpstream += bytes;
        const bool complete = messageLength(pipe->fromUpstream) >= 0;
        switch (pipe->current) {
        case Fault::DropResponse:
            if (complete)
                abort(pipe); // the server has answered, so it has committed; nobody hears it
            return;
        case Fault::Trickle:
            if (complete)
                trickle(pipe, pipe->fromUpstream);
            return;
        default:
            pipe->client->write(bytes);
            if (complete)
                answered(pipe);
            return;
        }
    }

    void trickle(const std::shared_ptr<Pipe> &pipe, QByteArray rest)
    {
        if (!pipe->client)
            return;
        pipe->client->write(rest.left(7));
        rest.remove(0, 7);
        if (rest.isEmpty()) {
            answered(pipe);
            return;
        }
        QTimer::singleShot(3, this, [this, pipe, rest] { trickle(pipe, rest); });
    }

    // One request per connection: once its answer is out, the connection ends, so that every
    // request meets the dice on a connection of its own.
    void answered(const std::shared_ptr<Pipe> &pipe) { close(pipe); }

    // Closes both sides at once; with `reset`, as a TCP reset (SO_LINGER 0) rather than a FIN.
    void abort(const std::shared_ptr<Pipe> &pipe, bool reset = false)
    {
        pipe->closed = true;
        for (QTcpSocket *socket : {pipe->client.data(), pipe->upstream.data()}) {
            if (!socket)
                continue;
            if (reset && socket->socketDescriptor() >= 0) {
                const linger immediately{1, 0};
                ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &immediately,
                             sizeof immediately);
            }
            socket->abort();
            socket->deleteLater();
        }
    }

    // One side went away, or the answer is out: both go, after what is already on its way.
    // Sockets delete themselves once disconnected.
    void close(const std::shared_ptr<Pipe> &pipe)
    {
        if (pipe->closed)
            return;
        pipe->closed = true;
        if (pipe->upstream && pipe->client && pipe->upstream->bytesAvailable() > 0) {
            pipe->client->write(pipe->upstream->readAll());
        }
        for (QTcpSocket *socket : {pipe->client.data(), pipe->upstream.data()}) {
            if (!socket)
                continue;
            if (socket->state() == QAbstractSocket::ConnectedState) {
                socket->flush();
                socket->disconnectFromHost();
            } else {
                socket->abort();
                socket->deleteLater();
            }
        }
    }

    FaultProxy &m_proxy;
    QRandomGenerator m_random;
    QTcpServer *m_server = nullptr;
    QMutex m_mutex;
    FaultProxy::Counts m_counts;
};

FaultProxy::FaultProxy(quint32 seed)
    : m_worker(std::make_unique<ProxyWorker>(*this, seed))
{
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

FaultProxy::~FaultProxy()
{
    QMetaObject::invokeMethod(
        m_worker.get(), [this] { m_worker->stop(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

quint16 FaultProxy::listen()
{
    QMetaObject::invokeMethod(
        m_worker.get(), [this] { m_port = m_worker->listen(); }, Qt::BlockingQueuedConnection);
    return m_port;
}

FaultProxy::Counts FaultProxy::counts() const
{
    return m_worker->counts();
}

} // namespace counterline::testing
