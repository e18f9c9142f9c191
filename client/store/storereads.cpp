// SPDX-License-Identifier: MIT
// Reads for lists, detail views, the outbox view and the status line.
#include "storereads.h"

#ifdef OUTPOST_RAW_SQLITE
#include "rawquery.h"
#endif

#include "queuegate.h"
#include "storejson.h"
#include "storeparts.h"

#include <QCborValue>
#include <QCoreApplication>

#include <limits>

namespace outpost::client {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::client::LocalStore)
};

} // namespace

QList<CaseType> StoreReads::caseTypes() const
{
    QList<CaseType> out;
    if (auto q = d.db.run(QStringLiteral("SELECT json FROM case_types ORDER BY title")))
        while (q.value().next())
            if (auto ct = CaseType::fromJson(jsonObject(q.value().value(0).toString())))
                out.append(ct.value());
    return out;
}

std::optional<CaseType> StoreReads::caseType(const QString &name) const
{
    return d.cases.caseType(name);
}

std::optional<LocalCase> StoreReads::caseById(const QString &caseId) const
{
    return d.cases.load(caseId);
}

QString StoreReads::resolveId(const QString &caseId) const
{
    return d.cases.resolve(caseId);
}

namespace {
/// FROM … WHERE … ORDER BY … LIMIT of a case list (cases() and caseSummaries() select the same rows).
QString caseListTail(const CaseFilter &f, QVariantList *binds)
{
    QStringList where;
    if (!f.caseType.isEmpty()) {
        where << QStringLiteral("cases.case_type = ?");
        *binds << f.caseType;
    }
    if (!f.status.isEmpty()) {
        where << QStringLiteral("coalesce(cases.local_status, cases.status) = ?");
        *binds << f.status;
    }
    if (!f.queue.isEmpty()) {
        where << QStringLiteral("cases.queue = ?");
        *binds << f.queue;
    }
    if (!f.assignee.isEmpty()) {
        where << QStringLiteral("cases.assignee = ?");
        *binds << f.assignee;
    }
    if (!f.text.isEmpty()) {
        where << QStringLiteral(
            "(instr(lower(cases.id), lower(?)) > 0 OR instr(lower(coalesce(cases.local_title, cases.title)), "
            "lower(?)) > 0)");
        *binds << f.text << f.text;
    }
    if (!f.includeResolved)
        where << QStringLiteral("coalesce(cases.local_status, cases.status) NOT LIKE 'Resolved-%'");
    if (f.rowidFrom > 0 || f.rowidTo > 0) {
        where << QStringLiteral("cases.rowid BETWEEN ? AND ?");
        *binds << f.rowidFrom << (f.rowidTo > 0 ? f.rowidTo : std::numeric_limits<qint64>::max());
    }
    if (f.onlyPending)
        where << QStringLiteral(
            "(cases.pending_count > 0 OR cases.has_conflict <> 0 OR cases.has_issue <> 0 OR "
            "cases.removed_on_server <> 0 OR cases.is_local_only <> 0)");
    QString sql = QStringLiteral(" FROM cases");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    if (f.ordered)
        sql += QStringLiteral(" ORDER BY cases.updated_at DESC, cases.id");
    sql += QStringLiteral(" LIMIT ? OFFSET ?");
    *binds << f.limit << f.offset;
    return sql;
}

// The list columns. updated_at (ISO 8601, UTC) becomes ms since the epoch in SQLite; the search
// text is the local view's text and number values joined by SQLite's JSON reader (a row whose
// JSON does not parse gets none instead of failing the whole list).
const QString kSearchText = QStringLiteral(
    "CASE WHEN json_valid(coalesce(cases.fields, cases.server_fields)) THEN (SELECT group_concat(value, ' ') "
    "FROM json_each(coalesce(cases.fields, cases.server_fields)) WHERE type IN ('text', 'integer', 'real')) "
    "END");
// The assignment's due date and instructions are columns of the case (schema v4: the assignment due
// first, kept by triggers); the due date (ISO 8601) becomes ms since the epoch like updated_at.
const QString kListColumns = QStringLiteral(
    "SELECT cases.id, cases.case_type, coalesce(cases.local_status, cases.status), cases.queue, "
    "cases.assignee, coalesce(cases.local_title, cases.title), "
    "CAST(round((julianday(cases.updated_at) - 2440587.5) * 86400000.0) AS INTEGER), cases.pending_count, "
    "cases.has_conflict, cases.has_issue, "
    "CAST(round((julianday(nullif(cases.due_at, '')) - 2440587.5) * 86400000.0) AS INTEGER), "
    "cases.instructions, cases.priority, cases.site, ");
const QString kSummaryColumns = kListColumns + kSearchText;

/// One list row (kListColumns, then the search text or NULL) from a query's current row: a
/// QSqlQuery (through SqlRow) or a RawQuery, which shares the values that repeat.
template <typename Row> CaseSummary summaryFrom(Row &r)
{
    CaseSummary s;
    s.id = r.text(0);
    s.caseType = r.sharedText(1);
    s.status = r.sharedText(2);
    s.queue = r.sharedText(3);
    s.assignee = r.sharedText(4);
    s.title = r.text(5);
    s.updatedAtMs = r.integer(6);
    s.pendingCount = int(r.integer(7));
    s.hasConflict = r.integer(8) != 0;
    s.hasIssue = r.integer(9) != 0;
    s.dueAtMs = r.integer(10);
    s.instructions = r.text(11);
    s.priority = r.sharedText(12);
    s.site = r.sharedText(13);
    s.searchText = r.text(14);
    s.resolved = isResolvedStatus(s.status);
    return s;
}

/// RawQuery's reading interface over a QSqlQuery.
struct SqlRow {
    const QSqlQuery &q;
    QString text(int column) const { return q.value(column).toString(); }
    QString sharedText(int column) const { return text(column); }
    qint64 integer(int column) const { return q.value(column).toLongLong(); }
};

CaseSummary summaryFromQuery(const QSqlQuery &q)
{
    SqlRow r { q };
    return summaryFrom(r);
}
} // namespace

QList<LocalCase> StoreReads::cases(const CaseFilter &f) const
{
    QVariantList binds;
    const QString sql = QStringLiteral("SELECT ") + CaseTable::columns() + caseListTail(f, &binds);
    QList<LocalCase> out;
    if (auto q = d.db.run(sql, binds))
        while (q.value().next())
            out.append(CaseTable::fromQuery(q.value()));
    return out;
}

QList<CaseSummary> StoreReads::caseSummaries(const CaseFilter &f) const
{
    QList<CaseSummary> out;
    (void)visitCaseSummaries(f, true, [&out](CaseSummary &&s) { out.append(std::move(s)); });
    return out;
}

Status StoreReads::visitCaseSummaries(
    const CaseFilter &f, bool withSearchText, const std::function<void(CaseSummary &&)> &visit) const
{
    QVariantList binds;
    const QString sql = (withSearchText ? kSummaryColumns : kListColumns + QStringLiteral("NULL"))
        + caseListTail(f, &binds);
#ifdef OUTPOST_RAW_SQLITE
    // Straight through SQLite: the worklist's 50,000 rows without a QVariant per value.
    auto q = RawQuery::prepare(d.db.db(), sql, binds);
    if (!q)
        return q.error();
    RawQuery &r = q.value();
    while (r.next())
        visit(summaryFrom(r));
    return r.error().isNull() ? Status::success() : Status(r.error());
#else
    auto q = d.db.run(sql, binds);
    if (!q)
        return q.error();
    while (q.value().next())
        visit(summaryFromQuery(q.value()));
    return Status::success();
#endif
}

QHash<QString, QString> StoreReads::caseSearchTexts(const CaseFilter &f) const
{
    QVariantList binds;
    const QString sql = QStringLiteral("SELECT cases.id, ") + kSearchText + caseListTail(f, &binds);
    QHash<QString, QString> out;
    if (auto q = d.db.run(sql, binds))
        while (q.value().next())
            out.insert(q.value().value(0).toString(), q.value().value(1).toString());
    return out;
}

std::optional<CaseSummary> StoreReads::caseSummary(const QString &caseId) const
{
    std::optional<CaseSummary> s;
    (void)d.db.forEach(kSummaryColumns + QStringLiteral(" FROM cases WHERE cases.id = ?"),
        { d.cases.resolve(caseId) }, [&s](const QSqlQuery &q) { s = summaryFromQuery(q); });
    return s;
}

QList<Assignment> StoreReads::assignments(const QString &caseId) const
{
    QList<Assignment> out;
    auto q = caseId.isEmpty()
        ? d.db.run(QStringLiteral("SELECT json FROM assignments ORDER BY due_at, id"))
        : d.db.run(QStringLiteral("SELECT json FROM assignments WHERE case_id = ? ORDER BY due_at, id"),
            { d.cases.resolve(caseId) });
    if (q)
        while (q.value().next())
            if (auto a = Assignment::fromJson(jsonObject(q.value().value(0).toString())))
                out.append(a.value());
    return out;
}

qint64 StoreReads::lastCaseRowid() const
{
    return d.db.scalar(QStringLiteral("SELECT coalesce(max(rowid), 0) FROM cases")).toLongLong();
}

int StoreReads::historyCount() const
{
    return d.db.scalar(QStringLiteral("SELECT count(*) FROM case_history")).toInt();
}

QList<HistoryRecord> StoreReads::caseHistory(const QString &caseId) const
{
    QList<HistoryRecord> out;
    (void)d.db.forEach(QStringLiteral("SELECT entry FROM case_history WHERE case_id = ? ORDER BY at, rowid"),
        { d.cases.resolve(caseId) }, [&out](const QSqlQuery &q) {
            out.append(HistoryRecord::fromJson(
                QCborValue::fromCbor(q.value(0).toByteArray()).toJsonValue().toObject()));
        });
    return out;
}

QList<QueuedAction> StoreReads::queuedActions(const QString &caseId) const
{
    QList<QueuedAction> out;
    for (const OutboxRow &r : d.outbox.rowsOf(d.cases.resolve(caseId)))
        out.append(r.toQueued());
    return out;
}

QList<OutboxEntry> StoreReads::outbox() const
{
    QueueGate gate(d.db);
    QHash<QString, std::optional<CaseType>> types;
    QList<OutboxEntry> out;
    for (const OutboxRow &r : d.outbox.load(QString(), {})) {
        OutboxEntry e;
        e.seq = r.seq;
        e.actionId = r.actionId;
        e.caseId = r.caseId;
        e.type = r.action.type;
        e.state = r.state;
        e.attempts = r.attempts;
        e.lastError = r.lastError;
        e.createdAt = QDateTime::fromString(r.createdAt, Qt::ISODateWithMs);
        e.blockedBy = queueBlockName(gate.check(r.seq, r.caseId, r.state));
        const QString typeName = r.action.type == ActionType::Create
            ? r.action.caseType
            : d.db.scalar(QStringLiteral("SELECT case_type FROM cases WHERE id = ?"), { r.caseId })
                  .toString();
        if (!types.contains(typeName))
            types.insert(typeName, d.cases.caseType(typeName));
        const auto &t = types[typeName];
        e.description = describeAction(d.cases, d.db, r.action, r.baseFields, t ? &*t : nullptr);
        out.append(e);
    }
    return out;
}

QList<ConflictEntry> StoreReads::conflicts(const QString &caseId) const
{
    QList<ConflictEntry> out;
    auto q = caseId.isEmpty()
        ? d.db.run(QStringLiteral(
            "SELECT c.case_id, c.field, c.base, c.mine, c.theirs, c.policy, c.created_at, "
            "k.case_type FROM conflicts c JOIN cases k ON k.id = c.case_id ORDER BY c.case_id, c.field"))
        : d.db.run(QStringLiteral(
                       "SELECT c.case_id, c.field, c.base, c.mine, c.theirs, c.policy, c.created_at, "
                       "k.case_type FROM conflicts c JOIN cases k ON k.id = c.case_id WHERE c.case_id = ? "
                       "ORDER BY c.field"),
            { d.cases.resolve(caseId) });
    if (!q)
        return out;
    QHash<QString, std::optional<CaseType>> types;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        ConflictEntry e;
        e.caseId = r.value(0).toString();
        e.field = r.value(1).toString();
        e.base = decodeJsonValue(r.value(2).toString());
        e.mine = decodeJsonValue(r.value(3).toString());
        e.theirs = decodeJsonValue(r.value(4).toString());
        e.policy = conflictRuleFromName(r.value(5).toString()).value_or(ConflictRule::Merge);
        e.createdAt = QDateTime::fromString(r.value(6).toString(), Qt::ISODateWithMs);
        const QString tn = r.value(7).toString();
        if (!types.contains(tn))
            types.insert(tn, d.cases.caseType(tn));
        e.label = fieldLabel(types[tn] ? &*types[tn] : nullptr, e.field);
        out.append(e);
    }
    return out;
}

QList<SyncIssue> StoreReads::syncIssues() const
{
    QList<SyncIssue> out;
    auto q
        = d.db.run(QStringLiteral("SELECT action_id, case_id, status, error, action, base_fields, created_at "
                                  "FROM sync_issues ORDER BY action_seq"));
    if (!q)
        return out;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        SyncIssue s;
        s.actionId = r.value(0).toString();
        s.caseId = r.value(1).toString();
        s.status
            = r.value(2).toString() == QLatin1String("gone") ? ResultStatus::Gone : ResultStatus::Rejected;
        s.error = Error::fromJson(jsonObject(r.value(3).toString()));
        if (auto a = Action::fromJson(jsonObject(r.value(4).toString())))
            s.action = a.value();
        s.createdAt = QDateTime::fromString(r.value(6).toString(), Qt::ISODateWithMs);
        s.description = describeAction(d.cases, d.db, s.action, jsonObject(r.value(5).toString()), nullptr);
        out.append(s);
    }
    return out;
}

int StoreReads::pendingCount() const
{
    return d.db.scalar(QStringLiteral("SELECT count(*) FROM outbox")).toInt();
}

QDateTime StoreReads::oldestPendingAt() const
{
    const QVariant v = d.db.scalar(QStringLiteral("SELECT min(created_at) FROM outbox"));
    if (v.isNull())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (t.isValid())
        t = t.toUTC();
    return t;
}

int StoreReads::conflictCount() const
{
    return d.db.scalar(QStringLiteral("SELECT count(*) FROM conflicts")).toInt();
}

QList<DataPageRow> StoreReads::dataPageRows(const QString &page, const QString &keyPrefix, int limit) const
{
    QList<DataPageRow> out;
    auto q
        = d.db.run(QStringLiteral("SELECT json FROM data_page_rows WHERE page = ? AND key >= ? AND key < ? "
                                  "ORDER BY key LIMIT ?"),
            { page, keyPrefix, QString(keyPrefix + QChar(0xFFFF)), limit });
    if (q)
        while (q.value().next())
            if (auto r = DataPageRow::fromJson(jsonObject(q.value().value(0).toString())))
                out.append(r.value());
    return out;
}

bool StoreReads::hasDataPageRow(const QString &page, const QString &key) const
{
    return d.cases.lookup()(page, key);
}

QHash<QString, QString> StoreReads::dataPageLabels(const QString &page) const
{
    QHash<QString, QString> out;
    (void)d.db.forEach(QStringLiteral("SELECT key, label FROM data_page_rows WHERE page = ?"), { page },
        [&out](const QSqlQuery &q) { out.insert(q.value(0).toString(), q.value(1).toString()); });
    return out;
}

QList<EventEntry> StoreReads::eventLog(int limit) const
{
    QList<EventEntry> out;
    auto q = d.db.run(
        QStringLiteral("SELECT id, at, level, category, message FROM event_log ORDER BY id DESC LIMIT ?"),
        { limit });
    if (!q)
        return out;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        EventEntry e;
        e.id = r.value(0).toLongLong();
        e.at = QDateTime::fromString(r.value(1).toString(), Qt::ISODateWithMs);
        const QString lv = r.value(2).toString();
        e.level = lv == QLatin1String("error") ? EventLevel::Error
            : lv == QLatin1String("warning")   ? EventLevel::Warning
            : lv == QLatin1String("debug")     ? EventLevel::Debug
                                               : EventLevel::Info;
        e.category = r.value(3).toString();
        e.message = r.value(4).toString();
        out.append(e);
    }
    return out;
}

StoreStatus StoreReads::status() const
{
    StoreStatus s;
    s.path = d.path;
    s.schemaVersion = d.version;
    auto q = d.db.run(QStringLiteral("SELECT (SELECT count(*) FROM cases), (SELECT count(*) FROM outbox), "
                                     "(SELECT count(*) FROM outbox WHERE state = 'held'), (SELECT count(*) "
                                     "FROM outbox WHERE state = 'inflight'), "
                                     "(SELECT count(*) FROM conflicts), (SELECT count(*) FROM sync_issues), "
                                     "(SELECT count(*) FROM attachments WHERE uploaded = 0)"));
    if (q && q.value().next()) {
        const QSqlQuery &r = q.value();
        s.cases = r.value(0).toInt();
        s.pending = r.value(1).toInt();
        s.held = r.value(2).toInt();
        s.inflight = r.value(3).toInt();
        s.conflicts = r.value(4).toInt();
        s.syncIssues = r.value(5).toInt();
        s.attachmentsToUpload = r.value(6).toInt();
    }
    s.syncToken = ServerPages(d).syncToken();
    s.lastSuccess = ServerPages(d).lastSuccess();
    s.fullSyncInProgress = ServerPages(d).fullSyncInProgress();
    return s;
}

} // namespace outpost::client
