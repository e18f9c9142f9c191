// SPDX-License-Identifier: MIT
#include "tx.h"

#include "storelogging.h"

#include <QSqlError>

namespace outpost::server {

Result<Tx> Tx::begin(Database &database, Mode mode)
{
    // The turn comes first: a writer waiting for one holds no connection state, no transaction and
    // no database lock.
    WriteGate::Permit turn;
    if (mode == Mode::Write) {
        auto t = database.writeGate().acquire();
        if (!t)
            return t.error();
        turn = std::move(t).value();
    }
    auto conn = database.connection();
    if (!conn)
        return conn.error();
    QSqlDatabase db = conn.value();
    Tx tx(&database, db, database.kind());
    tx.m_open = false;
    QString beginSql;
    if (database.kind() == DbKind::SQLite)
        beginSql = mode == Mode::Write ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
    else
        beginSql = mode == Mode::Write ? QStringLiteral("BEGIN ISOLATION LEVEL READ COMMITTED")
                                       : QStringLiteral("BEGIN ISOLATION LEVEL READ COMMITTED READ ONLY");
    QSqlQuery q(db);
    if (!q.exec(beginSql)) {
        // A connection the PostgreSQL server dropped (restart, idle timeout) is reopened once. On SQLite
        // a failed BEGIN is a lock held past busy_timeout: reopening would not help.
        if (database.kind() != DbKind::PostgreSQL || !database.reconnect())
            return dbError(QStringLiteral("begin transaction"), q);
        tx.m_db = database.connection().value();
        QSqlQuery retry(tx.m_db);
        if (!retry.exec(beginSql))
            return dbError(QStringLiteral("begin transaction"), retry);
    }
    tx.m_open = true;
    tx.m_turn = std::move(turn);
    if (mode == Mode::Write && database.kind() == DbKind::PostgreSQL) {
        auto lock = tx.run(QStringLiteral("SELECT value FROM counters WHERE name = 'seq' FOR UPDATE"));
        if (!lock)
            return lock.error();
        if (lock.value().next())
            tx.m_seq = lock.value().value(0).toLongLong();
    }
    return tx;
}

Tx::Tx(Tx &&other) noexcept
    : m_database(other.m_database)
    , m_db(std::move(other.m_db))
    , m_kind(other.m_kind)
    , m_open(other.m_open)
    , m_turn(std::move(other.m_turn))
    , m_used(std::move(other.m_used))
    , m_uncached(std::move(other.m_uncached))
    , m_seq(other.m_seq)
    , m_seqTaken(other.m_seqTaken)
{
    other.m_open = false;
}

Tx::~Tx()
{
    rollback();
}

Result<QSqlQuery> Tx::run(const QString &sql, const QVariantList &args)
{
    return runSql(m_db, sql, args);
}

Result<std::shared_ptr<QSqlQuery>> runCachedSql(
    Database &database, QSqlDatabase &db, const QString &sql, const QVariantList &args)
{
    if (auto st = checkParameters(args); !st)
        return st.error();
    QHash<QString, std::shared_ptr<QSqlQuery>> &cache = database.statementCache(db.connectionName());
    std::shared_ptr<QSqlQuery> &slot = cache[sql];
    if (!slot) {
        auto q = std::make_shared<QSqlQuery>(db);
        q->setForwardOnly(true);
        if (!q->prepare(sql)) {
            const Error e = dbError(QStringLiteral("prepare"), *q);
            cache.remove(sql);
            return e;
        }
        slot = q;
    }
    std::shared_ptr<QSqlQuery> q = slot;
    q->finish();
    for (int i = 0; i < args.size(); ++i)
        q->bindValue(i, args.at(i));
    if (!q->exec()) {
        // A statement of a connection that was closed and opened again cannot run any more:
        // prepare it afresh once (a real error comes back the same way).
        cache.remove(sql);
        auto fresh = std::make_shared<QSqlQuery>(db);
        fresh->setForwardOnly(true);
        if (!fresh->prepare(sql))
            return dbError(QStringLiteral("prepare"), *fresh);
        for (int i = 0; i < args.size(); ++i)
            fresh->bindValue(i, args.at(i));
        if (!fresh->exec())
            return dbError(QStringLiteral("statement"), *fresh);
        cache.insert(sql, fresh);
        q = fresh;
    }
    return q;
}

Result<QSqlQuery *> Tx::runCached(const QString &sql, const QVariantList &args)
{
    if (m_kind != DbKind::SQLite || !m_open) {
        // PostgreSQL: run() sends one statement per round trip already; keep the last one here.
        auto q = run(sql, args);
        if (!q)
            return q.error();
        m_uncached.emplace(std::move(q).value());
        return &*m_uncached;
    }
    auto q = runCachedSql(*m_database, m_db, sql, args);
    if (!q)
        return q.error();
    m_used.append(q.value());
    return q.value().get();
}

void Tx::resetCached()
{
    for (const std::shared_ptr<QSqlQuery> &q : std::as_const(m_used))
        q->finish();
    m_used.clear();
    m_uncached.reset();
}

Result<QSqlQuery> Tx::prepare(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.prepare(sql))
        return dbError(QStringLiteral("prepare"), q);
    return q;
}

Status Tx::execPrepared(QSqlQuery &q, const QVariantList &args)
{
    if (auto st = checkParameters(args); !st)
        return st;
    for (int i = 0; i < args.size(); ++i)
        q.bindValue(i, args.at(i));
    if (!q.exec())
        return dbError(QStringLiteral("statement"), q);
    return Status::success();
}

Result<qint64> Tx::takeSeq(int n)
{
    if (!m_seq) {
        auto q = runCached(QStringLiteral("SELECT value FROM counters WHERE name = 'seq'"));
        if (!q)
            return q.error();
        if (!q.value()->next())
            return Error(QStringLiteral("unavailable"), QStringLiteral("The sequence counter is missing."));
        m_seq = q.value()->value(0).toLongLong();
        q.value()->finish();
    }
    const qint64 first = *m_seq + 1;
    *m_seq += n;
    m_seqTaken = true;
    return first;
}

Result<qint64> Tx::currentSeq()
{
    if (m_seq)
        return *m_seq;
    auto q = run(QStringLiteral("SELECT value FROM counters WHERE name = 'seq'"));
    if (!q)
        return q.error();
    if (!q.value().next())
        return Error(QStringLiteral("unavailable"), QStringLiteral("The sequence counter is missing."));
    return q.value().value(0).toLongLong();
}

Status Tx::commit()
{
    if (!m_open)
        return Error(QStringLiteral("unavailable"), QStringLiteral("No transaction to commit."));
    if (m_seqTaken) {
        auto u = run(QStringLiteral("UPDATE counters SET value = ? WHERE name = 'seq'"), { *m_seq });
        if (!u) {
            rollback();
            return u.error();
        }
        m_seqTaken = false;
    }
    resetCached();
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const Error e = dbError(QStringLiteral("commit"), q);
        rollback();
        return e;
    }
    m_open = false;
    m_turn.release();
    return Status::success();
}

void Tx::rollback()
{
    m_seq.reset();
    m_seqTaken = false;
    resetCached();
    if (m_open) {
        m_open = false;
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("ROLLBACK")))
            qCWarning(lcStore) << "rollback failed:" << q.lastError().text();
    }
    m_turn.release();
}

QString BatchInsert::statement(int rows) const
{
    QString sql = m_head;
    sql.reserve(m_head.size() + rows * (m_row.size() + 2));
    for (int i = 0; i < rows; ++i) {
        if (i > 0)
            sql += QLatin1String(", ");
        sql += m_row;
    }
    sql += m_tail;
    return sql;
}

Status BatchInsert::add(const QVariantList &row)
{
    m_pending += row;
    if (++m_pendingRows < m_rows)
        return Status::success();
    if (!m_full) {
        auto q = m_tx.prepare(statement(m_rows));
        if (!q)
            return q.error();
        m_full = q.value();
    }
    const Status st = Tx::execPrepared(*m_full, m_pending);
    m_pending.clear();
    m_pendingRows = 0;
    return st;
}

Status BatchInsert::flush()
{
    if (m_pendingRows == 0)
        return Status::success();
    auto q = m_tx.run(statement(m_pendingRows), m_pending);
    m_pending.clear();
    m_pendingRows = 0;
    if (!q)
        return q.error();
    return Status::success();
}

} // namespace outpost::server
