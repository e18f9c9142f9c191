// SPDX-License-Identifier: MIT
#pragma once

#include "database.h"
#include "principal.h"

#include <QJsonArray>
#include <QSet>

#include <optional>

namespace outpost::server {

/// The users API's side of the users table (GET/PATCH /admin/users): the list with each user's state
/// and last sign-in, and changes to name, roles, queues and the disabled flag. Adding users and
/// setting passwords stay with UserStore (the same rules as the command line).
class UserAdminStore
{
public:
    explicit UserAdminStore(Database &db)
        : m_db(db)
    { }

    /// {"id","displayName","roles","queues","disabled","lastSignInAt"?} for every user, by id.
    Result<QJsonArray> list();
    /// One user as in list(); not_found.
    Result<QJsonObject> user(const QString &id);

    struct Change {
        std::optional<QString> displayName;
        std::optional<QStringList> roles, queues;
        std::optional<bool> disabled;
    };
    /// From a PATCH body: validation_failed naming each bad member.
    static Result<Change> changeFromJson(const QJsonObject &body);
    /// Applies the change in one transaction; disabling revokes every session of the user. The
    /// sessions revoked (token hashes, for closing their WebSockets); not_found.
    Result<QSet<QString>> update(const QString &id, const Change &change);
    /// The token hashes of the user's open sessions (before a password reset revokes them).
    Result<QSet<QString>> openSessions(const QString &id);

    /// Roles a user may have.
    static const QStringList &knownRoles();

private:
    Database &m_db;
};

} // namespace outpost::server
