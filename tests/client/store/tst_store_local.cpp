// SPDX-License-Identifier: MIT
// Local operations of the offline store: validation, atomic change + queued action, queue folding.
#include "sealedfile.h"
#include "storeerrors.h"
#include "storetestutil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>

#include <cerrno>

using namespace storetest;

class TstStoreLocal : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
    QString m_path;

    QList<OutboxEntry> outboxOf(const QString &caseId) const
    {
        QList<OutboxEntry> out;
        for (const OutboxEntry &e : m_store->reads().outbox())
            if (e.caseId == caseId)
                out.append(e);
        return out;
    }
    QueuedAction queued(const QString &actionId)
    {
        for (const QueuedAction &q : m_store->upload().nextBatch(500))
            if (q.action.id == actionId)
                return q;
        return {};
    }
    int rows(const char *table)
    {
        QSqlQuery q(QSqlDatabase::database(m_store->connectionName()));
        q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
        return q.next() ? q.value(0).toInt() : -1;
    }
    /// A trigger in the file that makes every outbox insert fail: the local change must roll back.
    void breakOutboxInserts()
    {
        QSqlQuery q(QSqlDatabase::database(m_store->connectionName()));
        QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER outbox_fail BEFORE INSERT ON outbox BEGIN "
                                      "SELECT RAISE(ABORT, 'injected failure'); END")));
        QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER outbox_fail_upd BEFORE UPDATE ON outbox BEGIN "
                                      "SELECT RAISE(ABORT, 'injected failure'); END")));
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        // A failing statement anywhere in the store is a defect, even when the caller copes.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("^\\\"(exec|prepare|download)\\\"")));
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = StoreLocation::pathFor(m_dir->path(), QUrl("http://127.0.0.1:8470"), "alice");
        QVERIFY(m_path.endsWith("alice@127.0.0.1_8470.sqlite"));
        m_store = openStore(m_path);
        QVERIFY(m_store);
        seed(*m_store);
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void createWritesCaseAndAction()
    {
        const QJsonObject fields { { "site", "S-002" }, { "visitDate", "2026-12-01" },
            { "priority", "high" } };
        auto id = m_store->edits().createCase("inspection", fields, "New pump", "north");
        QVERIFY2(id.ok(), qPrintable(id.error().toString()));
        QVERIFY(id->startsWith("tmp-"));
        auto c = m_store->reads().caseById(*id);
        QVERIFY(c);
        QVERIFY(c->isLocalOnly);
        QCOMPARE(c->pendingCount, 1);
        QCOMPARE(c->record.status, QString("New"));
        QCOMPARE(c->record.title, QString("New pump"));
        QCOMPARE(c->record.fields.value("priority").toString(), QString("high"));
        const auto ob = outboxOf(*id);
        QCOMPARE(ob.size(), 1);
        QCOMPARE(ob.first().type, ActionType::Create);
        QVERIFY2(ob.first().description.contains("Site inspection"), qPrintable(ob.first().description));
        const QueuedAction q = queued(ob.first().actionId);
        QCOMPARE(q.action.caseType, QString("inspection"));
        QCOMPARE(q.action.fields, fields);
        QCOMPARE(q.action.queue, QString("north"));
        QVERIFY(!q.action.clientTime.isEmpty());
    }

    void invalidInputWritesNothing()
    {
        const int cases = rows("cases"), outbox = rows("outbox"), events = rows("event_log");
        auto id = m_store->edits().createCase("inspection", { { "site", "S-999" }, { "readingKw", -1 } });
        QVERIFY(!id.ok());
        QCOMPARE(id.error().code, QString("validation_failed"));
        QVERIFY(id.error().fields.contains("site")); // not an entry of the sites page
        QVERIFY(id.error().fields.contains("visitDate")); // required
        QVERIFY(id.error().fields.contains("readingKw")); // below min
        QCOMPARE(m_store->edits().createCase("nosuchtype", {}).error().code, QString("unknown_case_type"));

        auto st = m_store->edits().updateFields("C-1", { { "readingKw", 200000 }, { "nosuch", 1 } });
        QCOMPARE(st.error().code, QString("validation_failed"));
        QVERIFY(st.error().fields.contains("readingKw"));
        QVERIFY(st.error().fields.contains("nosuch"));
        QCOMPARE(m_store->edits().updateFields("C-1", { { "site", QJsonValue() } }).error().code,
            QString("validation_failed"));
        QCOMPARE(m_store->edits().updateFields("C-404", { { "readingKw", 1 } }).error().code,
            QString("not_found"));
        QCOMPARE(
            m_store->edits().runFlowAction("C-1", "complete").error().code, QString("invalid_transition"));
        QCOMPARE(m_store->edits().runFlowAction("C-1", "fly").error().code, QString("invalid_transition"));
        QCOMPARE(m_store->edits().addNote("C-1", "   ").error().code, QString("validation_failed"));
        // NUL is no text any database keeps; refused here rather than by the server later.
        QCOMPARE(m_store->edits().addNote("C-1", QStringLiteral("bad\u0000note")).error().code,
            QString("validation_failed"));
        QCOMPARE(
            m_store->edits().updateFields("C-1", { { "summary", QStringLiteral("a\u0000b") } }).error().code,
            QString("validation_failed"));
        QCOMPARE(m_store->edits().discardLocalCase("C-1").error().code, QString("not_allowed"));

        QCOMPARE(rows("cases"), cases);
        QCOMPARE(rows("outbox"), outbox);
        QCOMPARE(rows("event_log"), events);
        QCOMPARE(m_store->reads().caseById("C-1")->record.fields, baseFields());
    }

    void fullDiskIsSaidInPeoplesWords()
    {
        // Recognised by SQLite's result code and the system's errno, never by the driver's text.
        QVERIFY(isDiskFull(QSqlError(QStringLiteral("database or disk is full"),
            QStringLiteral("Unable to fetch row"), QSqlError::StatementError, QStringLiteral("13"))));
        QVERIFY(!isDiskFull(QSqlError(QStringLiteral("disk I/O error"), QStringLiteral("Unable to fetch row"),
            QSqlError::StatementError, QStringLiteral("10"))));
        QVERIFY(
            !isDiskFull(QSqlError(QStringLiteral("database or disk is full"), {}, QSqlError::StatementError,
                QStringLiteral("5")))); // the words alone say nothing
        QVERIFY(isSqliteFull(13));
        QVERIFY(!isSqliteFull(10 | (4 << 8))); // SQLITE_IOERR_WRITE
        QVERIFY(isNoSpace(ENOSPC));
        QVERIFY(!isNoSpace(EACCES));
        const QString words = QStringLiteral(
            "The device's disk is full: nothing was saved. Free some space, then save again.");
        QCOMPARE(diskFullError(QStringLiteral("detail for the log")).message, words);
        QCOMPARE(diskFullError({}).code, QString(DiskFullCode));

        // A real SQLITE_FULL: the store may not grow by a page (as on a full disk).
        QSqlQuery q(QSqlDatabase::database(m_store->connectionName()));
        QVERIFY(q.exec(QStringLiteral("PRAGMA page_count")) && q.next());
        const int pages = q.value(0).toInt();
        QVERIFY(q.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages)));
        q.finish();
        const int outbox = rows("outbox");
        const QString big = QStringLiteral("a long note that does not fit ").repeated(60);
        Status st = Status::success();
        for (int i = 0; i < 500 && st.ok(); ++i)
            st = m_store->edits().addNote("C-1", big);
        QCOMPARE(st.error().code, QString(DiskFullCode));
        QCOMPARE(st.error().message, words);
        QVERIFY(rows("outbox") >= outbox);

        // The page writer of a sync (SQLite's C API) says the same.
        QJsonArray ch;
        for (int i = 0; i < 300; ++i) {
            QJsonObject f = baseFields();
            f.insert(QStringLiteral("summary"), big);
            ch.append(upsert(
                "case", QStringLiteral("C-9%1").arg(i), caseJson(QStringLiteral("C-9%1").arg(i), 1, f)));
        }
        const auto applied = m_store->pages().applyPage(page(ch, "t2"), false);
        QCOMPARE(applied.error().code, QString(DiskFullCode));
        QCOMPARE(applied.error().message, words);
        QVERIFY(!m_store->reads().caseById(QStringLiteral("C-90")));

        // Room again: both work.
        QVERIFY(q.exec(QStringLiteral("PRAGMA max_page_count = 1073741823")));
        q.finish();
        QVERIFY(m_store->edits().addNote("C-1", big).ok());
        QVERIFY(m_store->pages().applyPage(page(ch, "t2"), false).ok());
    }

    void changeAndActionCommitTogether()
    {
        // When the queued action cannot be written, the local change must not stay either.
        breakOutboxInserts();
        for (int i = 0; i < 4; ++i)
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("injected failure")));
        const int cases = rows("cases");
        QCOMPARE(m_store->edits()
                     .createCase("inspection", { { "site", "S-001" }, { "visitDate", "2026-12-01" } })
                     .error()
                     .code,
            QString("store_io"));
        QCOMPARE(rows("cases"), cases);
        QCOMPARE(rows("temp_ids"), 0);
        QVERIFY(!m_store->edits().updateFields("C-1", { { "readingKw", 99 } }).ok());
        QCOMPARE(m_store->reads().caseById("C-1")->record.fields.value("readingKw").toInt(), 12);
        QVERIFY(!m_store->edits().runFlowAction("C-1", "start").ok());
        QCOMPARE(m_store->reads().caseById("C-1")->record.status, QString("New"));
        QVERIFY(!m_store->edits().addNote("C-1", "hello").ok());
        QCOMPARE(m_store->reads().caseById("C-1")->pendingCount, 0);
        QCOMPARE(rows("outbox"), 0);
    }

    void updateQueuesChangedFieldsWithBase()
    {
        QVERIFY(m_store->edits().updateFields("C-1", { { "readingKw", 15 }, { "priority", "normal" } }).ok());
        const auto c = m_store->reads().caseById("C-1");
        QCOMPARE(c->record.fields.value("readingKw").toInt(), 15);
        QCOMPARE(c->serverFields.value("readingKw").toInt(), 12);
        QCOMPARE(c->pendingCount, 1);
        const auto ob = outboxOf("C-1");
        QCOMPARE(ob.size(), 1);
        QVERIFY2(ob.first().description.contains(QString::fromUtf8("Update C-1: Meter reading (kW) 12 → 15")),
            qPrintable(ob.first().description));
        const QueuedAction q = queued(ob.first().actionId);
        QCOMPARE(q.action.baseEtag, QString("\"1\""));
        QCOMPARE(q.action.fields, QJsonObject({ { "readingKw", 15 } })); // priority did not change
        QCOMPARE(q.baseFields, QJsonObject({ { "readingKw", 12 } }));
        // Setting the same values again queues nothing.
        QVERIFY(m_store->edits().updateFields("C-1", { { "readingKw", 15 } }).ok());
        QCOMPARE(m_store->reads().pendingCount(), 1);
    }

    void editsOfUnsentCreateFoldIntoIt()
    {
        auto id = m_store->edits().createCase(
            "inspection", { { "site", "S-001" }, { "visitDate", "2026-12-01" } });
        QVERIFY(id.ok());
        QVERIFY(m_store->edits().updateFields(*id, { { "readingKw", 40 } }).ok());
        QVERIFY(m_store->edits().updateFields(*id, { { "readingKw", 41 }, { "priority", "low" } }).ok());
        const auto ob = outboxOf(*id);
        QCOMPARE(ob.size(), 1);
        QCOMPARE(ob.first().type, ActionType::Create);
        const QueuedAction q = queued(ob.first().actionId);
        QCOMPARE(q.action.fields.value("readingKw").toInt(), 41);
        QCOMPARE(q.action.fields.value("priority").toString(), QString("low"));
        bool explained = false;
        for (const EventEntry &e : m_store->reads().eventLog(10))
            explained |= e.message.contains("Folded");
        QVERIFY(explained);
        // A transition after the create keeps later edits after it.
        QVERIFY(m_store->edits().runFlowAction(*id, "start").ok());
        QVERIFY(m_store->edits().updateFields(*id, { { "readingKw", 42 } }).ok());
        const auto ob2 = outboxOf(*id);
        QCOMPARE(ob2.size(), 3);
        QCOMPARE(ob2.at(1).type, ActionType::Transition);
        QCOMPARE(ob2.at(2).type, ActionType::Update);
        QCOMPARE(m_store->reads().caseById(*id)->record.status, QString("InProgress"));
    }

    void consecutiveUpdatesMergeKeepingOldestBase()
    {
        QVERIFY(m_store->edits().updateFields("C-1", { { "readingKw", 15 } }).ok());
        QVERIFY(m_store->edits().updateFields("C-1", { { "readingKw", 20 }, { "priority", "high" } }).ok());
        auto ob = outboxOf("C-1");
        QCOMPARE(ob.size(), 1);
        QueuedAction q = queued(ob.first().actionId);
        QCOMPARE(q.action.fields, QJsonObject({ { "readingKw", 20 }, { "priority", "high" } }));
        QCOMPARE(q.baseFields, QJsonObject({ { "readingKw", 12 }, { "priority", "normal" } }));
        QCOMPARE(q.action.baseEtag, QString("\"1\""));
        // The event log says what was merged in people's words: the fields' labels, not their names.
        const QString merged = m_store->reads().eventLog(1).value(0).message;
        QVERIFY2(merged.contains("Priority, Meter reading (kW)"), qPrintable(merged));
        QVERIFY2(!merged.contains("readingKw"), qPrintable(merged));
        // Notes and transitions keep their order: no merge across them.
        QVERIFY(m_store->edits().addNote("C-1", "checked the meter").ok());
        QVERIFY(m_store->edits().updateFields("C-1", { { "readingKw", 21 } }).ok());
        QVERIFY(m_store->edits().runFlowAction("C-1", "start").ok());
        QVERIFY(m_store->edits().updateFields("C-1", { { "passed", true } }).ok());
        ob = outboxOf("C-1");
        QCOMPARE(ob.size(), 5);
        const QList<ActionType> types { ActionType::Update, ActionType::Note, ActionType::Update,
            ActionType::Transition, ActionType::Update };
        for (int i = 0; i < types.size(); ++i)
            QCOMPARE(ob.at(i).type, types.at(i));
        // The case's own queue, in order, with the note's text (what the case screen lists).
        const QList<QueuedAction> own = m_store->reads().queuedActions("C-1");
        QCOMPARE(own.size(), 5);
        QCOMPARE(own.at(1).action.type, ActionType::Note);
        QCOMPARE(own.at(1).action.text, QString("checked the meter"));
        QVERIFY(m_store->reads().queuedActions("C-2").isEmpty());
        const auto c = m_store->reads().caseById("C-1");
        QCOMPARE(c->record.status, QString("InProgress"));
        QCOMPARE(c->record.fields.value("readingKw").toInt(), 21);
        QCOMPARE(c->record.fields.value("passed").toBool(), true);
        QCOMPARE(c->pendingCount, 5);
        QVERIFY(m_store->edits().runFlowAction("C-1", "complete").ok());
        QCOMPARE(m_store->reads().caseById("C-1")->record.status, QString("Resolved-Completed"));
    }

    void noMergeIntoInflightOrHeld()
    {
        QVERIFY(m_store->edits().updateFields("C-1", { { "readingKw", 15 } }).ok());
        const auto batch = m_store->upload().nextBatch();
        QCOMPARE(batch.size(), 1);
        QVERIFY(m_store->upload().markInflight({ batch.first().action.id }).ok());
        QVERIFY(m_store->edits().updateFields("C-1", { { "readingKw", 16 } }).ok());
        QCOMPARE(outboxOf("C-1").size(), 2);
        QCOMPARE(outboxOf("C-1").first().state, QueueState::Inflight);
        QCOMPARE(
            queued(outboxOf("C-1").first().actionId).action.id, QString()); // inflight: not offered again
        QVERIFY(m_store->upload().requeueInflight().ok());
        QCOMPARE(outboxOf("C-1").first().state, QueueState::Queued);
    }

    void outboxAndBatchAgreeOnWhatWaits()
    {
        // One rule (QueueGate) for the batch and for the outbox the user sees: behind an action
        // being sent, the next action of its case waits, and the outbox says why.
        QVERIFY(m_store->edits().updateFields("C-1", { { "readingKw", 15 } }).ok());
        QVERIFY(m_store->edits().addNote("C-1", "behind the edit").ok());
        QVERIFY(m_store->edits().updateFields("C-2", { { "priority", "low" } }).ok());
        QVERIFY(m_store->upload().markInflight({ outboxOf("C-1").first().actionId }).ok());
        const auto batch = m_store->upload().nextBatch();
        QCOMPARE(batch.size(), 1);
        QCOMPARE(batch.first().action.caseId, QString("C-2"));
        QCOMPARE(outboxOf("C-1").at(0).blockedBy, QString());
        QCOMPARE(outboxOf("C-1").at(1).blockedBy, QString("inflight"));
        QCOMPARE(outboxOf("C-2").at(0).blockedBy, QString());
        QVERIFY(m_store->upload().requeueInflight().ok());
        QCOMPARE(outboxOf("C-1").at(1).blockedBy, QString());
        QCOMPARE(m_store->upload().nextBatch().size(), 3);
    }

    void holdReleaseDiscard()
    {
        QVERIFY(m_store->edits().updateFields("C-1", { { "readingKw", 15 } }).ok());
        QVERIFY(m_store->edits().addNote("C-1", "after the edit").ok());
        QVERIFY(m_store->edits().updateFields("C-2", { { "priority", "low" } }).ok());
        const QString first = outboxOf("C-1").first().actionId;
        QVERIFY(m_store->edits().holdAction(first).ok());
        auto batch = m_store->upload().nextBatch();
        QCOMPARE(batch.size(), 1); // the held action and the later note of C-1 wait; C-2 drains
        QCOMPARE(batch.first().action.caseId, QString("C-2"));
        QCOMPARE(outboxOf("C-1").at(1).blockedBy, QString("held"));
        // A held update is not merged into.
        QVERIFY(m_store->edits().releaseAction(first).ok());
        QCOMPARE(m_store->edits().releaseAction(first).error().code, QString("not_allowed"));
        QCOMPARE(m_store->upload().nextBatch().size(), 3);
        QVERIFY(m_store->edits().discardAction(first).ok());
        const auto c = m_store->reads().caseById("C-1");
        QCOMPARE(c->record.fields.value("readingKw").toInt(), 12); // local effect reverted
        QCOMPARE(c->pendingCount, 1);
        QCOMPARE(m_store->edits().discardAction(first).error().code, QString("not_found"));
    }

    void discardUnsentCreateRemovesEverything()
    {
        auto id = m_store->edits().createCase(
            "inspection", { { "site", "S-001" }, { "visitDate", "2026-12-01" } });
        QVERIFY(id.ok());
        QVERIFY(m_store->edits().addNote(*id, "first note").ok());
        QVERIFY(m_store->edits().runFlowAction(*id, "start").ok());
        QFile f(m_dir->filePath("photo.jpg"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not really a jpeg");
        f.close();
        auto att = m_store->edits().attachFile(*id, f.fileName());
        QVERIFY2(att.ok(), qPrintable(att.error().toString()));
        const QString copy = m_store->reads().attachments(*id).first().localPath;
        QVERIFY(QFile::exists(copy));
        QCOMPARE(m_store->reads().pendingCount(), 3);
        QVERIFY(m_store->edits().discardLocalCase(*id).ok());
        QVERIFY(!m_store->reads().caseById(*id));
        QCOMPARE(m_store->reads().pendingCount(), 0);
        QVERIFY(!QFile::exists(copy));
        QCOMPARE(rows("temp_ids"), 0);
    }

    void attachFileCopiesWithChecksum()
    {
        QByteArray bytes(300000, 'x');
        bytes.append("tail");
        QFile f(m_dir->filePath("report.txt"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        auto att = m_store->edits().attachFile("C-1", f.fileName());
        QVERIFY(att.ok());
        const auto list = m_store->reads().attachments("C-1");
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().size, qint64(bytes.size()));
        QCOMPARE(list.first().sha256,
            QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(list.first().name, QString("report.txt"));
        QVERIFY(list.first().localPath.startsWith(m_store->attachmentsDir()));
        // The copy is sealed with the store's key: its bytes are not the file's, and it opens.
        QFile copy(list.first().localPath);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QVERIFY(!copy.readAll().contains(bytes.left(32)));
        QCOMPARE(sealedfile::read(m_path, list.first().localPath).value(), bytes);
        QCOMPARE(m_store->upload().attachmentsToUpload().size(), 1);
        QVERIFY(m_store->upload().markAttachmentUploaded(*att).ok());
        QCOMPARE(m_store->upload().attachmentsToUpload().size(), 0);
        QCOMPARE(m_store->edits().attachFile("C-1", m_dir->filePath("missing")).error().code,
            QString("validation_failed"));

        // A copy left by a crash before its row was committed is cleaned up at the next open.
        const QString orphan
            = QDir(m_store->attachmentsDir()).filePath(QUuid::createUuid().toString(QUuid::WithoutBraces));
        QFile o(orphan);
        QVERIFY(o.open(QIODevice::WriteOnly));
        o.write("left over");
        o.close(); // closing after a write would touch the time again
        QVERIFY(o.open(QIODevice::ReadOnly));
        QVERIFY(
            o.setFileTime(QDateTime::currentDateTimeUtc().addDays(-1), QFileDevice::FileModificationTime));
        o.close();
        m_store.reset();
        m_store = openStore(m_path);
        QVERIFY(m_store);
        QVERIFY(!QFile::exists(orphan));
        QVERIFY(QFile::exists(list.first().localPath));
    }

    void readsAndStatus()
    {
        QCOMPARE(m_store->reads().caseTypes().size(), 1);
        QVERIFY(m_store->reads().caseType("inspection"));
        QCOMPARE(m_store->reads().dataPageRows("sites", "S-00", 3).size(), 3);
        QCOMPARE(m_store->reads().dataPageRows("sites", "S-004").size(), 1);
        QVERIFY(m_store->reads().hasDataPageRow("sites", "S-005"));
        QCOMPARE(m_store->reads().cases().size(), 3);
        CaseFilter f;
        f.text = "c-2";
        QCOMPARE(m_store->reads().cases(f).size(), 1);
        QVERIFY(m_store->edits().updateFields("C-3", { { "readingKw", 1 } }).ok());
        f = {};
        f.onlyPending = true;
        QCOMPARE(m_store->reads().cases(f).size(), 1);
        QVERIFY(m_store->edits().runFlowAction("C-3", "start").ok());
        f = {};
        f.status = "InProgress";
        QCOMPARE(m_store->reads().cases(f).size(), 1);
        const StoreStatus s = m_store->reads().status();
        QCOMPARE(s.toJson().value("pending").toInt(), 2);
        QCOMPARE(m_store->reads().outbox().first().toJson().value("type").toString(), QString("update"));
        QCOMPARE(s.cases, 3);
        QCOMPARE(s.pending, 2);
        QCOMPARE(s.syncToken, QString("t1"));
        QCOMPARE(s.schemaVersion, LocalStore::currentSchemaVersion());
        QVERIFY(!m_store->deviceId().isEmpty());
        QCOMPARE(m_store->deviceId(), m_store->deviceId());
    }

    void caseSummariesAreTheListRowsOfCases()
    {
        QVERIFY(m_store->edits()
                    .updateFields("C-2",
                        { { "readingKw", 15.5 }, { "priority", "high" }, { "passed", true },
                            { "summary", "Fuse box replaced" } })
                    .ok());
        QVERIFY(m_store->edits().runFlowAction("C-3", "start").ok());
        CaseFilter f;
        f.includeResolved = true;
        const QList<LocalCase> cases = m_store->reads().cases(f);
        const QList<CaseSummary> rows = m_store->reads().caseSummaries(f);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.size(), cases.size());
        for (int i = 0; i < rows.size(); ++i) {
            const CaseRecord &c = cases.at(i).record;
            const CaseSummary &s = rows.at(i);
            QCOMPARE(s.id, c.id); // the same order
            QCOMPARE(s.caseType, c.caseType);
            QCOMPARE(s.status, c.status);
            QCOMPARE(s.title, c.title);
            QCOMPARE(s.queue, c.queue);
            QCOMPARE(s.assignee, c.assignee);
            QCOMPARE(QDateTime::fromMSecsSinceEpoch(s.updatedAtMs, Qt::UTC),
                QDateTime::fromString(c.updatedAt, Qt::ISODateWithMs));
            QCOMPARE(s.pendingCount, cases.at(i).pendingCount);
            QCOMPARE(s.hasConflict, cases.at(i).hasConflict);
            QCOMPARE(s.hasIssue, cases.at(i).hasIssue);
            QCOMPARE(s.resolved, c.isResolved());
            // The search text holds the local view's text and number values.
            for (auto it = c.fields.begin(); it != c.fields.end(); ++it)
                if (it->isString() || it->isDouble())
                    QVERIFY2(s.searchText.contains(
                                 it->isString() ? it->toString() : QString::number(it->toDouble())),
                        qPrintable(s.id + QLatin1String(": ") + s.searchText));
        }
        const auto one = m_store->reads().caseSummary("C-2");
        QVERIFY(one);
        QCOMPARE(one->pendingCount, 1);
        QVERIFY(one->searchText.contains("15.5"));
        QVERIFY(one->searchText.contains("Fuse box replaced"));
        QVERIFY(!one->searchText.contains("true")); // yes/no values are not searched
        QCOMPARE(m_store->reads().caseSummary("C-3")->status, QString("InProgress"));
        QVERIFY(!m_store->reads().caseSummary("C-404"));

        // A row whose JSON does not parse loses its search text, not the list.
        QSqlQuery q(QSqlDatabase::database(m_store->connectionName()));
        QVERIFY(q.exec("UPDATE cases SET server_fields = '{broken' WHERE id = 'C-1'"));
        const QList<CaseSummary> again = m_store->reads().caseSummaries(f);
        QCOMPARE(again.size(), 3);
        for (const CaseSummary &s : again)
            QCOMPARE(s.searchText.isEmpty(), s.id == QLatin1String("C-1"));
    }

    void eventLogIsBounded()
    {
        m_store.reset(); // many single writes: no need to wait for the disk each time here
        LocalStore::Options o;
        o.synchronousFull = false;
        m_store = std::move(storetest::open(m_path, o)).value();
        for (int i = 0; i < 5100; ++i)
            m_store->logEvent(EventLevel::Debug, "test", QString::number(i));
        QCOMPARE(rows("event_log"), 5000);
        QCOMPARE(m_store->reads().eventLog(1).first().message, QString("5099"));
    }
};

QTEST_GUILESS_MAIN(TstStoreLocal)
#include "tst_store_local.moc"
