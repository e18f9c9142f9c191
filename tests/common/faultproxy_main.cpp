// SPDX-License-Identifier: MIT
// outpost_faultproxy: the test tree's FaultProxy (faultproxy.h) as a program, to put a faulty
// network between any client (the app, the CLI, a bench) and outpostd by hand:
//   outpost_faultproxy --target 127.0.0.1:8470 [--listen 0] [--rate 0.3] [--seed 1] [--stall-ms 1500]
//                      [--faults resetBeforeRequest,resetAfterAnswer,cutResponse,stall]
// Prints "faultproxy listening on PORT" once it listens, and the counts when it ends (SIGTERM, SIGINT).
#include "faultproxy.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <csignal>
#include <cstdio>

using outpost::testing::FaultProxy;

namespace {
void quitOnSignal(int)
{
    QCoreApplication::quit();
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({ "target", "where connections go", "HOST:PORT" });
    p.addOption({ "listen", "the port to listen on, on 127.0.0.1 (0: any free one)", "PORT", "0" });
    p.addOption({ "rate", "share of exchanges and WebSocket frames that break, 0..1", "R", "0.3" });
    p.addOption({ "seed", "the same seed breaks the same exchanges", "N", "1" });
    p.addOption({ "stall-ms", "how long a stall holds an answer", "MS", "1500" });
    p.addOption({ "faults", "the kinds to pick from, comma-separated", "LIST",
        "resetBeforeRequest,resetAfterAnswer,cutResponse,stall" });
    p.process(app);
    FaultProxy::Options o;
    const QString target = p.value("target");
    const qsizetype colon = target.lastIndexOf(QLatin1Char(':'));
    o.targetHost = target.left(colon);
    o.targetPort = quint16(target.mid(colon + 1).toUInt());
    o.listenPort = quint16(p.value("listen").toUInt());
    o.faultRate = p.value("rate").toDouble();
    o.seed = p.value("seed").toULongLong();
    o.stallMs = p.value("stall-ms").toInt();
    o.faults.clear();
    for (const QString &name : p.value("faults").split(QLatin1Char(','), Qt::SkipEmptyParts))
        for (FaultProxy::Fault f : FaultProxy::allFaults())
            if (FaultProxy::name(f) == name)
                o.faults.append(f);
    if (colon <= 0 || o.targetPort == 0 || o.faults.isEmpty()) {
        std::fprintf(stderr, "faultproxy: --target HOST:PORT and known --faults are required\n");
        return 2;
    }
    FaultProxy proxy;
    QString why;
    if (!proxy.start(o, &why)) {
        std::fprintf(stderr, "faultproxy: %s\n", qPrintable(why));
        return 2;
    }
    std::signal(SIGTERM, quitOnSignal);
    std::signal(SIGINT, quitOnSignal);
    std::printf("faultproxy listening on %d\n", proxy.port());
    std::fflush(stdout);
    const int rc = app.exec();
    std::printf("faultproxy: %s\n", qPrintable(proxy.counts().toString()));
    return rc;
}
