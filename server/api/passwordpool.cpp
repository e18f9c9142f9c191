// SPDX-License-Identifier: MIT
#include "passwordpool.h"

#include <algorithm>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace outpost::server {

struct PasswordPool::Job {
    const std::function<void()> *work = nullptr;
    bool done = false;
    bool ran = false;
    std::condition_variable finished;
};

PasswordPool::PasswordPool(int threads, int maxWaiting)
    : m_maxWaiting(std::max(1, maxWaiting))
{
    for (int i = 0; i < std::max(1, threads); ++i)
        m_threads.emplace_back([this] { work(); });
}

PasswordPool::~PasswordPool()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        for (auto *queue : { &m_clean, &m_suspect }) {
            for (Job *job : *queue) {
                job->done = true;
                job->finished.notify_all();
            }
            queue->clear();
        }
    }
    m_wake.notify_all();
    for (std::thread &t : m_threads)
        t.join();
}

bool PasswordPool::run(Lane lane, const std::function<void()> &job)
{
    Job j;
    j.work = &job;
    std::unique_lock lock(m_mutex);
    const int waiting = int(m_clean.size() + m_suspect.size());
    const int suspectRoom = std::max(1, m_maxWaiting / 2);
    if (m_stopping || waiting >= m_maxWaiting
        || (lane == Lane::Suspect && int(m_suspect.size()) >= suspectRoom))
        return false;
    (lane == Lane::Clean ? m_clean : m_suspect).push_back(&j);
    m_wake.notify_one();
    j.finished.wait(lock, [&] { return j.done; });
    return j.ran;
}

int PasswordPool::waiting() const
{
    std::lock_guard lock(m_mutex);
    return int(m_clean.size() + m_suspect.size());
}

void PasswordPool::work()
{
#ifdef __linux__
    // Hashing yields the CPU to request workers (polls, uploads) on a busy machine.
    ::setpriority(PRIO_PROCESS, id_t(::syscall(SYS_gettid)), 10);
#endif
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] { return m_stopping || !m_clean.empty() || !m_suspect.empty(); });
        if (m_stopping)
            return;
        auto &queue = m_clean.empty() ? m_suspect : m_clean;
        Job *job = queue.front();
        queue.pop_front();
        lock.unlock();
        (*job->work)();
        lock.lock();
        job->ran = true;
        job->done = true;
        job->finished.notify_all();
    }
}

} // namespace outpost::server
