// SPDX-License-Identifier: MIT
#include "apiclient.h"
#include "awaitresult.h"
#include "httptransport.h"
#include "rawhttpserver.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace outpost;
using namespace outpost::sync;
using namespace std::chrono_literals;

namespace {

template <typename R, typename Start> R await(Start start)
{
    return outpost::testing::await<R>(start, 20000);
}

Result<ChangesPage> fetchChanges(ApiClient *api)
{
    return await<Result<ChangesPage>>([&](auto cb) { api->changes({}, 100, cb); });
}

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT
private:
    RawHttpServer *m_server = nullptr;
    ApiClient *m_api = nullptr;

    Result<ChangesPage> changes() { return fetchChanges(m_api); }

private Q_SLOTS:
    void init()
    {
        m_server = new RawHttpServer;
        QVERIFY(m_server->start());
        m_api = new ApiClient;
        m_api->setServer(QUrl(m_server->baseUrl()));
        m_api->setToken(QStringLiteral("T0K"));
    }
    void cleanup()
    {
        delete m_api;
        delete m_server;
    }

    void badAnswersAreBadResponse_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not json") << RawHttpServer::http(200, "<html>proxy login</html>", "text/html")
                                  << "offset";
        QTest::newRow("json array") << RawHttpServer::http(200, "[1,2,3]") << "object";
        QTest::newRow("empty body") << RawHttpServer::http(200, "") << "";
        QTest::newRow("missing next")
            << RawHttpServer::http(200, "{\"changes\":[],\"more\":false}") << "next";
        QTest::newRow("more not bool")
            << RawHttpServer::http(200, "{\"changes\":[],\"next\":\"5\",\"more\":\"no\"}") << "more";
        QTest::newRow("unknown kind") << RawHttpServer::http(200,
            "{\"changes\":[{\"kind\":\"virus\",\"op\":\"upsert\",\"id\":\"x\",\"etag\":\"1\",\"data\":{}}],"
            "\"next\":\"5\",\"more\":false}")
                                      << "kind";
        QTest::newRow("case without id") << RawHttpServer::http(200,
            "{\"changes\":[{\"kind\":\"case\",\"op\":\"upsert\",\"etag\":\"1\",\"data\":{}}],\"next\":\"5\","
            "\"more\":false}") << "id";
        QTest::newRow("truncated") << QByteArray(
            "HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{\"changes\":[")
                                   << "";
        QTest::newRow("deeply nested") << RawHttpServer::http(200, QByteArray(100000, '[')) << "";
    }
    void badAnswersAreBadResponse()
    {
        QFETCH(QByteArray, answer);
        QFETCH(QString, mentions);
        m_server->response = answer;
        auto r = changes();
        QVERIFY(!r.ok());
        // A truncated body is a broken connection to Qt; both are "try again later" errors.
        if (QTest::currentDataTag() == QLatin1String("truncated")) {
            QVERIFY2(isTransientError(r.error()), qPrintable(r.error().code));
            return;
        }
        QCOMPARE(r.error().code, QString::fromLatin1(errc::BadResponse));
        QVERIFY2(r.error().toString().contains(mentions), qPrintable(r.error().toString()));
    }

    void notHttpAtAll()
    {
        m_server->response = "SSH-2.0-OpenSSH_9.2\r\n\x00\x01\x02 garbage garbage\r\n\r\n";
        auto r = changes();
        QVERIFY(!r.ok());
        QVERIFY2(r.error().code == QLatin1String(errc::BadResponse)
                || r.error().code == QLatin1String(errc::Unreachable),
            qPrintable(r.error().code + QLatin1Char(' ') + r.error().message));
    }

    void goodPageParses()
    {
        m_server->response = RawHttpServer::http(200,
            "{\"changes\":[{\"kind\":\"case\",\"op\":\"remove\",\"id\":\"C-1\",\"etag\":\"\\\"3\\\"\"}],"
            "\"next\":\"42\",\"more\":true}");
        auto r = changes();
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->changes.size(), 1);
        QVERIFY(r->changes.first().remove);
        QCOMPARE(r->next, QStringLiteral("42"));
        QVERIFY(r->more);
        QCOMPARE(m_server->requests.size(), 1);
        const QByteArray req = m_server->requests.first();
        QVERIFY2(
            req.startsWith("GET /api/v1/sync/changes?since=0&limit=100&include=history "), req.constData());
        QVERIFY(req.contains("Authorization: Bearer T0K"));
    }

    void errorStatusesAreMapped_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QString>("code");
        QTest::newRow("401") << RawHttpServer::http(
            401, "{\"error\":{\"code\":\"unauthenticated\",\"message\":\"expired\"}}")
                             << "unauthenticated";
        QTest::newRow("401 garbage") << RawHttpServer::http(401, "nope", "text/plain") << "unauthenticated";
        QTest::newRow("410") << RawHttpServer::http(
            410, "{\"error\":{\"code\":\"full_sync_required\",\"message\":\"x\"}}")
                             << "full_sync_required";
        QTest::newRow("410 no body") << RawHttpServer::http(410, "") << "full_sync_required";
        QTest::newRow("500 garbage") << RawHttpServer::http(500, "Internal Server Error", "text/plain")
                                     << "server_error";
        QTest::newRow("503 body") << RawHttpServer::http(
            503, "{\"error\":{\"code\":\"service_unavailable\",\"message\":\"draining\"}}")
                                  << "service_unavailable";
        QTest::newRow("400") << RawHttpServer::http(400,
            "{\"error\":{\"code\":\"bad_request\",\"message\":\"limit\",\"fields\":{\"limit\":\"too big\"}}}")
                             << "bad_request";
        QTest::newRow("404 garbage") << RawHttpServer::http(404, "<html>", "text/html") << "bad_response";
        QTest::newRow("error not object")
            << RawHttpServer::http(400, "{\"error\":\"boom\"}") << "bad_response";
    }
    void errorStatusesAreMapped()
    {
        QFETCH(QByteArray, answer);
        QFETCH(QString, code);
        m_server->response = answer;
        QSignalSpy unauth(m_api, &ApiClient::unauthenticated);
        auto r = changes();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        QCOMPARE(unauth.count(), code == QLatin1String("unauthenticated") ? 1 : 0);
        if (code == QLatin1String("bad_request"))
            QCOMPARE(r.error().fields.value(QStringLiteral("limit")), QStringLiteral("too big"));
    }

    void signInKeepsBadCredentialsAndStoresTheToken()
    {
        m_server->response
            = RawHttpServer::http(401, "{\"error\":{\"code\":\"bad_credentials\",\"message\":\"wrong\"}}");
        QSignalSpy unauth(m_api, &ApiClient::unauthenticated);
        auto bad = await<Result<SessionInfo>>([&](auto cb) {
            m_api->signIn(QUrl(m_server->baseUrl()), QStringLiteral("alice"), QStringLiteral("x"),
                QStringLiteral("dev"), cb);
        });
        QCOMPARE(bad.error().code, QStringLiteral("bad_credentials"));
        QCOMPARE(unauth.count(), 0);
        QVERIFY(m_api->token().isEmpty());

        m_server->response = RawHttpServer::http(200,
            "{\"token\":\"abc\",\"expiresAt\":\"2026-12-01T00:00:00Z\",\"user\":{\"id\":\"alice\","
            "\"displayName\":\"Alice\",\"roles\":[\"technician\"],\"queues\":[\"north\"]}}");
        auto ok = await<Result<SessionInfo>>([&](auto cb) {
            m_api->signIn(QUrl(m_server->baseUrl() + QStringLiteral("/")), QStringLiteral("alice"),
                QStringLiteral("alice"), QStringLiteral("dev"), cb);
        });
        QVERIFY2(ok.ok(), qPrintable(ok.error().toString()));
        QCOMPARE(ok->userId, QStringLiteral("alice"));
        QCOMPARE(ok->queues, QStringList { QStringLiteral("north") });
        QCOMPARE(m_api->token(), QStringLiteral("abc"));
        QVERIFY(m_server->requests.last().startsWith("POST /api/v1/session "));
        QVERIFY(m_server->requests.last().contains("\"deviceId\":\"dev\""));

        m_server->response
            = RawHttpServer::http(200, "{\"token\":\"\",\"expiresAt\":\"x\",\"user\":{\"id\":\"alice\"}}");
        auto empty = await<Result<SessionInfo>>([&](auto cb) {
            m_api->signIn(QUrl(m_server->baseUrl()), QStringLiteral("alice"), QStringLiteral("alice"),
                QStringLiteral("dev"), cb);
        });
        QCOMPARE(empty.error().code, QString::fromLatin1(errc::BadResponse));
    }

    void uploadResultsMustMatchTheRequest()
    {
        Action a;
        a.id = QStringLiteral("a1");
        a.type = ActionType::Note;
        a.caseId = QStringLiteral("C-1");
        a.text = QStringLiteral("hi");
        Action b = a;
        b.id = QStringLiteral("a2");
        auto upload = [&]() {
            return await<Result<QList<ActionResult>>>([&](auto cb) {
                m_api->uploadActions(QStringLiteral("dev"), { a, b }, cb);
            });
        };
        m_server->response = RawHttpServer::http(
            200, "{\"results\":[{\"id\":\"a1\",\"status\":\"applied\",\"caseId\":\"C-1\",\"etag\":\"2\"}]}");
        auto r = upload();
        QCOMPARE(r.error().code, QString::fromLatin1(errc::BadResponse));
        QVERIFY(r.error().message.contains(QLatin1String("1 results for 2 actions")));

        m_server->response = RawHttpServer::http(200,
            "{\"results\":[{\"id\":\"a2\",\"status\":\"applied\",\"caseId\":\"C-1\",\"etag\":\"2\"},{\"id\":"
            "\"a1\",\"status\":\"skipped\",\"caseId\":\"C-1\",\"error\":{\"code\":\"skipped\",\"message\":"
            "\"x\"}}]}");
        QCOMPARE(upload().error().code, QString::fromLatin1(errc::BadResponse));

        m_server->response = RawHttpServer::http(200,
            "{\"results\":[{\"id\":\"a1\",\"status\":\"exploded\"},{\"id\":\"a2\",\"status\":\"applied\","
            "\"caseId\":\"C-1\"}]}");
        QCOMPARE(upload().error().code, QString::fromLatin1(errc::BadResponse));

        m_server->response = RawHttpServer::http(200,
            "{\"results\":[{\"id\":\"a1\",\"status\":\"applied\",\"caseId\":\"C-1\",\"etag\":\"2\"},{\"id\":"
            "\"a2\",\"status\":\"skipped\",\"caseId\":\"C-1\",\"error\":{\"code\":\"skipped\",\"message\":"
            "\"x\"}}]}");
        auto good = upload();
        QVERIFY2(good.ok(), qPrintable(good.error().toString()));
        QCOMPARE(good->size(), 2);
        QCOMPARE(good->at(1).status, ResultStatus::Skipped);
        QVERIFY(m_server->requests.last().contains("\"actions\":[{"));
    }

    void silentServerTimesOut()
    {
        m_server->silent = true;
        m_api->setTransferTimeout(300ms);
        auto r = changes();
        QCOMPARE(r.error().code, QString::fromLatin1(errc::Timeout));
    }

    void closedPortIsUnreachable()
    {
        const quint16 port = m_server->serverPort();
        m_server->close();
        m_api->setServer(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        auto r = changes();
        QCOMPARE(r.error().code, QString::fromLatin1(errc::Unreachable));
        QVERIFY(isTransientError(r.error()));
    }

    void oversizedAnswerIsRefused()
    {
        m_api->setMaxResponseBytes(1000);
        m_server->response = RawHttpServer::http(
            200, "{\"changes\":[],\"next\":\"" + QByteArray(5000, 'x') + "\",\"more\":false}");
        auto r = changes();
        QCOMPARE(r.error().code, QString::fromLatin1(errc::BadResponse));
    }

    void abortReportsCanceled()
    {
        m_server->silent = true;
        std::optional<Result<ChangesPage>> got;
        m_api->changes({}, 10, [&](Result<ChangesPage> r) { got.emplace(std::move(r)); });
        QTRY_COMPARE(m_server->requests.size(), 1);
        m_api->abortAll();
        QTRY_VERIFY_WITH_TIMEOUT(got.has_value(), 5000);
        QCOMPARE(got->error().code, QString::fromLatin1(errc::Canceled));
    }

    void destroyedClientNeverCallsBack()
    {
        m_server->silent = true;
        bool called = false;
        m_api->changes({}, 10, [&](Result<ChangesPage>) { called = true; });
        QTRY_COMPARE(m_server->requests.size(), 1);
        delete m_api;
        m_api = nullptr;
        QCoreApplication::processEvents();
        QVERIFY(!called);
    }

    void sharedTransportAbortsAndForgetsOneClientOnly()
    {
        // The application's clients share one transport: each one's abortAll() and destruction
        // concern its own requests only.
        m_server->silent = true;
        auto transport = std::make_shared<HttpTransport>();
        auto *a = new ApiClient(transport);
        auto *b = new ApiClient(transport);
        auto *c = new ApiClient(transport);
        for (ApiClient *api : { a, b, c }) {
            api->setServer(QUrl(m_server->baseUrl()));
            api->setToken(QStringLiteral("T0K"));
        }
        std::optional<Result<ChangesPage>> gotA;
        bool calledB = false;
        bool calledC = false;
        a->changes({}, 10, [&](Result<ChangesPage> r) { gotA.emplace(std::move(r)); });
        b->changes({}, 10, [&](Result<ChangesPage>) { calledB = true; });
        c->changes({}, 10, [&](Result<ChangesPage>) { calledC = true; });
        QTRY_COMPARE(m_server->requests.size(), 3);
        QCOMPARE(a->runningRequests(), 1);
        QCOMPARE(b->runningRequests(), 1);

        a->abortAll();
        QTRY_VERIFY_WITH_TIMEOUT(gotA.has_value(), 5000);
        QCOMPARE(gotA->error().code, QString::fromLatin1(errc::Canceled));
        QCOMPARE(a->runningRequests(), 0);
        delete c; // its request is aborted without a word
        QCoreApplication::processEvents();
        QVERIFY(!calledB);
        QVERIFY(!calledC);
        QCOMPARE(b->runningRequests(), 1);

        // b's request still runs on the shared transport: it is answered once the server speaks.
        delete a;
        m_server->silent = false;
        m_server->response = RawHttpServer::http(200, "{\"changes\":[],\"next\":\"7\",\"more\":false}");
        std::optional<Result<ChangesPage>> gotB;
        b->changes({}, 10, [&](Result<ChangesPage> r) { gotB.emplace(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(gotB.has_value(), 10000);
        QVERIFY2(gotB->ok(), qPrintable(gotB->error().toString()));
        QCOMPARE(gotB->value().next, QStringLiteral("7"));
        QCOMPARE(b->runningRequests(), 1); // the first one, still waiting for its silent answer
        delete b;
        QCoreApplication::processEvents();
        QVERIFY(!calledB);
    }

    void sharedTransportAnswersOnTheClientsThread()
    {
        // The sync thread's client and the GUI thread's clients share the transport: every answer
        // comes back on the thread of the client that asked.
        m_server->response = RawHttpServer::http(200, "{\"changes\":[],\"next\":\"3\",\"more\":false}");
        auto transport = std::make_shared<HttpTransport>();
        QThread worker;
        worker.setObjectName(QStringLiteral("tst-worker"));
        auto *remote = new ApiClient(transport);
        remote->setServer(QUrl(m_server->baseUrl()));
        remote->moveToThread(&worker);
        worker.start();
        std::atomic<QThread *> answeredOn = nullptr;
        std::atomic<bool> remoteOk = false;
        QMetaObject::invokeMethod(
            remote,
            [remote, &answeredOn, &remoteOk]() {
                remote->changes({}, 10, [&answeredOn, &remoteOk](Result<ChangesPage> r) {
                    remoteOk = r.ok();
                    answeredOn = QThread::currentThread();
                });
            },
            Qt::QueuedConnection);
        ApiClient local(transport);
        local.setServer(QUrl(m_server->baseUrl()));
        auto here = fetchChanges(&local);
        QVERIFY2(here.ok(), qPrintable(here.error().toString()));
        QTRY_VERIFY_WITH_TIMEOUT(answeredOn.load() != nullptr, 10000);
        QCOMPARE(answeredOn.load(), &worker);
        QVERIFY(remoteOk.load());
        QMetaObject::invokeMethod(
            remote, [remote]() { delete remote; }, Qt::BlockingQueuedConnection);
        worker.quit();
        QVERIFY(worker.wait(10000));
    }

    void attachmentUploadSendsTheDataAndChecksSha()
    {
        const QByteArray data(300000, 'p');
        const QString sha
            = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
        auto put = [&]() {
            return await<Result<UploadedAttachment>>([&](auto cb) {
                m_api->putAttachment(QStringLiteral("u-1"), QStringLiteral("C-1"),
                    QStringLiteral("photo 1.jpg"), QStringLiteral("image/jpeg"), data, cb);
            });
        };
        m_server->response = RawHttpServer::http(
            201, "{\"id\":\"u-1\",\"size\":300000,\"sha256\":\"" + sha.toLatin1() + "\"}");
        auto ok = put();
        QVERIFY2(ok.ok(), qPrintable(ok.error().toString()));
        QCOMPARE(ok->size, 300000);
        const QByteArray req = m_server->requests.last();
        QVERIFY2(req.startsWith("PUT /api/v1/attachments/u-1?caseId=C-1&name=photo%201.jpg "),
            req.left(120).constData());
        QVERIFY(req.contains("Content-Type: image/jpeg"));
        QVERIFY(req.endsWith(data));

        m_server->response = RawHttpServer::http(200, "{\"id\":\"u-1\",\"size\":300000,\"sha256\":\"00ff\"}");
        QCOMPARE(put().error().code, QString::fromLatin1(errc::ChecksumMismatch));
    }

    void attachmentDownloadIsKeptInMemory()
    {
        m_server->response = RawHttpServer::http(200, QByteArray(70000, 'z'), "application/octet-stream");
        auto ok
            = await<Result<QByteArray>>([&](auto cb) { m_api->getAttachment(QStringLiteral("u-1"), cb); });
        QVERIFY2(ok.ok(), qPrintable(ok.error().toString()));
        QCOMPARE(ok.value(), QByteArray(70000, 'z'));

        m_server->response
            = RawHttpServer::http(404, "{\"error\":{\"code\":\"not_found\",\"message\":\"no\"}}");
        auto missing
            = await<Result<QByteArray>>([&](auto cb) { m_api->getAttachment(QStringLiteral("u-9"), cb); });
        QCOMPARE(missing.error().code, QStringLiteral("not_found"));
    }

    void healthAndHistory()
    {
        m_server->response = RawHttpServer::http(200, "{\"status\":\"ok\",\"protocol\":1}");
        auto h = await<Result<HealthInfo>>([&](auto cb) { m_api->health(cb); });
        QVERIFY(h.ok());
        QCOMPARE(h->protocol, 1);
        QVERIFY(!m_server->requests.last().contains("Authorization"));

        m_server->response = RawHttpServer::http(200,
            "{\"entries\":[{\"at\":\"t\",\"by\":\"alice\",\"action\":\"note\",\"text\":\"hi\"},{\"at\":\"t\"}"
            "]}");
        auto bad
            = await<Result<QList<HistoryEntry>>>([&](auto cb) { m_api->history(QStringLiteral("C-1"), cb); });
        QCOMPARE(bad.error().code, QString::fromLatin1(errc::BadResponse));
        QVERIFY(bad.error().toString().contains(QLatin1String("entries[1]")));
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
