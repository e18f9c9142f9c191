// SPDX-License-Identifier: MIT
#pragma once

#include "result.h"

class QSqlDatabase;

namespace outpost::sql {

/// `PRAGMA journal_mode = WAL` on an open SQLite connection; the resulting mode ("wal" on success).
///
/// Switching a file's journal mode needs its exclusive lock, and SQLite refuses at once, without its
/// busy handler, when two connections ask together (each holds a shared lock and waits for the
/// other's). Two outpostd instances starting on one new file, or the app's connections opening one
/// store at sign-in, met that as "database is locked". So a busy answer is tried again, for up to
/// `timeoutMs`.
Result<QString> enableWal(const QSqlDatabase &db, int timeoutMs = 5000);

} // namespace outpost::sql
