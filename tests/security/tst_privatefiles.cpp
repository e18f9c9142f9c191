// SPDX-License-Identifier: MIT
// Another local user of the computer reads nothing of a technician's profile: after a sign-in, a
// sync with attachments (uploaded, downloaded into the cache, copied out to open) and a diagnostics
// export, every folder is 0700 and every file 0600, although the test runs with the common umask
// 022; a profile written before (0755/0644) is tightened when its store opens.
#include "casefilesworker.h"
#include "e2ehelpers.h"
#include "httptransport.h"

#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace e2e;

namespace {

/// Every entry under (and including) `dir` whose mode is not 0700 (folders) or 0600 (files).
QStringList notPrivate(const QString &dir)
{
    QStringList out;
    auto check = [&out](const QString &path) {
        struct stat st;
        if (::lstat(QFile::encodeName(path).constData(), &st) != 0) {
            out << path + QStringLiteral(" (gone)");
            return;
        }
        const mode_t want = S_ISDIR(st.st_mode) ? 0700 : 0600;
        if ((st.st_mode & 07777) != want)
            out << QStringLiteral("%1 %2").arg(st.st_mode & 07777, 4, 8, QLatin1Char('0')).arg(path);
    };
    check(dir);
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories);
    while (it.hasNext())
        check(it.next());
    return out;
}

/// What the store has: files, folders and their kinds, to be sure the walk saw them.
QStringList suffixesIn(const QString &dir)
{
    QStringList out;
    QDirIterator it(
        dir, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString n = QFileInfo(it.next()).fileName();
        for (const char *s :
            { ".sqlite", ".sqlite-wal", ".sqlite-shm", ".attachments", ".cache", "profile.json" })
            if (n.endsWith(QLatin1String(s)))
                out << QLatin1String(s);
        if (n.contains(QLatin1String(".open-")))
            out << QStringLiteral(".open-");
    }
    out.removeDuplicates();
    out.sort();
    return out;
}

} // namespace

class TestPrivateFiles : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    testing::OutpostdProcess m_server;

    std::pair<int, QString> cli(const QString &profile, const QStringList &args, const QByteArray &input = {})
    {
        QProcess p;
        p.start(QStringLiteral(OUTPOST_CLI_BIN), QStringList { QStringLiteral("--profile"), profile } + args);
        p.write(input);
        p.closeWriteChannel();
        p.waitForFinished(120000);
        return { p.exitCode(), QString::fromUtf8(p.readAllStandardError()) };
    }

private Q_SLOTS:
    void initTestCase()
    {
        ::umask(022); // what a desktop session usually gives: files 0644, folders 0755
        QString why;
        QVERIFY2(
            startDemoServer(m_server, m_dir.filePath(QStringLiteral("server.db")), &why), qPrintable(why));
    }

    void everyFileOfAProfileIsPrivate()
    {
        const QString profile = m_dir.filePath(QStringLiteral("profile"));
        const QString server = m_server.baseUrl().toString();
        auto in = cli(profile,
            { QStringLiteral("signin"), QStringLiteral("--server"), server, QStringLiteral("--user"),
                QStringLiteral("alice"), QStringLiteral("--password-stdin") },
            "alice\n");
        QVERIFY2(in.first == 0, qPrintable(in.second));
        auto synced = cli(profile, { QStringLiteral("sync") });
        QVERIFY2(synced.first == 0, qPrintable(synced.second));

        // The app's way with attachments, in this process (umask 022): attach a file, upload it with
        // a sync, download it into the cache and copy it out to open.
        const QString storePath
            = client::StoreLocation::pathFor(profile, m_server.baseUrl(), QStringLiteral("alice"));
        // The CLI made the store: its key is in the keychain, where the app finds it too.
        const Status unlocked = unlockFromKeychain(m_server.baseUrl(), QStringLiteral("alice"), storePath);
        QVERIFY2(unlocked.ok(), qPrintable(unlocked.error().toString()));
        ApiClient api;
        auto session = login(api, m_server.baseUrl(), QStringLiteral("alice"));
        QVERIFY2(session.ok(), qPrintable(session.error().toString()));
        QString caseId;
        {
            auto store = openStore(storePath);
            QVERIFY(store);
            const auto cases = store->reads().cases();
            QVERIFY(!cases.isEmpty());
            caseId = cases.first().record.id;
        }
        const QString photo = m_dir.filePath(QStringLiteral("meter.jpg"));
        {
            QFile f(photo);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(70000, 'm'));
        }
        auto http = std::make_shared<HttpTransport>();
        ui::CaseFilesWorker worker(storePath, http);
        worker.setServer(m_server.baseUrl(), session->token);
        QSignalSpy attached(&worker, &ui::CaseFilesWorker::attached);
        worker.attach(caseId, photo);
        QVERIFY(attached.count() || attached.wait(20000));
        QVERIFY2(attached.first().at(2).toString().isEmpty(), qPrintable(attached.first().at(2).toString()));
        const QString attachmentId = attached.first().at(1).toString();
        const auto cycle
            = syncOnce(oneShotConfig(storePath, m_server.baseUrl(), QStringLiteral("alice"), session->token));
        QVERIFY2(cycle.ok, qPrintable(cycle.message));

        QString sha;
        QString localCopy;
        {
            auto store = openStore(storePath);
            for (const client::AttachmentInfo &a : store->reads().attachments(caseId))
                if (a.id == attachmentId) {
                    sha = a.sha256;
                    localCopy = a.localPath;
                    QVERIFY(a.uploaded);
                }
        }
        QVERIFY(!sha.isEmpty());
        QString cache = storePath;
        cache.chop(int(qstrlen(".sqlite")));
        cache += QStringLiteral(".cache");
        QSignalSpy ready(&worker, &ui::CaseFilesWorker::fileReady);
        worker.download(caseId, attachmentId,
            cache + QStringLiteral("/") + attachmentId + QStringLiteral("/meter.jpg"), QString());
        QVERIFY(ready.count() || ready.wait(20000));
        QVERIFY2(ready.last().at(4).toString().isEmpty(), qPrintable(ready.last().at(4).toString()));
        const QString other = QUuid::createUuid().toString(QUuid::WithoutBraces);
        worker.copyOut(
            caseId, other, localCopy, cache + QStringLiteral("/") + other + QStringLiteral("/copy.jpg"));
        QTRY_COMPARE(ready.count(), 2);
        QVERIFY2(ready.last().at(4).toString().isEmpty(), qPrintable(ready.last().at(4).toString()));

        // And a diagnostics export, wherever the technician puts it.
        const QString diag = m_dir.filePath(QStringLiteral("diagnostics.json"));
        auto exported = cli(profile, { QStringLiteral("export-diagnostics"), diag });
        QVERIFY2(exported.first == 0, qPrintable(exported.second));

        {
            // Open while walked: the lock mark and the -wal and -shm are there.
            auto store = openStore(storePath);
            QVERIFY(store);
            QVERIFY(store->syncValue(QStringLiteral("device_id")).size() > 0);
            QCOMPARE(suffixesIn(profile),
                QStringList({ QStringLiteral(".attachments"), QStringLiteral(".cache"),
                    QStringLiteral(".open-"), QStringLiteral(".sqlite"), QStringLiteral(".sqlite-shm"),
                    QStringLiteral(".sqlite-wal"), QStringLiteral("profile.json") }));
            const QStringList loose = notPrivate(profile);
            QVERIFY2(loose.isEmpty(), qPrintable(loose.join(QLatin1Char('\n'))));
            // Encrypted at rest: no file of the profile holds a case's title, the user's record or
            // the attached file's bytes (profile.json names the server and the user, nothing more).
            const QString title = store->reads().cases().first().record.title;
            QVERIFY(title.size() > 8);
            const QStringList known { title, QStringLiteral("displayName"), QString(64, QLatin1Char('m')) };
            QDirIterator it(profile, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                if (f.fileName().endsWith(QStringLiteral("profile.json")))
                    continue;
                QVERIFY(f.open(QIODevice::ReadOnly));
                const QByteArray bytes = f.readAll();
                for (const QString &k : known)
                    QVERIFY2(
                        !bytes.contains(k.toUtf8()), qPrintable(f.fileName() + QStringLiteral(": ") + k));
            }
        }
        QCOMPARE(notPrivate(diag), QStringList());
    }

    void anOlderProfileIsTightenedAtOpen()
    {
        const QString profile = m_dir.filePath(QStringLiteral("profile"));
        QVERIFY(QFileInfo::exists(profile));
        // As an earlier version left it: readable by everyone.
        QProcess chmod;
        chmod.start(QStringLiteral("chmod"), { QStringLiteral("-R"), QStringLiteral("go+rX"), profile });
        QVERIFY(chmod.waitForFinished(30000));
        QVERIFY(!notPrivate(profile).isEmpty());
        auto status = cli(profile, { QStringLiteral("status") });
        QVERIFY2(status.first == 0, qPrintable(status.second));
        const QStringList loose = notPrivate(profile);
        QVERIFY2(loose.isEmpty(), qPrintable(loose.join(QLatin1Char('\n'))));
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_MAIN(TestPrivateFiles)
#include "tst_privatefiles.moc"
