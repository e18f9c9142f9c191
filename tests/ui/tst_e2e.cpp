// SPDX-License-Identifier: MIT
// The desktop app end to end: a real outpostd (demo data), the real store, the real keyring, real
// widgets. Sign in through the dialog, work a case, sync, see the server's changes; conflicts,
// the outbox and sync issues. Notes, history, attachments, new cases, the lock screen and a
// damaged store are in tst_e2e_casefiles.cpp.
#include "e2efixture.h"

using namespace outpost;
using namespace outpost::testing;
using namespace outpost::ui;

class TestUiE2e : public QObject, protected E2eFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { startEnv(); }
    void cleanupTestCase() { stopEnv(); }

    void signInThroughTheDialog()
    {
        SignInDialog dlg;
        m_session->attachSignInDialog(&dlg);
        dlg.setServer(m_env.server->baseUrl().toString());
        dlg.show();

        // A wrong password: the dialog says so and nothing starts.
        fillAndSubmit(dlg, QStringLiteral("alice"), QStringLiteral("wrong"));
        QTRY_VERIFY_WITH_TIMEOUT(!dlg.messageText().isEmpty()
                && dlg.findChild<QPushButton *>(QStringLiteral("signInButton"))->isEnabled(),
            30000);
        QVERIFY(!m_session->isActive());
        QVERIFY(dlg.isVisible());

        QSignalSpy started(m_session.get(), &AppSession::started);
        QSignalSpy accepted(&dlg, &QDialog::accepted);
        fillAndSubmit(dlg, QStringLiteral("alice"), QStringLiteral("alice"));
        QVERIFY2(started.wait(30000) || !started.isEmpty(), qPrintable(dlg.messageText()));
        QCOMPARE(started.first().at(0).toString(), QStringLiteral("alice"));
        QCOMPARE(accepted.size(), 1);
        QVERIFY(m_session->isActive());
        QVERIFY(!m_session->signedInOffline());
        QVERIFY(m_session->store()->path().startsWith(m_env.profile->path()));
    }

    void worklistShowsHerCases()
    {
        QVERIFY(m_session->isActive());
        StoreWorklistModel *model = m_session->worklistModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_env.window->show();
        // The first sync downloads her scope; the worklist follows.
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading()
                && m_session->controller()->state() == sync::SyncState::Online,
            60000);
        QCOMPARE(m_env.window->worklist()->table()->model()->rowCount() > 0, true);
        int mine = 0;
        for (int r = 0; r < model->rowCount(); ++r) {
            const QString assignee = model->index(r, 0).data(AssigneeRole).toString();
            QVERIFY2(assignee.isEmpty() || assignee == QLatin1String("alice"), qPrintable(assignee));
            mine += assignee == QLatin1String("alice");
        }
        QVERIFY(mine > 0);
        QVERIFY(!pickCase().isEmpty());
        // The case types came with the first sync: "New case" offers them.
        QTRY_VERIFY(m_env.window->newCaseAction()->isEnabled());
        QVERIFY(m_env.window->newCaseAction()->menu()->actions().size() >= 3);
    }

    void editSaveSyncReachesTheServer()
    {
        const QString id = pickCase();
        QVERIFY(!id.isEmpty());
        m_env.window->openCase(id);
        CaseView *view = m_env.window->caseView();
        QCOMPARE(view->caseId(), id);
        QVERIFY(view->form());
        auto *summary = view->form()->editorWidget(QStringLiteral("summary"));
        QVERIFY(summary);
        const QString text
            = QStringLiteral("Checked by the UI test ") + QUuid::createUuid().toString(QUuid::Id128);
        // Typed as a technician would: select what is there, type over it.
        QTest::keyClick(summary, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(summary, text);
        QVERIFY(view->form()->isDirty());
        QVERIFY(view->saveButton()->isEnabled());
        QTest::mouseClick(view->saveButton(), Qt::LeftButton);
        QVERIFY2(!view->form()->isDirty(), qPrintable(view->messageText()));

        // The row shows the pending change at once; the status bar counts it.
        QCOMPARE(pendingOf(id), 1);
        QCOMPARE(m_session->store()->reads().pendingCount(), 1);
        QCOMPARE(m_session->outboxModel()->rowCount(), 1);

        // Sync now: the change goes up, the badge goes.
        QSignalSpy cycle(m_session->controller(), &sync::SyncController::cycleFinished);
        Q_EMIT m_env.window->syncNowRequested();
        QCOMPARE(
            m_env.window->statusBar()->currentMessage(), QStringLiteral("Syncing…")); // it answers at once
        QTRY_COMPARE_WITH_TIMEOUT(pendingOf(id), 0, 30000);
        // ...and says how it ended.
        QTRY_COMPARE_WITH_TIMEOUT(m_env.window->statusBar()->currentMessage(),
            QStringLiteral("Synced: everything is sent and up to date."), 30000);
        // There is room to read it beside the sync status.
        QVERIFY(m_env.window->syncStatus()->x() >= m_env.window->statusBar()->fontMetrics().horizontalAdvance(
                    m_env.window->statusBar()->currentMessage()));
        QTRY_COMPARE_WITH_TIMEOUT(m_session->outboxModel()->rowCount(), 0, 10000);
        QCOMPARE(m_session->store()->reads().pendingCount(), 0);
        // The form no longer promises what has happened: it says so.
        QTRY_COMPARE(view->messageText(), QStringLiteral("Saved and sent."));

        auto c = carol();
        const HttpReply r = c->get(QStringLiteral("/api/v1/cases/") + id);
        QCOMPARE(r.status, 200);
        QCOMPARE(
            r.json().value(QStringLiteral("fields")).toObject().value(QStringLiteral("summary")).toString(),
            text);
    }

    void fieldErrorShownAndNothingQueued()
    {
        const QString id = m_env.window->caseView()->caseId();
        QVERIFY(!id.isEmpty());
        CaseView *view = m_env.window->caseView();
        QWidget *permit = view->form()->editorWidget(QStringLiteral("permitNo"));
        QVERIFY(permit);
        QTest::keyClick(permit, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(permit, QStringLiteral("bad"));
        QVERIFY(!view->form()->isValid());
        QVERIFY(!view->save());
        QVERIFY(!view->form()->shownError(QStringLiteral("permitNo")).isEmpty());
        QCOMPARE(m_session->store()->reads().pendingCount(), 0);
        QCOMPARE(pendingOf(id), 0);
        QCOMPARE(m_session->outboxModel()->rowCount(), 0);
        // Back to the saved values (nothing unsaved for the next test).
        view->openCase(id);
        QVERIFY(!view->form()->isDirty());
    }

    void serverUpdateRefreshesTheOpenCase()
    {
        CaseView *view = m_env.window->caseView();
        const QString id = view->caseId();
        QVERIFY(!id.isEmpty());
        QVERIFY(!view->form()->isDirty());

        const QString text
            = QStringLiteral("Changed at the office ") + QUuid::createUuid().toString(QUuid::Id128);
        QCOMPARE(
            officeAction(id, { { "type", "update" }, { "fields", QJsonObject { { "summary", text } } } }),
            QStringLiteral("applied"));

        QSignalSpy changed(m_session->controller(), &sync::SyncController::casesChanged);
        Q_EMIT m_env.window->syncNowRequested();
        QTRY_COMPARE_WITH_TIMEOUT(
            view->form()->baseFields().value(QStringLiteral("summary")).toString(), text, 30000);
        QVERIFY(!view->form()->isDirty());
        QVERIFY(!changed.isEmpty());
        const int row = m_session->worklistModel()->rowOf(id);
        QVERIFY(row >= 0);
        QVERIFY(m_session->worklistModel()->index(row, 0).data(SearchTextRole).toString().contains(text));
    }

    void outboxHoldReleaseDiscard()
    {
        CaseView *view = m_env.window->caseView();
        const QString id = view->caseId();
        QVERIFY(!id.isEmpty());
        const QString before = view->form()->baseFields().value(QStringLiteral("summary")).toString();
        QWidget *summary = view->form()->editorWidget(QStringLiteral("summary"));
        QTest::keyClick(summary, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(summary, QStringLiteral("to be discarded"));
        QVERIFY(view->save());
        QCOMPARE(m_session->outboxModel()->rowCount(), 1);
        QCOMPARE(pendingOf(id), 1);

        QListView *list = m_env.window->listView(MainWindow::OutboxTab);
        const auto action = [list](const char *name) {
            for (QAction *a : list->actions())
                if (a->objectName() == QLatin1String(name))
                    return a;
            return static_cast<QAction *>(nullptr);
        };
        QVERIFY(action("outboxHold") && action("outboxRelease") && action("outboxDiscard"));
        m_env.window->tabs()->setCurrentIndex(MainWindow::OutboxTab);
        list->setCurrentIndex(list->model()->index(0, 0));
        action("outboxHold")->trigger();
        QVERIFY(list->model()->index(0, 0).data().toString().contains(QStringLiteral("on hold")));
        action("outboxRelease")->trigger();
        QVERIFY(!list->model()->index(0, 0).data().toString().contains(QStringLiteral("on hold")));

        // Discard asks first; "No" keeps the change.
        list->setCurrentIndex(list->model()->index(0, 0));
        action("outboxDiscard")->trigger();
        auto *box = m_env.window->findChild<QMessageBox *>(QStringLiteral("confirmDiscard"));
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        box->button(QMessageBox::No)->click();
        QCOMPARE(m_session->outboxModel()->rowCount(), 1);
        QTRY_VERIFY(!m_env.window->findChild<QMessageBox *>(QStringLiteral("confirmDiscard")));

        list->setCurrentIndex(list->model()->index(0, 0));
        action("outboxDiscard")->trigger();
        box = m_env.window->findChild<QMessageBox *>(QStringLiteral("confirmDiscard"));
        QVERIFY(box);
        box->button(QMessageBox::Yes)->click();
        QCOMPARE(m_session->outboxModel()->rowCount(), 0);
        QCOMPARE(pendingOf(id), 0);
        QCOMPARE(m_session->store()
                     ->reads()
                     .caseById(id)
                     ->record.fields.value(QStringLiteral("summary"))
                     .toString(),
            before);
    }

    void conflictResolvedThroughTheDialog()
    {
        CaseView *view = m_env.window->caseView();
        const QString id = view->caseId();
        QVERIFY(!id.isEmpty());
        QVERIFY(!view->form()->isDirty());
        const QStringList values { QStringLiteral("low"), QStringLiteral("normal"), QStringLiteral("high") };
        const QString base = view->form()->baseFields().value(QStringLiteral("priority")).toString();

        // Alice changes the priority here (queued, not sent yet)...
        QWidget *combo = view->form()->editorWidget(QStringLiteral("priority"));
        QVERIFY(combo);
        combo->setFocus();
        QTest::keyClick(combo, base == QLatin1String("high") ? Qt::Key_Up : Qt::Key_Down);
        const QString mine = view->form()->currentFields().value(QStringLiteral("priority")).toString();
        QVERIFY2(values.contains(mine) && mine != base, qPrintable(mine));
        QVERIFY(view->save());
        QCOMPARE(pendingOf(id), 1);
        QVERIFY(
            view->form()->fieldMarkText(QStringLiteral("priority")).contains(QStringLiteral("not sent yet")));
        QVERIFY(view->form()->fieldMarkText(QStringLiteral("summary")).isEmpty());

        // ...while the office sets it to a third value on the server.
        QString theirs;
        for (const QString &v : values)
            if (v != base && v != mine)
                theirs = v;
        QCOMPARE(
            officeAction(id, { { "type", "update" }, { "fields", QJsonObject { { "priority", theirs } } } }),
            QStringLiteral("applied"));

        // Sync: changed on both sides, so the technician decides; the row shows the conflict badge.
        Q_EMIT m_env.window->syncNowRequested();
        QTRY_COMPARE_WITH_TIMEOUT(m_session->conflictsModel()->rowCount(), 1, 30000);
        QTRY_VERIFY(m_session->worklistModel()
                        ->index(m_session->worklistModel()->rowOf(id), 0)
                        .data(HasConflictRole)
                        .toBool());
        // The open case says so on the form, beside the field, with both values and a way out;
        // it no longer claims the change is simply sent with the next sync.
        QTRY_VERIFY(!view->conflictBar()->isHidden());
        const QString mark = view->form()->fieldMarkText(QStringLiteral("priority"));
        QVERIFY2(mark.startsWith(QStringLiteral("Conflict")), qPrintable(mark));
        QVERIFY(!view->messageText().contains(QStringLiteral("sent with the next sync")));

        QListView *list = m_env.window->listView(MainWindow::ConflictsTab);
        m_env.window->tabs()->setCurrentIndex(MainWindow::ConflictsTab);
        list->setCurrentIndex(list->model()->index(0, 0));
        QAction *resolve = nullptr;
        for (QAction *a : list->actions())
            if (a->objectName() == QLatin1String("conflictResolve"))
                resolve = a;
        QVERIFY(resolve);
        resolve->trigger();
        auto *dlg = m_env.window->findChild<ConflictDialog *>();
        QVERIFY(dlg);
        QTRY_VERIFY(dlg->isVisible());
        QCOMPARE(dlg->model()->rowCount(), 1);
        QVERIFY(!dlg->resolveButton()->isEnabled()); // nothing chosen yet
        dlg->model()->chooseAll(ConflictModel::Side::Mine);
        QVERIFY(dlg->resolveButton()->isEnabled());
        QTest::mouseClick(dlg->resolveButton(), Qt::LeftButton);
        QCOMPARE(m_session->conflictsModel()->rowCount(), 0);
        QCOMPARE(m_session->store()->reads().conflictCount(), 0);
        QVERIFY(m_session->outboxModel()->rowCount() >= 1);
        QTRY_VERIFY(view->conflictBar()->isHidden());
        QVERIFY(
            view->form()->fieldMarkText(QStringLiteral("priority")).contains(QStringLiteral("not sent yet")));

        Q_EMIT m_env.window->syncNowRequested();
        QTRY_COMPARE_WITH_TIMEOUT(m_session->store()->reads().pendingCount(), 0, 30000);
        QTRY_COMPARE(pendingOf(id), 0);
        auto c = carol();
        const HttpReply after = c->get(QStringLiteral("/api/v1/cases/") + id);
        QCOMPARE(after.json()
                     .value(QStringLiteral("fields"))
                     .toObject()
                     .value(QStringLiteral("priority"))
                     .toString(),
            mine);
    }

    void completedCaseSaysDoneAndSent()
    {
        // Alice starts work on a case and completes it; the server takes the case out of her scope.
        const QString id = pickCase(m_env.window->caseView()->caseId());
        QVERIFY(!id.isEmpty());
        WorklistView *list = m_env.window->worklist();
        m_env.window->openCase(id);
        const QModelIndex at = list->proxy()->mapFromSource(
            m_session->worklistModel()->index(m_session->worklistModel()->rowOf(id), 0));
        list->table()->setCurrentIndex(at);
        CaseView *view = m_env.window->caseView();
        QCOMPARE(view->caseId(), id);
        if (view->flowBar()->button(QStringLiteral("start"))->isEnabled())
            QTest::mouseClick(view->flowBar()->button(QStringLiteral("start")), Qt::LeftButton);
        view->form()->setEdits({ { "readingKw", 12.5 }, { "passed", true } });
        QPushButton *complete = view->flowBar()->button(QStringLiteral("complete"));
        QTRY_VERIFY(complete->isEnabled());
        QTest::mouseClick(complete, Qt::LeftButton);
        QVERIFY(view->messageText().contains(QStringLiteral("sent with the next sync")));

        Q_EMIT m_env.window->syncNowRequested();
        QTRY_VERIFY_WITH_TIMEOUT(view->isGone(), 30000);
        // Success reads as success, and the pane stays on the completed case with nothing to press.
        QVERIFY2(
            view->messageText().contains(QStringLiteral("done and sent")), qPrintable(view->messageText()));
        QVERIFY(!view->messageText().contains(QStringLiteral("no longer available")));
        QCOMPARE(view->caseId(), id);
        QVERIFY(view->flowBar()->isHidden());
        QVERIFY(!view->saveButton()->isEnabled());
        // No other row is selected in its place while the completed case is on screen.
        QTRY_COMPARE(m_session->worklistModel()->rowOf(id), -1);
        QTRY_VERIFY(list->currentCaseId().isEmpty());
    }

    void syncIssueDiscardedFromItsTab()
    {
        // Alice edits a case the office withdraws meanwhile: her change comes back "gone".
        const QString id = pickCase(m_env.window->caseView()->caseId());
        QVERIFY(!id.isEmpty());
        m_env.window->openCase(id);
        CaseView *view = m_env.window->caseView();
        QCOMPARE(view->caseId(), id);
        QWidget *summary = view->form()->editorWidget(QStringLiteral("summary"));
        QTest::keyClick(summary, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(summary, QStringLiteral("too late"));
        QVERIFY(view->save());
        QCOMPARE(pendingOf(id), 1);

        QCOMPARE(officeAction(id,
                     { { "type", "transition" }, { "flowAction", "withdraw" }, { "fields", QJsonObject() } }),
            QStringLiteral("applied"));

        Q_EMIT m_env.window->syncNowRequested();
        QTRY_COMPARE_WITH_TIMEOUT(m_session->syncIssuesModel()->rowCount(), 1, 30000);
        QListView *list = m_env.window->listView(MainWindow::SyncIssuesTab);
        m_env.window->tabs()->setCurrentIndex(MainWindow::SyncIssuesTab);
        list->setCurrentIndex(list->model()->index(0, 0));
        QAction *discard = nullptr;
        for (QAction *a : list->actions())
            if (a->objectName() == QLatin1String("issueDiscard"))
                discard = a;
        QVERIFY(discard);
        discard->trigger();
        auto *box = m_env.window->findChild<QMessageBox *>(QStringLiteral("confirmDiscard"));
        QVERIFY(box);
        box->button(QMessageBox::Yes)->click();
        QCOMPARE(m_session->syncIssuesModel()->rowCount(), 0);
        QCOMPARE(m_session->store()->reads().pendingCount(), 0);
        QCOMPARE(m_session->outboxModel()->rowCount(), 0);
    }

    void serverUpdateKeepsUnsavedEdits()
    {
        const QString id = pickCase();
        QVERIFY(!id.isEmpty());
        m_env.window->openCase(id);
        CaseView *view = m_env.window->caseView();
        QCOMPARE(view->caseId(), id);
        QWidget *summary = view->form()->editorWidget(QStringLiteral("summary"));
        QTest::keyClick(summary, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(summary, QStringLiteral("still typing"));
        QVERIFY(view->form()->isDirty());

        const int reading = 4000 + int(QDateTime::currentMSecsSinceEpoch() % 1000);
        QCOMPARE(officeAction(
                     id, { { "type", "update" }, { "fields", QJsonObject { { "readingKw", reading } } } }),
            QStringLiteral("applied"));
        Q_EMIT m_env.window->syncNowRequested();
        // The new server copy becomes the base; what she typed stays, and a banner says so.
        QTRY_COMPARE_WITH_TIMEOUT(
            view->form()->baseFields().value(QStringLiteral("readingKw")).toInt(), reading, 30000);
        QVERIFY(view->form()->isDirty());
        QCOMPARE(view->form()->currentFields().value(QStringLiteral("summary")).toString(),
            QStringLiteral("still typing"));
        QVERIFY(view->banner()->isVisible());
        QCOMPARE(m_session->store()->reads().pendingCount(), 0); // nothing saved behind her back
        view->openCase(id); // leave it clean
    }
};

QTEST_MAIN(TestUiE2e)
#include "tst_e2e.moc"
