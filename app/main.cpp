// SPDX-License-Identifier: MIT
// outpost: the headless commands (`outpost sync`, `outpost status`, ...) run here; anything else
// loads the desktop app, the outpost-desktop module (app/desktopmain.cpp).
//
// Loading Qt Widgets, Qt Gui and the twenty libraries behind them costs every process ~18 ms before
// main() (measured: `outpost status` 76 → 56 ms on 50,000 cases), which scripts calling `outpost`
// in a loop pay for nothing; so this executable links only what the commands need.
#include "cli.h"
#include "privatefiles.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibrary>
#include <QStringList>

#include <cstdio>

namespace {

using DesktopMain = int (*)(int, char **);

/// Where the module is looked for: beside the executable (the build tree, Windows), then in the
/// installed library directory (Debian: /usr/lib/<triplet>/outpost).
QStringList moduleCandidates()
{
    QStringList dirs;
#ifdef Q_OS_LINUX
    const QFileInfo self(QStringLiteral("/proc/self/exe"));
    if (const QString exeDir = QFileInfo(self.symLinkTarget()).absolutePath(); !exeDir.isEmpty())
        dirs << exeDir;
#endif
#ifdef OUTPOST_DESKTOP_MODULE_DIR
    dirs << QStringLiteral(OUTPOST_DESKTOP_MODULE_DIR);
#endif
    QStringList out;
    for (const QString &dir : std::as_const(dirs))
        out << dir + QStringLiteral("/outpost-desktop");
    out << QStringLiteral("outpost-desktop"); // the system's search (Windows: the executable's folder)
    return out;
}

int runDesktopApp(int argc, char **argv)
{
    QString errors;
    for (const QString &candidate : moduleCandidates()) {
        QLibrary module(candidate);
        if (auto entry = reinterpret_cast<DesktopMain>(module.resolve("outpostDesktopMain")))
            return entry(argc, argv); // the module stays loaded until the process ends
        errors += QStringLiteral("\n  ") + module.errorString();
    }
    std::fprintf(stderr,
        "outpost: the desktop app cannot start: its module outpost-desktop is missing or damaged.%s\n"
        "Reinstall Outpost. Headless commands still work: outpost --profile DIR status, sync, ...\n",
        qPrintable(errors));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    // Settings, stores, caches and exports are for this user only (docs/security.md, *Files*).
    outpost::client::privatefiles::restrictNewFiles();
    // A command (signin, sync, status, case, outbox, ...; options may come first): the headless
    // CLI, without any GUI (no display needed).
    QStringList words;
    for (int i = 1; i < argc; ++i)
        words << QString::fromLocal8Bit(argv[i]);
    if (outpost::cli::isCliInvocation(words)) {
        QCoreApplication core(argc, argv);
        QCoreApplication::setOrganizationName(QStringLiteral("Outpost"));
        QCoreApplication::setApplicationName(QStringLiteral("outpost"));
        QCoreApplication::setApplicationVersion(QStringLiteral(OUTPOST_VERSION));
        return outpost::cli::runCli(QCoreApplication::arguments().mid(1));
    }
    return runDesktopApp(argc, argv);
}
