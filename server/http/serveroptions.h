// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace outpost::http {

/// Tuning of the transport. The defaults suit a production service; tests shrink the timeouts.
struct ServerOptions {
    QString host = QStringLiteral("127.0.0.1"); // IPv4/IPv6 literal or "localhost"
    quint16 port = 0; // 0 = ephemeral
    int ioThreads = 2; // threads reading and writing sockets
    int workerThreads = 8; // threads running Handler::handle / acceptWebSocket
    int headerTimeoutMs = 15000; // slow or idle client sending a request head
    int bodyTimeoutMs = 60000; // slow body upload (also bounds a slow response download)
    int keepAliveTimeoutMs = 30000; // idle keep-alive connection between requests
    int maxHeaderBytes = 16 * 1024; // request line + headers; beyond → 431
    QString webSocketPath = QStringLiteral("/api/v1/notify");
    int webSocketPingMs = 30000; // ping an idle WebSocket this often; no answer → close
    int webSocketQueueLimit = 64; // pending pushes per subscriber before it is dropped
    int webSocketRecheckMs
        = 60000; // how often an open WebSocket's session is checked (Handler::stillSubscribed)
    int maxWebSocketsPerUser = 8; // more upgrades of the same user get 429
    int compressionLevel = 6; // zlib level of answers to clients that accept gzip/deflate; 0: never
    int maxConnectionsPerAddress
        = 128; // open connections from one source address; more are closed at once (0: no cap)
    // The upload lane: requests the handler names (Handler::writeLane, e.g. uploads) run on threads of
    // their own, in the order they came, instead of on the workers. Waiting for a lane thread holds no
    // thread, only the request; so a crowd of uploads queues up instead of parking the workers on the
    // database's write lock (or being refused by it) and feed polls keep their workers.
    int writeLaneThreads = 0; // 0: no lane, every request runs on the workers
    int writeLaneQueue = 64; // lane requests waiting for a thread; one more is answered 503 busy at once

    // TLS: with a certificate and key the one listener speaks HTTPS and WSS only (no plain HTTP).
    QString tlsCertFile; // PEM: the certificate, optionally followed by its intermediates
    QString tlsKeyFile; // PEM: its private key (unencrypted)
    QString tlsChainFile; // optional PEM: intermediates, when not in tlsCertFile
    int tlsHandshakeTimeoutMs = 10000; // a TLS handshake not done by then is closed (slowloris)

    bool tls() const { return !tlsCertFile.isEmpty() || !tlsKeyFile.isEmpty(); }
};

} // namespace outpost::http
