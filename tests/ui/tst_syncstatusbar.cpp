// SPDX-License-Identifier: MIT
// SyncStatusBar shows every state, progress, counts and the last sync; "Sync now" asks for a sync.
#include "syncstatusbar.h"
#include "translations.h"

#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace outpost::ui;

class TestSyncStatusBar : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initResources(); }

    void fullSyncShowsCasesOfAllWithAnEstimate()
    {
        SyncStatusBar bar;
        bar.show();
        bar.setState(SyncState::Syncing);
        // An older server says nothing of the total: pages so far, a busy indicator.
        bar.setProgress(QStringLiteral("fullSync"), 2, 0);
        QCOMPARE(bar.stateText(), QStringLiteral("Syncing…"));
        QCOMPARE(bar.progressBar()->maximum(), 0);
        // The first page said how many cases come.
        bar.setProgress(QStringLiteral("fullSync"), 12000, 50000);
        const QLocale l;
        QCOMPARE(bar.stateText(), QStringLiteral("%1 of %2 cases").arg(l.toString(12000), l.toString(50000)));
        QCOMPARE(bar.progressBar()->maximum(), 50000);
        QCOMPARE(bar.progressBar()->value(), 12000);
        // The estimate goes by the rate since the first count.
        QCOMPARE(SyncStatusBar::fullSyncText(25000, 50000, 10000),
            QStringLiteral("%1 of %2 cases, about 10 s left").arg(l.toString(25000), l.toString(50000)));
        QCOMPARE(SyncStatusBar::fullSyncText(12000, 50000, 30000),
            QStringLiteral("%1 of %2 cases, about 2 min left").arg(l.toString(12000), l.toString(50000)));
        QCOMPARE(SyncStatusBar::fullSyncText(0, 50000, 30000),
            QStringLiteral("0 of %1 cases").arg(l.toString(50000)));
        // The rate is what arrived since the first count (the first page's own cases came before).
        QCOMPARE(SyncStatusBar::fullSyncText(12500, 50000, 1000, 12000),
            QStringLiteral("%1 of %2 cases, about 2 min left").arg(l.toString(12500), l.toString(50000)));
        QTRY_VERIFY_WITH_TIMEOUT((bar.setProgress(QStringLiteral("fullSync"), 13000, 50000),
                                     bar.stateText().contains(QLatin1String("left"))),
            5000);
        bar.setProgress(QStringLiteral("download"), 1, 0);
        QCOMPARE(bar.stateText(), QStringLiteral("Receiving updates…"));
    }

    void showsStates()
    {
        SyncStatusBar bar;
        bar.show();
        QCOMPARE(bar.stateText(), QStringLiteral("Offline: your work is kept on this device"));
        QVERIFY(!bar.progressBar()->isVisible());

        bar.setState(SyncState::Online);
        QCOMPARE(bar.stateText(), QStringLiteral("Online"));

        bar.setState(SyncState::Syncing);
        bar.setProgress(QStringLiteral("upload"), 120, 500);
        QCOMPARE(bar.stateText(), QStringLiteral("Sending changes…"));
        QVERIFY(bar.progressBar()->isVisible());
        QCOMPARE(bar.progressBar()->value(), 120);
        QCOMPARE(bar.progressBar()->maximum(), 500);
        QVERIFY(!bar.syncNowButton()->isEnabled());
        bar.setProgress(QStringLiteral("download"), 0, 0); // unknown total: busy indicator
        QCOMPARE(bar.stateText(), QStringLiteral("Receiving updates…"));
        QCOMPARE(bar.progressBar()->maximum(), 0);

        bar.setErrorText(QStringLiteral("Server unreachable"));
        bar.setState(SyncState::Error);
        QCOMPARE(bar.stateText(), QStringLiteral("Sync problem"));
        QCOMPARE(bar.findChild<QLabel *>(QStringLiteral("syncState"))->toolTip(),
            QStringLiteral("Server unreachable"));
        QVERIFY(!bar.progressBar()->isVisible());
        QVERIFY(bar.syncNowButton()->isEnabled());

        bar.setStateName(QStringLiteral("online"));
        QCOMPARE(bar.state(), SyncState::Online);
        bar.setStateName(QStringLiteral("syncing"));
        QCOMPARE(bar.state(), SyncState::Syncing);
        bar.setStateName(QStringLiteral("nonsense"));
        QCOMPARE(bar.state(), SyncState::Offline);

        // No session: the words say what to do, and the button does it (instead of Sync now).
        bar.setPendingCount(3);
        bar.setState(SyncState::SignInRequired);
        QCOMPARE(bar.stateText(), QStringLiteral("Sign in again to send 3 changes"));
        QVERIFY(bar.signInButton()->isVisible());
        QVERIFY(!bar.syncNowButton()->isVisible());
        QSignalSpy asked(&bar, &SyncStatusBar::signInRequested);
        bar.signInButton()->click();
        QCOMPARE(asked.size(), 1);
        bar.setPendingCount(1);
        QCOMPARE(bar.stateText(), QStringLiteral("Sign in again to send 1 change"));
        bar.setPendingCount(0);
        QCOMPARE(bar.stateText(), QStringLiteral("Sign in again to sync"));
        bar.setState(SyncState::Online);
        QVERIFY(!bar.signInButton()->isVisible());
        QVERIFY(bar.syncNowButton()->isVisible());
    }

    void countsAndLastSync()
    {
        SyncStatusBar bar;
        bar.show();
        QVERIFY(bar.lastSyncText().contains(QStringLiteral("never")));
        bar.setPendingCount(3);
        auto *pending = bar.findChild<QToolButton *>(QStringLiteral("pendingCount"));
        QCOMPARE(pending->text(), QStringLiteral("Pending: 3"));
        auto *conflicts = bar.findChild<QToolButton *>(QStringLiteral("conflictCount"));
        QVERIFY(!conflicts->isVisible());
        bar.setConflictCount(2);
        QVERIFY(conflicts->isVisible());
        QCOMPARE(conflicts->text(), QStringLiteral("Conflicts: 2"));
        bar.setLastSync(QDateTime::currentDateTimeUtc().addSecs(-125));
        QCOMPARE(bar.lastSyncText(), QStringLiteral("Last sync: 2 min ago"));

        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(SyncStatusBar::relativeTime(now.addSecs(-10), now), QStringLiteral("just now"));
        QCOMPARE(SyncStatusBar::relativeTime(now.addSecs(-3 * 3600 - 5), now), QStringLiteral("3 h ago"));
        QCOMPARE(SyncStatusBar::relativeTime(QDateTime(), now), QStringLiteral("never"));

        QSignalSpy syncNow(&bar, &SyncStatusBar::syncNowRequested);
        QSignalSpy conflictsClicked(&bar, &SyncStatusBar::conflictsClicked);
        QTest::mouseClick(bar.syncNowButton(), Qt::LeftButton);
        QTest::mouseClick(conflicts, Qt::LeftButton);
        QCOMPARE(syncNow.count(), 1);
        QCOMPARE(conflictsClicked.count(), 1);
    }
};

QTEST_MAIN(TestSyncStatusBar)
#include "tst_syncstatusbar.moc"
