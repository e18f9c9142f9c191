// SPDX-License-Identifier: MIT
#include "storetypes.h"

namespace outpost::client {

QString queueStateName(QueueState s)
{
    switch (s) {
    case QueueState::Queued:
        return QStringLiteral("queued");
    case QueueState::Held:
        return QStringLiteral("held");
    case QueueState::Inflight:
        return QStringLiteral("inflight");
    }
    return {};
}

QString eventLevelName(EventLevel l)
{
    switch (l) {
    case EventLevel::Debug:
        return QStringLiteral("debug");
    case EventLevel::Info:
        return QStringLiteral("info");
    case EventLevel::Warning:
        return QStringLiteral("warning");
    case EventLevel::Error:
        return QStringLiteral("error");
    }
    return {};
}

} // namespace outpost::client
