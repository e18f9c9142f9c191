// SPDX-License-Identifier: MIT
// The fault proxy itself (tests/common faultproxy.h) in front of a real outpostd: each kind of
// fault breaks an exchange as it says (and a stall only delays it), WebSocket frames break too,
// and the same seed breaks the same exchanges again.
#include "faultproxy.h"
#include "httpclient.h"
#include "outpostdprocess.h"
#include "testdatabase.h"

#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using outpost::testing::FaultProxy;
using outpost::testing::HttpClient;
using outpost::testing::HttpReply;
using outpost::testing::OutpostdProcess;
using outpost::testing::TestDatabase;

class TestFaultProxy : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<OutpostdProcess> m_server;

    FaultProxy::Options optionsFor(double rate, QList<FaultProxy::Fault> faults, quint64 seed = 1) const
    {
        FaultProxy::Options o;
        o.targetPort = m_server->port();
        o.faultRate = rate;
        o.faults = std::move(faults);
        o.seed = seed;
        o.stallMs = 300;
        return o;
    }
    /// ok/fail of `n` health checks, one after the other on one keep-alive client, through a proxy.
    QString outcomes(const FaultProxy::Options &o, int n, FaultProxy::Counts *counts = nullptr)
    {
        FaultProxy proxy;
        QString why;
        if (!proxy.start(o, &why))
            return why;
        HttpClient c(proxy.url());
        c.setTimeout(10000);
        QString out;
        for (int i = 0; i < n; ++i) {
            // A cut answer may have brought its status line: only a whole answer counts.
            const HttpReply r = c.get(QStringLiteral("/api/v1/health"));
            out += r.status == 200 && r.networkError == QNetworkReply::NoError ? QLatin1Char('.')
                                                                               : QLatin1Char('x');
        }
        if (counts)
            *counts = proxy.counts();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        m_db = std::make_unique<TestDatabase>(TestDatabase::Kind::SQLite);
        QVERIFY2(m_db->create(&why), qPrintable(why));
        m_server = std::make_unique<OutpostdProcess>();
        OutpostdProcess::Options o;
        o.dbUrl = m_db->url();
        o.demo = true;
        o.demoCases = 30;
        QVERIFY2(m_server->start(o, &why), qPrintable(why));
    }
    void cleanupTestCase()
    {
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }

    void eachFaultBreaksTheExchange_data()
    {
        QTest::addColumn<FaultProxy::Fault>("fault");
        QTest::addColumn<bool>("answered");
        QTest::newRow("resetBeforeRequest") << FaultProxy::Fault::ResetBeforeRequest << false;
        QTest::newRow("resetAfterAnswer") << FaultProxy::Fault::ResetAfterAnswer << false;
        QTest::newRow("cutResponse") << FaultProxy::Fault::CutResponse << false;
        QTest::newRow("stall") << FaultProxy::Fault::Stall << true;
    }
    void eachFaultBreaksTheExchange()
    {
        QFETCH(FaultProxy::Fault, fault);
        QFETCH(bool, answered);
        FaultProxy::Counts counts;
        const QString seen = outcomes(optionsFor(1.0, { fault }), 5, &counts);
        QCOMPARE(seen, answered ? QStringLiteral(".....") : QStringLiteral("xxxxx"));
        QVERIFY2(counts.faults() >= 5, qPrintable(counts.toString()));
        QCOMPARE(counts.faults(), counts.exchanges);
    }

    void aStallLongerThanTheClientWaitsIsATimeout()
    {
        FaultProxy proxy;
        QString why;
        FaultProxy::Options o = optionsFor(1.0, { FaultProxy::Fault::Stall });
        o.stallMs = 3000;
        QVERIFY2(proxy.start(o, &why), qPrintable(why));
        HttpClient c(proxy.url());
        c.setTimeout(500);
        const HttpReply r = c.get(QStringLiteral("/api/v1/health"));
        // QNetworkAccessManager's transfer timeout gave up on it.
        QCOMPARE(r.status, 0);
        QCOMPARE(r.networkError, QNetworkReply::OperationCanceledError);
    }

    void theSameSeedBreaksTheSameExchanges()
    {
        const QList<FaultProxy::Fault> all = FaultProxy::allFaults();
        const QString first = outcomes(optionsFor(0.3, all, 42), 60);
        QVERIFY2(first.contains(QLatin1Char('x')) && first.contains(QLatin1Char('.')), qPrintable(first));
        QCOMPARE(outcomes(optionsFor(0.3, all, 42), 60), first);
        QVERIFY(outcomes(optionsFor(0.3, all, 43), 60) != first);
    }

    void webSocketFramesBreakToo()
    {
        FaultProxy proxy;
        QString why;
        QVERIFY2(proxy.start(optionsFor(0.0, { FaultProxy::Fault::CutResponse }), &why), qPrintable(why));
        HttpClient carol(m_server->baseUrl());
        carol.setToken(carol.signIn(QStringLiteral("carol"), QStringLiteral("carol")));
        HttpClient alice(m_server->baseUrl());
        const QString token = alice.signIn(QStringLiteral("alice"), QStringLiteral("alice"));
        QVERIFY(!token.isEmpty());

        QWebSocket ws;
        QNetworkRequest req(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/notify").arg(proxy.port())));
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        QSignalSpy connected(&ws, &QWebSocket::connected);
        QSignalSpy disconnected(&ws, &QWebSocket::disconnected);
        QSignalSpy messages(&ws, &QWebSocket::textMessageReceived);
        ws.open(req);
        QVERIFY(connected.wait(10000));
        // The upgrade went through whole; from now on every frame from the server is cut.
        proxy.setFaultRate(1.0);
        QCOMPARE(carol
                     .post(QStringLiteral("/api/v1/admin/full-sync"),
                         { { QStringLiteral("user"), QStringLiteral("alice") } })
                     .status,
            200);
        QVERIFY(disconnected.count() > 0 || disconnected.wait(10000));
        QCOMPARE(messages.count(), 0);
        QVERIFY2(proxy.counts().webSocketFaults >= 1, qPrintable(proxy.counts().toString()));
    }
};

QTEST_MAIN(TestFaultProxy)
#include "tst_faultproxy.moc"
