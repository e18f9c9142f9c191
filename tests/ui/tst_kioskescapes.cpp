// SPDX-License-Identifier: MIT
// Escapes from kiosk mode, tried as a user at the tablet would try them, on real widgets: Settings,
// sign-out and file dialogs need the administrator PIN; changing the PIN needs the current one;
// wrong PINs slow down (doubling after 3) and are logged; attachments come only from the
// attachment folders (never the profile, stores, caches or system folders); pictures and PDF files
// are shown inside the app and nothing is handed to another application in kiosk mode; programs
// are never opened, on the desk either.
#include "admingate.h"
#include "attachfiledialog.h"
#include "attachmentsmodel.h"
#include "attachmentspanel.h"
#include "attachmentviewer.h"
#include "casedetailshost.h"
#include "casedetailspane.h"
#include "caseview.h"
#include "fileaccess.h"
#include "folderpickerdialog.h"
#include "kioskcontroller.h"
#include "mainwindow.h"
#include "pindialog.h"
#include "pinguard.h"
#include "pinstore.h"
#include "samplecases.h"
#include "settingsdialog.h"
#include "translations.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGraphicsView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QPdfView>
#include <QPdfWriter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace outpost::ui;

namespace {
QDateTime g_now;

/// Notes and history stay empty; attachments are files on disk handed out as they are.
class FakeDetails : public CaseDetailsHost
{
public:
    QStringList added; // paths given to addAttachment
    QList<QPair<QString, QString>> files; // attachment id, local path

    QList<CaseNote> localNotes(const QString &) const override { return {}; }
    outpost::Status addNote(const QString &, const QString &) override { return {}; }
    QList<CaseAttachment> attachments(const QString &) const override
    {
        QList<CaseAttachment> out;
        for (const auto &[id, path] : files) {
            CaseAttachment a;
            a.id = id;
            a.name = QFileInfo(path).fileName();
            a.size = QFileInfo(path).size();
            a.state = CaseAttachment::State::Uploaded;
            out << a;
        }
        return out;
    }
    void addAttachment(const QString &caseId, const QString &path) override
    {
        added << path;
        QMetaObject::invokeMethod(
            this, [this, caseId] { Q_EMIT attachmentAdded(caseId, QStringLiteral("new")); },
            Qt::QueuedConnection);
    }
    void fetchAttachment(const QString &caseId, const QString &id) override
    {
        QString path;
        for (const auto &[i, p] : files)
            if (i == id)
                path = p;
        QFile f(path);
        const QByteArray content = f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        QMetaObject::invokeMethod(
            this,
            [this, caseId, id, path, content] {
                Q_EMIT attachmentReady(caseId, id, QFileInfo(path).fileName(), content);
            },
            Qt::QueuedConnection);
    }
    void fetchHistory(const QString &) override { }
    bool isOnline() const override { return false; }
};

QString writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return {};
    return path;
}

QString writePicture(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QImage image(400, 300, QImage::Format_RGB32);
    image.fill(QColor(30, 120, 200));
    QPainter(&image).fillRect(100, 100, 200, 100, Qt::yellow);
    return image.save(path) ? path : QString();
}

QString writePdf(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    {
        QPdfWriter pdf(path);
        QPainter painter(&pdf);
        painter.drawText(QPointF(100, 100), QStringLiteral("Wiring diagram"));
    }
    return QFileInfo(path).size() > 0 ? path : QString();
}

template <typename T> T *visible()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *t = qobject_cast<T *>(w); t && t->isVisible())
            return t;
    return nullptr;
}

void enterPin(PinDialog *dlg, const QString &pin)
{
    QTest::keyClicks(dlg->pinEdit(), pin);
    QTest::keyClick(dlg->pinEdit(), Qt::Key_Return);
}

void closeDialogs()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *d = qobject_cast<QDialog *>(w); d && d->isVisible())
            d->reject();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}
} // namespace

class TestKioskEscapes : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;

    QString m_home; // the user's home: Pictures in it
    QString m_profile; // the app's profile: stores, attachment copies, caches

    /// A kiosk window as the app builds it: fullscreen, the PIN gate on Settings, Sign out and the
    /// file dialog, the profile protected, a case open with its attachments.
    struct Kiosk {
        SampleCaseHost host;
        FakeDetails details;
        MainWindow window;
        KioskController controller;
        Kiosk(QSettings &s, const QString &profile, bool kiosk = true)
            : window(s)
            , controller(s)
        {
            window.setProtectedFolders({ profile });
            window.setCaseDetailsHost(&details);
            window.setCaseHost(&host);
            if (kiosk) {
                window.setKioskMode(true);
                window.setAdminGate(controller.gate());
                QObject::connect(
                    &window, &MainWindow::exitKioskRequested, &controller, &KioskController::requestExit);
                controller.attach(&window);
            } else {
                window.show();
            }
        }
        Kiosk(QSettings &s)
            : Kiosk(s, QString())
        { }
        AttachmentsPanel *openCase()
        {
            window.openCase(QStringLiteral("C-10051"));
            AttachmentsPanel *panel = window.caseView()->details()->attachments();
            panel->refresh();
            return panel;
        }
    };

    QString pictures() const { return m_home + QStringLiteral("/Pictures"); }
    QString storeFile() const { return m_profile + QStringLiteral("/alice@127.0.0.1_8470.sqlite"); }
    QString cachedFile() const
    {
        return m_profile + QStringLiteral("/alice@127.0.0.1_8470.cache/0b7e/report.jpg");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        initResources();
        QVERIFY(m_dir.isValid());
        PinGuard::setClock([] { return g_now; });
        // The user's own folders in a temporary home (Pictures is $HOME/Pictures without XDG dirs).
        m_home = m_dir.filePath(QStringLiteral("home"));
        m_profile = m_dir.filePath(QStringLiteral("home/.local/share/Outpost/outpost"));
        qputenv("HOME", m_home.toLocal8Bit());
        QVERIFY(!writePicture(pictures() + QStringLiteral("/meter.jpg")).isEmpty());
        QVERIFY(!writeFile(storeFile(), QByteArray("SQLite format 3\0", 16)).isEmpty());
        QVERIFY(!writePicture(cachedFile()).isEmpty());
        QVERIFY(QFile::link(storeFile(), pictures() + QStringLiteral("/store.jpg")));
        QVERIFY(!writeFile(m_dir.filePath(QStringLiteral("elsewhere/notes.txt")), "notes").isEmpty());
        QCOMPARE(QStandardPaths::writableLocation(QStandardPaths::PicturesLocation), pictures());
    }

    void init()
    {
        g_now = QDateTime(QDate(2026, 12, 6), QTime(9, 0), Qt::UTC);
        QFile::remove(m_dir.filePath(QStringLiteral("config/kiosk.conf")));
        m_settings = std::make_unique<QSettings>(
            m_dir.filePath(QStringLiteral("config/kiosk.conf")), QSettings::IniFormat);
        QVERIFY(PinStore(*m_settings).setPin(QStringLiteral("2468")));
    }

    void cleanup()
    {
        closeDialogs();
        m_settings.reset();
    }

    void settingsNeedThePin()
    {
        Kiosk kiosk(*m_settings);
        QVERIFY(QTest::qWaitForWindowExposed(&kiosk.window));
        auto *settings = kiosk.window.findChild<QAction *>(QStringLiteral("settings"));
        QVERIFY(settings);
        QVERIFY(settings->isVisible() && settings->isEnabled());

        // The toolbar's Settings: a PIN dialog, not the settings.
        settings->trigger();
        QVERIFY(!visible<SettingsDialog>());
        PinDialog *pin = kiosk.controller.pinDialog();
        QVERIFY(pin);
        QTRY_VERIFY(pin->isVisible());
        enterPin(pin, QStringLiteral("1111"));
        QVERIFY(!visible<SettingsDialog>());
        pin->reject();
        QTRY_VERIFY(!kiosk.controller.pinDialog());
        QVERIFY(!visible<SettingsDialog>());

        // The keyboard shortcut goes the same way.
        QTest::keySequence(&kiosk.window, QKeySequence(QKeySequence::Preferences));
        if (!kiosk.controller.pinDialog()) // offscreen: no focus window, trigger as the shortcut does
            settings->trigger();
        QVERIFY(kiosk.controller.pinDialog());
        QVERIFY(!visible<SettingsDialog>());
        enterPin(kiosk.controller.pinDialog(), QStringLiteral("2468"));
        QTRY_VERIFY(visible<SettingsDialog>());
    }

    void signOutNeedsThePin()
    {
        Kiosk kiosk(*m_settings);
        QSignalSpy signOut(&kiosk.window, &MainWindow::signOutRequested);
        kiosk.window.signOutAction()->trigger();
        QCOMPARE(signOut.count(), 0);
        QVERIFY(kiosk.controller.pinDialog());
        enterPin(kiosk.controller.pinDialog(), QStringLiteral("8642"));
        QCOMPARE(signOut.count(), 0);
        kiosk.controller.pinDialog()->reject();
        QTRY_VERIFY(!kiosk.controller.pinDialog());
        QCOMPARE(signOut.count(), 0);

        kiosk.window.signOutAction()->trigger();
        enterPin(kiosk.controller.pinDialog(), QStringLiteral("2468"));
        QCOMPARE(signOut.count(), 1);
    }

    void theDeskNeedsNoPin()
    {
        MainWindow window(*m_settings);
        QSignalSpy signOut(&window, &MainWindow::signOutRequested);
        window.signOutAction()->trigger();
        QCOMPARE(signOut.count(), 1);
        window.findChild<QAction *>(QStringLiteral("settings"))->trigger();
        QTRY_VERIFY(visible<SettingsDialog>());
    }

    void changingThePinNeedsTheCurrentOne()
    {
        // Also on the desk: whoever reaches the settings cannot take the kiosk over.
        SettingsDialog dlg(*m_settings);
        QSignalSpy rejected(&dlg, &SettingsDialog::pinRejected);
        QVERIFY(dlg.currentPinEdit()->isVisibleTo(&dlg));
        dlg.newPinEdit()->setText(QStringLiteral("1357"));
        dlg.repeatPinEdit()->setText(QStringLiteral("1357"));
        QVERIFY(!dlg.save()); // no current PIN
        QVERIFY(!dlg.messageText().isEmpty());
        dlg.currentPinEdit()->setText(QStringLiteral("1111"));
        QVERIFY(!dlg.save()); // a wrong one
        QCOMPARE(rejected.count(), 2);
        QVERIFY(PinStore(*m_settings).verify(QStringLiteral("2468")));
        QVERIFY(!PinStore(*m_settings).verify(QStringLiteral("1357")));

        dlg.currentPinEdit()->setText(QStringLiteral("2468"));
        QVERIFY(dlg.save());
        QVERIFY(PinStore(*m_settings).verify(QStringLiteral("1357")));
        QVERIFY(!PinStore(*m_settings).verify(QStringLiteral("2468")));

        // Settings other than the PIN need no PIN.
        SettingsDialog again(*m_settings);
        again.idleBox()->setValue(4);
        QVERIFY(again.save());
    }

    void wrongPinsSlowDownAndAreLogged()
    {
        Kiosk kiosk(*m_settings);
        QSignalSpy rejected(&kiosk.controller, &KioskController::pinRejected);
        QSignalSpy exit(&kiosk.controller, &KioskController::exitAllowed);
        kiosk.window.exitKioskAction()->trigger();
        PinDialog *pin = kiosk.controller.pinDialog();
        QVERIFY(pin);

        // Three PINs are tried at once, each wrong one logged.
        for (int i = 1; i <= 2; ++i) {
            QTest::ignoreMessage(QtWarningMsg,
                QRegularExpression(
                    QStringLiteral("wrong administrator PIN \\(to leave kiosk mode\\), %1 in a row").arg(i)));
            enterPin(pin, QStringLiteral("000%1").arg(i));
            QCOMPARE(pin->secondsToWait(), 0);
            QVERIFY(pin->pinEdit()->isEnabled());
        }
        QCOMPARE(rejected.count(), 2);

        // After the third wrong one: wait 5 s, keypad off, the dialog says so.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("3 in a row; next try in 5 s")));
        enterPin(pin, QStringLiteral("0003"));
        QCOMPARE(pin->secondsToWait(), 5);
        QVERIFY(pin->messageText().contains(QStringLiteral("Try again in 5 s")));
        QVERIFY(!pin->pinEdit()->isEnabled());
        QCOMPARE(rejected.count(), 3);
        QCOMPARE(rejected.last().at(1).toInt(), 3);
        QCOMPARE(rejected.last().at(2).toInt(), 5);
        // The right PIN is not even taken while waiting.
        enterPin(pin, QStringLiteral("2468"));
        QCOMPARE(exit.count(), 0);

        // Closing the dialog (or restarting the app) does not reset the wait.
        pin->reject();
        QTRY_VERIFY(!kiosk.controller.pinDialog());
        g_now = g_now.addSecs(2);
        kiosk.window.exitKioskAction()->trigger();
        pin = kiosk.controller.pinDialog();
        QVERIFY(pin);
        QCOMPARE(pin->secondsToWait(), 3);
        QVERIFY(pin->messageText().contains(QStringLiteral("Try again in 3 s")));
        QVERIFY(!pin->pinEdit()->isEnabled());
        QCOMPARE(PinGuard(*m_settings).secondsToWait(), 3);

        // Once the time is up the keypad is back; each next wrong PIN doubles the wait.
        g_now = g_now.addSecs(3);
        QTRY_VERIFY(pin->pinEdit()->isEnabled());
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("4 in a row; next try in 10 s")));
        enterPin(pin, QStringLiteral("0004"));
        QCOMPARE(pin->secondsToWait(), 10);
        QVERIFY(pin->messageText().contains(QStringLiteral("Try again in 10 s")));
        g_now = g_now.addSecs(10);
        QTRY_VERIFY(pin->pinEdit()->isEnabled());
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("5 in a row; next try in 20 s")));
        enterPin(pin, QStringLiteral("0005"));
        QCOMPARE(pin->secondsToWait(), 20);

        // The wait also holds for the settings' current PIN.
        SettingsDialog dlg(*m_settings);
        dlg.currentPinEdit()->setText(QStringLiteral("2468"));
        dlg.newPinEdit()->setText(QStringLiteral("1357"));
        dlg.repeatPinEdit()->setText(QStringLiteral("1357"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not checked")));
        QVERIFY(!dlg.save());
        QVERIFY(dlg.messageText().contains(QStringLiteral("Try again in 20 s")));

        // The right PIN after the wait: out, and the count starts again.
        g_now = g_now.addSecs(20);
        QTRY_VERIFY(pin->pinEdit()->isEnabled());
        enterPin(pin, QStringLiteral("2468"));
        QCOMPARE(exit.count(), 1);
        QCOMPARE(PinGuard(*m_settings).failures(), 0);
        QCOMPARE(PinGuard::delaySecondsAfter(3), 5);
        QCOMPARE(PinGuard::delaySecondsAfter(40), PinGuard::kMaxDelaySeconds);
    }

    void wrongPinsReachTheEventLog()
    {
        // What AppLifecycle wires: the controller's rejections become the window's security events,
        // which AppSession writes into the technician's event log.
        Kiosk kiosk(*m_settings);
        QSignalSpy events(&kiosk.window, &MainWindow::securityEvent);
        QObject::connect(&kiosk.controller, &KioskController::pinRejected, &kiosk.window,
            [&](AdminAction action, int failures, int wait) {
                kiosk.window.reportSecurityEvent(
                    QStringLiteral("%1 %2 %3").arg(adminActionName(action)).arg(failures).arg(wait));
            });
        kiosk.window.findChild<QAction *>(QStringLiteral("settings"))->trigger();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("wrong administrator PIN")));
        enterPin(kiosk.controller.pinDialog(), QStringLiteral("9999"));
        QCOMPARE(events.count(), 1);
        QCOMPARE(events.first().first().toString(), QStringLiteral("open settings 1 0"));

        // The settings' current PIN too.
        SettingsDialog *dlg = nullptr;
        kiosk.controller.pinDialog()->reject();
        QTRY_VERIFY(!kiosk.controller.pinDialog());
        kiosk.window.findChild<QAction *>(QStringLiteral("settings"))->trigger();
        enterPin(kiosk.controller.pinDialog(), QStringLiteral("2468"));
        QTRY_VERIFY((dlg = visible<SettingsDialog>()));
        dlg->currentPinEdit()->setText(QStringLiteral("1111"));
        dlg->newPinEdit()->setText(QStringLiteral("1357"));
        dlg->repeatPinEdit()->setText(QStringLiteral("1357"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("wrong administrator PIN")));
        QVERIFY(!dlg->save());
        QCOMPARE(events.count(), 2);
        QVERIFY(events.last().first().toString().contains(QStringLiteral("current administrator PIN")));
    }

    void attachingInKioskNeedsThePinAndStaysInTheFolders()
    {
        Kiosk kiosk(*m_settings, m_profile);
        AttachmentsPanel *panel = kiosk.openCase();
        QVERIFY(panel->addButton()->isEnabled());

        // "Add…": the PIN first, no file dialog before it.
        QTest::mouseClick(panel->addButton(), Qt::LeftButton);
        QVERIFY(!panel->findChild<QFileDialog *>());
        PinDialog *pin = kiosk.controller.pinDialog();
        QVERIFY(pin);
        QVERIFY(
            pin->findChild<QLabel *>(QStringLiteral("pinPrompt"))->text().contains(QStringLiteral("files")));
        enterPin(pin, QStringLiteral("2468"));
        auto *dlg = panel->findChild<AttachFileDialog *>();
        QVERIFY(dlg);
        QTRY_VERIFY(dlg->isVisible());
        // Qt's own dialog, read-only, in Pictures, its side bar only the attachment folders.
        QVERIFY(dlg->testOption(QFileDialog::DontUseNativeDialog));
        QVERIFY(dlg->testOption(QFileDialog::ReadOnly));
        QCOMPARE(dlg->directory().absolutePath(), pictures());
        QCOMPARE(dlg->sidebarUrls(), QList<QUrl> { QUrl::fromLocalFile(pictures()) });

        // Going to another folder leads back to Pictures.
        dlg->setDirectory(m_profile);
        QTRY_COMPARE(dlg->directory().absolutePath(), pictures());
        dlg->setDirectory(QStringLiteral("/etc"));
        QTRY_COMPARE(dlg->directory().absolutePath(), pictures());

        // Typed paths outside are refused and the dialog stays.
        auto *name = dlg->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        QVERIFY(name);
        for (const QString &typed : { storeFile(), QStringLiteral("/etc/hostname"),
                 m_dir.filePath(QStringLiteral("elsewhere/notes.txt")), QStringLiteral("store.jpg"),
                 m_profile }) {
            name->setText(typed);
            QTest::keyClick(name, Qt::Key_Return);
            QVERIFY2(dlg->isVisible(), qPrintable(typed));
            QVERIFY2(!dlg->messageText().isEmpty(), qPrintable(typed));
            QCOMPARE(dlg->directory().absolutePath(), pictures());
        }
        QVERIFY(kiosk.details.added.isEmpty());

        // A picture from Pictures is attached.
        name->setText(QStringLiteral("meter.jpg"));
        QTest::keyClick(name, Qt::Key_Return);
        QTRY_VERIFY(!dlg->isVisible());
        QCOMPARE(kiosk.details.added, QStringList { pictures() + QStringLiteral("/meter.jpg") });

        // Whatever way a path arrives, the app's own files and other folders are refused.
        panel->addFiles({ storeFile(), cachedFile(), m_dir.filePath(QStringLiteral("elsewhere/notes.txt")) });
        QCOMPARE(kiosk.details.added.size(), 1);
        QVERIFY(panel->messageText().startsWith(QStringLiteral("Not attached")));
    }

    void theCameraFolderAndAttachingWithoutPin()
    {
        const QString camera = m_dir.filePath(QStringLiteral("camera"));
        QVERIFY(!writePicture(camera + QStringLiteral("/IMG_0001.jpg")).isEmpty());
        m_settings->setValue(QStringLiteral("attachments/cameraFolder"), camera);
        m_settings->setValue(QStringLiteral("kiosk/attachWithoutPin"), true);
        Kiosk kiosk(*m_settings, m_profile);
        AttachmentsPanel *panel = kiosk.openCase();
        QTest::mouseClick(panel->addButton(), Qt::LeftButton);
        QVERIFY(!kiosk.controller.pinDialog());
        auto *dlg = panel->findChild<AttachFileDialog *>();
        QVERIFY(dlg);
        QTRY_VERIFY(dlg->isVisible());
        QCOMPARE(dlg->sidebarUrls().size(), 2);
        dlg->setDirectory(camera);
        QCOMPARE(dlg->directory().absolutePath(), camera);
        auto *name = dlg->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        name->setText(QStringLiteral("IMG_0001.jpg"));
        QTest::keyClick(name, Qt::Key_Return);
        QTRY_VERIFY(!dlg->isVisible());
        QCOMPARE(kiosk.details.added, QStringList { camera + QStringLiteral("/IMG_0001.jpg") });

        // A camera folder inside the profile is no attachment folder.
        m_settings->setValue(QStringLiteral("attachments/cameraFolder"), m_profile);
        QCOMPARE(kiosk.window.fileAccess().attachmentFolders(), QStringList { pictures() });
    }

    void theCameraFolderIsChosenWithinAllowedPlaces()
    {
        const QString camera = m_home + QStringLiteral("/Camera");
        QVERIFY(!writePicture(camera + QStringLiteral("/IMG_0002.jpg")).isEmpty());
        Kiosk kiosk(*m_settings, m_profile);
        // The settings, and with them the picker, only after the PIN.
        kiosk.window.findChild<QAction *>(QStringLiteral("settings"))->trigger();
        enterPin(kiosk.controller.pinDialog(), QStringLiteral("2468"));
        SettingsDialog *settings = nullptr;
        QTRY_VERIFY((settings = visible<SettingsDialog>()));
        QPushButton *browse = settings->cameraFolderBrowseButton();
        QVERIFY(browse && browse->isVisible());
        bool labelled = false; // "Camera import folder:" with its mnemonic, not a literal "&"
        for (QLabel *l : settings->findChildren<QLabel *>())
            labelled |= l->buddy() == settings->cameraFolderEdit() && l->text().startsWith(QLatin1Char('&'));
        QVERIFY(labelled);
        QTest::mouseClick(browse, Qt::LeftButton);
        auto *picker = settings->findChild<FolderPickerDialog *>();
        QVERIFY(picker);
        QTRY_VERIFY(picker->isVisible());
        // Qt's own dialog, read-only, folders only, in the home folder; its side bar only the places.
        QVERIFY(picker->testOption(QFileDialog::DontUseNativeDialog));
        QVERIFY(picker->testOption(QFileDialog::ReadOnly));
        QVERIFY(picker->testOption(QFileDialog::ShowDirsOnly));
        QCOMPARE(picker->directory().absolutePath(), m_home);
        QCOMPARE(picker->places().first(), m_home);
        QList<QUrl> side;
        for (const QString &p : picker->places()) {
            QVERIFY2(
                p == m_home || p == QStringLiteral("/media") || p == QStringLiteral("/mnt"), qPrintable(p));
            side << QUrl::fromLocalFile(p);
        }
        QCOMPARE(picker->sidebarUrls(), side);

        // Another folder leads back to the home folder: system folders, the profile.
        picker->setDirectory(QStringLiteral("/etc"));
        QTRY_COMPARE(picker->directory().absolutePath(), m_home);
        picker->setDirectory(m_profile);
        QTRY_COMPARE(picker->directory().absolutePath(), m_home);

        // Typed folders that cannot hold attachments are refused and the picker stays.
        auto *name = picker->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        QVERIFY(name);
        // Hidden folders (keys, programs' settings) neither: not even listed on request.
        const QString ssh = m_home + QStringLiteral("/.ssh");
        QVERIFY(QDir().mkpath(ssh));
        auto *showHidden = picker->findChild<QAction *>(QStringLiteral("qt_show_hidden_action"));
        QVERIFY(showHidden && !showHidden->isVisible());
        for (const QString &typed :
            { QStringLiteral("/etc"), m_profile, m_home, m_dir.filePath(QStringLiteral("elsewhere")), ssh }) {
            name->setText(typed);
            QTest::keyClick(name, Qt::Key_Return);
            QVERIFY2(picker->isVisible(), qPrintable(typed));
            QVERIFY2(!picker->messageText().isEmpty(), qPrintable(typed));
        }
        QVERIFY(settings->cameraFolderEdit()->text().isEmpty());

        // A folder of the home folder is taken into the settings.
        name->setText(QStringLiteral("Camera"));
        QTest::keyClick(name, Qt::Key_Return);
        QTRY_VERIFY(!picker->isVisible());
        QCOMPARE(QDir::fromNativeSeparators(settings->cameraFolderEdit()->text()), camera);
        QVERIFY(settings->save());
        QCOMPARE(m_settings->value(QStringLiteral("attachments/cameraFolder")).toString(), camera);
        QCOMPARE(kiosk.window.fileAccess().attachmentFolders(), (QStringList { pictures(), camera }));

        // Typed into the settings instead: the same rule.
        for (const QString &typed : { m_profile, m_home, QStringLiteral("/etc"), ssh }) {
            settings->cameraFolderEdit()->setText(typed);
            QVERIFY2(!settings->save(), qPrintable(typed));
            QVERIFY2(!settings->messageText().isEmpty(), qPrintable(typed));
        }
        QCOMPARE(m_settings->value(QStringLiteral("attachments/cameraFolder")).toString(), camera);
        m_settings->remove(QStringLiteral("attachments/cameraFolder"));
    }

    void theDeskRefusesTheAppsOwnFiles()
    {
        Kiosk desk(*m_settings, m_profile, false);
        AttachmentsPanel *panel = desk.openCase();
        panel->addFiles({ storeFile() });
        QVERIFY(panel->messageText().contains(QStringLiteral("own data")));
        panel->addFiles({ cachedFile() });
        panel->addFiles({ pictures() + QStringLiteral("/store.jpg") }); // a link to the store
        panel->addFiles({ m_settings->fileName() });
#ifndef Q_OS_WIN
        panel->addFiles({ QStringLiteral("/etc/hostname") });
        QVERIFY(panel->messageText().contains(QStringLiteral("system")));
#endif
        QVERIFY(desk.details.added.isEmpty());
        // Anything else of the user's is fine on the desk, with no PIN.
        panel->addFiles({ m_dir.filePath(QStringLiteral("elsewhere/notes.txt")) });
        QCOMPARE(desk.details.added.size(), 1);
        QTest::mouseClick(panel->addButton(), Qt::LeftButton);
        QVERIFY(!desk.controller.pinDialog());
        auto *dlg = panel->findChild<QFileDialog *>(QStringLiteral("attachFileDialog"));
        QVERIFY(dlg);
        dlg->reject();
    }

    void picturesAndPdfShowInsideTheApp()
    {
        Kiosk kiosk(*m_settings, m_profile);
        kiosk.details.files = { { QStringLiteral("a1"), pictures() + QStringLiteral("/meter.jpg") },
            { QStringLiteral("a2"), writePdf(m_dir.filePath(QStringLiteral("dl/wiring.pdf"))) } };
        AttachmentsPanel *panel = kiosk.openCase();
        QStringList external;
        panel->setOpener([&external](const QString &path) {
            external << path;
            return true;
        });
        QCOMPARE(panel->model()->rowCount(), 2);

        panel->list()->setCurrentIndex(panel->model()->index(0, 0));
        QTest::mouseClick(panel->openButton(), Qt::LeftButton);
        QTRY_VERIFY2(panel->viewer() && panel->viewer()->isVisible(), qPrintable(panel->messageText()));
        AttachmentViewer *viewer = panel->viewer();
        QCOMPARE(viewer->kind(), FileKind::Image);
        QVERIFY(viewer->imageView()->isVisible());
        QTRY_VERIFY(viewer->zoom() > 0);
        const qreal fitted = viewer->zoom();
        QTest::mouseClick(viewer->findChild<QPushButton *>(QStringLiteral("zoomIn")), Qt::LeftButton);
        QVERIFY(viewer->zoom() > fitted);
        QTest::mouseClick(viewer->findChild<QPushButton *>(QStringLiteral("zoomFit")), Qt::LeftButton);
        QCOMPARE(viewer->zoom(), fitted);
        viewer->reject();
        QTRY_VERIFY(!panel->viewer());

        panel->list()->setCurrentIndex(panel->model()->index(1, 0));
        QTest::keyClick(panel->list(), Qt::Key_Return);
        QTRY_VERIFY(panel->viewer() && panel->viewer()->isVisible());
        viewer = panel->viewer();
        QCOMPARE(viewer->kind(), FileKind::Pdf);
        QCOMPARE(viewer->pageCount(), 1);
        QVERIFY(viewer->pdfView()->isVisible());
        const qreal before = viewer->zoom();
        viewer->zoomIn();
        QVERIFY(viewer->zoom() > before);
        viewer->reject();
        QVERIFY(external.isEmpty()); // nothing went to another application
    }

    void otherFilesLeaveNeitherTheKioskNorProgramsTheDesk()
    {
        QFile self(QCoreApplication::applicationFilePath());
        QVERIFY(self.open(QIODevice::ReadOnly));
        const QByteArray elf = self.read(4096);
        const QString dl = m_dir.filePath(QStringLiteral("dl"));
        const QList<QPair<QString, QString>> programs = {
            { QStringLiteral("p1"),
                writeFile(dl + QStringLiteral("/report.pdf"), elf) }, // a program dressed as PDF
            { QStringLiteral("p2"), writeFile(dl + QStringLiteral("/photo.jpg"), "#!/bin/sh\nrm -rf ~\n") },
            { QStringLiteral("p3"), writeFile(dl + QStringLiteral("/setup.exe"), "plain text") },
            { QStringLiteral("p4"),
                writeFile(dl + QStringLiteral("/update.desktop"), "[Desktop Entry]\nExec=sh") },
            { QStringLiteral("p5"), writeFile(dl + QStringLiteral("/tool.PS1."), "Remove-Item") },
            // (Execute bits do not travel: the app opens an attachment from the store's sealed copy,
            // by its content and name.)
        };
        const QPair<QString, QString> letter { QStringLiteral("5b0c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3"),
            writeFile(dl + QStringLiteral("/letter.docx"), QByteArray("PK\x03\x04 letter", 13)) };

        for (const bool kiosk : { false, true }) {
            Kiosk w(*m_settings, m_profile, kiosk);
            w.details.files = programs;
            w.details.files << letter;
            AttachmentsPanel *panel = w.openCase();
            QStringList external;
            panel->setOpener([&external](const QString &path) {
                external << path;
                return true;
            });
            QCOMPARE(panel->model()->rowCount(), programs.size() + 1);
            for (int row = 0; row < programs.size(); ++row) {
                QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("it is a program")));
                panel->list()->setCurrentIndex(panel->model()->index(row, 0));
                QTest::mouseClick(panel->openButton(), Qt::LeftButton);
                QTRY_VERIFY(panel->openButton()->isEnabled());
                QVERIFY2(panel->messageText().contains(QStringLiteral("never opened")),
                    qPrintable(programs[row].second));
                QVERIFY(!panel->viewer());
            }
            QVERIFY(external.isEmpty());
            panel->list()->setCurrentIndex(panel->model()->index(programs.size(), 0));
            QTest::mouseClick(panel->openButton(), Qt::LeftButton);
            QTRY_VERIFY(panel->openButton()->isEnabled());
            if (kiosk) {
                QVERIFY(external.isEmpty()); // never another application in kiosk mode
                QVERIFY(panel->messageText().contains(QStringLiteral("cannot be shown")));
            } else {
                // The desk's word processor gets a plain copy in the user's runtime folder.
                QCOMPARE(external.size(), 1);
                QVERIFY2(external.first().startsWith(AttachmentsPanel::openedCopiesDir()),
                    qPrintable(external.first()));
                QVERIFY(external.first().endsWith(QStringLiteral("/letter.docx")));
                QFile copy(external.first());
                QVERIFY(copy.open(QIODevice::ReadOnly));
                QCOMPARE(copy.readAll(), QByteArray("PK\x03\x04 letter", 13));
            }
        }
    }
};

QTEST_MAIN(TestKioskEscapes)
#include "tst_kioskescapes.moc"
