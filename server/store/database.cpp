// SPDX-License-Identifier: MIT
#include "database.h"

#include "sql/sqlitewal.h"

#include "migrations.h"
#include "storelogging.h"

#include <QDir>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <atomic>

namespace outpost::server {

namespace {
std::atomic<int> s_instances { 0 };
std::atomic<int> s_connections { 0 };
// This thread's connection name per open Database (by its serial number).
thread_local QHash<int, QString> t_connections;

Error unavailable(const QString &msg)
{
    return Error(QStringLiteral("unavailable"), msg);
}
} // namespace

Error dbError(const QString &what, const QSqlQuery &q)
{
    const QString text = q.lastError().text();
    qCWarning(lcStore).noquote() << "database error in" << what << ":" << text;
    return unavailable(
        QStringLiteral("The database is unavailable (%1); nothing was changed. Try again later.").arg(what));
}

Error dbError(const QString &what, const QSqlDatabase &db)
{
    const QString text = db.lastError().text();
    qCWarning(lcStore).noquote() << "database error in" << what << ":" << text;
    return unavailable(
        QStringLiteral("The database is unavailable (%1); nothing was changed. Try again later.").arg(what));
}

QVariant nullString()
{
    return QVariant(QMetaType::fromType<QString>());
}
QVariant orNull(const QString &s)
{
    return s.isEmpty() ? nullString() : QVariant(s);
}

Status checkParameters(const QVariantList &args)
{
    // PostgreSQL refuses NUL in text; refuse it everywhere, as the client's mistake it is.
    for (const QVariant &a : args)
        if (a.typeId() == QMetaType::QString && a.toString().contains(QChar(0)))
            return Error(
                QStringLiteral("bad_request"), QStringLiteral("Text must not contain NUL characters."));
    return Status::success();
}

namespace {
/// The statement with each '?' outside quotes replaced by its value as the driver formats it for
/// SQL (quotes doubled, backslashes escaped as the server's settings require): what QtSql's QPSQL
/// sends in its EXECUTE anyway, here without the PREPARE and DEALLOCATE round trips around it.
/// Each value is parenthesised so that it stays one operand wherever it lands.
QString inlineParameters(const QSqlDatabase &db, const QString &sql, const QVariantList &args)
{
    QString out;
    out.reserve(sql.size() + 32 * args.size());
    QChar quote;
    qsizetype next = 0;
    for (const QChar c : sql) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
        } else if (c == QLatin1Char('?') && next < args.size()) {
            const QVariant &v = args.at(next++);
            QSqlField f(QString(), v.metaType());
            if (!v.isNull())
                f.setValue(v);
            out += QLatin1Char('(') + db.driver()->formatValue(f) + QLatin1Char(')');
            continue;
        }
        out += c;
    }
    return out;
}
} // namespace

Result<QSqlQuery> runSql(QSqlDatabase &db, const QString &sql, const QVariantList &args)
{
    if (auto st = checkParameters(args); !st)
        return st.error();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (args.isEmpty()) { // also DDL, which PostgreSQL cannot prepare
        if (!q.exec(sql))
            return dbError(QStringLiteral("statement"), q);
        return q;
    }
    if (db.driver()->dbmsType() == QSqlDriver::PostgreSQL) {
        // One round trip instead of three (PREPARE, EXECUTE, DEALLOCATE) for a statement run once.
        if (!q.exec(inlineParameters(db, sql, args)))
            return dbError(QStringLiteral("statement"), q);
        return q;
    }
    if (!q.prepare(sql))
        return dbError(QStringLiteral("prepare"), q);
    for (int i = 0; i < args.size(); ++i)
        q.bindValue(i, args.at(i));
    if (!q.exec())
        return dbError(QStringLiteral("statement"), q);
    return q;
}

namespace {

/// The TLS keywords of libpq a PostgreSQL URL may carry (what psql's URLs take too).
Result<QList<QPair<QString, QString>>> pgOptionsOf(const QUrlQuery &query)
{
    static const QStringList keys = { QStringLiteral("sslmode"), QStringLiteral("sslrootcert"),
        QStringLiteral("sslcert"), QStringLiteral("sslkey"), QStringLiteral("sslcrl") };
    static const QStringList modes
        = { QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"),
              QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full") };
    QList<QPair<QString, QString>> options;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!keys.contains(key))
            return Error(QStringLiteral("bad_config"),
                QStringLiteral("The PostgreSQL URL's parameter '%1' is not supported (supported: %2).")
                    .arg(key.left(100), keys.join(QStringLiteral(", "))));
        if (key == QLatin1String("sslmode") && !modes.contains(value))
            return Error(QStringLiteral("bad_config"),
                QStringLiteral("sslmode must be one of %1, not '%2'.")
                    .arg(modes.join(QStringLiteral(", ")), value.left(100)));
        // QPSQL joins its options with ';' before handing them to libpq as "key='value' ...".
        if (value.isEmpty() || value.contains(QLatin1Char(';')))
            return Error(QStringLiteral("bad_config"),
                QStringLiteral("The PostgreSQL URL's %1 must be a value without ';'.").arg(key));
        options.append({ key, value });
    }
    return options;
}

/// connect_timeout and the URL's libpq keywords for QSqlDatabase::setConnectOptions (quoted as
/// libpq's conninfo strings are).
QString pgConnectOptions(const QList<QPair<QString, QString>> &options)
{
    QStringList parts { QStringLiteral("connect_timeout=5") };
    for (const auto &[key, value] : options) {
        QString quoted = value;
        quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('\''), QStringLiteral("\\'"));
        parts.append(QStringLiteral("%1='%2'").arg(key, quoted));
    }
    return parts.join(QLatin1Char(';'));
}

} // namespace

Result<DbConfig> DbConfig::parse(const QString &url)
{
    DbConfig c;
    if (url.startsWith(QLatin1String("sqlite:"))) {
        c.kind = DbKind::SQLite;
        c.path = url.mid(7);
        if (c.path.startsWith(QLatin1String("//")))
            c.path = c.path.mid(2);
        if (c.path.isEmpty())
            return Error(
                QStringLiteral("bad_config"), QStringLiteral("The SQLite URL '%1' names no file.").arg(url));
        return c;
    }
    if (url.startsWith(QLatin1String("postgresql://")) || url.startsWith(QLatin1String("postgres://"))) {
        const QUrl u(url, QUrl::StrictMode);
        if (!u.isValid() || u.host().isEmpty())
            return Error(QStringLiteral("bad_config"),
                QStringLiteral("The PostgreSQL URL is not valid (expected postgresql://USER@HOST:PORT/DB)."));
        c.kind = DbKind::PostgreSQL;
        c.host = u.host();
        c.port = u.port(5432);
        c.user = u.userName();
        c.password = u.password();
        c.name = u.path().mid(1);
        if (c.name.isEmpty() || c.name.contains(QLatin1Char('/')))
            return Error(
                QStringLiteral("bad_config"), QStringLiteral("The PostgreSQL URL names no database."));
        if (auto options = pgOptionsOf(QUrlQuery(u)); !options)
            return options.error();
        else
            c.pgOptions = std::move(options).value();
        return c;
    }
    return Error(QStringLiteral("bad_config"),
        QStringLiteral("Unknown database URL '%1' (use sqlite:PATH or postgresql://USER@HOST:PORT/DB).")
            .arg(url.left(200)));
}

QString DbConfig::describe() const
{
    if (kind == DbKind::SQLite)
        return QStringLiteral("sqlite:") + path;
    QString text = QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(name);
    for (qsizetype i = 0; i < pgOptions.size(); ++i)
        text += (i == 0 ? QLatin1Char('?') : QLatin1Char('&')) + pgOptions.at(i).first + QLatin1Char('=')
            + pgOptions.at(i).second;
    return text;
}

Database::Database(DbConfig config)
    : m_config(std::move(config))
    , m_instanceId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_serial = ++s_instances;
    m_prefix = QStringLiteral("outpostd-%1-").arg(m_serial);
}

Database::~Database()
{
    QMutexLocker lock(&m_mutex);
    t_connections.remove(m_serial);
    m_statements.clear(); // statements first: a connection still referenced is not closed
    for (const QString &name : std::as_const(m_connections))
        QSqlDatabase::removeDatabase(name); // closes it; other threads' connections are idle by now
}

Result<std::shared_ptr<Database>> Database::open(const DbConfig &config)
{
    if (!QSqlDatabase::isDriverAvailable(
            config.kind == DbKind::SQLite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL")))
        return unavailable(QStringLiteral("The Qt SQL driver for %1 is not installed.")
                               .arg(config.kind == DbKind::SQLite ? QStringLiteral("SQLite")
                                                                  : QStringLiteral("PostgreSQL")));
    if (config.kind == DbKind::SQLite) {
        const QFileInfo fi(config.path);
        if (!QDir().mkpath(fi.absolutePath()))
            return unavailable(QStringLiteral("Cannot create the directory %1.").arg(fi.absolutePath()));
    }
    std::shared_ptr<Database> db(new Database(config));
    auto conn = db->connection();
    if (!conn)
        return conn.error();
    if (auto st = db->migrate(); !st)
        return st.error();
    qCInfo(lcStore).noquote() << "database ready:" << config.describe() << "schema version" << schemaVersion;
    return db;
}

QHash<QString, std::shared_ptr<QSqlQuery>> &Database::statementCache(const QString &connectionName)
{
    QMutexLocker lock(&m_mutex);
    auto &slot = m_statements[connectionName];
    if (!slot)
        slot = std::make_shared<QHash<QString, std::shared_ptr<QSqlQuery>>>();
    return *slot;
}

Result<QSqlDatabase> Database::connection()
{
    auto it = t_connections.constFind(m_serial);
    if (it != t_connections.constEnd()) {
        QSqlDatabase db = QSqlDatabase::database(it.value(), false);
        if (db.isValid() && db.isOpen())
            return db;
        return addConnection(it.value());
    }
    QString name
        = QStringLiteral("outpostd-%1-%2").arg(quintptr(QThread::currentThreadId()), 0, 16).arg(m_serial);
    if (QSqlDatabase::contains(name)) // left by a finished thread whose id was reused
        name += QStringLiteral("-%1").arg(++s_connections);
    t_connections.insert(m_serial, name);
    return addConnection(name);
}

Status Database::reconnect()
{
    auto it = t_connections.constFind(m_serial);
    if (it != t_connections.constEnd()) {
        QSqlDatabase db = QSqlDatabase::database(it.value(), false);
        if (db.isValid())
            db.close();
    }
    auto conn = connection();
    if (!conn)
        return conn.error();
    return Status::success();
}

Result<QSqlDatabase> Database::openDedicated(const QString &name)
{
    return addConnection(m_prefix + name);
}

Result<QSqlDatabase> Database::addConnection(const QString &name)
{
    QSqlDatabase db = QSqlDatabase::contains(name)
        ? QSqlDatabase::database(name, false)
        : QSqlDatabase::addDatabase(
            m_config.kind == DbKind::SQLite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), name);
    {
        QMutexLocker lock(&m_mutex);
        if (!m_connections.contains(name))
            m_connections.append(name);
    }
    if (m_config.kind == DbKind::SQLite) {
        db.setDatabaseName(m_config.path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    } else {
        db.setHostName(m_config.host);
        db.setPort(m_config.port);
        db.setUserName(m_config.user);
        db.setPassword(m_config.password);
        db.setDatabaseName(m_config.name);
        db.setConnectOptions(pgConnectOptions(m_config.pgOptions));
    }
    if (!db.open()) {
        const QString text = db.lastError().text();
        qCWarning(lcStore).noquote() << "cannot open" << m_config.describe() << ":" << text;
        return unavailable(QStringLiteral("Cannot open the database %1: %2").arg(m_config.describe(), text));
    }
    if (m_config.kind == DbKind::SQLite) {
        if (auto wal = sql::enableWal(db); !wal)
            return unavailable(
                QStringLiteral("Cannot use WAL on %1: %2").arg(m_config.describe(), wal.error().message));
    }
    QSqlQuery q(db);
    const QStringList setup = m_config.kind == DbKind::SQLite
        ? QStringList { QStringLiteral("PRAGMA synchronous=NORMAL"),
              QStringLiteral("PRAGMA busy_timeout=5000"), QStringLiteral("PRAGMA foreign_keys=ON") }
        // No JIT: outpostd's statements are short, and PostgreSQL's cost estimate for the feed's scope
        // filter (an index walk over every position) passes jit_above_cost, so each full-sync page
        // was compiled first: 1.2 s of the database's CPU for a 0.2 s query, which made a fleet's
        // full syncs queue for tens of seconds (bench/fleet_bench).
        : QStringList { QStringLiteral("SET client_min_messages TO warning"),
              QStringLiteral("SET default_transaction_isolation TO 'read committed'"),
              QStringLiteral("SET jit TO off") };
    for (const QString &sql : setup)
        if (!q.exec(sql))
            return dbError(sql, q);
    return db;
}

Result<int> Database::currentVersion(QSqlDatabase &db)
{
    if (m_config.kind == DbKind::SQLite) {
        auto q = runSql(db, QStringLiteral("PRAGMA user_version"));
        if (!q)
            return q.error();
        return q.value().next() ? q.value().value(0).toInt() : 0;
    }
    auto q
        = runSql(db, QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"));
    if (!q)
        return q.error();
    auto v = runSql(db, QStringLiteral("SELECT max(version) FROM schema_version"));
    if (!v)
        return v.error();
    return v.value().next() ? v.value().value(0).toInt() : 0;
}

Status Database::migrate()
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlDatabase db = conn.value();
    if (m_config.kind == DbKind::PostgreSQL) {
        // Two instances starting at once must not migrate concurrently.
        if (auto q = runSql(db, QStringLiteral("SELECT pg_advisory_lock(748210)")); !q)
            return q.error();
    }
    auto unlock = qScopeGuard([&] {
        if (m_config.kind == DbKind::PostgreSQL)
            (void)runSql(db, QStringLiteral("SELECT pg_advisory_unlock(748210)"));
    });
    const QList<Migration> steps = migrations(m_config.kind);
    // Each step: take the write lock, read the version under it (another instance may have migrated
    // meanwhile), apply one step, commit.
    for (;;) {
        QSqlQuery q(db);
        if (!q.exec(m_config.kind == DbKind::SQLite ? QStringLiteral("BEGIN IMMEDIATE")
                                                    : QStringLiteral("BEGIN")))
            return dbError(QStringLiteral("migration begin"), q);
        auto rollback = qScopeGuard([&] { QSqlQuery(db).exec(QStringLiteral("ROLLBACK")); });
        auto version = currentVersion(db);
        if (!version)
            return version.error();
        const int v = version.value();
        if (v > steps.size())
            return Error(QStringLiteral("too_new"),
                QStringLiteral(
                    "The database %1 was written by a newer outpostd (schema %2, this one knows %3).")
                    .arg(m_config.describe())
                    .arg(v)
                    .arg(steps.size()));
        if (v == steps.size())
            return Status::success();
        QStringList stmts = steps.at(v).statements;
        stmts.append(m_config.kind == DbKind::SQLite
                ? QStringLiteral("PRAGMA user_version = %1").arg(v + 1)
                : QStringLiteral("INSERT INTO schema_version VALUES (%1)").arg(v + 1));
        for (const QString &sql : std::as_const(stmts))
            if (!q.exec(sql))
                return dbError(QStringLiteral("migration %1").arg(v + 1), q);
        if (!q.exec(QStringLiteral("COMMIT")))
            return dbError(QStringLiteral("migration commit"), q);
        rollback.dismiss();
        qCInfo(lcStore) << "applied migration" << v + 1 << steps.at(v).description;
    }
}

QVariant Database::docValue(const QByteArray &json) const
{
    if (m_config.kind == DbKind::SQLite)
        return QVariant(json);
    return QVariant(QString::fromUtf8(json));
}

QByteArray Database::docBytes(const QVariant &v)
{
    if (v.typeId() == QMetaType::QByteArray)
        return v.toByteArray();
    return v.toString().toUtf8();
}

} // namespace outpost::server
