// SPDX-License-Identifier: MIT
#include "schema.h"

#include <QCborValue>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <functional>

namespace outpost::client::schema {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::client::LocalStore)
};

Status run(const QSqlDatabase &db, const QStringList &statements)
{
    for (const QString &sql : statements) {
        QSqlQuery q(db);
        if (!q.exec(sql))
            return Error(QStringLiteral("store_io"),
                Tr::tr("Updating the offline store failed: %1").arg(q.lastError().text()));
    }
    return Status::success();
}

// Version 1: the offline store as first released.
Status toVersion1(const QSqlDatabase &db)
{
    return run(db,
        {
            QStringLiteral("CREATE TABLE case_types (name TEXT PRIMARY KEY, version INTEGER NOT NULL, "
                           "title TEXT NOT NULL, json TEXT NOT NULL)"),
            QStringLiteral(
                "CREATE TABLE cases (id TEXT PRIMARY KEY, case_type TEXT NOT NULL, "
                "case_type_version INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL DEFAULT '', "
                "title TEXT NOT NULL DEFAULT '', assignee TEXT NOT NULL DEFAULT '', queue TEXT NOT NULL "
                "DEFAULT '', "
                "created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', "
                "server_etag TEXT NOT NULL DEFAULT '', server_fields TEXT NOT NULL DEFAULT '{}', "
                "attachments_json TEXT NOT NULL DEFAULT '[]', "
                // local view; NULL means "same as the server copy"
                "fields TEXT, local_status TEXT, local_title TEXT, "
                "pending_count INTEGER NOT NULL DEFAULT 0, has_conflict INTEGER NOT NULL DEFAULT 0, "
                "has_issue INTEGER NOT NULL DEFAULT 0, removed_on_server INTEGER NOT NULL DEFAULT 0, "
                "is_local_only INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE INDEX cases_type ON cases(case_type)"),
            QStringLiteral("CREATE INDEX cases_assignee ON cases(assignee, queue)"),
            QStringLiteral(
                "CREATE INDEX cases_work ON cases(id) WHERE pending_count > 0 OR has_conflict <> 0 "
                "OR has_issue <> 0 OR removed_on_server <> 0 OR is_local_only <> 0"),
            QStringLiteral("CREATE TABLE assignments (id TEXT PRIMARY KEY, case_id TEXT NOT NULL, "
                           "assignee TEXT NOT NULL DEFAULT '', queue TEXT NOT NULL DEFAULT '', "
                           "instructions TEXT NOT NULL DEFAULT '', due_at TEXT NOT NULL DEFAULT '', json "
                           "TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX assignments_case ON assignments(case_id)"),
            QStringLiteral(
                "CREATE TABLE data_page_rows (page TEXT NOT NULL, key TEXT NOT NULL, "
                "label TEXT NOT NULL DEFAULT '', json TEXT NOT NULL, PRIMARY KEY (page, key)) WITHOUT ROWID"),
            QStringLiteral(
                "CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, action_id TEXT NOT NULL UNIQUE, "
                "case_id TEXT NOT NULL REFERENCES cases(id) ON UPDATE CASCADE, "
                "type TEXT NOT NULL CHECK (type IN ('create', 'update', 'transition', 'note')), "
                "payload TEXT NOT NULL, base_fields TEXT NOT NULL DEFAULT '{}', "
                "state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'held', 'inflight')), "
                "attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '', created_at TEXT "
                "NOT NULL)"),
            QStringLiteral("CREATE INDEX outbox_case ON outbox(case_id, seq)"),
            QStringLiteral(
                "CREATE TABLE temp_ids (temp_id TEXT PRIMARY KEY, server_id TEXT, created_at TEXT NOT NULL)"),
            QStringLiteral(
                "CREATE TABLE conflicts (case_id TEXT NOT NULL REFERENCES cases(id) ON UPDATE CASCADE, "
                "field TEXT NOT NULL, base TEXT, mine TEXT, theirs TEXT, policy TEXT NOT NULL, "
                "action_seq INTEGER NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (case_id, field))"),
            QStringLiteral(
                "CREATE TABLE sync_issues (action_id TEXT PRIMARY KEY, "
                "case_id TEXT NOT NULL REFERENCES cases(id) ON UPDATE CASCADE, "
                "status TEXT NOT NULL CHECK (status IN ('rejected', 'gone')), error TEXT NOT NULL, "
                "action TEXT NOT NULL, base_fields TEXT NOT NULL DEFAULT '{}', action_seq INTEGER NOT NULL, "
                "created_at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX sync_issues_case ON sync_issues(case_id)"),
            QStringLiteral(
                "CREATE TABLE attachments (id TEXT PRIMARY KEY, "
                "case_id TEXT NOT NULL REFERENCES cases(id) ON UPDATE CASCADE, name TEXT NOT NULL, "
                "mime TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL, local_file TEXT NOT NULL, "
                "uploaded INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX attachments_case ON attachments(case_id)"),
            QStringLiteral("CREATE TABLE event_log (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, "
                           "level TEXT NOT NULL, category TEXT NOT NULL, message TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        });
}

// Version 2: full-sync generations. Every downloaded row remembers the full sync that last saw
// it, so that finishing a full sync can drop what the server no longer sends, and an interrupted
// full sync can resume from its cursor.
Status toVersion2(const QSqlDatabase &db)
{
    return run(db,
        {
            QStringLiteral("ALTER TABLE case_types ADD COLUMN seen_gen INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE cases ADD COLUMN seen_gen INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE assignments ADD COLUMN seen_gen INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE data_page_rows ADD COLUMN seen_gen INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("CREATE INDEX outbox_state ON outbox(state, seq)"),
            QStringLiteral("INSERT OR IGNORE INTO sync_state(key, value) VALUES ('full_sync_gen', '0')"),
        });
}

// Version 3: worklists read the newest cases first without sorting the whole table.
Status toVersion3(const QSqlDatabase &db)
{
    return run(db, { QStringLiteral("CREATE INDEX cases_updated ON cases(updated_at DESC, id)") });
}

// What the worklist plans by, as real columns of the case, so that the list reads 50,000 rows
// without parsing their JSON or joining their assignments: the local view's `priority` (a choice
// field) and `site` (the lookup key), kept by triggers whenever the case's fields change; and its
// assignment's `due_at` and `instructions` (the assignment due first), kept by triggers on the
// assignments and when the case row arrives after its assignment.
const QString kFieldsJson = QStringLiteral("coalesce(new.fields, new.server_fields)");
QString textField(const char *name)
{
    return QStringLiteral(
        "CASE WHEN json_valid(%1) THEN coalesce(CASE json_type(%1, '$.%2') WHEN 'text' THEN "
        "json_extract(%1, '$.%2') END, '') ELSE '' END")
        .arg(kFieldsJson, QLatin1String(name));
}
QString firstAssignment(const char *column, const QString &caseId)
{
    return QStringLiteral(
        "coalesce((SELECT %1 FROM assignments WHERE case_id = %2 ORDER BY due_at = '', due_at, "
        "id LIMIT 1), '')")
        .arg(QLatin1String(column), caseId);
}
QString setAssignment(const QString &caseId)
{
    return QStringLiteral("due_at = %1, instructions = %2")
        .arg(firstAssignment("due_at", caseId), firstAssignment("instructions", caseId));
}
QString assignmentTrigger(const char *name, const char *event, const QString &caseId)
{
    return QStringLiteral(
        "CREATE TRIGGER %1 AFTER %2 ON assignments BEGIN UPDATE cases SET %3 WHERE id = %4; END")
        .arg(QLatin1String(name), QLatin1String(event), setAssignment(caseId), caseId);
}

// Version 4: the worklist's priority, site, due date and instructions columns.
Status toVersion4(const QSqlDatabase &db)
{
    const QString fields
        = QStringLiteral("priority = %1, site = %2").arg(textField("priority"), textField("site"));
    QString backfill = fields + QStringLiteral(", ") + setAssignment(QStringLiteral("cases.id"));
    backfill.replace(QStringLiteral("new."), QStringLiteral("cases."));
    return run(db,
        {
            QStringLiteral("ALTER TABLE cases ADD COLUMN priority TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE cases ADD COLUMN site TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE cases ADD COLUMN due_at TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE cases ADD COLUMN instructions TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("CREATE INDEX assignments_case_due ON assignments(case_id, due_at, id)"),
            QStringLiteral("DROP INDEX assignments_case"),
            QStringLiteral("CREATE TRIGGER cases_list_insert AFTER INSERT ON cases BEGIN "
                           "UPDATE cases SET %1, %2 WHERE rowid = new.rowid; END")
                .arg(fields, setAssignment(QStringLiteral("new.id"))),
            QStringLiteral("CREATE TRIGGER cases_list_fields AFTER UPDATE OF fields, server_fields ON cases "
                           "BEGIN UPDATE cases SET %1 WHERE rowid = new.rowid; END")
                .arg(fields),
            assignmentTrigger("assignments_list_insert", "INSERT", QStringLiteral("new.case_id")),
            assignmentTrigger("assignments_list_update", "UPDATE", QStringLiteral("new.case_id")),
            assignmentTrigger("assignments_list_moved", "UPDATE OF case_id", QStringLiteral("old.case_id")),
            assignmentTrigger("assignments_list_delete", "DELETE", QStringLiteral("old.case_id")),
            QStringLiteral("UPDATE cases SET ") + backfill,
        });
}

// Version 5: the worklist columns are recomputed only when a case's fields really change. Settling
// a batch of uploaded notes sets `fields = NULL` on cases whose fields were NULL already; the
// version 4 trigger re-read their JSON every time.
Status toVersion5(const QSqlDatabase &db)
{
    const QString fields
        = QStringLiteral("priority = %1, site = %2").arg(textField("priority"), textField("site"));
    return run(db,
        {
            QStringLiteral("DROP TRIGGER cases_list_fields"),
            QStringLiteral("CREATE TRIGGER cases_list_fields AFTER UPDATE OF fields, server_fields ON cases "
                           "WHEN new.fields IS NOT old.fields OR new.server_fields IS NOT old.server_fields "
                           "BEGIN UPDATE cases SET %1 WHERE rowid = new.rowid; END")
                .arg(fields),
        });
}

// Version 6: the ready check finds the user's assignments (and whether their cases are on the
// device) through an index instead of reading every assignment row.
Status toVersion6(const QSqlDatabase &db)
{
    return run(db, { QStringLiteral("CREATE INDEX assignments_assignee ON assignments(assignee, case_id)") });
}

// Version 7: the cases' history and notes from the changes feed (protocol extension
// include=history), read offline by the case screen and `outpost case show`. The feed brings a
// case's earlier history only in a full sync (or when the case enters the user's scope), so a store
// from before takes one: its token is dropped, the queue stays. And the cases that have attachments,
// for the prefetch (AttachmentPrefetcher) after every sync.
Status toVersion7(const QSqlDatabase &db)
{
    return run(db,
        {
            QStringLiteral("CREATE TABLE case_history (id TEXT PRIMARY KEY, case_id TEXT NOT NULL, "
                           "at TEXT NOT NULL, json TEXT NOT NULL, seen_gen INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE INDEX case_history_case ON case_history(case_id, at, id)"),
            // The prefetch's plan reads the cases with attachments only (a few of 50,000).
            QStringLiteral("CREATE INDEX cases_with_attachments ON cases(id) WHERE attachments_json <> '[]'"),
            QStringLiteral("DELETE FROM sync_state WHERE key IN ('token', 'full_sync_cursor')"),
            QStringLiteral("UPDATE sync_state SET value = '0' WHERE key = 'full_sync_active'"),
        });
}

// Version 8: the history in one index, as CBOR. A full sync writes three or more entries a case
// (150,000 for 50,000 cases): with `id` as a text primary key every entry went into three b-trees
// (the rows, the key, the case index); the rows are now appended in arrival order and the one
// unique index (case_id, at, id) both finds a case's entries in order and recognises an entry sent
// again (an entry never changes, and its id is the server's, unique across cases). The entry is
// kept as CBOR (`entry`): Qt writes it in less than half the time of JSON text, and nothing but
// this store's reads looks inside it.
Status toVersion8(const QSqlDatabase &db)
{
    if (Status st = run(db,
            { QStringLiteral(
                "CREATE TABLE case_history_v8 (case_id TEXT NOT NULL, at TEXT NOT NULL, "
                "id TEXT NOT NULL, entry BLOB NOT NULL, seen_gen INTEGER NOT NULL DEFAULT 0)") });
        !st.ok())
        return st;
    QSqlQuery read(db);
    QSqlQuery write(db);
    read.setForwardOnly(true);
    if (!read.exec(QStringLiteral("SELECT case_id, at, id, json, seen_gen FROM case_history ORDER BY rowid"))
        || !write.prepare(QStringLiteral(
            "INSERT INTO case_history_v8(case_id, at, id, entry, seen_gen) VALUES (?, ?, ?, ?, ?)")))
        return Error(QStringLiteral("store_io"),
            Tr::tr("Updating the offline store failed: %1")
                .arg((read.lastError().isValid() ? read : write).lastError().text()));
    while (read.next()) {
        const QJsonObject entry = QJsonDocument::fromJson(read.value(3).toString().toUtf8()).object();
        write.bindValue(0, read.value(0));
        write.bindValue(1, read.value(1));
        write.bindValue(2, read.value(2));
        write.bindValue(3, QCborValue::fromJsonValue(entry).toCbor());
        write.bindValue(4, read.value(4));
        if (!write.exec())
            return Error(QStringLiteral("store_io"),
                Tr::tr("Updating the offline store failed: %1").arg(write.lastError().text()));
    }
    return run(db,
        {
            QStringLiteral("DROP TABLE case_history"),
            QStringLiteral("ALTER TABLE case_history_v8 RENAME TO case_history"),
            QStringLiteral("CREATE UNIQUE INDEX case_history_case ON case_history(case_id, at, id)"),
        });
}

const QList<std::function<Status(const QSqlDatabase &)>> kSteps
    = { toVersion1, toVersion2, toVersion3, toVersion4, toVersion5, toVersion6, toVersion7, toVersion8 };
} // namespace

int currentVersion()
{
    return int(kSteps.size());
}

int versionOf(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

Status migrate(const QSqlDatabase &db, int target)
{
    int version = versionOf(db);
    if (version < 0)
        return Error(QStringLiteral("store_damaged"), Tr::tr("The offline store cannot be read."));
    while (version < target) {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return Error(QStringLiteral("store_io"), q.lastError().text());
        // Another connection (thread or process) may have migrated while this one waited.
        if (const int now = versionOf(db); now != version) {
            q.exec(QStringLiteral("ROLLBACK"));
            if (now < version)
                return Error(
                    QStringLiteral("store_damaged"), Tr::tr("The offline store's version went back."));
            version = now;
            continue;
        }
        Status st = kSteps.at(version)(db);
        if (st.ok())
            st = run(db, { QStringLiteral("PRAGMA user_version = %1").arg(version + 1) });
        if (!st.ok()) {
            q.exec(QStringLiteral("ROLLBACK"));
            return st;
        }
        if (!q.exec(QStringLiteral("COMMIT"))) {
            const QString msg = q.lastError().text();
            q.exec(QStringLiteral("ROLLBACK"));
            return Error(QStringLiteral("store_io"), msg);
        }
        ++version;
    }
    return Status::success();
}

} // namespace outpost::client::schema
