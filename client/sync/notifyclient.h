// SPDX-License-Identifier: MIT
#pragma once

#include "backoff.h"
#include "transportpolicy.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QUrl>

class QWebSocket;

namespace outpost::sync {

/// The push channel: a WebSocket to /api/v1/notify with the bearer token. Turns the server's hints
/// into signals and reconnects with backoff while started. A hint only: polling stays the fallback.
class NotifyClient : public QObject
{
    Q_OBJECT
public:
    explicit NotifyClient(QObject *parent = nullptr);
    ~NotifyClient() override;

    /// The transport's policy: ws:// only where it allows plain http, its CA bundle for wss.
    void setTransportPolicy(const TransportPolicy &policy) { m_policy = policy; }
    /// Connects to `server` (http→ws, https→wss) and keeps the connection up until stop(). A URL the
    /// policy refuses is never opened.
    void start(const QUrl &server, const QString &token);
    void stop();
    bool isConnected() const { return m_connected; }

    /// The ws:// URL of the push channel of a server base URL.
    static QUrl notifyUrl(const QUrl &server);

Q_SIGNALS:
    /// {"type":"changes"}, and also each (re)connection: changes may have been missed meanwhile.
    void changesHinted();
    /// {"type":"fullSyncRequired"}
    void fullSyncRequired();
    void connectedChanged(bool connected);

private:
    void open();
    void onMessage(const QString &message);
    void onClosed();

    QWebSocket *m_socket = nullptr;
    QUrl m_server;
    QString m_token;
    TransportPolicy m_policy;
    QTimer m_retry;
    Backoff m_backoff;
    QElapsedTimer m_connectedFor;
    bool m_running = false;
    bool m_connected = false;
};

} // namespace outpost::sync
