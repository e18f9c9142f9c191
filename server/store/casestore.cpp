// SPDX-License-Identifier: MIT
#include "casestore.h"

#include <QDateTime>
#include <QJsonDocument>

namespace outpost::server {

namespace {
QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
} // namespace

QString etagFor(qint64 version)
{
    return QLatin1Char('"') + QString::number(version) + QLatin1Char('"');
}

QString nowRfc3339()
{
    // Formatting a date costs more than the rest of an audit row; within one millisecond the text is
    // the same (a worker thread keeps its own).
    thread_local qint64 lastMs = -1;
    thread_local QString lastText;
    const qint64 ms = QDateTime::currentMSecsSinceEpoch();
    if (ms != lastMs) {
        lastMs = ms;
        lastText = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
    }
    return lastText;
}

bool canWork(const Principal &user, const CaseRecord &c)
{
    if (user.canDispatch())
        return true;
    if (c.isResolved())
        return false;
    return c.assignee == user.id
        || (c.assignee.isEmpty() && !c.queue.isEmpty() && user.queues.contains(c.queue));
}

bool canRead(const Principal &user, const CaseRecord &c)
{
    return canWork(user, c) || (c.isResolved() && c.assignee == user.id);
}

FeedScope scopeOf(const CaseRecord &c)
{
    FeedScope s;
    s.user = c.assignee;
    s.queue = c.queue;
    s.resolved = c.isResolved();
    return s;
}

namespace {
/// The case columns `load` and `loadMany` select, from column `at` on (id not included).
void readCaseRow(const QSqlQuery &r, int at, StoredCase &c)
{
    c.rec.caseType = r.value(at).toString();
    c.rec.caseTypeVersion = r.value(at + 1).toInt();
    c.rec.status = r.value(at + 2).toString();
    c.rec.title = r.value(at + 3).toString();
    c.rec.assignee = r.value(at + 4).toString();
    c.rec.queue = r.value(at + 5).toString();
    c.version = r.value(at + 6).toLongLong();
    c.rec.etag = etagFor(c.version);
    c.rec.createdAt = r.value(at + 7).toString();
    c.rec.updatedAt = r.value(at + 8).toString();
    c.rec.fields = QJsonDocument::fromJson(Database::docBytes(r.value(at + 9))).object();
}

/// id, name, mime, size, sha256 from column `at` on.
AttachmentRef readAttachmentRow(const QSqlQuery &r, int at)
{
    AttachmentRef ref;
    ref.id = r.value(at).toString();
    ref.name = r.value(at + 1).toString();
    ref.mime = r.value(at + 2).toString();
    ref.size = r.value(at + 3).toLongLong();
    ref.sha256 = r.value(at + 4).toString();
    return ref;
}
} // namespace

Result<std::optional<StoredCase>> CaseStore::load(Tx &tx, const QString &id)
{
    auto q = tx.runCached(
        QStringLiteral("SELECT case_type, case_type_version, status, title, assignee, queue, version,"
                       " created_at, updated_at, fields FROM cases WHERE id = ?"),
        { id });
    if (!q)
        return q.error();
    if (!q.value()->next())
        return std::optional<StoredCase>();
    StoredCase c;
    c.rec.id = id;
    readCaseRow(*q.value(), 0, c);
    q.value()->finish();
    auto a
        = tx.runCached(QStringLiteral("SELECT id, name, mime, size, sha256 FROM attachments WHERE case_id = ?"
                                      " ORDER BY created_at, id"),
            { id });
    if (!a)
        return a.error();
    while (a.value()->next())
        c.rec.attachments.append(readAttachmentRow(*a.value(), 0));
    return std::optional<StoredCase>(c);
}

Result<QHash<QString, StoredCase>> CaseStore::loadMany(Tx &tx, const QStringList &ids)
{
    QHash<QString, StoredCase> out;
    // The fields as bytes on SQLite: no UTF-16 round trip before they are parsed.
    const QString fields
        = tx.kind() == DbKind::SQLite ? QStringLiteral("CAST(fields AS BLOB)") : QStringLiteral("fields");
    constexpr qsizetype chunk = 100;
    for (qsizetype from = 0; from < ids.size(); from += chunk) {
        const qsizetype n = std::min(chunk, ids.size() - from);
        QVariantList args;
        args.reserve(n);
        for (qsizetype i = from; i < from + n; ++i)
            args.append(ids.at(i));
        QString marks = QStringLiteral("?, ").repeated(int(n));
        marks.chop(2);
        auto q
            = tx.run(QStringLiteral("SELECT id, case_type, case_type_version, status, title, assignee, queue,"
                                    " version, created_at, updated_at, %1 FROM cases WHERE id IN (%2)")
                         .arg(fields, marks),
                args);
        if (!q)
            return q.error();
        while (q.value().next()) {
            const QSqlQuery &r = q.value();
            StoredCase c;
            c.rec.id = r.value(0).toString();
            readCaseRow(r, 1, c);
            out.insert(c.rec.id, std::move(c));
        }
        auto a = tx.run(QStringLiteral("SELECT case_id, id, name, mime, size, sha256 FROM attachments"
                                       " WHERE case_id IN (%1) ORDER BY created_at, id")
                            .arg(marks),
            args);
        if (!a)
            return a.error();
        while (a.value().next()) {
            const QSqlQuery &r = a.value();
            auto it = out.find(r.value(0).toString());
            if (it == out.end())
                continue;
            it->rec.attachments.append(readAttachmentRow(r, 1));
        }
    }
    return out;
}

Result<QString> CaseStore::nextCaseId(Tx &tx)
{
    auto q = tx.run(
        QStringLiteral("UPDATE counters SET value = value + 1 WHERE name = 'case_id' RETURNING value"));
    if (!q)
        return q.error();
    if (!q.value().next())
        return Error(QStringLiteral("unavailable"), QStringLiteral("The case id counter is missing."));
    return QStringLiteral("C-%1").arg(q.value().value(0).toLongLong());
}

Status CaseStore::insert(Tx &tx, const StoredCase &c)
{
    auto q = tx.run(
        QStringLiteral("INSERT INTO cases (id, case_type, case_type_version, status, title, assignee, queue,"
                       " version, created_at, updated_at, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        { c.rec.id, c.rec.caseType, c.rec.caseTypeVersion, c.rec.status, c.rec.title, orNull(c.rec.assignee),
            orNull(c.rec.queue), c.version, c.rec.createdAt, c.rec.updatedAt,
            QString::fromUtf8(compact(c.rec.fields)) });
    if (!q)
        return q.error();
    return Status::success();
}

Status CaseStore::update(Tx &tx, const StoredCase &c)
{
    return update(tx, c, compact(c.rec.fields));
}

Status CaseStore::update(Tx &tx, const StoredCase &c, const QByteArray &fieldsJson)
{
    auto q = tx.runCached(
        QStringLiteral(
            "UPDATE cases SET case_type_version = ?, status = ?, title = ?, assignee = ?, queue = ?,"
            " version = ?, updated_at = ?, fields = ? WHERE id = ?"),
        { c.rec.caseTypeVersion, c.rec.status, c.rec.title, orNull(c.rec.assignee), orNull(c.rec.queue),
            c.version, c.rec.updatedAt, tx.database().docValue(fieldsJson), c.rec.id });
    if (!q)
        return q.error();
    return Status::success();
}

Status CaseStore::publish(Tx &tx, const StoredCase &c, bool scopeChanged, bool isNew)
{
    CaseRecord rec = c.rec;
    rec.etag = etagFor(c.version);
    auto s = FeedWriter::stamp(
        tx, kinds::caseRecord, rec.id, rec.etag, compact(rec.toJson()), scopeOf(rec), isNew);
    if (!s)
        return s.error();
    if (scopeChanged && !isNew) {
        auto a = loadAssignment(tx, rec.id);
        if (!a)
            return a.error();
        if (a.value())
            return saveAssignment(tx, *a.value(), rec, false);
    }
    return Status::success();
}

Status CaseStore::publishKeepingScope(Tx &tx, const StoredCase &c, const QByteArray &doc)
{
    // Same scope as the last stamp: there is no scope change to log, so no earlier row to read.
    auto s
        = FeedWriter::stamp(tx, kinds::caseRecord, c.rec.id, etagFor(c.version), doc, scopeOf(c.rec), true);
    if (!s)
        return s.error();
    return Status::success();
}

Result<std::optional<Assignment>> CaseStore::loadAssignment(Tx &tx, const QString &caseId, qint64 *version)
{
    auto q = tx.run(
        QStringLiteral(
            "SELECT id, assignee, queue, instructions, due_at, version FROM assignments WHERE case_id = ?"),
        { caseId });
    if (!q)
        return q.error();
    if (!q.value().next())
        return std::optional<Assignment>();
    Assignment a;
    a.id = q.value().value(0).toString();
    a.caseId = caseId;
    a.assignee = q.value().value(1).toString();
    a.queue = q.value().value(2).toString();
    a.instructions = q.value().value(3).toString();
    a.dueAt = q.value().value(4).toString();
    if (version)
        *version = q.value().value(5).toLongLong();
    return std::optional<Assignment>(a);
}

Status CaseStore::saveAssignment(Tx &tx, const Assignment &a, const CaseRecord &c, bool isNew)
{
    qint64 version = 1;
    if (isNew) {
        auto q = tx.run(
            QStringLiteral(
                "INSERT INTO assignments (id, case_id, assignee, queue, instructions, due_at, version)"
                " VALUES (?, ?, ?, ?, ?, ?, 1)"),
            { a.id, a.caseId, orNull(a.assignee), orNull(a.queue),
                a.instructions.isNull() ? QStringLiteral("") : a.instructions, orNull(a.dueAt) });
        if (!q)
            return q.error();
    } else {
        auto q = tx.run(
            QStringLiteral("UPDATE assignments SET assignee = ?, queue = ?, instructions = ?, due_at = ?,"
                           " version = version + 1 WHERE case_id = ? RETURNING version"),
            { orNull(a.assignee), orNull(a.queue),
                a.instructions.isNull() ? QStringLiteral("") : a.instructions, orNull(a.dueAt), a.caseId });
        if (!q)
            return q.error();
        if (q.value().next())
            version = q.value().value(0).toLongLong();
    }
    auto s = FeedWriter::stamp(
        tx, kinds::assignment, a.id, etagFor(version), compact(a.toJson()), scopeOf(c), isNew);
    if (!s)
        return s.error();
    return Status::success();
}

Status CaseStore::audit(Tx &tx, const AuditEntry &e)
{
    auto q = tx.runCached(
        QStringLiteral(
            "INSERT INTO audit (case_id, at, by_user, device_id, client_time, action, changes, note,"
            " original_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        auditRow(e));
    if (!q)
        return q.error();
    return Status::success();
}

Status CaseStore::record(Tx &tx, const AuditEntry &e, const CaseRecord &c)
{
    const QVariantList row = auditRow(e);
    auto q = tx.runCached(
        QStringLiteral(
            "INSERT INTO audit (case_id, at, by_user, device_id, client_time, action, changes, note,"
            " original_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        row);
    if (!q)
        return q.error();
    return addHistory(tx, row, c);
}

Status CaseStore::addHistory(Tx &tx, const QVariantList &row, const CaseRecord &c)
{
    // The entry as GET /cases/{id}/history answers it (row: auditRow's columns).
    auto orJsonNull = [](const QVariant &v) { return v.isNull() ? QJsonValue() : QJsonValue(v.toString()); };
    QJsonObject e { { QStringLiteral("at"), row.at(1).toString() },
        { QStringLiteral("by"), row.at(2).toString() }, { QStringLiteral("deviceId"), orJsonNull(row.at(3)) },
        { QStringLiteral("clientTime"), orJsonNull(row.at(4)) },
        { QStringLiteral("action"), row.at(5).toString() },
        { QStringLiteral("changes"), QJsonDocument::fromJson(row.at(6).toString().toUtf8()).object() } };
    if (!row.at(7).isNull())
        e.insert(QStringLiteral("text"), row.at(7).toString());
    if (!row.at(8).isNull())
        e.insert(QStringLiteral("originalAuthor"), row.at(8).toString());
    auto id = FeedWriter::addHistory(tx, c.id, e, scopeOf(c));
    if (!id)
        return id.error();
    return Status::success();
}

BatchInsert CaseStore::auditBatch(Tx &tx)
{
    return BatchInsert(tx,
        QStringLiteral("INSERT INTO audit (case_id, at, by_user, device_id, client_time, action, changes, "
                       "note, original_by) VALUES "),
        QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?)"), 50);
}

QVariantList CaseStore::auditRow(const AuditEntry &e, const QString &originalBy)
{
    return { e.caseId, nowRfc3339(), e.by, orNull(e.deviceId), orNull(e.clientTime), e.action,
        QString::fromUtf8(compact(e.changes)), e.note.isNull() ? nullString() : QVariant(e.note),
        orNull(originalBy) };
}

Result<QJsonArray> CaseStore::history(Tx &tx, const QString &caseId)
{
    auto q = tx.run(
        QStringLiteral("SELECT at, by_user, device_id, client_time, action, changes, note, original_by"
                       " FROM audit"
                       " WHERE case_id = ? ORDER BY id"),
        { caseId });
    if (!q)
        return q.error();
    QJsonArray out;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        QJsonObject e { { QStringLiteral("at"), r.value(0).toString() },
            { QStringLiteral("by"), r.value(1).toString() },
            { QStringLiteral("deviceId"),
                r.value(2).isNull() ? QJsonValue() : QJsonValue(r.value(2).toString()) },
            { QStringLiteral("clientTime"),
                r.value(3).isNull() ? QJsonValue() : QJsonValue(r.value(3).toString()) },
            { QStringLiteral("action"), r.value(4).toString() },
            { QStringLiteral("changes"), QJsonDocument::fromJson(r.value(5).toString().toUtf8()).object() } };
        if (!r.value(6).isNull())
            e.insert(QStringLiteral("text"), r.value(6).toString());
        if (!r.value(7).isNull()) // a reapplied sync issue: `by` reapplied what this user sent
            e.insert(QStringLiteral("originalAuthor"), r.value(7).toString());
        out.append(e);
    }
    return out;
}

} // namespace outpost::server
