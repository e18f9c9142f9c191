// SPDX-License-Identifier: MIT
#include "storeunlock.h"

#include "apitypes.h"
#include "credentialstore.h"
#include "cryptvfs.h"
#include "localstore.h"
#include "storekeys.h"
#include "synclogging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QPointer>

namespace outpost::sync {

using client::StoreKeys;

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::sync::SignIn)
};

/// An encrypted store whose key is gone: set aside, with its side files, under a dated name.
void moveAside(const QString &path)
{
    const QString suffix = QStringLiteral(".unreadable-")
        + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddThhmmss"));
    for (const char *ext : { "", "-wal", "-shm" })
        if (QFile::exists(path + QLatin1String(ext)))
            QFile::rename(path + QLatin1String(ext), path + suffix + QLatin1String(ext));
    const QString attachments = client::StoreLocation::attachmentsDirFor(path);
    if (QFileInfo::exists(attachments))
        QFile::rename(attachments, attachments + suffix);
    qCWarning(lcSyncApi) << "the store" << path << "has no key in the keychain: moved aside to"
                         << path + suffix;
}
} // namespace

QString storeKeyEntry(const QUrl &server, const QString &user)
{
    return CredentialStore::keyFor(server, user) + QStringLiteral("#store");
}

void unlockStore(CredentialStore *credentials, const QUrl &server, const QString &user,
    const QString &storePath, StoreKeyMode mode, std::function<void(Status)> done)
{
    const QString entry = storeKeyEntry(server, user);
    QPointer<CredentialStore> keychain(credentials);
    credentials->readToken(entry, [keychain, entry, storePath, mode, done](Result<QString> read) {
        if (read.ok()) {
            const QByteArray key = StoreKeys::decode(read.value());
            if (key.isEmpty()) {
                done(Error(QStringLiteral("store_locked"),
                    Tr::tr("The keychain entry that unlocks the data on this device is damaged.")));
                return;
            }
            StoreKeys::remember(storePath, key);
            done(Status::success());
            return;
        }
        if (read.error().code != QLatin1String(errc::NotFound)) {
            done(read.error());
            return;
        }
        if (mode == StoreKeyMode::Existing || !keychain) {
            done(Error(QStringLiteral("store_locked"),
                Tr::tr("The data on this device is locked: its key is not in the keychain. Sign in to unlock "
                       "it.")));
            return;
        }
        if (client::cryptvfs::inspect(storePath) == client::cryptvfs::FileState::Encrypted)
            moveAside(storePath);
        const QByteArray key = StoreKeys::generate();
        if (key.isEmpty()) {
            done(Error(QStringLiteral("store_io"),
                Tr::tr("No random key could be made for the data on this device.")));
            return;
        }
        keychain->writeToken(entry, StoreKeys::encode(key), [storePath, key, done](Status written) {
            if (!written.ok()) {
                done(written);
                return;
            }
            StoreKeys::remember(storePath, key);
            done(Status::success());
        });
    });
}

} // namespace outpost::sync
