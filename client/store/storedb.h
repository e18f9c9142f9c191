// SPDX-License-Identifier: MIT
// Internal to outpost_store: one thread's connection to the store file and the statements on it.
#pragma once

#include "result.h"
#include "storetypes.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <functional>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace outpost::client {

/// A bind value as SQL should see it: a null QString is '' (only a null QVariant is NULL).
QVariant bindable(const QVariant &v);

/// Calls `each(marks, binds)` for `ids` in chunks of at most 500: `marks` is "?, ?, …" for an
/// IN (…) list and `binds` the chunk's ids. Stops at the first error and returns it.
Status forIdChunks(const QStringList &ids,
    const std::function<Status(const QString &marks, const QVariantList &binds)> &each);

/// BEGIN IMMEDIATE … COMMIT; rolls back when it goes out of scope uncommitted.
class SqlTransaction
{
public:
    explicit SqlTransaction(const QSqlDatabase &db)
        : m_db(db)
    { }
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;
    Status begin();
    Status commit();

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

/// The QSqlDatabase connection of one LocalStore instance (one thread), its prepared statements,
/// the sync-state key/value table and the bounded event log. Reads are const; writes are not.
class StoreDb
{
public:
    explicit StoreDb(QString connectionName)
        : m_conn(std::move(connectionName))
    { }
    StoreDb(const StoreDb &) = delete;
    StoreDb &operator=(const StoreDb &) = delete;

    QString connectionName() const { return m_conn; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_conn, false); }
    Error sqlError(const QSqlQuery &q, const QString &what) const;

    /// Prepares, binds positionally and executes. The query is ready to be read.
    Result<QSqlQuery> run(const QString &sql, const QVariantList &binds = {}) const;
    /// First column of the first row, or an invalid QVariant (cached statement, reset after use).
    QVariant scalar(const QString &sql, const QVariantList &binds = {}) const;
    /// Runs a cached SELECT and hands every row to `row`; the statement is reset afterwards, so
    /// `row` must not run the same SQL again.
    Status forEach(const QString &sql, const QVariantList &binds,
        const std::function<void(const QSqlQuery &)> &row) const;
    /// A cached prepared statement, executed; the caller reads it and must finish() it.
    Result<QSqlQuery *> cached(const QString &sql, const QVariantList &binds) const;

    /// For statements without a result set; the prepared statement is cached.
    Status exec(const QString &sql, const QVariantList &binds = {});
    /// Drops the cached statements (before the connection closes).
    void clearStatements() { m_statements.clear(); }

    QString stateValue(const QString &key) const;
    Status setStateValue(const QString &key, const QString &value);

    /// Appends to the bounded event log (the newest 5,000 rows are kept), inside the caller's
    /// transaction when there is one. A failed write is logged, never an error of the caller.
    void log(EventLevel level, const QString &category, const QString &message);

private:
    QString m_conn;
    mutable QHash<QString, QSqlQuery> m_statements;
};

} // namespace outpost::client
