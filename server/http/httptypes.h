// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
#include <QSet>
#include <QString>
#include <QUrlQuery>

#include <optional>
#include <variant>

namespace outpost::http {

/// One HTTP request as the application sees it. Built by the transport (HttpServer).
struct Request {
    QByteArray method; // "GET", "POST", "PUT", "DELETE", ...
    QString path; // percent-decoded path without the query
    QByteArray rawPath; // the path as sent, still percent-encoded (may be empty
                        // for in-process callers; then `path` is all there is)
    QUrlQuery query; // decoded query items
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body; // empty for the head-only call of Handler::maxBodySize
    QString requestId; // X-Request-Id if the client sent a sane one, else random
    QString peer; // "127.0.0.1:53122"
    bool secure = false; // arrived over TLS (the listener serves TLS)

    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
};

struct Response {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static Response json(int status, const QJsonObject &body);
    /// Raw, already-serialised JSON (the changes feed builds its body by concatenation).
    static Response rawJson(int status, QByteArray body);
    /// The protocol's error body: {"error": {"code", "message", "fields"?}}.
    static Response error(
        int status, const QString &code, const QString &message, const QMap<QString, QString> &fields = {});
};

/// Who a WebSocket connection belongs to; the hub addresses pushes by user id.
struct Subscriber {
    QString userId;
    QString session; // opaque key of the session it was opened with (closeSessions, stillSubscribed)
};

/// The application side of the transport. Implemented by the API layer.
class Handler
{
public:
    virtual ~Handler() = default;

    /// Called on an I/O thread with the request head only (body empty): the most body bytes this
    /// request may carry. The transport answers 413 when Content-Length says more, or when a chunked
    /// body grows past it, without buffering the excess. Must be cheap and thread-safe.
    virtual qint64 maxBodySize(const Request &head) const = 0;

    /// Called on a worker thread (never an I/O thread); may block on the database.
    virtual Response handle(const Request &request) = 0;

    /// Called on an I/O thread with a whole request, before it is handled: true runs it on the
    /// upload lane (ServerOptions::writeLaneThreads) instead of the workers. Must be cheap and
    /// thread-safe. The default: no request uses the lane.
    virtual bool writeLane(const Request &request) const
    {
        Q_UNUSED(request);
        return false;
    }

    /// Called on a worker thread for a WebSocket upgrade request: the subscriber to register, or the
    /// response to send instead of upgrading (e.g. 401).
    virtual std::variant<Subscriber, Response> acceptWebSocket(const Request &request) = 0;

    /// Called on a worker thread for a request that carries a body, with its head only, before any
    /// of the body is read: a response to send instead (e.g. 401 for an anonymous upload; the body
    /// is then never read), or nothing to go on. The default goes on.
    virtual std::optional<Response> checkHead(const Request &head)
    {
        Q_UNUSED(head);
        return std::nullopt;
    }

    /// Called on a worker thread every ServerOptions::webSocketRecheckMs for each open WebSocket:
    /// false closes it (its session was revoked or expired meanwhile). The default keeps it.
    virtual bool stillSubscribed(const Subscriber &subscriber)
    {
        Q_UNUSED(subscriber);
        return true;
    }
};

/// Pushes text frames to connected WebSocket subscribers. Thread-safe; never blocks on a socket.
class NotifyHub
{
public:
    virtual ~NotifyHub() = default;
    virtual void publish(const QSet<QString> &userIds, const QByteArray &text) = 0;
    virtual void publishAll(const QByteArray &text) = 0;
    virtual int subscriberCount() const = 0;
    /// Closes the WebSockets opened with these sessions (Subscriber::session), e.g. at sign-out.
    virtual void closeSessions(const QSet<QString> &sessions) { Q_UNUSED(sessions); }
};

} // namespace outpost::http
