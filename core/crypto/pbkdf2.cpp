// SPDX-License-Identifier: MIT
#include "pbkdf2.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace outpost::crypto {

QByteArray pbkdf2Sha256(QByteArrayView password, QByteArrayView salt, int iterations, int keyBytes)
{
    if (iterations < 1 || keyBytes < 1)
        return {};
    QByteArray key(keyBytes, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(password.data(), int(password.size()),
            reinterpret_cast<const unsigned char *>(salt.data()), int(salt.size()), iterations, EVP_sha256(),
            keyBytes, reinterpret_cast<unsigned char *>(key.data()))
        != 1)
        return {};
    return key;
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

} // namespace outpost::crypto
