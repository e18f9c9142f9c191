// SPDX-License-Identifier: MIT
#pragma once

#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace outpost {

/// History: one entry of a case's history (extension, sent when the client asks for it).
enum class ChangeKind { CaseType, Case, Assignment, DataPage, History };
QString changeKindName(ChangeKind k);
std::optional<ChangeKind> changeKindFromName(const QString &name);

/// One entry of the changes feed.
struct Change {
    ChangeKind kind = ChangeKind::Case;
    bool remove = false; // op "remove"; otherwise "upsert"
    QString id;
    QString etag;
    QJsonObject data; // absent on remove

    QJsonObject toJson() const;
    static Result<Change> fromJson(const QJsonObject &obj, const QString &path = {});
};

/// One page of GET /api/v1/sync/changes.
struct ChangesPage {
    QList<Change> changes;
    QString next;
    bool more = false;
    /// Extension "total", on the first page of a full sync: what the whole sync brings (-1: not
    /// said, e.g. by an older server or on later pages).
    qint64 totalChanges = -1;
    qint64 totalCases = -1;
    static Result<ChangesPage> fromJson(const QJsonObject &obj);
};

} // namespace outpost
