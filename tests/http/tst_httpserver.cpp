// SPDX-License-Identifier: MIT
// The transport against real loopback clients: the server runs in this process, on its own
// threads, and QTcpSocket / QNetworkAccessManager / QWebSocket talk to it on the test thread.

#include "httpserver.h"
#include "rawhttpclient.h"
#include "testhandler.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QWebSocket>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

namespace {

std::mutex g_logMutex;
QStringList g_accessLog;
QtMessageHandler g_previousHandler = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && qstrcmp(context.category, "outpost.server.http") == 0) {
        std::lock_guard lock(g_logMutex);
        g_accessLog.append(message);
    }
    g_previousHandler(type, context, message);
}

QStringList accessLog()
{
    std::lock_guard lock(g_logMutex);
    return g_accessLog;
}

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QJsonObject jsonOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

QString errorCode(const RawResponse &r)
{
    return jsonOf(r.body).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private:
    quint16 start(ServerOptions options = {})
    {
        m_server = std::make_unique<HttpServer>(options, *m_handler);
        const auto port = m_server->listen();
        if (!port.ok())
            qFatal("listen failed: %s", qPrintable(port.error().message));
        m_port = port.value();
        return m_port;
    }

    std::unique_ptr<TestHandler> m_handler;
    std::unique_ptr<HttpServer> m_server;
    quint16 m_port = 0;

private Q_SLOTS:
    void initTestCase() { g_previousHandler = qInstallMessageHandler(captureLog); }

    void init()
    {
        m_handler = std::make_unique<TestHandler>();
        start();
    }

    void cleanup()
    {
        m_handler->release(); // a failed test must not leave a worker blocked
        m_server.reset();
        m_handler.reset();
    }

    void roundTripAndKeepAlive()
    {
        RawHttpClient client(m_port);
        QVERIFY(client.connectToServer());
        client.send("GET /echo/a%20b?x=one%20two HTTP/1.1\r\nHost: t\r\nX-Test: hi\r\nX-Request-Id: "
                    "rid-1.a_B\r\n\r\n");
        RawResponse r = client.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("x-request-id"), QByteArray("rid-1.a_B"));
        QCOMPARE(r.header("content-length").toInt(), r.body.size());
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        QJsonObject echo = jsonOf(r.body);
        QCOMPARE(echo.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
        QCOMPARE(echo.value(QStringLiteral("path")).toString(), QStringLiteral("/echo/a b"));
        QCOMPARE(echo.value(QStringLiteral("x")).toString(), QStringLiteral("one two"));
        QCOMPARE(echo.value(QStringLiteral("test")).toString(), QStringLiteral("hi"));
        QCOMPARE(echo.value(QStringLiteral("requestId")).toString(), QStringLiteral("rid-1.a_B"));
        QVERIFY(echo.value(QStringLiteral("peer")).toString().startsWith(QLatin1String("127.0.0.1:")));

        // Same socket: a POST with a body.
        client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 11\r\n\r\nhello world");
        r = client.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r.body).value(QStringLiteral("body")).toString(), QStringLiteral("hello world"));
        QVERIFY(r.header("connection").toLower() != "close");
        QCOMPARE(client.socket().state(), QAbstractSocket::ConnectedState);

        // A client-chosen id that is not sane is replaced by a random one.
        client.send("GET /echo HTTP/1.1\r\nHost: t\r\nX-Request-Id: bad id!\r\n\r\n");
        r = client.read();
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{16}$"))
                    .match(QString::fromLatin1(r.header("x-request-id")))
                    .hasMatch());

        // Pipelined requests are answered in order on the same connection.
        client.send("GET /echo?x=1 HTTP/1.1\r\nHost: t\r\n\r\nGET /echo?x=2 HTTP/1.1\r\nHost: t\r\n\r\n");
        QCOMPARE(jsonOf(client.read().body).value(QStringLiteral("x")).toString(), QStringLiteral("1"));
        QCOMPARE(jsonOf(client.read().body).value(QStringLiteral("x")).toString(), QStringLiteral("2"));

        // Connection: close is honoured and announced.
        client.send("GET /nothing HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
        r = client.read();
        QCOMPARE(r.status, 404);
        QCOMPARE(errorCode(r), QStringLiteral("not_found"));
        QCOMPARE(r.header("connection").toLower(), QByteArray("close"));
        QVERIFY(client.waitForDisconnect());

        // One structured access line per request, without bodies.
        QTRY_VERIFY(accessLog()
                        .filter(QStringLiteral("rid=rid-1.a_B method=GET path=/echo/a%20b status=200 bytes="))
                        .size()
            == 1);
        QVERIFY(accessLog().filter(QStringLiteral("hello world")).isEmpty());
        QTRY_COMPARE(m_server->inFlight(), 0);
    }

    void http10ClosesByDefault()
    {
        RawHttpClient client(m_port);
        QVERIFY(client.connectToServer());
        client.send("GET /echo HTTP/1.0\r\n\r\n");
        const RawResponse r = client.read();
        QCOMPARE(r.status, 200);
        QVERIFY(client.waitForDisconnect());
    }

    void networkAccessManager()
    {
        QNetworkAccessManager nam;
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/echo").arg(m_port)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        request.setRawHeader("Authorization", "Bearer secret-token");
        std::unique_ptr<QNetworkReply> reply(nam.post(request, QByteArray("{\"a\":1}")));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(finished.wait(5000));
        QVERIFY2(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200,
            reply->peek(1000).constData());
        QCOMPARE(
            jsonOf(reply->readAll()).value(QStringLiteral("body")).toString(), QStringLiteral("{\"a\":1}"));
        QVERIFY(!reply->rawHeader("X-Request-Id").isEmpty());
        QVERIFY(accessLog().filter(QStringLiteral("secret-token")).isEmpty());
    }

    void contentLengthOverLimitIsRefusedUnread()
    {
        const qint64 before = residentKiB();
        {
            // 1 GiB declared, nothing sent: 413 at once, and the connection closes.
            RawHttpClient client(m_port);
            QVERIFY(client.connectToServer());
            client.send("POST /size HTTP/1.1\r\nHost: t\r\nContent-Length: 1073741824\r\n\r\n");
            const RawResponse r = client.read();
            QCOMPARE(r.status, 413);
            QCOMPARE(errorCode(r), QStringLiteral("payload_too_large"));
            QCOMPARE(r.header("connection").toLower(), QByteArray("close"));
            QVERIFY(client.waitForDisconnect());
        }
        {
            // With Expect: 100-continue the server must not invite the body.
            RawHttpClient client(m_port);
            QVERIFY(client.connectToServer());
            client.send("POST /size HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: "
                        "1073741824\r\n\r\n");
            const RawResponse r = client.read(5000, true);
            QCOMPARE(r.status, 413);
        }
        {
            // A client that streams its 1 GiB body regardless: refused, connection dropped, no growth.
            RawHttpClient client(m_port);
            QVERIFY(client.connectToServer());
            client.send("POST /size HTTP/1.1\r\nHost: t\r\nContent-Length: 1073741824\r\n\r\n");
            const QByteArray block(256 * 1024, 'x');
            qint64 sent = 0;
            while (client.socket().state() == QAbstractSocket::ConnectedState && sent < (qint64(1) << 30)) {
                client.socket().write(block);
                sent += block.size();
                if (!client.socket().waitForBytesWritten(5000))
                    break;
            }
            qInfo("client pushed %lld MiB of the refused body before the server closed", sent >> 20);
            QVERIFY2(sent < (qint64(1) << 30), "the server read the whole refused body");
        }
        const qint64 after = residentKiB();
        qInfo("VmRSS before %lld KiB, after %lld KiB", before, after);
        QVERIFY(after > 0 && after < 100 * 1024);
        QVERIFY(after - before < 50 * 1024);
    }

    void expectContinueWithinLimit()
    {
        RawHttpClient client(m_port);
        QVERIFY(client.connectToServer());
        client.send("POST /size HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
        const RawResponse interim = client.read(5000, true);
        QCOMPARE(interim.status, 100);
        client.send("12345");
        const RawResponse r = client.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r.body).value(QStringLiteral("size")).toInt(), 5);
    }

    void chunkedBodyOverLimit()
    {
        const qint64 before = residentKiB();
        RawHttpClient client(m_port);
        QVERIFY(client.connectToServer());
        client.send("POST /size HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n");
        const QByteArray data(64 * 1024, 'y');
        const QByteArray chunk = QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
        qint64 sent = 0;
        RawResponse r;
        while (client.socket().state() == QAbstractSocket::ConnectedState && sent < 64 * 1024 * 1024
            && client.socket().bytesAvailable() == 0) {
            client.socket().write(chunk);
            sent += data.size();
            client.socket().waitForBytesWritten(5000);
        }
        r = client.read();
        QCOMPARE(r.status, 413);
        QCOMPARE(errorCode(r), QStringLiteral("payload_too_large"));
        qInfo("client pushed %lld KiB of chunks before the 413", sent >> 10);
        QVERIFY(sent < 64 * 1024 * 1024);
        QVERIFY(residentKiB() - before < 50 * 1024);

        // A chunked body within the limit is read whole.
        RawHttpClient ok(m_port);
        QVERIFY(ok.connectToServer());
        ok.send("POST /size HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: "
                "chunked\r\n\r\n3\r\nabc\r\n4\r\ndefg\r\n0\r\n\r\n");
        const RawResponse good = ok.read();
        QCOMPARE(good.status, 200);
        QCOMPARE(jsonOf(good.body).value(QStringLiteral("size")).toInt(), 7);
    }

    void slowRequestDoesNotDelayOthers()
    {
        RawHttpClient slow(m_port);
        QVERIFY(slow.connectToServer());
        slow.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n");
        QTRY_COMPARE(m_handler->slowEntered(), 1);

        for (int i = 0; i < 3; ++i) {
            RawHttpClient fast(m_port);
            QVERIFY(fast.connectToServer());
            fast.send("GET /echo HTTP/1.1\r\nHost: t\r\n\r\n");
            QCOMPARE(fast.read().status, 200);
        }
        QCOMPARE(m_handler->slowEntered(), 1); // still blocked while the others were served
        // A fast request leaves the count just after its answer was written (the client may read
        // it first): the count settles at the slow one.
        QTRY_COMPARE(m_server->inFlight(), 1);

        m_handler->release();
        const RawResponse r = slow.read();
        QCOMPARE(r.status, 200);
        QTRY_COMPARE(m_server->inFlight(), 0);
    }

    void uploadLaneQueuesThenRefusesAtOnce()
    {
        // One lane thread and one waiting place: the first upload runs (blocked in the handler), the
        // second waits without a thread, a third is refused at once with 503 busy + Retry-After,
        // and reads on the workers are served meanwhile. Released, both lane requests are answered.
        ServerOptions options;
        options.workerThreads = 2;
        options.writeLaneThreads = 1;
        options.writeLaneQueue = 1;
        start(options);
        const QByteArray upload = "POST /lane HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\n{}";
        RawHttpClient first(m_port);
        QVERIFY(first.connectToServer());
        first.send(upload);
        QTRY_COMPARE(m_handler->slowEntered(), 1);
        RawHttpClient second(m_port);
        QVERIFY(second.connectToServer());
        RawHttpClient third(m_port);
        QVERIFY(third.connectToServer());
        second.send(upload);
        third.send(upload);
        // Whichever of the two reached the lane last is refused, without waiting for the first.
        QTRY_VERIFY(second.socket().bytesAvailable() > 0 || third.socket().bytesAvailable() > 0);
        RawHttpClient &refusedClient = second.socket().bytesAvailable() > 0 ? second : third;
        RawHttpClient &waiting = &refusedClient == &second ? third : second;
        const RawResponse refused = refusedClient.read();
        QCOMPARE(refused.status, 503);
        QCOMPARE(errorCode(refused), QStringLiteral("busy"));
        QCOMPARE(refused.header("retry-after"), QByteArray("1"));
        QCOMPARE(refusedClient.socket().state(), QAbstractSocket::ConnectedState); // body read: kept alive
        QCOMPARE(m_handler->slowEntered(), 1); // the other waits for the lane, not in the handler
        for (int i = 0; i < 3; ++i) { // both workers are free for reads
            RawHttpClient read(m_port);
            QVERIFY(read.connectToServer());
            read.send("GET /echo HTTP/1.1\r\nHost: t\r\n\r\n");
            QCOMPARE(read.read().status, 200);
        }
        QCOMPARE(waiting.socket().bytesAvailable(), qint64(0));
        m_handler->release();
        QCOMPARE(first.read().status, 200);
        QCOMPARE(waiting.read().status, 200);
        // The lane has room again.
        refusedClient.send(upload);
        QCOMPARE(refusedClient.read().status, 200);
    }

    void timeoutsCloseIdleConnections()
    {
        ServerOptions options;
        options.headerTimeoutMs = 300;
        options.keepAliveTimeoutMs = 300;
        options.bodyTimeoutMs = 300;
        start(options);

        RawHttpClient silent(m_port);
        QVERIFY(silent.connectToServer());
        RawHttpClient partialHead(m_port);
        QVERIFY(partialHead.connectToServer());
        partialHead.send("GET /echo HTTP/1.1\r\nHo");
        RawHttpClient partialBody(m_port);
        QVERIFY(partialBody.connectToServer());
        partialBody.send("POST /size HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\nabc");
        RawHttpClient keepAlive(m_port);
        QVERIFY(keepAlive.connectToServer());
        keepAlive.send("GET /echo HTTP/1.1\r\nHost: t\r\n\r\n");
        QCOMPARE(keepAlive.read().status, 200);

        QVERIFY(silent.waitForDisconnect());
        QVERIFY(partialHead.waitForDisconnect());
        QVERIFY(partialBody.waitForDisconnect());
        QVERIFY(keepAlive.waitForDisconnect());
        QTRY_COMPARE(m_server->inFlight(), 0);
        QTRY_COMPARE(m_server->connectionCount(), 0);
    }

    void clientVanishingMidRequest()
    {
        {
            RawHttpClient gone(m_port);
            QVERIFY(gone.connectToServer());
            gone.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n");
            QTRY_COMPARE(m_handler->slowEntered(), 1);
            gone.socket().abort();
        }
        {
            RawHttpClient halfBody(m_port);
            QVERIFY(halfBody.connectToServer());
            halfBody.send("POST /size HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\nonly a part");
            halfBody.socket().abort();
        }
        m_handler->release(); // the worker answers a connection that is gone
        QTRY_COMPARE(m_server->inFlight(), 0);

        RawHttpClient next(m_port);
        QVERIFY(next.connectToServer());
        next.send("GET /echo HTTP/1.1\r\nHost: t\r\n\r\n");
        QCOMPARE(next.read().status, 200);
    }

    void malformedRequests_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("garbage request line") << QByteArray("GARBAGE\r\n\r\n") << 400 << "bad_request";
        QTest::newRow("bad version") << QByteArray("GET / HTTP/9\r\n\r\n") << 400 << "bad_request";
        QTest::newRow("bad percent escape")
            << QByteArray("GET /a%zz HTTP/1.1\r\nHost: t\r\n\r\n") << 400 << "bad_request";
        QTest::newRow("NUL in path") << QByteArray("GET /a%00b HTTP/1.1\r\nHost: t\r\n\r\n") << 400
                                     << "bad_request";
        QTest::newRow("invalid UTF-8")
            << QByteArray("GET /a%FF%FE HTTP/1.1\r\nHost: t\r\n\r\n") << 400 << "bad_request";
        QTest::newRow("absolute form")
            << QByteArray("GET http://x/ HTTP/1.1\r\nHost: t\r\n\r\n") << 400 << "bad_request";
        QTest::newRow("bad chunk") << QByteArray(
            "POST /size HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                   << 400 << "bad_request";
        QTest::newRow("header too large") << (QByteArray("GET /echo HTTP/1.1\r\nHost: t\r\nX-Big: ")
            + QByteArray(20 * 1024, 'a') + "\r\n\r\n")
                                          << 431 << "header_too_large";
    }

    void malformedRequests()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QString, code);
        RawHttpClient client(m_port);
        QVERIFY(client.connectToServer());
        client.send(request);
        const RawResponse r = client.read();
        QCOMPARE(r.status, status);
        QCOMPARE(errorCode(r), code);
        QVERIFY(!r.header("x-request-id").isEmpty());
        QVERIFY(client.waitForDisconnect());

        RawHttpClient next(m_port); // and the server keeps serving
        QVERIFY(next.connectToServer());
        next.send("GET /echo HTTP/1.1\r\nHost: t\r\n\r\n");
        QCOMPARE(next.read().status, 200);
    }

    void handlerAnswersAreSanitised()
    {
        RawHttpClient client(m_port);
        QVERIFY(client.connectToServer());
        client.send("GET /status/204 HTTP/1.1\r\nHost: t\r\n\r\n");
        RawResponse r = client.read();
        QCOMPARE(r.status, 204);
        QCOMPARE(r.header("x-fine"), QByteArray("yes"));
        QVERIFY(!r.headers.contains("x-evil")); // no response splitting through a handler's header
        QVERIFY(!r.headers.contains("set-cookie"));
        client.send("GET /status/42 HTTP/1.1\r\nHost: t\r\n\r\n");
        r = client.read();
        QCOMPARE(r.status, 500);
        client.send("HEAD /echo HTTP/1.1\r\nHost: t\r\n\r\n");
        const QByteArray head = QTest::qWaitFor([&] { return client.socket().bytesAvailable() > 0; }, 5000)
            ? client.socket().readAll()
            : QByteArray();
        QVERIFY2(head.startsWith("HTTP/1.1 200"), head.constData());
        QVERIFY(head.contains("Content-Length: ") && head.endsWith("\r\n\r\n"));
    }

    void webSocketPushesByUser()
    {
        const QString base = QStringLiteral("ws://127.0.0.1:%1/api/v1/notify").arg(m_port);
        QWebSocket alice;
        QWebSocket bob;
        QSignalSpy aliceMessages(&alice, &QWebSocket::textMessageReceived);
        QSignalSpy bobMessages(&bob, &QWebSocket::textMessageReceived);
        QSignalSpy aliceUp(&alice, &QWebSocket::connected);
        QSignalSpy bobUp(&bob, &QWebSocket::connected);
        alice.open(QUrl(base + QStringLiteral("?token=user:alice")));
        QNetworkRequest bobRequest { QUrl(base) };
        bobRequest.setRawHeader("X-Token", "user:bob");
        bob.open(bobRequest);
        QVERIFY(aliceUp.count() || aliceUp.wait(5000));
        QVERIFY(bobUp.count() || bobUp.wait(5000));
        QTRY_COMPARE(m_server->hub().subscriberCount(), 2);

        m_server->hub().publish({ QStringLiteral("alice") }, "{\"type\":\"changes\"}");
        QVERIFY(aliceMessages.wait(5000));
        QCOMPARE(aliceMessages.at(0).at(0).toString(), QStringLiteral("{\"type\":\"changes\"}"));
        m_server->hub().publishAll("{\"type\":\"fullSyncRequired\"}");
        QVERIFY(bobMessages.wait(5000));
        // Bob's first message is the broadcast: alice's push never reached him.
        QCOMPARE(bobMessages.at(0).at(0).toString(), QStringLiteral("{\"type\":\"fullSyncRequired\"}"));
        QTRY_COMPARE(aliceMessages.count(), 2);
        alice.sendTextMessage(QStringLiteral("ignored"));

        QSignalSpy aliceDown(&alice, &QWebSocket::disconnected);
        alice.close();
        QVERIFY(aliceDown.count() || aliceDown.wait(5000));
        QTRY_COMPARE(m_server->hub().subscriberCount(), 1);
    }

    void webSocketRejectedGetsTheResponse()
    {
        RawHttpClient client(m_port);
        QVERIFY(client.connectToServer());
        client.send("GET /api/v1/notify HTTP/1.1\r\nHost: t\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        const RawResponse r = client.read();
        QCOMPARE(r.status, 401);
        QCOMPARE(errorCode(r), QStringLiteral("unauthenticated"));
        QCOMPARE(m_server->hub().subscriberCount(), 0);

        QWebSocket socket;
        QSignalSpy failed(&socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error));
        socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/notify").arg(m_port)));
        QVERIFY(failed.count() || failed.wait(5000));
        QVERIFY(socket.state() != QAbstractSocket::ConnectedState);
    }

    void webSocketSlowSubscriberIsDropped()
    {
        // Upgrade by hand, then never read: the server's per-session queue fills and it lets go.
        RawHttpClient client(m_port);
        QVERIFY(client.connectToServer());
        client.socket().setReadBufferSize(4096);
        client.send("GET /api/v1/notify?token=user:carol HTTP/1.1\r\nHost: t\r\nUpgrade: websocket\r\n"
                    "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    "Sec-WebSocket-Version: 13\r\n\r\n");
        QTRY_COMPARE(m_server->hub().subscriberCount(), 1);
        const QByteArray big(1024 * 1024, 'z');
        for (int i = 0; i < 200 && m_server->hub().subscriberCount() > 0; ++i)
            m_server->hub().publish({ QStringLiteral("carol") }, big);
        QTRY_COMPARE(m_server->hub().subscriberCount(), 0);
    }

    void webSocketIsPingedWhenIdle()
    {
        ServerOptions options;
        options.webSocketPingMs = 200;
        start(options);
        RawHttpClient client(m_port);
        QVERIFY(client.connectToServer());
        client.send("GET /api/v1/notify HTTP/1.1\r\nHost: t\r\nX-Token: user:erin\r\nUpgrade: websocket\r\n"
                    "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    "Sec-WebSocket-Version: 13\r\n\r\n");
        const RawResponse upgraded = client.read(5000, true);
        QCOMPARE(upgraded.status, 101);
        QVERIFY(!upgraded.header("x-request-id").isEmpty());
        // An idle subscriber gets a ping frame (FIN + opcode 9) without anyone publishing.
        QTRY_VERIFY(client.socket().bytesAvailable() >= 2);
        QCOMPARE(quint8(client.socket().peek(1).at(0)), quint8(0x89));
    }

    void shutdownDrainsInFlightRequests()
    {
        RawHttpClient idle(m_port);
        QVERIFY(idle.connectToServer());
        idle.send("GET /echo HTTP/1.1\r\nHost: t\r\n\r\n");
        QCOMPARE(idle.read().status, 200);
        QWebSocket subscriber;
        QSignalSpy up(&subscriber, &QWebSocket::connected);
        QSignalSpy down(&subscriber, &QWebSocket::disconnected);
        subscriber.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/notify?token=user:dan").arg(m_port)));
        QVERIFY(up.count() || up.wait(5000));

        RawHttpClient slow(m_port);
        QVERIFY(slow.connectToServer());
        slow.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n");
        QTRY_COMPARE(m_handler->slowEntered(), 1);

        std::atomic<bool> stopped { false };
        std::thread stopper([&] {
            m_server->shutdown(std::chrono::seconds(10));
            stopped = true;
        });
        QVERIFY(idle.waitForDisconnect());
        QVERIFY(down.count() || down.wait(5000));
        QTcpSocket refused; // no longer accepting
        QSignalSpy refusedError(&refused, &QTcpSocket::errorOccurred);
        refused.connectToHost(QStringLiteral("127.0.0.1"), m_port);
        QVERIFY(refusedError.count() || refusedError.wait(5000));
        QVERIFY(!stopped); // still draining the slow one

        m_handler->release();
        const RawResponse r = slow.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("connection").toLower(), QByteArray("close"));
        QTRY_VERIFY(stopped.load());
        stopper.join();
        QCOMPARE(m_server->inFlight(), 0);
        QCOMPARE(m_handler->slowEntered(), 0);
    }

    void shutdownAfterDrainTimeDropsButWaitsForHandlers()
    {
        RawHttpClient slow(m_port);
        QVERIFY(slow.connectToServer());
        slow.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n");
        QTRY_COMPARE(m_handler->slowEntered(), 1);

        std::atomic<bool> stopped { false };
        std::thread stopper([&] {
            m_server->shutdown(std::chrono::milliseconds(100));
            stopped = true;
        });
        // Drain time over: the connection is dropped without an answer ...
        QVERIFY(slow.waitForDisconnect());
        QCOMPARE(slow.read(100).status, 0);
        // ... but shutdown() does not return while a handler still runs.
        QCOMPARE(m_handler->slowEntered(), 1);
        QVERIFY(!stopped);
        m_handler->release();
        QTRY_VERIFY(stopped.load());
        stopper.join();
        QCOMPARE(m_handler->slowEntered(), 0);
        QCOMPARE(m_server->inFlight(), 0);
    }

    void listenErrors()
    {
        QTcpServer occupied;
        QVERIFY(occupied.listen(QHostAddress::LocalHost));
        ServerOptions options;
        options.port = occupied.serverPort();
        HttpServer clash(options, *m_handler);
        const auto result = clash.listen();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("listen_failed"));
        QVERIFY2(
            result.error().message.contains(QLatin1String("in use")), qPrintable(result.error().message));

        options.port = 0;
        options.host = QStringLiteral("not-an-address");
        HttpServer bad(options, *m_handler);
        QVERIFY(!bad.listen().ok());

        options.host = QStringLiteral("::1");
        HttpServer v6(options, *m_handler);
        const auto v6port = v6.listen();
        if (!v6port.ok())
            QSKIP("no IPv6 loopback here");
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHostIPv6, v6port.value());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /echo HTTP/1.1\r\nHost: t\r\n\r\n");
        QTRY_VERIFY(socket.bytesAvailable() > 0 && socket.peek(12).startsWith("HTTP/1.1 200"));
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
