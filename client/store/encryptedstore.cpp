// SPDX-License-Identifier: MIT
#include "encryptedstore.h"

#include "cryptvfs.h"
#include "localstore.h"
#include "privatefiles.h"
#include "sealedfile.h"
#include "storedb.h"
#include "storekeys.h"

#include "sql/sqlitewal.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>

#include <sqlite3.h>

#include <limits>

namespace outpost::client::encryptedstore {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::client::LocalStore)
};

/// Room for the nonce and tag at the end of every page of a database not written yet (or, before
/// VACUUM INTO, of the copy it writes).
bool reservePageTail(const QSqlDatabase &db)
{
    sqlite3 *h = sqliteHandle(db);
    int reserve = cryptvfs::ReservedBytes;
    return h && sqlite3_file_control(h, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve) == SQLITE_OK;
}

/// The reserved bytes at the end of each page of the connection's file.
int reservedBytes(const QSqlDatabase &db)
{
    sqlite3 *h = sqliteHandle(db);
    int reserve = -1; // only reads it
    return h && sqlite3_file_control(h, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve) == SQLITE_OK ? reserve
                                                                                                   : -1;
}

bool exec(const QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    *error = q.lastError().text();
    return false;
}

void removeWithSideFiles(const QString &path)
{
    for (const char *ext : { "", "-wal", "-shm", "-journal" })
        QFile::remove(path + QLatin1String(ext));
}

/// Overwrites a plain file with zeros before it is removed.
void shred(const QString &file)
{
    QFile f(file);
    if (f.open(QIODevice::ReadWrite)) {
        const QByteArray zeros(64 * 1024, '\0');
        for (qint64 left = f.size(); left > 0; left -= zeros.size())
            f.write(zeros.constData(), std::min<qint64>(left, zeros.size()));
        f.flush();
    }
}

/// The attachment copies of a store from before encryption are sealed in place (they may wait for
/// upload); its cache of opened files, which can be fetched again, goes.
void sealLegacyFiles(const QString &storePath)
{
    const QDir attachments(StoreLocation::attachmentsDirFor(storePath));
    for (const QString &name : attachments.entryList(QDir::Files)) {
        const QString file = attachments.filePath(name);
        if (sealedfile::isSealed(file))
            continue;
        QFile in(file);
        const QString sealing = file + QStringLiteral(".sealing");
        if (!in.open(QIODevice::ReadOnly)
            || !sealedfile::write(storePath, in, sealing, std::numeric_limits<qint64>::max()).ok()) {
            qCWarning(lcStore) << "cannot seal the attachment copy" << file;
            QFile::remove(sealing);
            continue;
        }
        in.close();
        shred(file);
        QFile::remove(file);
        QFile::rename(sealing, file);
    }
    const QString cache = StoreLocation::cacheDirFor(storePath);
    QDirIterator cached(cache, QDir::Files, QDirIterator::Subdirectories);
    while (cached.hasNext())
        shred(cached.next());
    QDir(cache).removeRecursively();
}

/// A store written before encryption, encrypted with its pending work: copied page by page into
/// a new encrypted file (VACUUM INTO through the cipher VFS), checked, and put in its place. The
/// plain file is overwritten before it is removed (on an SSD or a copy-on-write file system old
/// blocks may survive: docs/security.md).
Status encryptPlainStore(const QString &path)
{
    const QString target = path + QStringLiteral(".encrypting");
    removeWithSideFiles(target); // what an interrupted earlier run left
    StoreKeys::remember(target, StoreKeys::lookup(path));
    const QString name
        = QStringLiteral("outpost-store-encrypt-") + QString::number(quintptr(QThread::currentThread()), 16);
    QString error;
    {
        QSqlDatabase plain = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        plain.setDatabaseName(QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded));
        plain.setConnectOptions(QStringLiteral("QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=10000"));
        const int hadReserved = plain.open() ? reservedBytes(plain) : -1;
        if (hadReserved < 0)
            error = plain.lastError().text();
        // PRAGMA page_size asks for no reserved bytes: it goes first.
        else if (!exec(plain, QStringLiteral("PRAGMA page_size = %1").arg(cryptvfs::PageSize), &error))
            ;
        else if (!reservePageTail(plain))
            error = QStringLiteral("cannot reserve page space");
        else if ((hadReserved >= cryptvfs::ReservedBytes || exec(plain, QStringLiteral("VACUUM"), &error))) {
            // VACUUM INTO keeps the file's reserved bytes: a file without room for them gets it first.
            QString into = cryptvfs::uriFor(target, cryptvfs::UriMode::Fresh);
            into.replace(QLatin1Char('\''), QStringLiteral("''"));
            exec(plain, QStringLiteral("VACUUM INTO '%1'").arg(into), &error);
        }
        plain.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (error.isEmpty()) {
        // The copy is in the rollback-journal format: to WAL with no journal (MEMORY → WAL).
        QSqlDatabase db = addConnection(name, target, QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open())
            error = db.lastError().text();
        else if (exec(db, QStringLiteral("PRAGMA journal_mode = MEMORY"), &error)
            && exec(db, QStringLiteral("PRAGMA journal_mode = WAL"), &error)) {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next()
                || q.value(0).toString() != QLatin1String("ok"))
                error = QStringLiteral("the encrypted copy does not check: %1").arg(q.lastError().text());
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }
    if (error.isEmpty() && cryptvfs::inspect(target) != cryptvfs::FileState::Encrypted)
        error = QStringLiteral("the copy is not encrypted");
    if (!error.isEmpty()) {
        removeWithSideFiles(target);
        StoreKeys::forget(target);
        qCWarning(lcStore) << "encrypting" << path << "failed:" << error;
        return Error(QStringLiteral("store_io"),
            Tr::tr("The offline store %1 could not be encrypted (%2). It was left as it was, with its "
                   "unsent changes.")
                .arg(path, error));
    }
    // Overwrite the plain pages, then swap: the encrypted copy takes the store's name.
    for (const char *ext : { "", "-wal" })
        shred(path + QLatin1String(ext));
    removeWithSideFiles(path);
    QFile::remove(target + QStringLiteral("-shm"));
    const bool moved = QFile::rename(target, path)
        && (!QFile::exists(target + QStringLiteral("-wal"))
            || QFile::rename(target + QStringLiteral("-wal"), path + QStringLiteral("-wal")));
    StoreKeys::forget(target);
    if (!moved)
        return Error(QStringLiteral("store_io"),
            Tr::tr("The encrypted offline store could not be put in place at %1.").arg(path));
    privatefiles::makePrivate(path);
    sealLegacyFiles(path);
    qCInfo(lcStore) << "encrypted the store" << path << "written before encryption";
    return Status::success();
}
/// What the file is (new, plain, encrypted), a plain one encrypted, and whether `key` opens it.
Status inspectAndMigrate(const QString &path, const QByteArray &key)
{
    switch (cryptvfs::inspect(path)) {
    case cryptvfs::FileState::Missing:
        return Status::success();
    case cryptvfs::FileState::Plain:
        return encryptPlainStore(path);
    case cryptvfs::FileState::Encrypted:
        break;
    }
    if (!cryptvfs::keyOpens(path, key))
        return Error(QStringLiteral("store_locked"),
            Tr::tr("The offline store %1 cannot be read with this device's key for it (the keychain entry "
                   "was replaced or belongs to another store). The store was left untouched.")
                .arg(path));
    return Status::success();
}
} // namespace

Status unlock(const QString &path)
{
    if (!cryptvfs::registerOnce())
        return Error(QStringLiteral("store_io"),
            Tr::tr("The offline store cannot be opened: its encryption is not available in this build."));
    const QByteArray key = StoreKeys::lookup(path);
    if (key.isEmpty())
        return Error(QStringLiteral("store_locked"),
            Tr::tr("The offline store %1 is locked: its key is not available. Sign in to unlock it.")
                .arg(path));
    // The file is looked at directly only before this process opens it through SQLite: closing a
    // descriptor of a file drops every POSIX lock the process holds on it, SQLite's included. Once
    // a key opened the store (or made it), later opens with that key trust it.
    static QMutex mutex;
    static QHash<QString, QByteArray> verified; // path → hash of the key that opened it
    const QByteArray keyHash = QCryptographicHash::hash(key, QCryptographicHash::Sha256);
    QMutexLocker lock(&mutex);
    if (verified.value(path) == keyHash)
        return Status::success();
    const Status st = inspectAndMigrate(path, key);
    if (st.ok())
        verified.insert(path, keyHash);
    return st;
}

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

QSqlDatabase addConnection(const QString &name, const QString &path, const QString &options, bool readOnly)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(
        cryptvfs::uriFor(path, readOnly ? cryptvfs::UriMode::ReadOnly : cryptvfs::UriMode::ReadWrite));
    QString all = QStringLiteral("QSQLITE_OPEN_URI");
    if (readOnly)
        all += QStringLiteral(";QSQLITE_OPEN_READONLY");
    if (!options.isEmpty())
        all += QLatin1Char(';') + options;
    db.setConnectOptions(all);
    return db;
}

Result<QString> prepare(const QSqlDatabase &db)
{
    QString error;
    if (!exec(db, QStringLiteral("PRAGMA temp_store = MEMORY"), &error))
        return Error(QStringLiteral("store_io"), error);
    // A page read from the file costs its decryption: each connection keeps up to 16 MiB of
    // pages (SQLite's default is 2 MiB), filled only as far as it reads.
    if (!exec(db, QStringLiteral("PRAGMA cache_size = -16384"), &error))
        return Error(QStringLiteral("store_io"), error);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA journal_mode")) || !q.next())
        return Error(QStringLiteral("store_io"), q.lastError().text());
    const QString mode = q.value(0).toString();
    q.finish();
    if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0)
        return mode;
    // A new file: laid out for the cipher before its first page is written, then to WAL. From
    // MEMORY, SQLite switches to WAL without a rollback journal (which the VFS refuses).
    if (!exec(db, QStringLiteral("PRAGMA page_size = %1").arg(cryptvfs::PageSize), &error))
        return Error(QStringLiteral("store_io"), error);
    if (!reservePageTail(db)) // after PRAGMA page_size, which asks for none
        return Error(QStringLiteral("store_io"), QStringLiteral("cannot reserve page space"));
    // Another connection may have made the file WAL meanwhile: then this one is refused, harmlessly.
    exec(db, QStringLiteral("PRAGMA journal_mode = MEMORY"), &error);
    return sql::enableWal(db);
}

} // namespace outpost::client::encryptedstore
