// SPDX-License-Identifier: MIT
#include "apitypes.h"

#include "protocol/caserecord.h"
#include "protocol/jsonreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace outpost::sync {

bool isTransientError(const Error &e)
{
    return e.code == QLatin1String(errc::Unreachable) || e.code == QLatin1String(errc::Timeout)
        || e.code == QLatin1String(errc::TlsFailed) || e.code == QLatin1String(errc::ServerError)
        || e.code == QLatin1String(errc::BadResponse) || e.code == QLatin1String("service_unavailable")
        || e.code == QLatin1String("internal");
}

QJsonObject SessionInfo::toJson(bool withToken) const
{
    QJsonObject o { { QStringLiteral("expiresAt"), expiresAt },
        { QStringLiteral("user"),
            QJsonObject { { QStringLiteral("id"), userId }, { QStringLiteral("displayName"), displayName },
                { QStringLiteral("roles"), QJsonArray::fromStringList(roles) },
                { QStringLiteral("queues"), QJsonArray::fromStringList(queues) } } } };
    if (withToken)
        o.insert(QStringLiteral("token"), token);
    return o;
}

namespace parse {
namespace {

Error bad(const QString &what)
{
    return Error(QString::fromLatin1(errc::BadResponse),
        QStringLiteral("The server sent an answer that does not follow the protocol: %1").arg(what));
}

Result<QJsonObject> object(const QByteArray &body)
{
    auto obj = parseJsonObject(body);
    if (!obj.ok())
        return bad(obj.error().message);
    return obj.value();
}

Error badFrom(const Error &e)
{
    return bad(e.toString());
}

/// A case document's attachment ids (`path` names it in the error); a null Error when all are UUIDs.
Error checkAttachmentIds(const QJsonObject &caseJson, const QString &path)
{
    const QJsonArray att = caseJson.value(QLatin1String("attachments")).toArray();
    for (qsizetype i = 0; i < att.size(); ++i) {
        const QString id = att.at(i).toObject().value(QLatin1String("id")).toString();
        if (!isAttachmentId(id))
            return bad(QStringLiteral("%1.attachments[%2].id is not an attachment id (UUID): \"%3\"")
                           .arg(path)
                           .arg(i)
                           .arg(id.left(64)));
    }
    return Error();
}

} // namespace

Result<SessionInfo> session(const QByteArray &body)
{
    auto obj = object(body);
    if (!obj.ok())
        return obj.error();
    JsonReader r(*obj);
    SessionInfo s;
    s.token = r.requireString("token");
    s.expiresAt = r.requireString("expiresAt");
    s.offlineWindowSeconds = r.optionalInteger("offlineWindowSeconds").value_or(s.offlineWindowSeconds);
    if (s.offlineWindowSeconds < 0)
        return bad(QStringLiteral("negative \"offlineWindowSeconds\""));
    const QJsonObject user = r.requireObject("user");
    if (!r.ok())
        return badFrom(r.error());
    JsonReader u(user, QStringLiteral("user"));
    s.userId = u.requireString("id");
    s.displayName = u.optionalString("displayName").value_or(QString());
    s.roles = u.optionalStringList("roles").value_or(QStringList());
    s.queues = u.optionalStringList("queues").value_or(QStringList());
    if (!u.ok())
        return badFrom(u.error());
    if (s.token.isEmpty())
        return bad(QStringLiteral("empty token"));
    return s;
}

Result<HealthInfo> health(const QByteArray &body)
{
    auto obj = object(body);
    if (!obj.ok())
        return obj.error();
    JsonReader r(*obj);
    HealthInfo h;
    h.status = r.requireString("status");
    h.protocol = int(r.requireInteger("protocol"));
    if (!r.ok())
        return badFrom(r.error());
    return h;
}

Result<DeviceOrders> deviceOrders(const QByteArray &body)
{
    auto obj = object(body);
    if (!obj.ok())
        return obj.error();
    JsonReader r(*obj);
    DeviceOrders o;
    // Members a server does not send ask for nothing.
    o.fullSync = r.optionalBool("fullSync").value_or(false);
    o.retire = r.optionalBool("retire").value_or(false);
    if (!r.ok())
        return badFrom(r.error());
    return o;
}

Result<ChangesPage> changesPage(const QByteArray &body)
{
    auto obj = object(body);
    if (!obj.ok())
        return obj.error();
    auto page = ChangesPage::fromJson(*obj);
    if (!page.ok())
        return badFrom(page.error());
    if (page->next.isEmpty())
        return bad(QStringLiteral("empty \"next\" token"));
    for (qsizetype i = 0; i < page->changes.size(); ++i) {
        const Change &c = page->changes.at(i);
        if (c.kind != ChangeKind::Case || c.remove)
            continue;
        if (Error e = checkAttachmentIds(c.data, QStringLiteral("changes[%1].data").arg(i)); !e.isNull())
            return e;
    }
    return page;
}

Result<QList<ActionResult>> uploadResults(const QByteArray &body, const QList<Action> &sent)
{
    auto obj = object(body);
    if (!obj.ok())
        return obj.error();
    JsonReader r(*obj);
    const QJsonArray arr = r.requireArray("results");
    if (!r.ok())
        return badFrom(r.error());
    if (arr.size() != sent.size())
        return bad(QStringLiteral("%1 results for %2 actions").arg(arr.size()).arg(sent.size()));
    QList<ActionResult> out;
    out.reserve(arr.size());
    for (qsizetype i = 0; i < arr.size(); ++i) {
        const QString path = QStringLiteral("results[%1]").arg(i);
        if (!arr.at(i).isObject())
            return bad(path + QStringLiteral(" is not an object"));
        auto res = ActionResult::fromJson(arr.at(i).toObject(), path);
        if (!res.ok())
            return badFrom(res.error());
        if (res->id != sent.at(i).id)
            return bad(QStringLiteral("%1 answers action %2, expected %3").arg(path, res->id, sent.at(i).id));
        if (res->status == ResultStatus::Applied && res->caseId.isEmpty())
            return bad(path + QStringLiteral(" is applied without a caseId"));
        if (res->caseData)
            if (Error e = checkAttachmentIds(*res->caseData, path + QStringLiteral(".case")); !e.isNull())
                return e;
        out.append(std::move(res).value());
    }
    return out;
}

Result<UploadedAttachment> uploadedAttachment(const QByteArray &body)
{
    auto obj = object(body);
    if (!obj.ok())
        return obj.error();
    JsonReader r(*obj);
    UploadedAttachment a;
    a.id = r.requireString("id");
    a.size = r.requireInteger("size");
    a.sha256 = r.requireString("sha256");
    if (!r.ok())
        return badFrom(r.error());
    return a;
}

Result<CaseRecord> caseRecord(const QByteArray &body)
{
    auto obj = object(body);
    if (!obj.ok())
        return obj.error();
    auto rec = CaseRecord::fromJson(*obj);
    if (!rec.ok())
        return badFrom(rec.error());
    if (Error e = checkAttachmentIds(*obj, QStringLiteral("case")); !e.isNull())
        return e;
    return rec;
}

Result<QList<HistoryEntry>> history(const QByteArray &body)
{
    auto obj = object(body);
    if (!obj.ok())
        return obj.error();
    JsonReader r(*obj);
    const QJsonArray arr = r.requireArray("entries");
    if (!r.ok())
        return badFrom(r.error());
    QList<HistoryEntry> out;
    for (qsizetype i = 0; i < arr.size(); ++i) {
        const QString path = QStringLiteral("entries[%1]").arg(i);
        if (!arr.at(i).isObject())
            return bad(path + QStringLiteral(" is not an object"));
        JsonReader e(arr.at(i).toObject(), path);
        HistoryEntry h;
        h.at = e.requireString("at");
        h.by = e.requireString("by");
        h.action = e.requireString("action");
        h.deviceId = e.optionalString("deviceId").value_or(QString());
        h.clientTime = e.optionalString("clientTime").value_or(QString());
        h.actionId = e.optionalString("actionId").value_or(QString());
        h.changes = e.optionalObject("changes").value_or(QJsonObject());
        h.text = e.optionalString("text").value_or(QString());
        h.raw = arr.at(i).toObject();
        if (!e.ok())
            return badFrom(e.error());
        out.append(h);
    }
    return out;
}

bool isAttachmentId(const QString &id)
{
    static const QRegularExpression uuid(
        QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return uuid.match(id).hasMatch();
}

Error httpError(int status, const QByteArray &body, bool signIn)
{
    Error e;
    const QJsonObject obj = QJsonDocument::fromJson(body).object();
    if (obj.value(QLatin1String("error")).isObject()) {
        e = Error::fromJson(obj.value(QLatin1String("error")).toObject());
    }
    if (status == 401 && !(signIn && e.code == QLatin1String("bad_credentials"))) {
        return Error(QString::fromLatin1(errc::Unauthenticated),
            e.message.isEmpty() ? QStringLiteral("The session is no longer valid; sign in again.")
                                : e.message);
    }
    if (status == 410)
        return Error(QString::fromLatin1(errc::FullSyncRequired),
            e.message.isEmpty() ? QStringLiteral("The server requires a full sync.") : e.message, e.fields);
    if (!e.code.isEmpty())
        return e;
    if (status >= 500)
        return Error(QString::fromLatin1(errc::ServerError),
            QStringLiteral("The server failed with HTTP %1.").arg(status));
    return bad(QStringLiteral("HTTP %1 without an error body").arg(status));
}

} // namespace parse
} // namespace outpost::sync
