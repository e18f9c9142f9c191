// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>

#include <functional>
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
    /// The time for decisions about time (the offline sign-in window); null: the real clock. Tests
    /// move it days ahead.
    std::function<QDateTime()> clock = {};

    /// clock(), or the real time (UTC).
    QDateTime now() const { return clock ? clock() : QDateTime::currentDateTimeUtc(); }

    /// These services with the real defaults filled in (a new transport, the keychain `service`).
    SyncServices withDefaults(const QString &keychainService = QStringLiteral("outpost")) const;
};

} // namespace outpost::sync
