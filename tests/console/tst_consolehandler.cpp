// SPDX-License-Identifier: MIT
// The console's files as outpostd serves them (ConsoleHandler in front of the API): the compiled-in
// files with their MIME types, the security headers on every answer, revalidation by ETag, the
// redirects to /console/, 404 for unknown files, path tricks refused, and the API untouched.
#include "consolehandler.h"

#include <QtTest>

using namespace outpost;
using namespace outpost::server;

namespace {
/// Stands for the API: answers every request with 299 and records what reached it.
class StubApi : public http::Handler
{
public:
    qint64 maxBodySize(const http::Request &) const override { return 1234; }
    http::Response handle(const http::Request &r) override
    {
        paths.append(r.path);
        http::Response response;
        response.status = 299;
        return response;
    }
    std::variant<http::Subscriber, http::Response> acceptWebSocket(const http::Request &) override
    {
        return http::Subscriber { QStringLiteral("u"), QStringLiteral("s") };
    }
    QStringList paths;
};

http::Request get(const QByteArray &rawPath, const QByteArray &method = "GET")
{
    http::Request r;
    r.method = method;
    r.rawPath = rawPath;
    r.path = QUrl::fromPercentEncoding(rawPath);
    return r;
}

QByteArray header(const http::Response &r, const QByteArray &name)
{
    for (const auto &[n, v] : r.headers)
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}
} // namespace

class TestConsoleHandler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesTheCompiledInFilesWithTheirTypes_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QByteArray>("contains");
        QTest::newRow("index") << QByteArray("/console/") << QByteArray("text/html; charset=utf-8")
                               << QByteArray("<script type=\"module\" src=\"v/" + ConsoleFiles().version()
                                      + "/js/main.js\">");
        QTest::newRow("index.html") << QByteArray("/console/index.html")
                                    << QByteArray("text/html; charset=utf-8")
                                    << QByteArray("<!DOCTYPE html>");
        QTest::newRow("module") << QByteArray("/console/js/main.js")
                                << QByteArray("text/javascript; charset=utf-8") << QByteArray("import");
        QTest::newRow("style") << QByteArray("/console/app.css") << QByteArray("text/css; charset=utf-8")
                               << QByteArray(":root");
        QTest::newRow("catalog") << QByteArray("/console/i18n/de.json") << QByteArray("application/json")
                                 << QByteArray("\"nav.dispatch\"");
        QTest::newRow("icon") << QByteArray("/console/icon.svg") << QByteArray("image/svg+xml")
                              << QByteArray("<svg");
    }
    void servesTheCompiledInFilesWithTheirTypes()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, type);
        QFETCH(QByteArray, contains);
        StubApi api;
        ConsoleFiles files;
        ConsoleHandler handler(api, files);
        const http::Response r = handler.handle(get(path));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.contentType, type);
        QVERIFY2(r.body.contains(contains), r.body.left(200).constData());
        QCOMPARE(header(r, "Content-Security-Policy"), ConsoleHandler::kContentSecurityPolicy);
        QCOMPARE(header(r, "Referrer-Policy"), QByteArray("no-referrer"));
        QCOMPARE(header(r, "X-Frame-Options"), QByteArray("DENY"));
        QCOMPARE(header(r, "Cache-Control"), QByteArray("no-cache"));
        QVERIFY(header(r, "ETag").startsWith('"'));
        QVERIFY(api.paths.isEmpty());
    }

    void versionedNamesAreKeptForGood()
    {
        // index.html names every file below v/<version>/ (a digest of all files): those answers may
        // be kept without asking again; index.html itself is always revalidated.
        StubApi api;
        ConsoleFiles files;
        ConsoleHandler handler(api, files);
        QCOMPARE(files.version().size(), 16);
        const http::Response index = handler.handle(get("/console/"));
        QVERIFY(!index.body.contains("@V@"));
        QCOMPARE(header(index, "Cache-Control"), QByteArray("no-cache"));
        const QByteArray prefix = "/console/v/" + files.version() + "/";
        for (const QByteArray name :
            { "app.css", "js/main.js", "js/views/dispatch.js", "i18n/en.json", "icon.svg" }) {
            QVERIFY2(name.startsWith("js/views/")
                    || index.body.contains(QByteArray("\"v/" + files.version() + "/" + name + "\"")),
                name.constData());
            const http::Response r = handler.handle(get(prefix + name));
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, handler.handle(get("/console/" + name)).body);
            QCOMPARE(header(r, "Cache-Control"), QByteArray("public, max-age=31536000, immutable"));
        }
        // A page from before an upgrade names another version: today's file, revalidated.
        const http::Response old = handler.handle(get("/console/v/0123456789abcdef/app.css"));
        QCOMPARE(old.status, 200);
        QCOMPARE(header(old, "Cache-Control"), QByteArray("no-cache"));
        QCOMPARE(handler.handle(get(prefix + "index.html")).status, 404);
        QCOMPARE(handler.handle(get("/console/v/")).status, 400);
        QCOMPARE(handler.handle(get("/console/v/abc")).status, 404);
        QCOMPARE(handler.handle(get(prefix + "nothing.js")).status, 404);
    }

    void theCspForbidsInlineScriptAndFraming()
    {
        const QByteArray csp = ConsoleHandler::kContentSecurityPolicy;
        for (const char *directive : { "default-src 'self'", "script-src 'self'", "style-src 'self'",
                 "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'" })
            QVERIFY2(csp.contains(directive), directive);
        QVERIFY(!csp.contains("unsafe-inline"));
        QVERIFY(!csp.contains("unsafe-eval"));
    }

    void anUnchangedFileIsRevalidatedWith304()
    {
        StubApi api;
        ConsoleFiles files;
        ConsoleHandler handler(api, files);
        const http::Response first = handler.handle(get("/console/app.css"));
        http::Request again = get("/console/app.css");
        again.headers.insert("if-none-match", "W/" + header(first, "ETag") + ", \"other\"");
        const http::Response second = handler.handle(again);
        QCOMPARE(second.status, 304);
        QVERIFY(second.body.isEmpty());
        QCOMPARE(header(second, "ETag"), header(first, "ETag"));
        again.headers.insert("if-none-match", "\"stale\"");
        QCOMPARE(handler.handle(again).status, 200);
    }

    void rootAndConsoleRedirectToTheConsole()
    {
        StubApi api;
        ConsoleFiles files;
        ConsoleHandler handler(api, files);
        for (const QByteArray &path : { QByteArray("/"), QByteArray("/console") }) {
            const http::Response r = handler.handle(get(path));
            QCOMPARE(r.status, 302);
            QCOMPARE(header(r, "Location"), QByteArray("/console/"));
            QCOMPARE(header(r, "Content-Security-Policy"), ConsoleHandler::kContentSecurityPolicy);
        }
    }

    void unknownFilesAre404AndPathTricksAreRefused_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<int>("status");
        QTest::newRow("unknown") << QByteArray("/console/nope.js") << 404;
        QTest::newRow("folder") << QByteArray("/console/js") << 404;
        QTest::newRow("dotdot") << QByteArray("/console/js/../index.html") << 400;
        QTest::newRow("encoded dotdot") << QByteArray("/console/%2e%2e/CMakeLists.txt") << 400;
        QTest::newRow("encoded slash") << QByteArray("/console/js%2fmain.js") << 400;
        QTest::newRow("backslash") << QByteArray("/console/js%5cmain.js") << 400;
        QTest::newRow("empty segment") << QByteArray("/console//index.html") << 400;
        QTest::newRow("hidden") << QByteArray("/console/.git") << 400;
        QTest::newRow("NUL") << QByteArray("/console/index.html%00.js") << 400;
        QTest::newRow("resource syntax") << QByteArray("/console/:/console/index.html") << 400;
    }
    void unknownFilesAre404AndPathTricksAreRefused()
    {
        QFETCH(QByteArray, path);
        QFETCH(int, status);
        StubApi api;
        ConsoleFiles files;
        ConsoleHandler handler(api, files);
        const http::Response r = handler.handle(get(path));
        QCOMPARE(r.status, status);
        QVERIFY(!r.body.contains("<html"));
        QCOMPARE(header(r, "Content-Security-Policy"), ConsoleHandler::kContentSecurityPolicy);
        QVERIFY(api.paths.isEmpty());
    }

    void onlyGetAndHeadAndNoBody()
    {
        StubApi api;
        ConsoleFiles files;
        ConsoleHandler handler(api, files);
        QCOMPARE(handler.handle(get("/console/", "HEAD")).status, 200);
        const http::Response post = handler.handle(get("/console/", "POST"));
        QCOMPARE(post.status, 405);
        QCOMPARE(header(post, "Allow"), QByteArray("GET, HEAD"));
        QCOMPARE(handler.maxBodySize(get("/console/index.html", "POST")), 0);
    }

    void theApiIsHandedOnUnchanged()
    {
        StubApi api;
        ConsoleFiles files;
        ConsoleHandler handler(api, files);
        for (const QByteArray &path :
            { QByteArray("/api/v1/health"), QByteArray("/consoles"), QByteArray("/x") })
            QCOMPARE(handler.handle(get(path)).status, 299);
        QCOMPARE(api.paths,
            QStringList(
                { QStringLiteral("/api/v1/health"), QStringLiteral("/consoles"), QStringLiteral("/x") }));
        QCOMPARE(handler.maxBodySize(get("/api/v1/actions", "POST")), 1234);
        QVERIFY(std::holds_alternative<http::Subscriber>(handler.acceptWebSocket(get("/api/v1/notify"))));
    }
};

QTEST_GUILESS_MAIN(TestConsoleHandler)
#include "tst_consolehandler.moc"
