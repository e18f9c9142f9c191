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

    bool isAdmin() const { return roles.contains(QLatin1String("admin")); }
};

} // namespace outpost::server
