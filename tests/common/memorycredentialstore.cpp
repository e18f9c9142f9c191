// SPDX-License-Identifier: MIT
#include "memorycredentialstore.h"

#include "apitypes.h"

namespace outpost::testing {

Error MemoryCredentialStore::unavailable() const
{
    return Error(QString::fromLatin1(sync::errc::KeychainUnavailable),
        QStringLiteral("The in-memory keychain is set unavailable."));
}

void MemoryCredentialStore::writeToken(
    const QString &key, const QString &token, std::function<void(Status)> done)
{
    ++m_calls;
    Status result = Status::success();
    if (m_unavailable)
        result = unavailable();
    else
        m_entries.insert(key, token);
    QMetaObject::invokeMethod(
        this, [done, result]() { done(result); }, Qt::QueuedConnection);
}

void MemoryCredentialStore::readToken(const QString &key, std::function<void(Result<QString>)> done)
{
    ++m_calls;
    Result<QString> result = m_unavailable ? Result<QString>(unavailable())
        : m_entries.contains(key)          ? Result<QString>(m_entries.value(key))
                                           : Result<QString>(Error(QString::fromLatin1(sync::errc::NotFound),
                                               QStringLiteral("No saved session in the keychain.")));
    QMetaObject::invokeMethod(
        this, [done, result]() { done(result); }, Qt::QueuedConnection);
}

void MemoryCredentialStore::removeToken(const QString &key, std::function<void(Status)> done)
{
    ++m_calls;
    Status result = Status::success();
    if (m_unavailable)
        result = unavailable();
    else
        m_entries.remove(key);
    QMetaObject::invokeMethod(
        this, [done, result]() { done(result); }, Qt::QueuedConnection);
}

} // namespace outpost::testing
