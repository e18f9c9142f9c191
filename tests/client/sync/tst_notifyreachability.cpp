// SPDX-License-Identifier: MIT
// The push channel against a real loopback QWebSocketServer, and reachability against a real
// loopback HTTP peer that comes and goes.
#include "apiclient.h"
#include "notifyclient.h"
#include "rawhttpserver.h"
#include "reachability.h"

#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>

using namespace outpost::sync;
using namespace std::chrono_literals;

class TestNotifyReachability : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void notifyUrlFollowsTheScheme()
    {
        QCOMPARE(NotifyClient::notifyUrl(QUrl(QStringLiteral("http://h:8080"))),
            QUrl(QStringLiteral("ws://h:8080/api/v1/notify")));
        QCOMPARE(NotifyClient::notifyUrl(QUrl(QStringLiteral("https://h/base/"))),
            QUrl(QStringLiteral("wss://h/base/api/v1/notify")));
    }

    void hintsArriveAndTheChannelComesBack()
    {
        QWebSocketServer server(QStringLiteral("test"), QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QSignalSpy incoming(&server, &QWebSocketServer::newConnection);

        NotifyClient client;
        QSignalSpy hints(&client, &NotifyClient::changesHinted);
        QSignalSpy full(&client, &NotifyClient::fullSyncRequired);
        QSignalSpy connected(&client, &NotifyClient::connectedChanged);
        client.start(
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort())), QStringLiteral("T0K"));

        QVERIFY(incoming.wait(5000));
        // QWebSocketServer does not own the sockets it hands out (LeakSanitizer found this one).
        std::unique_ptr<QWebSocket> peer(server.nextPendingConnection());
        QVERIFY(peer);
        QCOMPARE(peer->requestUrl().path(), QStringLiteral("/api/v1/notify"));
        QCOMPARE(peer->request().rawHeader("Authorization"), QByteArray("Bearer T0K"));
        QTRY_VERIFY(client.isConnected());
        QTRY_COMPARE(hints.count(), 1); // a (re)connection is a hint: changes may have been missed

        peer->sendTextMessage(QStringLiteral("{\"type\":\"changes\"}"));
        QTRY_COMPARE(hints.count(), 2);
        peer->sendTextMessage(QStringLiteral("{\"type\":\"fullSyncRequired\"}"));
        QTRY_COMPARE(full.count(), 1);
        peer->sendTextMessage(QStringLiteral("not json at all {"));
        peer->sendTextMessage(QStringLiteral("{\"type\":\"somethingNew\"}"));
        peer->sendTextMessage(QStringLiteral("{\"type\":\"changes\"}"));
        QTRY_COMPARE(hints.count(), 3); // garbage and unknown types are ignored, the channel lives on

        // The server drops the connection: the client reconnects by itself (backoff ≤ 1 s first).
        peer->close();
        QTRY_VERIFY(!client.isConnected());
        QVERIFY(incoming.count() >= 2 || incoming.wait(5000));
        QTRY_VERIFY_WITH_TIMEOUT(client.isConnected(), 5000);

        client.stop();
        QVERIFY(!client.isConnected());
        const int before = incoming.count();
        QVERIFY(!incoming.wait(1500)); // stopped means no reconnection
        QCOMPARE(incoming.count(), before);
    }

    void reachabilityFollowsTheHealthProbe()
    {
        RawHttpServer peer;
        QVERIFY(peer.start());
        const quint16 port = peer.serverPort();
        peer.response = RawHttpServer::http(200, "{\"status\":\"ok\",\"protocol\":1}");
        ApiClient api;
        api.setServer(QUrl(peer.baseUrl()));
        api.setTransferTimeout(2s);
        Reachability r(&api);
        r.setProbeInterval(1000ms);
        QSignalSpy changed(&r, &Reachability::reachableChanged);
        QSignalSpy regained(&r, &Reachability::regained);
        r.start();
        QVERIFY(changed.wait(5000));
        QVERIFY(r.isReachable());
        QCOMPARE(regained.count(), 1);

        // A garbage health answer is no proof of life.
        peer.response = RawHttpServer::http(200, "<html>captive portal</html>", "text/html");
        QTRY_VERIFY_WITH_TIMEOUT(!r.isReachable(), 5000);

        peer.response = RawHttpServer::http(200, "{\"status\":\"ok\",\"protocol\":1}");
        QTRY_VERIFY_WITH_TIMEOUT(r.isReachable(), 5000);
        QCOMPARE(regained.count(), 2);

        peer.close();
        QTRY_VERIFY_WITH_TIMEOUT(!r.isReachable(), 5000);
        QVERIFY(peer.listen(QHostAddress::LocalHost, port));
        QTRY_VERIFY_WITH_TIMEOUT(r.isReachable(), 8000);
        QCOMPARE(regained.count(), 3);
        r.stop();
    }
};

QTEST_GUILESS_MAIN(TestNotifyReachability)
#include "tst_notifyreachability.moc"
