// SPDX-License-Identifier: MIT
// /admin/...: forced full sync, the sync-issues workbasket, case types, assignments. The route table
// lets only administrators in (Access::Admin).
#include "apihandler.h"
#include "apilogging.h"
#include "casetypestore.h"
#include "protocol/jsonreader.h"

namespace outpost::server {

namespace {
Error badRequest(Error e)
{
    e.code = QStringLiteral("bad_request");
    return e;
}
} // namespace

// POST /admin/full-sync {"user": id} or {} for everyone
http::Response ApiHandler::forceFullSync(const RouteCall &call)
{
    auto body = jsonBody(call.request, true);
    if (!body)
        return errorResponse(body.error());
    JsonReader r(body.value());
    const QString target = r.optionalString("user").value_or(QString());
    if (!r.ok())
        return errorResponse(badRequest(r.error()));
    auto affected = m_ctx.admin.forceFullSync(target);
    if (!affected)
        return errorResponse(affected.error());
    m_ctx.notifier.notify(affected.value());
    qCInfo(lcApi).noquote() << "request" << call.request.requestId << call.user.id << "forced a full sync for"
                            << (target.isEmpty() ? QStringLiteral("everyone") : target);
    return http::Response::json(200,
        { { QStringLiteral("status"), QStringLiteral("ok") },
            { QStringLiteral("user"), target.isEmpty() ? QJsonValue() : QJsonValue(target) } });
}

// GET /admin/sync-issues[?state=open|resolved]
http::Response ApiHandler::listSyncIssues(const RouteCall &call)
{
    const QString state = call.request.query.queryItemValue(QStringLiteral("state"));
    if (!state.isEmpty() && state != QLatin1String("open") && state != QLatin1String("resolved"))
        return http::Response::error(
            400, QStringLiteral("bad_request"), QStringLiteral("'state' is open or resolved."));
    auto issues = m_ctx.admin.syncIssues(state);
    if (!issues)
        return errorResponse(issues.error());
    return http::Response::json(200, { { QStringLiteral("issues"), issues.value() } });
}

// POST /admin/sync-issues/{id}/reapply (extension)
http::Response ApiHandler::reapplySyncIssue(const RouteCall &call)
{
    bool ok = false;
    const qint64 id = call.params.at(0).toLongLong(&ok);
    if (!ok || id <= 0)
        return http::Response::error(
            404, QStringLiteral("not_found"), QStringLiteral("There is no such sync issue."));
    // Optionally {"action": {…}}: the action edited in the workbasket, applied instead.
    auto body = jsonBody(call.request, true);
    if (!body)
        return errorResponse(body.error());
    std::optional<QJsonObject> edited;
    if (const QJsonValue a = body.value().value(QStringLiteral("action")); !a.isUndefined()) {
        if (!a.isObject())
            return errorResponse(
                Error(QStringLiteral("bad_request"), QStringLiteral("'action' is an object."),
                    { { QStringLiteral("action"), QStringLiteral("An action object.") } }));
        edited = a.toObject();
    }
    auto out = m_ctx.actions.reapply(call.user, id, call.request.requestId, edited);
    if (!out)
        return errorResponse(out.error());
    m_ctx.notifier.notify(out.value().affected);
    notifyConsole(QStringLiteral("syncIssues"));
    return http::Response::json(200, out.value().response);
}

// POST /admin/sync-issues/{id}/discard (extension): resolved as discarded, its action never applied.
http::Response ApiHandler::discardSyncIssue(const RouteCall &call)
{
    bool ok = false;
    const qint64 id = call.params.at(0).toLongLong(&ok);
    if (!ok || id <= 0)
        return http::Response::error(
            404, QStringLiteral("not_found"), QStringLiteral("There is no such sync issue."));
    if (Status s = m_ctx.actions.discard(call.user, id); !s)
        return errorResponse(s.error());
    qCInfo(lcApi).noquote() << "request" << call.request.requestId << call.user.id << "discarded sync issue"
                            << id;
    notifyConsole(QStringLiteral("syncIssues"));
    return http::Response::json(200,
        { { QStringLiteral("issue"), QString::number(id) },
            { QStringLiteral("state"), QStringLiteral("resolved") },
            { QStringLiteral("resolution"), QStringLiteral("discarded") } });
}

// PUT /admin/case-types/{name}: checked as POST …/check checks it (CaseTypeStore::validate)
http::Response ApiHandler::publishCaseType(const RouteCall &call)
{
    const CaseTypeStore::Check check = CaseTypeStore::validate(call.params.at(0), call.request.body);
    if (!check.valid()) {
        QMap<QString, QString> fields;
        for (const CaseTypeStore::Problem &p : check.errors)
            if (!p.path.isEmpty())
                fields.insert(p.path, p.message);
        return http::Response::error(
            400, QStringLiteral("bad_request"), check.errors.constFirst().message, fields);
    }
    const std::optional<CaseType> &type = check.type;
    bool compatible = true;
    auto affected = m_ctx.admin.publishCaseType(type.value(), &compatible);
    if (!affected) {
        Error e = affected.error();
        if (e.code == QLatin1String("bad_request"))
            e.code = QStringLiteral("conflict");
        return errorResponse(e);
    }
    m_ctx.notifier.notify(affected.value());
    notifyConsole(QStringLiteral("caseTypes"));
    return http::Response::json(200,
        { { QStringLiteral("name"), type.value().name }, { QStringLiteral("version"), type.value().version },
            { QStringLiteral("compatible"), compatible } });
}

// DELETE /admin/cases/{id} (extension: purge)
http::Response ApiHandler::purgeCase(const RouteCall &call)
{
    const QString &id = call.params.at(0);
    auto affected = m_ctx.admin.purge(call.user, id);
    if (!affected)
        return errorResponse(affected.error());
    m_ctx.notifier.notify(affected.value());
    qCInfo(lcApi).noquote() << "request" << call.request.requestId << call.user.id << "purged case" << id;
    return http::Response::json(
        200, { { QStringLiteral("id"), id }, { QStringLiteral("status"), QStringLiteral("purged") } });
}

// POST /admin/devices/{deviceId}/wipe (extension): the device's sessions end; its next request or
// sign-in answers device_wiped, and the device erases its store and keychain entries.
http::Response ApiHandler::wipeDevice(const RouteCall &call)
{
    const QString deviceId = call.params.at(0);
    if (Status s = m_ctx.users.setDeviceWiped(deviceId, true, call.user.id); !s)
        return errorResponse(s.error());
    qCInfo(lcApi).noquote() << "request" << call.request.requestId << call.user.id << "wiped device"
                            << deviceId;
    notifyConsole(QStringLiteral("devices"));
    return http::Response::json(200,
        { { QStringLiteral("status"), QStringLiteral("ok") }, { QStringLiteral("deviceId"), deviceId } });
}

} // namespace outpost::server
