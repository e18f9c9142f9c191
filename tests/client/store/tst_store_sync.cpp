// SPDX-License-Identifier: MIT
// The data side of sync: upload results (applied, conflict per policy, rejected, gone, skipped),
// temp-id remapping, and downloads (delta, full sync) that never lose queued work.
#include "storetestutil.h"

#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace storetest;

class TstStoreSync : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;

    QList<OutboxEntry> outboxOf(const QString &caseId) const
    {
        QList<OutboxEntry> out;
        for (const OutboxEntry &e : m_store->reads().outbox())
            if (e.caseId == caseId)
                out.append(e);
        return out;
    }
    /// Uploads the next batch with the server answering through `answer`.
    QList<QueuedAction> uploadOnce(
        const std::function<ActionResult(const QueuedAction &)> &answer, UploadSummary *sum = nullptr)
    {
        const QList<QueuedAction> batch = m_store->upload().nextBatch();
        QStringList ids;
        for (const QueuedAction &q : batch)
            ids << q.action.id;
        if (!m_store->upload().markInflight(ids).ok())
            qFatal("markInflight failed");
        QList<ActionResult> results;
        for (const QueuedAction &q : batch)
            results << answer(q);
        const Status st = m_store->upload().applyResults(batch, results, sum);
        if (!st.ok())
            qWarning("applyUploadResults: %s", qPrintable(st.error().toString()));
        return batch;
    }
    QJsonObject fieldsWith(const QJsonObject &changes) const
    {
        QJsonObject f = baseFields();
        for (auto it = changes.begin(); it != changes.end(); ++it)
            f.insert(it.key(), it.value());
        return f;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        // A failing statement anywhere in the store is a defect, even when the caller copes.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("^\\\"(exec|prepare|download)\\\"")));
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = openStore(m_dir->filePath("alice@127.0.0.1_8470.sqlite"));
        QVERIFY(m_store);
        seed(*m_store);
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void appliedCreateRemapsTempIdsEverywhere()
    {
        auto tmp = m_store->edits().createCase(
            "inspection", { { "site", "S-001" }, { "visitDate", "2026-12-01" } }, "Pump");
        QVERIFY(tmp.ok());
        QVERIFY(m_store->edits().runFlowAction(*tmp, "start").ok());
        QVERIFY(m_store->edits().addNote(*tmp, "arrived").ok());
        QFile f(m_dir->filePath("photo.txt"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("bytes");
        f.close();
        QVERIFY(m_store->edits().attachFile(*tmp, f.fileName()).ok());
        QCOMPARE(m_store->upload().attachmentsToUpload().size(), 0); // waits for a server id

        QJsonObject created = caseJson("C-100", 1, { { "site", "S-001" }, { "visitDate", "2026-12-01" } });
        UploadSummary sum;
        const auto batch = uploadOnce(
            [&](const QueuedAction &q) {
                return applied(q, created, { { *tmp, "C-100" } });
            },
            &sum);
        QCOMPARE(batch.size(), 1); // the transition waits for the etag the create produces
        QCOMPARE(batch.first().action.type, ActionType::Create);
        QCOMPARE(sum.mappedIds.value(*tmp), QString("C-100"));
        QVERIFY(sum.changedCaseIds.contains("C-100"));

        QCOMPARE(m_store->reads().resolveId(*tmp), QString("C-100"));
        const auto c = m_store->reads().caseById(*tmp);
        QVERIFY(c);
        QCOMPARE(c->record.id, QString("C-100"));
        QVERIFY(!c->isLocalOnly);
        QCOMPARE(c->record.status, QString("InProgress")); // pending transition on top of the server copy
        QCOMPARE(c->serverStatus, QString("New"));
        QCOMPARE(c->pendingCount, 2);
        QCOMPARE(m_store->reads().attachments("C-100").size(), 1);
        QCOMPARE(m_store->upload().attachmentsToUpload().size(), 1);
        const auto next = m_store->upload().nextBatch();
        QCOMPARE(next.size(), 2);
        for (const QueuedAction &q : next)
            QCOMPARE(q.action.caseId, QString("C-100"));
        QCOMPARE(next.first().action.type, ActionType::Transition);
        QCOMPARE(next.first().action.baseEtag, QString("\"1\"")); // rebased on the create's result
    }

    void remapWhenTheCreatedCaseWasDownloadedFirst()
    {
        auto tmp = m_store->edits().createCase(
            "inspection", { { "site", "S-001" }, { "visitDate", "2026-12-01" } });
        QVERIFY(tmp.ok());
        QVERIFY(m_store->edits().addNote(*tmp, "second").ok());
        const auto batch = m_store->upload().nextBatch();
        QCOMPARE(batch.size(), 2);
        // The server applied both, but the answer was lost; a download brought the case meanwhile.
        const QJsonObject created
            = caseJson("C-200", 2, { { "site", "S-001" }, { "visitDate", "2026-12-01" } });
        QVERIFY(m_store->pages().applyPage(page({ upsert("case", "C-200", created) }, "t2"), false).ok());
        QCOMPARE(m_store->reads().status().cases, 5);
        // Sent again, the same ids return their first results (exactly once on the server).
        QVERIFY(
            m_store->upload()
                .applyResults(batch,
                    { applied(batch.at(0), created, { { *tmp, "C-200" } }), applied(batch.at(1), created) })
                .ok());
        QCOMPARE(m_store->reads().status().cases, 4);
        QCOMPARE(m_store->reads().pendingCount(), 0);
        const auto c = m_store->reads().caseById(*tmp);
        QVERIFY(c);
        QCOMPARE(c->record.id, QString("C-200"));
        QVERIFY(!c->isLocalOnly);
        QCOMPARE(c->pendingCount, 0);
    }

    void rejectedCreateHoldsItsLaterActions()
    {
        auto tmp = m_store->edits().createCase(
            "inspection", { { "site", "S-001" }, { "visitDate", "2026-12-01" } });
        QVERIFY(tmp.ok());
        QVERIFY(m_store->edits().addNote(*tmp, "on the new case").ok());
        QVERIFY(m_store->edits().addNote("C-2", "elsewhere").ok());
        uploadOnce([&](const QueuedAction &q) {
            if (q.action.type == ActionType::Create)
                return failed(q, "rejected");
            if (q.action.caseId == *tmp)
                return result(QJsonObject { { "id", q.action.id }, { "status", "skipped" } });
            return applied(q, caseJson("C-2", 2, baseFields()));
        });
        QCOMPARE(m_store->reads().pendingCount(), 1); // the note on the new case waits
        QVERIFY(m_store->upload().nextBatch().isEmpty());
        const auto c = m_store->reads().caseById(*tmp);
        QVERIFY(c->hasIssue);
        QVERIFY(c->isLocalOnly);
        QCOMPARE(m_store->reads().syncIssues().first().action.type, ActionType::Create);
        QVERIFY(
            m_store->edits()
                .retrySyncIssue(m_store->reads().syncIssues().first().actionId, { { "priority", "high" } })
                .ok());
        const auto next = m_store->upload().nextBatch();
        QCOMPARE(next.size(), 2);
        QCOMPARE(next.first().action.type, ActionType::Create);
        QCOMPARE(next.first().action.fields.value("priority").toString(), QString("high"));
        QCOMPARE(next.at(1).action.type, ActionType::Note);
    }

    void chainedEditsWaitForTheirEtag()
    {
        QVERIFY(m_store->edits().updateFields("C-1", { { "readingKw", 15 } }).ok());
        QVERIFY(m_store->edits().runFlowAction("C-1", "start").ok());
        QVERIFY(m_store->edits().updateFields("C-2", { { "priority", "low" } }).ok());
        auto batch = uploadOnce([&](const QueuedAction &q) {
            const QString id = q.action.caseId;
            return applied(q, caseJson(id, 2, fieldsWith(q.action.fields)));
        });
        QCOMPARE(batch.size(), 2); // C-1 update and C-2 update; C-1's transition waits
        auto next = m_store->upload().nextBatch();
        QCOMPARE(next.size(), 1);
        QCOMPARE(next.first().action.type, ActionType::Transition);
        QCOMPARE(next.first().action.baseEtag, QString("\"2\""));
        QCOMPARE(m_store->reads().caseById("C-2")->pendingCount, 0);
        QCOMPARE(m_store->reads().caseById("C-2")->record.etag, QString("\"2\""));
    }

    void batchInFlightKeepsItsCasesOutOfTheNext()
    {
        // The sync engine sends the next batch while one is on the server: that one must hold no
        // action of the cases in flight, and a case's later edit waits for the earlier result.
        QVERIFY(m_store->edits().updateFields("C-1", { { "readingKw", 15 } }).ok());
        QVERIFY(m_store->edits().addNote("C-1", "after the reading").ok());
        QVERIFY(m_store->edits().runFlowAction("C-1", "start").ok());
        QVERIFY(m_store->edits().updateFields("C-2", { { "priority", "low" } }).ok());
        const QList<QueuedAction> first = m_store->upload().nextBatch(2);
        QCOMPARE(first.size(), 2); // C-1's update and note
        QStringList ids;
        for (const QueuedAction &q : first)
            ids << q.action.id;
        QVERIFY(m_store->upload().markInflight(ids).ok());

        const QList<QueuedAction> second = m_store->upload().nextBatch();
        QCOMPARE(second.size(), 1); // C-2 only: C-1's transition waits behind its inflight actions
        QCOMPARE(second.first().action.caseId, QString("C-2"));
        QStringList secondIds { second.first().action.id };
        QVERIFY(m_store->upload().markInflight(secondIds).ok());
        QVERIFY(m_store->upload().nextBatch().isEmpty());

        // The second batch may come back first; the transition still waits for C-1's results.
        QVERIFY(
            m_store->upload()
                .applyResults(second,
                    { applied(second.first(), caseJson("C-2", 2, fieldsWith({ { "priority", "low" } }))) })
                .ok());
        QVERIFY(m_store->upload().nextBatch().isEmpty());
        const QJsonObject c1 = caseJson("C-1", 2, fieldsWith({ { "readingKw", 15 } }));
        QVERIFY(m_store->upload()
                    .applyResults(first, { applied(first.at(0), c1), applied(first.at(1), c1) })
                    .ok());
        const QList<QueuedAction> third = m_store->upload().nextBatch();
        QCOMPARE(third.size(), 1);
        QCOMPARE(third.first().action.type, ActionType::Transition);
        QCOMPARE(third.first().action.baseEtag, QString("\"2\"")); // rebased on the update's result
    }

    void conflictDisjointFieldsRequeuedOnNewEtag()
    {
        QVERIFY(m_store->edits().updateFields("C-1", { { "priority", "high" } }).ok());
        const QString oldId = outboxOf("C-1").first().actionId;
        const QJsonObject theirs = caseJson("C-1", 2, fieldsWith({ { "visitDate", "2026-12-24" } }));
        UploadSummary sum;
        uploadOnce([&](const QueuedAction &q) { return conflictResult(q, theirs); }, &sum);
        QCOMPARE(sum.conflicts, 1);
        QCOMPARE(sum.requeued, 1);
        QCOMPARE(m_store->reads().conflictCount(), 0);
        const auto next = m_store->upload().nextBatch();
        QCOMPARE(next.size(), 1);
        QVERIFY(next.first().action.id != oldId); // a new action: the old id is spent on the server
        QCOMPARE(next.first().action.baseEtag, QString("\"2\""));
        QCOMPARE(next.first().action.fields, QJsonObject({ { "priority", "high" } }));
        const auto c = m_store->reads().caseById("C-1");
        QCOMPARE(c->record.fields.value("visitDate").toString(), QString("2026-12-24")); // theirs
        QCOMPARE(c->record.fields.value("priority").toString(), QString("high")); // mine
        QVERIFY(!c->hasConflict);
    }

    void conflictServerWins()
    {
        QVERIFY(m_store->edits().updateFields("C-1", { { "readingKw", 15 } }).ok());
        const QJsonObject theirs = caseJson("C-1", 2, fieldsWith({ { "readingKw", 30 } }));
        uploadOnce([&](const QueuedAction &q) { return conflictResult(q, theirs); });
        QCOMPARE(m_store->reads().pendingCount(), 0);
        QCOMPARE(m_store->reads().conflictCount(), 0);
        QCOMPARE(m_store->reads().caseById("C-1")->record.fields.value("readingKw").toInt(), 30);
        bool explained = false;
        for (const EventEntry &e : m_store->reads().eventLog(5))
            explained |= e.message.contains("serverWins");
        QVERIFY(explained);
    }

    void conflictClientWins()
    {
        QVERIFY(m_store->edits().updateFields("C-1", { { "summary", "mine" } }).ok());
        const QJsonObject theirs = caseJson("C-1", 2, fieldsWith({ { "summary", "theirs" } }));
        uploadOnce([&](const QueuedAction &q) { return conflictResult(q, theirs); });
        QCOMPARE(m_store->reads().conflictCount(), 0);
        const auto next = m_store->upload().nextBatch();
        QCOMPARE(next.size(), 1);
        QCOMPARE(next.first().action.fields.value("summary").toString(), QString("mine"));
        QCOMPARE(next.first().action.baseEtag, QString("\"2\""));
        QCOMPARE(next.first().baseFields.value("summary").toString(), QString("theirs"));
    }

    void conflictBothSidesNeedsTheUser()
    {
        QVERIFY(m_store->edits().updateFields("C-1", { { "priority", "high" }, { "passed", true } }).ok());
        QVERIFY(m_store->edits().addNote("C-1", "after the edit").ok());
        QVERIFY(m_store->edits().updateFields("C-2", { { "priority", "low" } }).ok());
        const QJsonObject theirs = caseJson("C-1", 2, fieldsWith({ { "priority", "low" } }));
        uploadOnce([&](const QueuedAction &q) {
            if (q.action.caseId == "C-1" && q.action.type == ActionType::Update)
                return conflictResult(q, theirs);
            if (q.action.caseId == "C-1")
                return result(QJsonObject { { "id", q.action.id }, { "status", "skipped" } });
            return applied(q, caseJson(q.action.caseId, 2, fieldsWith(q.action.fields)));
        });
        // Never a silent overwrite: the field changed on both sides waits for the user.
        const auto conflicts = m_store->reads().conflicts("C-1");
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts.first().field, QString("priority"));
        QCOMPARE(conflicts.first().label, QString("Priority"));
        QCOMPARE(conflicts.first().base.toString(), QString("normal"));
        QCOMPARE(conflicts.first().mine.toString(), QString("high"));
        QCOMPARE(conflicts.first().theirs.toString(), QString("low"));
        auto c = m_store->reads().caseById("C-1");
        QVERIFY(c->hasConflict);
        QCOMPARE(c->record.fields.value("priority").toString(), QString("low"));
        QCOMPARE(c->record.fields.value("passed").toBool(), true); // the disjoint part stays queued
        QCOMPARE(m_store->upload().nextBatch().size(), 0); // the case is blocked; C-2 is done
        for (const OutboxEntry &e : outboxOf("C-1"))
            QCOMPARE(e.blockedBy, QString("conflict"));

        QCOMPARE(m_store->edits().resolveConflict("C-1", {}).error().code, QString("validation_failed"));
        QVERIFY(m_store->edits().resolveConflict("C-1", { { "priority", "high" } }).ok());
        QCOMPARE(m_store->reads().conflictCount(), 0);
        const auto next = m_store->upload().nextBatch();
        QCOMPARE(next.size(), 2); // the update (in its old place), then the note
        QCOMPARE(next.first().action.type, ActionType::Update);
        QCOMPARE(next.first().action.baseEtag, QString("\"2\""));
        QCOMPARE(next.first().action.fields, QJsonObject({ { "passed", true }, { "priority", "high" } }));
        QCOMPARE(next.at(1).action.type, ActionType::Note);
        QCOMPARE(
            m_store->reads().caseById("C-1")->record.fields.value("priority").toString(), QString("high"));
    }

    void conflictOnTransitionGoesAgainOnTheNewEtag()
    {
        QVERIFY(m_store->edits().runFlowAction("C-1", "start", { { "summary", "on my way" } }).ok());
        const QString oldId = outboxOf("C-1").first().actionId;
        const QJsonObject theirs = caseJson("C-1", 4, fieldsWith({ { "priority", "high" } }));
        uploadOnce([&](const QueuedAction &q) { return conflictResult(q, theirs); });
        const auto next = m_store->upload().nextBatch();
        QCOMPARE(next.size(), 1);
        QCOMPARE(next.first().action.type, ActionType::Transition);
        QCOMPARE(next.first().action.flowAction, QString("start"));
        QVERIFY(next.first().action.id != oldId);
        QCOMPARE(next.first().action.baseEtag, QString("\"4\""));
        QCOMPARE(next.first().action.fields, QJsonObject({ { "summary", "on my way" } }));
        const auto c = m_store->reads().caseById("C-1");
        QCOMPARE(c->record.status, QString("InProgress"));
        QCOMPARE(c->record.fields.value("priority").toString(), QString("high"));
    }

    void resolvingWithTheServerValueQueuesNothing()
    {
        QVERIFY(m_store->edits().updateFields("C-1", { { "priority", "high" } }).ok());
        const QJsonObject theirs = caseJson("C-1", 2, fieldsWith({ { "priority", "low" } }));
        uploadOnce([&](const QueuedAction &q) { return conflictResult(q, theirs); });
        QCOMPARE(m_store->reads().conflictCount(), 1);
        QCOMPARE(m_store->reads().pendingCount(), 0);
        QCOMPARE(m_store->edits()
                     .resolveConflict("C-1", { { "priority", "normal" }, { "site", "S-002" } })
                     .error()
                     .code,
            QString("validation_failed")); // site is not in conflict
        QVERIFY(m_store->edits().resolveConflict("C-1", { { "priority", "low" } }).ok());
        QCOMPARE(m_store->reads().conflictCount(), 0);
        QCOMPARE(m_store->reads().pendingCount(), 0);
        QVERIFY(!m_store->reads().caseById("C-1")->hasConflict);
        QCOMPARE(
            m_store->reads().caseById("C-1")->record.fields.value("priority").toString(), QString("low"));
    }

    void interleavedEditsAndNotesDrainOneEditPerCaseAndBatch()
    {
        // Edits with notes between them (nothing folds): each batch takes one edit and the note after
        // it per case; the view is settled once per case and stays server copy + what is still queued.
        for (int i = 0; i < 3; ++i)
            for (const QString &id : { QStringLiteral("C-1"), QStringLiteral("C-2") }) {
                QVERIFY(m_store->edits().updateFields(id, { { "readingKw", 100 + i } }).ok());
                QVERIFY(m_store->edits().addNote(id, QStringLiteral("note %1").arg(i)).ok());
            }
        QCOMPARE(m_store->reads().caseById("C-1")->pendingCount, 6);
        QCOMPARE(m_store->reads().caseById("C-2")->record.fields.value("readingKw").toInt(), 102);
        for (int round = 0; round < 3; ++round) {
            UploadSummary sum;
            const auto batch = uploadOnce(
                [&](const QueuedAction &q) {
                    return applied(q,
                        caseJson(q.action.caseId, 2 + round, fieldsWith({ { "readingKw", 100 + round } })));
                },
                &sum);
            QCOMPARE(batch.size(), 4);
            QCOMPARE(sum.applied, 4);
            for (const QString &id : { QStringLiteral("C-1"), QStringLiteral("C-2") }) {
                const auto c = m_store->reads().caseById(id);
                QCOMPARE(c->pendingCount, 4 - 2 * round);
                QCOMPARE(c->record.etag, QStringLiteral("\"%1\"").arg(2 + round));
                QCOMPARE(c->serverFields.value("readingKw").toInt(), 100 + round);
                QCOMPARE(c->record.fields.value("readingKw").toInt(), 102); // the newest edit still shows
                QCOMPARE(c->record.fields.value("site").toString(), QString("S-001"));
            }
            for (const QueuedAction &q : m_store->upload().nextBatch())
                if (q.action.type == ActionType::Update)
                    QCOMPARE(q.action.baseEtag, QStringLiteral("\"%1\"").arg(2 + round));
        }
        QCOMPARE(m_store->reads().pendingCount(), 0);
        const auto done = m_store->reads().caseById("C-1");
        QCOMPARE(done->pendingCount, 0);
        QCOMPARE(done->record.fields, done->serverFields);
    }

    void conflictThenDownloadKeepsTheUserChoiceOpen()
    {
        QVERIFY(m_store->edits().updateFields("C-1", { { "priority", "high" } }).ok());
        uploadOnce([&](const QueuedAction &q) {
            return conflictResult(q, caseJson("C-1", 2, fieldsWith({ { "priority", "low" } })));
        });
        // A newer server copy arrives before the user decides: the conflict stays, the case stays blocked.
        QVERIFY(m_store->pages()
                    .applyPage(page({ upsert("case", "C-1",
                                        caseJson("C-1", 3,
                                            fieldsWith({ { "priority", "low" }, { "readingKw", 40 } }))) },
                                   "t5"),
                        false)
                    .ok());
        const auto c = m_store->reads().caseById("C-1");
        QVERIFY(c->hasConflict);
        QCOMPARE(c->record.fields.value("readingKw").toInt(), 40);
        QVERIFY(m_store->edits().resolveConflict("C-1", { { "priority", "high" } }).ok());
        const auto next = m_store->upload().nextBatch();
        QCOMPARE(next.size(), 1);
        QCOMPARE(next.first().action.baseEtag, QString("\"3\"")); // the newest server copy
        QCOMPARE(next.first().baseFields.value("priority").toString(), QString("low"));
    }

    void rejectedHoldsOnlyItsOwnCase()
    {
        QVERIFY(m_store->edits().updateFields("C-1", { { "readingKw", 99 } }).ok());
        QVERIFY(m_store->edits().addNote("C-1", "later note").ok());
        QVERIFY(m_store->edits().updateFields("C-2", { { "priority", "low" } }).ok());
        QVERIFY(m_store->edits().addNote("C-3", "other case").ok());
        UploadSummary sum;
        uploadOnce(
            [&](const QueuedAction &q) {
                if (q.action.caseId == "C-1")
                    return q.action.type == ActionType::Update
                        ? failed(q, "rejected")
                        : result(QJsonObject { { "id", q.action.id }, { "status", "skipped" } });
                return applied(q, caseJson(q.action.caseId, 2, fieldsWith(q.action.fields)));
            },
            &sum);
        QCOMPARE(sum.issues, 1);
        QCOMPARE(sum.skipped, 1);
        QCOMPARE(sum.applied, 2);
        const auto issues = m_store->reads().syncIssues();
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().status, ResultStatus::Rejected);
        QCOMPARE(issues.first().error.fields.value("readingKw"), QString("Too high"));
        QCOMPARE(issues.first().action.fields.value("readingKw").toInt(), 99); // the data is kept
        auto c = m_store->reads().caseById("C-1");
        QVERIFY(c->hasIssue);
        QCOMPARE(c->record.fields.value("readingKw").toInt(), 99);
        QCOMPARE(m_store->upload().nextBatch().size(), 0); // C-1's note waits, the others are done
        QCOMPARE(outboxOf("C-1").first().blockedBy, QString("syncIssue"));

        QCOMPARE(
            m_store->edits().retrySyncIssue(issues.first().actionId, { { "readingKw", -5 } }).error().code,
            QString("validation_failed"));
        QVERIFY(m_store->edits().retrySyncIssue(issues.first().actionId, { { "readingKw", 50 } }).ok());
        QCOMPARE(m_store->reads().syncIssues().size(), 0);
        const auto next = m_store->upload().nextBatch();
        QCOMPARE(next.size(), 2);
        QCOMPARE(next.first().action.type, ActionType::Update); // back in its place, before the note
        QVERIFY(next.first().action.id != issues.first().actionId);
        QCOMPARE(next.first().action.fields.value("readingKw").toInt(), 50);
        QCOMPARE(next.first().action.baseEtag, QString("\"1\""));
        QCOMPARE(next.at(1).action.type, ActionType::Note);
    }

    void editedRetryOfARefusedTransition()
    {
        QVERIFY(m_store->edits().runFlowAction("C-1", "start").ok());
        uploadOnce([&](const QueuedAction &q) {
            return applied(q, caseJson("C-1", 2, baseFields(), "InProgress"));
        });
        QCOMPARE(m_store->reads().caseById("C-1")->serverStatus, QString("InProgress"));
        QVERIFY(m_store->edits().runFlowAction("C-1", "complete", { { "passed", true } }).ok());
        QVERIFY(m_store->edits().addNote("C-1", "finished").ok());
        // The server's newer rules also want a summary to complete.
        uploadOnce([&](const QueuedAction &q) {
            if (q.action.type == ActionType::Note)
                return result(QJsonObject { { "id", q.action.id }, { "status", "skipped" } });
            return result(QJsonObject { { "id", q.action.id }, { "status", "rejected" }, { "caseId", "C-1" },
                { "error",
                    QJsonObject { { "code", "validation_failed" }, { "message", "'Complete' needs more" },
                        { "fields",
                            QJsonObject { { "summary", "Summary is required to Complete." } } } } } });
        });
        const auto issues = m_store->reads().syncIssues();
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().action.type, ActionType::Transition);
        QCOMPARE(issues.first().error.fields.value("summary"), QString("Summary is required to Complete."));
        const QString id = issues.first().actionId;
        const auto outboxBefore = m_store->reads().outbox();

        // Clearing what the flow action requires: refused, the field named, nothing written.
        Status st = m_store->edits().retrySyncIssue(id, { { "passed", QJsonValue::Null } });
        QCOMPARE(st.error().code, QString("missing_fields"));
        QVERIFY(st.error().fields.contains("passed"));
        // A field the case type does not have: refused by the rules, nothing written.
        st = m_store->edits().retrySyncIssue(id, { { "colour", "red" } });
        QCOMPARE(st.error().code, QString("validation_failed"));
        QVERIFY(st.error().fields.contains("colour"));
        QCOMPARE(m_store->reads().syncIssues().size(), 1);
        QCOMPARE(m_store->reads().outbox().size(), outboxBefore.size());
        QVERIFY(m_store->reads().caseById("C-1")->hasIssue);

        // Corrected: back in its old place (before the note), a new id, carrying the added field.
        QVERIFY(m_store->edits().retrySyncIssue(id, { { "summary", "All good" } }).ok());
        QCOMPARE(m_store->reads().syncIssues().size(), 0);
        QVERIFY(!m_store->reads().caseById("C-1")->hasIssue);
        const auto next = m_store->upload().nextBatch();
        QVERIFY(!next.isEmpty());
        QCOMPARE(next.first().action.type, ActionType::Transition);
        QCOMPARE(next.first().action.flowAction, QString("complete"));
        QVERIFY(next.first().action.id != id);
        QCOMPARE(next.first().action.baseEtag, QString("\"2\""));
        QCOMPARE(next.first().action.fields.value("summary").toString(), QString("All good"));
        QCOMPARE(next.first().action.fields.value("passed").toBool(), true);
        const auto after = outboxOf("C-1");
        QCOMPARE(after.size(), 2);
        QCOMPARE(after.first().type, ActionType::Transition);
        QCOMPARE(after.at(1).type, ActionType::Note);
    }

    void goneIssuesAreNotEdited()
    {
        QVERIFY(m_store->edits().updateFields("C-2", { { "priority", "high" } }).ok());
        uploadOnce([&](const QueuedAction &q) { return failed(q, "gone", "gone"); });
        const auto issues = m_store->reads().syncIssues();
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().status, ResultStatus::Gone);
        const Status st = m_store->edits().retrySyncIssue(issues.first().actionId, { { "priority", "low" } });
        QCOMPARE(st.error().code, QString("not_allowed"));
        QCOMPARE(m_store->reads().syncIssues().size(), 1);
        QCOMPARE(m_store->reads().syncIssues().first().actionId, issues.first().actionId);
        QCOMPARE(m_store->reads().pendingCount(), 0);
        QCOMPARE(
            m_store->reads().caseById("C-2")->record.fields.value("priority").toString(), QString("high"));
    }

    void noteIssuesHaveNoFieldsToEdit()
    {
        QVERIFY(m_store->edits().addNote("C-3", "a note").ok());
        uploadOnce([&](const QueuedAction &q) { return failed(q, "rejected"); });
        const auto issues = m_store->reads().syncIssues();
        QCOMPARE(issues.size(), 1);
        QCOMPARE(
            m_store->edits().retrySyncIssue(issues.first().actionId, { { "priority", "low" } }).error().code,
            QString("validation_failed"));
        QCOMPARE(m_store->reads().syncIssues().size(), 1);
        QVERIFY(m_store->edits().retrySyncIssue(issues.first().actionId).ok()); // unchanged is fine
        QCOMPARE(m_store->reads().pendingCount(), 1);
    }

    void goneAndDiscardedIssues()
    {
        QVERIFY(m_store->edits().updateFields("C-1", { { "readingKw", 70 } }).ok());
        auto tmp = m_store->edits().createCase(
            "inspection", { { "site", "S-001" }, { "visitDate", "2026-12-01" } });
        QVERIFY(tmp.ok());
        uploadOnce([&](const QueuedAction &q) {
            return q.action.type == ActionType::Create ? failed(q, "rejected") : failed(q, "gone", "gone");
        });
        auto issues = m_store->reads().syncIssues();
        QCOMPARE(issues.size(), 2);
        QCOMPARE(issues.first().status, ResultStatus::Gone);
        QVERIFY(m_store->edits().discardSyncIssue(issues.first().actionId).ok());
        QCOMPARE(m_store->reads().caseById("C-1")->record.fields.value("readingKw").toInt(), 12); // reverted
        QVERIFY(!m_store->reads().caseById("C-1")->hasIssue);
        QVERIFY(
            m_store->edits().discardSyncIssue(issues.at(1).actionId).ok()); // a failed create drops the case
        QVERIFY(!m_store->reads().caseById(*tmp));
        QCOMPARE(m_store->reads().syncIssues().size(), 0);
    }

    void skippedStaysQueued()
    {
        QVERIFY(m_store->edits().updateFields("C-1", { { "readingKw", 15 } }).ok());
        const QString id = outboxOf("C-1").first().actionId;
        uploadOnce([&](const QueuedAction &q) {
            return result(QJsonObject { { "id", q.action.id }, { "status", "skipped" },
                { "error", QJsonObject { { "code", "skipped" }, { "message", "earlier action failed" } } } });
        });
        const auto ob = outboxOf("C-1");
        QCOMPARE(ob.size(), 1);
        QCOMPARE(ob.first().actionId, id);
        QCOMPARE(ob.first().state, QueueState::Queued);
        QCOMPARE(ob.first().attempts, 1);
        QVERIFY(ob.first().lastError.contains("earlier action failed"));
        QCOMPARE(m_store->upload().nextBatch().first().action.id, id);
    }

    void mismatchedResultsChangeNothing()
    {
        QVERIFY(m_store->edits().updateFields("C-1", { { "readingKw", 15 } }).ok());
        const auto batch = m_store->upload().nextBatch();
        QCOMPARE(m_store->upload().applyResults(batch, {}).error().code, QString("bad_response"));
        QJsonObject wrong { { "id", "someone-else" }, { "status", "applied" } };
        QCOMPARE(
            m_store->upload().applyResults(batch, { result(wrong) }).error().code, QString("bad_response"));
        QCOMPARE(m_store->reads().pendingCount(), 1);
    }

    void deltaUpsertKeepsPendingEditsOnTop()
    {
        QVERIFY(m_store->edits().updateFields("C-1", { { "readingKw", 15 } }).ok());
        QJsonArray ch { upsert("case", "C-1", caseJson("C-1", 3, fieldsWith({ { "priority", "high" } }))),
            upsert("case", "C-2", caseJson("C-2", 3, fieldsWith({ { "priority", "low" } }))),
            upsert("dataPage", "sites/S-009", siteRow("S-009")), removal("dataPage", "sites/S-005") };
        auto changed = m_store->pages().applyPage(page(ch, "t2"), false);
        QVERIFY2(changed.ok(), qPrintable(changed.error().toString()));
        QCOMPARE(*changed, QStringList({ "C-1", "C-2" }));
        QCOMPARE(m_store->pages().syncToken(), QString("t2"));
        const auto c = m_store->reads().caseById("C-1");
        QCOMPARE(c->record.fields.value("readingKw").toInt(), 15); // mine, still queued
        QCOMPARE(c->record.fields.value("priority").toString(), QString("high")); // theirs
        QCOMPARE(c->serverFields.value("readingKw").toInt(), 12);
        QCOMPARE(c->record.etag, QString("\"3\""));
        QCOMPARE(c->pendingCount, 1);
        QVERIFY(m_store->reads().hasDataPageRow("sites", "S-009"));
        QVERIFY(!m_store->reads().hasDataPageRow("sites", "S-005"));
        // A bad page changes nothing, not even the token.
        QJsonObject bad = caseJson("C-2", 4, {});
        bad.remove("etag");
        QJsonArray badCh { upsert("case", "C-3", caseJson("C-3", 9, baseFields())),
            upsert("case", "C-2", bad) };
        QCOMPARE(m_store->pages().applyPage(page(badCh, "t3"), false).error().code, QString("bad_response"));
        QCOMPARE(m_store->pages().syncToken(), QString("t2"));
        QCOMPARE(m_store->reads().caseById("C-3")->record.etag, QString("\"1\""));
    }

    void removedOnServerWithPendingWorkIsKept()
    {
        QVERIFY(m_store->edits().addNote("C-1", "keep me").ok());
        auto changed = m_store->pages().applyPage(
            page({ removal("case", "C-1"), removal("case", "C-2") }, "t2"), false);
        QVERIFY(changed.ok());
        QCOMPARE(*changed, QStringList({ "C-1", "C-2" }));
        const auto c = m_store->reads().caseById("C-1");
        QVERIFY(c);
        QVERIFY(c->removedOnServer);
        QCOMPARE(m_store->reads().pendingCount(), 1);
        QVERIFY(!m_store->reads().caseById("C-2"));
        // Once its last pending work is settled, the case goes here too.
        uploadOnce([&](const QueuedAction &q) { return failed(q, "gone", "gone"); });
        QVERIFY(m_store->reads().caseById("C-1"));
        QVERIFY(m_store->edits().discardSyncIssue(m_store->reads().syncIssues().first().actionId).ok());
        QVERIFY(!m_store->reads().caseById("C-1"));
    }

    void historyArrivesByIncrementsAndGoesWithItsCase()
    {
        auto entry = [](const QString &id, const QString &caseId, const QString &at, const QString &text) {
            return upsert("history", id,
                QJsonObject { { "id", id }, { "caseId", caseId }, { "at", at }, { "by", "carol" },
                    { "deviceId", QJsonValue() }, { "clientTime", QJsonValue() }, { "action", "note" },
                    { "changes", QJsonObject() }, { "text", text } });
        };
        // A delta with one new entry: that entry, and its case announced as changed.
        auto changed = m_store->pages().applyPage(
            page({ entry("h10", "C-1", "2026-12-01T08:00:00.000Z", "Gate 4711") }, "t2"), false);
        QVERIFY(changed.ok());
        QCOMPARE(*changed, QStringList { "C-1" });
        changed
            = m_store->pages().applyPage(page({ entry("h11", "C-1", "2026-12-01T09:00:00.000Z", "Ladder"),
                                                  entry("h12", "C-2", "2026-12-01T09:00:00.000Z", "Dog") },
                                             "t3"),
                false);
        QVERIFY(changed.ok());
        QStringList texts;
        for (const HistoryRecord &h : m_store->reads().caseHistory("C-1"))
            texts << h.by + QLatin1Char(':') + h.text;
        QCOMPARE(texts, (QStringList { "carol:Gate 4711", "carol:Ladder" }));
        QCOMPARE(m_store->reads().historyCount(), 3);
        // An entry sent again (a page fetched twice) is the same entry, not a second one.
        QVERIFY(
            m_store->pages()
                .applyPage(page({ entry("h11", "C-1", "2026-12-01T09:00:00.000Z", "Ladder") }, "t3"), false)
                .ok());
        QCOMPARE(m_store->reads().historyCount(), 3);
        // A malformed case is a bad answer naming the field by its place in the page.
        auto malformed
            = m_store->pages().applyPage(page({ entry("h20", "C-1", "2026-12-01T10:00:00.000Z", "x"),
                                                  upsert("case", "C-9", QJsonObject { { "id", "C-9" } }) },
                                             "t4"),
                false);
        QVERIFY(!malformed.ok());
        QCOMPARE(malformed.error().code, QString("bad_response"));
        QVERIFY2(!malformed.error().fields.isEmpty()
                && malformed.error().fields.firstKey().startsWith(QStringLiteral("changes[1].data.")),
            qPrintable(malformed.error().fields.keys().join(QLatin1Char(' '))));
        QCOMPARE(m_store->reads().historyCount(), 3); // nothing of that page
        // An entry without its case or time is a bad answer, and nothing of the page is kept.
        auto bad = m_store->pages().applyPage(
            page({ entry("h13", "", "2026-12-01T09:00:00.000Z", "x") }, "t4"), false);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, QString("bad_response"));
        QCOMPARE(m_store->pages().syncToken(), QString("t3"));
        // A removed case takes its history with it.
        QVERIFY(m_store->pages().applyPage(page({ removal("case", "C-2") }, "t5"), false).ok());
        QVERIFY(m_store->reads().caseHistory("C-2").isEmpty());
        // A full sync keeps what it sent again and drops the rest.
        QVERIFY(m_store->pages().beginFullSync().ok());
        QVERIFY(m_store->pages()
                    .applyPage(page({ upsert("case", "C-1", caseJson("C-1", 1, baseFields())),
                                        entry("h11", "C-1", "2026-12-01T09:00:00.000Z", "Ladder") },
                                   "t9"),
                        true)
                    .ok());
        QVERIFY(m_store->pages().finishFullSync("t9").ok());
        QCOMPARE(m_store->reads().caseHistory("C-1").size(), 1);
        QCOMPARE(m_store->reads().historyCount(), 1);
    }

    void fullSyncKeepsTheQueueAndReappliesIt()
    {
        QVERIFY(m_store->edits().updateFields("C-1", { { "readingKw", 15 } }).ok());
        QVERIFY(m_store->edits().addNote("C-3", "pending on a case that goes").ok());
        auto tmp = m_store->edits().createCase(
            "inspection", { { "site", "S-002" }, { "visitDate", "2026-12-01" } });
        QVERIFY(tmp.ok());
        const QStringList before = [&] {
            QStringList ids;
            for (const OutboxEntry &e : m_store->reads().outbox())
                ids << e.actionId;
            return ids;
        }();

        QVERIFY(m_store->pages().beginFullSync().ok());
        QVERIFY(m_store->pages().fullSyncInProgress());
        QJsonArray p1 { upsert("caseType", "inspection", inspectionType()),
            upsert("dataPage", "sites/S-001", siteRow("S-001")),
            upsert("dataPage", "sites/S-002", siteRow("S-002")) };
        QVERIFY(m_store->pages().applyPage(page(p1, "cursor-1", true), true).ok());
        QCOMPARE(m_store->pages().fullSyncCursor(), QString("cursor-1"));
        QCOMPARE(m_store->pages().syncToken(), QString("t1")); // unchanged until the full sync ends
        QJsonArray p2 { upsert("case", "C-1", caseJson("C-1", 5, fieldsWith({ { "priority", "high" } }))),
            upsert("case", "C-4", caseJson("C-4", 1, baseFields())) };
        QVERIFY(m_store->pages().applyPage(page(p2, "t9"), true).ok());
        auto removed = m_store->pages().finishFullSync("t9");
        QVERIFY(removed.ok());
        QVERIFY(removed->contains("C-2"));
        QVERIFY(removed->contains("C-3"));
        QVERIFY(!m_store->pages().fullSyncInProgress());
        QCOMPARE(m_store->pages().syncToken(), QString("t9"));

        QVERIFY(!m_store->reads().caseById("C-2")); // not sent, no pending work: gone
        QVERIFY(m_store->reads().caseById("C-3")->removedOnServer); // not sent but has a note queued: kept
        QVERIFY(m_store->reads().caseById(*tmp)); // created here: kept
        QVERIFY(m_store->reads().caseById("C-4"));
        const auto c1 = m_store->reads().caseById("C-1");
        QCOMPARE(c1->record.fields.value("readingKw").toInt(), 15);
        QCOMPARE(c1->record.fields.value("priority").toString(), QString("high"));
        QVERIFY(!m_store->reads().hasDataPageRow("sites", "S-003"));
        QStringList after;
        for (const OutboxEntry &e : m_store->reads().outbox())
            after << e.actionId;
        QCOMPARE(after, before);
    }
};

QTEST_GUILESS_MAIN(TstStoreSync)
#include "tst_store_sync.moc"
