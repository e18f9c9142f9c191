// SPDX-License-Identifier: MIT
#include "protocol/caserecord.h"

#include "protocol/casetype.h"
#include "protocol/jsonreader.h"
#include "protocol/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace outpost {

QJsonObject AttachmentRef::toJson() const
{
    return {{QStringLiteral("id"), id},     {QStringLiteral("name"), name},
            {QStringLiteral("mime"), mime}, {QStringLiteral("size"), size},
            {QStringLiteral("sha256"), sha256}};
}

bool CaseRecord::isResolved() const { return isResolvedStatus(status); }

QJsonObject CaseRecord::toJson() const
{
    QJsonArray att;
    for (const AttachmentRef &a : attachments)
        att.append(a.toJson());
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("caseType"), caseType},
                  {QStringLiteral("caseTypeVersion"), caseTypeVersion},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("title"), title},
                  {QStringLiteral("createdAt"), createdAt},
                  {QStringLiteral("updatedAt"), updatedAt},
                  {QStringLiteral("etag"), etag},
                  {QStringLiteral("fields"), fields},
                  {QStringLiteral("attachments"), att}};
    o.insert(QStringLiteral("assignee"), assignee.isEmpty() ? QJsonValue() : QJsonValue(assignee));
    o.insert(QStringLiteral("queue"), queue.isEmpty() ? QJsonValue() : QJsonValue(queue));
    return o;
}

QByteArray CaseRecord::toCompactJson(QByteArrayView fieldsJson) const
{
    QByteArray ownFields;
    if (fieldsJson.isEmpty()) {
        ownFields = QJsonDocument(fields).toJson(QJsonDocument::Compact);
        fieldsJson = ownFields;
    }
    QByteArray att = QByteArrayLiteral("[");
    for (const AttachmentRef &a : attachments) {
        if (att.size() > 1)
            att.append(',');
        att.append(JsonObjectWriter(160)
                       .string("id", a.id)
                       .string("name", a.name)
                       .string("mime", a.mime)
                       .integer("size", a.size)
                       .string("sha256", a.sha256)
                       .take());
    }
    att.append(']');
    return JsonObjectWriter(fieldsJson.size() + att.size() + 320)
        .string("id", id)
        .string("caseType", caseType)
        .integer("caseTypeVersion", caseTypeVersion)
        .string("status", status)
        .string("title", title)
        .stringOrNull("assignee", assignee)
        .stringOrNull("queue", queue)
        .string("createdAt", createdAt)
        .string("updatedAt", updatedAt)
        .string("etag", etag)
        .raw("fields", fieldsJson)
        .raw("attachments", att)
        .take();
}

Result<CaseRecord> CaseRecord::fromJson(const QJsonObject &obj, const QString &path)
{
    JsonReader r(obj, path);
    CaseRecord c;
    c.id = r.requireString("id");
    c.caseType = r.requireString("caseType");
    c.caseTypeVersion = int(r.optionalInteger("caseTypeVersion").value_or(0));
    c.status = r.requireString("status");
    c.title = r.optionalString("title").value_or(QString());
    c.assignee = r.optionalString("assignee").value_or(QString());
    c.queue = r.optionalString("queue").value_or(QString());
    c.createdAt = r.optionalString("createdAt").value_or(QString());
    c.updatedAt = r.optionalString("updatedAt").value_or(QString());
    c.etag = r.requireString("etag");
    c.fields = r.optionalObject("fields").value_or(QJsonObject());
    const QJsonArray att = r.optionalArray("attachments").value_or(QJsonArray());
    for (qsizetype i = 0; i < att.size() && r.ok(); ++i) {
        const QString apath = r.pathOf("attachments") + QStringLiteral("[%1]").arg(i);
        JsonReader ar(att.at(i).toObject(), apath);
        if (!att.at(i).isObject())
            ar.fail(apath, QStringLiteral("Field '%1' must be an object.").arg(apath));
        AttachmentRef a;
        a.id = ar.requireString("id");
        a.name = ar.optionalString("name").value_or(QString());
        a.mime = ar.optionalString("mime").value_or(QString());
        a.size = ar.optionalInteger("size").value_or(0);
        a.sha256 = ar.optionalString("sha256").value_or(QString());
        r.absorb(ar);
        c.attachments.append(a);
    }
    if (!r.ok())
        return r.error();
    return c;
}

QJsonObject Assignment::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id}, {QStringLiteral("caseId"), caseId}};
    if (!assignee.isEmpty())
        o.insert(QStringLiteral("assignee"), assignee);
    if (!queue.isEmpty())
        o.insert(QStringLiteral("queue"), queue);
    o.insert(QStringLiteral("instructions"), instructions);
    o.insert(QStringLiteral("dueAt"), dueAt.isEmpty() ? QJsonValue() : QJsonValue(dueAt));
    return o;
}

Result<Assignment> Assignment::fromJson(const QJsonObject &obj, const QString &path)
{
    JsonReader r(obj, path);
    Assignment a;
    a.id = r.requireString("id");
    a.caseId = r.requireString("caseId");
    a.assignee = r.optionalString("assignee").value_or(QString());
    a.queue = r.optionalString("queue").value_or(QString());
    a.instructions = r.optionalString("instructions").value_or(QString());
    a.dueAt = r.optionalString("dueAt").value_or(QString());
    if (!r.ok())
        return r.error();
    return a;
}

QJsonObject DataPageRow::toJson() const
{
    QJsonObject o = data;
    o.insert(QStringLiteral("page"), page);
    o.insert(QStringLiteral("key"), key);
    o.insert(QStringLiteral("label"), label);
    return o;
}

Result<DataPageRow> DataPageRow::fromJson(const QJsonObject &obj, const QString &path)
{
    JsonReader r(obj, path);
    DataPageRow row;
    row.page = r.requireString("page");
    row.key = r.requireString("key");
    row.label = r.optionalString("label").value_or(row.key);
    row.data = obj;
    if (!r.ok())
        return r.error();
    return row;
}

} // namespace outpost
