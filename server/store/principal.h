// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace outpost::server {

/// A signed-in user as the store sees them.
struct Principal {
    QString id;
    QString displayName;
    QStringList roles;
    QStringList queues;
    QString deviceId; // the device the session was opened from
    qint64 sessionExpiresAt = 0; // epoch seconds; set by UserStore::authenticate

    bool isAdmin() const { return roles.contains(QLatin1String("admin")); }
    /// Administrators and dispatchers: the operations console, cases of every scope, assignments,
    /// devices, sync issues (Access::Dispatch).
    bool canDispatch() const { return isAdmin() || roles.contains(QLatin1String("dispatcher")); }
};

} // namespace outpost::server
