#pragma once

#include "httpkit/worker_pool.h"

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

// runOnPool on a pool of one purpose: when it is full, `full()` is the answer at once (503),
// and `finish` still sees it.
template<typename Respond, typename Busy, typename Finish, typename Full>
QFuture<QHttpServerResponse> runOnPool(WorkerPool &pool, int retries, Respond respond, Busy busy,
                                       Finish finish, Full full)
{
    if (!pool.enter()) {
        QHttpServerResponse refused = full();
        finish(refused, 0);
        return QtFuture::makeReadyFuture(std::move(refused));
    }
    return runOnPool(pool.threads(), retries, respond, busy,
                     [&pool, finish](const QHttpServerResponse &response, qint64 elapsed) {
                         finish(response, elapsed);
                         pool.leave();
                     });
}

} // namespace counterline::httpkit
