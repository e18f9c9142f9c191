// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace outpost::server {

/// A stored password: PBKDF2-HMAC-SHA256 key, its salt and iteration count (columns password_hash,
/// salt, iterations of users).
struct PasswordHash {
    QByteArray key; // 32 bytes
    QByteArray salt; // 16 bytes
    int iterations = 0;
};

/// crypto::pbkdf2Sha256 with a 32-byte key, counted per thread (PasswordVerdict::iterationsSpent).
QByteArray derivePbkdf2(const QString &password, const QByteArray &salt, int iterations);

/// A fresh random salt and the key of `password` at `iterations`.
PasswordHash hashPassword(const QString &password, int iterations);

/// What checking a password found: whether it is right, and when the stored hash is weaker than
/// the current cost, the same password hashed at that cost (to store in its place).
struct PasswordVerdict {
    bool ok = false;
    std::optional<PasswordHash> rehash;
    /// PBKDF2 iterations this check derived, rehash included: what it cost, counted rather than
    /// timed, so the no-timing-oracle promise below can be checked exactly.
    qint64 iterationsSpent = 0;
};

/// Checks `password` against `stored` (nullopt: no such user) in constant time. Costs at least
/// `currentIterations` whether the user exists or not and whatever their stored cost, so the
/// answer's timing tells nothing about which user names exist.
PasswordVerdict verifyPassword(
    const QString &password, const std::optional<PasswordHash> &stored, int currentIterations);

} // namespace outpost::server
