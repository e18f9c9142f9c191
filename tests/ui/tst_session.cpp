// SPDX-License-Identifier: MIT
// Sign out and sign in again in one process: a real outpostd (demo data), the real store, the real
// keyring, real widgets. Signing out closes the session cleanly and shows the sign-in dialog; the
// next technician sees their own work; the first one's queued work stays in their store.
#include "applifecycle.h"
#include "caseview.h"
#include "credentialstore.h"
#include "kioskcontroller.h"
#include "localstore.h"
#include "mainwindow.h"
#include "outpostdprocess.h"
#include "pindialog.h"
#include "pinstore.h"
#include "readysession.h"
#include "settingsdialog.h"
#include "signindialog.h"
#include "storecasehost.h"
#include "synccontroller.h"
#include "syncstatusbar.h"
#include "testdatabase.h"
#include "translations.h"
#include "uiserverenv.h"
#include "worklistmodel.h"
#include "worklistroles.h"
#include "worklistview.h"

#include <QAction>
#include <QCheckBox>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUuid>

using namespace outpost;
using namespace outpost::testing;
using namespace outpost::ui;

class TestUiSession : public QObject
{
    Q_OBJECT

    UiServerEnv m_env;
    std::unique_ptr<AppLifecycle> m_lifecycle;
    AppLifecycle::Options m_options;
    QString m_alicePath;
    QString m_aliceCase;
    QString m_aliceText;

    static void fillAndSubmit(SignInDialog *dlg, const QString &user, const QString &password)
    {
        QVERIFY(dlg);
        QTRY_VERIFY(dlg->isVisible());
        UiServerEnv::typeCredentials(dlg, user, password);
        QTest::keyClick(dlg->findChild<QLineEdit *>(QStringLiteral("password")),
            Qt::Key_Return); // the default button signs in
    }

    /// Signs in through the lifecycle's dialog and waits for the first sync to bring the worklist.
    static void signInAs(AppLifecycle *lc, const QString &user)
    {
        QSignalSpy in(lc, &AppLifecycle::signedIn);
        fillAndSubmit(lc->signInDialog(), user, user);
        QVERIFY2(in.wait(30000) || !in.isEmpty(),
            qPrintable(lc->signInDialog() ? lc->signInDialog()->messageText() : QString()));
        QCOMPARE(in.first().at(0).toString(), user);
        QTRY_VERIFY(!lc->signInDialog()); // accepted and gone
        AppSession *s = lc->session();
        QVERIFY(s && s->isActive());
        QTRY_VERIFY_WITH_TIMEOUT(s->worklistModel()->rowCount() > 0 && !s->worklistModel()->isLoading()
                && s->controller()->state() == sync::SyncState::Online,
            60000);
    }

    static void signOut(AppLifecycle *lc, MainWindow *window, const QString &user)
    {
        QSignalSpy out(lc, &AppLifecycle::signedOut);
        window->signOutAction()->trigger();
        QVERIFY(out.wait(30000) || !out.isEmpty());
        QCOMPARE(out.first().at(0).toString(), user);
        QVERIFY(lc->signInDialog());
        QTRY_VERIFY(lc->signInDialog()->isVisible());
    }

    static QStringList storeConnections()
    {
        QStringList out;
        for (const QString &c : QSqlDatabase::connectionNames())
            if (c.startsWith(QLatin1String("outpost-store")))
                out << c;
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(m_env.start(60, &why), qPrintable(why));
        m_env.newProfile();
        m_env.settings->setValue(QStringLiteral("sync/intervalMinutes"), 30);
        m_options.session = m_env.quietSessionOptions();
        m_options.serverUrl = m_env.server->baseUrl().toString();
        m_lifecycle = std::make_unique<AppLifecycle>(m_env.window.get(), nullptr, m_options);
    }

    void cleanupTestCase()
    {
        m_lifecycle.reset();
        QCOMPARE(m_env.stop(), 0);
    }

    void signInShowsHerWork()
    {
        m_lifecycle->start();
        QVERIFY(m_lifecycle->signInDialog());
        QTRY_VERIFY(m_lifecycle->signInDialog()->isVisible());
        QVERIFY(!m_env.window->isVisible());
        signInAs(m_lifecycle.get(), QStringLiteral("alice"));
        QVERIFY(m_env.window->isVisible());
        AppSession *s = m_lifecycle->session();
        m_alicePath = s->store()->path();
        QCOMPARE(s->controller()->interval(), std::chrono::minutes(30)); // "Sync every" as saved

        // She types into a case and signs out without saving (she is asked, and saves).
        StoreWorklistModel *m = s->worklistModel();
        for (int r = 0; r < m->rowCount() && m_aliceCase.isEmpty(); ++r) {
            const QModelIndex i = m->index(r, 0);
            if (i.data(CaseTypeRole).toString() == QLatin1String("inspection")
                && i.data(AssigneeRole).toString() == QLatin1String("alice")
                && !i.data(StatusRole).toString().startsWith(QLatin1String("Resolved")))
                m_aliceCase = i.data(CaseIdRole).toString();
        }
        QVERIFY(!m_aliceCase.isEmpty());
        m_env.window->openCase(m_aliceCase);
        QWidget *summary = m_env.window->caseView()->form()->editorWidget(QStringLiteral("summary"));
        QVERIFY(summary);
        m_aliceText = QStringLiteral("Left for later ") + QUuid::createUuid().toString(QUuid::Id128);
        QTest::keyClick(summary, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(summary, m_aliceText);
        QVERIFY(m_env.window->caseView()->form()->isDirty());
        QCOMPARE(s->store()->reads().pendingCount(), 0);
    }

    void readyIndicatorAndPanel()
    {
        // After the first sync the status bar says whether she can leave coverage; the panel lists why.
        AppSession *s = m_lifecycle->session();
        QToolButton *indicator = m_env.window->syncStatus()->readyButton();
        QTRY_VERIFY_WITH_TIMEOUT(indicator->isVisible(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(s->readySession()->state().known, 20000);
        QTest::mouseClick(indicator, Qt::LeftButton);
        ReadyPanel *panel = s->readySession()->panel();
        QVERIFY(panel && panel->isVisible());
        QVERIFY(panel->list()->count() >= 8);
        QSignalSpy checked(s->readySession(), &ReadySession::checked);
        QTest::mouseClick(panel->getReadyButton(), Qt::LeftButton); // syncs, then checks again
        QVERIFY(checked.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), 30000);
        QVERIFY2(panel->headline() == QLatin1String("Ready to go offline"),
            qPrintable(indicator->text() + QLatin1Char('\n') + panel->list()->item(0)->text()));
        QCOMPARE(indicator->text(), QStringLiteral("Ready to go offline"));
        panel->close();
    }

    void syncIntervalFollowsTheSettings()
    {
        // She picks "Sync every 7 min" in the settings: the engine takes it as she saves.
        AppSession *s = m_lifecycle->session();
        QVERIFY(s);
        m_env.window->showSettings();
        SettingsDialog *dlg = nullptr;
        QTRY_VERIFY((dlg = m_env.window->findChild<SettingsDialog *>()) && dlg->isVisible());
        dlg->intervalBox()->setValue(7);
        QVERIFY(dlg->save());
        dlg->close();
        QCOMPARE(s->controller()->interval(), std::chrono::minutes(7));
    }

    void signOutReturnsToSignIn()
    {
        AppSession *s = m_lifecycle->session();
        const QUrl server = s->server();
        QPointer<QObject> worklist = s->worklistModel();
        QPointer<QObject> controller = s->controller();
        QVERIFY(!storeConnections().isEmpty());

        // Her unsaved edit: signing out asks first. Cancel keeps her signed in with the edit on
        // screen; Save keeps it queued and signs out.
        QSignalSpy out(m_lifecycle.get(), &AppLifecycle::signedOut);
        m_env.window->signOutAction()->trigger();
        auto *ask = m_env.window->findChild<QMessageBox *>(QStringLiteral("confirmUnsaved"));
        QVERIFY(ask);
        QTRY_VERIFY(ask->isVisible());
        ask->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!m_env.window->findChild<QMessageBox *>(QStringLiteral("confirmUnsaved")));
        QVERIFY(m_env.window->caseView()->form()->isDirty());
        QCOMPARE(out.size(), 0);
        QVERIFY(s->isActive());
        m_env.window->signOutAction()->trigger();
        ask = m_env.window->findChild<QMessageBox *>(QStringLiteral("confirmUnsaved"));
        QVERIFY(ask);
        QTRY_VERIFY(ask->isVisible());
        ask->button(QMessageBox::Save)->click();
        QVERIFY(out.wait(30000) || !out.isEmpty());
        QCOMPARE(out.first().at(0).toString(), QStringLiteral("alice"));
        QTRY_VERIFY(m_lifecycle->signInDialog() && m_lifecycle->signInDialog()->isVisible());

        // The window went, with everything of hers: case closed, models and engine gone.
        QVERIFY(!m_env.window->isVisible());
        QVERIFY(m_env.window->isEnabled());
        QVERIFY(!m_env.window->caseView());
        QVERIFY(worklist.isNull());
        QVERIFY(controller.isNull()); // the engine's thread was joined when it went
        QCOMPARE(m_env.window->worklist()->table()->model()->rowCount(), 0);
        QVERIFY(!m_env.window->listView(MainWindow::OutboxTab)->model());
        QVERIFY(!m_env.window->newCaseAction()->isEnabled());
        // Both stores (the window's and the engine's) are closed, their connections removed.
        QCOMPARE(storeConnections(), QStringList());
        // The dialog offers the server she used.
        QCOMPARE(m_lifecycle->signInDialog()->server(), server.toString());

        // The token left the keychain.
        bool done = false;
        Result<QString> token = QString();
        sync::KeychainCredentialStore creds(m_options.session.keychainService);
        creds.readToken(
            sync::CredentialStore::keyFor(server, QStringLiteral("alice")), [&](Result<QString> t) {
                token = std::move(t);
                done = true;
            });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QVERIFY(!token.ok());
    }

    void anotherTechnicianSeesTheirOwnWork()
    {
        signInAs(m_lifecycle.get(), QStringLiteral("bob"));
        QVERIFY(m_env.window->isVisible());
        AppSession *s = m_lifecycle->session();
        QCOMPARE(s->userId(), QStringLiteral("bob"));
        QVERIFY(s->store()->path() != m_alicePath);
        StoreWorklistModel *m = s->worklistModel();
        int his = 0;
        for (int r = 0; r < m->rowCount(); ++r) {
            const QString assignee = m->index(r, 0).data(AssigneeRole).toString();
            QVERIFY2(assignee.isEmpty() || assignee == QLatin1String("bob"), qPrintable(assignee));
            his += assignee == QLatin1String("bob");
        }
        QVERIFY(his > 0);
        QCOMPARE(m->rowOf(m_aliceCase), -1);
        QCOMPARE(m_env.window->worklist()->table()->model()->rowCount(), m->rowCount());
        // One row of buttons over each list, all of them working (none left from her session).
        for (MainWindow::Tab tab :
            { MainWindow::OutboxTab, MainWindow::ConflictsTab, MainWindow::SyncIssuesTab }) {
            QWidget *page = m_env.window->listView(tab)->parentWidget();
            const auto bars = page->findChildren<QWidget *>(QStringLiteral("listButtons"));
            QCOMPARE(bars.size(), 1);
            const auto buttons = bars.first()->findChildren<QToolButton *>();
            QCOMPARE(buttons.size(), m_env.window->listView(tab)->actions().size());
            for (QToolButton *b : buttons)
                QVERIFY(b->defaultAction());
        }
        QVERIFY(m_env.window->caseView()); // a fresh case view over his store
        QVERIFY(m_env.window->caseView()->caseId().isEmpty());

        // Her edit was saved on the way out and waits in her store, queued.
        auto alice = client::LocalStore::open(m_alicePath);
        QVERIFY2(alice.ok(), qPrintable(alice.error().toString()));
        QCOMPARE(alice.value()->reads().pendingCount(), 1);
        QCOMPARE(alice.value()->reads().outbox().first().caseId, m_aliceCase);
        QCOMPARE(alice.value()
                     ->reads()
                     .caseById(m_aliceCase)
                     ->record.fields.value(QStringLiteral("summary"))
                     .toString(),
            m_aliceText);
    }

    void cancelledSignInQuits()
    {
        signOut(m_lifecycle.get(), m_env.window.get(), QStringLiteral("bob"));
        QSignalSpy quit(m_lifecycle.get(), &AppLifecycle::quitRequested);
        QTest::keyClick(m_lifecycle->signInDialog(), Qt::Key_Escape);
        QCOMPARE(quit.size(), 1);
        QTRY_VERIFY(!m_lifecycle->signInDialog());
    }

    void kioskSignOutLocksBehindSignIn()
    {
        // A kiosk on the same device: sign-out goes to the locked sign-in screen, never out.
        QVERIFY(PinStore(*m_env.settings).setPin(QStringLiteral("2468")));
        const auto noPin = qScopeGuard([this] { PinStore(*m_env.settings).clear(); });
        MainWindow window(*m_env.settings);
        window.setKioskMode(true);
        KioskController kiosk(*m_env.settings);
        AppLifecycle lc(&window, &kiosk, m_options);
        QSignalSpy quit(&lc, &AppLifecycle::quitRequested);
        lc.start();
        QVERIFY(window.isLocked());
        QCOMPARE(lc.signInDialog()->parentWidget(), &window);
        signInAs(&lc, QStringLiteral("alice")); // the same technician again, in the same process
        QVERIFY(!window.isLocked());
        QCOMPARE(lc.session()->store()->path(), m_alicePath);

        // Signing out of a kiosk needs the administrator PIN; a wrong one is in alice's event log.
        QSignalSpy out(&lc, &AppLifecycle::signedOut);
        window.signOutAction()->trigger();
        QVERIFY(kiosk.pinDialog());
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("wrong administrator PIN \\(to sign out\\)")));
        QTest::keyClicks(kiosk.pinDialog()->pinEdit(), QStringLiteral("1111"));
        QTest::keyClick(kiosk.pinDialog()->pinEdit(), Qt::Key_Return);
        const auto securityEvents = [&lc] {
            QStringList found;
            for (const client::EventEntry &e : lc.session()->store()->reads().eventLog())
                if (e.category == QLatin1String("security"))
                    found << e.message;
            return found;
        };
        QCOMPARE(securityEvents().size(), 1);
        QVERIFY(securityEvents().first().contains(QStringLiteral("sign out")));
        QCOMPARE(out.size(), 0);
        QTest::keyClicks(kiosk.pinDialog()->pinEdit(), QStringLiteral("2468"));
        QTest::keyClick(kiosk.pinDialog()->pinEdit(), Qt::Key_Return);
        QVERIFY(out.wait(30000) || !out.isEmpty());
        QVERIFY(lc.signInDialog());
        QTRY_VERIFY(lc.signInDialog()->isVisible());
        QVERIFY(window.isVisible());
        QVERIFY(window.isLocked());
        QCOMPARE(storeConnections(), QStringList());
        // Nor a way to point the next technician at another server: the address is the administrator's.
        auto *serverEdit = lc.signInDialog()->findChild<QLineEdit *>(QStringLiteral("server"));
        QVERIFY(serverEdit && serverEdit->isReadOnly());
        QVERIFY(!lc.signInDialog()->findChild<QCheckBox *>(QStringLiteral("rememberServer"))->isVisible());
        const QString serverBefore = serverEdit->text();
        QTest::keyClicks(serverEdit, QStringLiteral("evil.example"));
        QCOMPARE(serverEdit->text(), serverBefore);
        QTest::keyClick(lc.signInDialog(), Qt::Key_Escape); // no way out here
        QVERIFY(lc.signInDialog() && lc.signInDialog()->isVisible());
        QCOMPARE(quit.size(), 0);
        QVERIFY(!window.close()); // nor by closing the window (that needs the administrator PIN)

        signInAs(&lc, QStringLiteral("bob"));
        QVERIFY(!window.isLocked());
        QCOMPARE(lc.session()->userId(), QStringLiteral("bob"));

        // The idle lock asks for his credentials again; his session and work stay as they are.
        QPointer<AppSession> session = lc.session();
        QSignalSpy locked(&kiosk, &KioskController::locked);
        kiosk.setIdleTimeout(std::chrono::milliseconds(50));
        QVERIFY(locked.wait(5000));
        kiosk.setIdleTimeout(std::chrono::minutes(10));
        QVERIFY(window.isLocked());
        auto *unlock = window.findChild<SignInDialog *>(QStringLiteral("unlockDialog"));
        QVERIFY(unlock);
        QVERIFY(unlock->findChild<QLineEdit *>(QStringLiteral("server"))->isReadOnly());
        QSignalSpy unlocked(&kiosk, &KioskController::unlocked);
        fillAndSubmit(unlock, QStringLiteral("bob"), QStringLiteral("bob"));
        QVERIFY(unlocked.wait(30000) || !unlocked.isEmpty());
        QVERIFY(!window.isLocked());
        QCOMPARE(lc.session(), session.data());
        QVERIFY(session->isActive());
    }

    void offlineSignInAsksToSignInAgainOnceOnline()
    {
        // Signed out (no session left in the keychain), she signs in while the server is down.
        MainWindow window(*m_env.settings);
        AppLifecycle lc(&window, nullptr, m_options);
        QCOMPARE(m_env.server->stop(), 0);
        lc.start();
        QSignalSpy in(&lc, &AppLifecycle::signedIn);
        fillAndSubmit(lc.signInDialog(), QStringLiteral("alice"), QStringLiteral("alice"));
        QVERIFY(in.wait(30000) || !in.isEmpty());
        AppSession *s = lc.session();
        QVERIFY(s && s->isActive());
        QTRY_VERIFY(!s->worklistModel()->isLoading());

        // She works offline: one change waits.
        window.openCase(m_aliceCase);
        QWidget *summary = window.caseView()->form()->editorWidget(QStringLiteral("summary"));
        QVERIFY(summary);
        QTest::keyClick(summary, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(summary, QStringLiteral("written offline"));
        QVERIFY(window.caseView()->save());
        QVERIFY(s->store()->reads().pendingCount() >= 1);

        // The bar says what is needed, in words, with a button that does it.
        SyncStatusBar *bar = window.syncStatus();
        QTRY_COMPARE(bar->state(), SyncState::SignInRequired);
        const int pending = s->store()->reads().pendingCount();
        QCOMPARE(bar->stateText(),
            pending == 1 ? QStringLiteral("Sign in again to send 1 change")
                         : QStringLiteral("Sign in again to send %1 changes").arg(pending));
        QVERIFY(bar->signInButton()->isVisible());
        QVERIFY(!bar->syncNowButton()->isVisible());

        // Still offline: the dialog says why nothing happened and stays.
        bar->signInButton()->click();
        auto *again = window.findChild<SignInDialog *>(QStringLiteral("signInAgainDialog"));
        QVERIFY(again);
        QTRY_VERIFY(again->isVisible());
        QCOMPARE(again->user(), QStringLiteral("alice"));
        fillAndSubmit(again, QStringLiteral("alice"), QStringLiteral("alice"));
        QTRY_VERIFY_WITH_TIMEOUT(again->messageText().contains(QStringLiteral("cannot be reached")), 30000);
        QVERIFY(again->isVisible());

        // The server is back: her password goes to it, and the queue drains by itself.
        QString why;
        QVERIFY2(m_env.server->restart(&why), qPrintable(why));
        fillAndSubmit(again, QStringLiteral("alice"), QStringLiteral("alice"));
        QTRY_VERIFY_WITH_TIMEOUT(
            !window.findChild<SignInDialog *>(QStringLiteral("signInAgainDialog")), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(s->store()->reads().pendingCount(), 0, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(s->controller()->state(), sync::SyncState::Online, 30000);
        QTRY_VERIFY(!bar->signInButton()->isVisible());
    }
};

QTEST_MAIN(TestUiSession)
#include "tst_session.moc"
