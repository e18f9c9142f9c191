// SPDX-License-Identifier: MIT
#pragma once

#include "database.h"
#include "principal.h"

#include <QDateTime>

namespace outpost::server {

struct Session {
    QByteArray token; // base64url, handed to the client once; only its SHA-256 is stored
    QDateTime expiresAt;
    Principal user;
};

/// Users (PBKDF2-HMAC-SHA256 password hashes) and sessions (random tokens, stored hashed).
class UserStore
{
public:
    UserStore(Database &db, int pbkdf2Iterations, int tokenTtlMinutes)
        : m_db(db)
        , m_iterations(pbkdf2Iterations)
        , m_ttlMinutes(tokenTtlMinutes)
    { }

    Status addUser(const Principal &user, const QString &password);
    Status setPassword(const QString &userId, const QString &password);
    Result<QList<Principal>> listUsers();
    /// bad_credentials on an unknown user or a wrong password.
    Result<Session> signIn(const QString &username, const QString &password, const QString &deviceId);
    /// unauthenticated when the token is unknown, revoked or expired.
    Result<Principal> authenticate(const QByteArray &token);
    Status revoke(const QByteArray &token);

    static QString hashToken(const QByteArray &token);

private:
    struct Hashed {
        QString hash, salt;
        int iterations;
    };
    Hashed hashPassword(const QString &password) const;

    Database &m_db;
    int m_iterations;
    int m_ttlMinutes;
};

QStringList splitList(const QString &stored);
QString joinList(const QStringList &list);

} // namespace outpost::server
