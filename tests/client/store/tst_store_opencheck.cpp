// SPDX-License-Identifier: MIT
// What opening a store checks: the full integrity check after a process that had the store open
// ended without closing it (kill -9), after a check that found damage, and when asked; not on a start
// that follows clean shutdowns.
#include "storetestutil.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <iostream>
#include <string>

using namespace storetest;

namespace {

/// The child process: opens the store, says so and keeps it open until its standard input ends
/// (then it closes the store and exits) or it is killed.
int holdOpen(const QString &path)
{
    auto s = storetest::open(path);
    if (!s) {
        std::printf("openfail %s\n", qPrintable(s.error().toString()));
        return 2;
    }
    std::printf("open\n");
    std::fflush(stdout);
    std::string line;
    std::getline(std::cin, line);
    return 0;
}

bool eventLogSays(const LocalStore &store, const QString &text)
{
    for (const EventEntry &e : store.reads().eventLog(50))
        if (e.message.contains(text))
            return true;
    return false;
}

} // namespace

class TstStoreOpenCheck : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path() const { return m_dir->filePath("alice@test.sqlite"); }

    /// Starts a child process that holds the store open; returns once it has opened it.
    bool startHolder(QProcess &child)
    {
        child.start(QCoreApplication::applicationFilePath(), { "--hold", path() });
        if (!child.waitForStarted())
            return false;
        QByteArray out;
        while (!out.contains('\n') && child.waitForReadyRead(10000))
            out += child.readAllStandardOutput();
        return out.startsWith("open");
    }

    /// A store with a case and a queued change, closed cleanly once after its creation.
    void makeStore()
    {
        auto s = storetest::open(path());
        QVERIFY(s);
        QVERIFY((*s)->pages()
                    .applyPage(page({ upsert("caseType", "inspection", inspectionType()),
                                        upsert("case", "C-1", caseJson("C-1", 1, baseFields())) },
                                   "t1"),
                        false)
                    .ok());
        QVERIFY((*s)->edits().updateFields("C-1", { { "readingKw", 13 } }).ok());
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }
    void cleanup() { m_dir.reset(); }

    void cleanStartSkipsTheFullCheck()
    {
        makeStore();
        for (int i = 0; i < 2; ++i) {
            auto s = storetest::open(path());
            QVERIFY(s);
            QVERIFY(!(*s)->integrityChecked());
        }
        // Other processes that closed it cleanly do not count as unclean either.
        for (int i = 0; i < 2; ++i) {
            QProcess child;
            QVERIFY(startHolder(child));
            child.closeWriteChannel(); // the child closes the store and exits
            QVERIFY(child.waitForFinished(10000));
            QCOMPARE(child.exitStatus(), QProcess::NormalExit);
            QCOMPARE(child.exitCode(), 0);
        }
        auto s = storetest::open(path());
        QVERIFY(s);
        QVERIFY(!(*s)->integrityChecked());
        QCOMPARE((*s)->reads().status().pending, 1);
    }

    void killedProcessMeansAFullCheckNextTime()
    {
        makeStore();
        QProcess child;
        QVERIFY(startHolder(child));
        child.kill(); // SIGKILL: the store is never closed
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        {
            auto s = storetest::open(path());
            QVERIFY(s);
            QVERIFY((*s)->integrityChecked());
            QVERIFY(eventLogSays(**s, "after an unclean shutdown"));
            QCOMPARE((*s)->reads().status().pending, 1); // nothing lost
        }
        // Checked once: the next start is a clean one again.
        auto s = storetest::open(path());
        QVERIFY(s);
        QVERIFY(!(*s)->integrityChecked());
    }

    void aProcessStillRunningIsNotAnUncleanShutdown()
    {
        makeStore();
        QProcess child;
        QVERIFY(startHolder(child));
        {
            auto s = storetest::open(path());
            QVERIFY(s);
            QVERIFY(!(*s)->integrityChecked());
        }
        child.kill();
        QVERIFY(child.waitForFinished(10000));
        auto s = storetest::open(path());
        QVERIFY(s);
        QVERIFY((*s)->integrityChecked());
    }

    void instancesWithoutVerifyNeverCheckButMarkTheStoreOpen()
    {
        makeStore();
        LocalStore::Options quick;
        quick.verify = false;
        {
            auto s = storetest::open(path(), quick);
            QVERIFY(s);
            QVERIFY(!(*s)->integrityChecked());
        }
        auto s = storetest::open(path());
        QVERIFY(s);
        QVERIFY(!(*s)->integrityChecked());
        // Two instances of one process: the second one's close does not end the first one's mark.
        {
            auto second = storetest::open(path(), quick);
            QVERIFY(second);
        }
        const QStringList marks
            = QDir(m_dir->path()).entryList({ QStringLiteral("alice@test.sqlite.open-*") }, QDir::Files);
        QCOMPARE(marks.size(), 1);
    }

    void theQueueIsAuditedAtEveryOpen_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("message");
        QTest::newRow("not JSON") << "UPDATE outbox SET payload = '{not json'"
                                  << "cannot be read";
        QTest::newRow("another type") << "UPDATE outbox SET payload = json_set(payload, '$.type', 'note')"
                                      << "does not match its row";
    }

    void theQueueIsAuditedAtEveryOpen()
    {
        // A clean start skips the integrity check, never the queue audit.
        QFETCH(QString, damage);
        QFETCH(QString, message);
        makeStore();
        {
            QSqlDatabase db = rawConnection("raw", path());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY2(q.exec(damage), qPrintable(q.lastError().text()));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase("raw");
        auto s = storetest::open(path());
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QString("store_damaged"));
        QVERIFY2(s.error().message.contains(message), qPrintable(s.error().message));
        QVERIFY(QFile::exists(path())); // the unsent change is still inside: left in place
    }

    void threadsOfOneNameOpenAtOnce()
    {
        // Thread-pool threads share one name ("Thread (pooled)"); the sign-in's check and the
        // worklist read open the store on two of them at the same moment.
        makeStore();
        QAtomicInt failures;
        QList<QThread *> threads;
        for (int t = 0; t < 8; ++t) {
            QThread *thread = QThread::create([this, &failures] {
                for (int i = 0; i < 100; ++i) {
                    LocalStore::Options o;
                    o.verify = i % 10 == 0;
                    auto s = storetest::open(path(), o);
                    if (!s || (*s)->reads().status().pending != 1)
                        failures.fetchAndAddRelaxed(1);
                }
            });
            thread->setObjectName(QStringLiteral("Thread (pooled)"));
            threads << thread;
        }
        for (QThread *t : threads)
            t->start();
        for (QThread *t : threads) {
            QVERIFY(t->wait(60000));
            delete t;
        }
        QCOMPARE(failures.loadRelaxed(), 0);
    }

    void anExplicitCheckRunsAfterACleanShutdownToo()
    {
        makeStore();
        LocalStore::Options check;
        check.fullCheck = true;
        auto s = storetest::open(path(), check);
        QVERIFY(s);
        QVERIFY((*s)->integrityChecked());
        QVERIFY(eventLogSays(**s, "asked for"));
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc >= 3 && qstrcmp(argv[1], "--hold") == 0)
        return holdOpen(QString::fromLocal8Bit(argv[2]));
    TstStoreOpenCheck t;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&t, argc, argv);
}

#include "tst_store_opencheck.moc"
