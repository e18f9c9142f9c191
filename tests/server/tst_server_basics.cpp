// SPDX-License-Identifier: MIT
// outpostd as a process: health, sign-in, sign-out, SIGTERM, command line.
#include "itfixture.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QWebSocket>

using namespace outpost::testing;

class TstServerBasics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void healthSignInSignOutAndSigterm_data() { TestDatabase::addColumns(); }
    void healthSignInSignOutAndSigterm();
    void commandLineErrorsExit2();
    void userAdministration();
    void configFileApplies();
    void retentionIsConfiguredAndPrunesAtStart();
};

void TstServerBasics::healthSignInSignOutAndSigterm()
{
    QFETCH(TestDatabase::Kind, db);
    TestDatabase database(db);
    OutpostdProcess server;
    OUTPOST_START_SERVER(database, server, 20);
    QCOMPARE(server.baseUrl().host(), QStringLiteral("127.0.0.1"));

    HttpClient anon(server.baseUrl());
    HttpReply r = anon.get(QStringLiteral("/api/v1/health"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(r.json().value(QStringLiteral("protocol")).toInt(), 1);

    // Bad credentials: 401 bad_credentials, for a wrong password and an unknown user alike.
    QVERIFY(anon.signIn(QStringLiteral("alice"), QStringLiteral("wrong"), {}, &r).isEmpty());
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), QStringLiteral("bad_credentials"));
    QVERIFY(anon.signIn(QStringLiteral("mallory"), QStringLiteral("x"), {}, &r).isEmpty());
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), QStringLiteral("bad_credentials"));

    // Good credentials: token, expiry, the user with roles and queues.
    HttpClient alice(server.baseUrl());
    alice.setToken(
        alice.signIn(QStringLiteral("alice"), QStringLiteral("alice"), QStringLiteral("laptop-1"), &r));
    QCOMPARE(r.status, 200);
    QVERIFY(alice.token().size() >= 22); // >= 128 bits, base64
    const QJsonObject user = r.json().value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("id")).toString(), QStringLiteral("alice"));
    QCOMPARE(user.value(QStringLiteral("roles")).toArray().first().toString(), QStringLiteral("technician"));
    QCOMPARE(user.value(QStringLiteral("queues")).toArray().first().toString(), QStringLiteral("north"));
    QVERIFY(QDateTime::fromString(r.json().value(QStringLiteral("expiresAt")).toString(), Qt::ISODate)
        > QDateTime::currentDateTimeUtc());
    QCOMPARE(alice.get(QStringLiteral("/api/v1/sync/changes?limit=1")).status, 200);

    // Sign-out revokes the token.
    QVERIFY(alice.del(QStringLiteral("/api/v1/session")).status / 100 == 2);
    r = alice.get(QStringLiteral("/api/v1/sync/changes?limit=1"));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), QStringLiteral("unauthenticated"));

    // SIGTERM with a WebSocket subscriber: it is closed with "going away", the exit code is 0.
    alice.setToken(alice.signIn(QStringLiteral("alice"), QStringLiteral("alice")));
    QWebSocket ws;
    QNetworkRequest req(
        QUrl(server.baseUrl().toString().replace(QStringLiteral("http://"), QStringLiteral("ws://"))
            + QStringLiteral("/api/v1/notify")));
    req.setRawHeader("Authorization", "Bearer " + alice.token().toUtf8());
    QSignalSpy connected(&ws, &QWebSocket::connected);
    QSignalSpy disconnected(&ws, &QWebSocket::disconnected);
    ws.open(req);
    QVERIFY(connected.wait(10000));
    QCOMPARE(server.stop(), 0);
    QVERIFY(disconnected.count() > 0 || disconnected.wait(10000));
    QCOMPARE(ws.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    QVERIFY2(server.log().contains("SIGTERM"), server.log().right(2000).constData());
}

void TstServerBasics::commandLineErrorsExit2()
{
    QTemporaryDir dir;
    const auto run = [&](const QStringList &args, QByteArray *err = nullptr) {
        QProcess p;
        p.setWorkingDirectory(dir.path());
        p.start(OutpostdProcess::binary(), args);
        p.closeWriteChannel();
        if (!p.waitForFinished(30000))
            return -1;
        if (err)
            *err = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    };
    QByteArray err;
    QCOMPARE(run({ QStringLiteral("--help") }), 0);
    QCOMPARE(run({ QStringLiteral("--version") }), 0);
    QCOMPARE(run({ QStringLiteral("--no-such-flag") }, &err), 2);
    QVERIFY(err.contains("no-such-flag"));
    QCOMPARE(run({ QStringLiteral("--listen"), QStringLiteral("nowhere") }, &err), 2);
    QCOMPARE(run({ QStringLiteral("--workers"), QStringLiteral("many") }, &err), 2);
    QCOMPARE(run({ QStringLiteral("--retention-days"), QStringLiteral("0") }, &err), 2);
    QVERIFY2(err.contains("--retention-days must be a whole number from 1"), err.constData());

    const auto writeIni = [&](const QString &name, const QByteArray &text) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            return QString();
        f.write(text);
        return f.fileName();
    };
    QCOMPARE(
        run({ QStringLiteral("--config"), writeIni(QStringLiteral("a.ini"), "colour=blue\n") }, &err), 2);
    QVERIFY2(err.contains("unknown key 'colour'"), err.constData());
    QCOMPARE(
        run({ QStringLiteral("--config"), writeIni(QStringLiteral("b.ini"), "workers=lots\n") }, &err), 2);
    QVERIFY2(err.contains("workers"), err.constData());
    QCOMPARE(
        run({ QStringLiteral("--config"), writeIni(QStringLiteral("c.ini"), "retention_days=-3\n") }, &err),
        2);
    QVERIFY2(err.contains("retention_days"), err.constData());
    QCOMPARE(run({ QStringLiteral("--config"), dir.filePath(QStringLiteral("missing.ini")) }, &err), 2);
    QVERIFY2(err.contains("cannot read"), err.constData());
    // Nothing was started: no database file appeared in the working directory's data dir.
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("outpostd.sqlite"))));

    // Cannot bind: exit 1 with a clear message (the port is taken by a running server).
    TestDatabase database(TestDatabase::Kind::SQLite);
    OutpostdProcess server;
    OUTPOST_START_SERVER(database, server, -1);
    QCOMPARE(run({ QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(server.port()),
                     QStringLiteral("--db"),
                     QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("x.sqlite")) },
                 &err),
        1);
    QVERIFY2(err.contains("cannot listen"), err.constData());
    // Unreachable database: exit 1.
    QCOMPARE(run({ QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"),
                     QStringLiteral("postgresql://nobody@127.0.0.1:1/none") },
                 &err),
        1);
    QVERIFY2(err.contains("cannot open the database"), err.constData());
    QCOMPARE(server.stop(), 0);
}

void TstServerBasics::userAdministration()
{
    TestDatabase database(TestDatabase::Kind::SQLite);
    QString why;
    QVERIFY2(database.create(&why), qPrintable(why));
    const auto run = [&](const QStringList &args, const QByteArray &input, QByteArray *out = nullptr) {
        QProcess p;
        p.start(OutpostdProcess::binary(), args);
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(30000))
            return -1;
        if (out)
            *out = p.readAllStandardOutput();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    };
    const QStringList db { QStringLiteral("--db"), database.url() };
    QCOMPARE(run(QStringList { QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("dave"),
                     QStringLiteral("--name"), QStringLiteral("Dave Doe"), QStringLiteral("--queue"),
                     QStringLiteral("north"), QStringLiteral("--queue"), QStringLiteral("south"),
                     QStringLiteral("--password-stdin") }
                     + db,
                 "s3cret-passw0rd\n"),
        0);
    // Adding the same id again fails with exit 2; an empty password too.
    QCOMPARE(run(QStringList { QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("dave"),
                     QStringLiteral("--name"), QStringLiteral("D"), QStringLiteral("--password-stdin") }
                     + db,
                 "another-long-password\n"),
        2);
    QCOMPARE(run(QStringList { QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("erin"),
                     QStringLiteral("--name"), QStringLiteral("Erin"), QStringLiteral("--password-stdin") }
                     + db,
                 "\n"),
        2);
    // Without a terminal and without --password-stdin: refused (passwords are never arguments).
    QCOMPARE(
        run(QStringList { QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("dave") } + db,
            ""),
        2);
    QByteArray out;
    QCOMPARE(
        run(QStringList { QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--json") } + db, "",
            &out),
        0);
    const QJsonArray users = QJsonDocument::fromJson(out).array();
    QCOMPARE(users.size(), 1);
    QCOMPARE(
        users.first().toObject().value(QStringLiteral("displayName")).toString(), QStringLiteral("Dave Doe"));
    QCOMPARE(users.first().toObject().value(QStringLiteral("queues")).toArray().size(), 2);

    // The new user signs in over HTTP; after passwd only the new password works.
    {
        OutpostdProcess server;
        OutpostdProcess::Options o;
        o.dbUrl = database.url();
        QVERIFY2(server.start(o, &why), qPrintable(why));
        HttpClient c(server.baseUrl());
        QVERIFY(!c.signIn(QStringLiteral("dave"), QStringLiteral("s3cret-passw0rd")).isEmpty());
        QCOMPARE(run(QStringList { QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("dave"),
                         QStringLiteral("--password-stdin") }
                         + db,
                     "n3w-passphrase-pw\n"),
            0);
        QVERIFY(c.signIn(QStringLiteral("dave"), QStringLiteral("s3cret-passw0rd")).isEmpty());
        QVERIFY(!c.signIn(QStringLiteral("dave"), QStringLiteral("n3w-passphrase-pw")).isEmpty());
        QVERIFY2(!server.log().contains("n3w-passphrase-pw") && !server.log().contains("s3cret"),
            "password in the log");
        QCOMPARE(server.stop(), 0);
    }
}

void TstServerBasics::configFileApplies()
{
    // Settings from the INI file take effect: a short token lifetime and a quiet log.
    TestDatabase database(TestDatabase::Kind::SQLite);
    QString why;
    QVERIFY2(database.create(&why), qPrintable(why));
    QTemporaryDir dir;
    QFile ini(dir.filePath(QStringLiteral("outpostd.ini")));
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write("listen = 127.0.0.1:1\n" // overridden by the --listen flag OutpostdProcess passes
              "workers = 3\ntoken_ttl_minutes = 2\nlog_level = warning\nmax_json_bytes = 4096\n");
    ini.close();
    OutpostdProcess server;
    OutpostdProcess::Options o;
    o.dbUrl = database.url();
    o.demo = true;
    o.demoCases = 4;
    o.extraArgs = QStringList { QStringLiteral("--config"), ini.fileName() };
    QVERIFY2(server.start(o, &why), qPrintable(why));
    QVERIFY(server.port() != 1);
    HttpClient c(server.baseUrl());
    HttpReply r;
    c.setToken(c.signIn(QStringLiteral("alice"), QStringLiteral("alice"), {}, &r));
    QCOMPARE(r.status, 200);
    const QDateTime expires
        = QDateTime::fromString(r.json().value(QStringLiteral("expiresAt")).toString(), Qt::ISODate);
    QVERIFY2(expires <= QDateTime::currentDateTimeUtc().addSecs(3 * 60),
        qPrintable(expires.toString(Qt::ISODate)));
    // max_json_bytes = 4096: a 5 KB body is refused.
    const HttpReply big = c.send("POST", QStringLiteral("/api/v1/sync/actions"),
        "{\"deviceId\": \"d\", \"actions\": [], \"pad\": \"" + QByteArray(5000, 'x') + "\"}");
    QCOMPARE(big.status, 413);
    QCOMPARE(server.stop(), 0);
    QVERIFY2(!server.log().contains(" info "), server.log().left(2000).constData());
}

void TstServerBasics::retentionIsConfiguredAndPrunesAtStart()
{
    QProcess help;
    help.start(OutpostdProcess::binary(), { QStringLiteral("--help") });
    QVERIFY(help.waitForFinished(30000));
    QVERIFY(help.readAllStandardOutput().contains("--retention-days <N>"));

    // The config file's retention_days, overridden by --retention-days; the first prune runs at start
    // and records the time of the current seq.
    TestDatabase database(TestDatabase::Kind::SQLite);
    QString why;
    QVERIFY2(database.create(&why), qPrintable(why));
    QTemporaryDir dir;
    QFile ini(dir.filePath(QStringLiteral("outpostd.ini")));
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write("retention_days = 7\n");
    ini.close();
    for (const QStringList &extra :
        { QStringList {}, QStringList { QStringLiteral("--retention-days"), QStringLiteral("9") } }) {
        OutpostdProcess server;
        OutpostdProcess::Options o;
        o.dbUrl = database.url();
        o.demo = true;
        o.demoCases = 4;
        o.extraArgs = QStringList { QStringLiteral("--config"), ini.fileName() } + extra;
        QVERIFY2(server.start(o, &why), qPrintable(why));
        const QByteArray expected = extra.isEmpty() ? "feed retention: 7 days; pruned every 60 min"
                                                    : "feed retention: 9 days; pruned every 60 min";
        QVERIFY2(server.log().contains(expected), server.log().right(2000).constData());
        QTRY_COMPARE_WITH_TIMEOUT(TestDatabase::scalar(database.url(),
                                      QStringLiteral("SELECT COUNT(*) FROM seq_marks WHERE seq ="
                                                     " (SELECT value FROM counters WHERE name = 'seq')"))
                                      .toInt(),
            1, 10000);
        QCOMPARE(server.stop(), 0);
    }
}

QTEST_GUILESS_MAIN(TstServerBasics)
#include "tst_server_basics.moc"
