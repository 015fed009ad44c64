#include "server/metrics.h"

#include <QList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace counterline::server {

namespace {

// A label's value in the exposition format: backslash, quote and newline escaped.
QByteArray labelValue(const QString &value)
{
    QByteArray out = value.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return '"' + out + '"';
}

} // namespace

void Metrics::recordRequest(const QString &route, int status, qint64 nanoseconds)
{
    const double seconds = double(nanoseconds) / 1e9;
    QMutexLocker lock(&m_mutex);
    ++m_requests[{route, status}];
    Latency &latency = m_latency[route];
    for (size_t i = 0; i < kBucketsSeconds.size(); ++i) {
        if (seconds <= kBucketsSeconds[i])
            ++latency.buckets[i];
    }
    ++latency.count;
    latency.sumSeconds += seconds;
    if (status == 400 || status == 413 || status == 422)
        ++m_rejected;
}

void Metrics::recordReplay()
{
    QMutexLocker lock(&m_mutex);
    ++m_replays;
}

void Metrics::recordVersionConflict()
{
    QMutexLocker lock(&m_mutex);
    ++m_conflicts;
}

QByteArray Metrics::render() const
{
    QMutexLocker lock(&m_mutex);
    QByteArray out;
    out += "# HELP counterline_http_requests_total HTTP requests by route and status.\n"
           "# TYPE counterline_http_requests_total counter\n";
    QList<QPair<QString, int>> keys = m_requests.keys();
    std::sort(keys.begin(), keys.end());
    for (const auto &key : std::as_const(keys)) {
        out += "counterline_http_requests_total{route=" + labelValue(key.first) + ",status=\"" +
               QByteArray::number(key.second) + "\"} " + QByteArray::number(m_requests.value(key)) +
               '\n';
    }
    out += "# HELP counterline_http_request_duration_seconds Time from receipt to answer.\n"
           "# TYPE counterline_http_request_duration_seconds histogram\n";
    QStringList routes = m_latency.keys();
    routes.sort();
    for (const QString &route : std::as_const(routes)) {
        const Latency &latency = m_latency[route];
        const QByteArray label = "route=" + labelValue(route);
        for (size_t i = 0; i < kBucketsSeconds.size(); ++i) {
            out += "counterline_http_request_duration_seconds_bucket{" + label + ",le=\"" +
                   QByteArray::number(kBucketsSeconds[i]) + "\"} " +
                   QByteArray::number(latency.buckets[i]) + '\n';
        }
        out += "counterline_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " +
               QByteArray::number(latency.count) + '\n';
        out += "counterline_http_request_duration_seconds_sum{" + label + "} " +
               QByteArray::number(latency.sumSeconds, 'f', 6) + '\n';
        out += "counterline_http_request_duration_seconds_count{" + label + "} " +
               QByteArray::number(latency.count) + '\n';
    }
    out += "# HELP counterline_idempotent_replays_total Answers replayed for a repeated key.\n"
           "# TYPE counterline_idempotent_replays_total counter\n"
           "counterline_idempotent_replays_total " +
           QByteArray::number(m_replays) + '\n';
    out += "# HELP counterline_version_conflicts_total Changes refused for a stale version.\n"
           "# TYPE counterline_version_conflicts_total counter\n"
           "counterline_version_conflicts_total " +
           QByteArray::number(m_conflicts) + '\n';
    out += "# HELP counterline_rejected_inputs_total Requests refused as malformed or invalid.\n"
           "# TYPE counterline_rejected_inputs_total counter\n"
           "counterline_rejected_inputs_total " +
           QByteArray::number(m_rejected) + '\n';
    return out;
}

} // namespace counterline::server
