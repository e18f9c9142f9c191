// SPDX-License-Identifier: MIT
// A dying database: outpostd on a PostgreSQL cluster of its own (scripts/pg-cluster.sh) that is
// killed (pg_ctl stop -m immediate) and restarted while a technician's queue drains and while
// clients poll. Requests in flight fail clean (503 "unavailable", never a 500, nothing half
// applied), the same outpostd process serves again once the database is back (no restart), the
// engine resumes by itself, and the database's audit holds every queued action exactly once.
// Skipped where PostgreSQL 15 cannot be started (no binaries).
#include "e2ehelpers.h"
#include "httpclient.h"
#include "outpostdprocess.h"
#include "testdatabase.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace outpost;
using namespace outpost::sync;
using namespace e2e;
using outpost::testing::HttpClient;
using outpost::testing::HttpReply;
using outpost::testing::OutpostdProcess;
using outpost::testing::TestDatabase;

class TestDyingDatabase : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_cluster; // the cluster's directory
    QString m_url; // its database "outpost"
    OutpostdProcess m_server;
    QString m_token;

    /// scripts/pg-cluster.sh COMMAND on our cluster; its stdout, or a null string on failure.
    QString cluster(const QString &command, QString *why = nullptr)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::SeparateChannels);
        QStringList args { qEnvironmentVariable("OUTPOST_SOURCE_DIR")
                + QStringLiteral("/scripts/pg-cluster.sh"),
            command, m_cluster };
        // As in production: a commit the service acknowledged survives the crash (the default
        // throwaway cluster turns fsync and synchronous_commit off, and lost them).
        if (command == QLatin1String("start"))
            args << QStringLiteral("--durable");
        p.start(QStringLiteral("bash"), args);
        if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            if (why)
                *why = QStringLiteral("pg-cluster.sh %1: %2")
                           .arg(command, QString::fromLocal8Bit(p.readAllStandardError()));
            return QString();
        }
        const QString out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        return out.isNull() ? QStringLiteral("") : out; // success: never null
    }
    int scalar(const QString &sql) { return TestDatabase::scalar(m_url, sql).toInt(); }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase()
    {
        if (m_server.isRunning())
            QCOMPARE(m_server.stop(), 0);
        if (!m_cluster.isEmpty())
            cluster(QStringLiteral("stop"));
    }
    void requestsFailCleanWhileTheDatabaseIsAway();
    void queueDrainsExactlyOnceAcrossKillsAndRestarts();
};

void TestDyingDatabase::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QLoggingCategory::setFilterRules(QStringLiteral("outpost.*.info=false\noutpost.*.warning=false"));
    if (!QFile::exists(QStringLiteral("/usr/lib/postgresql/15/bin/initdb")))
        QSKIP("PostgreSQL 15 is not installed (postgresql)");
    // The cluster's owner (postgres, when we are root) must reach its directory.
    QFile::setPermissions(m_dir.path(),
        QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
            | QFile::ReadOther | QFile::ExeOther);
    m_cluster = m_dir.filePath(QStringLiteral("pg"));
    QString why;
    m_url = cluster(QStringLiteral("start"), &why);
    QVERIFY2(!m_url.isEmpty(), qPrintable(why));
    OutpostdProcess::Options o;
    o.dbUrl = m_url;
    o.demo = true;
    o.demoCases = 120;
    QVERIFY2(m_server.start(o, &why), qPrintable(why));
    ApiClient api;
    auto session = login(api, m_server.baseUrl(), QStringLiteral("alice"));
    QVERIFY2(session.ok(), qPrintable(session.error().toString()));
    m_token = session->token;
}

void TestDyingDatabase::requestsFailCleanWhileTheDatabaseIsAway()
{
    HttpClient alice(m_server.baseUrl());
    alice.setToken(m_token);
    HttpReply feed = alice.get(QStringLiteral("/api/v1/sync/changes?limit=5"));
    QCOMPARE(feed.status, 200);
    QString caseId;
    for (const QJsonValue &c : feed.json().value(QStringLiteral("changes")).toArray())
        if (caseId.isEmpty()
            && c.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("case"))
            caseId = c.toObject().value(QStringLiteral("id")).toString();
    QVERIFY(!caseId.isEmpty());
    const qint64 pid = m_server.pid();

    for (const QString &how : { QStringLiteral("kill"), QStringLiteral("restart") }) {
        const QString actionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString text = QStringLiteral("while the database was away (%1)").arg(how);
        const QJsonObject upload { { QStringLiteral("deviceId"), QStringLiteral("dying-db") },
            { QStringLiteral("actions"),
                QJsonArray { QJsonObject { { QStringLiteral("id"), actionId },
                    { QStringLiteral("type"), QStringLiteral("note") }, { QStringLiteral("caseId"), caseId },
                    { QStringLiteral("text"), text },
                    { QStringLiteral("clientTime"), QStringLiteral("2026-12-01T08:00:00Z") } } } } };
        if (how == QLatin1String("kill")) {
            QVERIFY(!cluster(QStringLiteral("kill")).isNull());
            // A poll and an upload while it is gone: refused cleanly, with the protocol's code.
            const HttpReply poll = alice.get(QStringLiteral("/api/v1/sync/changes?limit=5"));
            QCOMPARE(poll.status, 503);
            QCOMPARE(poll.errorCode(), QStringLiteral("unavailable"));
            const HttpReply sent = alice.post(QStringLiteral("/api/v1/sync/actions"), upload);
            QCOMPARE(sent.status, 503);
            QCOMPARE(sent.errorCode(), QStringLiteral("unavailable"));
            QVERIFY(!cluster(QStringLiteral("resume")).isNull());
        } else {
            // A restart ends every session the service had open: its next requests must not fail.
            QVERIFY(!cluster(QStringLiteral("restart")).isNull());
        }
        // Back: the same process serves again, the upload applies once, its resend answers the same.
        HttpReply again;
        QTRY_VERIFY_WITH_TIMEOUT(
            (again = alice.post(QStringLiteral("/api/v1/sync/actions"), upload)).status == 200, 20000);
        QCOMPARE(again.json()
                     .value(QStringLiteral("results"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
            QStringLiteral("applied"));
        QCOMPARE(alice.post(QStringLiteral("/api/v1/sync/actions"), upload).status, 200);
        QCOMPARE(alice.get(QStringLiteral("/api/v1/sync/changes?limit=5")).status, 200);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit WHERE note = '%1'").arg(text)), 1);
        QCOMPARE(m_server.pid(), pid);
        QVERIFY(m_server.isRunning());
    }
    // Never a 500: every failure said "unavailable".
    QVERIFY2(!m_server.log().contains("status=500"), m_server.log().right(3000).constData());
}

void TestDyingDatabase::queueDrainsExactlyOnceAcrossKillsAndRestarts()
{
    const QString dir = m_dir.filePath(QStringLiteral("profile"));
    QDir().mkpath(dir);
    const QString path = client::StoreLocation::pathFor(dir, m_server.baseUrl(), QStringLiteral("alice"));
    SyncConfig config = oneShotConfig(path, m_server.baseUrl(), QStringLiteral("alice"), m_token);
    QVERIFY(syncOnce(config).ok);
    config.usePush = true;
    config.useReachability = true;
    config.periodic = true;
    config.batchSize = 10; // many requests: some are in flight when the database dies
    config.uploadDepth = 2;
    config.offlineProbeMax = std::chrono::seconds(1);

    auto store = openStore(path);
    QVERIFY(store);
    QList<QPair<QString, QString>> work; // case id, field to edit
    QJsonObject createFields;
    client::CaseFilter f;
    f.assignee = QStringLiteral("alice");
    f.limit = 1000;
    for (const client::LocalCase &c : store->reads().cases(f)) {
        if (c.record.caseType == QLatin1String("inspection")) {
            work.append({ c.record.id, QStringLiteral("summary") });
            if (createFields.isEmpty())
                createFields = c.record.fields;
        } else if (c.record.caseType == QLatin1String("repair")) {
            work.append({ c.record.id, QStringLiteral("notes") });
        }
    }
    QVERIFY(work.size() >= 5 && !createFields.isEmpty());
    const QString tag = QUuid::createUuid().toString(QUuid::Id128).left(8);
    QStringList notes, creates;
    QHash<QString, QString> lastEdit;
    QRandomGenerator rng(7);
    for (int i = 0; i < 400; ++i) {
        const QString mark = QStringLiteral("db-%1-%2").arg(tag).arg(i);
        const auto &w = work.at(rng.bounded(int(work.size())));
        const int kind = rng.bounded(10);
        Status st;
        if (kind < 6) {
            st = store->edits().addNote(w.first, mark);
            notes << mark;
        } else if (kind < 9) {
            st = store->edits().updateFields(w.first, { { w.second, mark } });
            lastEdit.insert(w.first, mark);
        } else {
            auto tmp = store->edits().createCase(QStringLiteral("inspection"), createFields, mark);
            st = tmp.ok() ? Status::success() : Status(tmp.error());
            creates << mark;
        }
        QVERIFY2(st.ok(), qPrintable(st.error().toString()));
    }
    const int queued = store->reads().pendingCount();

    SyncController engine(config);
    QSignalSpy finished(&engine, &SyncController::cycleFinished);
    QStringList failures;
    QElapsedTimer watch;
    watch.start();
    connect(
        &engine, &SyncController::cycleFinished, this, [&](bool ok, const QString &code, const QString &m) {
            if (!ok)
                failures << code;
            qInfo("%6lld ms: cycle %s %s %s; %d pending", watch.elapsed(), ok ? "ok" : "failed",
                qPrintable(code), qPrintable(m.left(120)), store->reads().pendingCount());
        });
    engine.start();
    // Three blows while the queue drains: a kill, a restart, a kill; each when more went up.
    for (const QString &blow :
        { QStringLiteral("kill"), QStringLiteral("restart"), QStringLiteral("kill") }) {
        const int before = store->reads().pendingCount();
        QTRY_VERIFY_WITH_TIMEOUT(store->reads().pendingCount() <= before - 40 || before < 60, 60000);
        const int failedBefore = int(failures.size());
        qInfo(
            "%6lld ms: %s with %d pending", watch.elapsed(), qPrintable(blow), store->reads().pendingCount());
        QVERIFY(!cluster(blow).isNull());
        if (blow == QLatin1String("kill")) {
            // The engine meets the dead database (a refused upload or poll), then it comes back.
            QTRY_VERIFY_WITH_TIMEOUT(failures.size() > failedBefore, 60000);
            QVERIFY(!cluster(QStringLiteral("resume")).isNull());
        }
    }
    // The engine resumes by itself and settles: everything up, nothing set aside.
    const bool settled = QTest::qWaitFor(
        [&]() {
            return !finished.isEmpty() && finished.last().at(0).toBool()
                && store->reads().status().pending == 0;
        },
        120000);
    if (!settled) {
        for (const client::OutboxEntry &e : store->reads().outbox().mid(0, 10))
            qWarning("outbox: %s", QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact).constData());
        for (const client::SyncIssue &i : store->reads().syncIssues())
            qWarning("issue: %s %s", qPrintable(i.error.code), qPrintable(i.error.message));
        for (const client::EventEntry &e : store->reads().eventLog(30))
            qWarning("event: %s", qPrintable(e.message.left(200)));
        QFAIL("the queue did not drain");
    }
    QVERIFY2(!failures.isEmpty(), "the database's death went unnoticed");
    for (const QString &code : std::as_const(failures))
        QVERIFY2(code == QLatin1String("unavailable") || code == QLatin1String(errc::Unreachable)
                || code == QLatin1String(errc::Timeout),
            qPrintable(failures.join(QLatin1Char(','))));
    qInfo("%d queued, %d failed cycles on the way: %s", queued, int(failures.size()),
        qPrintable(failures.join(QLatin1Char(','))));

    const client::StoreStatus status = store->reads().status();
    QCOMPARE(status.syncIssues, 0);
    QCOMPARE(status.conflicts, 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM sync_issues")), 0);
    // The audit: every note once, every new case once (and mapped once), each edited case at its
    // last value.
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'note' AND note LIKE 'db-%1-%'")
                        .arg(tag)),
        int(notes.size()));
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(DISTINCT note) FROM audit WHERE action = 'note' AND note LIKE "
                              "'db-%1-%'")
                   .arg(tag)),
        int(notes.size()));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM cases WHERE title LIKE 'db-%1-%'").arg(tag)),
        int(creates.size()));
    QCOMPARE(scalar(QStringLiteral(
                 "SELECT COUNT(*) FROM temp_ids t JOIN cases c ON c.id = t.case_id WHERE c.title "
                 "LIKE 'db-%1-%'")
                        .arg(tag)),
        int(creates.size()));
    for (auto it = lastEdit.cbegin(); it != lastEdit.cend(); ++it) {
        const auto local = store->reads().caseById(it.key());
        QVERIFY(local);
        QVERIFY2(local->serverFields.value(QStringLiteral("summary")).toString() == it.value()
                || local->serverFields.value(QStringLiteral("notes")).toString() == it.value(),
            qPrintable(it.key()));
        QCOMPARE(
            scalar(QStringLiteral("SELECT COUNT(*) FROM audit WHERE case_id = '%1' AND action = 'update' AND "
                                  "changes LIKE '%\"%2\"%'")
                       .arg(it.key(), it.value())),
            1);
    }
    QVERIFY2(!m_server.log().contains("status=500"), "a request failed with 500");
}

QTEST_MAIN(TestDyingDatabase)
#include "tst_dying_database.moc"
