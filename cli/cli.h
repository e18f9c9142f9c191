// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace outpost::cli {

/// Exit codes a script can rely on.
enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1,
    ExitUsage = 2,
    ExitValidation = 3, // the input broke the case type's rules; nothing was written
    ExitOffline = 4, // the server cannot be reached
    ExitSignInRequired = 5, // no session, or it expired
};

/// Whether `word` (argv[1]) names a command of the headless CLI.
bool isCliCommand(const QString &word);

/// Runs one command. `args` are the arguments after the program name, e.g. {"case", "list", "--json"}.
/// Creates a QCoreApplication if none exists; network work runs in its normal event loop.
int runCli(const QStringList &args);

} // namespace outpost::cli
