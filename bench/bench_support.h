#pragma once

// Shared by the benchmarks: percentiles over repetitions and a scratch directory on the same disk
// as the build (not /tmp, which may be a RAM disk elsewhere).

#include <QDir>
#include <QTemporaryDir>

#include <algorithm>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

namespace counterline::bench {

inline double percentile(std::vector<double> values, double fraction)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = size_t(fraction * double(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

inline double p50(const std::vector<double> &values)
{
    return percentile(values, 0.50);
}

inline double p99(const std::vector<double> &values)
{
    return percentile(values, 0.99);
}

// Drops a file from the OS page cache, as after a reboot (for "cold" runs).
inline void evictFromPageCache(const QString &path)
{
    const int fd = ::open(path.toLocal8Bit().constData(), O_RDONLY);
    if (fd < 0)
        return;
    ::fdatasync(fd);
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ::close(fd);
}

inline QTemporaryDir &scratchDirectory()
{
    static QTemporaryDir dir(QDir::currentPath() + QStringLiteral("/counterline-bench-XXXXXX"));
    return dir;
}

} // namespace counterline::bench
