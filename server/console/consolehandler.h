// SPDX-License-Identifier: MIT
#pragma once

#include "consolefiles.h"
#include "httptypes.h"

namespace outpost::server {

/// The operations console in front of the API: serves the console's files at /console/ (GET and
/// HEAD only; "/" and "/console" redirect there) with a strict Content-Security-Policy, ETags and
/// revalidation, and hands every other request to the API handler unchanged.
class ConsoleHandler : public http::Handler
{
public:
    /// The Content-Security-Policy of every console answer: scripts, styles and connections only
    /// from the server itself, no inline script or style, no plugins, never framed.
    static const QByteArray kContentSecurityPolicy;

    explicit ConsoleHandler(http::Handler &api, const ConsoleFiles &files);

    qint64 maxBodySize(const http::Request &head) const override;
    http::Response handle(const http::Request &request) override;
    std::variant<http::Subscriber, http::Response> acceptWebSocket(const http::Request &request) override;
    std::optional<http::Response> checkHead(const http::Request &head) override;
    bool writeLane(const http::Request &request) const override;
    bool stillSubscribed(const http::Subscriber &subscriber) override;

    /// Whether a path is the console's ("/", "/console" or below "/console/").
    static bool isConsolePath(const QString &path);

private:
    http::Response serve(const http::Request &request) const;

    http::Handler &m_api;
    const ConsoleFiles &m_files;
};

} // namespace outpost::server
