// SPDX-License-Identifier: MIT
// Devices (operations console, docs/protocol.md "Operations console (extension)"): the device
// report each sync cycle sends, the console's device list with its per-device orders, and the audit.
#include "apihandler.h"
#include "apilogging.h"

#include <algorithm>
#include <limits>

namespace outpost::server {

namespace {
http::Response ok(const QString &deviceId, QJsonObject more = {})
{
    more.insert(QStringLiteral("status"), QStringLiteral("ok"));
    more.insert(QStringLiteral("deviceId"), deviceId);
    return http::Response::json(200, more);
}

/// A whole number within [min, max] from the query, or `fallback` when absent; nullopt when bad.
std::optional<int> queryNumber(const http::Request &request, const char *key, int min, int max, int fallback)
{
    const QString v = request.query.queryItemValue(QLatin1String(key));
    if (v.isEmpty() && !request.query.hasQueryItem(QLatin1String(key)))
        return fallback;
    bool isNumber = false;
    const int n = v.toInt(&isNumber);
    if (!isNumber || n < min || n > max)
        return std::nullopt;
    return n;
}

http::Response badQuery(const char *key, const QString &message)
{
    return ApiHandler::errorResponse(
        Error(QStringLiteral("bad_request"), message, { { QLatin1String(key), message } }));
}
} // namespace

// PUT /device: the calling session's device reports itself; the answer carries the console's orders.
http::Response ApiHandler::putDevice(const RouteCall &call)
{
    if (call.user.deviceId.isEmpty())
        return http::Response::error(400, QStringLiteral("bad_request"),
            QStringLiteral("This session has no device id: sign in with a deviceId to report a device."));
    auto body = jsonBody(call.request);
    if (!body)
        return errorResponse(body.error());
    auto report = DeviceReport::fromJson(body.value());
    if (!report)
        return errorResponse(report.error());
    auto orders = m_ctx.devices.report(call.user.deviceId, call.user.id, report.value());
    if (!orders)
        return errorResponse(orders.error());
    if (orders.value().retire)
        qCInfo(lcApi).noquote() << "request" << call.request.requestId << "device" << call.user.deviceId
                                << "of" << call.user.id << "retired: it erases its data now";
    notifyConsole(QStringLiteral("devices"));
    return http::Response::json(200,
        { { QStringLiteral("status"), QStringLiteral("ok") },
            { QStringLiteral("fullSync"), orders.value().fullSync },
            { QStringLiteral("retire"), orders.value().retire } });
}

// GET /admin/devices?stuckHours=&q=[&stuck=1][&offset=&limit=]
http::Response ApiHandler::listDevices(const RouteCall &call)
{
    const auto hours = queryNumber(call.request, "stuckHours", 1, 24 * 365, m_ctx.options.deviceStuckHours);
    if (!hours)
        return badQuery("stuckHours", QStringLiteral("'stuckHours' is a whole number of hours, 1 to 8760."));
    // Paged when `limit` is given (the console asks for a screen at a time): stuck devices first.
    const bool paged = call.request.query.hasQueryItem(QStringLiteral("limit"));
    const auto limit = queryNumber(call.request, "limit", 1, 1000, 100);
    if (!limit)
        return badQuery("limit", QStringLiteral("'limit' is a whole number, 1 to 1000."));
    const auto offset = queryNumber(call.request, "offset", 0, std::numeric_limits<int>::max(), 0);
    if (!offset)
        return badQuery("offset", QStringLiteral("'offset' is a whole number, 0 or more."));
    const QString stuckOnly = call.request.query.queryItemValue(QStringLiteral("stuck"));
    if (!stuckOnly.isEmpty() && stuckOnly != QLatin1String("1") && stuckOnly != QLatin1String("0"))
        return badQuery("stuck", QStringLiteral("'stuck' is 1 (only stuck devices) or 0."));
    DeviceStore::PageQuery query;
    query.stuckAfterSeconds = qint64(*hours) * 3600;
    query.text = call.request.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded).left(200);
    query.stuckOnly = stuckOnly == QLatin1String("1");
    const bool counted = paged || query.stuckOnly;
    query.stuckFirst = counted;
    if (paged) {
        query.offset = *offset;
        query.limit = *limit;
    }
    auto page = m_ctx.devices.page(query, QDateTime::currentDateTimeUtc());
    if (!page)
        return errorResponse(page.error());
    const QList<DeviceRow> &rows = page.value().rows;
    // Written straight into bytes: 5,000 devices through QJsonObject took most of the request.
    QByteArray body;
    body.reserve(rows.size() * 400 + 96);
    body.append("{\"devices\":[");
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (i > 0)
            body.append(',');
        body.append(rows.at(i).toCompactJson());
    }
    body.append(']');
    if (counted) {
        body.append(",\"total\":").append(QByteArray::number(page.value().total));
        body.append(",\"matching\":").append(QByteArray::number(page.value().matching));
        body.append(",\"stuckTotal\":").append(QByteArray::number(page.value().stuckTotal));
        body.append(",\"offset\":").append(QByteArray::number(query.offset));
        body.append(",\"limit\":").append(QByteArray::number(paged ? query.limit : page.value().total));
    }
    body.append('}');
    return http::Response::rawJson(200, std::move(body));
}

// POST /admin/devices/{deviceId}/full-sync: the device's next report is answered "fullSync".
http::Response ApiHandler::fullSyncDevice(const RouteCall &call)
{
    const QString &deviceId = call.params.at(0);
    auto user = m_ctx.devices.requestFullSync(deviceId, call.user.id);
    if (!user)
        return errorResponse(user.error());
    Affected hint; // a push to the device's user brings its next cycle, and with it the report
    hint.users.insert(user.value());
    m_ctx.notifier.notify(hint);
    qCInfo(lcApi).noquote() << "request" << call.request.requestId << call.user.id
                            << "asked a full sync of device" << deviceId;
    notifyConsole(QStringLiteral("devices"));
    return ok(deviceId);
}

// POST /admin/devices/{deviceId}/sign-out: every session of the device ends, its WebSockets close.
http::Response ApiHandler::signOutDevice(const RouteCall &call)
{
    const QString &deviceId = call.params.at(0);
    auto sessions = m_ctx.devices.signOut(deviceId, call.user.id);
    if (!sessions)
        return errorResponse(sessions.error());
    m_ctx.notifier.closeSessions(sessions.value());
    qCInfo(lcApi).noquote() << "request" << call.request.requestId << call.user.id << "signed out device"
                            << deviceId << "(" << sessions.value().size() << "sessions)";
    notifyConsole(QStringLiteral("devices"));
    return ok(deviceId, { { QStringLiteral("sessions"), int(sessions.value().size()) } });
}

// POST /admin/devices/{deviceId}/retire: the device uploads what is pending, then erases.
http::Response ApiHandler::retireDevice(const RouteCall &call)
{
    const QString &deviceId = call.params.at(0);
    auto user = m_ctx.devices.retire(deviceId, call.user.id);
    if (!user)
        return errorResponse(user.error());
    Affected hint;
    hint.users.insert(user.value());
    m_ctx.notifier.notify(hint);
    qCInfo(lcApi).noquote() << "request" << call.request.requestId << call.user.id << "retires device"
                            << deviceId;
    notifyConsole(QStringLiteral("devices"));
    return ok(deviceId, { { QStringLiteral("wipeState"), QStringLiteral("retirePending") } });
}

// GET /admin/audit?deviceId=&user=&caseId=&limit=
http::Response ApiHandler::listAudit(const RouteCall &call)
{
    const auto limit = queryNumber(call.request, "limit", 1, 500, 100);
    if (!limit)
        return badQuery("limit", QStringLiteral("'limit' is a whole number, 1 to 500."));
    const QUrlQuery &query = call.request.query;
    DeviceStore::AuditQuery q;
    q.deviceId = query.queryItemValue(QStringLiteral("deviceId"), QUrl::FullyDecoded).left(200);
    q.user = query.queryItemValue(QStringLiteral("user"), QUrl::FullyDecoded).left(200);
    q.caseId = query.queryItemValue(QStringLiteral("caseId"), QUrl::FullyDecoded).left(200);
    q.limit = *limit;
    auto entries = m_ctx.devices.audit(q);
    if (!entries)
        return errorResponse(entries.error());
    return http::Response::json(200, { { QStringLiteral("entries"), entries.value() } });
}

void ApiHandler::notifyConsole(const QString &topic)
{
    m_ctx.notifier.notifyConsole(topic); // coalesced, and on every instance
}

} // namespace outpost::server
