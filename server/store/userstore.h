// SPDX-License-Identifier: MIT
#pragma once

#include "database.h"
#include "passwordhash.h"
#include "principal.h"

#include <QDateTime>

namespace outpost::server {

struct Session {
    QByteArray token; // base64url, handed to the client once; only its SHA-256 is stored
    QDateTime expiresAt;
    Principal user;
    qint64 offlineWindowSeconds = 0; // how long the device may sign in offline from now
};

/// A user as sign-in needs them: who, and their stored password hash.
struct StoredUser {
    Principal user;
    PasswordHash password;
    bool disabled = false; // `outpostd user disable`: told only after the right password
};

/// Whether a new password must meet the minimum length (user commands) or not (the demo seed,
/// whose users alice/alice… tests, scripts and docs rely on).
enum class PasswordRule { Enforce, Exempt };

/// Users (PBKDF2-HMAC-SHA256 password hashes) and sessions (random tokens, stored hashed).
/// Sign-in is split so that the expensive part, verifyPassword() (passwordhash.h), runs outside:
/// findForSignIn() reads the hash, openSession() stores the session (and a stronger hash).
class UserStore
{
public:
    UserStore(
        Database &db, int pbkdf2Iterations, int tokenTtlMinutes, int minPasswordLength, int offlineDays = 7)
        : m_db(db)
        , m_iterations(pbkdf2Iterations)
        , m_ttlMinutes(tokenTtlMinutes)
        , m_minPasswordLength(minPasswordLength)
        , m_offlineDays(offlineDays)
    { }

    /// The PBKDF2 cost of passwords set from now on (and of rehashes at sign-in).
    int iterations() const { return m_iterations; }

    /// bad_request for a password shorter than the minimum (unless exempt), a bad id, role or queue.
    Status addUser(const Principal &user, const QString &password, PasswordRule rule = PasswordRule::Enforce);
    Status setPassword(const QString &userId, const QString &password);
    Result<QList<Principal>> listUsers();
    /// The user and their password hash; nullopt for an unknown user name.
    Result<std::optional<StoredUser>> findForSignIn(const QString &username);
    /// A new session for a user whose password was verified; `rehash` replaces the stored hash in
    /// the same transaction (an older, cheaper one).
    Result<Session> openSession(
        const Principal &user, const QString &deviceId, const std::optional<PasswordHash> &rehash = {});
    /// Disabling ends the user's sessions; not_found for an unknown user.
    Status setDisabled(const QString &userId, bool disabled);
    /// Wiping a device ends its sessions; from then on they and a sign-in from it answer
    /// device_wiped, until it is unwiped. `by` (an administrator, or the command line) and the time
    /// go into the audit. bad_request for an empty device id; not_found to unwipe one not wiped.
    Status setDeviceWiped(const QString &deviceId, bool wiped, const QString &by);
    /// Whether the device was wiped (a sign-in from it is refused).
    Result<bool> isDeviceWiped(const QString &deviceId);
    /// Records that the wiped device was told (answered device_wiped), once: the console shows the
    /// wipe done. Never fails a request: problems are logged.
    void markWipeTold(const QString &deviceId);
    /// unauthenticated when the token is unknown, revoked or expired; account_disabled when it is (or
    /// was, until the user was disabled) a session of a disabled user; device_wiped when its device
    /// was wiped.
    Result<Principal> authenticate(const QByteArray &token);
    Status revoke(const QByteArray &token);
    /// Whether the session with this token hash (hashToken) is still open: not revoked, not expired.
    Result<bool> sessionOpen(const QString &tokenHash);

    static QString hashToken(const QByteArray &token);

private:
    Status checkNewPassword(const QString &password, PasswordRule rule) const;

    Database &m_db;
    int m_iterations;
    int m_ttlMinutes;
    int m_minPasswordLength;
    int m_offlineDays;
};

QStringList splitList(const QString &stored);
QString joinList(const QStringList &list);

} // namespace outpost::server
