// SPDX-License-Identifier: MIT
#pragma once

#include "result.h"
#include "writegate.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <QHash>

#include <memory>

namespace outpost::server {

enum class DbKind { SQLite, PostgreSQL };

/// Where the database lives, parsed from "sqlite:PATH" or "postgresql://user[:pw]@host[:port]/db".
struct DbConfig {
    DbKind kind = DbKind::SQLite;
    QString path; // SQLite file
    QString host;
    int port = 5432;
    QString user, password, name;
    /// libpq keywords from the URL's query (sslmode, sslrootcert, sslcert, sslkey, sslcrl), in order.
    QList<QPair<QString, QString>> pgOptions;

    /// sqlite:PATH or postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE...].
    /// An unknown query key or sslmode value is an error (bad_config), never ignored.
    static Result<DbConfig> parse(const QString &url);
    /// Log-safe description (never the password).
    QString describe() const;
};

/// The service's database. One QSqlDatabase connection per thread, created lazily on first use and
/// named "outpostd-<thread id>-<instance>"; a connection is never shared across threads.
class Database
{
public:
    /// Connects on the calling thread and brings the schema up to date (numbered migrations, one
    /// transaction each). Refuses a database written by a newer version.
    static Result<std::shared_ptr<Database>> open(const DbConfig &config);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    DbKind kind() const { return m_config.kind; }
    const DbConfig &config() const { return m_config; }
    /// A unique id of this open instance (tells our own NOTIFY payloads from other processes').
    const QString &instanceId() const { return m_instanceId; }

    /// This thread's connection, opened and configured; an "unavailable" Error when that fails.
    Result<QSqlDatabase> connection();
    /// Closes and reopens this thread's connection (after the server went away and came back).
    Status reconnect();
    /// A fresh connection for a dedicated thread (the LISTEN worker); the caller removes it.
    Result<QSqlDatabase> openDedicated(const QString &name);
    QString connectionName(const QString &suffix) const { return m_prefix + suffix; }

    /// Column type for the stored wire JSON: BLOB on SQLite (read back without conversion), TEXT on
    /// PostgreSQL.
    QVariant docValue(const QByteArray &json) const;
    /// Every write transaction (Tx::Mode::Write) takes a turn here before it begins.
    WriteGate &writeGate() { return m_writeGate; }
    static QByteArray docBytes(const QVariant &v);
    /// The prepared statements of one connection (Tx::runCached), SQL → statement. Only the thread
    /// that owns the connection uses them; they go before the connection is removed.
    QHash<QString, std::shared_ptr<QSqlQuery>> &statementCache(const QString &connectionName);

    static constexpr int schemaVersion = 7;

private:
    explicit Database(DbConfig config);
    Result<QSqlDatabase> addConnection(const QString &name);
    Status migrate();
    Result<int> currentVersion(QSqlDatabase &db);

    DbConfig m_config;
    QString m_instanceId;
    QString m_prefix;
    int m_serial = 0;
    QMutex m_mutex;
    QStringList m_connections;
    QHash<QString, std::shared_ptr<QHash<QString, std::shared_ptr<QSqlQuery>>>> m_statements;
    WriteGate m_writeGate;
};

/// The protocol-level error for a failed database call: code "unavailable" (HTTP 503).
Error dbError(const QString &what, const QSqlQuery &q);
Error dbError(const QString &what, const QSqlDatabase &db);

/// bad_request when a text parameter holds NUL (PostgreSQL cannot store it).
Status checkParameters(const QVariantList &args);
/// Prepares, binds (positional '?') and runs one statement.
Result<QSqlQuery> runSql(QSqlDatabase &db, const QString &sql, const QVariantList &args = {});
/// A typed SQL NULL for a string column (PostgreSQL wants typed parameters).
QVariant nullString();
QVariant orNull(const QString &s);

} // namespace outpost::server
