// SPDX-License-Identifier: MIT
// outpostd's own TLS (--tls-cert/--tls-key): a real outpostd with certificates of a test CA made by
// the openssl tool at test time, and the real client engine against it. HTTPS and WSS only on that
// port, TLS 1.2 at least, HSTS; sign-in, sync and the push channel work with the CA bundle and are
// refused without it or for another host name (never offline instead); start-up errors name the
// file and the problem; a withheld handshake is timed out and counts against the per-address cap;
// the transport's limits still hold over TLS; SIGHUP loads a renewed certificate.
#include "e2ehelpers.h"
#include "httpclient.h"
#include "httptransport.h"
#include "memorycredentialstore.h"
#include "notifyclient.h"
#include "transportpolicy.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <csignal>
#include <memory>

using namespace e2e;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

/// A CA and certificates it signed, made with the openssl tool.
class TestPki
{
public:
    explicit TestPki(const QString &dir)
        : m_dir(dir)
    { }

    QString path(const QString &name) const { return m_dir + QLatin1Char('/') + name; }

    bool run(const QStringList &args, QString *why) const
    {
        QProcess p;
        p.setWorkingDirectory(m_dir);
        p.start(m_openssl, args);
        if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            *why = s("openssl %1 failed: %2").arg(args.join(QLatin1Char(' ')), p.readAllStandardError());
            return false;
        }
        return true;
    }

    bool makeCa(QString *why)
    {
        m_openssl = QStandardPaths::findExecutable(s("openssl"));
        if (m_openssl.isEmpty()) {
            *why = s("the openssl tool is needed to make the test certificates");
            return false;
        }
        return run({ s("req"), s("-x509"), s("-newkey"), s("ec"), s("-pkeyopt"), s("ec_paramgen_curve:P-256"),
                       s("-nodes"), s("-keyout"), s("ca.key"), s("-out"), s("ca.crt"), s("-days"), s("3"),
                       s("-subj"), s("/CN=Outpost Test CA") },
            why);
    }

    /// `name`.crt and `name`.key (0600) for the subjectAltName `san`, signed by the CA.
    bool makeLeaf(const QString &name, const QString &san, QString *why)
    {
        QFile ext(path(name + s(".ext")));
        if (!ext.open(QIODevice::WriteOnly))
            return false;
        ext.write("subjectAltName=" + san.toLatin1() + "\n");
        ext.close();
        return run({ s("req"), s("-newkey"), s("ec"), s("-pkeyopt"), s("ec_paramgen_curve:P-256"),
                       s("-nodes"), s("-keyout"), name + s(".key"), s("-out"), name + s(".csr"), s("-subj"),
                       s("/CN=") + name },
                   why)
            && run({ s("x509"), s("-req"), s("-in"), name + s(".csr"), s("-CA"), s("ca.crt"), s("-CAkey"),
                       s("ca.key"), s("-set_serial"), QString::number(++m_serial), s("-out"),
                       name + s(".crt"), s("-days"), s("3"), s("-extfile"), name + s(".ext") },
                why)
            && QFile::setPermissions(
                path(name + s(".key")), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    QString openssl() const { return m_openssl; }

private:
    QString m_dir;
    QString m_openssl;
    int m_serial = 1000;
};

QSslConfiguration trusting(const QString &caFile)
{
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.addCaCertificates(caFile);
    return conf;
}

std::shared_ptr<HttpTransport> transport(const QString &caBundle)
{
    auto policy = TransportPolicy::load(false, caBundle);
    Q_ASSERT(policy.ok());
    return std::make_shared<HttpTransport>(policy.value());
}

bool copyFile(const QString &from, const QString &to)
{
    QFile::remove(to);
    return QFile::copy(from, to)
        && QFile::setPermissions(to, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestPki m_pki { m_dir.path() };
    testing::OutpostdProcess m_server; // localhost / 127.0.0.1, signed by the test CA
    std::shared_ptr<testing::MemoryCredentialStore> m_tokens
        = std::make_shared<testing::MemoryCredentialStore>();

    QUrl httpsUrl(const testing::OutpostdProcess &server) const
    {
        return QUrl(s("https://127.0.0.1:%1").arg(server.port()));
    }

    Result<SignInOutcome> signIn(const QUrl &server, const QString &user, const QString &profile,
        const std::shared_ptr<HttpTransport> &http)
    {
        SignIn in(SyncServices { http, m_tokens });
        in.setTransferTimeout(10000);
        return await<Result<SignInOutcome>>([&](auto cb) { in.signIn(server, user, user, profile, cb); });
    }

    /// outpostd with `args` that must not start: its exit code and stderr.
    int failedStart(const QStringList &args, QByteArray *stderrText)
    {
        QProcess p;
        p.start(testing::OutpostdProcess::binary(),
            QStringList {
                s("--listen"), s("127.0.0.1:0"), s("--db"), s("sqlite:") + m_dir.filePath(s("refused.db")) }
                + args);
        if (!p.waitForFinished(30000)) {
            p.kill();
            p.waitForFinished();
            return -1;
        }
        *stderrText = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    }

    /// A TLS connection that completed its handshake, or null.
    std::unique_ptr<QSslSocket> tlsConnect(quint16 port, const QString &peerName = {})
    {
        auto socket = std::make_unique<QSslSocket>();
        socket->setSslConfiguration(trusting(m_pki.path(s("ca.crt"))));
        socket->connectToHostEncrypted(s("127.0.0.1"), port, peerName);
        if (!socket->waitForEncrypted(5000))
            return nullptr;
        return socket;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend in Qt");
        QString why;
        QVERIFY2(m_pki.makeCa(&why), qPrintable(why));
        QVERIFY2(m_pki.makeLeaf(s("server"), s("DNS:localhost,IP:127.0.0.1"), &why), qPrintable(why));
        QVERIFY2(m_pki.makeLeaf(s("renewed"), s("DNS:localhost,IP:127.0.0.1"), &why), qPrintable(why));
        QVERIFY2(m_pki.makeLeaf(s("other"), s("DNS:other.example"), &why), qPrintable(why));
        // The files the main server runs on (the SIGHUP test replaces them).
        QVERIFY(copyFile(m_pki.path(s("server.crt")), m_pki.path(s("live.crt"))));
        QVERIFY(copyFile(m_pki.path(s("server.key")), m_pki.path(s("live.key"))));

        testing::OutpostdProcess::Options o;
        o.dbUrl = s("sqlite:") + m_dir.filePath(s("server.db"));
        o.demo = true;
        o.demoCases = 30;
        o.extraArgs = { s("--tls-cert"), m_pki.path(s("live.crt")), s("--tls-key"), m_pki.path(s("live.key")),
            s("--websocket-recheck-ms"), s("500") };
        QVERIFY2(m_server.start(o, &why), qPrintable(why));
        QCOMPARE(m_server.baseUrl().scheme(), s("https"));
        QVERIFY2(!m_server.log().contains("readable by every user"), m_server.log().constData());
    }

    void servesHttpsOnlyWithHsts()
    {
        testing::HttpClient c(httpsUrl(m_server));
        c.setSslConfiguration(trusting(m_pki.path(s("ca.crt"))));
        const testing::HttpReply health = c.get(s("/api/v1/health"));
        QCOMPARE(health.status, 200);
        QVERIFY2(health.header("strict-transport-security").startsWith("max-age="),
            health.header("strict-transport-security").constData());

        // Plain HTTP on the same port is served nothing, only told to use https://.
        QTcpSocket plain;
        plain.connectToHost(QHostAddress::LocalHost, m_server.port());
        QVERIFY(plain.waitForConnected(5000));
        plain.write("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT(
            (answer += plain.readAll(), plain.state() == QAbstractSocket::UnconnectedState), 15000);
        QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.constData());
        QVERIFY2(answer.contains("https_required") && answer.contains("use https://"), answer.constData());
        QVERIFY(!answer.contains("\"status\""));
    }

    void protocolAndCipherFloor()
    {
        // openssl's own client: TLS 1.1 is refused, TLS 1.2 works with a forward-secret AEAD
        // cipher and no compression.
        const QString connect = s("127.0.0.1:%1").arg(m_server.port());
        QProcess old;
        old.start(m_pki.openssl(), { s("s_client"), s("-connect"), connect, s("-tls1_1") });
        old.closeWriteChannel();
        QVERIFY(old.waitForFinished(30000));
        QVERIFY2(old.exitCode() != 0, old.readAllStandardOutput().constData());

        QProcess tls12;
        tls12.start(m_pki.openssl(),
            { s("s_client"), s("-connect"), connect, s("-tls1_2"), s("-CAfile"), m_pki.path(s("ca.crt")),
                s("-verify_return_error"), s("-verify_ip"), s("127.0.0.1") });
        tls12.closeWriteChannel();
        QVERIFY(tls12.waitForFinished(30000));
        const QByteArray out = tls12.readAllStandardOutput();
        QVERIFY2(tls12.exitCode() == 0, out.constData());
        QVERIFY2(out.contains("Compression: NONE"), out.constData());
        QVERIFY2(out.contains("Cipher is ECDHE-"), out.constData());
        QVERIFY2(out.contains("GCM") || out.contains("CHACHA20"), out.constData());
        QVERIFY2(out.contains("Verify return code: 0 (ok)"), out.constData());
    }

    void clientSignsInSyncsAndIsPushedOverTls()
    {
        const QString caFile = m_pki.path(s("ca.crt"));
        const auto http = transport(caFile);
        const QString profile = m_dir.filePath(s("alice-device"));
        auto in = signIn(httpsUrl(m_server), s("alice"), profile, http);
        QVERIFY2(in.ok(), qPrintable(in.error().toString()));
        QVERIFY(!in->offline);
        const QString token = in->session.token;

        const CycleOutcome cycle
            = syncOnce(oneShotConfig(in->storePath, httpsUrl(m_server), s("alice"), token), false,
                SyncServices { http, m_tokens });
        QVERIFY2(cycle.ok, qPrintable(cycle.code + s(": ") + cycle.message));
        auto store = openStore(in->storePath);
        QVERIFY(store);
        const QList<client::LocalCase> cases = store->reads().cases();
        QVERIFY(!cases.isEmpty());
        const CaseRecord target = cases.first().record;

        // The push channel over wss, with the same CA bundle.
        NotifyClient notify;
        notify.setTransportPolicy(http->policy());
        QSignalSpy connected(&notify, &NotifyClient::connectedChanged);
        QSignalSpy hinted(&notify, &NotifyClient::changesHinted);
        notify.start(httpsUrl(m_server), token);
        QTRY_VERIFY_WITH_TIMEOUT(notify.isConnected(), 10000);
        QVERIFY(hinted.count() > 0 || hinted.wait(5000)); // each connection hints once
        hinted.clear();

        // carol (an administrator) changes one of alice's cases: alice is told over wss.
        testing::HttpClient carol(httpsUrl(m_server));
        carol.setSslConfiguration(trusting(caFile));
        carol.setToken(carol.signIn(s("carol"), s("carol")));
        QVERIFY(!carol.token().isEmpty());
        const QString field = target.caseType == s("inspection") ? s("summary")
            : target.caseType == s("repair")                     ? s("notes")
                                                                 : s("capacityKw");
        const QJsonValue value
            = field == s("capacityKw") ? QJsonValue(321) : QJsonValue(s("changed over TLS"));
        const QJsonObject update { { s("id"), QUuid::createUuid().toString(QUuid::WithoutBraces) },
            { s("type"), s("update") }, { s("caseId"), target.id }, { s("baseEtag"), target.etag },
            { s("fields"), QJsonObject { { field, value } } },
            { s("clientTime"), s("2026-11-23T09:00:00Z") } };
        const testing::HttpReply r = carol.post(s("/api/v1/sync/actions"),
            QJsonObject { { s("deviceId"), s("carol-device") }, { s("actions"), QJsonArray { update } } });
        QCOMPARE(r.status, 200);
        QVERIFY2(r.body.contains("\"applied\""), r.body.constData());
        QVERIFY2(hinted.count() > 0 || hinted.wait(10000), "no push hint over wss");
        notify.stop();
    }

    void withoutTheCaBundleTheClientRefuses()
    {
        // alice signed in on this device before (clientSignsIn...): a certificate the profile does
        // not trust must still not let her in offline, and nothing reaches the server.
        const QByteArray logBefore = m_server.log();
        const QString profile = m_dir.filePath(s("alice-device"));
        auto in = signIn(httpsUrl(m_server), s("alice"), profile, transport(QString()));
        QVERIFY(!in.ok());
        QCOMPARE(in.error().code, QString::fromLatin1(errc::TlsFailed));
        QVERIFY2(in.error().message.contains(s("not trusted")), qPrintable(in.error().message));
        QVERIFY2(in.error().message.contains(s("CA bundle")), qPrintable(in.error().message));
        QVERIFY(!m_server.log().mid(logBefore.size()).contains("path=/api/v1/session"));

        // http:// to the TLS port: no answer, and never a fallback to it.
        const QUrl plain(s("http://127.0.0.1:%1").arg(m_server.port()));
        auto overHttp = signIn(plain, s("bob"), m_dir.filePath(s("bob-device")), transport(QString()));
        QVERIFY(!overHttp.ok());
    }

    void aCertificateForAnotherHostIsRefused()
    {
        // Signed by the trusted CA, but for other.example; its key readable by everyone (warned).
        QVERIFY(QFile::setPermissions(m_pki.path(s("other.key")),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                | QFileDevice::ReadOther));
        testing::OutpostdProcess other;
        testing::OutpostdProcess::Options o;
        o.dbUrl = s("sqlite:") + m_dir.filePath(s("other.db"));
        o.demo = true;
        o.demoCases = 1;
        o.extraArgs
            = { s("--tls-cert"), m_pki.path(s("other.crt")), s("--tls-key"), m_pki.path(s("other.key")) };
        QString why;
        QVERIFY2(other.start(o, &why), qPrintable(why));
        QVERIFY2(other.log().contains("readable by every user"), other.log().constData());

        auto in = signIn(httpsUrl(other), s("alice"), m_dir.filePath(s("alice-other")),
            transport(m_pki.path(s("ca.crt"))));
        QVERIFY(!in.ok());
        QCOMPARE(in.error().code, QString::fromLatin1(errc::TlsFailed));
        QVERIFY2(
            in.error().message.contains(s("host name"), Qt::CaseInsensitive), qPrintable(in.error().message));
        QVERIFY(!other.log().contains("path=/api/v1/session"));
        // The same server is fine for a client that asks for other.example.
        QVERIFY(tlsConnect(other.port(), s("other.example")));
        QCOMPARE(other.stop(), 0);
    }

    void theConfigFileTakesTheCertificate()
    {
        // tls_cert, tls_key and tls_chain in the INI file, relative to its folder.
        QFile ini(m_dir.filePath(s("outpostd.conf")));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("tls_cert = server.crt\ntls_key = server.key\ntls_chain = ca.crt\n");
        ini.close();
        testing::OutpostdProcess configured;
        testing::OutpostdProcess::Options o;
        o.dbUrl = s("sqlite:") + m_dir.filePath(s("configured.db"));
        o.extraArgs = { s("--config"), ini.fileName() };
        QString why;
        QVERIFY2(configured.start(o, &why), qPrintable(why));
        QCOMPARE(configured.baseUrl().scheme(), s("https"));
        const auto socket = tlsConnect(configured.port());
        QVERIFY(socket);
        // The chain file's certificate is sent after the server's own.
        const QList<QSslCertificate> chain = socket->peerCertificateChain();
        QCOMPARE(chain.size(), 2);
        QCOMPARE(chain.at(1).subjectInfo(QSslCertificate::CommonName), QStringList { s("Outpost Test CA") });
        QCOMPARE(configured.stop(), 0);
    }

    void startUpErrorsNameTheFileAndTheProblem_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString cert = m_pki.path(s("server.crt"));
        const QString key = m_pki.path(s("server.key"));
        QTest::newRow("missing certificate") << QStringList { s("--tls-cert"), m_pki.path(s("nope.crt")),
            s("--tls-key"), key } << s("does not exist");
        QTest::newRow("missing key") << QStringList { s("--tls-cert"), cert, s("--tls-key"),
            m_pki.path(s("nope.key")) }
                                     << s("does not exist");
        QTest::newRow("not PEM") << QStringList { s("--tls-cert"), m_pki.path(s("server.ext")),
            s("--tls-key"), key } << s("holds no PEM data");
        QTest::newRow("key of another certificate") << QStringList { s("--tls-cert"), cert, s("--tls-key"),
            m_pki.path(s("other.key")) } << s("does not belong to the certificate");
        QTest::newRow("certificate as key")
            << QStringList { s("--tls-cert"), cert, s("--tls-key"), cert } << s("no valid private key");
        QTest::newRow("key as certificate")
            << QStringList { s("--tls-cert"), key, s("--tls-key"), key } << s("no valid certificate");
        QTest::newRow("encrypted key")
            << QStringList { s("--tls-cert"), cert, s("--tls-key"), m_pki.path(s("encrypted.key")) }
            << s("passphrase");
        QTest::newRow("certificate without key") << QStringList { s("--tls-cert"), cert } << s("go together");
        QTest::newRow("directory") << QStringList { s("--tls-cert"), m_dir.path(), s("--tls-key"), key }
                                   << s("is not a file");
    }

    void startUpErrorsNameTheFileAndTheProblem()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        if (!QFile::exists(m_pki.path(s("encrypted.key")))) {
            QString why;
            QVERIFY2(m_pki.run({ s("pkey"), s("-in"), s("server.key"), s("-aes256"), s("-passout"),
                                   s("pass:secret"), s("-out"), s("encrypted.key") },
                         &why),
                qPrintable(why));
        }
        QByteArray err;
        const int code = failedStart(args, &err);
        QCOMPARE(code, 2); // a configuration error, not a crash
        QVERIFY2(err.contains(message.toUtf8()), err.constData());
    }

    void aWithheldHandshakeIsTimedOutAndCounted()
    {
        testing::OutpostdProcess capped;
        testing::OutpostdProcess::Options o;
        o.dbUrl = s("sqlite:") + m_dir.filePath(s("capped.db"));
        o.extraArgs
            = { s("--tls-cert"), m_pki.path(s("server.crt")), s("--tls-key"), m_pki.path(s("server.key")),
                  s("--max-connections-per-address"), s("3"), s("--tls-handshake-timeout-ms"), s("400") };
        QString why;
        QVERIFY2(capped.start(o, &why), qPrintable(why));

        // Three connections that never start their handshake hold the address's three places...
        std::vector<std::unique_ptr<QTcpSocket>> silent;
        for (int i = 0; i < 3; ++i) {
            silent.push_back(std::make_unique<QTcpSocket>());
            silent.back()->connectToHost(QHostAddress::LocalHost, capped.port());
            QVERIFY(silent.back()->waitForConnected(5000));
        }
        // ...so a fourth, even a proper TLS client, is closed at once.
        QVERIFY(!tlsConnect(capped.port()));
        // The handshake timeout closes the silent ones; their places are free again.
        QElapsedTimer t;
        t.start();
        for (auto &socket : silent)
            QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState, 5000);
        QVERIFY2(t.elapsed() < 4000, qPrintable(QString::number(t.elapsed())));
        auto served = tlsConnect(capped.port());
        QVERIFY(served);
        QCOMPARE(capped.stop(), 0);
    }

    void theTransportsLimitsHoldOverTls()
    {
        // An anonymous 20 MiB upload is refused from its head, over TLS too.
        auto socket = tlsConnect(m_server.port());
        QVERIFY(socket);
        QElapsedTimer t;
        t.start();
        socket->write("PUT /api/v1/attachments/"
            + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1()
            + "?caseId=C-10001&name=big.bin HTTP/1.1\r\nHost: x\r\nContent-Length: 20971520\r\n\r\n");
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += socket->readAll(), answer.contains("\r\n\r\n")), 5000);
        QVERIFY2(answer.startsWith("HTTP/1.1 401"), answer.constData());
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));

        // Signing out closes that session's wss push channel.
        testing::HttpClient c(httpsUrl(m_server));
        c.setSslConfiguration(trusting(m_pki.path(s("ca.crt"))));
        c.setToken(c.signIn(s("bob"), s("bob")));
        QVERIFY(!c.token().isEmpty());
        QWebSocket ws;
        ws.setSslConfiguration(trusting(m_pki.path(s("ca.crt"))));
        QNetworkRequest req(QUrl(s("wss://127.0.0.1:%1/api/v1/notify").arg(m_server.port())));
        req.setRawHeader("Authorization", "Bearer " + c.token().toUtf8());
        QSignalSpy up(&ws, &QWebSocket::connected);
        QSignalSpy down(&ws, &QWebSocket::disconnected);
        ws.open(req);
        QVERIFY(up.count() > 0 || up.wait(10000));
        QCOMPARE(c.del(s("/api/v1/session")).status, 200);
        QVERIFY(down.count() > 0 || down.wait(5000));
        QCOMPARE(ws.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    }

    void sighupLoadsARenewedCertificate()
    {
        const auto before = tlsConnect(m_server.port());
        QVERIFY(before);
        const QByteArray oldSerial = before->peerCertificate().serialNumber();

        // The renewal lands in the same files; SIGHUP, and new connections get it.
        QVERIFY(copyFile(m_pki.path(s("renewed.crt")), m_pki.path(s("live.crt"))));
        QVERIFY(copyFile(m_pki.path(s("renewed.key")), m_pki.path(s("live.key"))));
        QCOMPARE(::kill(pid_t(m_server.pid()), SIGHUP), 0);
        const auto renewedSerial = [&] {
            auto socket = tlsConnect(m_server.port());
            return socket ? socket->peerCertificate().serialNumber() : QByteArray();
        };
        QTRY_VERIFY_WITH_TIMEOUT(!renewedSerial().isEmpty() && renewedSerial() != oldSerial, 10000);
        const QByteArray newSerial = renewedSerial();
        QVERIFY(before->state() == QAbstractSocket::ConnectedState); // open connections keep theirs

        // A broken renewal is refused; the server keeps serving the certificate it has.
        QFile broken(m_pki.path(s("live.key")));
        QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
        broken.write("-----BEGIN PRIVATE KEY-----\nbroken\n-----END PRIVATE KEY-----\n");
        broken.close();
        QCOMPARE(::kill(pid_t(m_server.pid()), SIGHUP), 0);
        QTRY_VERIFY_WITH_TIMEOUT(m_server.log().contains("keeping the current TLS certificate"), 10000);
        QCOMPARE(renewedSerial(), newSerial);
        QVERIFY(m_server.isRunning());
        QCOMPARE(m_server.stop(), 0);
    }
};

QTEST_MAIN(TestTls)
#include "tst_tls.moc"
