// SPDX-License-Identifier: MIT
// outpostd: the Outpost sync service. See docs/operations.md.
#include "cli/commands.h"
#include "cli/logsetup.h"
#include "cli/options.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>

#include <pthread.h>

int main(int argc, char **argv)
{
    // Before any thread exists: every thread inherits the mask, so only the main thread's
    // sigwait() ever sees SIGTERM / SIGINT / SIGHUP (reloads the TLS certificate).
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);

    QCoreApplication app(argc, argv); // QtSql drivers need it; the main thread never runs exec()
    QCoreApplication::setApplicationName(QStringLiteral("outpostd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OUTPOST_VERSION));

    using namespace outpost::cli;
    const auto parsed = parseCommandLine(QCoreApplication::arguments());
    if (!parsed) {
        std::fprintf(stderr, "outpostd: %s\nTry 'outpostd --help'.\n", qPrintable(parsed.error().message));
        return ExitUsage;
    }
    const Invocation &inv = parsed.value();
    switch (inv.command) {
    case Command::Help:
        std::printf("%s", qPrintable(inv.helpText));
        return ExitOk;
    case Command::Version:
        std::printf("outpostd %s (protocol 1)\n", OUTPOST_VERSION);
        return ExitOk;
    case Command::Serve:
        installLogHandler(inv.options.logLevel);
        return runServer(inv.options);
    case Command::DataPageImport:
    case Command::DataPageExport:
    case Command::CaseTypePut:
        installLogHandler(inv.options.logLevel);
        return runRefDataCommand(inv);
    default:
        installLogHandler(inv.options.logLevel);
        return runUserCommand(inv);
    }
}
