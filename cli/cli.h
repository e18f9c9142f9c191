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
    ExitNotReady = 6, // `outpost ready`: not ready to go offline (each reason printed)
};

/// Whether `word` (argv[1]) names a command of the headless CLI.
bool isCliCommand(const QString &word);
/// Whether the arguments (without the program name) ask for the command line rather than the
/// desktop app: a word that is not an option or an option's value (a command, or an unknown word
/// the command line then reports), or --json. `outpost --profile DIR --server URL` opens the app;
/// `outpost --profile DIR status` and `outpost cases` are commands.
bool isCliInvocation(const QStringList &args);

/// Runs one command. `args` are the arguments after the program name, e.g. {"case", "list", "--json"}.
/// Creates a QCoreApplication if none exists; network work runs in its normal event loop.
int runCli(const QStringList &args);

/// The commands and their options, as `outpost --help` and a usage error print them.
QString usageText();

} // namespace outpost::cli
