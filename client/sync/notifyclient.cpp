// SPDX-License-Identifier: MIT
#include "notifyclient.h"

#include "synclogging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QWebSocket>

namespace outpost::sync {

namespace {
// A connection that stayed up this long counts as healthy: the next drop starts backoff afresh.
constexpr qint64 HealthyMs = 30000;
} // namespace

NotifyClient::NotifyClient(QObject *parent)
    : QObject(parent)
    , m_backoff(std::chrono::seconds(1), std::chrono::minutes(5))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &NotifyClient::open);
}

NotifyClient::~NotifyClient()
{
    m_running = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

QUrl NotifyClient::notifyUrl(const QUrl &server)
{
    QUrl u = server;
    u.setScheme(server.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    QString path = server.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    u.setPath(path + QStringLiteral("/api/v1/notify"));
    return u;
}

void NotifyClient::start(const QUrl &server, const QString &token)
{
    stop();
    m_server = server;
    m_token = token;
    m_running = true;
    m_backoff.reset();
    open();
}

void NotifyClient::stop()
{
    m_running = false;
    m_retry.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    if (m_connected) {
        m_connected = false;
        Q_EMIT connectedChanged(false);
    }
}

void NotifyClient::open()
{
    if (!m_running)
        return;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    const QUrl url = notifyUrl(m_server);
    if (Status allowed = m_policy.check(url); !allowed.ok()) {
        qCWarning(lcSyncNotify) << "push channel not opened:" << allowed.error().message;
        m_running = false;
        return;
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    if (url.scheme() == QLatin1String("wss"))
        m_socket->setSslConfiguration(m_policy.sslConfiguration());
    connect(m_socket, &QWebSocket::connected, this, [this]() {
        qCInfo(lcSyncNotify) << "push channel connected";
        m_connected = true;
        m_connectedFor.start();
        Q_EMIT connectedChanged(true);
        Q_EMIT changesHinted();
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &NotifyClient::onMessage);
    connect(m_socket, &QWebSocket::disconnected, this, &NotifyClient::onClosed);
    QNetworkRequest req(url);
    req.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    m_socket->open(req);
}

void NotifyClient::onMessage(const QString &message)
{
    const QJsonObject obj = QJsonDocument::fromJson(message.toUtf8()).object();
    const QString type = obj.value(QLatin1String("type")).toString();
    if (type == QLatin1String("changes")) {
        Q_EMIT changesHinted();
    } else if (type == QLatin1String("fullSyncRequired")) {
        Q_EMIT fullSyncRequired();
    } else {
        qCDebug(lcSyncNotify) << "ignoring push message" << message.left(200);
    }
}

void NotifyClient::onClosed()
{
    const bool wasConnected = m_connected;
    if (m_connected) {
        m_connected = false;
        Q_EMIT connectedChanged(false);
    }
    if (!m_running)
        return;
    if (wasConnected && m_connectedFor.elapsed() > HealthyMs)
        m_backoff.reset();
    const auto delay = m_backoff.next();
    qCDebug(lcSyncNotify) << "push channel closed:" << (m_socket ? m_socket->errorString() : QString())
                          << "retry in" << delay.count() << "ms";
    m_retry.start(delay);
}

} // namespace outpost::sync
