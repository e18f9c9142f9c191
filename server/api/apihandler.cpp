// SPDX-License-Identifier: MIT
#include "apihandler.h"

#include "apilogging.h"
#include "consoleauth.h"
#include "protocol/jsonreader.h"

namespace outpost::server {

namespace {
Error badPath(const QString &problem)
{
    return Error(QStringLiteral("bad_request"), QStringLiteral("Malformed path: %1.").arg(problem));
}

/// Path segments below /api/v1/, each percent-decoded on its own so that an encoded slash stays
/// visible. bad_request for path tricks anywhere in the path ('.' or '..' segments, empty segments,
/// encoded slashes, backslashes), not_found for paths that are not ours. One trailing slash is fine.
Result<QStringList> segmentsOf(const http::Request &request)
{
    const bool encoded = !request.rawPath.isEmpty();
    if (request.path.size() > 2048)
        return Error(QStringLiteral("not_found"), QStringLiteral("No such resource."));
    QList<QByteArray> raw = (encoded ? request.rawPath : request.path.toUtf8()).split('/');
    if (raw.isEmpty() || !raw.constFirst().isEmpty())
        return Error(QStringLiteral("not_found"), QStringLiteral("No such resource."));
    raw.removeFirst();
    if (!raw.isEmpty() && raw.constLast().isEmpty())
        raw.removeLast(); // a trailing slash
    QStringList parts;
    for (const QByteArray &r : std::as_const(raw)) {
        if (r.isEmpty())
            return badPath(QStringLiteral("empty segment ('//')"));
        const QByteArray bytes = encoded ? QByteArray::fromPercentEncoding(r) : r;
        if (bytes.contains('/'))
            return badPath(QStringLiteral("encoded slash ('%2F') inside a segment"));
        if (bytes.contains('\\'))
            return badPath(QStringLiteral("backslash inside a segment"));
        if (bytes == "." || bytes == "..")
            return badPath(QStringLiteral("'%1' segment").arg(QString::fromLatin1(bytes)));
        if (bytes.contains('\0'))
            return badPath(QStringLiteral("NUL inside a segment"));
        parts.append(QString::fromUtf8(bytes));
    }
    if (parts.size() < 2 || parts.at(0) != QLatin1String("api") || parts.at(1) != QLatin1String("v1"))
        return Error(QStringLiteral("not_found"), QStringLiteral("No such resource."));
    return parts.mid(2);
}

http::Response notFound()
{
    return http::Response::error(404, QStringLiteral("not_found"), QStringLiteral("No such resource."));
}

http::Response forbiddenFor(Access access)
{
    return http::Response::error(403, QStringLiteral("forbidden"),
        access == Access::Dispatch ? QStringLiteral("This needs the dispatcher or administrator role.")
                                   : QStringLiteral("This needs the administrator role."));
}
} // namespace

http::Response methodNotAllowed(const QByteArray &allowed)
{
    http::Response r = http::Response::error(405, QStringLiteral("method_not_allowed"),
        QStringLiteral("Method not allowed here (allowed: %1).").arg(QString::fromLatin1(allowed)));
    r.headers.append({ QByteArrayLiteral("Allow"), allowed });
    return r;
}

Result<QJsonObject> jsonBody(const http::Request &request, bool emptyIsObject)
{
    if (emptyIsObject && request.body.trimmed().isEmpty())
        return QJsonObject();
    auto o = parseJsonObject(request.body);
    if (!o) {
        Error e = o.error();
        e.code = QStringLiteral("bad_request");
        return e;
    }
    return o.value();
}

int ApiHandler::statusFor(const QString &code)
{
    static const QHash<QString, int> map = {
        { QStringLiteral("bad_request"), 400 },
        { QStringLiteral("validation_failed"), 400 },
        { QStringLiteral("bad_credentials"), 401 },
        { QStringLiteral("unauthenticated"), 401 },
        { QStringLiteral("forbidden"), 403 },
        { QStringLiteral("csrf_failed"), 403 },
        { QStringLiteral("origin_refused"), 403 },
        { QStringLiteral("account_disabled"), 403 },
        { QStringLiteral("device_wiped"), 403 },
        { QStringLiteral("not_found"), 404 },
        { QStringLiteral("method_not_allowed"), 405 },
        { QStringLiteral("unsupported_media_type"), 415 },
        { QStringLiteral("conflict"), 409 },
        { QStringLiteral("exists"), 409 },
        { QStringLiteral("full_sync_required"), 410 },
        { QStringLiteral("too_many_actions"), 413 },
        { QStringLiteral("payload_too_large"), 413 },
        { QStringLiteral("unavailable"), 503 },
        { QStringLiteral("busy"), 503 },
        { QStringLiteral("too_new"), 503 },
    };
    return map.value(code, 500);
}

http::Response ApiHandler::errorResponse(const Error &e)
{
    http::Response r = http::Response::error(
        statusFor(e.code), e.code.isEmpty() ? QStringLiteral("internal") : e.code, e.message, e.fields);
    if (r.status == 401)
        r.headers.append({ QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer") });
    if (e.code == QLatin1String("busy"))
        r.headers.append({ QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1") });
    return r;
}

qint64 ApiHandler::maxBodySize(const http::Request &head) const
{
    if (head.method == "PUT" && head.path.startsWith(QLatin1String("/api/v1/attachments/")))
        return m_ctx.options.maxAttachmentBytes;
    if (head.method == "POST" && head.path.startsWith(QLatin1String("/api/v1/admin/data-pages/"))
        && head.path.endsWith(QLatin1String("/csv")))
        return m_ctx.options.maxCsvBytes;
    return m_ctx.options.maxJsonBytes;
}

QByteArray ApiHandler::bearerToken(const http::Request &request)
{
    const QByteArray auth = request.header("authorization");
    if (!auth.startsWith("Bearer ") && !auth.startsWith("bearer "))
        return {};
    return auth.mid(7).trimmed();
}

Result<Principal> ApiHandler::authenticate(const http::Request &request)
{
    const console::Credentials credentials = console::credentialsOf(request);
    if (credentials.token.isEmpty())
        return Error(QStringLiteral("unauthenticated"),
            QStringLiteral("Sign in first: send 'Authorization: Bearer <token>'."));
    auto user = m_ctx.users.authenticate(credentials.token);
    // The console's cookie is sent by the browser on its own: Origin and CSRF token prove the page.
    if (user && credentials.cookie)
        if (Status st = console::checkCookieRequest(request, credentials.token, m_ctx.options.trustedProxies);
            !st)
            return st.error();
    return user;
}

std::optional<http::Response> ApiHandler::checkHead(const http::Request &head)
{
    // The same checks as route(), minus the body: an upload's sender is known before it is read.
    const auto segments = segmentsOf(head);
    if (!segments)
        return errorResponse(segments.error());
    if (segments.value().isEmpty())
        return notFound();
    const Router::Match match = routes().match(head.method, segments.value());
    if (!match.route)
        return match.allowed.isEmpty() ? notFound() : methodNotAllowed(match.allowed);
    if (match.route->access == Access::Public)
        return std::nullopt;
    auto user = authenticate(head);
    if (!user)
        return errorResponse(user.error());
    if (!mayCall(match.route->access, user.value()))
        return forbiddenFor(match.route->access);
    return std::nullopt;
}

bool ApiHandler::writeLane(const http::Request &request) const
{
    // Uploads of actions: a crowd of devices coming back online sends them at once, and each holds
    // the database's write lock for its whole batch.
    return request.method == "POST" && request.path == QLatin1String("/api/v1/sync/actions");
}

bool ApiHandler::stillSubscribed(const http::Subscriber &subscriber)
{
    auto open = m_ctx.users.sessionOpen(subscriber.session);
    // A database hiccup keeps the socket: the next check decides.
    return !open.ok() || open.value();
}

http::Response ApiHandler::handle(const http::Request &request)
{
    const auto segments = segmentsOf(request);
    if (!segments)
        return errorResponse(segments.error());
    if (segments.value().isEmpty())
        return notFound();
    http::Response r = route(request, segments.value());
    // "busy" is load shedding, counted by the write gate's own log line.
    const bool busy = std::any_of(
        r.headers.cbegin(), r.headers.cend(), [](const auto &h) { return h.first == "Retry-After"; });
    if (r.status >= 500 && !busy)
        qCWarning(lcApi).noquote() << "request" << request.requestId << request.method << request.path << "->"
                                   << r.status << r.body.left(300);
    return r;
}

http::Response ApiHandler::route(const http::Request &request, const QStringList &segments)
{
    // Known paths and their methods are checked before authentication, so unknown paths are 404.
    const Router::Match match = routes().match(request.method, segments);
    if (!match.route)
        return match.allowed.isEmpty() ? notFound() : methodNotAllowed(match.allowed);
    const Router::Route &route = *match.route;
    if (route.access == Access::Public) {
        const Principal nobody;
        return (this->*route.handler)(RouteCall { request, nobody, match.params });
    }
    if (request.body.size() > maxBodySize(request))
        return http::Response::error(
            413, QStringLiteral("payload_too_large"), QStringLiteral("The request body is too large."));
    auto user = authenticate(request);
    if (!user)
        return errorResponse(user.error());
    if (!mayCall(route.access, user.value()))
        return forbiddenFor(route.access);
    m_ctx.devices.touch(user.value().deviceId, user.value().id); // at most once a minute per device
    return (this->*route.handler)(RouteCall { request, user.value(), match.params });
}

std::variant<http::Subscriber, http::Response> ApiHandler::acceptWebSocket(const http::Request &request)
{
    const auto segments = segmentsOf(request);
    if (!segments)
        return errorResponse(segments.error());
    if (segments.value() != QStringList { QStringLiteral("notify") })
        return notFound();
    // A browser's WebSocket carries the console's cookie; its Origin must be ours (no CSRF header
    // can be sent, nor is one needed: an upgrade changes nothing).
    auto user = authenticate(request);
    if (!user)
        return errorResponse(user.error());
    return http::Subscriber { user.value().id, UserStore::hashToken(console::credentialsOf(request).token) };
}

} // namespace outpost::server
