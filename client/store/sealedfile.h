// SPDX-License-Identifier: MIT
#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

class QIODevice;

namespace outpost::client {

/// The store's files outside SQLite (attachment copies waiting for upload, the cache of opened and
/// downloaded files) are sealed with the store's key like its pages (docs/security.md): libsodium's
/// secretstream (XChaCha20-Poly1305) in 64 KiB chunks behind a 32-byte header; a cut or changed
/// file does not open. Each call takes the store's path, whose key StoreKeys must know.
namespace sealedfile {

/// What was sealed: the plaintext's size and sha256 (hex).
struct Sealed {
    qint64 size = 0;
    QString sha256;
};

/// Streams `in` into a new sealed file `path` (QSaveFile, 0600: complete or absent). Refuses
/// more than `maxBytes` ("validation_failed"); "store_locked" without the key; "store_io".
Result<Sealed> write(const QString &storePath, QIODevice &in, const QString &path, qint64 maxBytes);
Result<Sealed> write(const QString &storePath, const QByteArray &plain, const QString &path);
/// The plaintext of the sealed file `path` ("store_damaged" when it does not open).
Result<QByteArray> read(const QString &storePath, const QString &path);
/// Whether `path` starts like a sealed file (for files from before encryption).
bool isSealed(const QString &path);

} // namespace sealedfile
} // namespace outpost::client
