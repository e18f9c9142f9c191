// SPDX-License-Identifier: MIT
// Sign-in (input checks, signal, errors, remembered server, no password stored), settings (values
// and the PIN written hashed), the event-log view over a model.
#include "eventlogview.h"
#include "pinstore.h"
#include "settingsdialog.h"
#include "signindialog.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QStringListModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace outpost::ui;

class TestDialogs : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("OutpostTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_ui_dialogs"));
        QSettings().clear();
        initResources();
    }

    void serverUrlNormalized()
    {
        QString why;
        QCOMPARE(normalizeServerUrl(QStringLiteral(" outpost.example.com/ "), &why),
            QStringLiteral("https://outpost.example.com"));
        QCOMPARE(normalizeServerUrl(QStringLiteral("http://10.0.0.5:8080"), &why),
            QStringLiteral("http://10.0.0.5:8080"));
        QVERIFY(normalizeServerUrl(QStringLiteral("ftp://x"), &why).isEmpty());
        QVERIFY(why.contains(QStringLiteral("ftp://x")));
        QVERIFY(normalizeServerUrl(QString(), &why).isEmpty());
    }

    void signInChecksInputAndEmits()
    {
        SignInDialog dlg;
        dlg.show();
        QSignalSpy requested(&dlg, &SignInDialog::signInRequested);
        auto *server = dlg.findChild<QLineEdit *>(QStringLiteral("server"));
        auto *user = dlg.findChild<QLineEdit *>(QStringLiteral("user"));
        auto *password = dlg.findChild<QLineEdit *>(QStringLiteral("password"));
        auto *button = dlg.findChild<QPushButton *>(QStringLiteral("signInButton"));
        QVERIFY(server && user && password && button);
        QVERIFY(!server->accessibleName().isEmpty() && !password->accessibleName().isEmpty());

        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(requested.count(), 0);
        QVERIFY(dlg.messageText().contains(QStringLiteral("server address")));

        QTest::keyClicks(server, QStringLiteral("outpost.example.com"));
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(dlg.messageText().contains(QStringLiteral("user name")));
        QTest::keyClicks(user, QStringLiteral("alice"));
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(dlg.messageText().contains(QStringLiteral("password")));
        QCOMPARE(requested.count(), 0);

        QTest::keyClicks(password, QStringLiteral("s3cret"));
        QTest::keyClick(password, Qt::Key_Return);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("https://outpost.example.com"));
        QCOMPARE(requested.at(0).at(1).toString(), QStringLiteral("alice"));
        QCOMPARE(requested.at(0).at(2).toString(), QStringLiteral("s3cret"));
        QVERIFY(!password->isEnabled()); // busy

        dlg.showError(QStringLiteral("Wrong user name or password."));
        QVERIFY(password->isEnabled());
        QVERIFY(password->text().isEmpty());
        QCOMPARE(dlg.messageText(), QStringLiteral("Wrong user name or password."));

        // The server and user are remembered, the password never.
        QSettings s;
        QCOMPARE(s.value(QStringLiteral("signin/server")).toString(),
            QStringLiteral("https://outpost.example.com"));
        for (const QString &key : s.allKeys())
            QVERIFY2(s.value(key).toString() != QLatin1String("s3cret"), qPrintable(key));
        SignInDialog again;
        QCOMPARE(again.server(), QStringLiteral("https://outpost.example.com"));
        QCOMPARE(again.user(), QStringLiteral("alice"));
    }

    void lockScreenSignInCannotBeCancelled()
    {
        SignInDialog dlg;
        dlg.setCancelAllowed(false);
        dlg.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dlg));
        QTest::keyClick(&dlg, Qt::Key_Escape);
        QVERIFY(dlg.isVisible());
        QVERIFY(!dlg.close());
        QVERIFY(dlg.isVisible());
        dlg.setCancelAllowed(true);
        QTest::keyClick(&dlg, Qt::Key_Escape);
        QVERIFY(!dlg.isVisible());
    }

    void settingsWriteValuesAndHashedPin()
    {
        QSettings s(m_dir.filePath(QStringLiteral("settings.conf")), QSettings::IniFormat);
        SettingsDialog dlg(s);
        QSignalSpy saved(&dlg, &SettingsDialog::settingsSaved);
        dlg.serverEdit()->setText(QStringLiteral("not a url at all://"));
        QVERIFY(!dlg.save());
        QVERIFY(!dlg.messageText().isEmpty());
        dlg.serverEdit()->setText(QStringLiteral("https://sync.example.org"));
        dlg.intervalBox()->setValue(15);
        dlg.idleBox()->setValue(3);
        dlg.languageBox()->setCurrentIndex(dlg.languageBox()->findData(QStringLiteral("fr")));
        dlg.newPinEdit()->setText(QStringLiteral("97531"));
        dlg.repeatPinEdit()->setText(QStringLiteral("97532"));
        QVERIFY(!dlg.save());
        QVERIFY(dlg.messageText().contains(QStringLiteral("differ")));
        QCOMPARE(saved.count(), 0);
        dlg.repeatPinEdit()->setText(QStringLiteral("97531"));
        QVERIFY(dlg.save());
        QCOMPARE(saved.count(), 1);
        QCOMPARE(saved.at(0).at(0).toBool(), true); // language changed
        QCOMPARE(
            s.value(QStringLiteral("signin/server")).toString(), QStringLiteral("https://sync.example.org"));
        QCOMPARE(s.value(QStringLiteral("sync/intervalMinutes")).toInt(), 15);
        QCOMPARE(s.value(QStringLiteral("kiosk/idleMinutes")).toInt(), 3);
        QCOMPARE(s.value(QStringLiteral("ui/language")).toString(), QStringLiteral("fr"));
        QVERIFY(PinStore(s).verify(QStringLiteral("97531")));
        QFile f(s.fileName());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("97531"));
    }

    void eventLogViewFilters()
    {
        QStringListModel log(
            { QStringLiteral("08:01 sync started"), QStringLiteral("08:01 uploaded 3 actions"),
                QStringLiteral("08:02 conflict on C-10043"), QStringLiteral("08:02 sync finished") });
        EventLogView view;
        view.setModel(&log);
        QAbstractItemModelTester tester(view.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(view.view()->model()->rowCount(), 4);
        QVERIFY(view.view()->isHeaderHidden()); // no column header reading "1" above the lines
        QTest::keyClicks(view.filterEdit(), QStringLiteral("SYNC"));
        QCOMPARE(view.view()->model()->rowCount(), 2);
        log.insertRows(0, 1);
        log.setData(log.index(0), QStringLiteral("08:03 sync started"));
        QCOMPARE(view.view()->model()->rowCount(), 3);
    }
};

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
