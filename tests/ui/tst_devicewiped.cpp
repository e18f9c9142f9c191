// SPDX-License-Identifier: MIT
// The administrator wipes the device while a technician works: at the engine's next contact the
// running app ends the session, erases the store and returns to the sign-in screen, which says why.
// A real outpostd, the real store and keyring, real widgets.
#include "applifecycle.h"
#include "localstore.h"
#include "mainwindow.h"
#include "outpostdprocess.h"
#include "signindialog.h"
#include "synccontroller.h"
#include "testdatabase.h"
#include "uiserverenv.h"
#include "worklistmodel.h"

#include <QDir>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace outpost;
using namespace outpost::testing;
using namespace outpost::ui;

class TestUiDeviceWiped : public QObject
{
    Q_OBJECT

    UiServerEnv m_env;
    std::unique_ptr<AppLifecycle> m_lifecycle;

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(m_env.start(20, &why), qPrintable(why));
        m_env.newProfile();
        AppLifecycle::Options o;
        o.session = m_env.quietSessionOptions();
        o.serverUrl = m_env.server->baseUrl().toString();
        m_lifecycle = std::make_unique<AppLifecycle>(m_env.window.get(), nullptr, o);
    }

    void cleanupTestCase()
    {
        m_lifecycle.reset();
        QCOMPARE(m_env.stop(), 0);
    }

    void theAppReturnsToSignInWithTheReason()
    {
        m_lifecycle->start();
        QSignalSpy in(m_lifecycle.get(), &AppLifecycle::signedIn);
        SignInDialog *dlg = m_lifecycle->signInDialog();
        QVERIFY(dlg);
        QTRY_VERIFY(dlg->isVisible());
        UiServerEnv::typeCredentials(dlg, QStringLiteral("alice"), QStringLiteral("alice"));
        QTest::keyClick(dlg->findChild<QLineEdit *>(QStringLiteral("password")), Qt::Key_Return);
        QVERIFY(in.wait(30000) || !in.isEmpty());
        AppSession *s = m_lifecycle->session();
        QVERIFY(s && s->isActive());
        QTRY_VERIFY_WITH_TIMEOUT(
            s->worklistModel()->rowCount() > 0 && s->controller()->state() == sync::SyncState::Online, 60000);
        QVERIFY(m_env.window->isVisible());
        const QString storePath = s->store()->path();
        const QString device = s->store()->deviceId();
        QVERIFY(!device.isEmpty());

        QProcess wipe;
        wipe.start(OutpostdProcess::binary(),
            { QStringLiteral("device"), QStringLiteral("wipe"), device, QStringLiteral("--db"),
                m_env.db->url() });
        QVERIFY(wipe.waitForFinished(60000));
        QCOMPARE(wipe.exitCode(), 0);

        QSignalSpy wiped(m_lifecycle.get(), &AppLifecycle::deviceWiped);
        s->controller()->syncNow();
        QVERIFY(wiped.wait(30000) || !wiped.isEmpty());
        QCOMPARE(wiped.first().at(0).toString(), QStringLiteral("alice"));

        // The sign-in screen, saying what happened; the work is gone from screen and disk.
        QVERIFY(!m_lifecycle->session() || !m_lifecycle->session()->isActive());
        SignInDialog *again = m_lifecycle->signInDialog();
        QVERIFY(again);
        QTRY_VERIFY(again->isVisible());
        QCOMPARE(again->messageText(),
            QStringLiteral("This device was wiped by your administrator; its data was erased."));
        QVERIFY(!m_env.window->isVisible());
        const QFileInfo store(storePath);
        const QStringList left = store.absoluteDir().entryList(
            { store.fileName() + QLatin1Char('*') }, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
        again->grab().save(QDir::current().filePath(QStringLiteral("devicewiped-signin.png")));
    }
};

QTEST_MAIN(TestUiDeviceWiped)
#include "tst_devicewiped.moc"
