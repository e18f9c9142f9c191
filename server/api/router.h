// SPDX-License-Identifier: MIT
#pragma once

#include "httptypes.h"
#include "principal.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <initializer_list>

namespace outpost::server {

class ApiHandler;

/// Who may call a route. Scope (which cases, attachments… a user may touch) is not a route's
/// business: the stores check it per entity.
enum class Access {
    Public, // no sign-in needed (health, session)
    SignedIn, // any signed-in user
    Dispatch, // signed in as an administrator or dispatcher (the operations console); others get 403
    Admin, // signed in with the admin role; others get 403
};

/// Whether a signed-in user may call a route of this access.
inline bool mayCall(Access access, const Principal &user)
{
    switch (access) {
    case Access::Public:
    case Access::SignedIn:
        return true;
    case Access::Dispatch:
        return user.canDispatch();
    case Access::Admin:
        return user.isAdmin();
    }
    return false;
}

/// One matched request as a route's handler sees it.
struct RouteCall {
    const http::Request &request;
    const Principal &user; // the signed-in user; an empty Principal on public routes
    const QStringList &params; // the values of the pattern's {…} segments, in order
};

using RouteHandler = http::Response (ApiHandler::*)(const RouteCall &call);

/// A path below /api/v1 such as "admin/sync-issues/{id}/reapply": literal segments, and {name}
/// segments that match any one (non-empty) segment.
class PathPattern
{
public:
    PathPattern(const char *pattern); // implicit, so that route tables list patterns as literals

    /// Whether the segments match; then the parameters' values in order into *params.
    bool matches(const QStringList &segments, QStringList *params = nullptr) const;
    /// The pattern as written ("cases/{id}/history").
    QString text() const { return m_segments.join(QLatin1Char('/')); }

private:
    QStringList m_segments;
    QList<bool> m_isParam;
};

/// A route table: method + path pattern + access + handler, matched in one place.
class Router
{
public:
    struct Route {
        QByteArray method;
        PathPattern path;
        Access access;
        RouteHandler handler;
    };

    struct Match {
        const Route *route = nullptr; // null: no route for this method and path
        QStringList params;
        QByteArray allowed; // when route is null: the path's methods ("GET, PUT"); empty: unknown path
    };

    Router(std::initializer_list<Route> routes);

    /// The route for method and path, or what the path allows (405), or nothing (404).
    Match match(const QByteArray &method, const QStringList &segments) const;
    /// Every route as "METHOD pattern" ("GET cases/{id}"), in table order.
    QStringList describe() const;

private:
    QList<Route> m_routes;
};

} // namespace outpost::server
