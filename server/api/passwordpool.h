// SPDX-License-Identifier: MIT
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace outpost::server {

/// The few threads that hash passwords (PBKDF2 at 600,000 iterations is ~0.1-0.2 s of a core).
/// Sign-ins wait here instead of each burning a request worker's time, and the wait is bounded:
/// at most `maxWaiting` jobs queue, of which suspect ones (an unknown user name, or a name or address
/// with failures on record) at most half and behind every clean one. A full queue refuses at once, so a flood
/// of wrong passwords holds at most threads + maxWaiting request workers, and polls, uploads and clean
/// sign-ins keep theirs. The threads run at a lower CPU priority (nice +10 on Linux).
class PasswordPool
{
public:
    enum class Lane { Clean, Suspect };

    PasswordPool(int threads, int maxWaiting);
    ~PasswordPool(); // finishes the jobs in hand, drops the queued ones (their callers get false)

    PasswordPool(const PasswordPool &) = delete;
    PasswordPool &operator=(const PasswordPool &) = delete;

    /// Runs `job` on a pool thread and waits for it: true when it ran, false when its lane was full
    /// (or the pool is shutting down) and it did not.
    bool run(Lane lane, const std::function<void()> &job);
    /// Jobs queued, not yet started.
    int waiting() const;

private:
    struct Job;
    void work();

    const int m_maxWaiting;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job *> m_clean;
    std::deque<Job *> m_suspect;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

} // namespace outpost::server
