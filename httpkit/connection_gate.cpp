#include "httpkit/connection_gate.h"

#include "httpkit/answer_counting.h"
#include "protocol/problem.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSslSocket>
#include <QTcpSocket>

#include <algorithm>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcGate, "counterline.http.gate", QtWarningMsg)

namespace counterline::httpkit {

ConnectionGate::ConnectionGate(QTcpSocket *socket, const ConnectionLimits &limits)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
    , m_framing(limits.framing)
{
    // Connected before the HTTP layer's own slot, so this one sees the bytes first.
    QObject::connect(socket, &QIODevice::readyRead, this, &ConnectionGate::bytesArrived);
    QObject::connect(socket, &QIODevice::bytesWritten, this, &ConnectionGate::bytesLeft);
    m_timer.setSingleShot(true);
    QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_framing.inRequest()) {
            refuse({408, Error{u"request.timeout"_s,
                               QCoreApplication::translate(
                                   "counterline::httpkit",
                                   "The request was not sent in full within %1 seconds.")
                                   .arg(m_limits.request.count() / 1000)}});
        } else if (idle()) {
            qCDebug(lcGate) << "closing an idle connection from"
                            << m_socket->peerAddress().toString();
            m_socket->disconnectFromHost();
        } else {
            qCWarning(lcGate) << "no answer within" << m_limits.answer.count() / 1000
                              << "s; closing the connection from"
                              << m_socket->peerAddress().toString();
            m_socket->abort();
        }
    });
    m_sinceActivity.start();
    rearm();
}

void ConnectionGate::handedOver()
{
    // Runs after the HTTP layer's slot: what it left unread was seen here already.
    QObject::connect(m_socket, &QIODevice::readyRead, this,
                     [this] { m_seenUnread = m_socket->bytesAvailable(); });
    if (m_socket->bytesAvailable() > 0)
        bytesArrived();
}

bool ConnectionGate::idle() const
{
    return !m_framing.inRequest() && allAnswered();
}

bool ConnectionGate::allAnswered() const
{
    const auto *count = dynamic_cast<const AnswerCount *>(m_socket);
    const int answered = count ? count->answersStarted() : m_flushedAfter;
    return answered >= m_framing.requestsComplete() && m_socket->bytesToWrite() == 0;
}

void ConnectionGate::bytesArrived()
{
    const QByteArray waiting = m_socket->peek(m_socket->bytesAvailable());
    const QByteArrayView fresh =
        QByteArrayView(waiting).sliced(std::min<qsizetype>(m_seenUnread, waiting.size()));
    m_seenUnread = waiting.size();
    m_sinceActivity.restart();
    const bool wasInRequest = m_framing.inRequest();
    if (auto refusal = m_framing.feed(fresh)) {
        refuse(*refusal);
        return;
    }
    if (!wasInRequest || !m_framing.inRequest())
        rearm();
}

void ConnectionGate::bytesLeft()
{
    if (m_socket->bytesToWrite() > 0 || m_refused)
        return;
    m_sinceActivity.restart();
    m_flushedAfter = m_framing.requestsComplete();
    if (!m_framing.inRequest() && m_framing.closeAfterAnswer() && allAnswered()) {
        m_socket->disconnectFromHost();
        return;
    }
    rearm();
}

void ConnectionGate::rearm()
{
    if (m_framing.inRequest())
        m_timer.start(m_limits.request);
    else if (idle())
        m_timer.start(m_limits.idle);
    else
        m_timer.start(m_limits.answer); // the server is working on an answer
}

void ConnectionGate::refuse(const FramingRefusal &refusal, int retryAfterSeconds)
{
    if (m_refused)
        return;
    m_refused = true;
    m_timer.stop();
    qCInfo(lcGate).noquote() << "refused" << refusal.status << refusal.error.code << "from"
                             << m_socket->peerAddress().toString();
    // Nothing of this connection reaches the HTTP layer any more: it stops hearing of new bytes,
    // and what it had started to read is given back and discarded with the rest.
    QObject::disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    QObject::connect(m_socket, &QIODevice::readyRead, this, &ConnectionGate::discard);
    discard();

    const QByteArray body = protocol::Problem::fromError(refusal.error, refusal.status).toBody();
    QByteArray answer = "HTTP/1.1 " + QByteArray::number(refusal.status) + ' ' +
                        protocol::reasonPhrase(refusal.status).toLatin1() +
                        "\r\nContent-Type: " + QByteArray(protocol::kProblemContentType.data()) +
                        "\r\nContent-Length: " + QByteArray::number(body.size()) +
                        "\r\nConnection: close\r\n";
    if (retryAfterSeconds > 0)
        answer += "Retry-After: " + QByteArray::number(retryAfterSeconds) + "\r\n";
    answer += "\r\n" + body;
    m_socket->write(answer);

    // Lingering close: a client still sending its body would get a reset instead of the answer
    // if the server closed at once. Once the answer is out, the server stops writing (plain TCP
    // says so with a half-close) and keeps discarding what arrives until the client is quiet for
    // a second, has sent 8 MiB more, or 5 s have passed.
    QObject::connect(m_socket, &QIODevice::bytesWritten, this, [this] {
        if (m_socket->bytesToWrite() == 0 && !qobject_cast<QSslSocket *>(m_socket))
            ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    });
    m_timer.disconnect();
    QObject::connect(&m_timer, &QTimer::timeout, this, [this] { m_socket->disconnectFromHost(); });
    m_timer.start(1'000);
    QTimer::singleShot(5'000, m_socket, [socket = m_socket] { socket->abort(); });
}

void ConnectionGate::discard()
{
    // Given back first if the HTTP layer had a read transaction open, so that the socket's
    // buffer does not keep what is discarded.
    if (m_socket->isTransactionStarted())
        m_socket->rollbackTransaction();
    const qint64 discarded = m_socket->skip(m_socket->bytesAvailable());
    m_discarded += std::max<qint64>(discarded, 0);
    if (m_discarded > 8 * 1024 * 1024) {
        m_socket->abort();
        return;
    }
    if (m_timer.isActive())
        m_timer.start(1'000); // quiet for a second from now
}

} // namespace counterline::httpkit
