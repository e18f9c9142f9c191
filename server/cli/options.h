// SPDX-License-Identifier: MIT
#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

namespace outpost::cli {

/// What one outpostd invocation asks for.
enum class Command {
    Serve,
    UserAdd,
    UserPasswd,
    UserList,
    UserDisable,
    UserEnable,
    DeviceWipe,
    DeviceUnwipe,
    DeviceList,
    DataPageImport,
    DataPageExport,
    CaseTypePut,
    Help,
    Version
};

/// Everything the service needs to run, after defaults, the config file and the flags (in that
/// order of precedence, flags last).
struct DaemonOptions {
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8470;
    QString dbUrl; // empty → defaultDbUrl()
    QString attachmentsDir; // empty → the service's default
    int workers = 16; // writers wait on each other (one change sequence); spare workers keep reads fast
    int writers = 2; // write transactions at once (the rest wait, up to queuedWrites, or get 503 busy)
    int queuedWrites = 8;
    int tokenTtlMinutes = 12 * 60;
    qint64 maxJsonBytes = 1 << 20;
    qint64 maxAttachmentBytes = 20 << 20;
    int pbkdf2Iterations = 600000;
    int minPasswordLength = 12; // for passwords set by `user add` / `user passwd`
    int hashThreads = 2; // threads hashing passwords at sign-in
    int hashQueue = 4; // sign-ins waiting for them; more get 503 busy
    int signInUserFailures = 5; // failed sign-ins of one user before exponential delays (then 429)
    int signInAddressFailures = 20; // the same per source address
    QStringList trustedProxies; // peers whose X-Forwarded-For names the client
    int maxConnectionsPerAddress = 128; // open connections from one address (0: no cap)
    int maxWebSocketsPerUser = 8;
    int compressionLevel = 6; // zlib level of compressed answers (0: never compress)
    int webSocketRecheckMs = 60000; // how often an open WebSocket's session is checked
    int retentionDays = 30; // feed history for delta syncs; older tokens get a full sync
    int offlineDays = 7; // how long a device may sign in offline after its last contact (0: never)
    int deviceStuckHours = 24; // pending work and no successful sync this long: a stuck device
    QString tlsCert; // PEM certificate (+ intermediates): serve HTTPS/WSS only; empty: plain HTTP
    QString tlsKey; // its PEM private key
    QString tlsChain; // optional PEM intermediates
    int tlsHandshakeTimeoutMs = 10000; // a TLS handshake not done by then is closed
    QString logLevel = QStringLiteral("info"); // debug | info | warning | error
    bool demo = false;
    int demoCases = 300;
    int demoHistory = 0; // history entries per demo case (--demo-history)
};

/// A parsed command line.
struct Invocation {
    Command command = Command::Serve;
    DaemonOptions options;
    QString helpText; // for Command::Help
    // user add / passwd / list
    QString userId;
    QString deviceId; // device wipe|unwipe
    QString displayName;
    QString role = QStringLiteral("technician");
    QStringList queues;
    bool passwordFromStdin = false;
    bool json = false;
    // data-page import|export, case-type put
    QString dataPage;
    QString file;
    bool dryRun = false; // data-page import --dry-run, case-type put --check
};

/// "sqlite:<GenericDataLocation>/outpostd/outpostd.sqlite".
QString defaultDbUrl();

/// "HOST:PORT" or "[IPv6]:PORT" → host and port; an Error naming the problem otherwise.
Status parseListen(const QString &text, QString *host, quint16 *port);

/// Reads the INI config file into `options`: keys listen, db, attachments, workers, writers,
/// queued_writes, token_ttl_minutes, max_json_bytes, max_attachment_bytes, pbkdf2_iterations,
/// retention_days, offline_days, log_level, min_password_length, hash_threads, hash_queue,
/// signin_user_failures, signin_address_failures, trusted_proxies (comma-separated IPs),
/// max_connections_per_address, max_websockets_per_user, tls_cert, tls_key, tls_chain (relative
/// paths are taken from the config file's folder). Unknown keys, wrong types and unreadable files are
/// errors (code "bad_config").
Status readConfigFile(const QString &path, DaemonOptions *options);

/// "debug", "info", "warning" or "error"; a usage error otherwise.
Status checkLogLevel(const QString &level);

/// `outpostd data-page import|export NAME FILE`, `outpostd case-type put FILE` (refdataoptions.cpp).
Result<Invocation> parseRefDataCommand(const QStringList &arguments);

/// Parses argv (including argv[0]). Errors have code "usage" or "bad_config"; both mean exit 2.
Result<Invocation> parseCommandLine(const QStringList &arguments);

} // namespace outpost::cli
