// SPDX-License-Identifier: MIT
#include "servercontext.h"

#include <vector>

namespace outpost::http {

ConnectionLimiter::Slot ConnectionLimiter::acquire(const std::string &address)
{
    std::lock_guard lock(m_mutex);
    int &open = m_open[address];
    if (m_max > 0 && open >= m_max) {
        if (open == 0)
            m_open.erase(address);
        return nullptr;
    }
    ++open;
    // The slot's deleter gives it back; the limiter outlives every connection (ServerContext).
    return Slot(this, [this, address](void *) {
        std::lock_guard lock(m_mutex);
        const auto it = m_open.find(address);
        if (it != m_open.end() && --it->second <= 0)
            m_open.erase(it);
    });
}

void SessionRegistry::add(const void *key, std::weak_ptr<Stoppable> session)
{
    std::lock_guard lock(m_mutex);
    m_sessions.emplace(key, std::move(session));
}

void SessionRegistry::remove(const void *key)
{
    std::lock_guard lock(m_mutex);
    m_sessions.erase(key);
}

void SessionRegistry::stopAll(bool force)
{
    std::vector<std::weak_ptr<Stoppable>> sessions;
    {
        std::lock_guard lock(m_mutex);
        sessions.reserve(m_sessions.size());
        for (const auto &entry : m_sessions)
            sessions.push_back(entry.second);
    }
    // Outside the lock: dropping the last reference runs a destructor that calls remove().
    for (const auto &weak : sessions) {
        if (const std::shared_ptr<Stoppable> session = weak.lock())
            session->stop(force);
    }
}

int SessionRegistry::size() const
{
    std::lock_guard lock(m_mutex);
    return int(m_sessions.size());
}

void InFlightCounter::add()
{
    ++m_count;
}

void InFlightCounter::done()
{
    if (--m_count == 0) {
        std::lock_guard lock(m_mutex);
        m_idle.notify_all();
    }
}

bool InFlightCounter::waitIdle(std::chrono::steady_clock::time_point deadline)
{
    std::unique_lock lock(m_mutex);
    return m_idle.wait_until(lock, deadline, [this] { return m_count.load() == 0; });
}

} // namespace outpost::http
