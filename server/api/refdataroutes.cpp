// SPDX-License-Identifier: MIT
// /admin/case-types and /admin/data-pages (operations console, extension): case types listed,
// read and checked; data pages listed and exported or imported as CSV. Administrators only
// (Access::Admin in the route table). Publishing a case type is PUT /admin/case-types/{name}
// (adminroutes.cpp).
#include "apihandler.h"
#include "apilogging.h"
#include "casetypestore.h"
#include "datapagestore.h"

namespace outpost::server {

namespace {

QJsonArray problemsJson(const QList<csv::Problem> &problems)
{
    QJsonArray out;
    for (const csv::Problem &p : problems) {
        QJsonObject o { { QStringLiteral("line"), p.line }, { QStringLiteral("message"), p.message } };
        if (p.column > 0)
            o.insert(QStringLiteral("column"), p.column);
        out.append(o);
    }
    return out;
}

QJsonObject reportJson(const DataPageStore::ImportReport &r)
{
    return QJsonObject { { QStringLiteral("rows"), r.rows },
        { QStringLiteral("errors"), problemsJson(r.errors) }, { QStringLiteral("errorCount"), r.errorCount },
        { QStringLiteral("preview"), r.preview }, { QStringLiteral("imported"), r.imported },
        { QStringLiteral("added"), r.added }, { QStringLiteral("changed"), r.changed },
        { QStringLiteral("removed"), r.removed }, { QStringLiteral("unchanged"), r.unchanged } };
}

bool isCsv(const http::Request &request)
{
    const QByteArray type = request.header("content-type").trimmed().toLower();
    return type == "text/csv" || type.startsWith("text/csv;");
}

} // namespace

// GET /admin/case-types
http::Response ApiHandler::listCaseTypes(const RouteCall &)
{
    auto types = CaseTypeStore(m_ctx.db).list();
    if (!types)
        return errorResponse(types.error());
    QJsonArray out;
    for (const CaseTypeStore::Summary &t : types.value()) {
        QJsonObject o { { QStringLiteral("name"), t.name }, { QStringLiteral("version"), t.version },
            { QStringLiteral("title"), t.title } };
        if (!t.titles.isEmpty())
            o.insert(QStringLiteral("titles"), t.titles);
        if (!t.statusLabels.isEmpty())
            o.insert(QStringLiteral("statusLabels"), t.statusLabels);
        out.append(o);
    }
    return http::Response::json(200, { { QStringLiteral("caseTypes"), out } });
}

// GET /admin/case-types/{name}: the document as stored (as the feed carries it)
http::Response ApiHandler::getCaseType(const RouteCall &call)
{
    auto doc = CaseTypeStore(m_ctx.db).document(call.params.at(0));
    if (!doc)
        return errorResponse(doc.error());
    if (!doc.value())
        return http::Response::error(404, QStringLiteral("not_found"),
            QStringLiteral("There is no case type '%1'.").arg(call.params.at(0)));
    return http::Response::rawJson(200, *doc.value());
}

// POST /admin/case-types/{name}/check (body: the case type): 200 with the verdict, changes nothing
http::Response ApiHandler::checkCaseType(const RouteCall &call)
{
    auto check = CaseTypeStore(m_ctx.db).check(call.params.at(0), call.request.body);
    if (!check)
        return errorResponse(check.error());
    return http::Response::json(200, check.value().toJson());
}

// GET /admin/data-pages
http::Response ApiHandler::listDataPages(const RouteCall &)
{
    auto pages = DataPageStore(m_ctx.db).list();
    if (!pages)
        return errorResponse(pages.error());
    QJsonArray out;
    for (const DataPageStore::PageInfo &p : pages.value())
        out.append(QJsonObject { { QStringLiteral("name"), p.name }, { QStringLiteral("rows"), p.rows } });
    return http::Response::json(200, { { QStringLiteral("dataPages"), out } });
}

// GET /admin/data-pages/{name}/csv
http::Response ApiHandler::exportDataPage(const RouteCall &call)
{
    const QString &page = call.params.at(0);
    auto csv = DataPageStore(m_ctx.db).exportCsv(page);
    if (!csv)
        return errorResponse(csv.error());
    http::Response r;
    r.status = 200;
    r.contentType = "text/csv; charset=utf-8";
    r.body = std::move(csv).value();
    r.headers.append({ QByteArrayLiteral("Content-Disposition"),
        QByteArrayLiteral("attachment; filename=\"") + page.toUtf8() + QByteArrayLiteral(".csv\"") });
    return r;
}

// POST /admin/data-pages/{name}/csv[?dryRun=1] (body: text/csv)
http::Response ApiHandler::importDataPage(const RouteCall &call)
{
    if (!isCsv(call.request))
        return http::Response::error(415, QStringLiteral("unsupported_media_type"),
            QStringLiteral("Send the data page as CSV: Content-Type: text/csv (UTF-8, a header row)."));
    const QString dry = call.request.query.queryItemValue(QStringLiteral("dryRun"));
    const bool dryRun = dry == QLatin1String("1") || dry == QLatin1String("true");
    const QString &page = call.params.at(0);
    auto report = DataPageStore(m_ctx.db).importCsv(page, call.request.body, dryRun);
    if (!report)
        return errorResponse(report.error());
    const DataPageStore::ImportReport &r = report.value();
    QJsonObject body = reportJson(r);
    if (r.errorCount > 0 && !dryRun) {
        body.insert(QStringLiteral("error"),
            QJsonObject { { QStringLiteral("code"), QStringLiteral("validation_failed") },
                { QStringLiteral("message"),
                    (r.errorCount == 1 ? QStringLiteral("The file has a problem; nothing was imported.")
                                       : QStringLiteral("The file has %1 problems; nothing was imported.")
                                             .arg(r.errorCount)) } });
        return http::Response::json(400, body);
    }
    if (r.imported) {
        qCInfo(lcApi).noquote() << "request" << call.request.requestId << call.user.id << "imported data page"
                                << page << "(" << r.rows << "rows )";
        if (r.added + r.changed + r.removed > 0) {
            Affected everyone;
            everyone.everyone = true;
            m_ctx.notifier.notify(everyone);
            notifyConsole(QStringLiteral("dataPages"));
        }
    }
    return http::Response::json(200, body);
}

} // namespace outpost::server
