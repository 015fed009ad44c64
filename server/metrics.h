#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

#include <array>

namespace counterline::server {

// What /metrics reports, in the Prometheus text format: requests by route and status, a latency
// histogram per route, idempotent replays, version conflicts and rejected inputs. Thread-safe;
// handlers record from the worker pool.
class Metrics
{
public:
    static constexpr std::array<double, 10> kBucketsSeconds{0.001, 0.0025, 0.005, 0.01, 0.025,
                                                            0.05,  0.1,    0.25,  0.5,  1.0};

    void recordRequest(const QString &route, int status, qint64 nanoseconds);
    void recordReplay();
    void recordVersionConflict();

    QByteArray render() const;

private:
    struct Latency
    {
        std::array<quint64, kBucketsSeconds.size()> buckets{};
        quint64 count = 0;
        double sumSeconds = 0;
    };

    mutable QMutex m_mutex;
    QHash<QPair<QString, int>, quint64> m_requests;
    QHash<QString, Latency> m_latency;
    quint64 m_replays = 0;
    quint64 m_conflicts = 0;
    quint64 m_rejected = 0;
};

} // namespace counterline::server
