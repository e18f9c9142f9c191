// SPDX-License-Identifier: MIT
// GET /sync/changes, POST /sync/actions and GET /notify without a WebSocket upgrade.
#include "apihandler.h"
#include "apilogging.h"
#include "casetypestore.h"
#include "feed.h"
#include "writegate.h"

namespace outpost::server {

namespace {
/// The features a client declares in `X-Outpost-Features` (comma-separated, e.g. "signature").
QStringList declaredFeatures(const http::Request &request)
{
    QStringList out;
    for (const QByteArray &f : request.header("x-outpost-features").split(','))
        if (!f.trimmed().isEmpty())
            out.append(QString::fromLatin1(f.trimmed()).toLower());
    return out;
}
} // namespace

std::optional<http::Response> ApiHandler::refuseUnknownFeatures(const http::Request &request)
{
    // A client that cannot read a signature field would refuse the whole case type (and with it
    // every page that carries it) as malformed; it gets this answer instead, saying why.
    if (declaredFeatures(request).contains(QLatin1String("signature")))
        return std::nullopt;
    auto types = CaseTypeStore(m_ctx.db).withSignatureFields();
    if (!types)
        return errorResponse(types.error());
    if (types.value().isEmpty())
        return std::nullopt;
    return http::Response::error(409, QStringLiteral("client_too_old"),
        QStringLiteral("The case type '%1' has a signature field, which this version of the app cannot show. "
                       "Update the app to sync.")
            .arg(types.value().constFirst()));
}

http::Response ApiHandler::changes(const RouteCall &call)
{
    const http::Request &request = call.request;
    int limit = 1000;
    if (request.query.hasQueryItem(QStringLiteral("limit"))) {
        const QString text = request.query.queryItemValue(QStringLiteral("limit"));
        bool ok = false;
        const qint64 v = text.toLongLong(&ok);
        if (!ok || v <= 0) {
            // A huge number is merely capped; anything not a positive integer is a mistake.
            bool digits = !text.isEmpty() && text.size() <= 100;
            for (QChar c : text)
                digits = digits && c.isDigit() && c.unicode() < 128;
            if (!digits || text.count(QLatin1Char('0')) == text.size())
                return http::Response::error(400, QStringLiteral("bad_request"),
                    QStringLiteral("Query parameter 'limit' must be a positive integer."));
            limit = m_ctx.options.maxPageLimit;
        } else {
            limit = int(std::min<qint64>(v, m_ctx.options.maxPageLimit));
        }
    }
    if (auto refused = refuseUnknownFeatures(request))
        return std::move(*refused);
    const QString since = request.query.queryItemValue(QStringLiteral("since"));
    // Extension: include=history (a comma-separated list; unknown names are ignored) adds the cases'
    // history entries to the feed.
    const QStringList include
        = request.query.queryItemValue(QStringLiteral("include")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    auto body
        = FeedReader::page(m_ctx.db, call.user, since, limit, include.contains(QStringLiteral("history")));
    if (!body)
        return errorResponse(body.error());
    return http::Response::rawJson(200, std::move(body).value());
}

http::Response ApiHandler::postActions(const RouteCall &call)
{
    auto body = jsonBody(call.request);
    if (!body)
        return errorResponse(body.error());
    // Uploads come through the transport's upload lane, which bounds how many wait (writeLane()).
    const WriteGate::Admitted admitted;
    auto outcome = m_ctx.actions.process(call.user, body.value(), call.request.requestId);
    if (!outcome)
        return errorResponse(outcome.error());
    m_ctx.notifier.notify(outcome.value().affected);
    if (outcome.value().issuesFiled)
        notifyConsole(QStringLiteral("syncIssues"));
    return http::Response::rawJson(200, std::move(outcome.value().body));
}

http::Response ApiHandler::notifyWithoutUpgrade(const RouteCall &)
{
    return http::Response::error(
        400, QStringLiteral("bad_request"), QStringLiteral("This endpoint needs a WebSocket upgrade."));
}

} // namespace outpost::server
