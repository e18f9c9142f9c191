// SPDX-License-Identifier: MIT
#pragma once

#include "result.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace outpost {

enum class ActionType { Create, Update, Transition, Note };
QString actionTypeName(ActionType t);
std::optional<ActionType> actionTypeFromName(const QString &name);

/// True for a client temp id ("tmp-<uuid>") that the server maps to a real case id.
bool isTempId(const QString &caseId);

/// One queued change, as uploaded (protocol "Action").
struct Action {
    QString id; // uuid chosen by the client; the exactly-once key
    ActionType type = ActionType::Update;
    QString caseId;
    QString caseType;   // create
    QString baseEtag;   // update, transition
    QJsonObject fields; // create, update: only changed fields
    QString flowAction; // transition
    QString text;       // note
    QString clientTime;
    QString title;      // extension: create and update may set the case title
    QString queue;      // extension: create may name a work queue

    QJsonObject toJson() const;
    static Result<Action> fromJson(const QJsonObject &obj, const QString &path = {});
};

enum class ResultStatus { Applied, Conflict, Rejected, Gone, Skipped };
QString resultStatusName(ResultStatus s);
std::optional<ResultStatus> resultStatusFromName(const QString &name);

/// The server's answer to one action (protocol "Result").
struct ActionResult {
    QString id;
    ResultStatus status = ResultStatus::Applied;
    QString caseId;
    QString etag;
    std::optional<QJsonObject> caseData; // applied and conflict
    QHash<QString, QString> mappedIds;   // applied create
    Error error;                         // rejected, gone, skipped

    QJsonObject toJson() const;
    static Result<ActionResult> fromJson(const QJsonObject &obj, const QString &path = {});
};

} // namespace outpost
