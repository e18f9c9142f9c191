// SPDX-License-Identifier: MIT
// GET /cases/{id}, GET /cases/{id}/history, PUT and GET /attachments/{uuid}.
#include "apihandler.h"
#include "apilogging.h"
#include "casestore.h"

#include <QJsonArray>

namespace outpost::server {

http::Response ApiHandler::getCase(const RouteCall &call)
{
    return caseResponse(call.user, call.params.at(0), false);
}

http::Response ApiHandler::getCaseHistory(const RouteCall &call)
{
    return caseResponse(call.user, call.params.at(0), true);
}

http::Response ApiHandler::caseResponse(const Principal &user, const QString &id, bool history)
{
    if (id.size() > 100)
        return http::Response::error(404, QStringLiteral("not_found"), QStringLiteral("No such case."));
    auto tx = Tx::begin(m_ctx.db, Tx::Mode::Read);
    if (!tx)
        return errorResponse(tx.error());
    auto c = CaseStore::load(tx.value(), id);
    if (!c)
        return errorResponse(c.error());
    // Not there and not yours get one answer, so ids outside one's scope cannot be probed.
    if (!c.value() || !canRead(user, c.value()->rec))
        return http::Response::error(
            404, QStringLiteral("not_found"), QStringLiteral("There is no case %1.").arg(id));
    if (history) {
        auto entries = CaseStore::history(tx.value(), id);
        if (!entries)
            return errorResponse(entries.error());
        return http::Response::json(
            200, { { QStringLiteral("caseId"), id }, { QStringLiteral("entries"), entries.value() } });
    }
    http::Response r = http::Response::json(200, c.value()->rec.toJson());
    r.headers.append({ QByteArrayLiteral("ETag"), c.value()->rec.etag.toUtf8() });
    return r;
}

http::Response ApiHandler::putAttachment(const RouteCall &call)
{
    const http::Request &request = call.request;
    const QString &id = call.params.at(0);
    if (request.body.size() > m_ctx.options.maxAttachmentBytes)
        return http::Response::error(
            413, QStringLiteral("payload_too_large"), QStringLiteral("The attachment is too large."));
    QByteArray mime = request.header("content-type").trimmed();
    const bool printable
        = std::all_of(mime.cbegin(), mime.cend(), [](char c) { return c >= 0x20 && c < 0x7f; });
    if (mime.isEmpty() || mime.size() > 200 || !printable || !mime.contains('/'))
        mime = "application/octet-stream"; // it is echoed back as a header later
    auto out = m_ctx.attachments.put(call.user, id, request.query.queryItemValue(QStringLiteral("caseId")),
        request.query.queryItemValue(QStringLiteral("name")), QString::fromLatin1(mime), request.body);
    if (!out)
        return errorResponse(out.error());
    m_ctx.notifier.notify(out.value().affected);
    return http::Response::json(out.value().created ? 201 : 200, out.value().body);
}

http::Response ApiHandler::getAttachment(const RouteCall &call)
{
    auto f = m_ctx.attachments.get(call.user, call.params.at(0));
    if (!f)
        return errorResponse(f.error());
    http::Response r;
    r.status = 200;
    r.contentType = f.value().mime.isEmpty() ? QByteArrayLiteral("application/octet-stream") : f.value().mime;
    r.body = f.value().bytes;
    // Saved, never rendered: a browser must not run an uploaded HTML or SVG file as the site's page.
    r.headers.append({ QByteArrayLiteral("Content-Disposition"), QByteArrayLiteral("attachment") });
    return r;
}

} // namespace outpost::server
