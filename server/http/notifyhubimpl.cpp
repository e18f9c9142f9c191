// SPDX-License-Identifier: MIT
#include "notifyhubimpl.h"

#include "websocketsession.h"

#include <vector>

namespace outpost::http {

void NotifyHubImpl::add(const std::shared_ptr<WebSocketSession> &session)
{
    std::lock_guard lock(m_mutex);
    auto &sessions = m_byUser[session->userId()];
    if (!sessions.contains(session.get())) {
        sessions.insert(session.get(), session);
        ++m_count;
    }
}

void NotifyHubImpl::remove(const WebSocketSession *session)
{
    std::lock_guard lock(m_mutex);
    auto it = m_byUser.find(session->userId());
    if (it == m_byUser.end())
        return;
    if (it->remove(session) > 0)
        --m_count;
    if (it->isEmpty())
        m_byUser.erase(it);
}

void NotifyHubImpl::publish(const QSet<QString> &userIds, const QByteArray &text)
{
    std::vector<std::shared_ptr<WebSocketSession>> targets;
    {
        std::lock_guard lock(m_mutex);
        for (const QString &userId : userIds) {
            const auto it = m_byUser.constFind(userId);
            if (it == m_byUser.cend())
                continue;
            for (const auto &weak : *it) {
                if (auto session = weak.lock())
                    targets.push_back(std::move(session));
            }
        }
    }
    for (const auto &session : targets)
        session->push(text);
}

void NotifyHubImpl::publishAll(const QByteArray &text)
{
    std::vector<std::shared_ptr<WebSocketSession>> targets;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &sessions : std::as_const(m_byUser)) {
            for (const auto &weak : sessions) {
                if (auto session = weak.lock())
                    targets.push_back(std::move(session));
            }
        }
    }
    for (const auto &session : targets)
        session->push(text);
}

void NotifyHubImpl::closeSessions(const QSet<QString> &sessions)
{
    std::vector<std::shared_ptr<WebSocketSession>> targets;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &byUser : std::as_const(m_byUser))
            for (const auto &weak : byUser)
                if (auto session = weak.lock(); session && sessions.contains(session->session()))
                    targets.push_back(std::move(session));
    }
    for (const auto &session : targets)
        session->endSession();
}

int NotifyHubImpl::countFor(const QString &userId) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_byUser.constFind(userId);
    return it == m_byUser.cend() ? 0 : int(it->size());
}

int NotifyHubImpl::subscriberCount() const
{
    std::lock_guard lock(m_mutex);
    return m_count;
}

} // namespace outpost::http
