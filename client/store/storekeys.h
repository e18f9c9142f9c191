// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace outpost::client {

/// The keys that unlock encrypted stores in this process, by store path.
///
/// A store and its attachment cache are encrypted with a random 256-bit key that lives only in
/// the OS keychain (one entry per user and server, see sync::StoreKeyJob). Whoever read it from
/// the keychain remembers it here before LocalStore::open(); every connection on that file, on any
/// thread, then finds it (SQLite's VFS looks the key up by the file it opens). Forgotten at
/// sign-out and wipe. Thread-safe.
class StoreKeys
{
public:
    static constexpr int KeyBytes = 32;

    /// A new random key (libsodium's CSPRNG).
    static QByteArray generate();
    /// `key` (KeyBytes long) unlocks the store at `storePath` from now on.
    static void remember(const QString &storePath, const QByteArray &key);
    /// Overwrites and drops the key of `storePath`.
    static void forget(const QString &storePath);
    static bool has(const QString &storePath);
    /// The key remembered for `storePath` (or for the store a -wal file belongs to); empty if none.
    static QByteArray lookup(const QString &storePath);

    /// The keychain's text form of a key (base64), and back; empty when `text` is not a key.
    static QString encode(const QByteArray &key);
    static QByteArray decode(const QString &text);

    /// The key used for one purpose (pages of the database, attachment files), derived from the
    /// store's key so that one primitive never sees the other's data under the same key.
    enum class Purpose { Pages = 1, Attachments = 2 };
    static QByteArray derive(const QByteArray &key, Purpose purpose);
};

} // namespace outpost::client
