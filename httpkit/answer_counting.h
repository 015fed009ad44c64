#pragma once

#include <QtGlobal>

#include <cstring>

namespace counterline::httpkit {

// How many answers the HTTP layer has started on a connection. QHttpServer writes the start of
// each answer, its status line, with a write call of its own, so a write that begins "HTTP/1."
// begins an answer. The gate compares the count with the requests it saw, to know when every
// one of them, pipelined or not, has been answered (Connection: close, idle time).
class AnswerCount
{
public:
    virtual ~AnswerCount() = default;
    int answersStarted() const { return m_started; }

protected:
    void noteWrite(const char *data, qint64 length)
    {
        if (length >= 7 && std::memcmp(data, "HTTP/1.", 7) == 0)
            ++m_started;
    }

private:
    int m_started = 0; // written on the socket's thread only
};

// A socket (QTcpSocket, QSslSocket) that counts the answers written to it.
template<typename Socket>
class AnswerCountingSocket : public Socket, public AnswerCount
{
public:
    using Socket::Socket;

protected:
    qint64 writeData(const char *data, qint64 length) override
    {
        noteWrite(data, length);
        return Socket::writeData(data, length);
    }
};

} // namespace counterline::httpkit
