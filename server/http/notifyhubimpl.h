// SPDX-License-Identifier: MIT
#pragma once

#include "httptypes.h"

#include <QHash>

#include <memory>
#include <mutex>

namespace outpost::http {

class WebSocketSession;

/// The hub behind HttpServer::hub(): subscribers by user id. publish() only posts to each
/// session's strand, so it never blocks on a socket; a session whose queue overflows drops itself.
class NotifyHubImpl : public NotifyHub
{
public:
    void add(const std::shared_ptr<WebSocketSession> &session);
    void remove(const WebSocketSession *session);

    void publish(const QSet<QString> &userIds, const QByteArray &text) override;
    void publishAll(const QByteArray &text) override;
    int subscriberCount() const override;
    void closeSessions(const QSet<QString> &sessions) override;
    /// Open WebSockets of one user.
    int countFor(const QString &userId) const;

private:
    mutable std::mutex m_mutex;
    QHash<QString, QHash<const WebSocketSession *, std::weak_ptr<WebSocketSession>>> m_byUser;
    int m_count = 0;
};

} // namespace outpost::http
