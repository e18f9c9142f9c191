// SPDX-License-Identifier: MIT
#pragma once

#include "apitypes.h"
#include "signin.h"
#include "syncservices.h"

#include <QFuture>
#include <QObject>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace outpost::client {
class LocalStore;
}

namespace outpost::sync {

class ApiClient;

/// One sign-in, as a job of named steps that advance on callbacks (SignIn starts one per request;
/// it deletes itself once it reported).
///
///     checkServer → unlock (the store's key from the keychain) → startCheck
///     startCheck ──┬─ (device id known) ─────────────┬─ authenticate ─┬─ accepted: openStore → storeToken
///                  └─ (new store) openStore's check ─┘                 │    → commitState → done
///                                                                      ├─ refused: openStore → refused
///                                                                      ├─ device wiped: wiped (erase all)
///                                                                      └─ unreachable: verifyOffline
///                                                                           → openStore → offlineVerified
///
/// The store is checked (about 0.5 s for 50,000 cases: open, integrity check, queue audit) on the
/// thread pool from the start, alongside the password check; nothing is written to it, and no token
/// kept, before that check passed. The sign-in state (verifier, user, server) is written in one
/// transaction. Once the server accepted the password, any failure (store, keychain) revokes the
/// session it opened before it is reported, so no valid token is left that nothing holds.
class SignInJob : public QObject
{
    Q_OBJECT
public:
    struct Request {
        QUrl server;
        QString user;
        QString password;
        QString profileDir;
        std::chrono::milliseconds timeout { 15000 };
        /// Called once the store's key is known (before the password is checked): the store may be read.
        std::function<void(const QString &storePath)> unlocked;
    };
    using Done = std::function<void(Result<SignInOutcome>)>;

    /// `services` must be complete (SyncServices::withDefaults).
    SignInJob(Request request, SyncServices services, QObject *parent = nullptr);
    ~SignInJob() override;

    /// Reports once through `done` (never from within this call unless the request is invalid).
    void start(Done done);

private:
    using Step = void (SignInJob::*)();

    // The steps, in order.
    void checkServer();
    void startCheck();
    void authenticate(const QString &deviceId);
    void authenticated(Result<SessionInfo> session);
    void storeToken();
    void tokenStored(const Status &status);
    void commitState();
    void verifyOffline();
    void offlineVerified();
    void refused();
    /// The server says the user is disabled: the verifier and the token go, then the error.
    void shutOut();
    /// The server wiped this device: the store and its keychain entries are erased, then the error.
    void wiped();
    /// Past the offline window: the error, or a null one when offline sign-in is still allowed.
    Error offlineWindowError() const;
    // Shared by the paths.
    /// Waits for the store's check, opens this thread's connection, then `next`; a failed check
    /// fails the job (abandon() once the server accepted the password).
    void openStore(Step next);
    void fail(const Error &error);
    /// Revokes the session the server opened, then reports `error`.
    void abandon(const Error &error);
    void finish(Result<SignInOutcome> result);

    /// What the store's check on the thread pool found.
    struct StoreCheck {
        Error error;
        QString deviceId;
        qint64 ms = 0;
    };
    static StoreCheck checkStore(const QString &path);

    Request m_request;
    SyncServices m_services;
    Done m_done;
    ApiClient *m_api;
    QString m_storePath;
    QFuture<StoreCheck> m_check;
    std::unique_ptr<client::LocalStore> m_store;
    std::optional<SessionInfo> m_session; // set once the server accepted the password
    Error m_refusal; // why the server refused (or could not be reached)
    QFuture<QString> m_freshVerifier; // online: computed alongside the check and the keychain write
    QString m_storedVerifier; // offline: the last good password's
    bool m_offlineMatches = false;
};

} // namespace outpost::sync
