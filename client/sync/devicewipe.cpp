// SPDX-License-Identifier: MIT
#include "devicewipe.h"

#include "credentialstore.h"
#include "storekeys.h"
#include "storeunlock.h"
#include "synclogging.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>

#include <memory>

namespace outpost::sync {

QStringList eraseStoreFiles(const QString &storePath)
{
    client::StoreKeys::forget(storePath);
    const QFileInfo store(storePath);
    const QString base = store.fileName();
    QDir dir = store.absoluteDir();
    QStringList left;
    const auto entries
        = dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo &entry : entries) {
        const QString name = entry.fileName();
        if (name != base && !name.startsWith(base + QLatin1Char('-'))
            && !name.startsWith(base + QLatin1Char('.')))
            continue;
        const bool removed = entry.isDir() && !entry.isSymLink()
            ? QDir(entry.absoluteFilePath()).removeRecursively()
            : QFile::remove(entry.absoluteFilePath());
        if (!removed)
            left.append(entry.absoluteFilePath());
    }
    return left;
}

void eraseDevice(CredentialStore *credentials, const QUrl &server, const QString &user,
    const QString &storePath, std::function<void(Status)> done)
{
    const QStringList left = eraseStoreFiles(storePath);
    if (!left.isEmpty())
        qCWarning(lcSyncApi) << "wipe: cannot remove" << left;
    // Both keychain entries, one after the other; every step runs whatever the one before said.
    struct State {
        QStringList problems;
        std::function<void(Status)> done;
    };
    auto state = std::make_shared<State>();
    state->done = std::move(done);
    if (!left.isEmpty())
        state->problems.append(QStringLiteral("files left: %1").arg(left.join(QStringLiteral(", "))));
    QPointer<CredentialStore> keychain(credentials);
    const QString keyEntry = storeKeyEntry(server, user);
    credentials->removeToken(
        CredentialStore::keyFor(server, user), [keychain, keyEntry, state](Status token) {
            if (!token.ok())
                state->problems.append(QStringLiteral("session token: %1").arg(token.error().message));
            auto finish = [state](Status key) {
                if (!key.ok())
                    state->problems.append(QStringLiteral("store key: %1").arg(key.error().message));
                if (state->problems.isEmpty()) {
                    state->done(Status::success());
                    return;
                }
                state->done(Error(QStringLiteral("wipe_incomplete"),
                    QStringLiteral("The device could not erase everything: %1")
                        .arg(state->problems.join(QStringLiteral("; ")))));
            };
            if (!keychain) {
                finish(
                    Error(QStringLiteral("keychain_unavailable"), QStringLiteral("the keychain went away")));
                return;
            }
            keychain->removeToken(keyEntry, finish);
        });
}

} // namespace outpost::sync
