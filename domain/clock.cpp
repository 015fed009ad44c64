#include "domain/clock.h"

namespace counterline {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

ManualClock::ManualClock(QDateTime start)
    : m_now(start.toUTC())
{}

QDateTime ManualClock::now() const
{
    return m_now;
}

void ManualClock::set(QDateTime time)
{
    m_now = time.toUTC();
}

void ManualClock::advanceMs(qint64 milliseconds)
{
    m_now = m_now.addMSecs(milliseconds);
}

} // namespace counterline
