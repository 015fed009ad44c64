#pragma once

#include <QMutex>
#include <QRandomGenerator>
#include <QUuid>

namespace counterline {

class Clock;

// Where new ids come from (orders, carts, idempotency keys). Tests inject a seeded source.
class IdSource
{
public:
    virtual ~IdSource() = default;
    virtual QUuid next() = 0;
};

// RFC 9562 UUIDv7: 48-bit Unix milliseconds, then a 12-bit counter that keeps ids made in the same
// millisecond strictly increasing, then 62 random bits. Ids therefore sort by creation time, which
// keeps B-tree inserts local. Thread-safe. Borrows the clock, which must outlive it.
class Uuid7Source final : public IdSource
{
public:
    explicit Uuid7Source(const Clock &clock);
    Uuid7Source(const Clock &clock, quint32 seed); // deterministic random bits, for tests

    QUuid next() override;

private:
    const Clock &m_clock;
    QRandomGenerator m_random;
    QMutex m_mutex;
    qint64 m_lastMs = -1;
    quint16 m_counter = 0;
};

// The Unix time in milliseconds stored in a UUIDv7, or -1 when the id is not version 7.
qint64 uuid7Milliseconds(const QUuid &id);

} // namespace counterline
