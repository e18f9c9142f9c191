// SPDX-License-Identifier: MIT
#include "storetypes.h"

#include <QJsonArray>

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

namespace {
QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}
} // namespace

QJsonObject QueuedAction::toJson() const
{
    return { { "seq", seq }, { "action", action.toJson() }, { "baseFields", baseFields },
        { "state", queueStateName(state) }, { "attempts", attempts }, { "lastError", lastError },
        { "createdAt", iso(createdAt) } };
}

QJsonObject LocalCase::toJson() const
{
    QJsonObject o = record.toJson();
    o.insert("serverStatus", serverStatus);
    o.insert("serverFields", serverFields);
    o.insert("pendingCount", pendingCount);
    o.insert("hasConflict", hasConflict);
    o.insert("hasIssue", hasIssue);
    o.insert("removedOnServer", removedOnServer);
    o.insert("isLocalOnly", isLocalOnly);
    return o;
}

QJsonObject OutboxEntry::toJson() const
{
    return { { "seq", seq }, { "actionId", actionId }, { "caseId", caseId }, { "type", actionTypeName(type) },
        { "state", queueStateName(state) }, { "blockedBy", blockedBy }, { "attempts", attempts },
        { "lastError", lastError }, { "createdAt", iso(createdAt) }, { "description", description } };
}

QJsonObject ConflictEntry::toJson() const
{
    return { { "caseId", caseId }, { "field", field }, { "label", label }, { "base", base }, { "mine", mine },
        { "theirs", theirs }, { "policy", conflictRuleName(policy) }, { "createdAt", iso(createdAt) } };
}

QJsonObject SyncIssue::toJson() const
{
    return { { "actionId", actionId }, { "caseId", caseId }, { "status", resultStatusName(status) },
        { "error", error.toJson() }, { "action", action.toJson() }, { "createdAt", iso(createdAt) },
        { "description", description } };
}

QJsonObject AttachmentInfo::toJson() const
{
    return { { "id", id }, { "caseId", caseId }, { "name", name }, { "mime", mime }, { "size", size },
        { "sha256", sha256 }, { "localPath", localPath }, { "uploaded", uploaded } };
}

QJsonObject EventEntry::toJson() const
{
    return { { "id", id }, { "at", iso(at) }, { "level", eventLevelName(level) }, { "category", category },
        { "message", message } };
}

QJsonObject StoreStatus::toJson() const
{
    return { { "path", path }, { "schemaVersion", schemaVersion }, { "cases", cases }, { "pending", pending },
        { "held", held }, { "inflight", inflight }, { "conflicts", conflicts }, { "syncIssues", syncIssues },
        { "attachmentsToUpload", attachmentsToUpload }, { "lastSuccess", iso(lastSuccess) },
        { "fullSyncInProgress", fullSyncInProgress } };
}

} // namespace outpost::client
