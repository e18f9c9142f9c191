// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcMain) // "outpost.server.main"

namespace outpost::cli {

/// Structured log lines on stderr: "<RFC 3339 UTC time> <level> <category> <message>", one per
/// line, written whole under a lock (several threads log at once). `level` is the least severe
/// level written: debug, info, warning or error.
void installLogHandler(const QString &level);

} // namespace outpost::cli
