// SPDX-License-Identifier: MIT
#pragma once

#include "retention.h"
#include "thread/workerthread.h"

#include <QObject>

#include <chrono>

class QTimer;

namespace outpost::server {

/// Runs FeedRetention::prune on a timer, on its own thread "outpostd-prune" (with its own database
/// connection), so no request ever waits for it: once at start, then every `interval`. Failures are
/// logged and tried again at the next tick. Several instances on one database may all run one; the
/// prunes serialise on the change-sequence lock and the later ones find nothing left to do.
class PruneScheduler
{
public:
    PruneScheduler(FeedRetention &retention, std::chrono::minutes interval);
    ~PruneScheduler(); // joins the thread (a prune in progress finishes first; the timer goes with it)
    PruneScheduler(const PruneScheduler &) = delete;
    PruneScheduler &operator=(const PruneScheduler &) = delete;

    void start();

private:
    class PruneWorker *m_worker; // owned by m_thread
    WorkerThread m_thread;
};

/// The worker on the prune thread.
class PruneWorker : public QObject
{
    Q_OBJECT
public:
    PruneWorker(FeedRetention &retention, std::chrono::minutes interval)
        : m_retention(retention)
        , m_interval(interval)
    { }
    Q_INVOKABLE void start();

private:
    void runOnce();

    FeedRetention &m_retention;
    std::chrono::minutes m_interval;
    QTimer *m_timer = nullptr;
};

} // namespace outpost::server
