// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace outpost::sync {

/// A salted PBKDF2-HMAC-SHA256 verifier of the last password that signed in online, so that a
/// technician can sign in offline. Only the verifier is stored (in the store's sync state), never
/// the password. Format: "pbkdf2-sha256$<iterations>$<salt base64>$<key base64>".
class OfflineVerifier
{
public:
    static constexpr int DefaultIterations = 120000;

    /// A new verifier with a fresh random 16-byte salt.
    static QString create(const QString &password, int iterations = DefaultIterations);
    /// Whether `password` matches `verifier` (constant-time comparison). A malformed verifier never matches.
    static bool verify(const QString &verifier, const QString &password);
    /// Whether `verifier` is well formed.
    static bool isValid(const QString &verifier);
};

} // namespace outpost::sync
