// SPDX-License-Identifier: MIT
// POST, GET and DELETE /console/session: the operations console's session in an HttpOnly cookie,
// with a CSRF token for its writes (docs/protocol.md, *Operations console*).
#include "apihandler.h"
#include "apilogging.h"
#include "consoleauth.h"
#include "protocol/jsonreader.h"

#include <QJsonArray>

namespace outpost::server {

namespace {
QJsonObject sessionBody(const Principal &u, const QByteArray &token, const QDateTime &expiresAt)
{
    return { { QStringLiteral("user"),
                 QJsonObject { { QStringLiteral("id"), u.id },
                     { QStringLiteral("displayName"), u.displayName },
                     { QStringLiteral("roles"), QJsonArray::fromStringList(u.roles) } } },
        { QStringLiteral("csrfToken"), QString::fromLatin1(console::csrfTokenFor(token)) },
        { QStringLiteral("expiresAt"), expiresAt.toUTC().toString(Qt::ISODate) } };
}

http::Response withCookie(http::Response r, const QByteArray &token, bool secure)
{
    r.headers.append({ QByteArrayLiteral("Set-Cookie"), console::setCookie(token, secure) });
    r.headers.append({ QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store") });
    return r;
}
} // namespace

// POST /console/session {"user", "password"}: administrators and dispatchers only.
http::Response ApiHandler::openConsoleSession(const RouteCall &call)
{
    const http::Request &request = call.request;
    // A sign-in form posted from another site's page (login CSRF) is refused like any write.
    if (!console::sameOrigin(request, m_ctx.options.trustedProxies))
        return errorResponse(Error(QStringLiteral("origin_refused"),
            QStringLiteral("A request from another site's page is refused.")));
    auto body = jsonBody(request);
    if (!body)
        return errorResponse(body.error());
    JsonReader r(body.value());
    const QString username = r.requireString("user");
    const QString password = r.requireString("password");
    if (!r.ok()) {
        Error e = r.error();
        e.code = QStringLiteral("bad_request");
        return errorResponse(e);
    }
    std::optional<PasswordHash> rehash;
    auto checked = checkPassword(request, username, password, QString(), &rehash);
    if (auto *refused = std::get_if<http::Response>(&checked))
        return *refused;
    const Principal &user = std::get<Principal>(checked);
    if (!user.canDispatch()) {
        qCInfo(lcApi).noquote() << "request" << request.requestId << "console sign-in refused for" << user.id;
        return http::Response::error(403, QStringLiteral("forbidden"),
            QStringLiteral("The console is for dispatchers and administrators."));
    }
    // Console sessions belong to no device: an empty device id.
    auto session = m_ctx.users.openSession(user, QString(), rehash);
    if (!session)
        return errorResponse(session.error());
    qCInfo(lcApi).noquote() << "request" << request.requestId << "console session for" << user.id;
    return withCookie(
        http::Response::json(
            200, sessionBody(session.value().user, session.value().token, session.value().expiresAt)),
        session.value().token, request.secure);
}

// GET /console/session: the same body again (a page reload), for the session the cookie names.
http::Response ApiHandler::getConsoleSession(const RouteCall &call)
{
    const QByteArray token = console::credentialsOf(call.request).token;
    return http::Response::json(200,
        sessionBody(call.user, token, QDateTime::fromSecsSinceEpoch(call.user.sessionExpiresAt, Qt::UTC)));
}

// DELETE /console/session: ends the cookie's session (with its CSRF token) and clears the cookie;
// without a valid session it only clears the cookie.
http::Response ApiHandler::endConsoleSession(const RouteCall &call)
{
    const http::Request &request = call.request;
    const QByteArray token = console::cookieToken(request);
    if (!token.isEmpty() && m_ctx.users.authenticate(token)) {
        if (Status st = console::checkCookieRequest(request, token, m_ctx.options.trustedProxies); !st)
            return errorResponse(st.error());
        if (Status st = m_ctx.users.revoke(token); !st)
            return errorResponse(st.error());
        m_ctx.notifier.closeSessions({ UserStore::hashToken(token) });
    }
    return withCookie(
        http::Response::json(200, { { QStringLiteral("status"), QStringLiteral("signedOut") } }), {},
        request.secure);
}

} // namespace outpost::server
