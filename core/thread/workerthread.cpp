// SPDX-License-Identifier: MIT
#include "workerthread.h"

#include <QThread>

namespace outpost {

WorkerThread::WorkerThread(const QString &name, QObject *worker)
    : m_thread(std::make_unique<QThread>())
    , m_worker(worker)
{
    Q_ASSERT(worker && !worker->parent());
    m_thread->setObjectName(name);
    m_worker->moveToThread(m_thread.get());
    // Runs on the ending thread, whose last act is to deliver the deferred deletes posted here.
    QObject::connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
}

WorkerThread::~WorkerThread()
{
    stop();
}

void WorkerThread::start()
{
    if (m_started || !m_worker)
        return;
    m_started = true;
    m_thread->start();
}

void WorkerThread::stop()
{
    if (!m_worker)
        return;
    Q_ASSERT(QThread::currentThread() != m_thread.get());
    if (m_started) {
        m_thread->quit();
        m_thread->wait(); // the worker was deleted on its thread as it ended
    } else {
        delete m_worker;
    }
    m_worker = nullptr;
}

bool WorkerThread::isRunning() const
{
    return m_worker && m_thread->isRunning();
}

} // namespace outpost
