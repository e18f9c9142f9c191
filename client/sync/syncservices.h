// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <memory>

namespace outpost::sync {

class CredentialStore;
class HttpTransport;

/// What the client engine's parts share in one process: one HTTP thread and one token store. The
/// application makes them once (app/main.cpp) and hands them to every SignIn, SyncController and
/// case-details worker. What is left null gets a real default of its own: a transport of its own,
/// the OS keychain (KeychainCredentialStore) under the given service.
struct SyncServices {
    std::shared_ptr<HttpTransport> http;
    std::shared_ptr<CredentialStore> credentials;

    /// These services with the real defaults filled in (a new transport, the keychain `service`).
    SyncServices withDefaults(const QString &keychainService = QStringLiteral("outpost")) const;
};

} // namespace outpost::sync
