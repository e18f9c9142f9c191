// SPDX-License-Identifier: MIT
#pragma once

#include "options.h"

namespace outpost::cli {

/// Exit codes of outpostd.
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2, ExitInvalid = 3 };

/// Runs the service until SIGTERM or SIGINT. SIGTERM and SIGINT must already be blocked in the
/// calling thread (before any thread was created), so that every thread inherits the mask and
/// this thread alone receives them with sigwait(). Prints "outpostd listening on http://HOST:PORT"
/// on stdout once the port is bound.
int runServer(const DaemonOptions &options);

/// `outpostd user add|passwd|list|disable|enable`, `outpostd device list|wipe|unwipe`.
int runUserCommand(const Invocation &invocation);

/// `outpostd data-page import|export`, `outpostd case-type put` (refdatacommands.cpp). Exit 3 when
/// the file is refused (every problem printed as FILE:LINE:COLUMN: message), nothing changed.
int runRefDataCommand(const Invocation &invocation);

} // namespace outpost::cli
