// SPDX-License-Identifier: MIT
#include "storekeys.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutex>

#include <sodium.h>

namespace outpost::client {

namespace {
QMutex &keysMutex()
{
    static QMutex m;
    return m;
}

QHash<QString, QByteArray> &keys()
{
    static QHash<QString, QByteArray> k;
    return k;
}

/// The path as SQLite names it: absolute, the folder's symbolic links resolved.
QString canonical(const QString &path)
{
    const QFileInfo fi(path);
    const QString dir = QFileInfo(fi.absolutePath()).canonicalFilePath();
    return QDir(dir.isEmpty() ? fi.absolutePath() : dir).filePath(fi.fileName());
}

void wipe(QByteArray &key)
{
    if (!key.isEmpty())
        sodium_memzero(key.data(), size_t(key.size()));
}

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}
} // namespace

QByteArray StoreKeys::generate()
{
    if (!sodiumReady())
        return {};
    QByteArray key(KeyBytes, Qt::Uninitialized);
    randombytes_buf(key.data(), size_t(key.size()));
    return key;
}

void StoreKeys::remember(const QString &storePath, const QByteArray &key)
{
    if (key.size() != KeyBytes || !sodiumReady())
        return;
    QMutexLocker lock(&keysMutex());
    auto &k = keys()[canonical(storePath)];
    wipe(k);
    k = QByteArray(key.constData(), key.size()); // a copy of its own, so that forget() wipes it
}

void StoreKeys::forget(const QString &storePath)
{
    QMutexLocker lock(&keysMutex());
    auto it = keys().find(canonical(storePath));
    if (it == keys().end())
        return;
    wipe(it.value());
    keys().erase(it);
}

bool StoreKeys::has(const QString &storePath)
{
    return !lookup(storePath).isEmpty();
}

QByteArray StoreKeys::lookup(const QString &storePath)
{
    const QString path = canonical(storePath);
    QMutexLocker lock(&keysMutex());
    auto it = keys().constFind(path);
    if (it != keys().constEnd())
        return it.value();
    if (path.endsWith(QLatin1String("-wal"))) {
        it = keys().constFind(path.chopped(4));
        if (it != keys().constEnd())
            return it.value();
    }
    return {};
}

QString StoreKeys::encode(const QByteArray &key)
{
    return QString::fromLatin1(key.toBase64());
}

QByteArray StoreKeys::decode(const QString &text)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        text.trimmed().toLatin1(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != KeyBytes)
        return {};
    return decoded.decoded;
}

QByteArray StoreKeys::derive(const QByteArray &key, Purpose purpose)
{
    static_assert(crypto_kdf_KEYBYTES == KeyBytes);
    if (key.size() != KeyBytes || !sodiumReady())
        return {};
    QByteArray sub(KeyBytes, Qt::Uninitialized);
    crypto_kdf_derive_from_key(reinterpret_cast<unsigned char *>(sub.data()), size_t(sub.size()),
        quint64(purpose), "outpostS", reinterpret_cast<const unsigned char *>(key.constData()));
    return sub;
}

} // namespace outpost::client
