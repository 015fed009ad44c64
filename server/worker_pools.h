#pragma once

#include "httpkit/worker_pool.h"

#include <QThread>

#include <algorithm>

namespace counterline::server {

// The server's workers, one pool per purpose, each with a bounded queue (503 + Retry-After when
// full): a slow payment service fills `payments`, many long polls fill `longPolls`, and neither
// slows /healthz, a till's sale or a head-office read (docs/architecture.md, Threads).
struct WorkerPools
{
    static int perCore() { return std::max(4, QThread::idealThreadCount() * 2); }

    httpkit::WorkerPool health{2, 64};           // /healthz
    httpkit::WorkerPool reads{perCore(), 512};   // GETs: orders, feeds, catalog, journal
    httpkit::WorkerPool writes{perCore(), 1024}; // sales, events, cancels, journal, notes
    httpkit::WorkerPool payments{8, 128};        // remote orders, sagas, refunds: wait on payments
    httpkit::WorkerPool longPolls{16, 256};      // GET /v1/events?wait=
    httpkit::WorkerPool background{2, 16};       // key purge, webhooks, NATS

    void waitForDone()
    {
        for (httpkit::WorkerPool *pool :
             {&health, &reads, &writes, &payments, &longPolls, &background})
            pool->waitForDone();
    }
};

} // namespace counterline::server
