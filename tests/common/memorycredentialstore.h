// SPDX-License-Identifier: MIT
#pragma once

#include "credentialstore.h"

#include <QHash>

namespace outpost::testing {

/// A CredentialStore in memory (Nextcloud's FakeCredentials, Trojitá's in-memory PasswordPlugin):
/// for tests that are not about the keychain. Reports like the real one: asynchronously (queued,
/// never from within the call), "not_found" for a missing entry, and "keychain_unavailable" while
/// setUnavailable() is on (a locked or absent keyring).
class MemoryCredentialStore : public sync::CredentialStore
{
    Q_OBJECT
public:
    using sync::CredentialStore::CredentialStore;

    void writeToken(const QString &key, const QString &token, std::function<void(Status)> done) override;
    void readToken(const QString &key, std::function<void(Result<QString>)> done) override;
    void removeToken(const QString &key, std::function<void(Status)> done) override;

    /// While on, every call fails with "keychain_unavailable" and changes nothing.
    void setUnavailable(bool unavailable) { m_unavailable = unavailable; }
    /// What is stored, for assertions.
    QHash<QString, QString> entries() const { return m_entries; }
    /// How many calls were made (writes, reads, removes).
    int calls() const { return m_calls; }

private:
    Error unavailable() const;

    QHash<QString, QString> m_entries;
    bool m_unavailable = false;
    int m_calls = 0;
};

} // namespace outpost::testing
