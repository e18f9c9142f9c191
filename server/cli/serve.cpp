// SPDX-License-Identifier: MIT
#include "commands.h"
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
        if (Status s = service->seedDemo(o.demoCases); !s) {
            qCCritical(lcMain).noquote() << "cannot seed the demo data:" << s.error().toString();
            std::fprintf(
                stderr, "outpostd: cannot seed the demo data: %s\n", qPrintable(s.error().toString()));
            return ExitFailure;
        }
        qCInfo(lcMain).noquote() << "demo data ready (" << o.demoCases << "cases requested) in" << t.elapsed()
                                 << "ms";
    }

    http::ServerOptions ho;
    ho.host = o.host;
    ho.port = o.port;
    ho.workerThreads = o.workers;
    ho.maxConnectionsPerAddress = o.maxConnectionsPerAddress;
    ho.maxWebSocketsPerUser = o.maxWebSocketsPerUser;
    ho.webSocketRecheckMs = o.webSocketRecheckMs;
    http::HttpServer server(ho, service->handler());
    const auto port = server.listen();
    if (!port) {
        qCCritical(lcMain).noquote() << "cannot listen on" << o.host << o.port << ":"
                                     << port.error().toString();
        std::fprintf(stderr, "outpostd: cannot listen on %s:%u: %s\n", qPrintable(o.host), unsigned(o.port),
            qPrintable(port.error().toString()));
        return ExitFailure;
    }
    service->setNotifyHub(&server.hub());
    service->startPruning();

    const QString host
        = o.host.contains(QLatin1Char(':')) ? QLatin1Char('[') + o.host + QLatin1Char(']') : o.host;
    const QString address = QStringLiteral("http://%1:%2").arg(host).arg(port.value());
    qCInfo(lcMain).noquote() << "listening on" << address << "with" << o.workers << "workers";
    std::printf("outpostd listening on %s\n", qPrintable(address));
    std::fflush(stdout);

    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    int signal = 0;
    while (sigwait(&set, &signal) != 0) { }
    qCInfo(lcMain).noquote() << "received" << (signal == SIGTERM ? "SIGTERM" : "SIGINT")
                             << "; draining requests (up to 10 s)";
    server.shutdown(std::chrono::seconds(10));
    service->setNotifyHub(nullptr);
    service.reset();
    qCInfo(lcMain) << "stopped cleanly";
    return ExitOk;
}

} // namespace outpost::cli
