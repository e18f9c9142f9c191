// SPDX-License-Identifier: MIT
// /admin/users…: the users API (Access::Admin; docs/protocol.md, *Operations console*). Adding a
// user and setting a password follow the command line's rules (UserStore); disabling a user or
// resetting their password ends their sessions and closes their WebSockets at once.
#include "apihandler.h"
#include "apilogging.h"
#include "useradminstore.h"

namespace outpost::server {

namespace {
Error invalid(const QString &field, const QString &message)
{
    Error e(QStringLiteral("validation_failed"), message);
    e.fields.insert(field, message);
    return e;
}

/// UserStore's bad_request for a password names the password.
Error passwordError(Error e)
{
    if (e.code == QLatin1String("bad_request"))
        return invalid(QStringLiteral("password"), e.message);
    return e;
}
} // namespace

// GET /admin/users
http::Response ApiHandler::listUsers(const RouteCall &)
{
    auto users = UserAdminStore(m_ctx.db).list();
    if (!users)
        return errorResponse(users.error());
    return http::Response::json(200, { { QStringLiteral("users"), users.value() } });
}

// POST /admin/users {"id","displayName","password","roles","queues"}
http::Response ApiHandler::addUser(const RouteCall &call)
{
    auto body = jsonBody(call.request);
    if (!body)
        return errorResponse(body.error());
    const QJsonObject &o = body.value();
    static const QRegularExpression idRe(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    const QString id = o.value(QStringLiteral("id")).toString();
    if (!idRe.match(id).hasMatch())
        return errorResponse(
            invalid(QStringLiteral("id"), QStringLiteral("1-64 letters, digits, '.', '_' or '-'.")));
    if (!o.value(QStringLiteral("password")).isString())
        return errorResponse(invalid(QStringLiteral("password"), QStringLiteral("A password is needed.")));
    QJsonObject rest = o;
    rest.remove(QStringLiteral("id"));
    rest.remove(QStringLiteral("password"));
    if (!rest.contains(QStringLiteral("roles")))
        rest.insert(QStringLiteral("roles"), QJsonArray { QStringLiteral("technician") });
    if (!rest.contains(QStringLiteral("queues")))
        rest.insert(QStringLiteral("queues"), QJsonArray {});
    if (!rest.contains(QStringLiteral("displayName")))
        rest.insert(QStringLiteral("displayName"), id);
    auto change = UserAdminStore::changeFromJson(rest);
    if (!change)
        return errorResponse(change.error());
    if (change.value().disabled)
        return errorResponse(invalid(QStringLiteral("disabled"), QStringLiteral("A new user is enabled.")));
    const Principal user { id, *change.value().displayName, *change.value().roles, *change.value().queues, {},
        0 };
    if (Status st = m_ctx.users.addUser(user, o.value(QStringLiteral("password")).toString()); !st)
        return errorResponse(passwordError(st.error()));
    qCInfo(lcApi).noquote() << "request" << call.request.requestId << call.user.id << "added user" << id;
    notifyConsole(QStringLiteral("users"));
    auto out = UserAdminStore(m_ctx.db).user(id);
    if (!out)
        return errorResponse(out.error());
    return http::Response::json(201, out.value());
}

// PATCH /admin/users/{id} with any of displayName, roles, queues, disabled
http::Response ApiHandler::updateUser(const RouteCall &call)
{
    const QString &id = call.params.at(0);
    auto body = jsonBody(call.request);
    if (!body)
        return errorResponse(body.error());
    auto change = UserAdminStore::changeFromJson(body.value());
    if (!change)
        return errorResponse(change.error());
    if (change.value().disabled.value_or(false) && id == call.user.id)
        return errorResponse(
            invalid(QStringLiteral("disabled"), QStringLiteral("You cannot disable yourself.")));
    UserAdminStore store(m_ctx.db);
    auto revoked = store.update(id, change.value());
    if (!revoked)
        return errorResponse(revoked.error());
    // Their WebSockets close now on this instance; other instances find out at their next check.
    if (!revoked.value().isEmpty())
        m_ctx.notifier.closeSessions(revoked.value());
    // New queues or roles change what the user sees: their devices sync afresh.
    if (change.value().queues || change.value().roles) {
        auto affected = m_ctx.admin.forceFullSync(id);
        if (!affected)
            return errorResponse(affected.error());
        m_ctx.notifier.notify(affected.value());
    }
    qCInfo(lcApi).noquote() << "request" << call.request.requestId << call.user.id << "changed user" << id
                            << (change.value().disabled
                                       ? (*change.value().disabled ? "(disabled)" : "(enabled)")
                                       : "");
    notifyConsole(QStringLiteral("users"));
    auto out = store.user(id);
    if (!out)
        return errorResponse(out.error());
    return http::Response::json(200, out.value());
}

// POST /admin/users/{id}/password {"password"}
http::Response ApiHandler::resetPassword(const RouteCall &call)
{
    const QString &id = call.params.at(0);
    auto body = jsonBody(call.request);
    if (!body)
        return errorResponse(body.error());
    if (!body.value().value(QStringLiteral("password")).isString())
        return errorResponse(invalid(QStringLiteral("password"), QStringLiteral("A password is needed.")));
    auto open = UserAdminStore(m_ctx.db).openSessions(id);
    if (!open)
        return errorResponse(open.error());
    if (Status st = m_ctx.users.setPassword(id, body.value().value(QStringLiteral("password")).toString());
        !st)
        return errorResponse(passwordError(st.error()));
    m_ctx.notifier.closeSessions(open.value());
    qCInfo(lcApi).noquote() << "request" << call.request.requestId << call.user.id << "reset the password of"
                            << id;
    notifyConsole(QStringLiteral("users"));
    return http::Response::json(
        200, { { QStringLiteral("status"), QStringLiteral("ok") }, { QStringLiteral("id"), id } });
}

} // namespace outpost::server
