// SPDX-License-Identifier: MIT
// End-to-end: the upload side of the sync engine against a real outpostd (tests/common's
// OutpostdProcess, SQLite in a temp dir): pipelined batches keep every case's order and apply each
// action exactly once; a request the server refuses as a whole is split until the one action it
// refuses is isolated in the sync issues, and everything else drains.
#include "e2ehelpers.h"
#include "encryptedstore.h"
#include "outpostdprocess.h"
#include "testdatabase.h"

#include <QDir>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace outpost;
using namespace outpost::sync;
using namespace e2e;
using outpost::testing::OutpostdProcess;
using outpost::testing::TestDatabase;

class TestUploadE2e : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<OutpostdProcess> m_server;
    ApiClient m_alice;
    ApiClient m_carol;
    QString m_aliceToken;
    int m_profiles = 0;

    QString newStorePath()
    {
        const QString dir = m_dir.filePath(QStringLiteral("profile-%1").arg(++m_profiles));
        QDir().mkpath(dir);
        return client::StoreLocation::pathFor(dir, m_server->baseUrl(), QStringLiteral("alice"));
    }
    SyncConfig aliceConfig(const QString &storePath) const
    {
        return oneShotConfig(storePath, m_server->baseUrl(), QStringLiteral("alice"), m_aliceToken);
    }
    /// Alice's cases (assigned to her) from `offset` on: each test works on cases of its own.
    QList<client::LocalCase> aliceCases(client::LocalStore &store, int n, int offset)
    {
        client::CaseFilter f;
        f.assignee = QStringLiteral("alice");
        f.limit = n;
        f.offset = offset;
        return store.reads().cases(f);
    }
    QList<HistoryEntry> historyOf(const QString &caseId)
    {
        auto h = await<Result<QList<HistoryEntry>>>([&](auto cb) { m_carol.history(caseId, cb); });
        if (!h.ok())
            qWarning("history: %s", qPrintable(h.error().toString()));
        return h.ok() ? h.value() : QList<HistoryEntry>();
    }
    static QStringList notesIn(const QList<HistoryEntry> &h)
    {
        QStringList out;
        for (const HistoryEntry &e : h)
            if (e.action == QLatin1String("note"))
                out << e.text;
        return out;
    }
    /// Writes an outbox row the way a store from an older client may hold it (no validation).
    static QString insertRawNote(const QString &storePath, const QString &caseId, const QString &text)
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QJsonObject payload { { "id", id }, { "type", "note" }, { "caseId", caseId }, { "text", text },
            { "clientTime", QDateTime::currentDateTimeUtc().toString(Qt::ISODate) } };
        const QString conn = QStringLiteral("raw-") + id;
        bool ok = false;
        {
            QSqlDatabase db = client::encryptedstore::addConnection(conn, storePath, {}); // the store's key
            if (db.open()) {
                QSqlQuery q(db);
                q.exec(QStringLiteral("PRAGMA busy_timeout = 10000"));
                q.prepare(QStringLiteral("INSERT INTO outbox(action_id, case_id, type, payload, state, "
                                         "created_at) VALUES (?, ?, 'note', ?, 'queued', ?)"));
                q.addBindValue(id);
                q.addBindValue(caseId);
                q.addBindValue(QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
                q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
                ok = q.exec();
                if (!ok)
                    qWarning("raw insert: %s", qPrintable(q.lastError().text()));
            }
        }
        QSqlDatabase::removeDatabase(conn);
        return ok ? id : QString();
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase()
    {
        if (m_server)
            m_server->stop();
    }
    void pipelinedBatchesKeepEachCasesOrder();
    void wholeRequestRefusalIsolatesTheBadAction();
};

void TestUploadE2e::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QLoggingCategory::setFilterRules(
        QStringLiteral("outpost.client.*.info=false\noutpost.core.sync.*.info=false"));
    QString why;
    m_db = std::make_unique<TestDatabase>(TestDatabase::Kind::SQLite);
    QVERIFY2(m_db->create(&why), qPrintable(why));
    m_server = std::make_unique<OutpostdProcess>();
    OutpostdProcess::Options o;
    o.dbUrl = m_db->url();
    o.demo = true;
    o.demoCases = 200; // 50 assigned to alice
    QVERIFY2(m_server->start(o, &why), qPrintable(why));
    auto a = login(m_alice, m_server->baseUrl(), QStringLiteral("alice"));
    QVERIFY2(a.ok(), qPrintable(a.error().toString()));
    m_aliceToken = a->token;
    auto c = login(m_carol, m_server->baseUrl(), QStringLiteral("carol"));
    QVERIFY2(c.ok(), qPrintable(c.error().toString()));
}

void TestUploadE2e::pipelinedBatchesKeepEachCasesOrder()
{
    // 20 cases with 12 actions each, updates and notes interleaved: every batch may carry only one
    // etag-changing action per case, so the drain needs many rounds with two requests in flight.
    const QString path = newStorePath();
    QVERIFY(syncOnce(aliceConfig(path)).ok);
    auto opened = client::LocalStore::open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));
    client::LocalStore &store = *opened.value();
    const QList<client::LocalCase> cases = aliceCases(store, 20, 0);
    QCOMPARE(cases.size(), 20);
    QHash<QString, QStringList> notes;
    QHash<QString, QJsonValue> lastValue;
    QHash<QString, QString> field;
    for (int round = 0; round < 6; ++round) {
        for (const client::LocalCase &c : cases) {
            const auto type = store.reads().caseType(c.record.caseType);
            QVERIFY(type);
            std::optional<FieldDef> def;
            for (const FieldDef &d : editableFields(*type))
                if (d.type == FieldType::Text || d.type == FieldType::Number) {
                    def = d;
                    break;
                }
            QVERIFY2(def, qPrintable(c.record.caseType));
            field.insert(c.record.id, def->name);
            const QJsonValue value = def->type == FieldType::Text
                ? QJsonValue(QStringLiteral("round %1 of %2").arg(round).arg(c.record.id))
                : QJsonValue(def->min.value_or(0) + 1 + round);
            QVERIFY(store.edits().updateFields(c.record.id, { { def->name, value } }).ok());
            lastValue.insert(c.record.id, value);
            const QString text = QStringLiteral("note %1 on %2").arg(round).arg(c.record.id);
            QVERIFY(store.edits().addNote(c.record.id, text).ok());
            notes[c.record.id] << text;
        }
    }
    // Consecutive edits merge, notes in between keep them apart: 12 actions per case.
    QCOMPARE(store.reads().pendingCount(), 20 * 12);

    SyncConfig config = aliceConfig(path);
    config.batchSize = 15; // many small batches, two in flight at a time
    const CycleOutcome out = syncOnce(config);
    QVERIFY2(out.ok, qPrintable(out.code + QLatin1Char(' ') + out.message));
    QCOMPARE(store.reads().pendingCount(), 0);
    QCOMPARE(store.reads().syncIssues().size(), 0);
    QCOMPARE(store.reads().conflictCount(), 0);
    for (const client::LocalCase &c : cases) {
        const QList<HistoryEntry> h = historyOf(c.record.id);
        // Each note exactly once and in the order it was written; six updates.
        QCOMPARE(notesIn(h), notes.value(c.record.id));
        int updates = 0;
        for (const HistoryEntry &e : h)
            updates += e.action == QLatin1String("update") ? 1 : 0;
        QCOMPARE(updates, 6);
        const auto local = store.reads().caseById(c.record.id);
        QVERIFY(local);
        QCOMPARE(local->serverFields.value(field.value(c.record.id)), lastValue.value(c.record.id));
    }
}

void TestUploadE2e::wholeRequestRefusalIsolatesTheBadAction()
{
    const QString path = newStorePath();
    QVERIFY(syncOnce(aliceConfig(path)).ok);
    QString badId, badId2;
    QList<client::LocalCase> cases;
    {
        auto opened = client::LocalStore::open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));
        client::LocalStore &store = *opened.value();
        cases = aliceCases(store, 12, 20);
        QCOMPARE(cases.size(), 12);
        for (int i = 0; i < 6; ++i)
            QVERIFY(store.edits().addNote(cases.at(i).record.id, QStringLiteral("before %1").arg(i)).ok());
        // Text with a NUL character: readable JSON, but the server refuses the whole request (400).
        badId = insertRawNote(path, cases.at(2).record.id, QStringLiteral("bad\u0000note"));
        QVERIFY(!badId.isEmpty());
        for (int i = 0; i < 12; ++i)
            QVERIFY(store.edits().addNote(cases.at(i).record.id, QStringLiteral("after %1").arg(i)).ok());
        badId2 = insertRawNote(path, cases.at(9).record.id, QStringLiteral("another\u0000one"));
        QVERIFY(!badId2.isEmpty());
        QVERIFY(store.edits().addNote(cases.at(9).record.id, QStringLiteral("last 9")).ok());
        QVERIFY(store.edits().addNote(cases.at(10).record.id, QStringLiteral("last 10")).ok());
    }
    // One refused request carries the whole queue (24 actions); then it is split.
    SyncConfig config = aliceConfig(path);
    config.batchSize = 32;
    const CycleOutcome out = syncOnce(config);
    QVERIFY2(out.ok, qPrintable(out.code + QLatin1Char(' ') + out.message));

    auto opened = client::LocalStore::open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));
    client::LocalStore &store = *opened.value();
    const QList<client::SyncIssue> issues = store.reads().syncIssues();
    QCOMPARE(issues.size(), 2);
    QSet<QString> issueIds;
    for (const client::SyncIssue &s : issues) {
        issueIds.insert(s.actionId);
        QCOMPARE(s.status, ResultStatus::Rejected);
        QCOMPARE(s.error.code, QStringLiteral("bad_request"));
        QVERIFY2(s.error.message.contains(QLatin1String("NUL")), qPrintable(s.error.message));
    }
    QCOMPARE(issueIds, (QSet<QString> { badId, badId2 }));
    // What follows a refused action on its case waits (per-case order); the rest drained.
    QCOMPARE(store.reads().pendingCount(), 2);
    for (const client::OutboxEntry &e : store.reads().outbox()) {
        QVERIFY(e.caseId == cases.at(2).record.id || e.caseId == cases.at(9).record.id);
        QCOMPARE(e.blockedBy, QStringLiteral("syncIssue"));
    }
    // The refusal is explained in the event log.
    bool logged = false;
    for (const client::EventEntry &e : store.reads().eventLog(500))
        logged = logged || (e.message.contains(badId) && e.message.contains(QLatin1String("NUL")));
    QVERIFY(logged);

    auto checkServer = [&]() {
        for (int i = 0; i < 12; ++i) {
            QStringList expected;
            if (i < 6)
                expected << QStringLiteral("before %1").arg(i);
            if (i != 2 && i != 9)
                expected << QStringLiteral("after %1").arg(i);
            if (i == 10)
                expected << QStringLiteral("last 10");
            // The bad note and everything after it on its case never went.
            if (i == 2)
                expected = QStringList { QStringLiteral("before 2") };
            if (i == 9)
                expected = QStringList { QStringLiteral("after 9") };
            QCOMPARE(notesIn(historyOf(cases.at(i).record.id)), expected);
        }
    };
    checkServer();
    if (QTest::currentTestFailed())
        return;

    // Nothing is retried forever: the next cycle sends nothing held and changes nothing.
    const int refusedBefore = int(m_server->log().count("status=400"));
    QVERIFY(refusedBefore >= 2); // the splitting did happen on the server's side
    const CycleOutcome again = syncOnce(config);
    QVERIFY2(again.ok, qPrintable(again.code + QLatin1Char(' ') + again.message));
    QCOMPARE(int(m_server->log().count("status=400")), refusedBefore);
    QCOMPARE(store.reads().syncIssues().size(), 2);
    QCOMPARE(store.reads().pendingCount(), 2);
    checkServer();
}

QTEST_GUILESS_MAIN(TestUploadE2e)
#include "tst_upload_e2e.moc"
