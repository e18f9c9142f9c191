// SPDX-License-Identifier: MIT
// The sign-in dialog, as a technician meets the transport policy: a plain http:// server that is not
// this computer is refused with a message that says why and what to do, and nothing is signed in.
#include "appsession.h"
#include "httptransport.h"
#include "mainwindow.h"
#include "memorycredentialstore.h"
#include "signindialog.h"

#include <QDir>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace outpost;
using namespace outpost::ui;

class TestSignInDialogTransport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void plainHttpServerIsRefusedWithAReason()
    {
        QTemporaryDir profile;
        QSettings settings(profile.filePath(QStringLiteral("outpost.conf")), QSettings::IniFormat);
        MainWindow window(settings);
        AppSession::Options o;
        o.profileDir = profile.filePath(QStringLiteral("stores"));
        o.services.http = std::make_shared<sync::HttpTransport>(); // the default policy
        o.services.credentials = std::make_shared<testing::MemoryCredentialStore>();
        AppSession session(&window, o);
        SignInDialog dialog;
        session.attachSignInDialog(&dialog);
        dialog.setServer(QStringLiteral("http://outpost.example.com"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.findChild<QLineEdit *>(QStringLiteral("user"))->setText(QStringLiteral("alice"));
        auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("password"));
        password->setText(QStringLiteral("alice"));
        QSignalSpy started(&session, &AppSession::started);
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_VERIFY(!dialog.messageText().isEmpty());
        const QString message = dialog.messageText();
        QVERIFY2(message.contains(QLatin1String("outpost.example.com"))
                && message.contains(QLatin1String("https://"))
                && message.contains(QLatin1String("--allow-insecure-http")),
            qPrintable(message));
        QVERIFY(dialog.isVisible());
        QVERIFY(started.isEmpty());
        QVERIFY(!QDir(o.profileDir).exists() || QDir(o.profileDir).isEmpty());
        if (const QByteArray shots = qgetenv("OUTPOST_SHOT_DIR"); !shots.isEmpty())
            dialog.grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/signin-insecure-http.png"));
    }
};

QTEST_MAIN(TestSignInDialogTransport)
#include "tst_signindialog_transport.moc"
