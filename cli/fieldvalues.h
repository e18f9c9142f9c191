// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/casetype.h"
#include "result.h"

#include <QJsonObject>
#include <QStringList>

namespace outpost::cli {

/// Turns FIELD=VALUE words into typed JSON values by the case type's field types: numbers, bools
/// (true/false, yes/no, 1/0), dates (YYYY-MM-DD), date-times (RFC 3339, stored as UTC), text for
/// text/choice/lookup. "FIELD=" clears a field. Unknown fields or unreadable values → Error
/// "validation_failed" with a message per field; nothing is guessed.
Result<QJsonObject> parseFieldValues(const CaseType &type, const QStringList &assignments);

} // namespace outpost::cli
