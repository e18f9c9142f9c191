// SPDX-License-Identifier: MIT
// `outpost-cli`: the headless command line on its own, for tests and scripts until (and besides)
// the desktop app's `outpost <command>`.
#include "cli.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Outpost"));
    QCoreApplication::setApplicationName(QStringLiteral("outpost"));
    return outpost::cli::runCli(QCoreApplication::arguments().mid(1));
}
