#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QRandomGenerator>

#include <chrono>
#include <optional>

namespace counterline::sync {

// When to try an outbox entry again (BRIEF §5): exponential backoff with full jitter, base 0.5 s,
// cap 5 min; a server's Retry-After wins when it asks for longer. An answer that says the server
// is still working on the same key is no failure and does not grow the backoff (whileKeyRuns).
class RetryPolicy
{
public:
    struct Settings
    {
        std::chrono::milliseconds base{500};
        std::chrono::milliseconds cap{std::chrono::minutes(5)};
    };

    RetryPolicy() = default;
    explicit RetryPolicy(Settings settings, quint32 seed = 0);

    // The upper bound of the jitter window after `attempt` failed attempts (1-based).
    std::chrono::milliseconds ceiling(int attempt) const;
    // A uniformly random delay in [0, ceiling(attempt)], raised to `retryAfter` if given.
    std::chrono::milliseconds delay(int attempt,
                                    std::optional<std::chrono::milliseconds> retryAfter = {});

    // After "this Idempotency-Key is still being processed" (409): the server is there and its
    // lease on the key runs out soon, so ask again after its Retry-After (or the first window),
    // however many attempts the entry has behind it.
    std::chrono::milliseconds whileKeyRuns(std::optional<std::chrono::milliseconds> retryAfter);

    const Settings &settings() const { return m_settings; }

private:
    Settings m_settings;
    QRandomGenerator m_random{QRandomGenerator::securelySeeded()};
};

// Parses an HTTP Retry-After header: delta-seconds ("120") or an HTTP-date. Returns nothing for
// anything else; a date in the past means "now" (zero).
std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &header,
                                                         const QDateTime &now);

} // namespace counterline::sync
