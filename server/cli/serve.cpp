// SPDX-License-Identifier: MIT
#include "commands.h"
#include "consolehandler.h"
#include "httpserver.h"
#include "logsetup.h"
#include "serviceoptions.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QUrl>

#include <chrono>
#include <csignal>
#include <cstdio>

#include <pthread.h>

namespace outpost::cli {

QString redactedDbUrl(const QString &url)
{
    if (!url.startsWith(QLatin1String("postgres")))
        return url;
    QUrl u(url);
    if (!u.password().isEmpty())
        u.setPassword(QStringLiteral("***"));
    return u.toString();
}

int runServer(const DaemonOptions &o)
{
    // The demo users' passwords are their names: never on an address others can reach.
    const bool loopback = o.host == QLatin1String("localhost") || QHostAddress(o.host).isLoopback();
    if (o.demo && !loopback) {
        std::fprintf(stderr,
            "outpostd: --demo seeds users whose passwords are their names; it listens on loopback only "
            "(127.0.0.1, ::1 or localhost), not on %s\n",
            qPrintable(o.host));
        return ExitUsage;
    }
    http::ServerOptions ho;
    ho.host = o.host;
    ho.port = o.port;
    ho.workerThreads = o.workers;
    // One upload more than may write at once (when one may wait at the write gate): it
    // authenticates and parses its batch while the other writes (SQLite has one writer per file).
    const bool sqlite = o.dbUrl.isEmpty() || o.dbUrl.startsWith(QLatin1String("sqlite:"));
    ho.writeLaneThreads = (sqlite ? 1 : std::max(1, o.writers)) + (o.queuedWrites > 0 ? 1 : 0);
    ho.maxConnectionsPerAddress = o.maxConnectionsPerAddress;
    ho.maxWebSocketsPerUser = o.maxWebSocketsPerUser;
    ho.compressionLevel = o.compressionLevel;
    ho.webSocketRecheckMs = o.webSocketRecheckMs;
    ho.tlsCertFile = o.tlsCert;
    ho.tlsKeyFile = o.tlsKey;
    ho.tlsChainFile = o.tlsChain;
    ho.tlsHandshakeTimeoutMs = o.tlsHandshakeTimeoutMs;
    if (ho.tls()) {
        // Before the database: a certificate that cannot be served is a configuration error.
        const auto tls = http::HttpServer::checkTls(ho);
        if (!tls) {
            qCCritical(lcMain).noquote() << "cannot use the TLS certificate:" << tls.error().message;
            std::fprintf(stderr, "outpostd: %s\n", qPrintable(tls.error().message));
            return ExitUsage;
        }
        for (const QString &warning : tls.value())
            qCWarning(lcMain).noquote() << warning;
    }

    const server::ServiceOptions so = serviceOptions(o);
    qCInfo(lcMain).noquote() << "outpostd" << OUTPOST_VERSION << "starting; database"
                             << redactedDbUrl(so.dbUrl);
    auto opened = server::Service::open(so);
    if (!opened) {
        qCCritical(lcMain).noquote() << "cannot open the database:" << opened.error().toString();
        std::fprintf(stderr, "outpostd: cannot open the database %s: %s\n",
            qPrintable(redactedDbUrl(so.dbUrl)), qPrintable(opened.error().toString()));
        return opened.error().code == QLatin1String("bad_config") ? ExitUsage : ExitFailure;
    }
    std::unique_ptr<server::Service> service = std::move(opened).value();

    if (o.demo) {
        QElapsedTimer t;
        t.start();
        if (Status s = service->seedDemo(o.demoCases, o.demoHistory); !s) {
            qCCritical(lcMain).noquote() << "cannot seed the demo data:" << s.error().toString();
            std::fprintf(
                stderr, "outpostd: cannot seed the demo data: %s\n", qPrintable(s.error().toString()));
            return ExitFailure;
        }
        qCInfo(lcMain).noquote() << "demo data ready (" << o.demoCases << "cases requested) in" << t.elapsed()
                                 << "ms";
    }

    // The console's files at /console/ in front of the API, on the same listener.
    const server::ConsoleFiles consoleFiles;
    server::ConsoleHandler console(service->handler(), consoleFiles);
    http::HttpServer server(ho, console);
    const auto port = server.listen();
    if (!port) {
        qCCritical(lcMain).noquote() << "cannot listen on" << o.host << o.port << ":"
                                     << port.error().toString();
        std::fprintf(stderr, "outpostd: cannot listen on %s:%u: %s\n", qPrintable(o.host), unsigned(o.port),
            qPrintable(port.error().toString()));
        return port.error().code == QLatin1String("tls_config") ? ExitUsage : ExitFailure;
    }
    service->setNotifyHub(&server.hub());
    service->startPruning();

    const QString host
        = o.host.contains(QLatin1Char(':')) ? QLatin1Char('[') + o.host + QLatin1Char(']') : o.host;
    const QString address = QStringLiteral("%1://%2:%3")
                                .arg(ho.tls() ? QStringLiteral("https") : QStringLiteral("http"), host)
                                .arg(port.value());
    qCInfo(lcMain).noquote() << "listening on" << address << "with" << o.workers << "workers";
    std::printf("outpostd listening on %s\n", qPrintable(address));
    std::fflush(stdout);

    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
    int signal = 0;
    for (;;) {
        if (sigwait(&set, &signal) != 0)
            continue;
        if (signal != SIGHUP)
            break;
        // SIGHUP: a renewed certificate is picked up without a restart (new connections use it).
        if (!ho.tls()) {
            qCInfo(lcMain) << "SIGHUP: nothing to reload (TLS is not configured)";
            continue;
        }
        const auto reloaded = server.reloadTls();
        if (!reloaded) {
            qCCritical(lcMain).noquote()
                << "SIGHUP: keeping the current TLS certificate:" << reloaded.error().message;
            continue;
        }
        for (const QString &warning : reloaded.value())
            qCWarning(lcMain).noquote() << warning;
    }
    qCInfo(lcMain).noquote() << "received" << (signal == SIGTERM ? "SIGTERM" : "SIGINT")
                             << "; draining requests (up to 10 s)";
    server.shutdown(std::chrono::seconds(10));
    service->setNotifyHub(nullptr);
    service.reset();
    qCInfo(lcMain) << "stopped cleanly";
    return ExitOk;
}

} // namespace outpost::cli
