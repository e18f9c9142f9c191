// SPDX-License-Identifier: MIT
// The local view of a case (server copy + pending work) and the id remapping of created cases.
#include "casetable.h"

#include "outboxtable.h"
#include "storedb.h"
#include "storejson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace outpost::client {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::client::LocalStore)
};

void applyOnTop(QJsonObject &fields, const QJsonObject &changes)
{
    for (auto it = changes.begin(); it != changes.end(); ++it)
        fields.insert(it.key(), it.value());
}
} // namespace

Status CaseTable::recompute(const QString &caseId)
{
    bool found = false;
    QString typeName, serverStatus, serverTitle;
    QJsonObject serverFields;
    if (auto st = m_db.forEach(
            QStringLiteral("SELECT case_type, status, title, server_fields FROM cases WHERE id = ?"),
            { caseId },
            [&](const QSqlQuery &q) {
                found = true;
                typeName = q.value(0).toString();
                serverStatus = q.value(1).toString();
                serverTitle = q.value(2).toString();
                serverFields = jsonObject(q.value(3).toString());
            });
        !st.ok())
        return st;
    if (!found)
        return Status::success();

    // Pending work in queue order: actions in the error archive keep their place.
    // Only the payloads are read; a note changes nothing in the view unless it carries a title,
    // so most notes are counted without being parsed.
    QList<std::pair<qint64, Action>> actions;
    int pending = 0;
    if (auto st
        = m_db.forEach(QStringLiteral("SELECT seq, type, payload FROM outbox WHERE case_id = ? ORDER BY seq"),
            { caseId },
            [&](const QSqlQuery &q) {
                ++pending;
                const QString payload = q.value(2).toString();
                if (q.value(1).toString() == QLatin1String("note")
                    && !payload.contains(QLatin1String("\"title\"")))
                    return;
                // Only what the view takes from an action (the type is a checked column): the full
                // protocol validation ran when the action was queued.
                const QJsonObject o = jsonObject(payload);
                const auto t = actionTypeFromName(q.value(1).toString());
                if (o.isEmpty() || !t) {
                    qCWarning(lcStore) << "unreadable outbox payload" << q.value(0).toLongLong();
                    return;
                }
                Action a;
                a.type = *t;
                a.fields = o.value(QLatin1String("fields")).toObject();
                a.flowAction = o.value(QLatin1String("flowAction")).toString();
                a.title = o.value(QLatin1String("title")).toString();
                actions.append({ q.value(0).toLongLong(), std::move(a) });
            });
        !st.ok())
        return st;
    int issues = 0;
    if (auto st = m_db.forEach(QStringLiteral("SELECT action_seq, action FROM sync_issues WHERE case_id = ?"),
            { caseId },
            [&](const QSqlQuery &q) {
                ++issues;
                if (auto a = Action::fromJson(jsonObject(q.value(1).toString())))
                    actions.append({ q.value(0).toLongLong(), a.value() });
            });
        !st.ok())
        return st;
    std::sort(actions.begin(), actions.end(), [](const auto &a, const auto &b) { return a.first < b.first; });

    const std::optional<CaseType> type = actions.isEmpty() ? std::nullopt : caseType(typeName);
    QJsonObject fields = serverFields;
    QString status = serverStatus;
    QString title = serverTitle;
    for (const auto &[seq, a] : std::as_const(actions)) {
        switch (a.type) {
        case ActionType::Create:
            applyOnTop(fields, a.fields);
            if (status.isEmpty() && type)
                status = type->initialStatus();
            break;
        case ActionType::Update:
            applyOnTop(fields, a.fields);
            break;
        case ActionType::Transition:
            applyOnTop(fields, a.fields);
            if (type)
                if (const FlowAction *fa = type->flowAction(a.flowAction))
                    status = fa->to;
            break;
        case ActionType::Note:
            break;
        }
        if (!a.title.isEmpty())
            title = a.title;
    }
    const int conflicts
        = m_db.scalar(QStringLiteral("SELECT count(*) FROM conflicts WHERE case_id = ?"), { caseId }).toInt();
    Status st = m_db.exec(
        QStringLiteral("UPDATE cases SET fields = ?, local_status = ?, local_title = ?, pending_count = ?, "
                       "has_issue = ?, has_conflict = ? WHERE id = ?"),
        { fields == serverFields ? QVariant(QMetaType(QMetaType::QString)) : QVariant(jsonText(fields)),
            status == serverStatus ? QVariant(QMetaType(QMetaType::QString)) : QVariant(status),
            title == serverTitle ? QVariant(QMetaType(QMetaType::QString)) : QVariant(title), pending,
            issues > 0 ? 1 : 0, conflicts > 0 ? 1 : 0, caseId });
    if (!st.ok() || pending > 0 || issues > 0 || conflicts > 0)
        return st;
    // A case that left the user's scope was kept only for its pending work; with none left it goes.
    const QVariant idle
        = m_db.scalar(QStringLiteral("SELECT 1 FROM cases WHERE id = ? AND removed_on_server <> 0 AND NOT "
                                     "EXISTS (SELECT 1 FROM attachments WHERE case_id = ? AND uploaded = 0)"),
            { caseId, caseId });
    if (!idle.isValid())
        return st;
    st = m_db.exec(QStringLiteral("DELETE FROM attachments WHERE case_id = ?"), { caseId });
    if (st.ok())
        st = m_db.exec(QStringLiteral("DELETE FROM cases WHERE id = ?"), { caseId });
    if (st.ok())
        m_db.log(EventLevel::Info, QStringLiteral("sync"),
            Tr::tr("Case %1 is no longer on the server and has no unsent work left; it was removed here.")
                .arg(caseId));
    return st;
}

Status CaseTable::overlay(const QString &caseId, const QJsonObject &changed)
{
    const QString count = QStringLiteral("(SELECT count(*) FROM outbox WHERE case_id = ?)");
    if (changed.isEmpty())
        return m_db.exec(
            QStringLiteral("UPDATE cases SET pending_count = ") + count + QStringLiteral(" WHERE id = ?"),
            { caseId, caseId });
    // Read inside the caller's transaction: another connection may have changed the case since the
    // operation validated against it.
    std::optional<std::pair<QJsonObject, QJsonObject>> view; // server fields, local fields
    if (auto st
        = m_db.forEach(QStringLiteral("SELECT server_fields, fields FROM cases WHERE id = ?"), { caseId },
            [&](const QSqlQuery &q) {
                const QJsonObject server = jsonObject(q.value(0).toString());
                view.emplace(server, q.value(1).isNull() ? server : jsonObject(q.value(1).toString()));
            });
        !st.ok())
        return st;
    if (!view)
        return recompute(caseId);
    QJsonObject fields = view->second;
    applyOnTop(fields, changed);
    return m_db.exec(QStringLiteral("UPDATE cases SET fields = ?, pending_count = ") + count
            + QStringLiteral(" WHERE id = ?"),
        { fields == view->first ? QVariant(QMetaType(QMetaType::QString)) : QVariant(jsonText(fields)),
            caseId, caseId });
}

Status CaseTable::writeServerCopy(const CaseRecord &c, qint64 gen)
{
    QJsonArray att;
    for (const AttachmentRef &a : c.attachments)
        att.append(a.toJson());
    const QString attText = QString::fromUtf8(QJsonDocument(att).toJson(QJsonDocument::Compact));
    return m_db.exec(
        QStringLiteral(
            "INSERT INTO cases(id, case_type, case_type_version, status, title, assignee, queue, created_at, "
            "updated_at, server_etag, server_fields, attachments_json, seen_gen) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "case_type = excluded.case_type, case_type_version = excluded.case_type_version, "
            "status = excluded.status, title = excluded.title, assignee = excluded.assignee, "
            "queue = excluded.queue, created_at = excluded.created_at, updated_at = excluded.updated_at, "
            "server_etag = excluded.server_etag, server_fields = excluded.server_fields, "
            "attachments_json = excluded.attachments_json, removed_on_server = 0, is_local_only = 0, "
            "seen_gen = CASE WHEN excluded.seen_gen > 0 THEN excluded.seen_gen ELSE cases.seen_gen END"),
        { c.id, c.caseType, c.caseTypeVersion, c.status, c.title, c.assignee, c.queue, c.createdAt,
            c.updatedAt, c.etag, jsonText(c.fields), attText, gen });
}

Result<bool> CaseTable::updateServerCopy(const CaseRecord &c, bool settled)
{
    QJsonArray att;
    for (const AttachmentRef &a : c.attachments)
        att.append(a.toJson());
    const QString attText = QString::fromUtf8(QJsonDocument(att).toJson(QJsonDocument::Compact));
    const QString sql = settled
        ? QStringLiteral("UPDATE cases SET case_type = ?, case_type_version = ?, status = ?, title = ?, "
                         "assignee = ?, queue = ?, created_at = ?, updated_at = ?, server_etag = ?, "
                         "server_fields = ?, attachments_json = ?, removed_on_server = 0, is_local_only = 0, "
                         "fields = NULL, local_status = NULL, local_title = NULL, pending_count = 0, "
                         "has_issue = 0, has_conflict = 0 WHERE id = ?")
        : QStringLiteral("UPDATE cases SET case_type = ?, case_type_version = ?, status = ?, title = ?, "
                         "assignee = ?, queue = ?, created_at = ?, updated_at = ?, server_etag = ?, "
                         "server_fields = ?, attachments_json = ?, removed_on_server = 0, is_local_only = 0 "
                         "WHERE id = ?");
    auto q = m_db.cached(sql,
        { c.caseType, c.caseTypeVersion, c.status, c.title, c.assignee, c.queue, c.createdAt, c.updatedAt,
            c.etag, jsonText(c.fields), attText, c.id });
    if (!q)
        return q.error();
    const bool found = q.value()->numRowsAffected() > 0;
    q.value()->finish();
    return found;
}

Status CaseTable::deleteLocalCase(const QString &caseId, QStringList *filesToRemove)
{
    if (filesToRemove) {
        auto q = m_db.run(QStringLiteral("SELECT local_file FROM attachments WHERE case_id = ?"), { caseId });
        if (!q)
            return q.error();
        while (q.value().next())
            filesToRemove->append(q.value().value(0).toString());
    }
    for (const char *sql :
        { "DELETE FROM outbox WHERE case_id = ?", "DELETE FROM sync_issues WHERE case_id = ?",
            "DELETE FROM conflicts WHERE case_id = ?", "DELETE FROM attachments WHERE case_id = ?",
            "DELETE FROM temp_ids WHERE temp_id = ?", "DELETE FROM cases WHERE id = ?" }) {
        if (auto st = m_db.exec(QString::fromLatin1(sql), { caseId }); !st.ok())
            return st;
    }
    return Status::success();
}

Status CaseTable::remapTempId(const QString &tempId, const QString &serverId)
{
    if (tempId == serverId || serverId.isEmpty())
        return Status::success();
    const bool tempExists
        = m_db.scalar(QStringLiteral("SELECT 1 FROM cases WHERE id = ?"), { tempId }).isValid();
    if (tempExists) {
        if (m_db.scalar(QStringLiteral("SELECT 1 FROM cases WHERE id = ?"), { serverId }).isValid()) {
            // A download already brought the created case; the local row carries the pending work.
            const QVariant refs
                = m_db.scalar(QStringLiteral("SELECT (SELECT count(*) FROM outbox WHERE case_id = ?) + "
                                             "(SELECT count(*) FROM sync_issues WHERE case_id = ?) + "
                                             "(SELECT count(*) FROM attachments WHERE case_id = ?) + "
                                             "(SELECT count(*) FROM conflicts WHERE case_id = ?)"),
                    { serverId, serverId, serverId, serverId });
            if (!refs.isValid() || refs.toInt() > 0)
                return Error(QStringLiteral("store_io"),
                    Tr::tr("Case %1 exists twice with pending work (%2).").arg(serverId, tempId));
            if (auto st = m_db.exec(QStringLiteral("DELETE FROM cases WHERE id = ?"), { serverId }); !st.ok())
                return st;
        }
        // Foreign keys cascade the new id to outbox, attachments, conflicts and sync issues.
        if (auto st = m_db.exec(QStringLiteral("UPDATE cases SET id = ?, is_local_only = 0 WHERE id = ?"),
                { serverId, tempId });
            !st.ok())
            return st;
    }
    // The payloads name the case too, except those of actions sent before: the server may hold
    // one already (its answer lost on the way), and knows it by its id and exact payload; sent
    // again changed, it would be refused as an id used for another action (id_reused). The server
    // resolves the temp id of a follow-up itself.
    for (const OutboxRow &r : m_outbox.rowsOf(serverId)) {
        if (r.action.caseId != tempId || r.attempts > 0)
            continue;
        Action a = r.action;
        a.caseId = serverId;
        if (auto st = m_db.exec(QStringLiteral("UPDATE outbox SET payload = ? WHERE seq = ?"),
                { jsonText(a.toJson()), r.seq });
            !st.ok())
            return st;
    }
    auto iq = m_db.run(
        QStringLiteral("SELECT action_id, action FROM sync_issues WHERE case_id = ?"), { serverId });
    if (!iq)
        return iq.error();
    QList<std::pair<QString, QString>> issueUpdates;
    while (iq.value().next()) {
        QJsonObject a = jsonObject(iq.value().value(1).toString());
        if (a.value(QLatin1String("caseId")).toString() == tempId) {
            a.insert(QStringLiteral("caseId"), serverId);
            issueUpdates.append({ iq.value().value(0).toString(), jsonText(a) });
        }
    }
    for (const auto &[id, text] : std::as_const(issueUpdates))
        if (auto st = m_db.exec(
                QStringLiteral("UPDATE sync_issues SET action = ? WHERE action_id = ?"), { text, id });
            !st.ok())
            return st;
    return m_db.exec(QStringLiteral("INSERT INTO temp_ids(temp_id, server_id, created_at) VALUES (?, ?, ?) "
                                    "ON CONFLICT(temp_id) DO UPDATE SET server_id = excluded.server_id"),
        { tempId, serverId, nowIso() });
}

} // namespace outpost::client
