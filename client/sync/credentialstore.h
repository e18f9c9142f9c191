// SPDX-License-Identifier: MIT
#pragma once

#include "result.h"

#include <QObject>
#include <QUrl>

#include <functional>

namespace outpost::sync {

/// Where session tokens are kept (Trojitá's PasswordPlugin): a small asynchronous interface, the
/// OS keychain in the product (KeychainCredentialStore), an in-memory one in tests that are not about
/// the keychain (tests/common). Lives on one thread (the GUI or CLI thread; QtKeychain is not
/// thread-safe). Each call reports once through its callback, on this object's thread and never from
/// within the call; no nested event loop. Callbacks still pending when the store is destroyed are
/// not called; callers that may go first guard themselves (QPointer).
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// The entry of one user on one server.
    static QString keyFor(const QUrl &server, const QString &user);

    /// Error "keychain_unavailable" when the token cannot be kept.
    virtual void writeToken(const QString &key, const QString &token, std::function<void(Status)> done) = 0;
    /// Error "not_found" when there is no entry, "keychain_unavailable" when the store cannot be read.
    virtual void readToken(const QString &key, std::function<void(Result<QString>)> done) = 0;
    /// Removing an entry that does not exist succeeds.
    virtual void removeToken(const QString &key, std::function<void(Status)> done) = 0;
};

/// Keeps session tokens in the OS keychain (Secret Service, Keychain, Credential Manager) through
/// QtKeychain, under `service`. Without a usable keychain (no session bus, locked collection, no
/// backend) the callback gets Error "keychain_unavailable" with the reason; there is never a
/// plaintext fallback.
class KeychainCredentialStore : public CredentialStore
{
    Q_OBJECT
public:
    explicit KeychainCredentialStore(QString service = QStringLiteral("outpost"), QObject *parent = nullptr);

    void writeToken(const QString &key, const QString &token, std::function<void(Status)> done) override;
    void readToken(const QString &key, std::function<void(Result<QString>)> done) override;
    void removeToken(const QString &key, std::function<void(Status)> done) override;

    QString service() const { return m_service; }

private:
    QString m_service;
};

} // namespace outpost::sync
