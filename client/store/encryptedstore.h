// SPDX-License-Identifier: MIT
// Internal to outpost_store: opening the store's file encrypted (see cryptvfs.h).
#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QString>

struct sqlite3;

namespace outpost::client::encryptedstore {

/// The SQLite handle of an open QSQLITE connection (the SQLite the process links), or null.
sqlite3 *sqliteHandle(const QSqlDatabase &db);

/// Everything before a connection may open the store at `path`: the cipher VFS is registered, a
/// key for the store is remembered (StoreKeys), a store from before encryption is encrypted
/// (with its pending work), and the key opens the file. Errors: "store_locked" (no key, or not
/// this store's key), "store_io".
Status unlock(const QString &path);

/// Adds a QSQLITE connection `name` on the encrypted store at `path`; `options` are more
/// QSQLITE connect options (busy timeout, read-only).
QSqlDatabase addConnection(
    const QString &name, const QString &path, const QString &options, bool readOnly = false);

/// After the connection opened: temporary data in memory, and a new (empty) file laid out for
/// the cipher (page size, reserved bytes) and switched to WAL without a rollback journal.
/// Returns the journal mode ("wal").
Result<QString> prepare(const QSqlDatabase &db);

} // namespace outpost::client::encryptedstore
