// SPDX-License-Identifier: MIT
#include "fuzzsupport.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

namespace outpost::fuzz {

namespace {

void quiet(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "qFatal: %s\n", qPrintable(message));
        std::abort();
    }
}

} // namespace

void init(int *argc, char ***argv)
{
    qInstallMessageHandler(quiet);
    // libFuzzer's own flags stay in argv; QCoreApplication ignores what it does not know.
    static QCoreApplication app(*argc, *argv);
}

void fail(const char *what)
{
    std::fprintf(stderr, "fuzz property broken: %s\n", what);
    std::abort();
}

} // namespace outpost::fuzz
