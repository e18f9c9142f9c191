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

QJsonObject HistoryRecord::toJson() const
{
    QJsonObject o { { "id", id }, { "caseId", caseId }, { "at", at }, { "by", by }, { "action", action },
        { "changes", changes } };
    if (!text.isNull())
        o.insert(QStringLiteral("text"), text);
    if (!deviceId.isEmpty())
        o.insert(QStringLiteral("deviceId"), deviceId);
    if (!clientTime.isEmpty())
        o.insert(QStringLiteral("clientTime"), clientTime);
    if (!originalAuthor.isEmpty())
        o.insert(QStringLiteral("originalAuthor"), originalAuthor);
    return o;
}

HistoryRecord HistoryRecord::fromJson(const QJsonObject &o)
{
    // Read leniently: the store keeps what the feed brought, checked when it arrived.
    HistoryRecord h;
    h.id = o.value(QLatin1String("id")).toString();
    h.caseId = o.value(QLatin1String("caseId")).toString();
    h.at = o.value(QLatin1String("at")).toString();
    h.by = o.value(QLatin1String("by")).toString();
    h.action = o.value(QLatin1String("action")).toString();
    h.changes = o.value(QLatin1String("changes")).toObject();
    const QJsonValue text = o.value(QLatin1String("text"));
    if (text.isString())
        h.text = text.toString();
    h.deviceId = o.value(QLatin1String("deviceId")).toString();
    h.clientTime = o.value(QLatin1String("clientTime")).toString();
    h.originalAuthor = o.value(QLatin1String("originalAuthor")).toString();
    return h;
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
