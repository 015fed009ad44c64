#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

// What every fuzz target shares: the fuzzer's bytes read as a few choices followed by the input
// proper, and a check that stops the run with a message when a property does not hold (libFuzzer
// then keeps the input as a crash artifact, and the replay test fails on it).
namespace counterline::fuzz {

class FuzzInput
{
public:
    FuzzInput(const uint8_t *data, size_t size)
        : m_bytes(reinterpret_cast<const char *>(data), qsizetype(size))
    {}

    // The next byte as a choice (0 once the bytes run out).
    uint8_t choice()
    {
        if (m_bytes.isEmpty())
            return 0;
        const auto byte = uint8_t(m_bytes.front());
        m_bytes = m_bytes.sliced(1);
        return byte;
    }

    // Everything not yet taken.
    QByteArrayView rest() const { return m_bytes; }

private:
    QByteArrayView m_bytes;
};

// A property that must hold for every input; aborts with `what` when it does not.
inline void require(bool holds, const char *what, QByteArrayView input = {})
{
    if (holds)
        return;
    std::fprintf(stderr, "fuzz property broken: %s\ninput: %s\n", what,
                 input.toByteArray().toPercentEncoding(" ,.:;/=-_\"{}[]").constData());
    std::abort();
}

} // namespace counterline::fuzz
