// SPDX-License-Identifier: MIT
// Internal to outpost_store: the private state of LocalStore and the helpers its parts share.
#pragma once

#include "localstore.h"
#include "rules/rulesengine.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <functional>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace outpost::client {

QString nowIso();
QString newUuid();
QString jsonText(const QJsonObject &obj);
QJsonObject jsonObject(const QString &text);
/// A single JSON value encoded as text for an SQL column (scalars included) and decoded back; null
/// stays null. Not for people: formatFieldValue() (core) is.
QString encodeJsonValue(const QJsonValue &v);
QJsonValue decodeJsonValue(const QString &text);
/// Undefined (absent) reads as null so that merges compare like with like.
QJsonValue orNull(const QJsonValue &v);
QueueState queueStateFromName(const QString &s);
/// A bind value as SQL should see it: a null QString is '' (only a null QVariant is NULL).
QVariant bindable(const QVariant &v);

/// BEGIN IMMEDIATE … COMMIT; rolls back when it goes out of scope uncommitted.
class SqlTransaction
{
public:
    explicit SqlTransaction(const QSqlDatabase &db)
        : m_db(db)
    { }
    ~SqlTransaction();
    Status begin();
    Status commit();

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

/// One outbox row as stored.
struct OutboxRow {
    qint64 seq = 0;
    QString actionId;
    QString caseId;
    QueueState state = QueueState::Queued;
    Action action;
    QJsonObject baseFields;
    int attempts = 0;
    QString lastError;
    QString createdAt;
    QueuedAction toQueued() const;
};

/// Calls `each(marks, binds)` for `ids` in chunks of at most 500: `marks` is "?, ?, …" for an
/// IN (…) list and `binds` the chunk's ids. Stops at the first error and returns it.
Status forIdChunks(const QStringList &ids,
    const std::function<Status(const QString &marks, const QVariantList &binds)> &each);

/// The cases columns caseFromQuery() reads, in order.
QString caseColumns();
LocalCase caseFromQuery(const QSqlQuery &q);
/// Outbox rows matching `where` (e.g. "WHERE case_id = ?"), in queue order.
QList<OutboxRow> loadOutbox(const LocalStore::Impl &d, const QString &where, const QVariantList &binds);

class LocalStore::Impl
{
public:
    QString path;
    QString attachDir;
    QString conn;
    Options options;
    int version = 0;

    QSqlDatabase db() const { return QSqlDatabase::database(conn, false); }
    Error sqlError(const QSqlQuery &q, const QString &what) const;

    /// Prepares, binds positionally and executes. The query is ready to be read.
    Result<QSqlQuery> run(const QString &sql, const QVariantList &binds = {}) const;
    /// For statements without a result set; the prepared statement is cached.
    Status exec(const QString &sql, const QVariantList &binds = {}) const;
    /// First column of the first row, or an invalid QVariant (cached statement, reset after use).
    QVariant scalar(const QString &sql, const QVariantList &binds = {}) const;
    /// Runs a cached SELECT and hands every row to `row`; the statement is reset afterwards, so
    /// `row` must not run the same SQL again.
    Status forEach(const QString &sql, const QVariantList &binds,
        const std::function<void(const QSqlQuery &)> &row) const;
    /// Drops the cached statements (before the connection closes).
    void clearStatements() const { m_statements.clear(); }

    /// A cached prepared statement, executed; the caller reads it and must finish() it.
    Result<QSqlQuery *> cached(const QString &sql, const QVariantList &binds) const;

private:
    mutable QHash<QString, QSqlQuery> m_statements;
    /// Case types by name with the JSON text they were parsed from.
    mutable QHash<QString, std::pair<QString, CaseType>> m_caseTypes;

public:
    QString stateValue(const QString &key) const;
    Status setStateValue(const QString &key, const QString &value) const;

    std::optional<CaseType> loadCaseType(const QString &name) const;
    std::optional<LocalCase> loadCase(const QString &id) const;
    QString resolve(const QString &id) const;
    LookupCheck lookup() const;

    QList<OutboxRow> outboxRows(const QString &caseId) const;
    std::optional<OutboxRow> outboxRow(const QString &actionId) const;
    /// seq, ids, state and action type only (payload and base fields are not read).
    std::optional<OutboxRow> outboxRowHead(const QString &actionId) const;
    /// seq 0 → appended at the end; otherwise the given position (must be free).
    Status insertOutbox(const Action &a, const QJsonObject &baseFields, qint64 seq = 0,
        QueueState state = QueueState::Queued) const;
    Status rewriteOutbox(qint64 seq, const Action &a, const QJsonObject &baseFields, QueueState state) const;

    /// Local view = server copy + sync-issue actions + queued actions, in queue order; flags too.
    Status recomputeCase(const QString &caseId) const;
    /// The same as recomputeCase() after an action that changes only `changed` fields (none for a
    /// note) was written as the case's last queued action, without replaying the queue.
    Status overlayView(const QString &caseId, const QJsonObject &changed) const;
    Status remapTempId(const QString &tempId, const QString &serverId) const;
    /// Writes the server copy of a case; keeps local columns (recompute afterwards).
    /// gen > 0 also marks the row as seen by that full-sync generation.
    Status writeServerCopy(const CaseRecord &c, qint64 gen = 0) const;
    /// The same for a case stored already (an UPDATE, cheaper than the upsert); with `settled`, the
    /// local view becomes the server copy too (nothing else is pending on the case). False when
    /// there is no such row.
    Result<bool> updateServerCopy(const CaseRecord &c, bool settled) const;
    qint64 fullSyncGen() const { return stateValue(QStringLiteral("full_sync_gen")).toLongLong(); }
    /// Removes a case created offline with everything queued for it (caller's transaction).
    Status deleteLocalCase(const QString &caseId, QStringList *filesToRemove) const;

    /// Inside the caller's transaction when there is one.
    void log(EventLevel level, const QString &category, const QString &message) const;
    QString describe(const Action &a, const QJsonObject &baseFields, const CaseType *type) const;
};

} // namespace outpost::client
