// SPDX-License-Identifier: MIT
#pragma once

#include "result.h"

#include <QObject>
#include <QUrl>

#include <functional>

namespace outpost::sync {

/// Keeps session tokens in the OS keychain (Secret Service, Keychain, Credential Manager) through
/// QtKeychain. Asynchronous: each call reports once through its callback on this object's thread;
/// no nested event loop. Without a usable keychain (no session bus, locked collection, no backend)
/// the callback gets Error "keychain_unavailable" with the reason; there is never a plaintext fallback.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    explicit CredentialStore(QString service = QStringLiteral("outpost"), QObject *parent = nullptr);

    /// The keychain entry of one user on one server.
    static QString keyFor(const QUrl &server, const QString &user);

    void writeToken(const QString &key, const QString &token, std::function<void(Status)> done);
    /// Error "not_found" when there is no entry.
    void readToken(const QString &key, std::function<void(Result<QString>)> done);
    /// Removing an entry that does not exist succeeds.
    void removeToken(const QString &key, std::function<void(Status)> done);

    QString service() const { return m_service; }

private:
    QString m_service;
};

} // namespace outpost::sync
