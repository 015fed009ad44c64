#pragma once

#include <QAtomicInt>
#include <QThreadPool>

namespace counterline::httpkit {

// A worker pool for one purpose, with a bounded queue: work beyond `threads` running and `queue`
// waiting is refused at once (the caller answers 503 with Retry-After) instead of waiting behind
// everyone else. Pools by purpose mean a slow payment service or many long polls can fill their
// own pool, never the one /healthz or a till's sale runs on.
class WorkerPool
{
public:
    WorkerPool(int threads, int queue)
        : m_queue(queue)
    {
        m_pool.setMaxThreadCount(threads);
    }

    // Takes a place for one piece of work; false when every thread is busy and the queue full.
    bool enter()
    {
        if (m_inside.fetchAndAddOrdered(1) >= m_pool.maxThreadCount() + m_queue) {
            m_inside.deref();
            return false;
        }
        return true;
    }
    // Gives the place back when the work is done.
    void leave() { m_inside.deref(); }

    QThreadPool *threads() { return &m_pool; }
    int inside() const { return m_inside.loadAcquire(); }
    void waitForDone() { m_pool.waitForDone(); }

private:
    QThreadPool m_pool;
    int m_queue;
    QAtomicInt m_inside = 0; // running and waiting
};

} // namespace counterline::httpkit
