// SPDX-License-Identifier: MIT
#pragma once

#include "database.h"

#include <QHash>
#include <QList>

#include <memory>

#include <optional>

namespace outpost::server {

/// One transaction on the calling thread's connection; rolled back unless committed.
/// A write transaction first takes the single sequence counter row (SQLite: BEGIN IMMEDIATE;
/// PostgreSQL: SELECT ... FOR UPDATE), so writers are serialised and sequence numbers become
/// visible in commit order: a reader that sees seq N sees everything below N.
/// Before that, a write transaction takes a turn at the database's WriteGate (Error "busy" when the
/// server has enough writers running and waiting), and holds it until commit or rollback.
class Tx
{
public:
    enum class Mode { Read, Write };
    static Result<Tx> begin(Database &db, Mode mode);
    Tx(Tx &&other) noexcept;
    Tx &operator=(Tx &&) = delete;
    ~Tx();

    DbKind kind() const { return m_kind; }
    QSqlDatabase &db() { return m_db; }
    Database &database() { return *m_database; }
    Result<QSqlQuery> run(const QString &sql, const QVariantList &args = {});
    /// Like run(), for statements a request runs again and again (per action): on SQLite the
    /// statement is prepared once per connection and reused; every one used is reset at commit or
    /// rollback, so that none keeps a read snapshot open. The result is read through the pointer
    /// until the next runCached() of this transaction (on PostgreSQL, which runs each statement in
    /// one round trip anyway, the same holds).
    Result<QSqlQuery *> runCached(const QString &sql, const QVariantList &args = {});
    /// A prepared statement for repeated use (bulk inserts).
    Result<QSqlQuery> prepare(const QString &sql);
    static Status execPrepared(QSqlQuery &q, const QVariantList &args);

    /// Takes the next n sequence numbers; returns the first of them. The counter row is read once
    /// per transaction (writers hold it, so nobody else moves it) and written back once, at commit:
    /// a request stamping 500 feed rows takes one range instead of 500 counter updates.
    Result<qint64> takeSeq(int n = 1);
    /// The highest sequence number committed (or taken by this transaction).
    Result<qint64> currentSeq();

    Status commit();
    void rollback();

private:
    Tx(Database *database, QSqlDatabase db, DbKind kind)
        : m_database(database)
        , m_db(std::move(db))
        , m_kind(kind)
    { }
    Database *m_database;
    QSqlDatabase m_db;
    DbKind m_kind;
    bool m_open = true;
    WriteGate::Permit m_turn;
    QList<std::shared_ptr<QSqlQuery>> m_used; // cached statements run in this transaction
    std::optional<QSqlQuery> m_uncached; // runCached() on PostgreSQL: the last statement
    std::optional<qint64> m_seq; // the highest sequence number taken by this transaction
    bool m_seqTaken = false; // m_seq is ahead of the counter row: written at commit
    void resetCached();
};

/// A statement prepared once per connection and run again (SQLite): the one Tx::runCached() uses,
/// for a statement outside a transaction too (a request's session lookup). The caller reads the
/// result and then calls finish() on it before it does anything else on the connection: a
/// statement left stepping keeps a read snapshot open.
Result<std::shared_ptr<QSqlQuery>> runCachedSql(
    Database &database, QSqlDatabase &db, const QString &sql, const QVariantList &args = {});

/// Multi-row INSERTs for bulk loads (one round trip per `rowsPerStatement` rows on PostgreSQL).
class BatchInsert
{
public:
    /// head: "INSERT INTO t (a, b, c) VALUES "; row: "(?, ?, 1)" with `params` placeholders.
    BatchInsert(Tx &tx, QString head, QString row, int rowsPerStatement = 100)
        : m_tx(tx)
        , m_head(std::move(head))
        , m_row(std::move(row))
        , m_rows(rowsPerStatement)
    { }
    /// Text after the rows, e.g. an "ON CONFLICT … DO UPDATE" clause (no placeholders).
    void setTail(QString tail) { m_tail = std::move(tail); }
    Status add(const QVariantList &row);
    Status flush();

private:
    QString statement(int rows) const;
    Tx &m_tx;
    QString m_head, m_row, m_tail;
    int m_rows;
    QVariantList m_pending;
    int m_pendingRows = 0;
    std::optional<QSqlQuery> m_full;
};

} // namespace outpost::server
