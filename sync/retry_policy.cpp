#include "sync/retry_policy.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace counterline::sync {

RetryPolicy::RetryPolicy(Settings settings, quint32 seed)
    : m_settings(settings)
    , m_random(seed == 0 ? QRandomGenerator::securelySeeded() : QRandomGenerator(seed))
{}

std::chrono::milliseconds RetryPolicy::ceiling(int attempt) const
{
    using std::chrono::milliseconds;
    if (attempt < 1)
        return milliseconds(0);
    // base * 2^(attempt-1), computed without overflow: stop doubling once past the cap.
    qint64 window = m_settings.base.count();
    for (int i = 1; i < attempt && window < m_settings.cap.count(); ++i)
        window *= 2;
    return milliseconds(std::min(window, qint64(m_settings.cap.count())));
}

std::chrono::milliseconds RetryPolicy::delay(int attempt,
                                             std::optional<std::chrono::milliseconds> retryAfter)
{
    const qint64 window = ceiling(attempt).count();
    const qint64 jittered = window > 0 ? qint64(m_random.bounded(quint64(window) + 1)) : 0;
    std::chrono::milliseconds result(jittered);
    if (retryAfter && *retryAfter > result)
        result = *retryAfter;
    return result;
}

std::chrono::milliseconds
RetryPolicy::whileKeyRuns(std::optional<std::chrono::milliseconds> retryAfter)
{
    return delay(1, retryAfter);
}

std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &header,
                                                         const QDateTime &now)
{
    const QByteArray trimmed = header.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 seconds = trimmed.toLongLong(&isNumber);
    if (isNumber) {
        if (seconds < 0)
            return std::nullopt;
        return std::chrono::milliseconds(std::min<qint64>(seconds, 24 * 3600) * 1000);
    }
    // IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 9110 §5.6.7).
    const QDateTime when =
        QLocale::c().toDateTime(QString::fromLatin1(trimmed), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    if (!when.isValid())
        return std::nullopt;
    QDateTime utc = when;
    utc.setTimeSpec(Qt::UTC);
    const qint64 remaining = now.msecsTo(utc);
    return std::chrono::milliseconds(std::max<qint64>(remaining, 0));
}

} // namespace counterline::sync
