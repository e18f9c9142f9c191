// SPDX-License-Identifier: MIT
// Stores are encrypted (docs/security.md): the app and the CLI take a store's key from the OS
// keychain; a bench that makes its store itself unlocks it with a fixed key of its own (the same in
// its child processes).
#pragma once

#include "storekeys.h"

namespace outpost::bench {

inline void unlockStore(const QString &storePath)
{
    if (!client::StoreKeys::has(storePath))
        client::StoreKeys::remember(storePath, QByteArray(client::StoreKeys::KeyBytes, '\x42'));
}

} // namespace outpost::bench
