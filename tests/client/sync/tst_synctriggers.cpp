// SPDX-License-Identifier: MIT
// When the sync engine syncs by itself: SyncTriggers with an injected clock and sleep source, then the
// real engine against a real outpostd (a new interval, the machine waking up, the server coming back).
#include "e2ehelpers.h"
#include "outpostdprocess.h"
#include "synctriggers.h"

#include <QDir>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace outpost;
using namespace outpost::sync;
using namespace e2e;
using namespace std::chrono_literals;

namespace {

/// A clock the test moves by hand.
struct FakeClock {
    std::chrono::milliseconds now { 1000000 };
    SyncTriggers::Clock clock()
    {
        return [this]() { return now; };
    }
};

bool near(std::chrono::milliseconds actual, std::chrono::milliseconds expected)
{
    return std::chrono::abs(actual - expected) <= 200ms;
}

} // namespace

class TestSyncTriggers : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    testing::OutpostdProcess m_server;
    ApiClient m_alice;
    QString m_aliceToken;
    int m_profiles = 0;

    QString newStorePath()
    {
        const QString dir = m_dir.filePath(QStringLiteral("profile-%1").arg(++m_profiles));
        QDir().mkpath(dir);
        return client::StoreLocation::pathFor(dir, m_server.baseUrl(), QStringLiteral("alice"));
    }
    /// Alice's engine with only the trigger under test: no push, no probe, no timer, no start-up sync.
    SyncConfig quietConfig(const QString &storePath) const
    {
        SyncConfig c = oneShotConfig(storePath, m_server.baseUrl(), QStringLiteral("alice"), m_aliceToken);
        c.syncAtStart = false;
        c.watchSleep = false;
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QLoggingCategory::setFilterRules(
            QStringLiteral("outpost.client.*.info=false\noutpost.core.sync.*.info=false"));
        QString why;
        QVERIFY2(startDemoServer(m_server, m_dir.filePath(QStringLiteral("server.sqlite")), &why),
            qPrintable(why));
        auto a = login(m_alice, m_server.baseUrl(), QStringLiteral("alice"));
        QVERIFY2(a.ok(), qPrintable(a.error().toString()));
        m_aliceToken = a->token;
    }

    void cleanupTestCase()
    {
        if (m_server.isRunning())
            QCOMPARE(m_server.stop(), 0);
    }

    // --- SyncTriggers alone, on an injected clock ---

    void aNewIntervalCountsFromTheLastCycle()
    {
        FakeClock c;
        SyncTriggers t;
        t.setClock(c.clock());
        t.setInterval(10min);
        QSignalSpy fired(&t, &SyncTriggers::triggered);
        t.start(false);
        QVERIFY(near(t.dueIn(), 10min));

        c.now += 20s; // 20 s after the last cycle the technician picks "every minute"
        t.setInterval(1min);
        QVERIFY2(near(t.dueIn(), 40s), qPrintable(QString::number(t.dueIn().count())));
        QCOMPARE(fired.count(), 0);

        c.now += 30s; // a sync for another reason (push, "Sync now") postpones the periodic one
        t.cycleStarted();
        QVERIFY(near(t.dueIn(), 1min));
    }

    void anOverdueIntervalSyncsAtOnce()
    {
        FakeClock c;
        SyncTriggers t;
        t.setClock(c.clock());
        t.setInterval(4h);
        QSignalSpy fired(&t, &SyncTriggers::triggered);
        t.start(false);
        c.now += 90s; // the last sync is older than the new interval
        t.setInterval(1min);
        QVERIFY(fired.wait(1000));
        QCOMPARE(fired.first().at(0).toString(), QStringLiteral("timer"));
        QVERIFY(near(t.dueIn(), 1min)); // and from now on every minute
    }

    void startUpResumeAndNetworkFire()
    {
        SyncTriggers t;
        auto *sleep = new SleepSource;
        t.setSleepSource(sleep);
        QSignalSpy fired(&t, &SyncTriggers::triggered);
        QSignalSpy woke(&t, &SyncTriggers::resumed);
        Q_EMIT sleep->resumed();
        t.networkRegained();
        QCOMPARE(fired.count(), 0); // not started: nothing

        t.start(true);
        QVERIFY(fired.wait(1000));
        QCOMPARE(fired.takeFirst().at(0).toString(), QStringLiteral("start-up"));
        Q_EMIT sleep->resumed();
        QCOMPARE(woke.count(), 1);
        QCOMPARE(fired.takeFirst().at(0).toString(), QStringLiteral("resumed from sleep"));
        t.networkRegained();
        QCOMPARE(fired.takeFirst().at(0).toString(), QStringLiteral("reachable again"));

        t.stop();
        Q_EMIT sleep->resumed();
        QCOMPARE(fired.count(), 0);
        QCOMPARE(t.dueIn(), -1ms);
    }

    void logindSourceWorksWithoutASystemBus()
    {
        // Whether or not this machine has a system bus, making the source never fails or blocks.
        const QByteArray saved = qgetenv("DBUS_SYSTEM_BUS_ADDRESS");
        qputenv("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/nonexistent/outpost-test-bus");
        {
            LogindSleepSource source;
            QVERIFY(!source.isListening());
        }
        if (saved.isNull())
            qunsetenv("DBUS_SYSTEM_BUS_ADDRESS");
        else
            qputenv("DBUS_SYSTEM_BUS_ADDRESS", saved);
    }

    // --- the engine against a real outpostd ---

    void aShorterIntervalSyncsWithinIt()
    {
        SyncConfig config = quietConfig(newStorePath());
        config.periodic = true;
        config.interval = 10min;
        config.syncAtStart = true;
        SyncController controller(config);
        QSignalSpy finished(&controller, &SyncController::cycleFinished);
        controller.start();
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(2).toString()));

        QElapsedTimer t;
        t.start();
        controller.setInterval(2000);
        QCOMPARE(controller.interval(), 2000ms);
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.at(1).at(0).toBool());
        qInfo() << "next sync finished" << t.elapsed() << "ms after the interval became 2 s";
        QVERIFY(t.elapsed() < 5000); // counted from the first cycle's start, so at most 2 s + a cycle
    }

    void wakingUpSyncsWithinFiveSeconds()
    {
        SyncConfig config = quietConfig(newStorePath());
        config.watchSleep = true;
        auto source = std::make_shared<std::atomic<SleepSource *>>(nullptr);
        config.sleepSource = [source]() {
            auto *s = new SleepSource;
            source->store(s);
            return s;
        };
        SyncController controller(config);
        QSignalSpy started(&controller, &SyncController::startFinished);
        QSignalSpy finished(&controller, &SyncController::cycleFinished);
        controller.start();
        QVERIFY(started.wait(30000));
        QVERIFY(started.first().at(0).toBool());
        QVERIFY(source->load());
        QCOMPARE(finished.count(), 0); // nothing syncs by itself in this configuration

        QElapsedTimer t;
        t.start();
        SleepSource *s = source->load();
        QMetaObject::invokeMethod(
            s, [s]() { Q_EMIT s->resumed(); }, Qt::QueuedConnection);
        QVERIFY(finished.wait(5000));
        QVERIFY(finished.first().at(0).toBool());
        qInfo() << "sync after resume finished in" << t.elapsed() << "ms";
    }

    void aServerBackAfterLongSyncsWithinFiveSeconds()
    {
        SyncConfig config = quietConfig(newStorePath());
        config.useReachability = true;
        config.syncAtStart = true;
        SyncController controller(config);
        QSignalSpy finished(&controller, &SyncController::cycleFinished);
        controller.start();
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.first().at(0).toBool());

        // The server is away long enough for the engine's retries to back off far (the sixth retry
        // waits up to 64 s, the probe's backoff grows alongside): only the probe, capped at
        // SyncConfig::offlineProbeMax (4 s), brings the sync back within 5 s.
        QCOMPARE(m_server.stop(), 0);
        controller.syncNow();
        int failures = 0;
        while (failures < 6) {
            QVERIFY(finished.wait(40000));
            if (finished.last().at(1).toString() == QLatin1String("unreachable"))
                ++failures; // (a cycle running as the server stopped may end otherwise)
        }
        finished.clear();

        QString why;
        QVERIFY2(m_server.restart(&why), qPrintable(why));
        QElapsedTimer t;
        t.start();
        QVERIFY(finished.wait(7000));
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(2).toString()));
        qInfo() << "sync finished" << t.elapsed() << "ms after the server was back";
        QVERIFY(t.elapsed() < 5500);
    }
};

QTEST_GUILESS_MAIN(TestSyncTriggers)
#include "tst_synctriggers.moc"
