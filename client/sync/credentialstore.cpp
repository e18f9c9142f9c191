// SPDX-License-Identifier: MIT
#include "credentialstore.h"

#include "apitypes.h"
#include "synclogging.h"

#include <qt6keychain/keychain.h>

namespace outpost::sync {

namespace {

Error keychainError(QKeychain::Job *job)
{
    if (job->error() == QKeychain::EntryNotFound)
        return Error(
            QString::fromLatin1(errc::NotFound), QStringLiteral("No saved session in the keychain."));
    return Error(QString::fromLatin1(errc::KeychainUnavailable),
        QStringLiteral("The system keychain is not available (%1, code %2). Outpost keeps sign-in "
                       "tokens only in the keychain: unlock it or start a keyring service.")
            .arg(job->errorString())
            .arg(int(job->error())));
}

template <typename JobT> JobT *makeJob(const QString &service, const QString &key, QObject *parent)
{
    auto *job = new JobT(service, parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

KeychainCredentialStore::KeychainCredentialStore(QString service, QObject *parent)
    : CredentialStore(parent)
    , m_service(std::move(service))
{ }

QString CredentialStore::keyFor(const QUrl &server, const QString &user)
{
    QString url = server.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo).toString();
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return user + QLatin1Char('@') + url;
}

void KeychainCredentialStore::writeToken(
    const QString &key, const QString &token, std::function<void(Status)> done)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(m_service, key, this);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError) {
            const Error e = keychainError(j);
            qCWarning(lcSyncCredentials) << "saving the token failed:" << e.message;
            done(e.code == QLatin1String(errc::NotFound)
                    ? Error(QString::fromLatin1(errc::KeychainUnavailable), e.message)
                    : e);
            return;
        }
        done(Status::success());
    });
    job->start();
}

void KeychainCredentialStore::readToken(const QString &key, std::function<void(Result<QString>)> done)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, key, this);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError) {
            done(keychainError(j));
            return;
        }
        done(static_cast<QKeychain::ReadPasswordJob *>(j)->textData());
    });
    job->start();
}

void KeychainCredentialStore::removeToken(const QString &key, std::function<void(Status)> done)
{
    auto *job = makeJob<QKeychain::DeletePasswordJob>(m_service, key, this);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound) {
            done(Status::success());
            return;
        }
        done(keychainError(j));
    });
    job->start();
}

} // namespace outpost::sync
