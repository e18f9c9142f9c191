// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace outpost::cli {

/// Removes anything that looks like a secret (bearer tokens, token=/password=/secret=/verifier=
/// values, PBKDF2 verifiers) from text bound for a diagnostics file.
QString redactSecrets(QString text);

} // namespace outpost::cli
