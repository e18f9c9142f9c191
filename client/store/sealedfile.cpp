// SPDX-License-Identifier: MIT
#include "sealedfile.h"

#include "storeerrors.h"
#include "storekeys.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <sodium.h>

#include <cerrno>
#include <limits>

namespace outpost::client::sealedfile {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::client::LocalStore)
};

constexpr char Magic[8] = { 'O', 'P', 'S', 'E', 'A', 'L', '1', '\n' };
constexpr qint64 Chunk = 64 * 1024;
constexpr qint64 SealedChunk = Chunk + crypto_secretstream_xchacha20poly1305_ABYTES;
constexpr int HeaderBytes = crypto_secretstream_xchacha20poly1305_HEADERBYTES;

Result<QByteArray> keyFor(const QString &storePath)
{
    const QByteArray key = StoreKeys::derive(StoreKeys::lookup(storePath), StoreKeys::Purpose::Attachments);
    if (key.isEmpty())
        return Error(QStringLiteral("store_locked"),
            Tr::tr("The data on this device is locked: its key is not available."));
    return key;
}

const unsigned char *bytes(const QByteArray &b)
{
    return reinterpret_cast<const unsigned char *>(b.constData());
}

/// A write of the file at `path` failed with `err` (errno, taken at once): a full disk in people's
/// words, else the system's text.
Error writeError(int err, const QString &path, const QString &why)
{
    if (isNoSpace(err))
        return diskFullError(QStringLiteral("%1: %2").arg(path, why));
    return Error(QStringLiteral("store_io"), Tr::tr("Cannot write %1: %2").arg(path, why));
}

/// Pulls plaintext chunks from `next` (empty at the end), seals them into `out`.
template <typename Next>
Result<Sealed> seal(const QByteArray &key, QSaveFile &out, Next next, qint64 maxBytes)
{
    crypto_secretstream_xchacha20poly1305_state state;
    unsigned char header[HeaderBytes];
    crypto_secretstream_xchacha20poly1305_init_push(&state, header, bytes(key));
    if (out.write(Magic, sizeof Magic) != qint64(sizeof Magic)
        || out.write(reinterpret_cast<const char *>(header), HeaderBytes) != HeaderBytes) {
        const int err = errno;
        return writeError(err, out.fileName(), out.errorString());
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    Sealed sealed;
    QByteArray cipher(SealedChunk, Qt::Uninitialized);
    QByteArray chunk = next();
    for (;;) {
        if (chunk.isNull())
            return Error(QStringLiteral("store_io"), Tr::tr("Cannot read the file to keep."));
        QByteArray following = chunk.isEmpty() ? QByteArray("") : next();
        const bool last = following.isEmpty() && !following.isNull();
        sealed.size += chunk.size();
        if (sealed.size > maxBytes)
            return Error(QStringLiteral("validation_failed"), Tr::tr("The file is too large."));
        hash.addData(chunk);
        unsigned long long len = 0;
        crypto_secretstream_xchacha20poly1305_push(&state, reinterpret_cast<unsigned char *>(cipher.data()),
            &len, bytes(chunk), size_t(chunk.size()), nullptr, 0,
            last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
        if (out.write(cipher.constData(), qint64(len)) != qint64(len)) {
            const int err = errno;
            return writeError(err, out.fileName(), out.errorString());
        }
        if (last)
            break;
        chunk = std::move(following);
    }
    if (!out.commit()) {
        const int err = errno;
        return writeError(err, out.fileName(), out.errorString());
    }
    sealed.sha256 = QString::fromLatin1(hash.result().toHex());
    return sealed;
}

template <typename Next>
Result<Sealed> writeWith(const QString &storePath, const QString &path, Next next, qint64 maxBytes)
{
    auto key = keyFor(storePath);
    if (!key)
        return key.error();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        const int err = errno;
        return writeError(err, path, out.errorString());
    }
    out.setPermissions(QFile::ReadOwner | QFile::WriteOwner); // before a byte is in it
    return seal(key.value(), out, next, maxBytes);
}
} // namespace

Result<Sealed> write(const QString &storePath, QIODevice &in, const QString &path, qint64 maxBytes)
{
    // Chunks of the input; an empty (non-null) one at its end, a null one on a read error.
    return writeWith(
        storePath, path,
        [&in]() -> QByteArray {
            QByteArray chunk = in.read(Chunk);
            if (chunk.isEmpty() && !in.atEnd())
                return {};
            return chunk.isNull() ? QByteArray("") : chunk;
        },
        maxBytes);
}

Result<Sealed> write(const QString &storePath, const QByteArray &plain, const QString &path)
{
    qint64 at = 0;
    return writeWith(
        storePath, path,
        [&plain, &at]() -> QByteArray {
            const QByteArray chunk = at < plain.size() ? plain.mid(at, Chunk) : QByteArray("");
            at += chunk.size();
            return chunk;
        },
        std::numeric_limits<qint64>::max());
}

Result<QByteArray> read(const QString &storePath, const QString &path)
{
    auto key = keyFor(storePath);
    if (!key)
        return key.error();
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("store_io"),
            Tr::tr("Cannot read %1: %2").arg(QFileInfo(path).fileName(), in.errorString()));
    const auto damaged = [&path]() {
        return Error(QStringLiteral("store_damaged"),
            Tr::tr("%1 cannot be read: it was cut short or changed.").arg(QFileInfo(path).fileName()));
    };
    const QByteArray head = in.read(sizeof Magic + HeaderBytes);
    if (head.size() != qsizetype(sizeof Magic + HeaderBytes)
        || !head.startsWith(QByteArray(Magic, sizeof Magic)))
        return damaged();
    crypto_secretstream_xchacha20poly1305_state state;
    if (crypto_secretstream_xchacha20poly1305_init_pull(
            &state, bytes(head) + sizeof Magic, bytes(key.value()))
        != 0)
        return damaged();
    QByteArray plain;
    plain.reserve(qsizetype(std::max<qint64>(0, in.size() - in.pos())));
    QByteArray out(Chunk, Qt::Uninitialized);
    for (;;) {
        const QByteArray cipher = in.read(SealedChunk);
        if (cipher.isEmpty())
            return damaged(); // ended before the final chunk
        unsigned long long len = 0;
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(&state, reinterpret_cast<unsigned char *>(out.data()),
                &len, &tag, bytes(cipher), size_t(cipher.size()), nullptr, 0)
            != 0)
            return damaged();
        plain.append(out.constData(), qsizetype(len));
        if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL)
            return in.atEnd() ? Result<QByteArray>(plain) : Result<QByteArray>(damaged());
    }
}

bool isSealed(const QString &path)
{
    QFile in(path);
    return in.open(QIODevice::ReadOnly) && in.read(sizeof Magic) == QByteArray(Magic, sizeof Magic);
}

} // namespace outpost::client::sealedfile
