// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <memory>

class QObject;
class QThread;

namespace outpost {

/// A worker QObject on a QThread of its own: the one lifecycle of every worker thread in the app and
/// the server (KDE Connect's worker pattern).
///
/// - Constructed: the worker (which must have no parent) moves to a new thread named `name`, not
///   started yet. The WorkerThread owns both.
/// - start(): the thread runs its event loop. Call the worker only through queued invocations and
///   queued signals from then on.
/// - stop() (the destructor too): quit, then wait for the thread to end; the worker is deleted on
///   its own thread as it ends (finished → deleteLater), so the worker's destructor is where it
///   closes what it opened there (connections, requests, timers). A worker whose thread never
///   started is deleted by stop() on the calling thread.
///
/// Bound: stop() returns once the worker has returned from the event it is handling; queued calls
/// it has not started may be dropped. Workers therefore keep every slot short (one store
/// transaction, one prune, one request set up) and never wait without a bound. Never call stop()
/// from the worker's own thread.
class WorkerThread
{
public:
    WorkerThread(const QString &name, QObject *worker);
    ~WorkerThread();
    WorkerThread(const WorkerThread &) = delete;
    WorkerThread &operator=(const WorkerThread &) = delete;

    /// Starts the thread (once; later calls do nothing).
    void start();
    /// See the class comment. Idempotent; afterwards worker() is null.
    void stop();
    bool isRunning() const;
    /// The worker, until stop().
    QObject *worker() const { return m_worker; }
    QThread *thread() const { return m_thread.get(); }

private:
    std::unique_ptr<QThread> m_thread;
    QObject *m_worker;
    bool m_started = false;
};

} // namespace outpost
