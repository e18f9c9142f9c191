// SPDX-License-Identifier: MIT
// The client's transport as an attacker on the network or a hostile server would try it: plain http
// to a remote host, a redirect that would carry the token away, a TLS server the system does not
// trust, a change page whose attachment id walks out of the cache.
#include "apiclient.h"
#include "awaitresult.h"
#include "httptransport.h"
#include "localstore.h"
#include "memorycredentialstore.h"
#include "rawhttpserver.h"
#include "signin.h"
#include "storekeys.h"
#include "synccontroller.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace outpost;
using namespace outpost::sync;

namespace {

const QByteArray HealthBody = R"({"status":"ok","protocol":1})";

Result<HealthInfo> health(ApiClient &api)
{
    return testing::await<Result<HealthInfo>>([&](auto cb) { api.health(cb); }, 20000);
}

std::shared_ptr<HttpTransport> transport(bool allowInsecure = false, const QString &caBundle = {})
{
    auto policy = TransportPolicy::load(allowInsecure, caBundle);
    Q_ASSERT(policy.ok());
    return std::make_shared<HttpTransport>(policy.value());
}

/// A TLS peer with a self-signed certificate for 127.0.0.1 that answers every request with `answer`.
class TlsPeer : public QSslServer
{
public:
    QByteArray answer;
    int requests = 0;

    bool start(const QString &certFile, const QString &keyFile)
    {
        QFile cert(certFile);
        QFile key(keyFile);
        if (!cert.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
            return false;
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        conf.setLocalCertificate(QSslCertificate(&cert, QSsl::Pem));
        conf.setPrivateKey(QSslKey(&key, QSsl::Rsa, QSsl::Pem));
        conf.setPeerVerifyMode(QSslSocket::VerifyNone);
        setSslConfiguration(conf);
        connect(this, &QTcpServer::pendingConnectionAvailable, this, [this]() {
            while (QTcpSocket *s = nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                connect(s, &QTcpSocket::readyRead, s, [this, s, buffer]() {
                    buffer->append(s->readAll());
                    if (!buffer->contains("\r\n\r\n"))
                        return;
                    ++requests;
                    s->write(answer);
                    s->disconnectFromHost();
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        return listen(QHostAddress::LocalHost, 0);
    }
};

} // namespace

class TestClientTransport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void plainHttpToARemoteHostIsRefused_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("remote http") << "http://192.0.2.10:8080" << false;
        QTest::newRow("remote name") << "http://outpost.example.com" << false;
        QTest::newRow("remote ws") << "ws://outpost.example.com/api/v1/notify" << false;
        QTest::newRow("ftp") << "ftp://outpost.example.com" << false;
        QTest::newRow("https") << "https://outpost.example.com" << true;
        QTest::newRow("wss") << "wss://outpost.example.com/api/v1/notify" << true;
        QTest::newRow("loopback v4") << "http://127.0.0.1:8080" << true;
        QTest::newRow("loopback 127/8") << "http://127.1.2.3:8080" << true;
        QTest::newRow("loopback v6") << "http://[::1]:8080" << true;
        QTest::newRow("localhost") << "ws://LOCALHOST:8080/api/v1/notify" << true;
        QTest::newRow("localhost lookalike") << "http://localhost.attacker.example" << false;
    }
    void plainHttpToARemoteHostIsRefused()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        const Status s = TransportPolicy().check(QUrl(url));
        QCOMPARE(s.ok(), allowed);
        if (!allowed)
            QCOMPARE(s.error().code, QString::fromLatin1(errc::InsecureTransport));
        // The profile's permission opens plain http and ws, nothing else.
        const bool plain = url.startsWith(QLatin1String("http")) || url.startsWith(QLatin1String("ws"));
        TransportPolicy allowing;
        allowing.allowInsecureHttp = true;
        QCOMPARE(allowing.check(QUrl(url)).ok(), plain);
    }

    void requestsAndSignInRefuseRemotePlainHttp()
    {
        // The transport refuses before any connection: a request to a remote http server fails at
        // once with insecure_transport, not after a connect timeout.
        ApiClient api(transport());
        api.setServer(QUrl(QStringLiteral("http://192.0.2.10:8080")));
        api.setToken(QStringLiteral("T0K"));
        const auto h = health(api);
        QVERIFY(!h.ok());
        QCOMPARE(h.error().code, QString::fromLatin1(errc::InsecureTransport));

        // Sign-in says why, and does not fall back to the offline verifier.
        QTemporaryDir profile;
        SignIn signIn(SyncServices { transport(), std::make_shared<testing::MemoryCredentialStore>(), {} });
        const auto r = testing::await<Result<SignInOutcome>>([&](auto cb) {
            signIn.signIn(QUrl(QStringLiteral("http://outpost.example.com")), QStringLiteral("alice"),
                QStringLiteral("pw"), profile.path(), cb);
        });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QString::fromLatin1(errc::InsecureTransport));
        QVERIFY2(r.error().message.contains(QLatin1String("https://"))
                && r.error().message.contains(QLatin1String("--allow-insecure-http")),
            qPrintable(r.error().message));
        QVERIFY2(QDir(profile.path()).isEmpty(), "nothing is written for a refused server");
    }

    void loopbackAndAllowedPlainHttpWork()
    {
        RawHttpServer peer;
        QVERIFY(peer.start());
        peer.response = RawHttpServer::http(200, HealthBody);
        ApiClient api(transport());
        api.setServer(QUrl(peer.baseUrl()));
        QVERIFY2(health(api).ok(), qPrintable(health(api).error().toString()));
    }

    void redirectsNeverCarryTheTokenToAnotherOrigin()
    {
        // The second listener records whatever reaches it; the first sends every request there.
        RawHttpServer elsewhere;
        QVERIFY(elsewhere.start());
        elsewhere.response = RawHttpServer::http(200, R"({"changes":[],"next":"n1","more":false})");
        RawHttpServer server;
        QVERIFY(server.start());
        for (const QByteArray &status : { QByteArray("302 Found"), QByteArray("307 Temporary Redirect") }) {
            server.requests.clear();
            server.response = "HTTP/1.1 " + status + "\r\nLocation: " + elsewhere.baseUrl().toLatin1()
                + "/api/v1/sync/changes\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            ApiClient api(transport(true));
            api.setServer(QUrl(server.baseUrl()));
            api.setToken(QStringLiteral("SECRET-TOKEN"));
            const auto h
                = testing::await<Result<ChangesPage>>([&](auto cb) { api.changes({}, 100, cb); }, 20000);
            QVERIFY(!h.ok());
            QCOMPARE(h.error().code, QString::fromLatin1(errc::RedirectRefused));
            QCOMPARE(server.requests.size(), 1);
            QVERIFY2(server.requests.first().contains("Authorization: Bearer SECRET-TOKEN"),
                server.requests.first().constData());
        }
        // Nothing at all reached the other origin, least of all the token.
        QVERIFY(!QTest::qWaitFor([&] { return !elsewhere.requests.isEmpty(); }, 300));
        for (const QByteArray &r : std::as_const(elsewhere.requests))
            QVERIFY(!r.contains("SECRET-TOKEN"));
    }

    void caBundleIsTrustedForHttps()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("the openssl tool is needed to make a test certificate");
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        QProcess gen;
        gen.start(openssl,
            { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
                QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("2"),
                QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                QStringLiteral("subjectAltName=IP:127.0.0.1") });
        QVERIFY(gen.waitForFinished(60000));
        QCOMPARE(gen.exitCode(), 0);

        TlsPeer peer;
        peer.answer = RawHttpServer::http(200, HealthBody);
        QVERIFY(peer.start(cert, key));
        const QUrl url(QStringLiteral("https://127.0.0.1:%1").arg(peer.serverPort()));

        ApiClient systemOnly(transport());
        systemOnly.setServer(url);
        const auto refused = health(systemOnly);
        QVERIFY2(!refused.ok(), "a certificate no configured CA signed is not trusted");
        QCOMPARE(peer.requests, 0);

        ApiClient withBundle(transport(false, cert));
        withBundle.setServer(url);
        const auto ok = health(withBundle);
        QVERIFY2(ok.ok(), qPrintable(ok.error().toString()));
        QCOMPARE(peer.requests, 1);

        // A bundle that is not one is an error at start, not a silent fallback.
        QFile junk(dir.filePath(QStringLiteral("junk.pem")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a certificate");
        junk.close();
        QCOMPARE(
            TransportPolicy::load(false, junk.fileName()).error().code, QString::fromLatin1(errc::CaBundle));
        QCOMPARE(TransportPolicy::load(false, dir.filePath(QStringLiteral("missing.pem"))).error().code,
            QString::fromLatin1(errc::CaBundle));
    }

    void hostileAttachmentIdNeverBecomesAPath()
    {
        // A responder posing as outpostd answers the full sync with a case whose attachment id and
        // name walk out of the attachment cache.
        const QByteArray page = R"({"changes":[{"kind":"case","op":"upsert","id":"C-1","etag":"e1","data":{
            "id":"C-1","caseType":"meter","caseTypeVersion":1,"status":"Open","title":"t","etag":"e1",
            "fields":{},"attachments":[{"id":"../../x","name":"../../x","mime":"text/plain","size":1,
            "sha256":"00"}]}}],"next":"n1","more":false})";
        RawHttpServer hostile;
        QVERIFY(hostile.start());
        hostile.response = RawHttpServer::http(200, page);

        ApiClient api(transport());
        api.setServer(QUrl(hostile.baseUrl()));
        api.setToken(QStringLiteral("T0K"));
        const auto parsed
            = testing::await<Result<ChangesPage>>([&](auto cb) { api.changes({}, 100, cb); }, 20000);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, QString::fromLatin1(errc::BadResponse));
        QVERIFY2(parsed.error().message.contains(QLatin1String("changes[0].data.attachments[0].id")),
            qPrintable(parsed.error().message));
        QVERIFY(parse::isAttachmentId(QStringLiteral("3f2b8c1e-9d4a-4b7e-8f00-1a2b3c4d5e6f")));
        QVERIFY(!parse::isAttachmentId(QStringLiteral("3f2b8c1e-9d4a-4b7e-8f00-1a2b3c4d5e6f/../..")));

        // The whole engine: the page is refused, nothing of it is stored, no file appears.
        QTemporaryDir root;
        const QString profile = root.filePath(QStringLiteral("a/b/profile"));
        QVERIFY(QDir().mkpath(profile));
        SyncConfig config;
        config.server = QUrl(hostile.baseUrl());
        config.user = QStringLiteral("alice");
        config.token = QStringLiteral("T0K");
        config.storePath = client::StoreLocation::pathFor(profile, config.server, config.user);
        client::StoreKeys::remember(config.storePath, client::StoreKeys::generate()); // as a sign-in does
        config.usePush = false;
        config.useReachability = false;
        config.periodic = false;
        SyncController sync(
            config, SyncServices { transport(), std::make_shared<testing::MemoryCredentialStore>(), {} });
        QSignalSpy cycle(&sync, &SyncController::cycleFinished);
        sync.start();
        QVERIFY(cycle.wait(20000));
        QCOMPARE(cycle.first().at(0).toBool(), false);
        QCOMPARE(cycle.first().at(1).toString(), QString::fromLatin1(errc::BadResponse));
        {
            auto store = client::LocalStore::open(config.storePath);
            QVERIFY(store.ok());
            QCOMPARE((*store)->reads().status().cases, 0);
        }
        QDirIterator it(root.path(), QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
            QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString f = it.next();
            QVERIFY2(QFileInfo(f).fileName() != QLatin1String("x"), qPrintable(f));
            QVERIFY2(f.startsWith(profile) || QFileInfo(f).isDir(), qPrintable(f));
        }
    }

    void cliRefusesRemotePlainHttp()
    {
        QTemporaryDir profile;
        QProcess cli;
        cli.start(QStringLiteral(OUTPOST_CLI_BIN),
            { QStringLiteral("--profile"), profile.path(), QStringLiteral("signin"),
                QStringLiteral("--server"), QStringLiteral("http://outpost.example.com"),
                QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("--password-stdin") });
        cli.write("secret\n");
        cli.closeWriteChannel();
        QVERIFY(cli.waitForFinished(30000));
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY2(err.contains(QLatin1String("insecure_transport"))
                && err.contains(QLatin1String("--allow-insecure-http")),
            qPrintable(err));
        QVERIFY(!QFile::exists(QDir(profile.path()).filePath(QStringLiteral("profile.json"))));

        // The CA bundle is checked before anything else.
        cli.start(QStringLiteral(OUTPOST_CLI_BIN),
            { QStringLiteral("--profile"), profile.path(), QStringLiteral("signin"),
                QStringLiteral("--server"), QStringLiteral("https://outpost.example.com"),
                QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("--password-stdin"),
                QStringLiteral("--ca-bundle"), profile.filePath(QStringLiteral("missing.pem")) });
        cli.closeWriteChannel();
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY(QString::fromUtf8(cli.readAllStandardError()).contains(QLatin1String("ca_bundle")));
    }
};

QTEST_GUILESS_MAIN(TestClientTransport)
#include "tst_clienttransport.moc"
