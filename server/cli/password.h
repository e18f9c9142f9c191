// SPDX-License-Identifier: MIT
#pragma once

#include "result.h"

#include <QString>

namespace outpost::cli {

/// A new password: the first line of stdin when `fromStdin`, otherwise prompted twice on the
/// terminal with echo off. Never echoed, never logged. Errors: "usage" (no terminal and no
/// --password-stdin, empty password, mismatch).
Result<QString> readNewPassword(bool fromStdin);

} // namespace outpost::cli
