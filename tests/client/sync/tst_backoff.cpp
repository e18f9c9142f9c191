// SPDX-License-Identifier: MIT
#include "backoff.h"

#include <QSet>
#include <QTest>

using namespace outpost::sync;
using namespace std::chrono_literals;

class TestBackoff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ceilingDoublesUpToTheCap()
    {
        Backoff b(1s, 5min);
        QCOMPARE(b.ceiling(), Backoff::ms(1000));
        QList<qint64> ceilings;
        for (int i = 0; i < 20; ++i) {
            ceilings << b.ceiling().count();
            (void)b.next();
        }
        QCOMPARE(ceilings.mid(0, 5), (QList<qint64> { 1000, 2000, 4000, 8000, 16000 }));
        QCOMPARE(ceilings.at(8), 256000);
        QCOMPARE(ceilings.at(9), 300000); // capped at 5 minutes
        QCOMPARE(ceilings.last(), 300000);
        QCOMPARE(b.attempts(), 20);
    }

    void delaysStayWithinBounds()
    {
        for (int run = 0; run < 200; ++run) {
            Backoff b(1s, 5min);
            for (int i = 0; i < 15; ++i) {
                const auto high = b.ceiling();
                const auto d = b.next();
                QVERIFY2(d >= b.floor() && d <= high,
                    qPrintable(QStringLiteral("attempt %1: %2 ms outside [%3, %4]")
                                   .arg(i)
                                   .arg(d.count())
                                   .arg(b.floor().count())
                                   .arg(high.count())));
            }
        }
    }

    void fullJitterSpreadsOverTheWholeRange()
    {
        // At the cap, 2,000 draws must cover low, middle and high thirds of [floor, cap] and be mostly
        // distinct.
        Backoff b(1s, 5min);
        for (int i = 0; i < 12; ++i)
            (void)b.next();
        QSet<qint64> seen;
        int low = 0, mid = 0, high = 0;
        for (int i = 0; i < 2000; ++i) {
            const qint64 d = b.next().count();
            seen.insert(d);
            if (d < 100000)
                ++low;
            else if (d < 200000)
                ++mid;
            else
                ++high;
        }
        QVERIFY2(seen.size() > 1800, qPrintable(QString::number(seen.size())));
        QVERIFY(low > 500 && mid > 500 && high > 500);
    }

    void twoClientsDoNotRetryInLockstep()
    {
        Backoff a, b;
        int same = 0;
        for (int i = 0; i < 10; ++i)
            same += a.next() == b.next() ? 1 : 0;
        QVERIFY(same < 3);
    }

    void resetStartsOver()
    {
        Backoff b(1s, 5min);
        for (int i = 0; i < 6; ++i)
            (void)b.next();
        QCOMPARE(b.ceiling(), Backoff::ms(64000));
        b.reset();
        QCOMPARE(b.attempts(), 0);
        QCOMPARE(b.ceiling(), Backoff::ms(1000));
        QVERIFY(b.next() <= 1000ms);
    }

    void seededSequencesRepeat()
    {
        Backoff a, b;
        a.seed(42);
        b.seed(42);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(a.next(), b.next());
    }

    void degenerateParametersAreSane()
    {
        Backoff b(0ms, 0ms, 5s); // base clamps to 1 ms, cap to base, floor to base
        for (int i = 0; i < 5; ++i) {
            const auto d = b.next();
            QVERIFY(d >= 0ms && d <= 1ms);
        }
    }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
