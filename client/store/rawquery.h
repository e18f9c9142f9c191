// SPDX-License-Identifier: MIT
// Internal to outpost_store: a forward-only read through SQLite's C API on a QSQLITE connection.
#pragma once

#include "result.h"

#include <QByteArray>
#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QVarLengthArray>
#include <QVariantList>

struct sqlite3_stmt;

namespace outpost::client {

/// For the bulk reads where QSqlQuery costs more than the query: it copies every value of every
/// row into a QVariant cache (a third of reading the worklist's 50,000 rows). Same connection,
/// same thread, same SQL; values are bound as RawStatement binds them, and read as text or integers.
class RawQuery
{
public:
    /// Prepares `sql` on `db` (a QSQLITE connection of this thread) and binds `binds` in order.
    static Result<RawQuery> prepare(const QSqlDatabase &db, const QString &sql, const QVariantList &binds);

    RawQuery(RawQuery &&other) noexcept;
    RawQuery &operator=(RawQuery &&) = delete;
    RawQuery(const RawQuery &) = delete;
    ~RawQuery();

    /// The next row; false at the end or on an error (then error() is set).
    bool next();
    /// A column of the current row: its text (empty for NULL), or its integer value (0 for NULL).
    QString text(int column) const;
    /// text() for columns with few distinct values (type, status, queue, assignee): equal values
    /// share one QString, so 50,000 rows do not allocate 50,000 copies of "inspection".
    QString sharedText(int column);
    qint64 integer(int column) const;
    const Error &error() const { return m_error; }

private:
    explicit RawQuery(sqlite3_stmt *statement);
    sqlite3_stmt *m_statement = nullptr;
    Error m_error;
    QHash<QByteArray, QString> m_shared; // sharedText()'s values, by their UTF-8 bytes
    QVarLengthArray<QByteArray, 16> m_bound; // the bound text, bound without a copy
};

/// A write prepared once and run many times (a full sync's upserts: 200,000 of them). QSqlQuery
/// costs more than SQLite there: every positional bind formats a placeholder name and hashes it,
/// and text goes in as UTF-16 that SQLite converts back. Here values bind straight: integers,
/// NULL, QString as UTF-8, QByteArray as UTF-8 text as it is (e.g. compact JSON), and a QCborValue
/// as its encoding (a blob).
class RawStatement
{
public:
    static Result<RawStatement> prepare(const QSqlDatabase &db, const QString &sql);

    RawStatement(RawStatement &&other) noexcept;
    RawStatement &operator=(RawStatement &&) = delete;
    RawStatement(const RawStatement &) = delete;
    ~RawStatement();

    /// Binds `binds` in order, runs the statement to its end and resets it for the next run.
    Status run(const QVariantList &binds);

private:
    explicit RawStatement(sqlite3_stmt *statement);
    sqlite3_stmt *m_statement = nullptr;
};

} // namespace outpost::client
