// SPDX-License-Identifier: MIT
#pragma once

#include "options.h"

#include <QCommandLineParser>

namespace outpost::cli {

/// The option set every command shares: the server, user, device, data-page and case-type ones.
struct CommonOptions {
    QCommandLineOption db { QStringLiteral("db"),
        QStringLiteral("Database URL: sqlite:PATH or postgresql://USER@HOST:PORT/DB (default %1).")
            .arg(defaultDbUrl()),
        QStringLiteral("URL") };
    QCommandLineOption config { QStringLiteral("config"),
        QStringLiteral("INI configuration file; command-line flags override it."), QStringLiteral("FILE") };
    QCommandLineOption logLevel { QStringLiteral("log-level"),
        QStringLiteral("Least severe log level written to stderr: debug, info, warning, error."),
        QStringLiteral("LEVEL") };
    QCommandLineOption help { { QStringLiteral("h"), QStringLiteral("help") },
        QStringLiteral("Show this help and exit.") };

    void addTo(QCommandLineParser &p)
    {
        p.addOption(db);
        p.addOption(config);
        p.addOption(logLevel);
        p.addOption(help);
    }

    /// Config file first, then the common flags on top.
    Status apply(const QCommandLineParser &p, DaemonOptions *o)
    {
        if (p.isSet(config)) {
            if (Status s = readConfigFile(p.value(config), o); !s)
                return s;
        }
        if (p.isSet(db))
            o->dbUrl = p.value(db);
        if (p.isSet(logLevel)) {
            if (Status s = checkLogLevel(p.value(logLevel)); !s)
                return s;
            o->logLevel = p.value(logLevel);
        }
        return {};
    }
};

/// The parser's help with "Usage: <usage>" as its first line (instead of the binary's path).
inline QString helpWithUsage(const QCommandLineParser &p, const QString &usage)
{
    const QString text = p.helpText();
    return QStringLiteral("Usage: ") + usage + text.mid(text.indexOf(QLatin1Char('\n')));
}

} // namespace outpost::cli
