// SPDX-License-Identifier: MIT
#pragma once

#include "result.h"

#include <QStringList>
#include <QUrl>

#include <functional>

namespace outpost::sync {

class CredentialStore;

/// What a device erases when the server answers `device_wiped` (docs/security.md, "A wiped
/// device"): for one user and server, the store file and everything named after it beside it (its
/// -wal, -shm and -journal, open marks, `<store>.attachments/`, `<store>.cache/`, copies set aside),
/// the key this process remembers for it (client::StoreKeys), and the keychain's two entries: the
/// session token (CredentialStore::keyFor) and the store's key (storeKeyEntry).
///
/// Every connection to the store must be closed first (the sync engine's thread joined, the app's
/// session ended). Reports once through `done`, on `credentials`' thread and never from within
/// this call; an error names what is left (files that could not be removed, a keychain refusal),
/// after everything else was erased.
void eraseDevice(CredentialStore *credentials, const QUrl &server, const QString &user,
    const QString &storePath, std::function<void(Status)> done);

/// The files only, at once: removes the store at `storePath` and every file or folder beside it
/// whose name is the store's followed by '-' or '.', and forgets its in-process key. Returns the
/// paths that could not be removed.
QStringList eraseStoreFiles(const QString &storePath);

} // namespace outpost::sync
