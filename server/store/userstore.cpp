// SPDX-License-Identifier: MIT
#include "userstore.h"

#include "devicestore.h"
#include "storelogging.h"
#include "tx.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace outpost::server {

namespace {
QByteArray randomBytes(int n)
{
    QByteArray b(n, Qt::Uninitialized);
    QRandomGenerator::system()->generate(
        reinterpret_cast<quint32 *>(b.data()), reinterpret_cast<quint32 *>(b.data() + n));
    return b;
}

Principal readPrincipal(const QSqlQuery &q, int first)
{
    Principal p;
    p.id = q.value(first).toString();
    p.displayName = q.value(first + 1).toString();
    p.roles = splitList(q.value(first + 2).toString());
    p.queues = splitList(q.value(first + 3).toString());
    return p;
}

Error accountDisabled()
{
    return Error(QStringLiteral("account_disabled"),
        QStringLiteral("This account is disabled. Ask your administrator."));
}

Error deviceWiped()
{
    return Error(QStringLiteral("device_wiped"),
        QStringLiteral("This device was wiped by your administrator; its data must be erased."));
}

Error unauthenticated()
{
    return Error(QStringLiteral("unauthenticated"),
        QStringLiteral("Sign in first: the token is missing, unknown, revoked or expired."));
}
} // namespace

QStringList splitList(const QString &stored)
{
    return stored.split(QLatin1Char(','), Qt::SkipEmptyParts);
}
QString joinList(const QStringList &list)
{
    // Never a null QString: it would be bound as SQL NULL (users.roles and users.queues are NOT NULL).
    return list.isEmpty() ? QStringLiteral("") : list.join(QLatin1Char(','));
}

QString UserStore::hashToken(const QByteArray &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex());
}

Status UserStore::checkNewPassword(const QString &password, PasswordRule rule) const
{
    if (password.isEmpty())
        return Error(QStringLiteral("bad_request"), QStringLiteral("A password must not be empty."));
    if (rule == PasswordRule::Enforce && password.size() < m_minPasswordLength)
        return Error(QStringLiteral("bad_request"),
            QStringLiteral("A password needs at least %1 characters.").arg(m_minPasswordLength));
    return Status::success();
}

Status UserStore::addUser(const Principal &user, const QString &password, PasswordRule rule)
{
    static const QRegularExpression idRe(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    static const QRegularExpression nameRe(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    if (!idRe.match(user.id).hasMatch())
        return Error(QStringLiteral("bad_request"),
            QStringLiteral("A user id is 1-64 letters, digits, '.', '_' or '-'."));
    for (const QString &s : user.roles + user.queues)
        if (!nameRe.match(s).hasMatch())
            return Error(QStringLiteral("bad_request"),
                QStringLiteral("Role and queue names are 1-64 letters, digits, '.', '_' or '-'."));
    if (Status st = checkNewPassword(password, rule); !st)
        return st;
    const PasswordHash h = hashPassword(password, m_iterations);
    auto tx = Tx::begin(m_db, Tx::Mode::Write);
    if (!tx)
        return tx.error();
    auto exists = tx.value().run(QStringLiteral("SELECT 1 FROM users WHERE id = ?"), { user.id });
    if (!exists)
        return exists.error();
    if (exists.value().next())
        return Error(QStringLiteral("exists"), QStringLiteral("The user '%1' exists already.").arg(user.id));
    auto q = tx.value().run(
        QStringLiteral("INSERT INTO users (id, display_name, roles, queues, password_hash, salt, iterations)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?)"),
        { user.id, user.displayName.isEmpty() ? user.id : user.displayName, joinList(user.roles),
            joinList(user.queues), QString::fromLatin1(h.key.toBase64()),
            QString::fromLatin1(h.salt.toBase64()), h.iterations });
    if (!q)
        return q.error();
    return tx.value().commit();
}

Status UserStore::setPassword(const QString &userId, const QString &password)
{
    if (Status st = checkNewPassword(password, PasswordRule::Enforce); !st)
        return st;
    const PasswordHash h = hashPassword(password, m_iterations);
    auto tx = Tx::begin(m_db, Tx::Mode::Write);
    if (!tx)
        return tx.error();
    auto q = tx.value().run(
        QStringLiteral("UPDATE users SET password_hash = ?, salt = ?, iterations = ? WHERE id = ?"),
        { QString::fromLatin1(h.key.toBase64()), QString::fromLatin1(h.salt.toBase64()), h.iterations,
            userId });
    if (!q)
        return q.error();
    if (q.value().numRowsAffected() != 1)
        return Error(QStringLiteral("not_found"), QStringLiteral("There is no user '%1'.").arg(userId));
    // A new password ends every open session of that user.
    if (auto r
        = tx.value().run(QStringLiteral("UPDATE sessions SET revoked = 1 WHERE user_id = ?"), { userId });
        !r)
        return r.error();
    return tx.value().commit();
}

Status UserStore::setDisabled(const QString &userId, bool disabled)
{
    auto tx = Tx::begin(m_db, Tx::Mode::Write);
    if (!tx)
        return tx.error();
    auto q = tx.value().run(
        QStringLiteral("UPDATE users SET disabled = ? WHERE id = ?"), { disabled ? 1 : 0, userId });
    if (!q)
        return q.error();
    if (q.value().numRowsAffected() != 1)
        return Error(QStringLiteral("not_found"), QStringLiteral("There is no user '%1'.").arg(userId));
    if (disabled) {
        if (auto r
            = tx.value().run(QStringLiteral("UPDATE sessions SET revoked = 1 WHERE user_id = ?"), { userId });
            !r)
            return r.error();
    }
    return tx.value().commit();
}

Status UserStore::setDeviceWiped(const QString &deviceId, bool wiped, const QString &by)
{
    if (deviceId.isEmpty() || deviceId.size() > 200)
        return Error(QStringLiteral("bad_request"), QStringLiteral("A device id is 1-200 characters."));
    auto tx = Tx::begin(m_db, Tx::Mode::Write);
    if (!tx)
        return tx.error();
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    if (wiped) {
        auto known
            = tx.value().run(QStringLiteral("SELECT 1 FROM wiped_devices WHERE device_id = ?"), { deviceId });
        if (!known)
            return known.error();
        if (known.value().next())
            return Status::success(); // wiped already: nothing new to record
        if (auto q = tx.value().run(
                QStringLiteral("INSERT INTO wiped_devices (device_id, wiped_at, wiped_by) VALUES (?, ?, ?)"),
                { deviceId, now, by });
            !q)
            return q.error();
        if (auto r = tx.value().run(
                QStringLiteral("UPDATE sessions SET revoked = 1 WHERE device_id = ?"), { deviceId });
            !r)
            return r.error();
    } else {
        auto q
            = tx.value().run(QStringLiteral("DELETE FROM wiped_devices WHERE device_id = ?"), { deviceId });
        if (!q)
            return q.error();
        if (q.value().numRowsAffected() != 1)
            return Error(
                QStringLiteral("not_found"), QStringLiteral("The device '%1' is not wiped.").arg(deviceId));
    }
    if (Status a = recordDeviceAudit(tx.value(), now, deviceId, by,
            wiped ? QStringLiteral("device.wipe") : QStringLiteral("device.unwipe"));
        !a)
        return a.error();
    return tx.value().commit();
}

Result<bool> UserStore::isDeviceWiped(const QString &deviceId)
{
    if (deviceId.isEmpty())
        return false;
    auto conn = m_db.connection();
    if (!conn)
        return conn.error();
    auto q = runSql(
        conn.value(), QStringLiteral("SELECT 1 FROM wiped_devices WHERE device_id = ?"), { deviceId });
    if (!q)
        return q.error();
    return q.value().next();
}

Result<QList<Principal>> UserStore::listUsers()
{
    auto conn = m_db.connection();
    if (!conn)
        return conn.error();
    auto q = runSql(
        conn.value(), QStringLiteral("SELECT id, display_name, roles, queues FROM users ORDER BY id"));
    if (!q)
        return q.error();
    QList<Principal> out;
    while (q.value().next())
        out.append(readPrincipal(q.value(), 0));
    return out;
}

Result<std::optional<StoredUser>> UserStore::findForSignIn(const QString &username)
{
    auto conn = m_db.connection();
    if (!conn)
        return conn.error();
    auto q = runSql(conn.value(),
        QStringLiteral("SELECT id, display_name, roles, queues, password_hash, salt, iterations, disabled "
                       "FROM users WHERE id = ?"),
        { username });
    if (!q)
        return q.error();
    if (!q.value().next())
        return std::optional<StoredUser>();
    StoredUser u;
    u.user = readPrincipal(q.value(), 0);
    u.password.key = QByteArray::fromBase64(q.value().value(4).toString().toLatin1());
    u.password.salt = QByteArray::fromBase64(q.value().value(5).toString().toLatin1());
    u.password.iterations = q.value().value(6).toInt();
    u.disabled = q.value().value(7).toInt() != 0;
    return std::optional<StoredUser>(std::move(u));
}

Result<Session> UserStore::openSession(
    const Principal &user, const QString &deviceId, const std::optional<PasswordHash> &rehash)
{
    Session s;
    s.token = randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    s.expiresAt = now.addSecs(qint64(m_ttlMinutes) * 60);
    s.user = user;
    s.user.deviceId = deviceId;
    s.offlineWindowSeconds = qint64(m_offlineDays) * 86400;
    auto tx = Tx::begin(m_db, Tx::Mode::Write);
    if (!tx)
        return tx.error();
    auto q = tx.value().run(
        QStringLiteral("INSERT INTO sessions (token_hash, user_id, device_id, created_at, expires_at)"
                       " VALUES (?, ?, ?, ?, ?)"),
        { hashToken(s.token), user.id, deviceId, now.toSecsSinceEpoch(), s.expiresAt.toSecsSinceEpoch() });
    if (!q)
        return q.error();
    if (rehash) {
        auto r = tx.value().run(
            QStringLiteral("UPDATE users SET password_hash = ?, salt = ?, iterations = ? WHERE id = ?"),
            { QString::fromLatin1(rehash->key.toBase64()), QString::fromLatin1(rehash->salt.toBase64()),
                rehash->iterations, user.id });
        if (!r)
            return r.error();
    }
    // Expired sessions are of no use to anyone.
    if (auto d = tx.value().run(
            QStringLiteral("DELETE FROM sessions WHERE expires_at < ?"), { now.toSecsSinceEpoch() - 86400 });
        !d)
        return d.error();
    if (auto st = tx.value().commit(); !st)
        return st.error();
    return s;
}

Result<Principal> UserStore::authenticate(const QByteArray &token)
{
    if (token.isEmpty() || token.size() > 200)
        return unauthenticated();
    const QString sql
        = QStringLiteral("SELECT u.id, u.display_name, u.roles, u.queues, s.device_id, u.disabled, s.revoked,"
                         " w.device_id IS NOT NULL, w.told_at IS NULL, s.expires_at"
                         " FROM sessions s JOIN users u ON u.id = s.user_id"
                         " LEFT JOIN wiped_devices w ON w.device_id = s.device_id AND s.device_id <> ''"
                         " WHERE s.token_hash = ? AND s.expires_at > ?");
    const QVariantList args { hashToken(token), QDateTime::currentSecsSinceEpoch() };
    const auto principal = [this](QSqlQuery &q) -> Result<Principal> {
        if (!q.next())
            return unauthenticated();
        // A disabled user's device learns it at its next request (and erases its offline sign-in).
        if (q.value(5).toInt() != 0)
            return accountDisabled();
        // A wiped device learns it at its next request, and erases everything it holds.
        if (q.value(7).toInt() != 0) {
            const bool untold = q.value(8).toInt() != 0;
            const QString device = q.value(4).toString();
            q.finish();
            if (untold)
                markWipeTold(device);
            return deviceWiped();
        }
        if (q.value(6).toInt() != 0)
            return unauthenticated();
        Principal p = readPrincipal(q, 0);
        p.deviceId = q.value(4).toString();
        p.sessionExpiresAt = q.value(9).toLongLong();
        return p;
    };
    if (m_db.kind() == DbKind::SQLite) {
        // The first statement of every request: prepared once per connection, not per request
        // (parsing it was half of what an empty poll cost).
        auto conn = m_db.connection();
        if (!conn)
            return conn.error();
        auto q = runCachedSql(m_db, conn.value(), sql, args);
        if (!q)
            return q.error();
        auto p = principal(*q.value());
        q.value()->finish(); // no read snapshot left open on this connection
        return p;
    }
    auto lookup = [&]() -> Result<QSqlQuery> {
        auto conn = m_db.connection();
        if (!conn)
            return conn.error();
        return runSql(conn.value(), sql, args);
    };
    auto q = lookup();
    // The first statement of most requests: a connection the PostgreSQL server dropped is reopened here.
    if (!q && m_db.kind() == DbKind::PostgreSQL && m_db.reconnect())
        q = lookup();
    if (!q)
        return q.error();
    return principal(q.value());
}

void UserStore::markWipeTold(const QString &deviceId)
{
    auto conn = m_db.connection();
    if (!conn)
        return;
    // One statement outside any transaction: the console's "wiped" once the device was told.
    auto q = runSql(conn.value(),
        QStringLiteral("UPDATE wiped_devices SET told_at = ? WHERE device_id = ? AND told_at IS NULL"),
        { QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), deviceId });
    if (!q)
        qCInfo(lcStore).noquote() << "wiped device" << deviceId << "told, not recorded:" << q.error().message;
}

Result<bool> UserStore::sessionOpen(const QString &tokenHash)
{
    auto conn = m_db.connection();
    if (!conn)
        return conn.error();
    auto q = runSql(conn.value(),
        QStringLiteral("SELECT 1 FROM sessions WHERE token_hash = ? AND revoked = 0 AND expires_at > ?"),
        { tokenHash, QDateTime::currentSecsSinceEpoch() });
    if (!q)
        return q.error();
    return q.value().next();
}

Status UserStore::revoke(const QByteArray &token)
{
    auto tx = Tx::begin(m_db, Tx::Mode::Write);
    if (!tx)
        return tx.error();
    auto q = tx.value().run(
        QStringLiteral("UPDATE sessions SET revoked = 1 WHERE token_hash = ?"), { hashToken(token) });
    if (!q)
        return q.error();
    return tx.value().commit();
}

} // namespace outpost::server
