#pragma once

#include <QDateTime>

namespace counterline {

// Where "now" comes from. Production code asks a Clock; tests pin time with ManualClock.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0; // always UTC
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override;
};

// A clock that moves only when told to. Not thread-safe: one test drives it.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start);

    QDateTime now() const override;
    void set(QDateTime time);
    void advanceMs(qint64 milliseconds);

private:
    QDateTime m_now;
};

} // namespace counterline
