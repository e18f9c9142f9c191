// SPDX-License-Identifier: MIT
#include "syncservices.h"

#include "credentialstore.h"
#include "httptransport.h"

namespace outpost::sync {

SyncServices SyncServices::withDefaults(const QString &keychainService) const
{
    SyncServices s = *this;
    if (!s.http)
        s.http = std::make_shared<HttpTransport>();
    if (!s.credentials)
        s.credentials = std::make_shared<KeychainCredentialStore>(keychainService);
    return s;
}

} // namespace outpost::sync
