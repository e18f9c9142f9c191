// SPDX-License-Identifier: MIT
// The sync through a faulty network: a technician's queue of notes, edits, new cases (temp ids)
// with their follow-ups and transitions, and attachments drains through the fault proxy
// (tests/common faultproxy.h: resets before the request and after the answer, cut answers, stalls,
// on keep-alive HTTP and on the WebSocket push channel) into a real outpostd, with the engine set
// up as the app runs it (push, reachability, retries) and no one pressing anything. Then the
// server's database is read: every note, transition and attachment exactly once, every new case
// created and mapped once, each edited case at its last value, no edit applied twice, nothing set
// aside; and the device's copy equals the server's.
//
// Sizes: OUTPOST_FAULTS_ACTIONS (queued actions, default 600 for CI), OUTPOST_FAULTS_RATE (0.3),
// OUTPOST_FAULTS_SEED (15). bench/faults/run.sh runs it with 10,000 and prints its figures.
#include "e2ehelpers.h"
#include "faultproxy.h"
#include "outpostdprocess.h"
#include "testdatabase.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace outpost;
using namespace outpost::sync;
using namespace e2e;
using outpost::testing::FaultProxy;
using outpost::testing::OutpostdProcess;
using outpost::testing::TestDatabase;

namespace {

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok ? v : fallback;
}

/// What the test queued, to compare with the server's database afterwards.
struct Expected {
    QString tag;
    QStringList notes;
    QHash<QString, QString> lastEdit; // case id (maybe a temp id) → last value queued
    QSet<QString> edits; // every value queued
    QStringList creates; // titles
    QHash<QString, QString> createdAs; // title → temp id
    QHash<QString, int> transitions; // case id (temp) → transitions queued
    QHash<QString, QByteArray> attachments; // attachment id → content
    int actions = 0;
};

/// Runs the main thread's event loop check: the longest a 10 ms timer was late while it ran.
class LoopWatch : public QObject
{
public:
    LoopWatch()
    {
        m_timer.setInterval(10);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this]() {
            const qint64 now = m_clock.elapsed();
            m_worst = std::max(m_worst, now - m_last - 10);
            m_last = now;
        });
        m_clock.start();
        m_timer.start();
    }
    qint64 worstLateMs() const { return m_worst; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
};

} // namespace

class TestFaultyNetwork : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<OutpostdProcess> m_server;
    FaultProxy m_proxy;
    QString m_token;

    QList<QVariantList> rows(const QString &sql)
    {
        QString why;
        auto r = TestDatabase::sql(m_db->url(), sql, &why);
        if (!r)
            qWarning("sql: %s", qPrintable(why));
        return r.value_or(QList<QVariantList>());
    }
    void queueWork(client::LocalStore &store, int n, Expected &ex);
    void checkServer(client::LocalStore &store, const Expected &ex);

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase()
    {
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }
    void cutAnswersAreNetworkFailures();
    void lostAnswers_data();
    void lostAnswers();
    void queueDrainsExactlyOnceThroughFaults();
};

void TestFaultyNetwork::lostAnswers_data()
{
    QTest::addColumn<QString>("then");
    // The create and a note on the new case went in one request; sent again one by one, the
    // create's answer maps the temp id before the note goes again.
    QTest::newRow("follow-up sent again after the create's mapping") << QStringLiteral("split");
    // The technician edits the new case while its create waits to be sent again.
    QTest::newRow("edit of a create whose answer was lost") << QStringLiteral("edit");
}

void TestFaultyNetwork::lostAnswers()
{
    // The server applied a request whose answer the network lost: the device sends the same
    // actions again, and the server answers them from what it stored, by id and exact payload. An
    // action the device changed in between was refused as an id used for another action
    // (id_reused): work done on the server sat in the sync issues, its case's queue stuck.
    QFETCH(QString, then);
    FaultProxy losing;
    FaultProxy::Options o;
    o.targetPort = m_server->port();
    o.faultRate = 0;
    o.faults = { FaultProxy::Fault::ResetAfterAnswer };
    QString why;
    QVERIFY2(losing.start(o, &why), qPrintable(why));
    const QString dir = m_dir.filePath(QStringLiteral("lost-") + then);
    QDir().mkpath(dir);
    const QString path = client::StoreLocation::pathFor(dir, losing.url(), QStringLiteral("alice"));
    SyncConfig config = oneShotConfig(path, losing.url(), QStringLiteral("alice"), m_token);
    config.deviceReport = false;
    QVERIFY(syncOnce(config).ok);
    auto store = openStore(path);
    QVERIFY(store);
    client::CaseFilter f;
    f.assignee = QStringLiteral("alice");
    f.caseType = QStringLiteral("inspection");
    f.limit = 1;
    const QList<client::LocalCase> some = store->reads().cases(f);
    QVERIFY(!some.isEmpty());
    const QString title
        = QStringLiteral("lost-%1-%2").arg(then, QUuid::createUuid().toString(QUuid::Id128).left(8));
    auto tmp = store->edits().createCase(QStringLiteral("inspection"), some.first().record.fields, title);
    QVERIFY2(tmp.ok(), qPrintable(tmp.error().toString()));
    if (then == QLatin1String("split"))
        QVERIFY(store->edits().addNote(tmp.value(), title + QStringLiteral(" note")).ok());

    losing.setFaultRate(1.0); // every answer lost, after the server did the work
    QVERIFY(!syncOnce(config).ok);
    QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM cases WHERE title = '%1'").arg(title))
                 .value(0)
                 .value(0)
                 .toInt(),
        1);
    losing.setFaultRate(0);
    if (then == QLatin1String("edit"))
        QVERIFY(store->edits()
                    .updateFields(tmp.value(),
                        { { QStringLiteral("summary"), QString(title + QStringLiteral(" edited")) } })
                    .ok());
    else
        config.batchSize = 1;
    const CycleOutcome last = syncOnce(config);
    QVERIFY2(last.ok, qPrintable(last.message));

    const client::StoreStatus status = store->reads().status();
    QCOMPARE(status.syncIssues, 0);
    QCOMPARE(status.pending, 0);
    const QString id = store->reads().resolveId(tmp.value());
    QCOMPARE(rows(QStringLiteral("SELECT id FROM cases WHERE title = '%1'").arg(title)),
        QList<QVariantList>({ { id } }));
    if (then == QLatin1String("split"))
        QCOMPARE(
            rows(
                QStringLiteral("SELECT COUNT(*) FROM audit WHERE case_id = '%1' AND action = 'note'").arg(id))
                .value(0)
                .value(0)
                .toInt(),
            1);
    else
        QCOMPARE(store->reads().caseById(id)->serverFields.value(QStringLiteral("summary")).toString(),
            title + QStringLiteral(" edited"));
}

void TestFaultyNetwork::cutAnswersAreNetworkFailures()
{
    // An answer cut short is the network's fault, whatever its coding: the engine reports the
    // server unreachable (and probes until it answers), never "an answer that does not follow the
    // protocol". Qt took a cut compressed answer for a whole one when it inflated it itself.
    FaultProxy cutting;
    FaultProxy::Options o;
    o.targetPort = m_server->port();
    o.faultRate = 1.0;
    o.faults = { FaultProxy::Fault::CutResponse };
    QString why;
    QVERIFY2(cutting.start(o, &why), qPrintable(why));
    ApiClient api;
    api.setServer(cutting.url());
    api.setToken(m_token);
    QStringList codes;
    for (int i = 0; i < 20; ++i) {
        auto page = await<Result<ChangesPage>>([&](auto cb) { api.changes(QString(), 100, cb); });
        QVERIFY(!page.ok());
        codes << page.error().code;
    }
    QCOMPARE(codes, QStringList(20, QString::fromLatin1(errc::Unreachable)));
    QCOMPARE(cutting.counts().cutResponse, cutting.counts().exchanges);
}

void TestFaultyNetwork::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QLoggingCategory::setFilterRules(QStringLiteral("outpost.*.info=false\noutpost.*.warning=false"));
    QString why;
    m_db = std::make_unique<TestDatabase>(TestDatabase::Kind::SQLite);
    QVERIFY2(m_db->create(&why), qPrintable(why));
    m_server = std::make_unique<OutpostdProcess>();
    OutpostdProcess::Options o;
    o.dbUrl = m_db->url();
    o.demo = true;
    o.demoCases = 200;
    QVERIFY2(m_server->start(o, &why), qPrintable(why));
    FaultProxy::Options p;
    p.targetPort = m_server->port();
    p.faultRate = envInt("OUTPOST_FAULTS_RATE_PERCENT", 30) / 100.0;
    p.seed = quint64(envInt("OUTPOST_FAULTS_SEED", 15));
    p.stallMs = 1500;
    QVERIFY2(m_proxy.start(p, &why), qPrintable(why));
    ApiClient api;
    auto session = login(api, m_server->baseUrl(), QStringLiteral("alice"));
    QVERIFY2(session.ok(), qPrintable(session.error().toString()));
    m_token = session->token;
}

void TestFaultyNetwork::queueWork(client::LocalStore &store, int n, Expected &ex)
{
    struct Work {
        QString caseId;
        QString field;
    };
    QList<Work> work;
    QJsonObject createFields;
    client::CaseFilter f;
    f.assignee = QStringLiteral("alice");
    f.limit = 5000;
    for (const client::LocalCase &c : store.reads().cases(f)) {
        if (c.record.caseType == QLatin1String("inspection")) {
            work.append({ c.record.id, QStringLiteral("summary") });
            if (createFields.isEmpty())
                createFields = c.record.fields; // valid for the type: a new case may copy them
        } else if (c.record.caseType == QLatin1String("repair")) {
            work.append({ c.record.id, QStringLiteral("notes") });
        }
    }
    QVERIFY2(work.size() >= 10 && !createFields.isEmpty(), "too few of alice's cases to work on");
    const auto type = store.reads().caseType(QStringLiteral("inspection"));
    QVERIFY(type);
    const auto flows = RulesEngine::flowActionsFrom(*type, type->initialStatus());
    QVERIFY(!flows.isEmpty() && !isResolvedStatus(flows.first().to));
    QJsonObject flowFields;
    for (const QString &name : flows.first().requiredFields)
        flowFields.insert(name, valueFor(*type->field(name), store, 3));

    QRandomGenerator rng(quint32(envInt("OUTPOST_FAULTS_SEED", 15)));
    QStringList created; // temp ids, for follow-ups
    QTemporaryDir files;
    for (int k = 0; ex.actions < n; ++k) {
        const QString mark = QStringLiteral("fx-%1-%2").arg(ex.tag).arg(k);
        const Work &w = work.at(rng.bounded(int(work.size())));
        const int kind = rng.bounded(100);
        Status st;
        if (kind < 40) {
            st = store.edits().addNote(w.caseId, mark);
            ex.notes.append(mark);
        } else if (kind < 60) {
            st = store.edits().updateFields(w.caseId, { { w.field, mark } });
            ex.lastEdit.insert(w.caseId, mark);
            ex.edits.insert(mark);
        } else if (kind < 70) {
            auto tmp = store.edits().createCase(type->name, createFields, mark);
            st = tmp.ok() ? Status::success() : Status(tmp.error());
            if (tmp.ok()) {
                ex.creates.append(mark);
                ex.createdAs.insert(mark, tmp.value());
                created.append(tmp.value());
            }
        } else if (kind < 85 && !created.isEmpty()) {
            // A follow-up on a new case: a note, an edit (folded into the create while it waits) or
            // its transition (once per case: the next status may not allow it again).
            const QString tmp = created.at(rng.bounded(int(created.size())));
            const int follow = rng.bounded(3);
            if (follow == 0) {
                st = store.edits().addNote(tmp, mark);
                ex.notes.append(mark);
            } else if (follow == 1 || ex.transitions.contains(tmp)) {
                st = store.edits().updateFields(tmp, { { QStringLiteral("summary"), mark } });
                ex.lastEdit.insert(tmp, mark);
                ex.edits.insert(mark);
            } else {
                st = store.edits().runFlowAction(tmp, flows.first().name, flowFields);
                ex.transitions[tmp] += 1;
            }
        } else if (kind < 90) {
            const QString path = files.filePath(mark + QStringLiteral(".txt"));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            const QByteArray content = (mark + QLatin1Char('\n')).toUtf8().repeated(1 + rng.bounded(400));
            file.write(content);
            file.close();
            auto id = store.edits().attachFile(w.caseId, path);
            st = id.ok() ? Status::success() : Status(id.error());
            if (id.ok())
                ex.attachments.insert(id.value(), content);
        } else {
            st = store.edits().addNote(w.caseId, mark);
            ex.notes.append(mark);
        }
        QVERIFY2(st.ok(), qPrintable(mark + QStringLiteral(": ") + st.error().toString()));
        ++ex.actions;
    }
}

void TestFaultyNetwork::checkServer(client::LocalStore &store, const Expected &ex)
{
    const QString like = QStringLiteral("'fx-%1-%'").arg(ex.tag);
    // Every note exactly once.
    QHash<QString, int> notes;
    for (const QVariantList &r :
        rows(QStringLiteral("SELECT note, COUNT(*) FROM audit WHERE action = 'note' AND "
                            "note LIKE %1 GROUP BY note")
                 .arg(like)))
        notes.insert(r.at(0).toString(), r.at(1).toInt());
    int lost = 0, twice = 0;
    for (const QString &n : ex.notes) {
        lost += notes.value(n) == 0 ? 1 : 0;
        twice += notes.value(n) > 1 ? 1 : 0;
    }
    QVERIFY2(lost == 0 && twice == 0,
        qPrintable(
            QStringLiteral("notes: %1 lost, %2 twice of %3").arg(lost).arg(twice).arg(ex.notes.size())));
    QCOMPARE(notes.size(), ex.notes.size());

    // Every new case exactly once, mapped once, under the id the device now uses.
    QHash<QString, QString> createdId; // title → server id
    for (const QVariantList &r :
        rows(QStringLiteral("SELECT title, id FROM cases WHERE title LIKE %1").arg(like))) {
        QVERIFY2(!createdId.contains(r.at(0).toString()), qPrintable(r.at(0).toString() + " twice"));
        createdId.insert(r.at(0).toString(), r.at(1).toString());
    }
    QCOMPARE(createdId.size(), ex.creates.size());
    QHash<QString, int> mapped;
    for (const QVariantList &r :
        rows(QStringLiteral("SELECT temp_id, case_id FROM temp_ids WHERE user_id = 'alice'")))
        mapped[r.at(0).toString()] += 1;
    for (const QString &title : ex.creates) {
        const QString tmp = ex.createdAs.value(title);
        QCOMPARE(mapped.value(tmp), 1);
        QCOMPARE(store.reads().resolveId(tmp), createdId.value(title));
    }
    QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM audit a JOIN cases c ON c.id = a.case_id WHERE "
                                 "a.action = 'create' AND c.title LIKE %1")
                      .arg(like))
                 .value(0)
                 .value(0)
                 .toInt(),
        int(ex.creates.size()));

    // Each transition exactly once.
    for (auto it = ex.transitions.cbegin(); it != ex.transitions.cend(); ++it) {
        const QString id = store.reads().resolveId(it.key());
        QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM audit WHERE case_id = '%1' AND action LIKE "
                                     "'transition:%'")
                          .arg(id))
                     .value(0)
                     .value(0)
                     .toInt(),
            it.value());
    }

    // No edit applied twice, none unknown, each edited case at its last value.
    QHash<QString, int> editCount;
    for (const QVariantList &r : rows(QStringLiteral("SELECT changes FROM audit WHERE action IN ('update', "
                                                     "'create') OR action LIKE 'transition:%'"))) {
        const QJsonObject changes = QJsonDocument::fromJson(r.at(0).toByteArray()).object();
        for (const QString &field : { QStringLiteral("summary"), QStringLiteral("notes") }) {
            const QString now = changes.value(field).toArray().at(1).toString();
            if (now.startsWith(QStringLiteral("fx-%1-").arg(ex.tag)))
                ++editCount[now];
        }
    }
    for (auto it = editCount.cbegin(); it != editCount.cend(); ++it) {
        QVERIFY2(ex.edits.contains(it.key()), qPrintable(it.key() + " was never queued"));
        QVERIFY2(it.value() == 1, qPrintable(it.key() + QStringLiteral(" applied %1 times").arg(it.value())));
    }
    for (auto it = ex.lastEdit.cbegin(); it != ex.lastEdit.cend(); ++it) {
        const QString id = store.reads().resolveId(it.key());
        const QString field = rows(QStringLiteral("SELECT case_type FROM cases WHERE id = '%1'").arg(id))
                                  .value(0)
                                  .value(0)
                                  .toString()
                == QLatin1String("repair")
            ? QStringLiteral("notes")
            : QStringLiteral("summary");
        QVERIFY2(editCount.contains(it.value()), qPrintable(it.value() + " never applied"));
        const auto local = store.reads().caseById(id);
        QVERIFY(local);
        QCOMPARE(local->serverFields.value(field).toString(), it.value());
    }

    // Every attachment once, with its bytes' hash, and once in the audit.
    QHash<QString, QString> attached;
    for (const QVariantList &r :
        rows(QStringLiteral("SELECT id, sha256 FROM attachments WHERE created_by = 'alice'")))
        attached.insert(r.at(0).toString(), r.at(1).toString());
    QCOMPARE(attached.size(), ex.attachments.size());
    for (auto it = ex.attachments.cbegin(); it != ex.attachments.cend(); ++it)
        QCOMPARE(attached.value(it.key()),
            QString::fromLatin1(QCryptographicHash::hash(it.value(), QCryptographicHash::Sha256).toHex()));
    QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'attach' AND by_user = 'alice'"))
                 .value(0)
                 .value(0)
                 .toInt(),
        int(ex.attachments.size()));

    // Nothing set aside on either side.
    QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM sync_issues")).value(0).value(0).toInt(), 0);
    const client::StoreStatus status = store.reads().status();
    QCOMPARE(status.pending, 0);
    QCOMPARE(status.syncIssues, 0);
    QCOMPARE(status.conflicts, 0);
    QCOMPARE(status.attachmentsToUpload, 0);
}

void TestFaultyNetwork::queueDrainsExactlyOnceThroughFaults()
{
    const int actions = envInt("OUTPOST_FAULTS_ACTIONS", 600);
    const QString dir = m_dir.filePath(QStringLiteral("profile"));
    QDir().mkpath(dir);
    // The device knows the server by the proxy's address: everything goes through the faults.
    const QString path = client::StoreLocation::pathFor(dir, m_proxy.url(), QStringLiteral("alice"));
    SyncConfig config = oneShotConfig(path, m_proxy.url(), QStringLiteral("alice"), m_token);
    config.usePush = true;
    config.useReachability = true;
    config.periodic = true;
    config.batchSize = 50; // more exchanges, more faults met
    config.pageLimit = 100;
    config.transferTimeout = std::chrono::milliseconds(1500); // a stall is often longer
    config.offlineProbeMax = std::chrono::seconds(1);

    QElapsedTimer clock;
    clock.start();
    // The first full sync goes through the faults too (the engine retries until it has it all).
    Expected ex;
    ex.tag = QUuid::createUuid().toString(QUuid::Id128).left(8);
    const bool trace = qEnvironmentVariableIsSet("OUTPOST_FAULTS_TRACE");
    auto traceCycles = [&](SyncController *c) {
        if (trace)
            connect(c, &SyncController::cycleFinished, this,
                [&clock](bool ok, const QString &code, const QString &m) {
                    qInfo("%7lld ms cycle %s %s %s", clock.elapsed(), ok ? "ok" : "failed", qPrintable(code),
                        qPrintable(m));
                });
    };
    {
        SyncController first(config);
        traceCycles(&first);
        QSignalSpy finished(&first, &SyncController::cycleFinished);
        first.start();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() && finished.last().at(0).toBool(), 60000);
    }
    const qint64 fullSyncMs = clock.restart();
    auto store = openStore(path);
    QVERIFY(store);
    queueWork(*store, actions, ex);
    if (QTest::currentTestFailed())
        return;
    const int queued = store->reads().pendingCount();
    const qint64 queueMs = clock.restart();

    LoopWatch loop;
    SyncController engine(config);
    traceCycles(&engine);
    QSignalSpy finished(&engine, &SyncController::cycleFinished);
    int failedCycles = 0;
    bool settled = false;
    connect(&engine, &SyncController::cycleFinished, this, [&](bool ok, const QString &, const QString &) {
        failedCycles += ok ? 0 : 1;
        // A cycle that ended well with nothing left on the device: the sync has settled.
        const client::StoreStatus s = store->reads().status();
        settled = ok && s.pending == 0 && s.attachmentsToUpload == 0;
    });
    engine.start();
    // Within QtTest's 5 minutes per function, so that a run that never settles says why.
    const int settleMs = envInt("OUTPOST_FAULTS_SETTLE_MS", 200000);
    if (!QTest::qWaitFor([&]() { return settled; }, settleMs)) {
        const client::StoreStatus s = store->reads().status();
        qWarning("not settled: %d pending (%d inflight), %d attachments to upload, %d sync issues; last "
                 "cycle: %s; proxy: %s",
            s.pending, s.inflight, s.attachmentsToUpload, s.syncIssues,
            finished.isEmpty() ? "none"
                               : qPrintable(finished.last().at(1).toString() + QLatin1Char(' ')
                                   + finished.last().at(2).toString()),
            qPrintable(m_proxy.counts().toString()));
        const QList<client::OutboxEntry> outbox = store->reads().outbox();
        for (qsizetype i = 0; i < std::min<qsizetype>(outbox.size(), 10); ++i)
            qWarning("outbox: %s",
                QJsonDocument(outbox.at(i).toJson()).toJson(QJsonDocument::Compact).constData());
        const QList<client::EventEntry> events = store->reads().eventLog(40);
        for (const client::EventEntry &e : events)
            qWarning("event: %s %s", qPrintable(e.category), qPrintable(e.message.left(200)));
        for (const QByteArray &line : m_server->log().split('\n'))
            if (line.contains("status=4") || line.contains("status=5"))
                qWarning("server: %s", line.constData());
        QFAIL("the sync did not settle");
    }
    const qint64 drainMs = clock.elapsed();
    const FaultProxy::Counts counts = m_proxy.counts();
    qInfo().noquote() << QStringLiteral(
        "{\"bench\":\"faulty_network\",\"actions\":%1,\"outbox_rows\":%2,\"fault_rate\":%3,\"full_sync_ms\":%"
        "4,"
        "\"queue_ms\":%5,\"drain_ms\":%6,\"cycles\":%7,\"failed_cycles\":%8,\"exchanges\":%9,\"faults\":%10,"
        "\"reset_before\":%11,\"reset_after\":%12,\"cut\":%13,\"stall\":%14,\"ws_faults\":%15,"
        "\"worst_main_loop_late_ms\":%16}")
                             .arg(ex.actions)
                             .arg(queued)
                             .arg(envInt("OUTPOST_FAULTS_RATE_PERCENT", 30) / 100.0)
                             .arg(fullSyncMs)
                             .arg(queueMs)
                             .arg(drainMs)
                             .arg(finished.size())
                             .arg(failedCycles)
                             .arg(counts.exchanges)
                             .arg(counts.faults())
                             .arg(counts.resetBeforeRequest)
                             .arg(counts.resetAfterAnswer)
                             .arg(counts.cutResponse)
                             .arg(counts.stall)
                             .arg(counts.webSocketFaults)
                             .arg(loop.worstLateMs());
    // The faults really happened, every kind of them, and cost cycles.
    QVERIFY2(counts.resetBeforeRequest > 0 && counts.resetAfterAnswer > 0 && counts.cutResponse > 0
            && counts.stall > 0,
        qPrintable(counts.toString()));
    QVERIFY(failedCycles > 0);
    // The engine's thread did the waiting: the caller's loop (the GUI thread in the app) ran on.
    QVERIFY2(loop.worstLateMs() < 500, qPrintable(QString::number(loop.worstLateMs())));

    checkServer(*store, ex);
    if (QTest::currentTestFailed())
        return;
    // The device's copy is the server's.
    ApiClient alice;
    alice.setServer(m_server->baseUrl());
    alice.setToken(m_token);
    auto server = serverCases(alice);
    QVERIFY2(server.ok(), qPrintable(server.error().toString()));
    const QHash<QString, QJsonObject> local = storeCases(*store);
    QCOMPARE(local.size(), server->size());
    for (auto it = server->cbegin(); it != server->cend(); ++it)
        QCOMPARE(local.value(it.key()), comparable(it.value()));
}

QTEST_MAIN(TestFaultyNetwork)
#include "tst_faulty_network.moc"
