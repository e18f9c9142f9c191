// SPDX-License-Identifier: MIT
// The ready panel and the status bar's ready indicator as a technician uses them: green when ready,
// the reasons first when not, "Get ready" busy with the sync's progress; screenshots at desk and
// kiosk sizes into the build tree (OUTPOST_SCREENSHOTS_DIR, else the working directory).
#include "kioskcontroller.h"
#include "readypanel.h"
#include "syncstatusbar.h"
#include "translations.h"

#include <QDir>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace outpost::ui;

namespace {

ReadyState notReady()
{
    ReadyState s;
    s.known = true;
    s.ready = false;
    s.checkedAt = QDateTime::currentDateTimeUtc();
    s.lines = {
        { false, QStringLiteral("2 changes not on the server yet."),
            { QStringLiteral("Note on C-10042 — not sent yet: sync to send it"),
                QStringLiteral(
                    "Update C-10007: Meter reading 12 → 15 — waits for a conflict to be resolved") } },
        { true, QStringLiteral("Last sync 3 min ago (07/12/2026 08:12)."), {} },
        { false,
            QStringLiteral("Attachments of your cases not on this device (they open only online): 1 of 4."),
            { QStringLiteral("C-10042: drawing.pdf") } },
        { true, QStringLiteral("All cases assigned to you (25) are on this device."), {} },
        { true, QStringLiteral("You can sign in without the server until 14/12/2026 08:10."), {} },
        { true, QStringLiteral("58 GiB free on this device."), {} },
    };
    return s;
}

void save(QWidget *w, const QString &name)
{
    QString dir = qEnvironmentVariable("OUTPOST_SCREENSHOTS_DIR");
    if (dir.isEmpty())
        dir = QDir::currentPath();
    QDir().mkpath(dir);
    QVERIFY(w->grab().save(dir + QLatin1Char('/') + name));
}

} // namespace

class TestReadyPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initResources(); }

    void reasonsComeFirstThenWhatIsFine()
    {
        ReadyPanel panel;
        QCOMPARE(panel.headline(), QStringLiteral("Checking…"));
        panel.setState(notReady());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.headline(), QStringLiteral("Not ready to go offline"));
        QListWidget *list = panel.list();
        QCOMPARE(list->item(0)->text(), QStringLiteral("2 changes not on the server yet."));
        QVERIFY(list->item(1)->text().contains(QStringLiteral("sync to send it"))); // why it waits
        QVERIFY(list->item(3)->text().startsWith(QStringLiteral("Attachments")));
        QCOMPARE(list->item(5)->text(), QStringLiteral("Last sync 3 min ago (07/12/2026 08:12)."));
        QVERIFY(list->item(0)->font().bold());
        QVERIFY(!list->item(5)->font().bold());
        save(&panel, QStringLiteral("ready-panel-not-ready.png"));

        ReadyState ok = notReady();
        ok.ready = true;
        for (ReadyLine &l : ok.lines) {
            l.ok = true;
            l.details.clear();
        }
        panel.setState(ok);
        QCOMPARE(panel.headline(), QStringLiteral("Ready to go offline"));
        QCOMPARE(panel.list()->count(), ok.lines.size());
        save(&panel, QStringLiteral("ready-panel-ready.png"));
    }

    void getReadyShowsProgressAndWaits()
    {
        ReadyPanel panel;
        panel.setState(notReady());
        panel.show();
        QSignalSpy getReady(&panel, &ReadyPanel::getReadyRequested);
        QSignalSpy check(&panel, &ReadyPanel::checkRequested);
        QTest::mouseClick(panel.getReadyButton(), Qt::LeftButton);
        QCOMPARE(getReady.count(), 1);
        panel.setBusy(true, QStringLiteral("Syncing…"));
        QVERIFY(!panel.getReadyButton()->isEnabled());
        QVERIFY(!panel.checkAgainButton()->isEnabled());
        QVERIFY(panel.progressBar()->isVisible());
        panel.setProgress(QStringLiteral("upload"), 120, 500);
        QCOMPARE(panel.statusText(), QStringLiteral("Sending your changes: 120 of 500"));
        QCOMPARE(panel.progressBar()->value(), 120);
        QCOMPARE(panel.progressBar()->maximum(), 500);
        save(&panel, QStringLiteral("ready-panel-getting-ready.png"));
        panel.setBusy(false);
        QVERIFY(panel.getReadyButton()->isEnabled());
        QVERIFY(!panel.progressBar()->isVisible());
        QTest::mouseClick(panel.checkAgainButton(), Qt::LeftButton);
        QCOMPARE(check.count(), 1);
    }

    void statusBarIndicatorOpensThePanel()
    {
        SyncStatusBar bar;
        bar.resize(1200, 40);
        bar.show();
        QVERIFY(!bar.readyButton()->isVisible()); // nothing known yet: nothing claimed
        bar.setReadiness(true, false, 2);
        QVERIFY(bar.readyButton()->isVisible());
        QCOMPARE(bar.readyButton()->text(), QStringLiteral("Not ready to go offline (2)"));
        bar.setReadiness(true, true, 0);
        QCOMPARE(bar.readyButton()->text(), QStringLiteral("Ready to go offline"));
        QSignalSpy clicked(&bar, &SyncStatusBar::readyClicked);
        QTest::mouseClick(bar.readyButton(), Qt::LeftButton);
        QCOMPARE(clicked.count(), 1);
        bar.setCompact(true); // a narrow tablet: the icon, its words as tooltip
        QCOMPARE(bar.readyButton()->toolButtonStyle(), Qt::ToolButtonIconOnly);
        QVERIFY(bar.readyButton()->toolTip().startsWith(QStringLiteral("Ready to go offline")));
    }

    void kioskSizeKeepsEveryButtonReachable()
    {
        QWidget kiosk;
        kiosk.setStyleSheet(KioskController::touchStyleSheet());
        kiosk.resize(1280, 800);
        ReadyPanel panel(&kiosk);
        panel.setWindowFlag(Qt::Dialog);
        panel.setState(notReady());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(panel.getReadyButton()->height() >= 44);
        QVERIFY(panel.checkAgainButton()->height() >= 44);
        save(&panel, QStringLiteral("ready-panel-kiosk.png"));
    }
};

QTEST_MAIN(TestReadyPanel)
#include "tst_readypanel.moc"
