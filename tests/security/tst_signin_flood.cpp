// SPDX-License-Identifier: MIT
// A real outpostd (600,000 PBKDF2 iterations, the production default) under 200 wrong passwords a
// second from 64 loopback addresses: polls keep answering quickly and a technician with the right
// password still gets in, because hashing has a small bounded pool of its own and the rest of the
// flood is shed (503 busy, 429 throttled) instead of holding request workers.
#include "outpostdprocess.h"
#include "signinflood.h"
#include "testdatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace outpost::testing;

class TestSignInFlood : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void floodDoesNotStarvePollsOrSignIns()
    {
        TestDatabase db(TestDatabase::Kind::SQLite);
        QString why;
        QVERIFY2(db.create(&why), qPrintable(why));
        OutpostdProcess server;
        OutpostdProcess::Options o;
        o.dbUrl = db.url();
        o.demo = true;
        o.demoCases = 20;
        o.pbkdf2Iterations = 600000;
        QVERIFY2(server.start(o, &why), qPrintable(why));

        Prober prober(server.port());
        double ms = 0;
        QByteArray body;
        QCOMPARE(prober.measure(Prober::signIn("alice", "alice"), &ms, &body), 200);
        const QByteArray token
            = QJsonDocument::fromJson(body).object().value(QStringLiteral("token")).toString().toLatin1();
        QVERIFY(!token.isEmpty());
        const QByteArray poll = Prober::get("/api/v1/sync/changes?since=0&limit=20", token);
        QCOMPARE(prober.measure(poll, &ms), 200);

        SignInFlood flood(server.port(), 64, 64, 200);
        flood.start();
        QTRY_VERIFY_WITH_TIMEOUT(flood.sent() + flood.missed() >= 200, 10000); // a second of flood under way

        QList<double> polls;
        for (int i = 0; i < 30; ++i) {
            QCOMPARE(prober.measure(poll, &ms), 200);
            polls.append(ms);
        }
        double signInMs = 0;
        Prober bob(server.port());
        const int bobStatus = bob.measure(Prober::signIn("bob", "bob"), &signInMs);
        flood.stop();

        std::sort(polls.begin(), polls.end());
        QString statuses;
        for (auto it = flood.statuses().cbegin(); it != flood.statuses().cend(); ++it)
            statuses += QStringLiteral(" %1×%2").arg(it.key()).arg(it.value());
        qInfo("flood: %d sent in %.1f s (%d not sent: every connection waiting); answers:%s", flood.sent(),
            flood.seconds(), flood.missed(), qPrintable(statuses));
        qInfo("polls under flood: median %.1f ms, max %.1f ms; bob's sign-in %.0f ms (status %d)",
            polls.at(polls.size() / 2), polls.constLast(), signInMs, bobStatus);

        QCOMPARE(bobStatus, 200);
        QVERIFY2(signInMs < 3000, qPrintable(QString::number(signInMs)));
        QVERIFY2(polls.constLast() < 1000, qPrintable(QString::number(polls.constLast())));
        // The flood met wrong-password answers, and what the pool could not take was shed at once.
        QVERIFY(flood.statuses().value(401) > 0);
        QVERIFY(flood.statuses().value(503) + flood.statuses().value(429) > 0);
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSignInFlood)
#include "tst_signin_flood.moc"
