// SPDX-License-Identifier: MIT
// A real outpostd on an ephemeral loopback port against callers who hold on to the server: an
// anonymous (or unprivileged) upload is refused from its head before any of its body is read,
// connections per source address and WebSockets per user are capped, and ending a session
// (sign-out, or revoked elsewhere: another instance, a changed password) closes its WebSockets.
#include "httpclient.h"
#include "outpostdprocess.h"
#include "signinflood.h"
#include "testdatabase.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <QWebSocket>

#include <memory>

using namespace outpost::testing;

namespace {
QString s(const char *text)
{
    return QString::fromUtf8(text);
}

/// Sends only a request head and waits for the answer: the status (0: none within timeoutMs).
int headOnly(quint16 port, const QByteArray &head, double *ms, int timeoutMs = 5000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return -1;
    QElapsedTimer t;
    t.start();
    socket.write(head);
    QByteArray buffer;
    int status = 0;
    (void)QTest::qWaitFor(
        [&] {
            buffer += socket.readAll();
            status = takeResponse(buffer);
            return status != 0 || socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
    *ms = double(t.elapsed());
    return status;
}
} // namespace

class TestConnections : public QObject
{
    Q_OBJECT

    TestDatabase m_db { TestDatabase::Kind::SQLite };
    OutpostdProcess m_server;

    std::unique_ptr<QWebSocket> openWs(const QString &token, bool *connected)
    {
        auto ws = std::make_unique<QWebSocket>();
        QNetworkRequest req(
            QUrl(m_server.baseUrl().toString().replace(s("http://"), s("ws://")) + s("/api/v1/notify")));
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        QSignalSpy up(ws.get(), &QWebSocket::connected);
        QSignalSpy down(ws.get(), &QWebSocket::disconnected);
        ws->open(req);
        (void)QTest::qWaitFor([&] { return up.count() > 0 || down.count() > 0; }, 10000);
        *connected = up.count() > 0 && ws->state() == QAbstractSocket::ConnectedState;
        return ws;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(m_db.create(&why), qPrintable(why));
        OutpostdProcess::Options o;
        o.dbUrl = m_db.url();
        o.demo = true;
        o.demoCases = 10;
        o.extraArgs = QStringList { s("--max-connections-per-address"), s("6"),
            s("--max-websockets-per-user"), s("2"), s("--websocket-recheck-ms"), s("200") };
        QVERIFY2(m_server.start(o, &why), qPrintable(why));
    }

    void anonymousBigUploadIsRefusedFromItsHead()
    {
        const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        // 20 MiB declared, not a byte of it sent: the answer comes anyway, at once.
        double ms = 0;
        const QByteArray put = "PUT /api/v1/attachments/" + uuid.toLatin1()
            + "?caseId=C-10001&name=big.bin HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
              "Content-Length: 20971520\r\n\r\n";
        QCOMPARE(headOnly(m_server.port(), put, &ms), 401);
        QVERIFY2(ms < 2000, qPrintable(QString::number(ms)));
        const QByteArray post
            = "POST /api/v1/sync/actions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              "Authorization: Bearer not-a-token\r\nContent-Length: 1000000\r\n\r\n";
        QCOMPARE(headOnly(m_server.port(), post, &ms), 401);
        const QByteArray chunked
            = "POST /api/v1/sync/actions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
        QCOMPARE(headOnly(m_server.port(), chunked, &ms), 401);

        // A technician's body for an administrator's route: 403 before the body.
        HttpClient alice(m_server.baseUrl());
        const QString token = alice.signIn(s("alice"), s("alice"));
        QVERIFY(!token.isEmpty());
        const QByteArray admin
            = "PUT /api/v1/admin/case-types/inspection HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + token.toLatin1() + "\r\nContent-Type: application/json\r\nContent-Length: 900000\r\n\r\n";
        QCOMPARE(headOnly(m_server.port(), admin, &ms), 403);
        // Signed in, the same upload's head is accepted and its body awaited (no early answer).
        const QByteArray signedIn = "PUT /api/v1/attachments/" + uuid.toLatin1()
            + "?caseId=C-10001&name=big.bin HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token.toLatin1()
            + "\r\nContent-Length: 1000\r\n\r\n";
        QCOMPARE(headOnly(m_server.port(), signedIn, &ms, 500), 0);
    }

    void connectionsPerAddressAreCapped()
    {
        // Six connections from 127.0.0.9 are served; the seventh is closed before it is read.
        std::vector<std::unique_ptr<QTcpSocket>> held;
        auto connectFrom = [&](const char *address) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->bind(QHostAddress(QString::fromLatin1(address)), 0);
            socket->connectToHost(QHostAddress::LocalHost, m_server.port());
            socket->waitForConnected(5000);
            socket->write("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
            QByteArray buffer;
            int status = 0;
            (void)QTest::qWaitFor(
                [&] {
                    buffer += socket->readAll();
                    status = takeResponse(buffer);
                    return status != 0 || socket->state() == QAbstractSocket::UnconnectedState;
                },
                5000);
            return std::make_pair(std::move(socket), status);
        };
        for (int i = 0; i < 6; ++i) {
            auto [socket, status] = connectFrom("127.0.0.9");
            QCOMPARE(status, 200);
            held.push_back(std::move(socket));
        }
        auto [refused, status] = connectFrom("127.0.0.9");
        QCOMPARE(status, 0);
        QCOMPARE(refused->state(), QAbstractSocket::UnconnectedState);
        // Another address is not affected; a closed connection frees its place.
        QCOMPARE(connectFrom("127.0.0.10").second, 200);
        held.front()->disconnectFromHost();
        held.erase(held.begin());
        QTRY_COMPARE_WITH_TIMEOUT(connectFrom("127.0.0.9").second, 200, 5000);
    }

    void webSocketsPerUserAreCapped()
    {
        HttpClient c(m_server.baseUrl());
        const QString t1 = c.signIn(s("bob"), s("bob")), t2 = c.signIn(s("bob"), s("bob"));
        bool ok = false;
        auto a = openWs(t1, &ok);
        QVERIFY(ok);
        auto b = openWs(t2, &ok);
        QVERIFY(ok);
        auto third = openWs(t1, &ok);
        QVERIFY(!ok);
        // Another user still gets theirs; a closed one frees a place.
        auto carol = openWs(c.signIn(s("carol"), s("carol")), &ok);
        QVERIFY(ok);
        QSignalSpy gone(a.get(), &QWebSocket::disconnected);
        a->close();
        QVERIFY(gone.count() > 0 || gone.wait(5000));
        QTRY_VERIFY_WITH_TIMEOUT((openWs(t1, &ok), ok), 5000);
    }

    void signOutClosesItsWebSockets()
    {
        HttpClient c(m_server.baseUrl());
        const QString leaving = c.signIn(s("alice"), s("alice"));
        const QString staying = c.signIn(s("alice"), s("alice"));
        bool ok = false;
        auto ws1 = openWs(leaving, &ok);
        QVERIFY(ok);
        auto ws2 = openWs(staying, &ok);
        QVERIFY(ok);
        QSignalSpy closed1(ws1.get(), &QWebSocket::disconnected);
        QSignalSpy closed2(ws2.get(), &QWebSocket::disconnected);
        c.setToken(leaving);
        QCOMPARE(c.del(s("/api/v1/session")).status, 200);
        QVERIFY(closed1.count() > 0 || closed1.wait(5000));
        QCOMPARE(ws1->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QCOMPARE(closed2.count(), 0);

        // Revoked elsewhere (another instance, `outpostd user passwd`): closed at the next check.
        QString why;
        QVERIFY2(TestDatabase::sql(m_db.url(), s("UPDATE sessions SET revoked = 1"), &why), qPrintable(why));
        QVERIFY(closed2.count() > 0 || closed2.wait(5000));
    }

    void noSniffingOnAnyAnswer()
    {
        HttpClient c(m_server.baseUrl());
        const HttpReply health = c.get(s("/api/v1/health"));
        QCOMPARE(health.status, 200);
        QCOMPARE(health.headers.value("x-content-type-options"), QByteArray("nosniff"));
        const HttpReply anonymous = c.get(s("/api/v1/sync/changes"));
        QCOMPARE(anonymous.status, 401);
        QCOMPARE(anonymous.headers.value("x-content-type-options"), QByteArray("nosniff"));
        QCOMPARE(c.get(s("/nowhere")).headers.value("x-content-type-options"), QByteArray("nosniff"));
    }

    void demoOnlyOnLoopback()
    {
        QTemporaryDir dir;
        QProcess p;
        p.start(OutpostdProcess::binary(),
            { s("--listen"), s("0.0.0.0:0"), s("--demo"), s("--db"),
                s("sqlite:") + dir.filePath(s("d.sqlite")) });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY2(p.readAllStandardError().contains("loopback"), "no reason given");
        QVERIFY(!QFile::exists(dir.filePath(s("d.sqlite")))); // refused before anything was created
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_GUILESS_MAIN(TestConnections)
#include "tst_connections.moc"
