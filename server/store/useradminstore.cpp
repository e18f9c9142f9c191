// SPDX-License-Identifier: MIT
#include "useradminstore.h"

#include "tx.h"
#include "userstore.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace outpost::server {

namespace {
const QRegularExpression &nameRe()
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    return re;
}

std::optional<QStringList> stringList(const QJsonValue &v)
{
    if (!v.isArray())
        return std::nullopt;
    QStringList out;
    for (const QJsonValue &e : v.toArray()) {
        if (!e.isString())
            return std::nullopt;
        out << e.toString();
    }
    out.removeDuplicates();
    return out;
}

QString select()
{
    return QStringLiteral("SELECT u.id, u.display_name, u.roles, u.queues, u.disabled,"
                          " (SELECT MAX(s.created_at) FROM sessions s WHERE s.user_id = u.id) FROM users u");
}

QJsonObject userJson(const QSqlQuery &q)
{
    QJsonObject o { { QStringLiteral("id"), q.value(0).toString() },
        { QStringLiteral("displayName"), q.value(1).toString() },
        { QStringLiteral("roles"), QJsonArray::fromStringList(splitList(q.value(2).toString())) },
        { QStringLiteral("queues"), QJsonArray::fromStringList(splitList(q.value(3).toString())) },
        { QStringLiteral("disabled"), q.value(4).toInt() != 0 } };
    if (!q.value(5).isNull())
        o.insert(QStringLiteral("lastSignInAt"),
            QDateTime::fromSecsSinceEpoch(q.value(5).toLongLong(), Qt::UTC).toString(Qt::ISODate));
    return o;
}
} // namespace

const QStringList &UserAdminStore::knownRoles()
{
    static const QStringList roles { QStringLiteral("admin"), QStringLiteral("dispatcher"),
        QStringLiteral("technician") };
    return roles;
}

Result<QJsonArray> UserAdminStore::list()
{
    auto conn = m_db.connection();
    if (!conn)
        return conn.error();
    auto q = runSql(conn.value(), select() + QStringLiteral(" ORDER BY u.id"));
    if (!q)
        return q.error();
    QJsonArray out;
    while (q.value().next())
        out.append(userJson(q.value()));
    return out;
}

Result<QJsonObject> UserAdminStore::user(const QString &id)
{
    auto conn = m_db.connection();
    if (!conn)
        return conn.error();
    auto q = runSql(conn.value(), select() + QStringLiteral(" WHERE u.id = ?"), { id });
    if (!q)
        return q.error();
    if (!q.value().next())
        return Error(QStringLiteral("not_found"), QStringLiteral("There is no user '%1'.").arg(id.left(64)));
    return userJson(q.value());
}

Result<UserAdminStore::Change> UserAdminStore::changeFromJson(const QJsonObject &body)
{
    Change c;
    QMap<QString, QString> errors;
    for (auto it = body.begin(); it != body.end(); ++it)
        if (!QStringList { QStringLiteral("displayName"), QStringLiteral("roles"), QStringLiteral("queues"),
                QStringLiteral("disabled") }
                 .contains(it.key()))
            errors.insert(it.key(), QStringLiteral("Not a member of a user that can be changed."));
    if (const QJsonValue v = body.value(QStringLiteral("displayName")); !v.isUndefined()) {
        if (!v.isString() || v.toString().trimmed().isEmpty() || v.toString().size() > 200)
            errors.insert(QStringLiteral("displayName"), QStringLiteral("A name of 1-200 characters."));
        else
            c.displayName = v.toString().trimmed();
    }
    if (const QJsonValue v = body.value(QStringLiteral("roles")); !v.isUndefined()) {
        c.roles = stringList(v);
        if (!c.roles || c.roles->isEmpty()
            || std::any_of(c.roles->cbegin(), c.roles->cend(),
                [](const QString &r) { return !knownRoles().contains(r); }))
            errors.insert(
                QStringLiteral("roles"), QStringLiteral("One or more of admin, dispatcher, technician."));
    }
    if (const QJsonValue v = body.value(QStringLiteral("queues")); !v.isUndefined()) {
        c.queues = stringList(v);
        if (!c.queues || std::any_of(c.queues->cbegin(), c.queues->cend(), [](const QString &q) {
                return !nameRe().match(q).hasMatch();
            }))
            errors.insert(QStringLiteral("queues"),
                QStringLiteral("Queue names of 1-64 letters, digits, '.', '_' or '-'."));
    }
    if (const QJsonValue v = body.value(QStringLiteral("disabled")); !v.isUndefined()) {
        if (!v.isBool())
            errors.insert(QStringLiteral("disabled"), QStringLiteral("true or false."));
        else
            c.disabled = v.toBool();
    }
    if (!errors.isEmpty()) {
        Error e(QStringLiteral("validation_failed"), QStringLiteral("The change is not valid."));
        e.fields = errors;
        return e;
    }
    return c;
}

Result<QSet<QString>> UserAdminStore::openSessions(const QString &id)
{
    auto conn = m_db.connection();
    if (!conn)
        return conn.error();
    auto q = runSql(conn.value(),
        QStringLiteral("SELECT token_hash FROM sessions WHERE user_id = ? AND revoked = 0"), { id });
    if (!q)
        return q.error();
    QSet<QString> out;
    while (q.value().next())
        out.insert(q.value().value(0).toString());
    return out;
}

Result<QSet<QString>> UserAdminStore::update(const QString &id, const Change &c)
{
    auto txr = Tx::begin(m_db, Tx::Mode::Write);
    if (!txr)
        return txr.error();
    Tx &tx = txr.value();
    auto known = tx.run(QStringLiteral("SELECT 1 FROM users WHERE id = ?"), { id });
    if (!known)
        return known.error();
    if (!known.value().next())
        return Error(QStringLiteral("not_found"), QStringLiteral("There is no user '%1'.").arg(id.left(64)));
    known.value().finish();
    const std::pair<const char *, QVariant> sets[] = {
        { "display_name", c.displayName ? QVariant(*c.displayName) : QVariant() },
        { "roles", c.roles ? QVariant(joinList(*c.roles)) : QVariant() },
        { "queues", c.queues ? QVariant(joinList(*c.queues)) : QVariant() },
        { "disabled", c.disabled ? QVariant(*c.disabled ? 1 : 0) : QVariant() },
    };
    for (const auto &[column, value] : sets) {
        if (!value.isValid())
            continue;
        if (auto q = tx.run(QStringLiteral("UPDATE users SET %1 = ? WHERE id = ?").arg(QLatin1String(column)),
                { value, id });
            !q)
            return q.error();
    }
    QSet<QString> revoked;
    if (c.disabled && *c.disabled) {
        auto open = tx.run(
            QStringLiteral("SELECT token_hash FROM sessions WHERE user_id = ? AND revoked = 0"), { id });
        if (!open)
            return open.error();
        while (open.value().next())
            revoked.insert(open.value().value(0).toString());
        open.value().finish();
        if (auto r = tx.run(QStringLiteral("UPDATE sessions SET revoked = 1 WHERE user_id = ?"), { id }); !r)
            return r.error();
    }
    if (auto st = tx.commit(); !st)
        return st.error();
    return revoked;
}

} // namespace outpost::server
