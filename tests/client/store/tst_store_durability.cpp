// SPDX-License-Identifier: MIT
// Nothing queued is ever lost: migrations from every earlier schema, damaged files, newer stores,
// and a writer killed with SIGKILL at random points.
#include "schema.h"
#include "storetestutil.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QMutex>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

using namespace storetest;

namespace {

/// Runs `fn` on a raw connection to `path` (not through LocalStore): to the encrypted store, or
/// with `plain` to a plain SQLite file, as versions before encryption wrote stores.
template <typename Fn> void withRawDb(const QString &path, Fn fn, bool plain = false)
{
    const QString name = QStringLiteral("raw-") + path;
    {
        QSqlDatabase db = plain ? QSqlDatabase::addDatabase("QSQLITE", name) : rawConnection(name, path);
        if (plain)
            db.setDatabaseName(path);
        QVERIFY(db.open());
        fn(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void sql(const QSqlDatabase &db, const QString &statement, const QVariantList &binds = {})
{
    QSqlQuery q(db);
    QVERIFY2(q.prepare(statement), qPrintable(q.lastError().text()));
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    QVERIFY2(q.exec(), qPrintable(q.lastError().text() + " in " + statement));
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

/// Uploads one batch with the server answering "applied" to everything (as a server would), so
/// that kills also land inside applyUploadResults. Reports what it is about to apply, then "sent".
bool drainOnce(LocalStore &store, int etag)
{
    const QList<QueuedAction> batch = store.upload().nextBatch(20);
    if (batch.isEmpty())
        return true;
    QStringList ids;
    for (const QueuedAction &q : batch)
        ids << q.action.id;
    if (!store.upload().markInflight(ids).ok())
        return false;
    QHash<QString, QString> mapped;
    QList<ActionResult> results;
    for (const QueuedAction &q : batch) {
        QString caseId = mapped.value(q.action.caseId, q.action.caseId);
        QHash<QString, QString> map;
        if (q.action.type == ActionType::Create) {
            caseId = QStringLiteral("S-") + q.action.caseId.mid(4, 8);
            mapped.insert(q.action.caseId, caseId);
            map.insert(q.action.caseId, caseId);
            std::printf("pendingcreate %s\n", qPrintable(q.action.caseId));
        } else if (q.action.type == ActionType::Note) {
            std::printf("pendingnote %s\n", qPrintable(q.action.text));
        }
        const auto current = store.reads().caseById(caseId);
        QJsonObject fields = current ? current->record.fields : q.action.fields;
        for (auto it = q.action.fields.begin(); it != q.action.fields.end(); ++it)
            fields.insert(it.key(), it.value());
        results << applied(q, caseJson(caseId, etag, fields), map);
    }
    std::fflush(stdout);
    if (!store.upload().applyResults(batch, results).ok())
        return false;
    std::printf("sent x\n");
    std::fflush(stdout);
    return true;
}

/// The child process of crashSafetyUnderSigkill: local operations in a loop, reporting each commit,
/// with an upload of what is queued every few rounds.
int runChild(const QString &path, int base)
{
    auto s = storetest::open(path);
    if (!s) {
        std::printf("openfail %s\n", qPrintable(s.error().toString()));
        return 2;
    }
    LocalStore &store = *s.value();
    if (!store.upload().requeueInflight().ok())
        return 6;
    for (int i = 0; i < 1000; ++i) {
        auto id
            = store.edits().createCase("inspection", { { "site", "S-001" }, { "visitDate", "2026-12-01" } });
        if (!id)
            return 3;
        std::printf("create %s\n", qPrintable(*id));
        const QString text = QStringLiteral("n-%1-%2").arg(base).arg(i);
        if (!store.edits().addNote(*id, text).ok())
            return 4;
        std::printf("note %s\n", qPrintable(text));
        if (!store.edits().updateFields("C-1", { { "readingKw", base + i } }).ok())
            return 5;
        std::printf("reading %d\n", base + i);
        std::fflush(stdout);
        if (i % 3 == 2 && !drainOnce(store, base + i + 10))
            return 7;
    }
    return 0;
}

} // namespace

class TstStoreDurability : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path() const { return m_dir->filePath("alice@127.0.0.1_8470.sqlite"); }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        QTest::failOnWarning(QRegularExpression(QStringLiteral("^\\\"(exec|prepare|download)\\\"")));
        m_dir = std::make_unique<QTemporaryDir>();
    }
    void cleanup() { m_dir.reset(); }

    void migratesEveryEarlierVersionWithPendingWork_data()
    {
        QTest::addColumn<int>("version");
        for (int v = 1; v < LocalStore::currentSchemaVersion(); ++v)
            QTest::addRow("v%d", v) << v;
    }

    void migratesEveryEarlierVersionWithPendingWork()
    {
        QFETCH(int, version);
        // A store exactly as that version wrote it (in plain SQLite: before encryption), with
        // queued work inside.
        const QString tmp = QStringLiteral("tmp-7f1c8c1e-0000-4000-8000-000000000001");
        const QStringList ids { "a0000000-0000-4000-8000-000000000001",
            "a0000000-0000-4000-8000-000000000002", "a0000000-0000-4000-8000-000000000003" };
        withRawDb(
            path(),
            [&](QSqlDatabase &db) {
                QVERIFY(outpost::client::schema::migrate(db, version).ok());
                QCOMPARE(outpost::client::schema::versionOf(db), version);
                const QJsonObject type = inspectionType();
                sql(db,
                    "INSERT INTO case_types(name, version, title, json) VALUES ('inspection', 3, 'Site "
                    "inspection', ?)",
                    { compact(type) });
                sql(db,
                    "INSERT INTO data_page_rows(page, key, label, json) VALUES ('sites', 'S-001', 'Site', ?)",
                    { compact(siteRow("S-001")) });
                QJsonObject local = baseFields();
                local.insert("readingKw", 15);
                sql(db,
                    "INSERT INTO cases(id, case_type, status, title, server_etag, server_fields, fields, "
                    "pending_count) "
                    "VALUES ('C-1', 'inspection', 'New', 'Inspect', '\"1\"', ?, ?, 2)",
                    { compact(baseFields()), compact(local) });
                sql(db,
                    "INSERT INTO cases(id, case_type, status, title, server_fields, fields, local_status, "
                    "pending_count, "
                    "is_local_only) VALUES (?, 'inspection', '', 'New one', '{}', ?, 'New', 1, 1)",
                    { tmp, compact({ { "site", "S-001" }, { "visitDate", "2026-12-01" } }) });
                sql(db, "INSERT INTO temp_ids(temp_id, created_at) VALUES (?, '2026-11-20T08:00:00Z')",
                    { tmp });
                const QJsonObject update { { "id", ids[0] }, { "type", "update" }, { "caseId", "C-1" },
                    { "baseEtag", "\"1\"" }, { "fields", QJsonObject { { "readingKw", 15 } } },
                    { "clientTime", "2026-11-20T08:00:00Z" } };
                const QJsonObject note { { "id", ids[1] }, { "type", "note" }, { "caseId", "C-1" },
                    { "text", "hello" } };
                const QJsonObject create { { "id", ids[2] }, { "type", "create" }, { "caseId", tmp },
                    { "caseType", "inspection" },
                    { "fields", QJsonObject { { "site", "S-001" }, { "visitDate", "2026-12-01" } } } };
                sql(db,
                    "INSERT INTO outbox(action_id, case_id, type, payload, base_fields, created_at) VALUES "
                    "(?, "
                    "'C-1', "
                    "'update', ?, ?, '2026-11-20T08:00:00Z')",
                    { ids[0], compact(update), compact({ { "readingKw", 12 } }) });
                sql(db,
                    "INSERT INTO outbox(action_id, case_id, type, payload, created_at) VALUES (?, 'C-1', "
                    "'note', "
                    "?, "
                    "'2026-11-20T08:00:00Z')",
                    { ids[1], compact(note) });
                sql(db,
                    "INSERT INTO outbox(action_id, case_id, type, payload, state, created_at) VALUES (?, ?, "
                    "'create', ?, "
                    "'held', '2026-11-20T08:00:00Z')",
                    { ids[2], tmp, compact(create) });
                sql(db, "INSERT INTO sync_state(key, value) VALUES ('token', 'tok-old')");
                if (version >= 7) // the history came with the feed: it stays readable offline
                    for (const char *id : { "h2", "h1" })
                        sql(db, "INSERT INTO case_history(id, case_id, at, json) VALUES (?, 'C-1', ?, ?)",
                            { id, id == QLatin1String("h1") ? "2026-11-20T08:00:00Z" : "2026-11-21T08:00:00Z",
                                compact({ { "id", id }, { "caseId", "C-1" }, { "at", "2026-11-20T08:00:00Z" },
                                    { "by", "carol" }, { "action", "note" }, { "text", id } }) });
            },
            true);

        auto store = openStore(path());
        QVERIFY(store);
        QCOMPARE(store->schemaVersion(), LocalStore::currentSchemaVersion());
        QStringList after;
        for (const OutboxEntry &e : store->reads().outbox())
            after << e.actionId;
        QCOMPARE(after, ids);
        QCOMPARE(store->reads().outbox().at(2).state, QueueState::Held);
        // Version 7 drops the token: the next sync is a full one, which brings the cases' history.
        QCOMPARE(store->pages().syncToken(), version < 7 ? QString() : QStringLiteral("tok-old"));
        QVERIFY(!store->pages().fullSyncInProgress());
        QCOMPARE(store->reads().caseById("C-1")->record.fields.value("readingKw").toInt(), 15);
        if (version >= 7) {
            const auto history = store->reads().caseHistory("C-1");
            QCOMPARE(history.size(), 2);
            QCOMPARE(history.at(0).id, QStringLiteral("h1")); // in time order
            QCOMPARE(history.at(1).id, QStringLiteral("h2"));
        }
        const auto batch = store->upload().nextBatch();
        QCOMPARE(batch.size(), 2);
        QCOMPARE(batch.first().baseFields.value("readingKw").toInt(), 12);
        // The newer features work on the migrated data: a full sync keeps the queued work.
        QVERIFY(store->pages().beginFullSync().ok());
        QVERIFY(store->pages()
                    .applyPage(page({ upsert("caseType", "inspection", inspectionType()) }, "t"), true)
                    .ok());
        QVERIFY(store->pages().finishFullSync("t").ok());
        QVERIFY(store->reads().caseById("C-1")->removedOnServer);
        QVERIFY(store->reads().caseById(tmp));
        QCOMPARE(store->reads().pendingCount(), 3);
    }

    void refusesNewerStore()
    {
        {
            auto s = openStore(path());
            QVERIFY(s);
        }
        withRawDb(path(), [](QSqlDatabase &db) { sql(db, QStringLiteral("PRAGMA user_version = 99")); });
        auto s = storetest::open(path());
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QString("store_too_new"));
        withRawDb(path(), [](QSqlDatabase &db) { QCOMPARE(outpost::client::schema::versionOf(db), 99); });
    }

    void damagedStoreWithPendingWorkIsReportedNotReset_data()
    {
        QTest::addColumn<bool>("pendingWork");
        QTest::newRow("pending work") << true;
        QTest::newRow("nothing pending") << false;
    }

    void damagedStoreWithPendingWorkIsReportedNotReset()
    {
        QFETCH(bool, pendingWork);
        qint64 rootPage = 0, pageSize = 0;
        {
            auto s = openStore(path());
            QVERIFY(s);
            seed(*s);
            QJsonArray rows;
            for (int i = 0; i < 3000; ++i)
                rows.append(upsert("dataPage", QStringLiteral("parts/P-%1").arg(i),
                    QJsonObject { { "page", "parts" }, { "key", QStringLiteral("P-%1").arg(i) },
                        { "label", QStringLiteral("Spare part number %1 with a long label").arg(i) } }));
            QVERIFY(s->pages().applyPage(page(rows, "t2"), false).ok());
            if (pendingWork)
                QVERIFY(s->edits().updateFields("C-1", { { "readingKw", 77 } }).ok());
            QSqlQuery q(QSqlDatabase::database(s->connectionName()));
            QVERIFY(q.exec("SELECT rootpage FROM sqlite_master WHERE name = 'data_page_rows'") && q.next());
            rootPage = q.value(0).toLongLong();
            QVERIFY(q.exec("PRAGMA page_size") && q.next());
            pageSize = q.value(0).toLongLong();
        }
        QVERIFY(!QFile::exists(path() + "-wal") || QFile(path() + "-wal").size() == 0);
        {
            QFile f(path());
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.seek((rootPage - 1) * pageSize));
            QVERIFY(f.write(QByteArray(int(pageSize), char(0x5a))) == pageSize);
        }
        // Closed cleanly, so only an explicit check (`outpost check`) looks at every page; once it
        // found the damage, every later open checks again.
        LocalStore::Options check;
        check.fullCheck = true;
        auto s = storetest::open(path(), check);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QString("store_damaged"));
        if (pendingWork) {
            QVERIFY(QFile::exists(path())); // left in place: the unsent change is still inside
            QVERIFY(!s.error().fields.contains("movedTo"));
            QVERIFY2(s.error().message.contains("unsent"), qPrintable(s.error().message));
            // Still refused on every later attempt, never reset.
            QCOMPARE(storetest::open(path()).error().code, QString("store_damaged"));
            // What is queued can still be read out for support.
            const QJsonObject salvage = LocalStore::salvagePendingWork(path());
            QCOMPARE(salvage.value("outbox").toArray().size(), 1);
            QCOMPARE(salvage.value("outbox").toArray().first().toObject().value("action").toObject().value(
                         "fields"),
                QJsonValue(QJsonObject { { "readingKw", 77 } }));
        } else {
            const QString moved = s.error().fields.value("movedTo");
            QVERIFY(!moved.isEmpty());
            QVERIFY(QFile::exists(moved));
            QVERIFY(!QFile::exists(path()));
            auto fresh = openStore(path());
            QVERIFY(fresh);
            QCOMPARE(fresh->reads().status().cases, 0);
        }
    }

    void concurrentFirstOpenMigratesOnce()
    {
        QStringList errors;
        QMutex mutex;
        QList<QThread *> threads;
        for (int i = 0; i < 3; ++i) {
            threads << QThread::create([&] {
                auto s = storetest::open(path());
                QMutexLocker lock(&mutex);
                if (!s)
                    errors << s.error().toString();
                else if (s.value()->schemaVersion() != LocalStore::currentSchemaVersion())
                    errors << QStringLiteral("schema %1").arg(s.value()->schemaVersion());
            });
            threads.last()->setObjectName(QStringLiteral("opener-%1").arg(i));
        }
        for (QThread *t : threads)
            t->start();
        for (QThread *t : threads) {
            QVERIFY(t->wait(30000));
            delete t;
        }
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join("; ")));
    }

    void twoThreadsEachWithTheirConnection()
    {
        auto store = openStore(path());
        QVERIFY(store);
        seed(*store);
        // A worker thread downloads pages through its own instance while this thread edits.
        QString workerError, workerConnection;
        QThread *worker = QThread::create([&] {
            LocalStore::Options o;
            o.verify = false;
            auto s = storetest::open(path(), o);
            if (!s) {
                workerError = s.error().toString();
                return;
            }
            workerConnection = s.value()->connectionName();
            for (int p = 0; p < 20 && workerError.isEmpty(); ++p) {
                QJsonArray ch;
                for (int i = 0; i < 200; ++i) {
                    const QString id = QStringLiteral("C-%1").arg(i % 3 == 0 ? 1 + p % 3 : 100 + i);
                    ch.append(upsert("case", id, caseJson(id, 10 + p, baseFields())));
                }
                auto r = s.value()->pages().applyPage(page(ch, QStringLiteral("t-%1").arg(p)), false);
                if (!r)
                    workerError = r.error().toString();
            }
        });
        worker->setObjectName("sync");
        worker->start();
        int ops = 0;
        for (int i = 0; i < 100; ++i) {
            QVERIFY(store->edits()
                        .addNote(QStringLiteral("C-%1").arg(1 + i % 3), QStringLiteral("note %1").arg(i))
                        .ok());
            ++ops;
        }
        QVERIFY(worker->wait(60000));
        delete worker;
        QVERIFY2(workerError.isEmpty(), qPrintable(workerError));
        QCOMPARE(workerConnection, QString("outpost-store-sync"));
        QCOMPARE(store->reads().pendingCount(), ops);
        QCOMPARE(store->pages().syncToken(), QString("t-19"));
        QCOMPARE(store->reads().caseById("C-1")->pendingCount, 34);
    }

    void crashSafetyUnderSigkill()
    {
        {
            auto s = openStore(path());
            QVERIFY(s);
            seed(*s);
        }
        auto *rng = QRandomGenerator::global();
        int kills = 0;
        bool everRead = false;
        QStringList reportedNotes, reportedCreates; // over all rounds
        QSet<QString> sentNotes, sentCreates, maybeNotes, maybeCreates; // maybe: a drain cut short
        for (int round = 0; round < 50; ++round) {
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(),
                { "--child", path(), QString::number((round + 1) * 1000) });
            QVERIFY(child.waitForStarted());
            const int target = rng->bounded(1, 40);
            QByteArray out;
            const QDeadlineTimer deadline(30000);
            while (out.count('\n') < target) {
                QVERIFY2(child.state() == QProcess::Running, out.constData());
                QVERIFY2(!deadline.hasExpired(), "the child stopped reporting");
                if (child.waitForReadyRead(1000))
                    out += child.readAllStandardOutput();
            }
            child.kill(); // SIGKILL, wherever the child happens to be
            QVERIFY(child.waitForFinished(10000));
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);
            ++kills;
            out += child.readAllStandardOutput();
            out.truncate(out.lastIndexOf('\n') + 1); // only complete reports count

            auto s = storetest::open(path()); // integrity check + queue audit
            QVERIFY2(s.ok(), qPrintable(s.error().toString()));
            LocalStore &store = *s.value();
            QHash<QString, int> notes, creates;
            QSqlQuery q(QSqlDatabase::database(store.connectionName()));
            QVERIFY(q.exec("SELECT type, case_id, payload FROM outbox"));
            while (q.next()) {
                if (q.value(0).toString() == "note")
                    ++notes
                        [QJsonDocument::fromJson(q.value(2).toByteArray()).object().value("text").toString()];
                else if (q.value(0).toString() == "create")
                    ++creates[q.value(1).toString()];
            }
            int lastReading = -1;
            QSet<QString> roundNotes, roundCreates; // in the drain being reported
            for (const QByteArray &line : out.split('\n')) {
                if (line.isEmpty())
                    continue;
                const QList<QByteArray> parts = line.split(' ');
                QCOMPARE(parts.size(), 2);
                const QString value = QString::fromUtf8(parts.at(1));
                if (parts.first() == "create") {
                    reportedCreates << value;
                } else if (parts.first() == "note") {
                    reportedNotes << value;
                } else if (parts.first() == "reading") {
                    lastReading = value.toInt();
                } else if (parts.first() == "pendingnote") {
                    maybeNotes << value;
                    roundNotes << value;
                } else if (parts.first() == "pendingcreate") {
                    maybeCreates << value;
                    roundCreates << value;
                } else if (parts.first() == "sent") {
                    sentNotes += roundNotes;
                    sentCreates += roundCreates;
                    maybeNotes -= roundNotes;
                    maybeCreates -= roundCreates;
                    roundNotes.clear();
                    roundCreates.clear();
                } else {
                    QFAIL(line.constData());
                }
            }
            // Every action reported committed is in the outbox exactly once, or was sent (then not
            // at all); only the drain the kill cut short may have gone either way, never twice.
            for (const QString &n : std::as_const(reportedNotes)) {
                const int count = notes.value(n);
                if (sentNotes.contains(n))
                    QCOMPARE(count, 0);
                else if (maybeNotes.contains(n))
                    QVERIFY(count <= 1);
                else
                    QCOMPARE(count, 1);
            }
            for (const QString &c : std::as_const(reportedCreates)) {
                QVERIFY2(store.reads().caseById(c), qPrintable(c)); // found by its temp id, mapped or not
                const bool mapped = store.reads().resolveId(c) != c;
                if (sentCreates.contains(c))
                    QVERIFY(mapped);
                if (!sentCreates.contains(c) && !maybeCreates.contains(c))
                    QVERIFY(!mapped);
                QCOMPARE(creates.value(c), mapped ? 0 : 1);
            }
            if (lastReading >= 0)
                QVERIFY(
                    store.reads().caseById("C-1")->record.fields.value("readingKw").toInt() >= lastReading);
            // C-1's edits merged into one update, except into one sent before (the kill may have
            // cut its answer off: it keeps its payload, later edits queue a new update).
            int updates = 0;
            for (const OutboxEntry &e : store.reads().outbox())
                updates += e.caseId == "C-1" && e.type == ActionType::Update && e.attempts == 0 ? 1 : 0;
            everRead |= lastReading >= 0;
            QVERIFY(updates <= 1);
        }
        QVERIFY(kills >= 50);
        QVERIFY(!sentNotes.isEmpty()); // uploads ran too, not only local operations
        QVERIFY(!sentCreates.isEmpty());
        qInfo("%d kills; %lld notes and %lld creates reported, %lld notes sent, %lld cut short", kills,
            qint64(reportedNotes.size()), qint64(reportedCreates.size()), qint64(sentNotes.size()),
            qint64(maybeNotes.size()));
    }
};

int main(int argc, char **argv)
{
    if (argc >= 4 && qstrcmp(argv[1], "--child") == 0) {
        QCoreApplication app(argc, argv);
        return runChild(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toInt());
    }
    QCoreApplication app(argc, argv);
    TstStoreDurability t;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&t, argc, argv);
}

#include "tst_store_durability.moc"
