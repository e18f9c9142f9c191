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

    std::optional<PasswordHash> rehash;
    auto checked = checkPassword(request, username, password, deviceId, &rehash);
    if (auto *refused = std::get_if<http::Response>(&checked))
        return *refused;
    auto session = m_ctx.users.openSession(std::get<Principal>(checked), deviceId, rehash);
    if (!session)
        return errorResponse(session.error());
    const Principal &u = session.value().user;
    m_ctx.devices.touch(deviceId, u.id);
    if (rehash)
        qCInfo(lcApi).noquote() << "password hash of" << u.id << "raised to" << rehash->iterations
                                << "iterations";
    qCInfo(lcApi).noquote() << "request" << request.requestId << "signed in" << u.id << "device" << deviceId;
    return http::Response::json(200,
        { { QStringLiteral("token"), QString::fromLatin1(session.value().token) },
            { QStringLiteral("expiresAt"), session.value().expiresAt.toString(Qt::ISODate) },
            // Protocol extension: how long the device may sign in offline from now (docs/protocol.md).
            { QStringLiteral("offlineWindowSeconds"), session.value().offlineWindowSeconds },
            { QStringLiteral("user"),
                QJsonObject { { QStringLiteral("id"), u.id },
                    { QStringLiteral("displayName"), u.displayName },
                    { QStringLiteral("roles"), QJsonArray::fromStringList(u.roles) },
                    { QStringLiteral("queues"), QJsonArray::fromStringList(u.queues) } } } });
}

std::variant<Principal, http::Response> ApiHandler::checkPassword(const http::Request &request,
    const QString &username, const QString &password, const QString &deviceId,
    std::optional<PasswordHash> *rehash)
{
    // Throttled names and addresses are refused before any hashing: that is what makes a flood cheap.
    const QString address = clientAddress(request);
    const QString userKey = username.left(128);
    if (const int wait = m_ctx.throttle.retryAfter(userKey, address); wait > 0) {
        qCInfo(lcApi).noquote() << "request" << request.requestId << "sign-in of" << userKey.left(64)
                                << "from" << address << "throttled for" << wait << "s";
        http::Response refused = http::Response::error(429, QStringLiteral("too_many_attempts"),
            QStringLiteral("Too many attempts, try again in %1 s.").arg(wait));
        refused.headers.append({ QByteArrayLiteral("Retry-After"), QByteArray::number(wait) });
        return refused;
    }
    // A wiped device is told so before anything else: whoever holds it, it erases what it has.
    if (auto wiped = m_ctx.users.isDeviceWiped(deviceId); !wiped)
        return errorResponse(wiped.error());
    else if (wiped.value()) {
        qCInfo(lcApi).noquote() << "request" << request.requestId << "sign-in from wiped device" << deviceId;
        m_ctx.users.markWipeTold(deviceId);
        return errorResponse(Error(QStringLiteral("device_wiped"),
            QStringLiteral("This device was wiped by your administrator; its data must be erased.")));
    }
    auto found = m_ctx.users.findForSignIn(username);
    if (!found)
        return errorResponse(found.error());
    const std::optional<PasswordHash> stored
        = found.value() ? std::optional<PasswordHash>(found.value()->password) : std::nullopt;
    // Known users from addresses and names without failures go first; unknown names (what a
    // guessing run mostly tries) and anything with failures on record queue behind them.
    const auto lane = stored && !m_ctx.throttle.suspect(userKey, address) ? PasswordPool::Lane::Clean
                                                                          : PasswordPool::Lane::Suspect;
    PasswordVerdict verdict;
    const int iterations = m_ctx.users.iterations();
    if (!m_ctx.passwords.run(lane, [&] { verdict = verifyPassword(password, stored, iterations); }))
        return errorResponse(
            Error(QStringLiteral("busy"), QStringLiteral("Too many sign-ins at once; try again.")));
    if (!verdict.ok) {
        m_ctx.throttle.failed(userKey, address);
        qCInfo(lcApi).noquote() << "request" << request.requestId << "sign-in failed for" << userKey.left(64)
                                << "from" << address;
        return errorResponse(
            Error(QStringLiteral("bad_credentials"), QStringLiteral("Wrong user name or password.")));
    }
    m_ctx.throttle.succeeded(userKey);
    if (found.value()->disabled) // told only to someone who knows the password
        return errorResponse(Error(QStringLiteral("account_disabled"),
            QStringLiteral("This account is disabled. Ask your administrator.")));
    *rehash = verdict.rehash;
    return found.value()->user;
}

QString ApiHandler::clientAddress(const http::Request &request) const
{
    const QString peer = SignInThrottle::addressKey(request.peer);
    if (m_ctx.options.trustedProxies.contains(peer)) {
        const QList<QByteArray> hops = request.header("x-forwarded-for").split(',');
        const QString last = QString::fromLatin1(hops.constLast().trimmed()).left(64);
        if (!last.isEmpty())
            return SignInThrottle::addressKey(last);
    }
    return peer;
}

http::Response ApiHandler::signOut(const RouteCall &call)
{
    const http::Request &request = call.request;
    auto user = authenticate(request);
    if (!user)
        return errorResponse(user.error());
    const QByteArray token = bearerToken(request);
    if (auto st = m_ctx.users.revoke(token); !st)
        return errorResponse(st.error());
    m_ctx.notifier.closeSessions({ UserStore::hashToken(token) });
    return http::Response::json(200, { { QStringLiteral("status"), QStringLiteral("signedOut") } });
}

} // namespace outpost::server
