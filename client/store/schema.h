// SPDX-License-Identifier: MIT
#pragma once

#include "result.h"

#include <QSqlDatabase>

namespace outpost::client::schema {

/// The schema version this build writes.
int currentVersion();

/// Reads PRAGMA user_version.
int versionOf(const QSqlDatabase &db);

/// Runs the migration steps from the store's version up to `target`, each step in its own
/// transaction (the step and the new user_version commit together). Tests use a lower target to
/// create a store as an earlier version wrote it.
Status migrate(const QSqlDatabase &db, int target = currentVersion());

} // namespace outpost::client::schema
