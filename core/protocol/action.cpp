// SPDX-License-Identifier: MIT
#include "protocol/action.h"

#include "protocol/jsonreader.h"

#include <QCoreApplication>

namespace outpost {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::Action)
};
const QList<std::pair<ActionType, QLatin1String>> kTypes = {
    {ActionType::Create, QLatin1String("create")},
    {ActionType::Update, QLatin1String("update")},
    {ActionType::Transition, QLatin1String("transition")},
    {ActionType::Note, QLatin1String("note")},
};
const QList<std::pair<ResultStatus, QLatin1String>> kStatuses = {
    {ResultStatus::Applied, QLatin1String("applied")},   {ResultStatus::Conflict, QLatin1String("conflict")},
    {ResultStatus::Rejected, QLatin1String("rejected")}, {ResultStatus::Gone, QLatin1String("gone")},
    {ResultStatus::Skipped, QLatin1String("skipped")},
};
} // namespace

QString actionTypeName(ActionType t)
{
    for (const auto &[type, name] : kTypes)
        if (type == t)
            return name;
    return {};
}

std::optional<ActionType> actionTypeFromName(const QString &n)
{
    for (const auto &[type, name] : kTypes)
        if (n == name)
            return type;
    return std::nullopt;
}

QString resultStatusName(ResultStatus s)
{
    for (const auto &[status, name] : kStatuses)
        if (status == s)
            return name;
    return {};
}

std::optional<ResultStatus> resultStatusFromName(const QString &n)
{
    for (const auto &[status, name] : kStatuses)
        if (n == name)
            return status;
    return std::nullopt;
}

bool isTempId(const QString &caseId) { return caseId.startsWith(QLatin1String("tmp-")); }

QJsonObject Action::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("type"), actionTypeName(type)},
                  {QStringLiteral("caseId"), caseId}};
    if (!clientTime.isEmpty())
        o.insert(QStringLiteral("clientTime"), clientTime);
    switch (type) {
    case ActionType::Create:
        o.insert(QStringLiteral("caseType"), caseType);
        o.insert(QStringLiteral("fields"), fields);
        if (!queue.isEmpty())
            o.insert(QStringLiteral("queue"), queue);
        break;
    case ActionType::Update:
        o.insert(QStringLiteral("baseEtag"), baseEtag);
        o.insert(QStringLiteral("fields"), fields);
        break;
    case ActionType::Transition:
        o.insert(QStringLiteral("baseEtag"), baseEtag);
        o.insert(QStringLiteral("flowAction"), flowAction);
        if (!fields.isEmpty())
            o.insert(QStringLiteral("fields"), fields);
        break;
    case ActionType::Note:
        o.insert(QStringLiteral("text"), text);
        break;
    }
    if (!title.isEmpty())
        o.insert(QStringLiteral("title"), title);
    return o;
}

Result<Action> Action::fromJson(const QJsonObject &obj, const QString &path)
{
    JsonReader r(obj, path);
    Action a;
    a.id = r.requireString("id");
    const QString type = r.requireString("type");
    a.caseId = r.requireString("caseId");
    a.clientTime = r.optionalString("clientTime").value_or(QString());
    a.title = r.optionalString("title").value_or(QString());
    if (!r.ok())
        return r.error();
    if (a.id.isEmpty() || a.id.size() > 100)
        r.fail(r.pathOf("id"), Tr::tr("Field '%1' must be a non-empty id of at most 100 characters.").arg(r.pathOf("id")));
    if (a.caseId.isEmpty() || a.caseId.size() > 100)
        r.fail(r.pathOf("caseId"), Tr::tr("Field '%1' must be a non-empty id of at most 100 characters.").arg(r.pathOf("caseId")));
    const auto t = actionTypeFromName(type);
    if (!t) {
        r.fail(r.pathOf("type"), Tr::tr("Unknown action type '%1' in '%2'.").arg(type, r.pathOf("type")));
        return r.error();
    }
    a.type = *t;
    switch (a.type) {
    case ActionType::Create:
        a.caseType = r.requireString("caseType");
        a.fields = r.optionalObject("fields").value_or(QJsonObject());
        a.queue = r.optionalString("queue").value_or(QString());
        break;
    case ActionType::Update:
        a.baseEtag = r.requireString("baseEtag");
        a.fields = r.requireObject("fields");
        break;
    case ActionType::Transition:
        a.baseEtag = r.requireString("baseEtag");
        a.flowAction = r.requireString("flowAction");
        a.fields = r.optionalObject("fields").value_or(QJsonObject());
        break;
    case ActionType::Note:
        a.text = r.requireString("text");
        break;
    }
    if (!r.ok())
        return r.error();
    return a;
}

QJsonObject ActionResult::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id}, {QStringLiteral("status"), resultStatusName(status)}};
    if (!caseId.isEmpty())
        o.insert(QStringLiteral("caseId"), caseId);
    if (!etag.isEmpty())
        o.insert(QStringLiteral("etag"), etag);
    if (caseData)
        o.insert(QStringLiteral("case"), *caseData);
    if (!mappedIds.isEmpty()) {
        QJsonObject m;
        for (auto it = mappedIds.cbegin(); it != mappedIds.cend(); ++it)
            m.insert(it.key(), it.value());
        o.insert(QStringLiteral("mappedIds"), m);
    }
    if (!error.isNull())
        o.insert(QStringLiteral("error"), error.toJson());
    return o;
}

Result<ActionResult> ActionResult::fromJson(const QJsonObject &obj, const QString &path)
{
    JsonReader r(obj, path);
    ActionResult res;
    res.id = r.requireString("id");
    const QString status = r.requireString("status");
    res.caseId = r.optionalString("caseId").value_or(QString());
    res.etag = r.optionalString("etag").value_or(QString());
    res.caseData = r.optionalObject("case");
    const QJsonObject mapped = r.optionalObject("mappedIds").value_or(QJsonObject());
    for (auto it = mapped.begin(); it != mapped.end(); ++it)
        res.mappedIds.insert(it.key(), it.value().toString());
    if (auto err = r.optionalObject("error"))
        res.error = Error::fromJson(*err);
    if (r.ok()) {
        if (auto s = resultStatusFromName(status))
            res.status = *s;
        else
            r.fail(r.pathOf("status"), Tr::tr("Unknown result status '%1'.").arg(status));
    }
    if (!r.ok())
        return r.error();
    return res;
}

} // namespace outpost
