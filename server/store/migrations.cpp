// SPDX-License-Identifier: MIT
#include "migrations.h"

namespace outpost::server {

namespace {
// Dialect placeholders: {serial} an auto-increment key, {doc} the stored wire JSON.
QString dialect(QString sql, DbKind kind)
{
    const bool lite = kind == DbKind::SQLite;
    sql.replace(QLatin1String("{serial}"),
        lite ? QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT") : QLatin1String("BIGSERIAL PRIMARY KEY"));
    sql.replace(QLatin1String("{doc}"), lite ? QLatin1String("BLOB") : QLatin1String("TEXT"));
    return sql;
}

const char *const kV1[] = {
    "CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)",
    "INSERT INTO counters (name, value) VALUES ('seq', 0)",
    "INSERT INTO counters (name, value) VALUES ('case_id', 10000)",
    "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE users (id TEXT PRIMARY KEY, display_name TEXT NOT NULL, roles TEXT NOT NULL,"
    " queues TEXT NOT NULL, password_hash TEXT NOT NULL, salt TEXT NOT NULL, iterations INTEGER NOT NULL,"
    " full_sync_seq BIGINT NOT NULL DEFAULT 0)",
    "CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id),"
    " device_id TEXT, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, revoked INTEGER NOT NULL "
    "DEFAULT 0)",
    "CREATE INDEX sessions_expiry ON sessions (expires_at)",
    "CREATE TABLE case_types (name TEXT PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL,"
    " published_seq BIGINT NOT NULL)",
    "CREATE TABLE data_pages (page TEXT NOT NULL, row_key TEXT NOT NULL, label TEXT NOT NULL, doc TEXT NOT "
    "NULL,"
    " PRIMARY KEY (page, row_key))",
    "CREATE TABLE cases (id TEXT PRIMARY KEY, case_type TEXT NOT NULL, case_type_version INTEGER NOT NULL,"
    " status TEXT NOT NULL, title TEXT NOT NULL, assignee TEXT, queue TEXT, version BIGINT NOT NULL,"
    " created_at TEXT NOT NULL, updated_at TEXT NOT NULL, fields TEXT NOT NULL)",
    "CREATE INDEX cases_assignee ON cases (assignee)",
    "CREATE INDEX cases_queue ON cases (queue)",
    "CREATE TABLE assignments (id TEXT PRIMARY KEY, case_id TEXT NOT NULL UNIQUE REFERENCES cases(id),"
    " assignee TEXT, queue TEXT, instructions TEXT NOT NULL, due_at TEXT, version BIGINT NOT NULL)",
    "CREATE TABLE attachments (id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id), name TEXT "
    "NOT NULL,"
    " mime TEXT NOT NULL, size BIGINT NOT NULL, sha256 TEXT NOT NULL, created_by TEXT NOT NULL,"
    " created_at TEXT NOT NULL)",
    "CREATE INDEX attachments_case ON attachments (case_id)",
    // The changes feed: one row per entity in its latest state, re-stamped with a new seq on change.
    "CREATE TABLE sync_entities (kind TEXT NOT NULL, entity_id TEXT NOT NULL, seq BIGINT NOT NULL UNIQUE,"
    " etag TEXT NOT NULL, doc {doc} NOT NULL, removed INTEGER NOT NULL DEFAULT 0, scope_user TEXT,"
    " scope_queue TEXT, resolved INTEGER NOT NULL DEFAULT 0, public INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY (kind, entity_id))",
    // Old scopes of entities whose scope changed at seq: who must receive a remove.
    "CREATE TABLE scope_log (kind TEXT NOT NULL, entity_id TEXT NOT NULL, seq BIGINT NOT NULL, old_user TEXT,"
    " old_queue TEXT, old_resolved INTEGER NOT NULL)",
    "CREATE INDEX scope_log_entity ON scope_log (kind, entity_id, seq)",
    "CREATE TABLE action_results (user_id TEXT NOT NULL, action_id TEXT NOT NULL, payload_hash TEXT NOT NULL,"
    " status TEXT NOT NULL, case_id TEXT, result TEXT NOT NULL, created_at BIGINT NOT NULL,"
    " PRIMARY KEY (user_id, action_id))",
    "CREATE INDEX action_results_age ON action_results (created_at)",
    "CREATE TABLE temp_ids (user_id TEXT NOT NULL, temp_id TEXT NOT NULL, case_id TEXT NOT NULL,"
    " created_at BIGINT NOT NULL, PRIMARY KEY (user_id, temp_id))",
    "CREATE TABLE audit (id {serial}, case_id TEXT NOT NULL, at TEXT NOT NULL, by_user TEXT NOT NULL,"
    " device_id TEXT, client_time TEXT, action TEXT NOT NULL, changes TEXT NOT NULL, note TEXT)",
    "CREATE INDEX audit_case ON audit (case_id, id)",
    "CREATE TABLE sync_issues (id {serial}, user_id TEXT NOT NULL, device_id TEXT, case_id TEXT,"
    " action TEXT NOT NULL, reason TEXT NOT NULL, created_at TEXT NOT NULL, state TEXT NOT NULL,"
    " resolved_by TEXT, resolved_at TEXT)",
    "CREATE INDEX sync_issues_state ON sync_issues (state, id)",
};
// Feed retention (FeedRetention): when each seq was reached, so that history older than the
// retention period can be found, and indexes for deleting it by seq.
const char *const kV2[] = {
    // "By time `at` (epoch seconds), every seq up to `seq` was committed."
    "CREATE TABLE seq_marks (seq BIGINT PRIMARY KEY, at BIGINT NOT NULL)",
    "CREATE INDEX scope_log_seq ON scope_log (seq)",
    "CREATE INDEX sync_entities_tombstones ON sync_entities (seq) WHERE removed = 1",
};

// Users an administrator disabled (`outpostd user disable`): no sign-in, no request.
const char *const kV3[] = {
    "ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0",
};

// Devices an administrator wiped (`outpostd device wipe`, POST /admin/devices/{id}/wipe): every
// session of the device and a sign-in from it answer device_wiped, and the device erases its store.
const char *const kV4[] = {
    "CREATE TABLE wiped_devices (device_id TEXT PRIMARY KEY, wiped_at TEXT NOT NULL, wiped_by TEXT NOT NULL)",
};

// The operations console's devices (issue 12): each device's last report (PUT /device) and last
// contact, and the console's orders to it (full sync, retire); when a wiped device was told; the
// audit's device and user filters and the original author of a reapplied action; how a sync issue
// was resolved (reapplied, discarded).
const char *const kV5[] = {
    "CREATE TABLE devices (device_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, device_name TEXT,"
    " app_version TEXT, os TEXT, pending_actions INTEGER, oldest_pending_at TEXT, last_sync_at TEXT,"
    " last_sync_error TEXT, store_schema INTEGER, reported_at TEXT, last_contact_at TEXT NOT NULL,"
    " full_sync_requested INTEGER NOT NULL DEFAULT 0, retire_requested_at TEXT, retire_requested_by TEXT,"
    " retired_at TEXT)",
    "CREATE INDEX devices_contact ON devices (last_contact_at)",
    "ALTER TABLE wiped_devices ADD COLUMN told_at TEXT",
    "ALTER TABLE audit ADD COLUMN original_by TEXT",
    "CREATE INDEX audit_device ON audit (device_id, id)",
    "CREATE INDEX audit_by ON audit (by_user, id)",
    "ALTER TABLE sync_issues ADD COLUMN resolution TEXT",
};

// The operations console's case list (GET /admin/cases): paged in SQL over 50,000+ cases. cases_list
// holds every column the list shows or filters by (not the fields), so a page and most counts read
// the index alone, never the wide rows; the others count one filter without touching the table.
const char *const kV6[] = {
    "CREATE INDEX cases_list ON cases (updated_at, id, status, case_type, assignee, queue, title, version)",
    "CREATE INDEX cases_status ON cases (status, updated_at)",
    "CREATE INDEX cases_type ON cases (case_type, updated_at)",
    "CREATE INDEX cases_assignee_queue ON cases (assignee, queue)",
    "CREATE INDEX assignments_due ON assignments (due_at)",
};

// Case histories in the feed (protocol extension include=history): each audit row of a case is an
// entity of kind "history" with its case's scope, found by case when that scope changes. The entries
// already recorded are added with seqs above every token handed out, so that a client asking for
// history receives them with its next delta.
const char *const kV7[] = {
    "ALTER TABLE sync_entities ADD COLUMN case_id TEXT",
    "CREATE INDEX sync_entities_case ON sync_entities (case_id) WHERE case_id IS NOT NULL",
    "{historyBackfill}",
    "UPDATE counters SET value = value + COALESCE((SELECT MAX(id) FROM audit), 0) WHERE name = 'seq'",
};

QString historyBackfill(DbKind kind)
{
    const bool lite = kind == DbKind::SQLite;
    const QString doc = lite
        ? QStringLiteral(
            "CAST(json_object('at', a.at, 'by', a.by_user, 'deviceId', a.device_id, 'clientTime',"
            " a.client_time, 'action', a.action, 'changes', json(a.changes), 'text', a.note,"
            " 'originalAuthor', a.original_by, 'id', 'a' || a.id, 'caseId', a.case_id) AS BLOB)")
        : QStringLiteral(
            "json_strip_nulls(json_build_object('at', a.at, 'by', a.by_user, 'deviceId', a.device_id,"
            " 'clientTime', a.client_time, 'action', a.action, 'changes', a.changes::json, 'text',"
            " a.note, 'originalAuthor', a.original_by, 'id', 'a' || a.id, 'caseId', a.case_id))::text");
    return QStringLiteral(
        "INSERT INTO sync_entities (kind, entity_id, seq, etag, doc, removed, scope_user, scope_queue, "
        "resolved,"
        " public, case_id) SELECT 'history', 'a' || a.id, (SELECT value FROM counters WHERE name = 'seq') + "
        "a.id,"
        " '\"1\"', %1, ce.removed, ce.scope_user, ce.scope_queue, ce.resolved, 0, a.case_id"
        " FROM audit a JOIN sync_entities ce ON ce.kind = 'case' AND ce.entity_id = a.case_id")
        .arg(doc);
}

template <std::size_t N> Migration step(const QString &description, const char *const (&sql)[N], DbKind kind)
{
    Migration m { description, {} };
    for (const char *statement : sql)
        m.statements.append(QLatin1String(statement) == QLatin1String("{historyBackfill}")
                ? historyBackfill(kind)
                : dialect(QString::fromLatin1(statement), kind));
    return m;
}
} // namespace

QList<Migration> migrations(DbKind kind)
{
    return { step(QStringLiteral("initial schema"), kV1, kind),
        step(QStringLiteral("feed retention: seq marks, prune indexes"), kV2, kind),
        step(QStringLiteral("disabled users"), kV3, kind), step(QStringLiteral("wiped devices"), kV4, kind),
        step(QStringLiteral("devices, audit filters, sync-issue resolutions"), kV5, kind),
        step(QStringLiteral("dispatch: case list indexes"), kV6, kind),
        step(QStringLiteral("case histories in the feed"), kV7, kind) };
}

} // namespace outpost::server
