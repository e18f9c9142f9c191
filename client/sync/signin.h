// SPDX-License-Identifier: MIT
#pragma once

#include "apitypes.h"
#include "syncservices.h"

#include <QObject>
#include <QUrl>

#include <functional>

namespace outpost::client {
class LocalStore;
}

namespace outpost::sync {

class ApiClient;

/// What a successful sign-in gives the application.
struct SignInOutcome {
    bool offline = false; // signed in against the stored verifier; sync waits for the network
    SessionInfo session; // online: as the server sent it (token included); offline: the last known user
    QString storePath; // the user's store on this device
};

/// Signs a user in. Online: POST /session, the token into the OS keychain (a keychain failure fails
/// the sign-in: never a plaintext token), the user's info and a fresh PBKDF2 verifier of the
/// password into the store's sync state. When the server cannot be reached: the stored verifier
/// decides (offline sign-in). Asynchronous; reports once through the callback. Each sign-in runs
/// as a SignInJob (its steps are described there). Tokens go to `services.credentials`, requests
/// through `services.http`; null ones get the real defaults (the keychain service "outpost").
class SignIn : public QObject
{
    Q_OBJECT
public:
    explicit SignIn(SyncServices services = {}, QObject *parent = nullptr);

    /// Sync-state keys used in the store.
    static constexpr auto VerifierKey = "offline_verifier";
    static constexpr auto UserKey = "user";
    static constexpr auto ServerKey = "server";
    /// Offline sign-in is allowed until the later of this time (ISO, UTC; set at each online
    /// sign-in) and the last successful sync plus OfflineWindowKey seconds, as the server said.
    static constexpr auto OfflineUntilKey = "offline_until";
    static constexpr auto OfflineWindowKey = "offline_window_s";

    /// Until when this store may be signed into without the server (null: not at all): the later
    /// of OfflineUntilKey and the last successful sync plus OfflineWindowKey.
    static QDateTime offlineUntil(const client::LocalStore &store);

    /// What the user is told after the server wiped this device and it erased its data.
    static QString wipedMessage();

    void setTransferTimeout(int ms) { m_timeoutMs = ms; }
    void signIn(const QUrl &server, const QString &user, const QString &password, const QString &profileDir,
        std::function<void(Result<SignInOutcome>)> done);
    /// Revokes the token on the server (best effort) and removes it from the keychain.
    void signOut(const QUrl &server, const QString &user, std::function<void(Status)> done);

Q_SIGNALS:
    /// During a sign-in, once the store's key came from the keychain (before the password is
    /// checked): the store at `storePath` can be opened in this process from now on.
    void storeUnlocked(const QString &storePath);

private:
    SyncServices m_services;
    ApiClient *m_api; // sign-out's
    int m_timeoutMs = 15000;
    /// Revoking the session at sign-out waits at most this long.
    static constexpr int SignOutTimeoutMs = 4000;
};

} // namespace outpost::sync
