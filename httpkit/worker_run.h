#pragma once

#include <QElapsedTimer>
#include <QFuture>
#include <QHttpServerResponse>
#include <QRandomGenerator>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent>

namespace counterline::httpkit {

// Runs a request's work on a worker pool, never on the HTTP thread: `respond()` makes the
// answer; while `busy()` says that answer was a passing busy database, it runs again, at most
// `retries` more times, after a growing random pause (so that racing requests spread out);
// `finish(response, elapsedNs)` then sees the answer the caller gets (metrics, access log).
template<typename Respond, typename Busy, typename Finish>
QFuture<QHttpServerResponse> runOnPool(QThreadPool *pool, int retries, Respond respond, Busy busy,
                                       Finish finish)
{
    QElapsedTimer timer;
    timer.start();
    return QtConcurrent::run(pool, [=]() {
        QHttpServerResponse response = respond();
        for (int attempt = 1; busy() && attempt <= retries; ++attempt) {
            QThread::msleep(QRandomGenerator::global()->bounded(20u * attempt, 60u * attempt));
            response = respond();
        }
        finish(response, timer.nsecsElapsed());
        return response;
    });
}

} // namespace counterline::httpkit
