// SPDX-License-Identifier: MIT
// LocalStore::recoverUnsentWork: a damaged store's readable queue into a fresh store. The damaged
// file is read through its own read-only connection (what still decrypts and parses), set aside
// under a new name (never deleted), and a fresh store at the same path gets the queued actions with
// their ids, so the server's idempotency by action id makes every one apply exactly once.
#include "encryptedstore.h"
#include "localstore.h"
#include "storedb.h"
#include "storeparts.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace outpost::client {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::client::LocalStore)
};

struct Salvaged {
    struct Action {
        QString id;
        QString caseId;
        QString type;
        QJsonObject payload;
        QString baseFields;
        QString createdAt;
    };
    QList<Action> actions;
    QList<QVariantList> attachments; // rows of `attachments` not uploaded yet
    QList<QPair<QString, QString>> state; // sync_state worth keeping (device id, verifier, user...)
    QStringList errors;
};

/// What still reads in the damaged file, row by row: one unreadable page loses as little as possible.
Salvaged salvage(const QString &path)
{
    Salvaged out;
    const QString name
        = QStringLiteral("outpost-store-recover-") + QString::number(quintptr(QThread::currentThread()), 16);
    {
        const Status unlocked = encryptedstore::unlock(path);
        QSqlDatabase db
            = encryptedstore::addConnection(name, path, QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"), true);
        if (!unlocked.ok()) {
            out.errors << unlocked.error().message;
        } else if (!db.open()) {
            out.errors << db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (q.exec(
                    QStringLiteral("SELECT action_id, case_id, type, payload, base_fields, created_at FROM "
                                   "outbox ORDER BY seq"))) {
                while (q.next()) {
                    const QJsonObject payload
                        = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
                    if (payload.isEmpty() || q.value(0).toString().isEmpty()) {
                        out.errors << QStringLiteral("an unreadable queued action was left behind");
                        continue;
                    }
                    out.actions << Salvaged::Action { q.value(0).toString(), q.value(1).toString(),
                        q.value(2).toString(), payload, q.value(4).toString(), q.value(5).toString() };
                }
                if (q.lastError().isValid())
                    out.errors << q.lastError().text();
            } else {
                out.errors << q.lastError().text();
            }
            if (q.exec(QStringLiteral(
                    "SELECT id, case_id, name, mime, size, sha256, local_file, created_at FROM "
                    "attachments WHERE uploaded = 0"))) {
                while (q.next()) {
                    QVariantList row;
                    for (int i = 0; i < 8; ++i)
                        row << q.value(i);
                    out.attachments << row;
                }
            }
            if (q.exec(QStringLiteral(
                    "SELECT key, value FROM sync_state WHERE key NOT IN ('token', "
                    "'full_sync_cursor', 'full_sync_active', 'full_sync_gen', 'last_success')"))) {
                while (q.next())
                    out.state << qMakePair(q.value(0).toString(), q.value(1).toString());
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

} // namespace

QJsonObject RecoveryReport::toJson() const
{
    return QJsonObject { { QStringLiteral("store"), store }, { QStringLiteral("movedTo"), movedTo },
        { QStringLiteral("actions"), actions }, { QStringLiteral("attachments"), attachments },
        { QStringLiteral("errors"), QJsonArray::fromStringList(errors) } };
}

Result<RecoveryReport> LocalStore::recoverUnsentWork(const QString &path)
{
    if (!QFileInfo::exists(path))
        return Error(QStringLiteral("not_found"), Tr::tr("There is no store at %1.").arg(path));
    const Salvaged found = salvage(path);
    RecoveryReport report;
    report.store = path;
    report.errors = found.errors;

    // The damaged file (and its WAL and shared memory) goes aside under one new name, never deleted.
    const QString aside = path + QStringLiteral(".damaged-")
        + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddThhmmss"));
    for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
        if (!QFileInfo::exists(path + suffix))
            continue;
        if (!QFile::rename(path + suffix, aside + suffix))
            return Error(QStringLiteral("store_io"),
                Tr::tr("Cannot move the damaged store aside to %1; nothing was changed.")
                    .arg(aside + suffix));
    }
    report.movedTo = aside;

    auto opened = open(path);
    if (!opened.ok())
        return opened.error();
    LocalStore &fresh = *opened.value();
    StoreDb &db = fresh.d->db;
    SqlTransaction tx(db.db());
    if (Status s = tx.begin(); !s.ok())
        return s.error();
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    for (const auto &[key, value] : found.state)
        if (Status s = db.exec(QStringLiteral("INSERT OR REPLACE INTO sync_state(key, value) VALUES (?, ?)"),
                { key, value });
            !s.ok())
            return s.error();
    // A case row for each action to stand on (the first sync brings the server's copy over it), then
    // the actions in their old order with their old ids.
    auto ensureCase = [&](const QString &caseId, const QString &caseType) -> Status {
        const bool local = caseId.startsWith(QLatin1String("tmp-"));
        if (Status s = db.exec(
                QStringLiteral("INSERT OR IGNORE INTO cases(id, case_type, is_local_only) VALUES (?, ?, ?)"),
                { caseId, caseType, local ? 1 : 0 });
            !s.ok())
            return s;
        if (local)
            return db.exec(
                QStringLiteral(
                    "INSERT OR IGNORE INTO temp_ids(temp_id, server_id, created_at) VALUES (?, NULL, ?)"),
                { caseId, now });
        return Status::success();
    };
    for (const Salvaged::Action &a : found.actions) {
        if (Status s = ensureCase(a.caseId, a.payload.value(QLatin1String("caseType")).toString()); !s.ok())
            return s.error();
        const QString payload = QString::fromUtf8(QJsonDocument(a.payload).toJson(QJsonDocument::Compact));
        if (Status s = db.exec(
                QStringLiteral("INSERT INTO outbox(action_id, case_id, type, payload, base_fields, state, "
                               "attempts, created_at) VALUES (?, ?, ?, ?, ?, 'queued', 0, ?)"),
                { a.id, a.caseId, a.type, payload,
                    a.baseFields.isEmpty() ? QStringLiteral("{}") : a.baseFields,
                    a.createdAt.isEmpty() ? now : a.createdAt });
            !s.ok())
            return s.error();
        if (Status s
            = db.exec(QStringLiteral("UPDATE cases SET pending_count = pending_count + 1 WHERE id = ?"),
                { a.caseId });
            !s.ok())
            return s.error();
        ++report.actions;
    }
    for (const QVariantList &row : found.attachments) {
        if (Status s = ensureCase(row.at(1).toString(), QString()); !s.ok())
            return s.error();
        if (Status s = db.exec(
                QStringLiteral("INSERT OR IGNORE INTO attachments(id, case_id, name, mime, size, sha256, "
                               "local_file, uploaded, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)"),
                row);
            !s.ok())
            return s.error();
        ++report.attachments;
    }
    if (Status s = tx.commit(); !s.ok())
        return s.error();
    fresh.logEvent(EventLevel::Warning, QStringLiteral("store"),
        QStringLiteral("recovered %1 unsent actions and %2 attachments from a damaged store, kept as %3")
            .arg(report.actions)
            .arg(report.attachments)
            .arg(aside));
    return report;
}

} // namespace outpost::client
