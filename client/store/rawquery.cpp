// SPDX-License-Identifier: MIT
#include "rawquery.h"

#include "encryptedstore.h"
#include "storeerrors.h"

#include <QCborValue>
#include <QSqlDriver>
#include <QVarLengthArray>

#include <sqlite3.h>

namespace outpost::client {

namespace {
/// `rc` the failed call's result (0: the connection's last, sqlite3_errcode).
Error sqliteError(sqlite3 *db, const QString &what, int rc = 0)
{
    const QString detail
        = QStringLiteral("%1: %2").arg(what, QString::fromUtf8(db ? sqlite3_errmsg(db) : "no connection"));
    if (db && isSqliteFull(rc != 0 ? rc : sqlite3_errcode(db)))
        return diskFullError(detail);
    return Error(QStringLiteral("store_io"), detail);
}

/// Binds `binds` in order: integers, NULL, QString as UTF-8 (an empty one as '', not NULL),
/// QByteArray as UTF-8 text as it is, QCborValue as its encoding (a blob). The bytes made here
/// are kept in `keep`, which must outlive the statement's step (they are bound without a copy).
int bindValues(sqlite3_stmt *statement, const QVariantList &binds, QVarLengthArray<QByteArray, 16> &keep)
{
    int rc = SQLITE_OK;
    for (int i = 0; i < binds.size() && rc == SQLITE_OK; ++i) {
        const QVariant &v = binds.at(i);
        switch (v.typeId()) {
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::UInt:
        case QMetaType::ULongLong:
        case QMetaType::Bool:
            rc = sqlite3_bind_int64(statement, i + 1, v.toLongLong());
            break;
        case QMetaType::QCborValue:
            keep.append(static_cast<const QCborValue *>(v.constData())->toCbor());
            rc = sqlite3_bind_blob(
                statement, i + 1, keep.last().constData(), int(keep.last().size()), SQLITE_STATIC);
            break;
        case QMetaType::QByteArray: {
            const QByteArray &bytes = *static_cast<const QByteArray *>(v.constData());
            rc = sqlite3_bind_text(
                statement, i + 1, bytes.isNull() ? "" : bytes.constData(), int(bytes.size()), SQLITE_STATIC);
            break;
        }
        default:
            if (v.isNull()) {
                rc = sqlite3_bind_null(statement, i + 1);
                break;
            }
            keep.append(v.toString().toUtf8());
            rc = sqlite3_bind_text(statement, i + 1, keep.last().isNull() ? "" : keep.last().constData(),
                int(keep.last().size()), SQLITE_STATIC);
        }
    }
    return rc;
}
} // namespace

Result<RawQuery> RawQuery::prepare(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    sqlite3 *raw = encryptedstore::sqliteHandle(db);
    if (!raw)
        return Error(QStringLiteral("store_io"), QStringLiteral("not an open SQLite connection"));
    sqlite3_stmt *statement = nullptr;
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v2(raw, text.constData(), int(text.size()), &statement, nullptr) != SQLITE_OK)
        return sqliteError(raw, QStringLiteral("prepare"));
    RawQuery q(statement);
    if (bindValues(statement, binds, q.m_bound) != SQLITE_OK)
        return sqliteError(raw, QStringLiteral("bind"));
    return q;
}

RawQuery::RawQuery(sqlite3_stmt *statement)
    : m_statement(statement)
{ }

RawQuery::RawQuery(RawQuery &&other) noexcept
    : m_statement(std::exchange(other.m_statement, nullptr))
    , m_error(std::move(other.m_error))
    , m_shared(std::move(other.m_shared))
    , m_bound(std::move(other.m_bound))
{ }

RawQuery::~RawQuery()
{
    sqlite3_finalize(m_statement);
}

bool RawQuery::next()
{
    if (!m_statement)
        return false;
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_error = sqliteError(sqlite3_db_handle(m_statement), QStringLiteral("step"), rc);
    return false;
}

QString RawQuery::text(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_statement, column)) : QString();
}

QString RawQuery::sharedText(int column)
{
    constexpr qsizetype MaxShared = 4096; // a column with more distinct values is not what this is for
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    if (!p)
        return QString();
    const int n = sqlite3_column_bytes(m_statement, column);
    const QByteArray key = QByteArray::fromRawData(p, n); // no copy for the lookup
    if (const auto it = m_shared.constFind(key); it != m_shared.cend())
        return it.value();
    QString value = QString::fromUtf8(p, n);
    if (m_shared.size() < MaxShared)
        m_shared.insert(QByteArray(p, n), value);
    return value;
}

qint64 RawQuery::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

Result<RawStatement> RawStatement::prepare(const QSqlDatabase &db, const QString &sql)
{
    sqlite3 *raw = encryptedstore::sqliteHandle(db);
    if (!raw)
        return Error(QStringLiteral("store_io"), QStringLiteral("not an open SQLite connection"));
    sqlite3_stmt *statement = nullptr;
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v3(
            raw, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT, &statement, nullptr)
        != SQLITE_OK)
        return sqliteError(raw, QStringLiteral("prepare"));
    return RawStatement(statement);
}

RawStatement::RawStatement(sqlite3_stmt *statement)
    : m_statement(statement)
{ }

RawStatement::RawStatement(RawStatement &&other) noexcept
    : m_statement(std::exchange(other.m_statement, nullptr))
{ }

RawStatement::~RawStatement()
{
    sqlite3_finalize(m_statement);
}

Status RawStatement::run(const QVariantList &binds)
{
    sqlite3 *db = sqlite3_db_handle(m_statement);
    QVarLengthArray<QByteArray, 16> keep; // until the step is done
    int rc = bindValues(m_statement, binds, keep);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(m_statement);
        if (rc == SQLITE_ROW || rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    const Status st
        = rc == SQLITE_OK ? Status::success() : Status(sqliteError(db, QStringLiteral("step"), rc));
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    return st;
}

} // namespace outpost::client
