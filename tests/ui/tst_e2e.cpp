// SPDX-License-Identifier: MIT
// The desktop app end to end: a real outpostd (demo data), the real store, the real keyring, real
// widgets. Sign in through the dialog, work a case, sync, see the server's changes.
#include "appsession.h"
#include "attachmentsmodel.h"
#include "attachmentspanel.h"
#include "casedetailspane.h"
#include "caseview.h"
#include "conflictdialog.h"
#include "credentialstore.h"
#include "fieldeditor.h"
#include "flowactionbar.h"
#include "historymodel.h"
#include "historyview.h"
#include "httpclient.h"
#include "localstore.h"
#include "mainwindow.h"
#include "notesmodel.h"
#include "notespanel.h"
#include "outpostdprocess.h"
#include "serverchangedbanner.h"
#include "signindialog.h"
#include "storecasedetails.h"
#include "storelistmodels.h"
#include "storeunlock.h"
#include "synccontroller.h"
#include "syncstatusbar.h"
#include "testdatabase.h"
#include "translations.h"
#include "uiserverenv.h"
#include "worklistfilterproxy.h"
#include "worklistmodel.h"
#include "worklistroles.h"
#include "worklistview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCryptographicHash>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <QUuid>
#include <optional>

using namespace outpost;
using namespace outpost::testing;
using namespace outpost::ui;

class TestUiE2e : public QObject
{
    Q_OBJECT

    UiServerEnv m_env;
    std::unique_ptr<AppSession> m_session;
    QString m_keychain;

    static void fillAndSubmit(SignInDialog &dlg, const QString &user, const QString &password)
    {
        UiServerEnv::typeCredentials(&dlg, user, password);
        auto *button = dlg.findChild<QPushButton *>(QStringLiteral("signInButton"));
        QVERIFY(button);
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
    }

    /// An open inspection case of alice's (the demo data has plenty).
    QString pickCase(const QString &except = {}) const
    {
        StoreWorklistModel *m = m_session->worklistModel();
        for (int r = 0; r < m->rowCount(); ++r) {
            const QModelIndex i = m->index(r, 0);
            if (i.data(CaseTypeRole).toString() == QLatin1String("inspection")
                && i.data(AssigneeRole).toString() == QLatin1String("alice")
                && (i.data(StatusRole).toString() == QLatin1String("New")
                    || i.data(StatusRole).toString() == QLatin1String("InProgress"))
                && i.data(CaseIdRole).toString() != except)
                return i.data(CaseIdRole).toString();
        }
        return {};
    }

    int pendingOf(const QString &caseId) const
    {
        StoreWorklistModel *m = m_session->worklistModel();
        const int row = m->rowOf(caseId);
        return row < 0 ? -1 : m->index(row, 0).data(PendingCountRole).toInt();
    }

    /// Whether a row of `model` shows all of `parts`.
    static bool anyRowShows(const QAbstractItemModel *model, const QStringList &parts)
    {
        for (int r = 0; r < model->rowCount(); ++r) {
            const QString text = model->index(r, 0).data().toString();
            bool all = true;
            for (const QString &p : parts)
                all = all && text.contains(p);
            if (all)
                return true;
        }
        return false;
    }

    static int rowShowing(const QAbstractItemModel *model, const QString &part)
    {
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->index(r, 0).data().toString().contains(part))
                return r;
        return -1;
    }

    /// The office (carol) runs `action` on case `id` at its current etag, as another device would;
    /// the status of its result ("applied", …), or what went wrong.
    QString officeAction(const QString &id, QJsonObject action)
    {
        auto c = carol();
        const HttpReply got = c->get(QStringLiteral("/api/v1/cases/") + id);
        if (got.status != 200)
            return QStringLiteral("GET case: HTTP %1").arg(got.status);
        action.insert(QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
        action.insert(QStringLiteral("caseId"), id);
        action.insert(QStringLiteral("baseEtag"), got.json().value(QStringLiteral("etag")).toString());
        action.insert(QStringLiteral("clientTime"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        const HttpReply up = c->post(QStringLiteral("/api/v1/sync/actions"),
            QJsonObject { { "deviceId", "office" }, { "actions", QJsonArray { action } } });
        if (up.status != 200)
            return QStringLiteral("POST actions: HTTP %1").arg(up.status);
        return up.json()
            .value(QStringLiteral("results"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("status"))
            .toString();
    }

    std::unique_ptr<HttpClient> carol()
    {
        auto c = std::make_unique<HttpClient>(m_env.server->baseUrl());
        c->setToken(c->signIn(QStringLiteral("carol"), QStringLiteral("carol")));
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(m_env.start(60, &why), qPrintable(why));
        m_env.newProfile();
        const AppSession::Options so = m_env.quietSessionOptions(); // "Sync now" decides when it goes up
        m_keychain = so.keychainService;
        m_session = std::make_unique<AppSession>(m_env.window.get(), so);
    }

    void cleanupTestCase()
    {
        m_session.reset();
        QCOMPARE(m_env.stop(), 0);
    }

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

    void noteQueuedThenInTheServersHistory()
    {
        const QString id = pickCase();
        QVERIFY(!id.isEmpty());
        m_env.window->openCase(id);
        CaseView *view = m_env.window->caseView();
        QCOMPARE(view->caseId(), id);
        CaseDetailsPane *details = view->details();
        QVERIFY(details->isVisible());
        NotesPanel *notes = details->notes();
        QAbstractItemModelTester tester(
            notes->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(!details->history()->isLoading(), 30000);

        // Written and queued here; nothing goes up until the next sync.
        const QString text
            = QStringLiteral("Gate locked, key at the desk ") + QUuid::createUuid().toString(QUuid::Id128);
        details->setCurrentIndex(CaseDetailsPane::NotesTab);
        notes->editor()->setFocus();
        QTest::keyClicks(notes->editor(), text);
        QTest::mouseClick(notes->addButton(), Qt::LeftButton);
        const int row = rowShowing(notes->model(), text);
        QVERIFY2(row >= 0, qPrintable(notes->messageText()));
        QVERIFY(notes->model()->index(row, 0).data(NotesModel::PendingRole).toBool());
        QCOMPARE(pendingOf(id), 1);
        QCOMPARE(m_session->outboxModel()->rowCount(), 1);

        // Synced: the note is in the server's history, and the panel shows the server's copy.
        Q_EMIT m_env.window->syncNowRequested();
        QTRY_COMPARE_WITH_TIMEOUT(pendingOf(id), 0, 30000);
        auto c = carol();
        const HttpReply h = c->get(QStringLiteral("/api/v1/cases/") + id + QStringLiteral("/history"));
        QCOMPARE(h.status, 200);
        int onServer = 0;
        for (const QJsonValue &e : h.json().value(QStringLiteral("entries")).toArray())
            onServer += e.toObject().value(QStringLiteral("action")).toString() == QLatin1String("note")
                && e.toObject().value(QStringLiteral("text")).toString() == text
                && e.toObject().value(QStringLiteral("by")).toString() == QLatin1String("alice");
        QCOMPARE(onServer, 1);
        QTRY_VERIFY_WITH_TIMEOUT(
            anyRowShows(details->history()->model(), { QStringLiteral("Note: ") + text }), 30000);
        QTRY_VERIFY(rowShowing(notes->model(), text) >= 0
            && !notes->model()
                    ->index(rowShowing(notes->model(), text), 0)
                    .data(NotesModel::PendingRole)
                    .toBool());
        int shown = 0;
        for (int r = 0; r < notes->model()->rowCount(); ++r)
            shown += notes->model()->index(r, 0).data().toString().contains(text);
        QCOMPARE(shown, 1);
    }

    void historyShowsAServerSideEdit()
    {
        CaseView *view = m_env.window->caseView();
        const QString id = view->caseId();
        QVERIFY(!id.isEmpty());
        HistoryView *history = view->details()->history();
        QAbstractItemModelTester tester(
            history->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(!history->isLoading() && history->model()->rowCount() > 0, 30000);

        const int reading = 5000 + int(QDateTime::currentMSecsSinceEpoch() % 1000);
        QCOMPARE(officeAction(
                     id, { { "type", "update" }, { "fields", QJsonObject { { "readingKw", reading } } } }),
            QStringLiteral("applied"));
        // The sync brings the change; the open case's history is fetched again and says who did what.
        Q_EMIT m_env.window->syncNowRequested();
        const QString to = QStringLiteral("→ ") + QString::number(reading);
        QTRY_VERIFY_WITH_TIMEOUT(anyRowShows(history->model(),
                                     { QStringLiteral("carol"), QStringLiteral("Meter reading (kW)"), to }),
            30000);
        QVERIFY(history->model()->index(0, 0).data().toString().contains(to)); // newest first
    }

    void attachmentReachesTheServerAndASecondClientOpensIt()
    {
        CaseView *view = m_env.window->caseView();
        const QString id = view->caseId();
        QVERIFY(!id.isEmpty());
        AttachmentsPanel *panel = view->details()->attachments();
        QAbstractItemModelTester tester(
            panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QByteArray bytes(700 * 1024, Qt::Uninitialized);
        for (int i = 0; i < bytes.size(); ++i)
            bytes[i] = char((i * 131) ^ (i >> 9));
        const QString name
            = QStringLiteral("meter-") + QUuid::createUuid().toString(QUuid::Id128) + QStringLiteral(".jpg");
        QTemporaryDir photos; // the technician's own folder: never the profile (the app refuses it)
        QVERIFY(photos.isValid());
        const QString path = photos.filePath(name);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(bytes), qint64(bytes.size()));
        }
        const QString sha
            = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());

        // Attached here: pending upload.
        QSignalSpy added(
            static_cast<CaseDetailsHost *>(m_session->caseDetails()), &CaseDetailsHost::attachmentAdded);
        panel->addFiles({ path });
        QVERIFY(added.wait(10000) || !added.isEmpty());
        const QString attachmentId = added.first().at(1).toString();
        QTRY_VERIFY(panel->model()->rowOfKey(attachmentId) >= 0);
        const auto state = [panel, attachmentId] {
            return panel->model()
                ->index(panel->model()->rowOfKey(attachmentId), 0)
                .data(AttachmentsModel::StateRole)
                .toInt();
        };
        QCOMPARE(state(), int(CaseAttachment::State::Pending));

        // Synced: the server has the same bytes (its sha256), the row says so.
        Q_EMIT m_env.window->syncNowRequested();
        QTRY_COMPARE_WITH_TIMEOUT(state(), int(CaseAttachment::State::Uploaded), 30000);
        auto c = carol();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const HttpReply r = c->get(QStringLiteral("/api/v1/cases/") + id);
                for (const QJsonValue &a : r.json().value(QStringLiteral("attachments")).toArray())
                    if (a.toObject().value(QStringLiteral("id")).toString() == attachmentId)
                        return a.toObject().value(QStringLiteral("sha256")).toString() == sha
                            && a.toObject().value(QStringLiteral("name")).toString() == name;
                return false;
            }(),
            30000);
        const HttpReply raw = c->get(QStringLiteral("/api/v1/attachments/") + attachmentId);
        QCOMPARE(raw.status, 200);
        QCOMPARE(raw.body, bytes);

        // A second device of hers: the case lists the attachment as on the server; Open downloads it.
        QTemporaryDir profile2;
        QSettings settings2(profile2.filePath(QStringLiteral("outpost.conf")), QSettings::IniFormat);
        MainWindow window2(settings2);
        AppSession::Options so;
        so.profileDir = profile2.path();
        so.keychainService = m_keychain + QStringLiteral("-2");
        so.syncTemplate.periodic = false;
        so.syncTemplate.useReachability = false;
        so.syncTemplate.usePush = false;
        AppSession session2(&window2, so);
        {
            SignInDialog dlg;
            session2.attachSignInDialog(&dlg);
            dlg.setServer(m_env.server->baseUrl().toString());
            dlg.show();
            QSignalSpy started(&session2, &AppSession::started);
            fillAndSubmit(dlg, QStringLiteral("alice"), QStringLiteral("alice"));
            QVERIFY2(started.wait(30000) || !started.isEmpty(), qPrintable(dlg.messageText()));
        }
        window2.show();
        QTRY_VERIFY_WITH_TIMEOUT(session2.worklistModel()->rowOf(id) >= 0
                && session2.controller()->state() == sync::SyncState::Online,
            60000);
        window2.openCase(id);
        QCOMPARE(window2.caseView()->caseId(), id);
        AttachmentsPanel *panel2 = window2.caseView()->details()->attachments();
        const int row2 = panel2->model()->rowOfKey(attachmentId);
        QVERIFY(row2 >= 0);
        QCOMPARE(panel2->model()->index(row2, 0).data(AttachmentsModel::StateRole).toInt(),
            int(CaseAttachment::State::OnServer));
        QString openedPath;
        panel2->setOpener([&openedPath](const QString &p) {
            openedPath = p;
            return true;
        });
        QSignalSpy opened(panel2, &AttachmentsPanel::opened);
        panel2->list()->setCurrentIndex(panel2->model()->index(row2, 0));
        QTest::mouseClick(panel2->openButton(), Qt::LeftButton);
        QVERIFY2(opened.wait(30000) || !opened.isEmpty(), qPrintable(panel2->messageText()));
        QVERIFY(openedPath.endsWith(QLatin1Char('/') + name));
        QFile got(openedPath);
        QVERIFY(got.open(QIODevice::ReadOnly));
        QCOMPARE(got.readAll(), bytes);
        QCOMPARE(opened.first().at(0).toString(), attachmentId);
    }

    void newCaseScreenTakesTheServersId()
    {
        // A case created on this device and open on screen: once the server took it, the screen
        // shows it by the server's id, with its history and no "not on the server yet".
        const QString from = pickCase();
        QVERIFY(!from.isEmpty());
        const std::optional<client::LocalCase> model = m_session->store()->reads().caseById(from);
        QVERIFY(model);
        const Result<QString> tmp = m_session->store()->edits().createCase(
            model->record.caseType, model->record.fields, QStringLiteral("Created on the device"));
        QVERIFY2(tmp.ok(), qPrintable(tmp.error().toString()));
        QVERIFY(tmp->startsWith(QLatin1String("tmp-")));
        m_env.window->openCase(*tmp);
        CaseView *view = m_env.window->caseView();
        QCOMPARE(view->caseId(), *tmp);

        Q_EMIT m_env.window->syncNowRequested();
        QTRY_VERIFY_WITH_TIMEOUT(m_session->store()->reads().resolveId(*tmp) != *tmp, 30000);
        const QString serverId = m_session->store()->reads().resolveId(*tmp);
        QTRY_COMPARE_WITH_TIMEOUT(view->caseId(), serverId, 10000);
        QCOMPARE(m_env.window->caseView(), view); // refreshed in place, not reopened
        auto c = carol();
        QCOMPARE(c->get(QStringLiteral("/api/v1/cases/") + serverId).status, 200);
    }

    void lockScreenChecksTheCredentials()
    {
        SignInDialog dlg;
        dlg.setCancelAllowed(false);
        int unlocked = 0;
        m_session->attachUnlockDialog(&dlg, [&] { ++unlocked; });
        QCOMPARE(dlg.user(), QStringLiteral("alice"));
        dlg.show();
        fillAndSubmit(dlg, QStringLiteral("alice"), QStringLiteral("not-her-password"));
        QTRY_VERIFY_WITH_TIMEOUT(!dlg.messageText().isEmpty()
                && dlg.findChild<QPushButton *>(QStringLiteral("signInButton"))->isEnabled(),
            30000);
        QCOMPARE(unlocked, 0);
        QVERIFY(dlg.isVisible());
        fillAndSubmit(dlg, QStringLiteral("bob"), QStringLiteral("bob"));
        QTRY_VERIFY(!dlg.messageText().isEmpty());
        QCOMPARE(unlocked, 0);
        QSignalSpy accepted(&dlg, &QDialog::accepted);
        fillAndSubmit(dlg, QStringLiteral("alice"), QStringLiteral("alice"));
        QVERIFY(accepted.wait(30000) || !accepted.isEmpty());
        QCOMPARE(unlocked, 1);
    }

    void damagedStoreFailsTheSignInAndStaysUntouched()
    {
        // Bob's store on this device holds an unsent change, and a table the worklist does not read
        // is damaged: the check that runs alongside the password check must find it, say so, keep
        // no token and write nothing to the file.
        const QString path = client::StoreLocation::pathFor(
            m_env.profile->path(), m_env.server->baseUrl(), QStringLiteral("bob"));
        qint64 rootPage = 0, pageSize = 0;
        {
            // Bob signed in on this device before: his store's key is in the keychain.
            sync::KeychainCredentialStore keychain(m_keychain);
            std::optional<Status> keyed;
            sync::unlockStore(&keychain, m_env.server->baseUrl(), QStringLiteral("bob"), path,
                sync::StoreKeyMode::CreateIfMissing, [&](Status st) { keyed = st; });
            QTRY_VERIFY_WITH_TIMEOUT(keyed.has_value(), 20000);
            QVERIFY2(keyed->ok(), qPrintable(keyed->error().toString()));
        }
        {
            auto s = client::LocalStore::open(path);
            QVERIFY2(s.ok(), qPrintable(s.error().toString()));
            QVERIFY(!s.value()->deviceId().isEmpty()); // known: the request need not wait for the check
            QSqlDatabase db = QSqlDatabase::database(s.value()->connectionName());
            QSqlQuery q(db);
            QVERIFY(db.transaction());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO cases(id, case_type) VALUES ('C-1', 'inspection')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO outbox(action_id, case_id, type, payload, created_at) "
                                          "VALUES ('a-1', 'C-1', 'note', '{}', '2026-11-20T08:00:00Z')")));
            for (int i = 0; i < 3000; ++i)
                QVERIFY(
                    q.exec(QStringLiteral("INSERT INTO data_page_rows(page, key, label, json) VALUES "
                                          "('parts', 'P-%1', 'Spare part number %1 with a long label', '{}')")
                               .arg(i)));
            QVERIFY(db.commit());
            QVERIFY(q.exec(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = 'data_page_rows'"))
                && q.next());
            rootPage = q.value(0).toLongLong();
            QVERIFY(q.exec(QStringLiteral("PRAGMA page_size")) && q.next());
            pageSize = q.value(0).toLongLong();
        }
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal"))
            || QFile(path + QStringLiteral("-wal")).size() == 0);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.seek((rootPage - 1) * pageSize));
            QVERIFY(f.write(QByteArray(int(pageSize), char(0x5a))) == pageSize);
        }
        const auto digest = [&path] {
            QFile f(path);
            return f.open(QIODevice::ReadOnly)
                ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                : QByteArray();
        };
        const QByteArray before = digest();
        QVERIFY(!before.isEmpty());

        MainWindow window(*m_env.settings);
        AppSession::Options so;
        so.profileDir = m_env.profile->path();
        so.keychainService = m_keychain;
        AppSession session(&window, so);
        SignInDialog dlg;
        session.attachSignInDialog(&dlg);
        dlg.setServer(m_env.server->baseUrl().toString());
        dlg.show();
        QSignalSpy started(&session, &AppSession::started);
        fillAndSubmit(dlg, QStringLiteral("bob"), QStringLiteral("bob"));
        QTRY_VERIFY_WITH_TIMEOUT(dlg.messageText().contains(QStringLiteral("damaged"))
                && dlg.findChild<QPushButton *>(QStringLiteral("signInButton"))->isEnabled(),
            30000);
        QVERIFY2(dlg.messageText().contains(QStringLiteral("unsent")), qPrintable(dlg.messageText()));
        QVERIFY(started.isEmpty());
        QVERIFY(!session.isActive());
        QVERIFY(dlg.isVisible());
        QCOMPARE(digest(), before); // left in place, not a byte written
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal"))
            || QFile(path + QStringLiteral("-wal")).size() == 0);
        // The server accepted the password, but no token was kept for a store that cannot be used.
        sync::KeychainCredentialStore credentials(m_keychain);
        std::optional<Result<QString>> token;
        credentials.readToken(sync::CredentialStore::keyFor(m_env.server->baseUrl(), QStringLiteral("bob")),
            [&token](Result<QString> t) { token = t; });
        QTRY_VERIFY_WITH_TIMEOUT(token.has_value(), 30000);
        QVERIFY(!token->ok() || token->value().isEmpty());
    }
};

QTEST_MAIN(TestUiE2e)
#include "tst_e2e.moc"
