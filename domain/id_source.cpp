#include "domain/id_source.h"

#include "domain/clock.h"

#include <QMutexLocker>

#include <array>

namespace counterline {

namespace {
constexpr quint16 kCounterMax = 0x0fff;     // 12 bits of rand_a
constexpr quint16 kCounterSeedMax = 0x07ff; // start low so a burst has room to count up
} // namespace

Uuid7Source::Uuid7Source(const Clock &clock)
    : m_clock(clock)
    , m_random(QRandomGenerator::securelySeeded())
{}

Uuid7Source::Uuid7Source(const Clock &clock, quint32 seed)
    : m_clock(clock)
    , m_random(seed)
{}

QUuid Uuid7Source::next()
{
    QMutexLocker lock(&m_mutex);
    qint64 ms = m_clock.now().toMSecsSinceEpoch();
    if (ms > m_lastMs) {
        m_lastMs = ms;
        m_counter = static_cast<quint16>(m_random.bounded(kCounterSeedMax + 1));
    } else if (m_counter < kCounterMax) {
        // Same millisecond, or the clock stepped back: stay monotonic by counting.
        ++m_counter;
    } else {
        // Counter exhausted: borrow the next millisecond rather than repeat or go backwards.
        ++m_lastMs;
        m_counter = static_cast<quint16>(m_random.bounded(kCounterSeedMax + 1));
    }
    ms = m_lastMs;

    std::array<uchar, 16> bytes{};
    for (int i = 0; i < 6; ++i)
        bytes[static_cast<size_t>(i)] = static_cast<uchar>((ms >> (8 * (5 - i))) & 0xff);
    bytes[6] = static_cast<uchar>(0x70 | ((m_counter >> 8) & 0x0f)); // version 7
    bytes[7] = static_cast<uchar>(m_counter & 0xff);
    const quint64 randomBits = m_random.generate64();
    for (int i = 8; i < 16; ++i)
        bytes[static_cast<size_t>(i)] = static_cast<uchar>((randomBits >> (8 * (15 - i))) & 0xff);
    bytes[8] = static_cast<uchar>(0x80 | (bytes[8] & 0x3f)); // RFC 9562 variant

    QByteArray raw(reinterpret_cast<const char *>(bytes.data()),
                   static_cast<qsizetype>(bytes.size()));
    return QUuid::fromRfc4122(raw);
}

qint64 uuid7Milliseconds(const QUuid &id)
{
    const QByteArray raw = id.toRfc4122();
    if ((static_cast<uchar>(raw.at(6)) >> 4) != 7)
        return -1;
    qint64 ms = 0;
    for (int i = 0; i < 6; ++i)
        ms = (ms << 8) | static_cast<uchar>(raw.at(i));
    return ms;
}

} // namespace counterline
