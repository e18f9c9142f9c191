// SPDX-License-Identifier: MIT
// Encryption at rest: what a copied profile folder gives away without the keychain's key.
#include "cryptvfs.h"
#include "storekeys.h"
#include "storetestutil.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace storetest;

namespace {
const QByteArray Marker = "ZEBRA-7781-MARKER";

/// Every file under `dir` (store, -wal, -shm, marks, attachment copies) that contains `text`, as
/// UTF-8 or UTF-16.
QStringList filesContaining(const QString &dir, const QByteArray &text)
{
    const QByteArray utf16
        = QByteArray(reinterpret_cast<const char *>(QString::fromUtf8(text).utf16()), text.size() * 2);
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        if (bytes.contains(text) || bytes.contains(utf16))
            hits << f.fileName();
    }
    return hits;
}

QByteArray sha(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                       : QByteArray();
}
} // namespace

class TestStoreEncryption : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path() const { return m_dir->filePath("alice@127.0.0.1_8470.sqlite"); }

    /// A store with the marker in a title, a field, a note, a queued action, the offline verifier
    /// and the event log.
    void writeMarkers(LocalStore &s)
    {
        seed(s);
        QVERIFY(
            s.edits().updateFields("C-1", { { "summary", QString::fromUtf8(Marker + " summary") } }).ok());
        QVERIFY(s.edits().addNote("C-2", QString::fromUtf8(Marker + " note")).ok());
        auto id = s.edits().createCase("inspection", { { "site", "S-001" }, { "visitDate", "2026-12-01" } },
            QString::fromUtf8(Marker + " title"), "north");
        QVERIFY2(id.ok(), qPrintable(id.error().toString()));
        QVERIFY(s.setSyncValue("offline_verifier", QString::fromUtf8(Marker + " verifier")).ok());
        s.logEvent(EventLevel::Info, "test", QString::fromUtf8(Marker + " event"));
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }
    void cleanup()
    {
        StoreKeys::forget(path());
        m_dir.reset();
    }

    void aCopiedProfileRevealsNoKnownText()
    {
        auto s = openStore(path());
        QVERIFY(s);
        writeMarkers(*s);
        // The marker reads back through the store…
        auto c = s->reads().caseById("C-1");
        QVERIFY(c && c->record.fields.value("summary").toString().startsWith(QString::fromUtf8(Marker)));
        // …and appears in no file while the store is open (the WAL holds the changes)…
        QVERIFY(QFile::exists(path() + "-wal"));
        QVERIFY(QFile::exists(path() + "-shm")); // the WAL's index, shared by the threads' connections
        QCOMPARE(filesContaining(m_dir->path(), Marker), QStringList());
        QCOMPARE(filesContaining(m_dir->path(), "SQLite format 3"), QStringList());
        QCOMPARE(filesContaining(m_dir->path(), "CREATE TABLE"), QStringList());
        // …nor after it closed (checkpointed into the file).
        s.reset();
        QCOMPARE(filesContaining(m_dir->path(), Marker), QStringList());
        QCOMPARE(filesContaining(m_dir->path(), "outbox"), QStringList());
        // Nothing but the store's own files was ever written: no journal, no temporary file.
        const QStringList names = QDir(m_dir->path()).entryList(QDir::Files);
        for (const QString &n : names)
            QVERIFY2(!n.endsWith("-journal"), qPrintable(n));
        // And it opens again with its key.
        auto again = openStore(path());
        QVERIFY(again);
        QCOMPARE(again->reads().caseById("C-1")->record.fields.value("summary").toString(),
            QString::fromUtf8(Marker + " summary"));
        QCOMPARE(again->syncValue("offline_verifier"), QString::fromUtf8(Marker + " verifier"));
    }

    void withoutItsKeyTheStoreStaysShut()
    {
        {
            auto s = openStore(path());
            QVERIFY(s);
            writeMarkers(*s);
        }
        const QByteArray before = sha(path());
        StoreKeys::forget(path());
        auto locked = LocalStore::open(path());
        QVERIFY(!locked.ok());
        QCOMPARE(locked.error().code, QString("store_locked"));
        // Another key (another user's, a replaced keychain entry) opens nothing and changes nothing.
        StoreKeys::remember(path(), StoreKeys::generate());
        auto wrong = LocalStore::open(path());
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, QString("store_locked"));
        QCOMPARE(LocalStore::peekSyncValue(path(), "offline_verifier"), QString());
        QCOMPARE(sha(path()), before);
        // Plain SQLite sees no database in it.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "plain");
            db.setDatabaseName(path());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(!q.exec("SELECT count(*) FROM cases"));
            db.close();
        }
        QSqlDatabase::removeDatabase("plain");
        QCOMPARE(sha(path()), before);
    }

    void aStoreFromBeforeEncryptionIsEncryptedWithItsPendingWork()
    {
        // A plain store, as versions before encryption wrote it: the same store decrypted into a
        // plain SQLite file.
        const QString plain = m_dir->filePath("plain.sqlite");
        {
            auto s = openStore(path());
            QVERIFY(s);
            writeMarkers(*s);
            QSqlQuery q(QSqlDatabase::database(s->connectionName()));
            QVERIFY2(q.exec(QStringLiteral("VACUUM INTO '%1'")
                                .arg(QUrl::fromLocalFile(plain).toString() + "?vfs=unix")),
                qPrintable(q.lastError().text()));
        }
        StoreKeys::forget(path());
        QFile::remove(path());
        QFile::remove(path() + "-wal");
        QFile::remove(path() + "-shm");
        QVERIFY(QFile::rename(plain, path()));
        QCOMPARE(cryptvfs::inspect(path()), cryptvfs::FileState::Plain);
        QVERIFY(!filesContaining(m_dir->path(), Marker).isEmpty());
        const int pendingBefore = 3;

        StoreKeys::remember(path(), StoreKeys::generate());
        auto s = LocalStore::open(path());
        QVERIFY2(s.ok(), qPrintable(s.error().toString()));
        QCOMPARE(cryptvfs::inspect(path()), cryptvfs::FileState::Encrypted);
        QCOMPARE(s.value()->reads().status().pending, pendingBefore);
        QCOMPARE(s.value()->syncValue("offline_verifier"), QString::fromUtf8(Marker + " verifier"));
        QCOMPARE(filesContaining(m_dir->path(), Marker), QStringList());
        QVERIFY(!QFile::exists(path() + ".encrypting"));
        s.value().reset();
        QCOMPARE(filesContaining(m_dir->path(), Marker), QStringList());
    }

    void aPlainFileWithoutReservedBytesIsEncryptedToo()
    {
        // Plain SQLite leaves no room for a nonce and tag in its pages: the copy is laid out anew.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "legacy");
            db.setDatabaseName(path());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec("PRAGMA journal_mode = WAL"));
            QVERIFY(q.exec("CREATE TABLE legacy(x TEXT)"));
            for (int i = 0; i < 2000; ++i)
                QVERIFY(q.exec(QStringLiteral("INSERT INTO legacy VALUES ('%1 %2')")
                                   .arg(QString::fromUtf8(Marker))
                                   .arg(i)));
            db.close();
        }
        QSqlDatabase::removeDatabase("legacy");
        StoreKeys::remember(path(), StoreKeys::generate());
        auto s = LocalStore::open(path());
        QVERIFY2(s.ok(), qPrintable(s.error().toString()));
        QSqlQuery q(QSqlDatabase::database(s.value()->connectionName()));
        QVERIFY(q.exec("SELECT count(*) FROM legacy WHERE x LIKE 'ZEBRA%'") && q.next());
        QCOMPARE(q.value(0).toInt(), 2000);
        QVERIFY(q.exec("PRAGMA journal_mode") && q.next());
        QCOMPARE(q.value(0).toString(), QString("wal"));
        q.finish();
        QCOMPARE(filesContaining(m_dir->path(), Marker), QStringList());
    }

    void aTornWalFrameEndsTheWalAsInAPlainStore()
    {
        // A copy of the files taken while the store is open is what a power loss leaves; a frame
        // cut in the middle must end the WAL there, not make the store unreadable.
        QByteArray file, wal;
        {
            auto s = openStore(path());
            QVERIFY(s);
            seed(*s);
            QVERIFY(s->edits().addNote("C-1", "first").ok());
            QFile w(path() + "-wal");
            QVERIFY(w.open(QIODevice::ReadOnly));
            const qint64 committed = w.size();
            w.close();
            QVERIFY(s->edits().addNote("C-1", "second").ok());
            QFile f(path());
            QVERIFY(f.open(QIODevice::ReadOnly));
            file = f.readAll();
            QVERIFY(w.open(QIODevice::ReadOnly));
            wal = w.readAll();
            QVERIFY(wal.size() > committed + 100);
            wal.truncate(committed + (wal.size() - committed) / 2); // the second commit's frames, cut
        }
        const QString copy = m_dir->filePath("copy@127.0.0.1_8470.sqlite");
        {
            QFile f(copy);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(file);
            QFile w(copy + "-wal");
            QVERIFY(w.open(QIODevice::WriteOnly));
            w.write(wal);
        }
        auto s = storetest::open(copy);
        QVERIFY2(s.ok(), qPrintable(s.error().toString()));
        const auto notes = s.value()->reads().caseById("C-1");
        QVERIFY(notes);
        QCOMPARE(s.value()->reads().status().pending, 1); // "first" only
    }
};

QTEST_GUILESS_MAIN(TestStoreEncryption)
#include "tst_store_encryption.moc"
