// SPDX-License-Identifier: MIT
#pragma once

#include "result.h"

#include <QString>
#include <QUrl>

#include <functional>

namespace outpost::sync {

class CredentialStore;

/// The key of a user's store lives in the OS keychain, beside the session token, under
/// "<token entry>#store" (docs/security.md, "Encryption at rest"); nowhere else.
QString storeKeyEntry(const QUrl &server, const QString &user);

enum class StoreKeyMode {
    /// Only a key that is there: without one the store stays locked (Error "store_locked").
    Existing,
    /// Sign-in: a store without a key (a new one, or one from before encryption) gets a new random
    /// key, kept in the keychain before anything is written with it. An encrypted store whose key
    /// is gone can never be read again: it is moved aside (renamed, never deleted) and a new one starts.
    CreateIfMissing,
};

/// Reads the store's key from `credentials` and remembers it for `storePath` (client::StoreKeys),
/// so that LocalStore::open() on any thread of this process opens it. Reports once through `done`,
/// on `credentials`' thread and never from within this call. Errors: "store_locked",
/// "keychain_unavailable" (never a store without its key).
void unlockStore(CredentialStore *credentials, const QUrl &server, const QString &user,
    const QString &storePath, StoreKeyMode mode, std::function<void(Status)> done);

} // namespace outpost::sync
