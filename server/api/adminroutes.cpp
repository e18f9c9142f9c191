// SPDX-License-Identifier: MIT
// /admin/...: forced full sync, the sync-issues workbasket, case types, assignments.
#include "apihandler.h"
#include "apilogging.h"
#include "protocol/jsonreader.h"

namespace outpost::server {

namespace {
Error badRequest(Error e)
{
    e.code = QStringLiteral("bad_request");
    return e;
}
} // namespace

http::Response ApiHandler::adminRoute(
    const http::Request &request, const Principal &user, const QStringList &s)
{
    if (!user.isAdmin())
        return http::Response::error(
            403, QStringLiteral("forbidden"), QStringLiteral("This needs the administrator role."));
    const QString what = s.at(1);
    if (what == QLatin1String("full-sync")) {
        auto body = jsonBody(request, true);
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
        qCInfo(lcApi).noquote() << "request" << request.requestId << user.id << "forced a full sync for"
                                << (target.isEmpty() ? QStringLiteral("everyone") : target);
        return http::Response::json(200,
            { { QStringLiteral("status"), QStringLiteral("ok") },
                { QStringLiteral("user"), target.isEmpty() ? QJsonValue() : QJsonValue(target) } });
    }
    if (what == QLatin1String("sync-issues") && s.size() == 2) {
        const QString state = request.query.queryItemValue(QStringLiteral("state"));
        if (!state.isEmpty() && state != QLatin1String("open") && state != QLatin1String("resolved"))
            return http::Response::error(
                400, QStringLiteral("bad_request"), QStringLiteral("'state' is open or resolved."));
        auto issues = m_ctx.admin.syncIssues(state);
        if (!issues)
            return errorResponse(issues.error());
        return http::Response::json(200, { { QStringLiteral("issues"), issues.value() } });
    }
    if (what == QLatin1String("sync-issues")) {
        bool ok = false;
        const qint64 id = s.at(2).toLongLong(&ok);
        if (!ok || id <= 0)
            return http::Response::error(
                404, QStringLiteral("not_found"), QStringLiteral("There is no such sync issue."));
        auto out = m_ctx.actions.reapply(user, id, request.requestId);
        if (!out)
            return errorResponse(out.error());
        m_ctx.notifier.notify(out.value().affected);
        return http::Response::json(200, out.value().response);
    }
    if (what == QLatin1String("case-types")) {
        auto body = jsonBody(request);
        if (!body)
            return errorResponse(body.error());
        auto type = CaseType::fromJson(body.value());
        if (!type)
            return errorResponse(badRequest(type.error()));
        if (type.value().name != s.at(2))
            return http::Response::error(400, QStringLiteral("bad_request"),
                QStringLiteral("The case type's name must match the path."));
        if (type.value().name.size() > 100)
            return http::Response::error(400, QStringLiteral("bad_request"),
                QStringLiteral("A case type's name has at most 100 characters."));
        if (type.value().version < 1)
            return http::Response::error(
                400, QStringLiteral("bad_request"), QStringLiteral("The version must be positive."));
        bool compatible = true;
        auto affected = m_ctx.admin.publishCaseType(type.value(), &compatible);
        if (!affected) {
            Error e = affected.error();
            if (e.code == QLatin1String("bad_request"))
                e.code = QStringLiteral("conflict");
            return errorResponse(e);
        }
        m_ctx.notifier.notify(affected.value());
        return http::Response::json(200,
            { { QStringLiteral("name"), type.value().name },
                { QStringLiteral("version"), type.value().version },
                { QStringLiteral("compatible"), compatible } });
    }
    if (what == QLatin1String("cases") && s.size() == 3) { // DELETE /admin/cases/{id} (extension: purge)
        auto affected = m_ctx.admin.purge(user, s.at(2));
        if (!affected)
            return errorResponse(affected.error());
        m_ctx.notifier.notify(affected.value());
        qCInfo(lcApi).noquote() << "request" << request.requestId << user.id << "purged case" << s.at(2);
        return http::Response::json(200,
            { { QStringLiteral("id"), s.at(2) }, { QStringLiteral("status"), QStringLiteral("purged") } });
    }
    // PUT /admin/cases/{id}/assignment (extension)
    auto body = jsonBody(request);
    if (!body)
        return errorResponse(body.error());
    AdminStore::AssignmentChange change;
    change.caseId = s.at(2);
    const QJsonObject &o = body.value();
    auto field = [&](const char *key, std::optional<QString> *out) -> bool {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return true;
        if (!v.isNull() && !v.isString())
            return false;
        *out = v.toString().left(2000);
        return true;
    };
    if (!field("assignee", &change.assignee) || !field("queue", &change.queue)
        || !field("instructions", &change.instructions) || !field("dueAt", &change.dueAt))
        return http::Response::error(400, QStringLiteral("bad_request"),
            QStringLiteral("assignee, queue, instructions and dueAt are strings or null."));
    QJsonObject caseJson;
    auto affected = m_ctx.admin.reassign(user, change, &caseJson);
    if (!affected)
        return errorResponse(affected.error());
    m_ctx.notifier.notify(affected.value());
    return http::Response::json(200, caseJson);
}

} // namespace outpost::server
