// SPDX-License-Identifier: MIT
// /admin/cases…, /admin/assignees: the dispatcher's routes (Access::Dispatch; docs/protocol.md,
// *Operations console*). The work is DispatchStore's; here are the bodies and the hints.
#include "apihandler.h"
#include "apilogging.h"
#include "dispatchstore.h"
#include "protocol/jsonreader.h"

namespace outpost::server {

namespace {
Error invalidBody(const QString &message, const QMap<QString, QString> &fields)
{
    Error e(QStringLiteral("validation_failed"), message);
    e.fields = fields;
    return e;
}
} // namespace

void ApiHandler::casesChanged(const Affected &affected)
{
    m_ctx.notifier.notify(affected);
    m_ctx.notifier.notifyConsole(QStringLiteral("cases"));
}

// GET
// /admin/cases?status=&queue=&assignee=&caseType=&dueFrom=&dueTo=&overdue=1&q=&sort=&order=&offset=&limit=
http::Response ApiHandler::listCases(const RouteCall &call)
{
    auto query = CaseQuery::fromQuery(call.request.query);
    if (!query)
        return errorResponse(query.error());
    auto page = m_ctx.dispatch.listCases(query.value());
    if (!page)
        return errorResponse(page.error());
    return http::Response::json(200,
        { { QStringLiteral("cases"), page.value().cases }, { QStringLiteral("total"), page.value().total },
            { QStringLiteral("offset"), query.value().offset },
            { QStringLiteral("limit"), query.value().limit } });
}

// GET /admin/cases/{id}
http::Response ApiHandler::caseDetails(const RouteCall &call)
{
    auto details = m_ctx.dispatch.caseDetails(call.params.at(0));
    if (!details)
        return errorResponse(details.error());
    return http::Response::json(200, details.value());
}

// POST /admin/cases {"caseType","title","fields",("assignee"|"queue"),"instructions","dueAt"}
http::Response ApiHandler::createCase(const RouteCall &call)
{
    auto body = jsonBody(call.request);
    if (!body)
        return errorResponse(body.error());
    const QJsonObject &o = body.value();
    QMap<QString, QString> errors;
    DispatchStore::NewCase n;
    if (!o.value(QStringLiteral("caseType")).isString()
        || o.value(QStringLiteral("caseType")).toString().isEmpty())
        errors.insert(QStringLiteral("caseType"), QStringLiteral("The case type's name is needed."));
    n.caseType = o.value(QStringLiteral("caseType")).toString();
    const QJsonValue title = o.value(QStringLiteral("title"));
    if (!title.isUndefined() && !title.isNull() && !title.isString())
        errors.insert(QStringLiteral("title"), QStringLiteral("A text."));
    n.title = title.toString();
    const QJsonValue fields = o.value(QStringLiteral("fields"));
    if (!fields.isUndefined() && !fields.isObject())
        errors.insert(QStringLiteral("fields"), QStringLiteral("An object of field values."));
    n.fields = fields.toObject();
    auto assignment = AssignmentChange::fromJson(o);
    if (!assignment) {
        for (auto it = assignment.error().fields.cbegin(); it != assignment.error().fields.cend(); ++it)
            errors.insert(it.key(), it.value());
    } else {
        n.assignment = assignment.value();
    }
    if (!errors.isEmpty())
        return errorResponse(invalidBody(QStringLiteral("The new case is not valid."), errors));
    QJsonObject caseJson;
    auto affected = m_ctx.dispatch.createCase(call.user, n, &caseJson);
    if (!affected)
        return errorResponse(affected.error());
    casesChanged(affected.value());
    qCInfo(lcApi).noquote() << "request" << call.request.requestId << call.user.id << "created case"
                            << caseJson.value(QStringLiteral("id")).toString();
    return http::Response::json(201, caseJson);
}

// PUT /admin/cases/{id}/assignment (extension) {"assignee"?, "queue"?, "instructions"?, "dueAt"?}
http::Response ApiHandler::reassignCase(const RouteCall &call)
{
    auto body = jsonBody(call.request);
    if (!body)
        return errorResponse(body.error());
    auto change = AssignmentChange::fromJson(body.value());
    if (!change)
        return errorResponse(change.error());
    QJsonObject caseJson;
    auto affected = m_ctx.dispatch.assign(call.user, call.params.at(0), change.value(), &caseJson);
    if (!affected)
        return errorResponse(affected.error());
    casesChanged(affected.value());
    return http::Response::json(200, caseJson);
}

// POST /admin/cases/assign {"ids": [...≤500], "assignee"?, "queue"?, "instructions"?, "dueAt"?}
http::Response ApiHandler::assignCases(const RouteCall &call)
{
    auto body = jsonBody(call.request);
    if (!body)
        return errorResponse(body.error());
    const QJsonValue idsValue = body.value().value(QStringLiteral("ids"));
    QStringList ids;
    for (const QJsonValue &v : idsValue.toArray())
        if (v.isString() && !v.toString().isEmpty() && v.toString().size() <= 100)
            ids.append(v.toString());
    if (!idsValue.isArray() || ids.size() != idsValue.toArray().size() || ids.isEmpty() || ids.size() > 500)
        return errorResponse(invalidBody(QStringLiteral("'ids' lists 1 to 500 case ids."),
            { { QStringLiteral("ids"), QStringLiteral("1 to 500 case ids.") } }));
    ids.removeDuplicates();
    auto change = AssignmentChange::fromJson(body.value());
    if (!change)
        return errorResponse(change.error());
    auto affected = m_ctx.dispatch.assignMany(call.user, ids, change.value());
    if (!affected)
        return errorResponse(affected.error());
    casesChanged(affected.value());
    qCInfo(lcApi).noquote() << "request" << call.request.requestId << call.user.id << "assigned" << ids.size()
                            << "cases";
    return http::Response::json(200, { { QStringLiteral("updated"), int(ids.size()) } });
}

// GET /admin/assignees
http::Response ApiHandler::listAssignees(const RouteCall &)
{
    auto out = m_ctx.dispatch.assignees();
    if (!out)
        return errorResponse(out.error());
    return http::Response::json(200, out.value());
}

} // namespace outpost::server
