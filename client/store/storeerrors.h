// SPDX-License-Identifier: MIT
// Errors of the store that people meet: a full disk said in their words, recognised by SQLite's
// result code or the system's errno, never by the text of a message.
#pragma once

#include "result.h"

#include <QString>

class QSqlError;

namespace outpost::client {

/// SQLite's SQLITE_FULL as Qt's QSQLITE driver reports it (QSqlError::nativeErrorCode() "13").
bool isDiskFull(const QSqlError &error);
/// A SQLite result code, primary or extended, that is SQLITE_FULL.
bool isSqliteFull(int resultCode);
/// The errno of a failed write that says the file system has no room: ENOSPC, or EDQUOT (the
/// user's quota is used up, which is the same to them).
bool isNoSpace(int errnum);
/// What a full disk tells the user (what happened, what to do), code DiskFullCode ("disk_full":
/// a store_io of its own, so that screens and scripts can tell it apart). `detail` (the driver's or the
/// system's text, the statement) goes to the log only.
Error diskFullError(const QString &detail);
/// True for a disk_full error.
bool isDiskFull(const Error &error);

} // namespace outpost::client
