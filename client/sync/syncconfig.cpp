// SPDX-License-Identifier: MIT
#include "syncconfig.h"

namespace outpost::sync {

QString syncStateName(SyncState s)
{
    switch (s) {
    case SyncState::Offline:
        return QStringLiteral("offline");
    case SyncState::Online:
        return QStringLiteral("online");
    case SyncState::Syncing:
        return QStringLiteral("syncing");
    case SyncState::Error:
        return QStringLiteral("error");
    case SyncState::SignInRequired:
        return QStringLiteral("signInRequired");
    }
    return QString();
}

} // namespace outpost::sync
