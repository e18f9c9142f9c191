// SPDX-License-Identifier: MIT
#pragma once

#include "httptypes.h"
#include "result.h"
#include "serveroptions.h"

#include <QStringList>

#include <chrono>
#include <memory>

namespace outpost::http {

/// The HTTP/1.1 + WebSocket transport of outpostd (Boost.Beast underneath, hidden here).
/// ioThreads threads run the sockets; Handler::handle and Handler::acceptWebSocket run on a pool
/// of workerThreads threads, so a handler blocking on the database never stalls other clients.
/// No Qt event loop is needed on any of these threads.
class HttpServer
{
public:
    /// The handler must outlive the server (or at least shutdown()).
    HttpServer(ServerOptions options, Handler &handler);
    ~HttpServer(); // shuts down (without drain time) if still running

    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    /// Binds (IPv4/IPv6 literal or "localhost") and starts the threads: the bound port, or an
    /// error "listen_failed" saying why (address in use, bad address, ...). Only once per server.
    /// With ServerOptions::tls() the port speaks HTTPS/WSS only; a certificate or key that cannot
    /// be used is the error "tls_config" (see checkTls()).
    Result<quint16> listen();

    /// Loads the TLS certificate and key of `options` as listen() would: the warnings an
    /// administrator should see (a key readable by every user, a certificate expiring soon), or
    /// the error "tls_config" naming the file and the problem. For a check at start-up.
    static Result<QStringList> checkTls(const ServerOptions &options);

    /// Loads the certificate and key files again (e.g. renewed, on SIGHUP): new connections use
    /// them, open ones keep theirs. On an error the server keeps serving the old ones.
    Result<QStringList> reloadTls();

    /// Thread-safe pushes to WebSocket subscribers; never blocks on a socket.
    NotifyHub &hub();

    /// Graceful stop (for SIGTERM): stop accepting, close idle keep-alive connections, let
    /// requests in flight finish for up to `drain`, then close every connection (WebSockets with
    /// "going away") and join all threads. When it returns no handler is running; a handler still
    /// busy after `drain` is waited for, its response dropped.
    void shutdown(std::chrono::milliseconds drain);

    /// Requests between "head read" and "response written or dropped".
    int inFlight() const;
    /// Open connections (HTTP and WebSocket).
    int connectionCount() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace outpost::http
