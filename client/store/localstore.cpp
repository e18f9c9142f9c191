// SPDX-License-Identifier: MIT
// Opening, checking and closing the store; sync state and the event log.
#include "localstore.h"

#include "sql/sqlitewal.h"

#include "encryptedstore.h"
#include "openmarks.h"
#include "privatefiles.h"
#include "schema.h"
#include "storejson.h"
#include "storeparts.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QMutex>
#include <QSet>
#include <QSqlError>
#include <QThread>
#include <QUuid>

namespace outpost::client {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::client::LocalStore)
};

QString connectionNameForThread()
{
    QThread *t = QThread::currentThread();
    QString base = QStringLiteral("outpost-store-")
        + (t->objectName().isEmpty() ? QString::number(quintptr(t), 16) : t->objectName());
    QString name = base;
    for (int i = 2; QSqlDatabase::contains(name); ++i)
        name = base + QLatin1Char('-') + QString::number(i);
    return name;
}

QString pragma(const QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        *error = q.lastError().text();
        return {};
    }
    return q.next() ? q.value(0).toString() : QString();
}

/// PRAGMA integrity_check plus the queue audit. Empty: healthy; otherwise what is wrong.
/// A file cut short (a copy that stopped, a full disk) reads its missing pages as empty, so the
/// queue on them would vanish without an error: when no WAL holds pages, the file must be as long
/// as the pages its header counts.
QString checkFileLength(const QSqlDatabase &db, const QString &path)
{
    if (QFileInfo(path + QStringLiteral("-wal")).size() > 0)
        return {};
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA page_count")) || !q.next())
        return {};
    const qint64 pages = q.value(0).toLongLong();
    if (!q.exec(QStringLiteral("PRAGMA page_size")) || !q.next())
        return {};
    const qint64 expected = pages * q.value(0).toLongLong();
    const qint64 actual = QFileInfo(path).size();
    if (actual < expected)
        return Tr::tr("the file is shorter than its pages (%1 of %2 bytes): it was cut")
            .arg(actual)
            .arg(expected);
    return {};
}

QString checkStore(const QSqlDatabase &db, bool full)
{
    QString err;
    QSqlQuery q(db);
    if (full) {
        if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
            return q.lastError().text();
        QStringList problems;
        while (q.next())
            if (q.value(0).toString() != QLatin1String("ok"))
                problems << q.value(0).toString();
        if (!problems.isEmpty()) {
            const QString text = problems.join(QStringLiteral("; ")).simplified();
            return text.size() > 300 ? text.left(300) + QStringLiteral("…") : text;
        }
    }
    // Queue audit: every queued action readable, of a known state, matching its row, on a case
    // that exists. In SQL (SQLite's JSON reader) at every open; the strict protocol parse of each
    // action as part of the full check.
    if (!q.exec(QStringLiteral("PRAGMA foreign_key_check")))
        return q.lastError().text();
    if (q.next())
        return Tr::tr("queued work refers to a missing case (%1)").arg(q.value(0).toString());
    if (!q.exec(QStringLiteral(
            "SELECT action_id, state, json_valid(payload), "
            "CASE WHEN json_valid(payload) THEN json_extract(payload, '$.id') IS action_id "
            "AND json_extract(payload, '$.caseId') IS case_id AND json_extract(payload, '$.type') IS type "
            "END FROM outbox WHERE state NOT IN ('queued', 'held', 'inflight') OR NOT json_valid(payload) "
            "OR NOT (CASE WHEN json_valid(payload) THEN json_extract(payload, '$.id') IS action_id "
            "AND json_extract(payload, '$.caseId') IS case_id AND json_extract(payload, '$.type') IS type "
            "ELSE 0 END) LIMIT 1")))
        return q.lastError().text();
    if (q.next()) {
        const QString state = q.value(1).toString();
        if (state != QLatin1String("queued") && state != QLatin1String("held")
            && state != QLatin1String("inflight"))
            return Tr::tr("queued action %1 has an unknown state '%2'").arg(q.value(0).toString(), state);
        if (q.value(2).toInt() == 0)
            return Tr::tr("queued action %1 cannot be read: %2")
                .arg(q.value(0).toString(), QStringLiteral("not JSON"));
        return Tr::tr("queued action %1 does not match its row").arg(q.value(0).toString());
    }
    if (!full)
        return {};
    if (!q.exec(QStringLiteral("SELECT seq, action_id, case_id, type, state, payload FROM outbox")))
        return q.lastError().text();
    while (q.next()) {
        auto a = Action::fromJson(jsonObject(q.value(5).toString()));
        if (!a)
            return Tr::tr("queued action %1 cannot be read: %2")
                .arg(q.value(1).toString(), a.error().toString());
        if (a->id != q.value(1).toString() || a->caseId != q.value(2).toString()
            || actionTypeName(a->type) != q.value(3).toString())
            return Tr::tr("queued action %1 does not match its row").arg(q.value(1).toString());
    }
    Q_UNUSED(err);
    return {};
}

/// A crash between copying an attachment and committing its row leaves a file nobody refers to.
void removeOrphanFiles(const StoreParts &d)
{
    QSet<QString> known;
    (void)d.db.forEach(QStringLiteral("SELECT local_file FROM attachments"), {},
        [&known](const QSqlQuery &q) { known.insert(QFileInfo(q.value(0).toString()).fileName()); });
    const QStringList files = QDir(d.attachDir).entryList(QDir::Files);
    // Only old ones: another process may be between copying a file and committing its row right now.
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-3600);
    for (const QString &f : files) {
        if (!known.contains(f) && !QUuid::fromString(f).isNull()
            && QFileInfo(QDir(d.attachDir).filePath(f)).lastModified().toUTC() < before) {
            qCInfo(lcStore) << "removing an attachment copy that was never recorded:" << f;
            QFile::remove(QDir(d.attachDir).filePath(f));
        }
    }
}

const QString IntegrityCheckedKey = QStringLiteral("integrity_checked_at");

/// Why open() runs PRAGMA integrity_check on an existing store; empty: it need not.
QString fullCheckReason(const QSqlDatabase &db, const QString &path, const LocalStore::Options &options)
{
    if (options.fullCheck)
        return QStringLiteral("asked for");
    if (openmarks::uncleanShutdown(path))
        return QStringLiteral("after an unclean shutdown");
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT 1 FROM sync_state WHERE key = ?"));
    q.addBindValue(IntegrityCheckedKey);
    if (!q.exec() || !q.next())
        return QStringLiteral("never checked before");
    return {};
}

int readablePendingWork(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT (SELECT count(*) FROM outbox) + (SELECT count(*) FROM sync_issues)"))
        && q.next())
        return q.value(0).toInt();
    return -1;
}
} // namespace

LocalStore::LocalStore(std::unique_ptr<StoreParts> parts)
    : d(std::move(parts))
    , m_edits(*d)
    , m_upload(*d)
    , m_pages(*d)
    , m_reads(*d)
{
    openmarks::retain(d->path);
}

LocalStore::~LocalStore()
{
    if (!d)
        return;
    openmarks::release(d->path);
    const QString conn = d->db.connectionName();
    d->db.clearStatements();
    {
        QSqlDatabase db = d->db.db();
        db.close();
    }
    QSqlDatabase::removeDatabase(conn);
}

Result<std::unique_ptr<LocalStore>> LocalStore::open(const QString &path, const Options &options)
{
    const QFileInfo fi(path);
    if (!privatefiles::makeDir(fi.absolutePath()))
        return Error(
            QStringLiteral("store_io"), Tr::tr("Cannot create the folder %1.").arg(fi.absolutePath()));
    if (!fi.exists()) {
        // Created private before SQLite opens it: SQLite gives its -wal and -shm the same mode.
        QFile created(fi.absoluteFilePath());
        if (created.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            created.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    } else if (options.verify) {
        privatefiles::tightenStore(fi.absoluteFilePath()); // a profile from before is made private too
    }

    // Choosing a free name and taking it is one step: thread-pool threads share one name
    // ("Thread (pooled)"), and two of them may open a store at once (the sign-in's check and the
    // worklist read).
    static QMutex naming;
    QMutexLocker namingLock(&naming);
    // Encrypted (docs/security.md): without this store's key nothing opens; a store from before
    // encryption is encrypted here, under the same lock as the threads' first opens.
    if (auto st = encryptedstore::unlock(fi.absoluteFilePath()); !st.ok())
        return st.error();
    auto parts = std::make_unique<StoreParts>(fi.absoluteFilePath(), connectionNameForThread(), options);
    encryptedstore::addConnection(
        parts->db.connectionName(), parts->path, QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    namingLock.unlock();
    std::unique_ptr<LocalStore> store(new LocalStore(std::move(parts)));
    StoreParts *d = store->d.get();
    QSqlDatabase db = d->db.db();
    if (!db.open())
        return Error(QStringLiteral("store_io"),
            Tr::tr("Cannot open the offline store %1: %2").arg(d->path, db.lastError().text()));

    QString problem;
    const Result<QString> wal = encryptedstore::prepare(db);
    if (!wal.ok())
        problem = wal.error().message;
    const QString mode = wal.ok() ? wal.value() : QString();
    if (problem.isEmpty() && mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        problem = Tr::tr("journal mode %1").arg(mode);
    if (problem.isEmpty())
        pragma(db,
            options.synchronousFull ? QStringLiteral("PRAGMA synchronous = FULL")
                                    : QStringLiteral("PRAGMA synchronous = NORMAL"),
            &problem);
    if (problem.isEmpty())
        pragma(db, QStringLiteral("PRAGMA foreign_keys = ON"), &problem);
    int version = problem.isEmpty() ? schema::versionOf(db) : -1;
    if (version < 0 && problem.isEmpty())
        problem = Tr::tr("the schema version cannot be read");
    if (problem.isEmpty() && version > schema::currentVersion())
        return Error(QStringLiteral("store_too_new"),
            Tr::tr("The offline store %1 was written by a newer version of Outpost (schema %2, this "
                   "version knows %3). Update Outpost; the store was left untouched.")
                .arg(d->path)
                .arg(version)
                .arg(schema::currentVersion()));
    // Version 0: a new file (perhaps being created by another connection right now): nothing to check.
    const bool existed = version > 0;
    // The full check only when the last process to have the store open did not close it (or when
    // asked): SQLite's own recovery makes a cleanly closed file whole; see docs/operations.md.
    const QString fullReason
        = problem.isEmpty() && existed && options.verify ? fullCheckReason(db, d->path, options) : QString();
    QElapsedTimer checkTimer;
    checkTimer.start();
    if (!fullReason.isEmpty()) {
        d->integrityChecked = true;
        problem = checkStore(db, true);
        if (!problem.isEmpty())
            openmarks::failed(d->path);
    }
    if (problem.isEmpty()) {
        if (auto st = schema::migrate(db); !st.ok()) {
            if (st.error().code != QLatin1String("store_damaged"))
                return st.error();
            problem = st.error().message;
        }
    }
    if (problem.isEmpty() && existed && options.verify)
        problem = checkFileLength(db, d->path);
    if (problem.isEmpty() && existed && options.verify)
        problem = checkStore(db, false);

    if (!problem.isEmpty()
        && (problem.contains(QLatin1String("locked"), Qt::CaseInsensitive)
            || problem.contains(QLatin1String("busy"), Qt::CaseInsensitive)))
        return Error(QStringLiteral("store_io"),
            Tr::tr("The offline store %1 is busy (%2); try again.").arg(d->path, problem));
    if (!problem.isEmpty()) {
        qCWarning(lcStore) << "damaged store" << d->path << problem;
        const int pending = readablePendingWork(db);
        if (pending > 0)
            return Error(QStringLiteral("store_damaged"),
                Tr::tr("The offline store %1 is damaged (%2). It still holds %n unsent change(s), so it was "
                       "left in place untouched. Export diagnostics and contact support.",
                    nullptr, pending)
                    .arg(d->path, problem));
        // Nothing queued can be read: set it aside (never delete) so that a fresh store can start.
        db = QSqlDatabase();
        d->db.clearStatements();
        store.reset();
        const QString suffix = QStringLiteral(".damaged-")
            + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddThhmmss"));
        const QString movedTo = fi.absoluteFilePath() + suffix;
        bool moved = QFile::rename(fi.absoluteFilePath(), movedTo);
        for (const char *ext : { "-wal", "-shm" }) {
            const QString side = fi.absoluteFilePath() + QLatin1String(ext);
            if (QFile::exists(side))
                QFile::rename(side, movedTo + QLatin1String(ext));
        }
        Error e(QStringLiteral("store_damaged"),
            moved ? Tr::tr("The offline store %1 was damaged (%2) and held no readable unsent work. It was "
                           "moved aside to %3; open again to start with a fresh store.")
                        .arg(fi.absoluteFilePath(), problem, movedTo)
                  : Tr::tr("The offline store %1 is damaged (%2) and could not be moved aside.")
                        .arg(fi.absoluteFilePath(), problem));
        if (moved)
            e.fields.insert(QStringLiteral("movedTo"), movedTo);
        return e;
    }
    d->version = schema::versionOf(db);
    if (options.verify && (!fullReason.isEmpty() || !existed)) {
        (void)d->db.setStateValue(
            IntegrityCheckedKey, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        openmarks::passed(d->path);
    }
    if (!fullReason.isEmpty()) {
        qCInfo(lcStore) << "integrity check" << fullReason << "passed in" << checkTimer.elapsed() << "ms";
        d->db.log(EventLevel::Info, QStringLiteral("store"),
            QStringLiteral("full integrity check (%1) passed in %2 ms")
                .arg(fullReason)
                .arg(checkTimer.elapsed()));
    }
    privatefiles::makeDir(d->attachDir);
    if (options.verify)
        removeOrphanFiles(*d);
    qCInfo(lcStore) << "opened" << d->path << "schema" << d->version << "connection" << d->db.connectionName()
                    << (options.synchronousFull ? "synchronous=FULL" : "synchronous=NORMAL");
    return store;
}

QJsonObject LocalStore::salvagePendingWork(const QString &path)
{
    QJsonArray outbox, issues, errors;
    const QString name
        = QStringLiteral("outpost-store-salvage-") + QString::number(quintptr(QThread::currentThread()), 16);
    {
        const Status unlocked = QFileInfo::exists(path) ? encryptedstore::unlock(path) : Status::success();
        QSqlDatabase db
            = encryptedstore::addConnection(name, path, QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"), true);
        if (!unlocked.ok()) {
            errors.append(unlocked.error().message);
        } else if (!QFileInfo::exists(path) || !db.open()) {
            errors.append(Tr::tr("Cannot open %1: %2").arg(path, db.lastError().text()));
        } else {
            QSqlQuery q(db);
            // Row by row through the queue order, so that one unreadable page loses as little as possible.
            if (q.exec(QStringLiteral("SELECT seq, state, payload, base_fields FROM outbox ORDER BY seq"))) {
                while (q.next())
                    outbox.append(QJsonObject { { "seq", q.value(0).toLongLong() },
                        { "state", q.value(1).toString() }, { "action", jsonObject(q.value(2).toString()) },
                        { "baseFields", jsonObject(q.value(3).toString()) } });
                if (q.lastError().isValid())
                    errors.append(q.lastError().text());
            } else {
                errors.append(q.lastError().text());
            }
            if (q.exec(QStringLiteral(
                    "SELECT action_seq, status, error, action FROM sync_issues ORDER BY action_seq"))) {
                while (q.next())
                    issues.append(QJsonObject { { "seq", q.value(0).toLongLong() },
                        { "status", q.value(1).toString() }, { "error", jsonObject(q.value(2).toString()) },
                        { "action", jsonObject(q.value(3).toString()) } });
            } else {
                errors.append(q.lastError().text());
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return { { "path", path }, { "outbox", outbox }, { "syncIssues", issues }, { "errors", errors } };
}

QString LocalStore::peekSyncValue(const QString &path, const QString &key)
{
    if (!QFileInfo::exists(path))
        return {};
    QString value;
    const QString name
        = QStringLiteral("outpost-store-peek-") + QString::number(quintptr(QThread::currentThread()), 16);
    {
        QSqlDatabase db
            = encryptedstore::addConnection(name, path, QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"), true);
        if (encryptedstore::unlock(path).ok() && db.open()) {
            QSqlQuery q(db);
            if (q.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"))) {
                q.addBindValue(key);
                if (q.exec() && q.next())
                    value = q.value(0).toString();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

QString LocalStore::path() const
{
    return d->path;
}
QString LocalStore::attachmentsDir() const
{
    return d->attachDir;
}
QString LocalStore::connectionName() const
{
    return d->db.connectionName();
}
int LocalStore::schemaVersion() const
{
    return d->version;
}
bool LocalStore::integrityChecked() const
{
    return d->integrityChecked;
}
int LocalStore::currentSchemaVersion()
{
    return schema::currentVersion();
}

QString LocalStore::syncValue(const QString &key) const
{
    return d->db.stateValue(key);
}

Status LocalStore::setSyncValue(const QString &key, const QString &value)
{
    return d->db.setStateValue(key, value);
}

Status LocalStore::setSyncValues(const QList<std::pair<QString, QString>> &values)
{
    SqlTransaction tx(d->db.db());
    if (auto st = tx.begin(); !st.ok())
        return st;
    for (const auto &[key, value] : values)
        if (auto st = d->db.setStateValue(key, value); !st.ok())
            return st; // rolled back: none of them is written
    return tx.commit();
}

QString LocalStore::deviceId()
{
    QString id = d->db.stateValue(QStringLiteral("device_id"));
    if (id.isEmpty()) {
        id = newUuid();
        if (!d->db
                 .exec(QStringLiteral("INSERT OR IGNORE INTO sync_state(key, value) VALUES ('device_id', ?)"),
                     { id })
                 .ok())
            return id;
        id = d->db.stateValue(QStringLiteral("device_id"));
    }
    return id;
}

void LocalStore::logEvent(EventLevel level, const QString &category, const QString &message)
{
    d->db.log(level, category, message);
}

} // namespace outpost::client
