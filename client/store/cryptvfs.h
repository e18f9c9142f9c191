// SPDX-License-Identifier: MIT
// Internal to outpost_store: the SQLite VFS that encrypts the store's pages.
#pragma once

#include <QByteArray>
#include <QString>

namespace outpost::client::cryptvfs {

/// Every page of an encrypted store is 4,096 bytes, of which SQLite uses the first 4,056; the last
/// 40 ("reserved bytes", header byte 20) hold the page's nonce (12), its tag (16) and 12 spare
/// bytes (zero). On disk a page is AES-256-GCM ciphertext of those 4,056 bytes.
inline constexpr int PageSize = 4096;
inline constexpr int ReservedBytes = 40;
/// The VFS's name in SQLite's registry and in a store's URI ("file:…?vfs=outpost-cipher").
inline constexpr char Name[] = "outpost-cipher";

/// Registers the VFS with SQLite (once per process; thread-safe). False if that failed.
bool registerOnce();

/// A URI parameter for a database written from empty in one go (VACUUM INTO's copy): its
/// rollback journal is allowed, holding no page.
inline constexpr char FreshParameter[] = "outpost_fresh";

enum class UriMode { ReadWrite, ReadOnly, Fresh };
/// "file:///path/to/store.sqlite?vfs=outpost-cipher" for QSQLITE with QSQLITE_OPEN_URI.
QString uriFor(const QString &path, UriMode mode = UriMode::ReadWrite);

enum class FileState {
    Missing, ///< no file, or an empty one with no WAL: a new store
    Plain, ///< a plain SQLite file (a store from before encryption)
    Encrypted, ///< anything else: an encrypted store (or not a store at all)
};
FileState inspect(const QString &path);

/// Whether `key` decrypts the store at `path`: its first page, in the file or in the WAL. A store
/// with no page written yet is opened by any key.
bool keyOpens(const QString &path, const QByteArray &key);

} // namespace outpost::client::cryptvfs
