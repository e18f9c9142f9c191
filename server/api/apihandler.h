// SPDX-License-Identifier: MIT
#pragma once

#include "actionprocessor.h"
#include "adminstore.h"
#include "attachmentstore.h"
#include "devicestore.h"
#include "dispatchstore.h"
#include "httptypes.h"
#include "notifier.h"
#include "passwordpool.h"
#include "router.h"
#include "service.h"
#include "userstore.h"

namespace outpost::server {

/// Everything the routes need; owned by the Service.
struct ApiContext {
    ServiceOptions options;
    Database &db;
    UserStore &users;
    ActionProcessor &actions;
    AdminStore &admin;
    AttachmentStore &attachments;
    DeviceStore &devices;
    DispatchStore &dispatch;
    Notifier &notifier;
    SignInThrottle &throttle;
    PasswordPool &passwords;
};

/// The HTTP API (/api/v1/...): routing, authentication, role checks, error mapping; the stores check
/// scope. Stateless apart from its context, so any number of worker threads call it at once.
class ApiHandler : public http::Handler
{
public:
    explicit ApiHandler(ApiContext context)
        : m_ctx(std::move(context))
    { }

    qint64 maxBodySize(const http::Request &head) const override;
    http::Response handle(const http::Request &request) override;
    std::variant<http::Subscriber, http::Response> acceptWebSocket(const http::Request &request) override;
    std::optional<http::Response> checkHead(const http::Request &head) override;
    bool writeLane(const http::Request &request) const override;
    bool stillSubscribed(const http::Subscriber &subscriber) override;

    /// The protocol's HTTP status for an error code.
    static int statusFor(const QString &code);
    static http::Response errorResponse(const Error &e);
    /// Every route of the API as "METHOD pattern" below /api/v1 ("GET cases/{id}"): what the
    /// security suite's route matrix must cover.
    static QStringList routeList() { return routes().describe(); }

private:
    /// The route table (routes.cpp): every endpoint with its method, path, access and handler.
    static const Router &routes();
    http::Response route(const http::Request &request, const QStringList &segments);
    Result<Principal> authenticate(const http::Request &request);
    static QByteArray bearerToken(const http::Request &request);
    /// The caller's address for throttling: the peer's, or X-Forwarded-For's last from a trusted proxy.
    QString clientAddress(const http::Request &request) const;

    // health & session (sessionroutes.cpp)
    http::Response health(const RouteCall &call);
    http::Response signIn(const RouteCall &call);
    http::Response signOut(const RouteCall &call);
    /// The sign-in checks POST /session and POST /console/session share (throttle, wiped device,
    /// password on the hashing pool, disabled account): the user, or the answer that refuses them.
    std::variant<Principal, http::Response> checkPassword(const http::Request &request,
        const QString &username, const QString &password, const QString &deviceId,
        std::optional<PasswordHash> *rehash);
    // the operations console's session: cookie + CSRF token (consolesessionroutes.cpp)
    http::Response openConsoleSession(const RouteCall &call);
    http::Response getConsoleSession(const RouteCall &call);
    http::Response endConsoleSession(const RouteCall &call);
    // feed, actions & notifications (syncroutes.cpp)
    /// 409 client_too_old when a case type needs a feature the client did not declare.
    std::optional<http::Response> refuseUnknownFeatures(const http::Request &request);
    http::Response changes(const RouteCall &call);
    http::Response postActions(const RouteCall &call);
    http::Response notifyWithoutUpgrade(const RouteCall &call);
    // cases & attachments (caseroutes.cpp)
    http::Response getCase(const RouteCall &call);
    http::Response getCaseHistory(const RouteCall &call);
    http::Response caseResponse(const Principal &user, const QString &id, bool history);
    http::Response putAttachment(const RouteCall &call);
    http::Response getAttachment(const RouteCall &call);
    // administration (adminroutes.cpp)
    http::Response forceFullSync(const RouteCall &call);
    http::Response listSyncIssues(const RouteCall &call);
    http::Response reapplySyncIssue(const RouteCall &call);
    http::Response publishCaseType(const RouteCall &call);
    http::Response purgeCase(const RouteCall &call);
    http::Response wipeDevice(const RouteCall &call);
    http::Response discardSyncIssue(const RouteCall &call);
    // devices and the audit (deviceroutes.cpp)
    http::Response putDevice(const RouteCall &call);
    http::Response listDevices(const RouteCall &call);
    http::Response fullSyncDevice(const RouteCall &call);
    http::Response signOutDevice(const RouteCall &call);
    http::Response retireDevice(const RouteCall &call);
    http::Response listAudit(const RouteCall &call);
    /// The console's live hint for a topic ("devices", "syncIssues").
    void notifyConsole(const QString &topic);
    // case types & data pages (refdataroutes.cpp)
    http::Response listCaseTypes(const RouteCall &call);
    http::Response getCaseType(const RouteCall &call);
    http::Response checkCaseType(const RouteCall &call);
    http::Response listDataPages(const RouteCall &call);
    http::Response exportDataPage(const RouteCall &call);
    http::Response importDataPage(const RouteCall &call);

    // dispatch: the console's case list, details, new cases, assignments (dispatchroutes.cpp)
    http::Response listCases(const RouteCall &call);
    http::Response caseDetails(const RouteCall &call);
    http::Response createCase(const RouteCall &call);
    http::Response reassignCase(const RouteCall &call);
    http::Response assignCases(const RouteCall &call);
    http::Response listAssignees(const RouteCall &call);
    // users (userroutes.cpp)
    http::Response listUsers(const RouteCall &call);
    http::Response addUser(const RouteCall &call);
    http::Response updateUser(const RouteCall &call);
    http::Response resetPassword(const RouteCall &call);
    /// After cases changed: the usual hints, and the console's "cases".
    void casesChanged(const Affected &affected);

    ApiContext m_ctx;
};

http::Response methodNotAllowed(const QByteArray &allowed);
Result<QJsonObject> jsonBody(const http::Request &request, bool emptyIsObject = false);

} // namespace outpost::server
