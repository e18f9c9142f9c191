// SPDX-License-Identifier: MIT
// GET /health, POST and DELETE /session.
#include "apihandler.h"
#include "apilogging.h"
#include "protocol/jsonreader.h"

#include <QJsonArray>

namespace outpost::server {

http::Response ApiHandler::health(const RouteCall &)
{
    return http::Response::json(
        200, { { QStringLiteral("status"), QStringLiteral("ok") }, { QStringLiteral("protocol"), 1 } });
}

http::Response ApiHandler::signIn(const RouteCall &call)
{
    const http::Request &request = call.request;
    auto body = jsonBody(request);
    if (!body)
        return errorResponse(body.error());
    JsonReader r(body.value());
    const QString username = r.requireString("username");
    const QString password = r.requireString("password");
    const QString deviceId = r.optionalString("deviceId").value_or(QString()).left(200);
    if (!r.ok()) {
        Error e = r.error();
        e.code = QStringLiteral("bad_request");
        return errorResponse(e);
    }
    auto session = m_ctx.users.signIn(username, password, deviceId);
    if (!session)
        return errorResponse(session.error());
    const Principal &u = session.value().user;
    qCInfo(lcApi).noquote() << "request" << request.requestId << "signed in" << u.id << "device" << deviceId;
    return http::Response::json(200,
        { { QStringLiteral("token"), QString::fromLatin1(session.value().token) },
            { QStringLiteral("expiresAt"), session.value().expiresAt.toString(Qt::ISODate) },
            { QStringLiteral("user"),
                QJsonObject { { QStringLiteral("id"), u.id },
                    { QStringLiteral("displayName"), u.displayName },
                    { QStringLiteral("roles"), QJsonArray::fromStringList(u.roles) },
                    { QStringLiteral("queues"), QJsonArray::fromStringList(u.queues) } } } });
}

http::Response ApiHandler::signOut(const RouteCall &call)
{
    const http::Request &request = call.request;
    auto user = authenticate(request);
    if (!user)
        return errorResponse(user.error());
    if (auto st = m_ctx.users.revoke(request.header("authorization").mid(7).trimmed()); !st)
        return errorResponse(st.error());
    return http::Response::json(200, { { QStringLiteral("status"), QStringLiteral("signedOut") } });
}

} // namespace outpost::server
