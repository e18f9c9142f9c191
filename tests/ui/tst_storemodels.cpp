// SPDX-License-Identifier: MIT
// The store-backed models on a real SQLite store: QAbstractItemModelTester on each, exact row
// notifications on local changes and on changes from the server, the worklist read off the GUI
// thread, the CaseFormHost and lookups over the store.
#include "keyedlistmodel.h"
#include "storecasehost.h"
#include "storelistmodels.h"
#include "storetestutil.h"
#include "translations.h"
#include "worklistfilterproxy.h"
#include "worklistmodel.h"
#include "worklistroles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace outpost;
using namespace outpost::client;
using namespace outpost::ui;
using namespace storetest;

class TestStoreModels : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;

    void loadWorklist(StoreWorklistModel &model)
    {
        QSignalSpy loaded(&model, &StoreWorklistModel::loaded);
        model.reload(true);
        QVERIFY(model.isLoading());
        QVERIFY(loaded.wait(10000));
    }

    void uploadOnce(const std::function<ActionResult(const QueuedAction &)> &answer)
    {
        const QList<QueuedAction> batch = m_store->upload().nextBatch();
        QStringList ids;
        for (const QueuedAction &q : batch)
            ids << q.action.id;
        QVERIFY(m_store->upload().markInflight(ids).ok());
        QList<ActionResult> results;
        for (const QueuedAction &q : batch)
            results << answer(q);
        QVERIFY(m_store->upload().applyResults(batch, results).ok());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        initResources(); // the proxy's badges
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = openStore(m_dir->filePath(QStringLiteral("alice@127.0.0.1_8470.sqlite")));
        QVERIFY(m_store);
        seed(*m_store);
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void worklistLoadsOffTheGuiThreadWithRoles()
    {
        StoreWorklistModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        loadWorklist(model);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(WorklistColumnCount));
        const int row = model.rowOf(QStringLiteral("C-2"));
        QVERIFY(row >= 0);
        const QModelIndex i = model.index(row, 0);
        QCOMPARE(i.data(CaseIdRole).toString(), QStringLiteral("C-2"));
        QCOMPARE(i.data(CaseTypeRole).toString(), QStringLiteral("inspection"));
        QCOMPARE(i.data(CaseTypeTitleRole).toString(), QStringLiteral("Site inspection"));
        QCOMPARE(i.data(StatusRole).toString(), QStringLiteral("New"));
        QCOMPARE(i.data(QueueRole).toString(), QStringLiteral("north"));
        QCOMPARE(i.data(AssigneeRole).toString(), QStringLiteral("alice"));
        QCOMPARE(i.data(TitleRole).toString(), QStringLiteral("Inspect C-2"));
        QVERIFY(i.data(UpdatedAtRole).toDateTime().isValid());
        QCOMPARE(i.data(PendingCountRole).toInt(), 0);
        QCOMPARE(i.data(HasConflictRole).toBool(), false);
        QCOMPARE(i.data(HasSyncIssueRole).toBool(), false);
        QVERIFY(i.data(SearchTextRole).toString().contains(QStringLiteral("S-001")));
        QCOMPARE(model.index(row, TitleColumn).data().toString(), QStringLiteral("Inspect C-2"));
        QCOMPARE(model.headerData(StatusColumn, Qt::Horizontal).toString(), QStringLiteral("Status"));
    }

    void worklistPlansMyWorkFirstByDueDate()
    {
        // Alice's cases by due date, then the queue's pool by due date; none last. The row shows
        // the assignment's due date, instructions and assignee, the case's priority and site label,
        // and the status in words.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto due = [&now](int days) { return now.addDays(days).toString(Qt::ISODate); };
        const auto assignment = [](const QString &caseId, const QString &assignee, const QString &dueAt,
                                    const QString &instructions) {
            const QString id = QStringLiteral("A-") + caseId;
            return upsert("assignment", id,
                QJsonObject { { "id", id }, { "caseId", caseId }, { "assignee", assignee },
                    { "queue", "north" }, { "dueAt", dueAt }, { "instructions", instructions } });
        };
        // C-3 and C-4 wait in the north pool (the server keeps case and assignment alike).
        QJsonObject pool = caseJson(QStringLiteral("C-4"), 1, baseFields(), QStringLiteral("InProgress"));
        pool.insert("assignee", "");
        QJsonObject pool3 = caseJson(QStringLiteral("C-3"), 2, baseFields());
        pool3.insert("assignee", "");
        QJsonObject high = baseFields();
        high.insert("priority", "high");
        high.insert("site", "S-003");
        const QJsonArray changes { upsert("case", "C-4", pool), upsert("case", "C-3", pool3),
            upsert("case", "C-1", caseJson("C-1", 2, high)),
            assignment("C-1", "alice", due(2), "Gate code 4711"),
            assignment("C-2", "alice", due(-1), QString()),
            assignment("C-3", "", due(-3), "Ask for the key") };
        const auto delta = m_store->pages().applyPage(page(changes, QStringLiteral("t2")), false);
        QVERIFY2(delta.ok(), qPrintable(delta.error().toString()));
        StoreWorklistModel model(m_store.get(), QStringLiteral("alice"));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        loadWorklist(model);
        const auto ids = [&model] {
            QStringList out;
            for (int r = 0; r < model.rowCount(); ++r)
                out << model.index(r, 0).data(CaseIdRole).toString();
            return out;
        };
        QCOMPARE(ids(), (QStringList { "C-2", "C-1", "C-3", "C-4" }));
        const QModelIndex c1 = model.index(1, 0);
        QCOMPARE(c1.data(IsMineRole).toBool(), true);
        QCOMPARE(c1.data(DueAtRole).toDateTime().toSecsSinceEpoch(), now.addDays(2).toSecsSinceEpoch());
        QCOMPARE(c1.data(InstructionsRole).toString(), QStringLiteral("Gate code 4711"));
        QCOMPARE(c1.data(PriorityRole).toString(), QStringLiteral("high"));
        QCOMPARE(c1.data(SiteRole).toString(), QStringLiteral("Site S-003"));
        QCOMPARE(model.index(1, PriorityColumn).data().toString(), QStringLiteral("High"));
        QCOMPARE(model.index(1, SiteColumn).data().toString(), QStringLiteral("Site S-003"));
        const QModelIndex c3 = model.index(2, 0);
        QCOMPARE(c3.data(IsMineRole).toBool(), false);
        QCOMPARE(c3.data(AssigneeRole).toString(), QString());
        QCOMPARE(model.index(2, AssignedColumn).data().toString(), QStringLiteral("north pool"));
        QCOMPARE(model.index(3, StatusColumn).data().toString(), QStringLiteral("In progress"));
        QCOMPARE(model.index(3, 0).data(StatusLabelRole).toString(), QStringLiteral("In progress"));
        QVERIFY(!model.index(3, 0).data(DueAtRole).toDateTime().isValid());

        // The server moves C-1's due date before C-2's: the row moves up, nothing else is notified.
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const auto again = m_store->pages().applyPage(
            page(QJsonArray { assignment("C-1", "alice", due(-2), "Gate code 4711") }, QStringLiteral("t3")),
            false);
        QVERIFY2(again.ok(), qPrintable(again.error().toString()));
        QCOMPARE(again.value(), QStringList { QStringLiteral("C-1") });
        model.refreshCases(again.value());
        QCOMPARE(moved.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(ids(), (QStringList { "C-1", "C-2", "C-3", "C-4" }));

        // A local edit of the priority shows at once (the list's columns follow the local view).
        QVERIFY(m_store->edits().updateFields(QStringLiteral("C-2"), { { "priority", "low" } }).ok());
        model.refreshCase(QStringLiteral("C-2"));
        QCOMPARE(model.index(model.rowOf("C-2"), 0).data(PriorityRole).toString(), QStringLiteral("low"));
    }

    void worklistRefreshesExactlyTheChangedRows()
    {
        StoreWorklistModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        loadWorklist(model);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // A local save: one row changes, it shows one pending change.
        QVERIFY(m_store->edits().updateFields(QStringLiteral("C-2"), { { "priority", "high" } }).ok());
        model.refreshCase(QStringLiteral("C-2"));
        QCOMPARE(changed.size(), 1);
        const int row = model.rowOf(QStringLiteral("C-2"));
        QCOMPARE(changed.first().at(0).toModelIndex().row(), row);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), row);
        QCOMPARE(model.index(row, 0).data(PendingCountRole).toInt(), 1);

        // Unchanged cases give no notification.
        model.refreshCases({ QStringLiteral("C-1"), QStringLiteral("C-3") });
        QCOMPARE(changed.size(), 1);

        // A case created offline is inserted at the top (no due date on any, the newest first).
        const auto tmp = m_store->edits().createCase(QStringLiteral("inspection"),
            { { "site", "S-002" }, { "visitDate", "2026-12-01" } }, QStringLiteral("Pump"));
        QVERIFY(tmp.ok());
        model.refreshCase(tmp.value());
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(0, 0).data(CaseIdRole).toString(), tmp.value());

        // The server removes a case: its row goes.
        const auto delta
            = m_store->pages().applyPage(page({ removal("case", "C-3") }, QStringLiteral("t2")), false);
        QVERIFY(delta.ok());
        model.refreshCases(delta.value());
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOf(QStringLiteral("C-3")), -1);

        // The server maps the temp id: the row stays, under the server id, and takes its place in the
        // plan order with the server's update time (no due dates here: newest first, then by id).
        uploadOnce([&](const QueuedAction &q) {
            if (q.action.type == ActionType::Create)
                return applied(q,
                    caseJson(
                        QStringLiteral("C-100"), 1, { { "site", "S-002" }, { "visitDate", "2026-12-01" } }),
                    { { tmp.value(), QStringLiteral("C-100") } });
            return applied(q,
                caseJson(q.action.caseId, 2,
                    { { "site", "S-001" }, { "visitDate", "2026-11-30" }, { "priority", "high" },
                        { "readingKw", 12 } }));
        });
        model.refreshCases({ QStringLiteral("C-100"), QStringLiteral("C-2") });
        QCOMPARE(model.rowOf(tmp.value()), -1);
        QCOMPARE(model.rowOf(QStringLiteral("C-1")), 0);
        QCOMPARE(model.rowOf(QStringLiteral("C-100")), 1);
        QCOMPARE(model.index(model.rowOf(QStringLiteral("C-2")), 0).data(PendingCountRole).toInt(), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(reset.size(), 0);
    }

    void worklistSortsItselfAndKeepsItsOrder()
    {
        // Sorted by the technician: reloads come sorted from the worker, a new case and a case whose
        // sort value changed go to their place (exact row notifications, no reset).
        StoreWorklistModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        loadWorklist(model);
        QVERIFY(model.headerData(0, Qt::Horizontal, SortsItselfRole).toBool());
        const auto ids = [&model] {
            QStringList out;
            for (int r = 0; r < model.rowCount(); ++r)
                out << model.index(r, 0).data(CaseIdRole).toString();
            return out;
        };
        const QPersistentModelIndex c1 = model.index(model.rowOf(QStringLiteral("C-1")), 0);
        model.sort(IdColumn, Qt::DescendingOrder);
        QCOMPARE(ids(), (QStringList { "C-3", "C-2", "C-1" }));
        QCOMPARE(c1.row(), 2); // selections follow their case
        loadWorklist(model);
        QCOMPARE(ids(), (QStringList { "C-3", "C-2", "C-1" }));

        model.sort(IdColumn, Qt::AscendingOrder);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const auto tmp = m_store->edits().createCase(QStringLiteral("inspection"),
            { { "site", "S-002" }, { "visitDate", "2026-12-01" } }, QStringLiteral("Pump"));
        QVERIFY(tmp.ok());
        model.refreshCase(tmp.value());
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 3); // "tmp-…" after "C-3", not at the top
        QCOMPARE(model.rowOf(tmp.value()), 3);

        // By status: the server moves C-3 on to "Assigned", which sorts before "New".
        model.sort(StatusColumn, Qt::AscendingOrder);
        const QStringList before = ids();
        const auto delta = m_store->pages().applyPage(
            page({ upsert("case", "C-3",
                     caseJson(QStringLiteral("C-3"), 2, baseFields(), QStringLiteral("Assigned"))) },
                QStringLiteral("t2")),
            false);
        QVERIFY(delta.ok());
        model.refreshCases(delta.value());
        QCOMPARE(moved.size(), 1);
        QCOMPARE(model.rowOf(QStringLiteral("C-3")), 0);
        QStringList rest = before;
        rest.removeAll(QStringLiteral("C-3"));
        QCOMPARE(ids().mid(1), rest); // the others keep their order
        QCOMPARE(reset.size(), 0);

        // The view's proxy passes the sort on and keeps the model's order; its search matches the
        // case-folded keys the model built.
        WorklistFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(TitleColumn, Qt::DescendingOrder);
        QCOMPARE(model.sortOrder(), (WorklistSort { TitleColumn, Qt::DescendingOrder }));
        QCOMPARE(proxy.sortColumn(), -1);
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(proxy.index(r, 0).data(CaseIdRole), model.index(r, 0).data(CaseIdRole));
        QCOMPARE(model.index(model.rowOf(QStringLiteral("C-2")), 0).data(SearchKeyRole).toString(),
            QStringLiteral("c-2\ninspect c-2"));
        proxy.setSearchText(QStringLiteral("INSPECT c-2"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(CaseIdRole).toString(), QStringLiteral("C-2"));
        proxy.setSearchText(QStringLiteral("s-00")); // a field value, in the search text's key
        QVERIFY(proxy.rowCount() >= 3);
        proxy.setSearchText(QStringLiteral("C-2\nInspect")); // never across the id and the title
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setSearchText(QString());

        // No sort: the store's order again (most recently updated first).
        model.sort(-1);
        QCOMPARE(model.rowOf(tmp.value()), 0);
    }

    void worklistReloadsInTheBackgroundForLargeChanges()
    {
        StoreWorklistModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        loadWorklist(model);
        QStringList many;
        for (int i = 0; i <= StoreWorklistModel::MaxRowRefresh; ++i)
            many << QStringLiteral("C-%1").arg(i);
        QSignalSpy loaded(&model, &StoreWorklistModel::loaded);
        model.refreshCases(many);
        QVERIFY(model.isLoading());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(model.rowCount(), 3);
    }

    void worklistShowsRowsFirstThenAddsSearchTexts()
    {
        // The session's first load: the rows without their search texts, which follow in the
        // background (one dataChanged for SearchTextRole and its key) so that the list shows sooner.
        StoreWorklistModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(loadCaseRowsWithoutSearchText(m_store->path(), QString()));
        QCOMPARE(model.rowCount(), 3);
        const int row = model.rowOf(QStringLiteral("C-2"));
        QVERIFY(row >= 0);
        QVERIFY(model.index(row, 0).data(SearchTextRole).toString().isEmpty());
        QCOMPARE(model.index(row, 0).data(TitleRole).toString(), QStringLiteral("Inspect C-2"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.loadSearchTexts();
        QVERIFY(model.isLoading());
        QVERIFY(changed.wait(10000));
        QCOMPARE(
            changed.first().at(2).value<QList<int>>(), (QList<int> { SearchTextRole, SearchTextKeyRole }));
        QVERIFY(model.index(row, 0).data(SearchTextRole).toString().contains(QStringLiteral("S-001")));
        QVERIFY(!model.isLoading());
    }

    void worklistOffersItsFilterChoices()
    {
        // Collected with the rows off the GUI thread, so that the view need not visit every row.
        StoreWorklistModel model(m_store.get());
        loadWorklist(model);
        QVariantMap c = model.headerData(0, Qt::Horizontal, FilterChoicesRole).toMap();
        QCOMPARE(c.value(QStringLiteral("status")).toMap().keys(), QStringList { QStringLiteral("New") });
        QCOMPARE(c.value(QStringLiteral("type")).toMap().value(QStringLiteral("inspection")).toString(),
            QStringLiteral("Site inspection"));
        QCOMPARE(c.value(QStringLiteral("queue")).toMap().keys(), QStringList { QStringLiteral("north") });
        QVERIFY(m_store->edits().runFlowAction(QStringLiteral("C-1"), QStringLiteral("start")).ok());
        model.refreshCase(QStringLiteral("C-1"));
        c = model.headerData(0, Qt::Horizontal, FilterChoicesRole).toMap();
        QCOMPARE(c.value(QStringLiteral("status")).toMap().keys(),
            (QStringList { QStringLiteral("InProgress"), QStringLiteral("New") }));
    }

    void bigWorklistIsReadInTwoPartsWithEveryRowOnce()
    {
        // From 4,000 cases on, the worklist is read in two halves at once (two connections): every
        // case once, in the plan's order, with the choices of both halves.
        QJsonArray changes;
        for (int i = 0; i < 4200; ++i) {
            QJsonObject c = caseJson(QStringLiteral("C-%1").arg(1000 + i), 1, baseFields(),
                i % 2 ? QStringLiteral("InProgress") : QStringLiteral("New"));
            if (i == 4199)
                c.insert(QStringLiteral("queue"), QStringLiteral("south")); // only in the second half
            changes.append(upsert("case", c.value(QStringLiteral("id")).toString(), c));
        }
        QVERIFY(m_store->pages().applyPage(page(changes, QStringLiteral("t-big")), false).ok());
        const int all = m_store->reads().status().cases;
        QVERIFY(all >= 4200);
        const CaseRowsLoad load = loadCaseRows(m_store->path(), false, {}, QStringLiteral("alice"));
        QVERIFY(load.ok());
        QCOMPARE(load.rows.size(), all);
        QCOMPARE(load.index.size(), all); // no case twice
        QVERIFY(load.index.contains(QStringLiteral("C-1000")));
        QVERIFY(load.index.contains(QStringLiteral("C-5199")));
        for (int i = 1; i < load.rows.size(); ++i)
            QVERIFY(!sortsBefore(load.rows.at(i), load.rows.at(i - 1), load.sort));
        QVERIFY(load.choices.queues.contains(QStringLiteral("south")));
        QVERIFY(load.choices.statuses.contains(QStringLiteral("InProgress")));
    }

    void worklistLoadFailureIsReported()
    {
        // The loader's own connection meets a file that is not a store: an error, no rows.
        QFile f(m_dir->filePath(QStringLiteral("garbage.sqlite")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
        f.close();
        const CaseRowsLoad load = loadCaseRows(f.fileName(), true, {}, QString());
        QVERIFY(!load.ok());
        QVERIFY(!load.error.message.isEmpty());
        QVERIFY(load.rows.isEmpty());
    }

    void outboxReportsExactRows()
    {
        OutboxModel model(&m_store->reads());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh();
        QCOMPARE(model.rowCount(), 0);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(m_store->edits().updateFields(QStringLiteral("C-1"), { { "readingKw", 15 } }).ok());
        QVERIFY(m_store->edits().updateFields(QStringLiteral("C-2"), { { "priority", "low" } }).ok());
        model.refresh();
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY2(model.index(0).data().toString().contains(QStringLiteral("C-1")),
            qPrintable(model.index(0).data().toString()));
        QVERIFY(model.index(0).data().toString().contains(QStringLiteral("15")));
        const OutboxEntry first = model.index(0).data(KeyedListModel::ValueRole).value<OutboxEntry>();
        QCOMPARE(first.caseId, QStringLiteral("C-1"));

        QVERIFY(m_store->edits().holdAction(first.actionId).ok());
        model.refresh();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
        QVERIFY(model.index(0).data().toString().contains(QStringLiteral("on hold")));

        QVERIFY(m_store->edits().discardAction(first.actionId).ok());
        model.refresh();
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.index(0).data().toString().contains(QStringLiteral("C-2")));
        QCOMPARE(reset.size(), 0);
    }

    void conflictsAndSyncIssues()
    {
        ConflictsListModel conflicts(&m_store->reads());
        SyncIssuesModel issues(&m_store->reads());
        QAbstractItemModelTester t1(&conflicts, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&issues, QAbstractItemModelTester::FailureReportingMode::QtTest);
        conflicts.refresh();
        issues.refresh();
        QCOMPARE(conflicts.rowCount(), 0);
        QCOMPARE(issues.rowCount(), 0);

        QVERIFY(m_store->edits().updateFields(QStringLiteral("C-1"), { { "priority", "high" } }).ok());
        QVERIFY(m_store->edits().updateFields(QStringLiteral("C-2"), { { "readingKw", 999999 } }).ok()
            == false); // out of range
        QVERIFY(m_store->edits().updateFields(QStringLiteral("C-2"), { { "readingKw", 99 } }).ok());
        QJsonObject theirs = baseFields();
        theirs.insert(QStringLiteral("priority"), QStringLiteral("low"));
        uploadOnce([&](const QueuedAction &q) {
            if (q.action.caseId == QLatin1String("C-1"))
                return conflictResult(q, caseJson(QStringLiteral("C-1"), 2, theirs));
            return failed(q, "rejected");
        });
        QSignalSpy cIns(&conflicts, &QAbstractItemModel::rowsInserted);
        QSignalSpy iIns(&issues, &QAbstractItemModel::rowsInserted);
        conflicts.refresh();
        issues.refresh();
        QCOMPARE(cIns.size(), 1);
        QCOMPARE(iIns.size(), 1);
        QVERIFY(conflicts.index(0).data().toString().contains(QStringLiteral("Priority")));
        const auto entries
            = conflicts.index(0).data(KeyedListModel::ValueRole).value<QList<client::ConflictEntry>>();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().theirs.toString(), QStringLiteral("low"));
        QVERIFY2(issues.index(0).data().toString().contains(QStringLiteral("Too high")),
            qPrintable(issues.index(0).data().toString()));

        QSignalSpy cRem(&conflicts, &QAbstractItemModel::rowsRemoved);
        QSignalSpy iRem(&issues, &QAbstractItemModel::rowsRemoved);
        QVERIFY(m_store->edits()
                    .resolveConflict(QStringLiteral("C-1"),
                        { { QStringLiteral("priority"), QJsonValue(QStringLiteral("high")) } })
                    .ok());
        const SyncIssue issue = issues.index(0).data(KeyedListModel::ValueRole).value<SyncIssue>();
        QVERIFY(m_store->edits().discardSyncIssue(issue.actionId).ok());
        conflicts.refresh();
        issues.refresh();
        QCOMPARE(cRem.size(), 1);
        QCOMPARE(iRem.size(), 1);
    }

    void eventLogNewestFirst()
    {
        EventLogModel model(&m_store->reads());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh();
        const int before = model.rowCount();
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        m_store->logEvent(EventLevel::Warning, QStringLiteral("test"), QStringLiteral("the pump hums"));
        model.refresh();
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), before + 1);
        QVERIFY(model.index(0).data().toString().contains(QStringLiteral("the pump hums")));
    }

    void caseHostSavesThroughTheStore()
    {
        StoreCaseHost host(m_store.get());
        QSignalSpy local(&host, &StoreCaseHost::localChangeMade);
        const auto rec = host.caseRecord(QStringLiteral("C-1"));
        QVERIFY(rec.ok());
        QCOMPARE(rec->title, QStringLiteral("Inspect C-1"));
        QVERIFY(!host.caseRecord(QStringLiteral("C-404")).ok());
        QVERIFY(host.caseType(QStringLiteral("inspection")).ok());
        QCOMPARE(host.caseTypes().size(), 1);

        // A field error: nothing queued, no change signalled.
        const Status bad = host.saveFields(QStringLiteral("C-1"), rec->etag, { { "readingKw", -5 } });
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().fields.contains(QStringLiteral("readingKw")));
        QCOMPARE(m_store->reads().pendingCount(), 0);
        QCOMPARE(local.size(), 0);

        QVERIFY(host.saveFields(QStringLiteral("C-1"), rec->etag, { { "readingKw", 15 } }).ok());
        QCOMPARE(local.size(), 1);
        QCOMPARE(local.last().at(0).toString(), QStringLiteral("C-1"));
        QVERIFY(host.runFlowAction(QStringLiteral("C-1"), rec->etag, QStringLiteral("start"), {}).ok());
        QCOMPARE(host.caseRecord(QStringLiteral("C-1"))->status, QStringLiteral("InProgress"));
        const auto created = host.createCase(
            QStringLiteral("inspection"), { { "site", "S-003" }, { "visitDate", "2026-12-02" } });
        QVERIFY(created.ok());
        QVERIFY(created->startsWith(QStringLiteral("tmp-")));
        QCOMPARE(local.size(), 3);
        QCOMPARE(m_store->reads().pendingCount(), 3);
    }

    void lookupsOverDataPages()
    {
        StoreCaseHost host(m_store.get());
        const LookupSource *l = host.lookupSource();
        QVERIFY(l->contains(QStringLiteral("sites"), QStringLiteral("S-003")));
        QVERIFY(!l->contains(QStringLiteral("sites"), QStringLiteral("S-999")));
        QCOMPARE(l->label(QStringLiteral("sites"), QStringLiteral("S-003")), QStringLiteral("Site S-003"));
        QCOMPARE(l->search(QStringLiteral("sites"), {}, 10).size(), 5);
        QCOMPARE(l->search(QStringLiteral("sites"), QStringLiteral("S-00"), 3).size(), 3);
        const auto byLabel = l->search(QStringLiteral("sites"), QStringLiteral("site s-004"), 10);
        QCOMPARE(byLabel.size(), 1);
        QCOMPARE(byLabel.first().key, QStringLiteral("S-004"));
    }
};

QTEST_MAIN(TestStoreModels)
#include "tst_storemodels.moc"
