#pragma once

#include <QDeadlineTimer>
#include <QMutex>
#include <QWaitCondition>

namespace counterline::server {

// Rung after every request or saga step that may have written events, so that long polls
// (GET /v1/events?wait=) answer at once instead of on their next look. Another server process on
// the same PostgreSQL rings no bell here: waiters look again at least every second.
class EventBell
{
public:
    quint64 rings() const
    {
        QMutexLocker lock(&m_mutex);
        return m_rings;
    }

    void ring()
    {
        QMutexLocker lock(&m_mutex);
        ++m_rings;
        m_rang.wakeAll();
    }

    // Waits until the bell rings after `seen` (a value of rings()) or the deadline passes.
    void waitAfter(quint64 seen, QDeadlineTimer deadline)
    {
        QMutexLocker lock(&m_mutex);
        while (m_rings == seen && !deadline.hasExpired()) {
            if (!m_rang.wait(&m_mutex, deadline))
                break;
        }
    }

private:
    mutable QMutex m_mutex;
    QWaitCondition m_rang;
    quint64 m_rings = 0;
};

} // namespace counterline::server
