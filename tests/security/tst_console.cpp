// SPDX-License-Identifier: MIT
// The operations console's session against a real outpostd on loopback, on SQLite and PostgreSQL:
// the cookie's attributes (Secure only over TLS), CSRF token and Origin on cookie-authenticated
// requests (refused ones change nothing), the WebSocket with the cookie, and the console's live
// hints, coalesced and carried across two instances of one PostgreSQL database.
#include "itfixture.h"

#include <QNetworkCookieJar>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QWebSocket>

using namespace outpost::testing;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

/// Keeps no cookie: each request of these tests says exactly which cookie it sends.
class NoCookies : public QNetworkCookieJar
{
public:
    using QNetworkCookieJar::QNetworkCookieJar;
    bool setCookiesFromUrl(const QList<QNetworkCookie> &, const QUrl &) override { return false; }
};

/// A browser's view of the console: the cookie it got, the CSRF token of the body.
struct ConsoleSession {
    HttpReply reply;
    QByteArray setCookie; // the Set-Cookie header as sent
    QByteArray cookie; // "outpost_console=<token>"
    QByteArray csrf;
};

ConsoleSession signInConsole(HttpClient &c, const QString &user, const QString &password)
{
    ConsoleSession out;
    out.reply = c.send("POST", s("/api/v1/console/session"),
        HttpClient::compact({ { s("user"), user }, { s("password"), password } }));
    out.setCookie = out.reply.header("set-cookie");
    out.cookie = out.setCookie.split(';').value(0).trimmed();
    out.csrf = out.reply.json().value(s("csrfToken")).toString().toLatin1();
    return out;
}

QString assigneeOf(HttpClient &admin, const QString &caseId)
{
    return admin.get(s("/api/v1/cases/") + caseId).json().value(s("assignee")).toString();
}

QUrl wsUrl(const QUrl &base)
{
    return QUrl(base.toString().replace(s("http://"), s("ws://")).replace(s("https://"), s("wss://"))
        + s("/api/v1/notify"));
}

int consoleHints(const QSignalSpy &messages, const QString &topic)
{
    int n = 0;
    for (const auto &m : messages) {
        const QJsonObject o = QJsonDocument::fromJson(m.first().toString().toUtf8()).object();
        if (o.value(s("type")).toString() == s("console") && o.value(s("topic")).toString() == topic)
            ++n;
    }
    return n;
}

/// A pooled case of the demo data to assign back and forth.
QString pooledCase(HttpClient &admin)
{
    QString next;
    for (const QJsonValue &v : readFeed(admin, &next)) {
        const QJsonObject c = v.toObject();
        const QJsonObject d = c.value(s("data")).toObject();
        if (c.value(s("kind")).toString() == s("case") && d.value(s("assignee")).toString().isEmpty()
            && !d.value(s("status")).toString().startsWith(s("Resolved-")))
            return c.value(s("id")).toString();
    }
    return {};
}

} // namespace

class TestConsole : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sessionCookieCsrfOrigin_data() { TestDatabase::addColumns(); }
    void sessionCookieCsrfOrigin();
    void webSocketWithCookie();
    void secureCookieOverTls();
    void hintsAcrossInstances();
};

void TestConsole::sessionCookieCsrfOrigin()
{
    QFETCH(TestDatabase::Kind, db);
    TestDatabase database(db);
    OutpostdProcess server;
    OUTPOST_START_SERVER(database, server, 40);
    OUTPOST_SIGNED_IN(carol, server, "carol");
    HttpClient browser(server.baseUrl());
    browser.manager().setCookieJar(new NoCookies);

    // A technician knows their password but gets no console session.
    const ConsoleSession tech = signInConsole(browser, s("alice"), s("alice"));
    QCOMPARE(tech.reply.status, 403);
    QCOMPARE(tech.reply.errorCode(), s("forbidden"));
    QVERIFY(tech.setCookie.isEmpty());
    // A wrong password reads as at /session.
    QCOMPARE(signInConsole(browser, s("dana"), s("nope")).reply.status, 401);

    // The dispatcher: the body, and the cookie with its attributes (plain HTTP: not Secure).
    const ConsoleSession dana = signInConsole(browser, s("dana"), s("dana"));
    QVERIFY2(dana.reply.status == 200, qPrintable(dana.reply.describe()));
    const QJsonObject body = dana.reply.json();
    QCOMPARE(body.value(s("user")).toObject().value(s("id")).toString(), s("dana"));
    QCOMPARE(body.value(s("user")).toObject().value(s("roles")).toArray(), QJsonArray { s("dispatcher") });
    QVERIFY(!dana.csrf.isEmpty());
    QVERIFY(QDateTime::fromString(body.value(s("expiresAt")).toString(), Qt::ISODate)
        > QDateTime::currentDateTimeUtc());
    QVERIFY2(
        dana.cookie.startsWith("outpost_console=") && dana.cookie.size() > 40, dana.setCookie.constData());
    QStringList attributes;
    for (const QByteArray &a : dana.setCookie.split(';').mid(1))
        attributes << QString::fromLatin1(a.trimmed());
    attributes.sort();
    QCOMPARE(attributes, (QStringList { s("HttpOnly"), s("Path=/"), s("SameSite=Strict") }));

    // A page reload: the same session from the cookie alone; without it 401.
    const HttpReply again
        = browser.send("GET", s("/api/v1/console/session"), {}, {}, { { "Cookie", dana.cookie } });
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(s("csrfToken")).toString().toLatin1(), dana.csrf);
    QCOMPARE(again.json().value(s("user")).toObject(), body.value(s("user")).toObject());
    QCOMPARE(browser.get(s("/api/v1/console/session")).status, 401);
    // A technician's bearer token is no console session.
    OUTPOST_SIGNED_IN(alice, server, "alice");
    QCOMPARE(alice.get(s("/api/v1/console/session")).status, 403);

    // A write authenticated by the cookie: without the CSRF token, or with a wrong one, 403 and
    // nothing changes; with it, it is done.
    const QString caseId = pooledCase(carol);
    QVERIFY(!caseId.isEmpty());
    const QByteArray assign = HttpClient::compact({ { s("assignee"), s("bob") } });
    const QString path = s("/api/v1/admin/cases/%1/assignment").arg(caseId);
    const HttpReply noToken
        = browser.send("PUT", path, assign, "application/json", { { "Cookie", dana.cookie } });
    QCOMPARE(noToken.status, 403);
    QCOMPARE(noToken.errorCode(), s("csrf_failed"));
    const HttpReply wrongToken = browser.send("PUT", path, assign, "application/json",
        { { "Cookie", dana.cookie }, { "X-CSRF-Token", QByteArray(dana.csrf).replace(0, 2, "xx") } });
    QCOMPARE(wrongToken.status, 403);
    QCOMPARE(wrongToken.errorCode(), s("csrf_failed"));
    // Another session's token is wrong too.
    const ConsoleSession carolConsole = signInConsole(browser, s("carol"), s("carol"));
    QCOMPARE(carolConsole.reply.status, 200);
    QCOMPARE(browser
                 .send("PUT", path, assign, "application/json",
                     { { "Cookie", dana.cookie }, { "X-CSRF-Token", carolConsole.csrf } })
                 .status,
        403);
    QCOMPARE(assigneeOf(carol, caseId), QString());

    // A foreign Origin is refused even with the right token; the own origin passes.
    const QByteArray own = server.baseUrl().toString().toLatin1();
    const HttpReply foreign = browser.send("PUT", path, assign, "application/json",
        { { "Cookie", dana.cookie }, { "X-CSRF-Token", dana.csrf }, { "Origin", "http://evil.example" } });
    QCOMPARE(foreign.status, 403);
    QCOMPARE(foreign.errorCode(), s("origin_refused"));
    const HttpReply foreignRead = browser.send("GET", s("/api/v1/admin/sync-issues"), {}, {},
        { { "Cookie", dana.cookie }, { "Origin", "http://127.0.0.1:1" } });
    QCOMPARE(foreignRead.status, 403);
    QCOMPARE(assigneeOf(carol, caseId), QString());
    const HttpReply done = browser.send("PUT", path, assign, "application/json",
        { { "Cookie", dana.cookie }, { "X-CSRF-Token", dana.csrf }, { "Origin", own } });
    QVERIFY2(done.status == 200, qPrintable(done.describe()));
    QCOMPARE(assigneeOf(carol, caseId), s("bob"));
    // A sign-in form posted from another site is refused.
    QCOMPARE(browser
                 .send("POST", s("/api/v1/console/session"),
                     HttpClient::compact({ { s("user"), s("dana") }, { s("password"), s("dana") } }),
                     "application/json", { { "Origin", "http://evil.example" } })
                 .status,
        403);
    // A bearer token needs neither (scripts).
    HttpClient danaBearer(server.baseUrl());
    danaBearer.setToken(danaBearer.signIn(s("dana"), s("dana")));
    QCOMPARE(danaBearer.put(path, { { s("assignee"), s("alice") } }).status, 200);

    // Ending the session: the CSRF token is needed, then the cookie is cleared and dead.
    QCOMPARE(
        browser.send("DELETE", s("/api/v1/console/session"), {}, {}, { { "Cookie", dana.cookie } }).status,
        403);
    const HttpReply out = browser.send("DELETE", s("/api/v1/console/session"), {}, {},
        { { "Cookie", dana.cookie }, { "X-CSRF-Token", dana.csrf } });
    QCOMPARE(out.status, 200);
    QVERIFY2(out.header("set-cookie").startsWith("outpost_console=;")
            && out.header("set-cookie").contains("Max-Age=0"),
        out.header("set-cookie").constData());
    QCOMPARE(
        browser.send("GET", s("/api/v1/console/session"), {}, {}, { { "Cookie", dana.cookie } }).status, 401);
    QCOMPARE(server.stop(), 0);
}

void TestConsole::webSocketWithCookie()
{
    TestDatabase database(TestDatabase::Kind::SQLite);
    OutpostdProcess server;
    OUTPOST_START_SERVER(database, server, 40);
    OUTPOST_SIGNED_IN(carol, server, "carol");
    HttpClient browser(server.baseUrl());
    browser.manager().setCookieJar(new NoCookies);
    const ConsoleSession dana = signInConsole(browser, s("dana"), s("dana"));
    QCOMPARE(dana.reply.status, 200);

    // From another site's page the upgrade is refused.
    {
        QWebSocket evil(s("http://evil.example"));
        QNetworkRequest req(wsUrl(server.baseUrl()));
        req.setRawHeader("Cookie", dana.cookie);
        QSignalSpy connected(&evil, &QWebSocket::connected);
        QSignalSpy error(&evil, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
        evil.open(req);
        QVERIFY(error.count() > 0 || error.wait(10000));
        QCOMPARE(connected.count(), 0);
    }
    // From the console's own page it opens, and console hints arrive.
    QWebSocket ws(server.baseUrl().toString());
    QNetworkRequest req(wsUrl(server.baseUrl()));
    req.setRawHeader("Cookie", dana.cookie);
    QSignalSpy connected(&ws, &QWebSocket::connected);
    QSignalSpy messages(&ws, &QWebSocket::textMessageReceived);
    ws.open(req);
    QVERIFY(connected.wait(10000));

    const QString caseId = pooledCase(carol);
    QVERIFY(!caseId.isEmpty());
    // A burst of ten assignments: the first hint at once, the rest folded into at most a couple.
    for (int i = 0; i < 10; ++i)
        QCOMPARE(carol
                     .put(s("/api/v1/admin/cases/%1/assignment").arg(caseId),
                         { { s("assignee"), i % 2 ? s("alice") : s("bob") } })
                     .status,
            200);
    QTRY_VERIFY_WITH_TIMEOUT(consoleHints(messages, s("cases")) >= 1, 10000);
    // Let the trailing hint of the burst arrive (it comes at most ~500 ms after the first).
    QSignalSpy more(&ws, &QWebSocket::textMessageReceived);
    more.wait(1500);
    const int hints = consoleHints(messages, s("cases"));
    QVERIFY2(hints >= 1 && hints <= 4, qPrintable(QString::number(hints)));
    // The existing hints come too (dispatchers see every case).
    bool changes = false;
    for (const auto &m : messages)
        changes = changes || m.first().toString().contains(s("\"changes\""));
    QVERIFY(changes);

    // Signing out closes the socket at once.
    QSignalSpy closed(&ws, &QWebSocket::disconnected);
    QCOMPARE(browser
                 .send("DELETE", s("/api/v1/console/session"), {}, {},
                     { { "Cookie", dana.cookie }, { "X-CSRF-Token", dana.csrf } })
                 .status,
        200);
    QVERIFY(closed.count() > 0 || closed.wait(10000));
    QCOMPARE(server.stop(), 0);
}

void TestConsole::secureCookieOverTls()
{
    const QString openssl = QStandardPaths::findExecutable(s("openssl"));
    if (openssl.isEmpty())
        QSKIP("the openssl tool is needed to make a test certificate");
    TestDatabase database(TestDatabase::Kind::SQLite);
    QString why;
    QVERIFY2(database.create(&why), qPrintable(why));
    const QString dir = database.directory();
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(openssl,
        { s("req"), s("-x509"), s("-newkey"), s("ec"), s("-pkeyopt"), s("ec_paramgen_curve:P-256"),
            s("-nodes"), s("-keyout"), s("tls.key"), s("-out"), s("tls.crt"), s("-days"), s("2"), s("-subj"),
            s("/CN=127.0.0.1"), s("-addext"), s("subjectAltName=IP:127.0.0.1") });
    QVERIFY(p.waitForFinished(60000) && p.exitCode() == 0);
    QFile::setPermissions(dir + s("/tls.key"), QFile::ReadOwner | QFile::WriteOwner);
    OutpostdProcess server;
    OutpostdProcess::Options o;
    o.dbUrl = database.url();
    o.demo = true;
    o.demoCases = 10;
    o.extraArgs = { s("--tls-cert"), dir + s("/tls.crt"), s("--tls-key"), dir + s("/tls.key") };
    QVERIFY2(server.start(o, &why), qPrintable(why));
    QCOMPARE(server.baseUrl().scheme(), s("https"));

    HttpClient browser(server.baseUrl());
    browser.manager().setCookieJar(new NoCookies);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.addCaCertificates(dir + s("/tls.crt"));
    browser.setSslConfiguration(ssl);
    const ConsoleSession dana = signInConsole(browser, s("dana"), s("dana"));
    QVERIFY2(dana.reply.status == 200, qPrintable(dana.reply.describe()));
    QStringList attributes;
    for (const QByteArray &a : dana.setCookie.split(';').mid(1))
        attributes << QString::fromLatin1(a.trimmed());
    attributes.sort();
    QCOMPARE(attributes, (QStringList { s("HttpOnly"), s("Path=/"), s("SameSite=Strict"), s("Secure") }));
    // The own origin is https://127.0.0.1:PORT here; the http one is another origin.
    const QByteArray httpsOrigin = server.baseUrl().toString().toLatin1();
    QByteArray httpOrigin = httpsOrigin;
    httpOrigin.replace("https://", "http://");
    QCOMPARE(browser
                 .send("GET", s("/api/v1/console/session"), {}, {},
                     { { "Cookie", dana.cookie }, { "Origin", httpsOrigin } })
                 .status,
        200);
    QCOMPARE(browser
                 .send("GET", s("/api/v1/console/session"), {}, {},
                     { { "Cookie", dana.cookie }, { "Origin", httpOrigin } })
                 .status,
        403);
    const HttpReply out = browser.send("DELETE", s("/api/v1/console/session"), {}, {},
        { { "Cookie", dana.cookie }, { "X-CSRF-Token", dana.csrf } });
    QCOMPARE(out.status, 200);
    QVERIFY(out.header("set-cookie").contains("Secure"));
    QCOMPARE(server.stop(), 0);
}

void TestConsole::hintsAcrossInstances()
{
    TestDatabase database(TestDatabase::Kind::PostgreSQL);
    OutpostdProcess a;
    OUTPOST_START_SERVER(database, a, 40);
    OutpostdProcess b;
    OutpostdProcess::Options ob;
    ob.dbUrl = database.url();
    QString why;
    QVERIFY2(b.start(ob, &why), qPrintable(why));
    OUTPOST_SIGNED_IN(carolA, a, "carol");

    // dana's console talks to B; carol assigns through A.
    HttpClient browser(b.baseUrl());
    browser.manager().setCookieJar(new NoCookies);
    const ConsoleSession dana = signInConsole(browser, s("dana"), s("dana"));
    QCOMPARE(dana.reply.status, 200);
    QWebSocket ws(b.baseUrl().toString());
    QNetworkRequest req(wsUrl(b.baseUrl()));
    req.setRawHeader("Cookie", dana.cookie);
    QSignalSpy connected(&ws, &QWebSocket::connected);
    QSignalSpy messages(&ws, &QWebSocket::textMessageReceived);
    ws.open(req);
    QVERIFY(connected.wait(10000));
    const QString caseId = pooledCase(carolA);
    QVERIFY(!caseId.isEmpty());
    QCOMPARE(carolA.put(s("/api/v1/admin/cases/%1/assignment").arg(caseId), { { s("assignee"), s("bob") } })
                 .status,
        200);
    QTRY_VERIFY_WITH_TIMEOUT(consoleHints(messages, s("cases")) >= 1, 15000);
    ws.close();
    QCOMPARE(b.stop(), 0);
    QCOMPARE(a.stop(), 0);
}

QTEST_GUILESS_MAIN(TestConsole)
#include "tst_console.moc"
