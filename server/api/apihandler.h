// SPDX-License-Identifier: MIT
#pragma once

#include "actionprocessor.h"
#include "adminstore.h"
#include "attachmentstore.h"
#include "httptypes.h"
#include "notifier.h"
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
    Notifier &notifier;
};

/// The HTTP API (/api/v1/...): routing, authentication, scope checks, error mapping. Stateless apart
/// from its context, so any number of worker threads call it at once.
class ApiHandler : public http::Handler
{
public:
    explicit ApiHandler(ApiContext context)
        : m_ctx(std::move(context))
    { }

    qint64 maxBodySize(const http::Request &head) const override;
    http::Response handle(const http::Request &request) override;
    std::variant<http::Subscriber, http::Response> acceptWebSocket(const http::Request &request) override;

    /// The protocol's HTTP status for an error code.
    static int statusFor(const QString &code);
    static http::Response errorResponse(const Error &e);

private:
    http::Response route(const http::Request &request, const QStringList &segments);
    Result<Principal> authenticate(const http::Request &request);

    // session & health (sessionroutes.cpp)
    http::Response signIn(const http::Request &request);
    http::Response signOut(const http::Request &request);
    // feed & actions (syncroutes.cpp)
    http::Response changes(const http::Request &request, const Principal &user);
    http::Response postActions(const http::Request &request, const Principal &user);
    // cases & attachments (caseroutes.cpp)
    http::Response getCase(const Principal &user, const QString &id, bool history);
    http::Response putAttachment(const http::Request &request, const Principal &user, const QString &id);
    http::Response getAttachment(const Principal &user, const QString &id);
    // administration (adminroutes.cpp)
    http::Response adminRoute(
        const http::Request &request, const Principal &user, const QStringList &segments);

    ApiContext m_ctx;
};

http::Response methodNotAllowed(const QByteArray &allowed);
Result<QJsonObject> jsonBody(const http::Request &request, bool emptyIsObject = false);

} // namespace outpost::server
