// SPDX-License-Identifier: MIT
// Kiosk mode: the PIN stored only as a salted PBKDF2 hash, PIN exit (wrong refused, right allowed),
// close refused, idle lock after the configured time, single instance.
#include "kioskcontroller.h"
#include "pindialog.h"
#include "pinstore.h"
#include "singleinstance.h"
#include "translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMainWindow>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

using namespace outpost::ui;
using namespace std::chrono_literals;

class TestKiosk : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString iniPath() const { return m_dir.filePath(QStringLiteral("outpost.conf")); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        initResources();
        QVERIFY(m_dir.isValid());
    }

    void pinIsStoredHashedAndSalted()
    {
        QSettings s(iniPath(), QSettings::IniFormat);
        PinStore store(s);
        QVERIFY(!store.hasPin());
        QVERIFY(!store.verify(QStringLiteral("2468")));
        QString why;
        QVERIFY(!store.setPin(QStringLiteral("12a4"), &why));
        QVERIFY(!why.isEmpty());
        QVERIFY(!store.setPin(QStringLiteral("123")));
        QVERIFY(store.setPin(QStringLiteral("246813")));
        QVERIFY(store.verify(QStringLiteral("246813")));
        QVERIFY(!store.verify(QStringLiteral("246814")));
        QVERIFY(!store.verify(QString()));
        s.sync();
        QFile f(iniPath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(!text.contains("246813"));
        QVERIFY(text.contains("pinHash"));
        const QString salt1 = s.value(QStringLiteral("kiosk/pinSalt")).toString();
        QVERIFY(store.setPin(QStringLiteral("246813")));
        QVERIFY(s.value(QStringLiteral("kiosk/pinSalt")).toString() != salt1); // fresh salt each time
    }

    void closeRefusedAndPinExit()
    {
        QSettings s(iniPath(), QSettings::IniFormat);
        QVERIFY(PinStore(s).setPin(QStringLiteral("2468")));
        QMainWindow window;
        KioskController kiosk(s);
        kiosk.attach(&window);
        QVERIFY(window.windowFlags() & Qt::FramelessWindowHint);
        QVERIFY(window.isFullScreen());
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QVERIFY(!window.close()); // close events are ignored
        QVERIFY(window.isVisible());
        QKeyEvent altF4(QEvent::KeyPress, Qt::Key_F4, Qt::AltModifier);
        QVERIFY(QApplication::sendEvent(&window, &altF4));
        QVERIFY(altF4.isAccepted() || window.isVisible());
        QVERIFY(window.isVisible());

        QSignalSpy exit(&kiosk, &KioskController::exitAllowed);
        kiosk.requestExit();
        PinDialog *pin = kiosk.pinDialog();
        QVERIFY(pin);
        QTRY_VERIFY(pin->isVisible());
        QTest::keyClicks(pin->pinEdit(), QStringLiteral("1357"));
        QTest::keyClick(pin->pinEdit(), Qt::Key_Return);
        QCOMPARE(pin->failedAttempts(), 1);
        QVERIFY(!pin->messageText().isEmpty());
        QVERIFY(pin->pinEdit()->text().isEmpty());
        QCOMPARE(exit.count(), 0);
        QVERIFY(window.isVisible());

        QTest::keyClicks(pin->pinEdit(), QStringLiteral("2468"));
        QTest::keyClick(pin->pinEdit(), Qt::Key_Return);
        QCOMPARE(exit.count(), 1);
        QVERIFY(kiosk.isExitAllowed());
        QTRY_VERIFY(!window.isVisible());
    }

    void noPinMeansNoExit()
    {
        QTemporaryDir dir;
        QSettings s(dir.filePath(QStringLiteral("empty.conf")), QSettings::IniFormat);
        QMainWindow window;
        KioskController kiosk(s);
        kiosk.attach(&window);
        kiosk.requestExit();
        QTest::keyClicks(kiosk.pinDialog()->pinEdit(), QStringLiteral("0000"));
        QTest::keyClick(kiosk.pinDialog()->pinEdit(), Qt::Key_Return);
        QVERIFY(!kiosk.isExitAllowed());
        QVERIFY(!window.close());
    }

    void idleLockAfterConfiguredTime()
    {
        QSettings s(iniPath(), QSettings::IniFormat);
        s.setValue(QStringLiteral("kiosk/idleMinutes"), 7);
        QMainWindow window;
        KioskController kiosk(s);
        QCOMPARE(kiosk.idleTimeout(), std::chrono::milliseconds(7min));
        kiosk.attach(&window);
        QSignalSpy locked(&kiosk, &KioskController::locked);
        kiosk.setIdleTimeout(300ms);
        QElapsedTimer t;
        t.start();
        QVERIFY(locked.wait(5000));
        QVERIFY(t.elapsed() >= 250);
        QVERIFY(kiosk.isLocked());
        QCOMPARE(locked.count(), 1);

        // Input restarts the idle time: keep typing for longer than the timeout, no lock.
        QSignalSpy unlocked(&kiosk, &KioskController::unlocked);
        kiosk.unlock();
        QCOMPARE(unlocked.count(), 1);
        kiosk.setIdleTimeout(400ms);
        QElapsedTimer busy;
        busy.start();
        int presses = 0;
        while (busy.elapsed() < 800) {
            QTest::keyClick(&window, Qt::Key_A);
            ++presses;
            QVERIFY(!locked.wait(100)); // waits on the signal, which must not come while typing
        }
        QVERIFY(presses >= 4);
        QCOMPARE(locked.count(), 1);
        QVERIFY(locked.wait(5000)); // and once idle again, it locks
        QCOMPARE(locked.count(), 2);
    }

    void touchSizedTargets()
    {
        const int before = QApplication::font().pointSize();
        KioskController::applyTouchStyle();
        QVERIFY(QApplication::font().pointSizeF() > before);
        QWidget w;
        auto *lay = new QVBoxLayout(&w);
        auto *button = new QPushButton(QStringLiteral("OK"), &w);
        auto *edit = new QLineEdit(&w);
        auto *combo = new QComboBox(&w);
        combo->addItem(QStringLiteral("a"));
        auto *check = new QCheckBox(QStringLiteral("Yes"), &w);
        for (QWidget *c : { static_cast<QWidget *>(button), static_cast<QWidget *>(edit),
                 static_cast<QWidget *>(combo), static_cast<QWidget *>(check) })
            lay->addWidget(c);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        for (QWidget *c : { static_cast<QWidget *>(button), static_cast<QWidget *>(edit),
                 static_cast<QWidget *>(combo), static_cast<QWidget *>(check) })
            QVERIFY2(c->height() >= 44, c->metaObject()->className());
        QVERIFY(button->width() >= 44);
    }

    void singleInstance()
    {
        SingleInstance first(m_dir.path() + QStringLiteral("/profile-a"));
        QVERIFY(first.acquire());
        QVERIFY(first.isPrimary());
        QSignalSpy raise(&first, &SingleInstance::raiseRequested);
        SingleInstance second(m_dir.path() + QStringLiteral("/profile-a"));
        QVERIFY(!second.acquire());
        QVERIFY(!second.isPrimary());
        QVERIFY(raise.count() > 0 || raise.wait(5000));
        SingleInstance other(m_dir.path() + QStringLiteral("/profile-b"));
        QVERIFY(other.acquire()); // another profile runs side by side
    }
};

QTEST_MAIN(TestKiosk)
#include "tst_kiosk.moc"
