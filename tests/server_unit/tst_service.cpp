// SPDX-License-Identifier: MIT
// Unit tests of outpostd: migrations, demo data, sessions, the changes feed.
// Service::handler().handle() without sockets, on a temp SQLite file and on a fresh PostgreSQL database.
#include "apihandler.h"
#include "servicetestbase.h"
#include "writegate.h"

#include <QRegularExpression>
#include <QThread>

#include <atomic>

using namespace outpost;
using namespace outpost::server;
using namespace outpost::server::testing;

class TestSessionsAndFeed : public ServiceTestBase
{
    Q_OBJECT
public:
    using ServiceTestBase::ServiceTestBase;

private Q_SLOTS:
    void migrationsAndReopen()
    {
        // A second instance on the same database: migrations are a no-op, data is there.
        auto again = h->open(h->options());
        QVERIFY2(again.ok(), qPrintable(again.error().toString()));
        auto users = again.value()->listUsers();
        QVERIFY(users.ok());
        QCOMPARE(users.value().size(), 4); // alice, bob, carol, dana
        again.value().reset();
        QVERIFY(!Service::open(ServiceOptions { QStringLiteral("mysql://x"), {} }).ok());
        QVERIFY(!Service::open(
            ServiceOptions { QStringLiteral("postgresql://nobody@127.0.0.1:1/none"),
                {} }).ok());
    }

    void twoInstancesMigrateAnEmptyDatabaseAtOnce()
    {
        Harness fresh(m_backend);
        QString why;
        if (!fresh.prepare(&why))
            QSKIP(qPrintable(why));
        QList<bool> opened(2, false);
        QList<QThread *> threads;
        for (int i = 0; i < 2; ++i)
            threads.append(QThread::create([&, i] {
                auto s = Service::open(fresh.options());
                opened[i] = s.ok() && s.value()->listUsers().ok();
            }));
        for (QThread *t : threads)
            t->start();
        for (QThread *t : threads) {
            QVERIFY(t->wait(60000));
            delete t;
        }
        QCOMPARE(opened, (QList<bool> { true, true }));
    }

    void postgresqlSessionsRunWithoutJit()
    {
        if (m_backend != Harness::Backend::PostgreSQL)
            QSKIP("PostgreSQL only");
        // JIT compiled each full-sync page of a fleet for 1.2 s before a 0.2 s query ran.
        auto config = DbConfig::parse(h->dbUrl());
        QVERIFY(config.ok());
        auto db = Database::open(config.value());
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
        auto conn = db.value()->connection();
        QVERIFY(conn.ok());
        auto q = runSql(conn.value(), QStringLiteral("SHOW jit"));
        QVERIFY(q.ok());
        QVERIFY(q.value().next());
        QCOMPARE(q.value().value(0).toString(), QStringLiteral("off"));
    }

    void refusesNewerDatabase()
    {
        if (m_backend == Harness::Backend::PostgreSQL) {
            QString why;
            QVERIFY2(h->sql(QStringLiteral("INSERT INTO schema_version VALUES (99)"), &why), qPrintable(why));
            auto s = Service::open(h->options());
            QVERIFY(!s.ok());
            QCOMPARE(s.error().code, QStringLiteral("too_new"));
            QVERIFY2(h->sql(QStringLiteral("DELETE FROM schema_version WHERE version = 99"), &why),
                qPrintable(why));
            QVERIFY(Service::open(h->options()).ok());
            return;
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.sqlite"));
        {
            ServiceOptions o;
            o.dbUrl = QStringLiteral("sqlite:") + path;
            auto s = Service::open(o);
            QVERIFY(s.ok());
        }
        QString why;
        QVERIFY2(outpost::testing::TestDatabase::sql(
                     QStringLiteral("sqlite:") + path, QStringLiteral("PRAGMA user_version = 99"), &why),
            qPrintable(why));
        ServiceOptions o;
        o.dbUrl = QStringLiteral("sqlite:") + path;
        auto s = Service::open(o);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QStringLiteral("too_new"));
    }

    void demoSeedCounts()
    {
        const Feed f = readFeed(carol, QStringLiteral("0"), 700);
        QHash<QString, int> kinds;
        for (const QJsonObject &c : f.changes)
            ++kinds[c.value(QStringLiteral("kind")).toString()];
        QCOMPARE(kinds.value(QStringLiteral("caseType")), 3);
        QCOMPARE(kinds.value(QStringLiteral("dataPage")), 1200);
        QCOMPARE(kinds.value(QStringLiteral("case")), 40);
        QCOMPARE(kinds.value(QStringLiteral("assignment")), 40);
        // A no-op the second time, and said so, also when another number of cases is asked for.
        QTest::ignoreMessage(QtInfoMsg,
            QRegularExpression(QStringLiteral("^the demo data exists already \\(seeded with 40 cases; the "
                                              "database holds 40 cases now\\)$")));
        QVERIFY(h->service()->seedDemo(40).ok());
        QTest::ignoreMessage(QtInfoMsg,
            QRegularExpression(QStringLiteral("^the demo data exists already \\(seeded with 40 cases; the "
                                              "database holds 40 cases now\\): 75 demo cases requested, "
                                              "nothing seeded\\.")));
        QVERIFY(h->service()->seedDemo(75).ok());
        QCOMPARE(readFeed(carol, QStringLiteral("0"), 5000).changes.size(), f.changes.size());
    }

    void pathTricksAreBadRequests()
    {
        struct Row {
            QByteArray method;
            QString path;
            QString problem; // empty: not a trick
            int status;
        };
        const QString att = QStringLiteral("/api/v1/attachments/");
        const QList<Row> rows {
            { "GET", att + QStringLiteral("..%2F..%2Fetc%2Fpasswd"), QStringLiteral("encoded slash"), 400 },
            { "PUT", att + QStringLiteral("..%2F..%2Fetc%2Fpasswd?caseId=x&name=p"),
                QStringLiteral("encoded slash"), 400 },
            { "GET", att + QStringLiteral("a%2fb"), QStringLiteral("encoded slash"), 400 },
            { "GET", att + QStringLiteral(".."), QStringLiteral("'..' segment"), 400 },
            { "GET", att + QStringLiteral("%2E%2E"), QStringLiteral("'..' segment"), 400 },
            { "GET", att + QStringLiteral("../../etc/passwd"), QStringLiteral("'..' segment"), 400 },
            { "GET", QStringLiteral("/api/v1/./health"), QStringLiteral("'.' segment"), 400 },
            { "GET", QStringLiteral("/api/v1/cases/../health"), QStringLiteral("'..' segment"), 400 },
            { "GET", QStringLiteral("/api/../api/v1/health"), QStringLiteral("'..' segment"), 400 },
            { "GET", QStringLiteral("/api/v1//health"), QStringLiteral("empty segment"), 400 },
            { "GET", att + QStringLiteral("a%5Cb"), QStringLiteral("backslash"), 400 },
            { "GET", att + QStringLiteral("a\\b"), QStringLiteral("backslash"), 400 },
            { "GET", QStringLiteral("/elsewhere/../api/v1/health"), QStringLiteral("'..' segment"), 400 },
            { "GET", QStringLiteral("/api/v1/health/"), {}, 200 },
            { "GET", QStringLiteral("/api/v1/health"), {}, 200 },
            { "GET", QStringLiteral("/api/v1/nothing-here"), {}, 404 },
            { "GET", QStringLiteral("/elsewhere"), {}, 404 },
            { "GET", att + QStringLiteral("passwd"), {}, 400 }, // not a UUID: a 400, but no path trick
        };
        for (const Row &row : rows) {
            const http::Response r = h->call(row.method, row.path, row.method == "PUT" ? "x" : "", alice,
                row.method == "PUT" ? "text/plain" : "application/json");
            const QString what = QString::fromLatin1(row.method + ' ') + row.path + QStringLiteral(": ")
                + QString::fromUtf8(r.body);
            QVERIFY2(r.status == row.status, qPrintable(what));
            const QString message = Harness::json(r)
                                        .value(QStringLiteral("error"))
                                        .toObject()
                                        .value(QStringLiteral("message"))
                                        .toString();
            if (!row.problem.isEmpty()) {
                QVERIFY2(message.startsWith(QStringLiteral("Malformed path: ")), qPrintable(what));
                QVERIFY2(message.contains(row.problem), qPrintable(what));
                QCOMPARE(
                    Harness::json(r).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")),
                    QStringLiteral("bad_request"));
            } else {
                QVERIFY2(!message.startsWith(QStringLiteral("Malformed path")), qPrintable(what));
            }
        }
    }

    void writeGateCapsWritersAndWaiters()
    {
        WriteGate gate;
        gate.setLimits({ 2, 1, 60000 });
        auto a = gate.acquire();
        auto b = gate.acquire();
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(gate.running(), 2);
        // A third writer waits for a turn...
        std::atomic<int> third { 0 }; // 1: got a turn, -1: refused
        WriteGate::Permit thirdTurn;
        QThread *t = QThread::create([&] {
            auto p = gate.acquire();
            if (p.ok())
                thirdTurn = std::move(p).value();
            third = p.ok() ? 1 : -1;
        });
        t->start();
        QTRY_COMPARE(gate.waiting(), 1);
        // ...a fourth finds the queue full and is refused at once, as busy (503 with Retry-After).
        auto d = gate.acquire();
        QVERIFY(!d.ok());
        QCOMPARE(d.error().code, QStringLiteral("busy"));
        const http::Response r = ApiHandler::errorResponse(d.error());
        QCOMPARE(r.status, 503);
        QVERIFY(r.headers.contains(qMakePair(QByteArray("Retry-After"), QByteArray("1"))));
        QCOMPARE(Harness::json(r).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")),
            QStringLiteral("busy"));
        QCOMPARE(third.load(), 0);
        // A turn given back goes to the waiting writer.
        a.value().release();
        QVERIFY(t->wait(30000));
        delete t;
        QCOMPARE(third.load(), 1);
        QCOMPARE(gate.running(), 2);
        QCOMPARE(gate.waiting(), 0);
        // A writer whose wait runs out is refused, and leaves the queue.
        gate.setLimits({ 2, 1, 20 });
        auto e = gate.acquire();
        QVERIFY(!e.ok());
        QCOMPARE(e.error().code, QStringLiteral("busy"));
        QCOMPARE(gate.waiting(), 0);
        thirdTurn.release();
        b.value().release();
        QCOMPARE(gate.running(), 0);
        QVERIFY(gate.acquire().ok()); // and released again at once
        QCOMPARE(gate.running(), 0);
    }

    void admittedWritersWaitBeyondTheQueue()
    {
        // A write the upload lane let in waits its turn even while other writers fill the queue
        // (a prune, sign-ins): the lane bounds how many such writes wait, so none is refused after
        // being admitted. Without the mark, the same write is refused at once.
        WriteGate gate;
        gate.setLimits({ 1, 1, 60000 });
        auto running = gate.acquire();
        QVERIFY(running.ok());
        std::atomic<int> queued { 0 };
        QThread *other = QThread::create([&] { queued = gate.acquire().ok() ? 1 : -1; });
        other->start();
        QTRY_COMPARE(gate.waiting(), 1);
        QVERIFY(!gate.acquire().ok()); // the queue is full
        std::atomic<int> admitted { 0 };
        QThread *lane = QThread::create([&] {
            const WriteGate::Admitted mark;
            admitted = gate.acquire().ok() ? 1 : -1;
        });
        lane->start();
        QTRY_COMPARE(gate.waiting(), 2);
        QCOMPARE(admitted.load(), 0);
        running.value().release();
        QVERIFY(other->wait(30000));
        QVERIFY(lane->wait(30000));
        delete other;
        delete lane;
        QCOMPARE(queued.load(), 1);
        QCOMPARE(admitted.load(), 1);
        QCOMPARE(gate.running(), 0);
        QCOMPARE(gate.waiting(), 0);
        // The mark ends with its scope.
        {
            const WriteGate::Admitted mark;
        }
        auto a = gate.acquire();
        std::atomic<int> b { 0 };
        QThread *t = QThread::create([&] { b = gate.acquire().ok() ? 1 : -1; });
        t->start();
        QTRY_COMPARE(gate.waiting(), 1);
        QVERIFY(!gate.acquire().ok());
        a.value().release();
        QVERIFY(t->wait(30000));
        delete t;
        QCOMPARE(b.load(), 1);
    }

    void demoSeedIsDeterministic()
    {
        if (m_backend != Harness::Backend::SQLite)
            QSKIP("checked on SQLite");
        Harness other(Harness::Backend::SQLite);
        QString why;
        QVERIFY(other.prepare(&why));
        auto s = other.open(other.options());
        QVERIFY(s.ok());
        other.setService(std::move(s).value());
        QVERIFY(other.service()->seedDemo(40).ok());
        const QString token = other.signIn(QStringLiteral("carol"));
        auto cases = [](Harness &harness, const QString &t) {
            QMap<QString, QJsonObject> out;
            const auto r = harness.call("GET", kChanges + QStringLiteral("?limit=5000"), {}, t);
            for (const QJsonValue &v : Harness::json(r).value(QStringLiteral("changes")).toArray())
                if (v.toObject().value(QStringLiteral("kind")).toString() != QLatin1String("caseType"))
                    out.insert(v.toObject().value(QStringLiteral("id")).toString(),
                        v.toObject().value(QStringLiteral("data")).toObject());
            return out;
        };
        const auto mine = cases(*h, carol);
        const auto theirs = cases(other, token);
        QCOMPARE(theirs.size(), 1200 + 80);
        // Cases the earlier tests did not touch are identical in both data sets.
        int same = 0;
        for (auto it = theirs.cbegin(); it != theirs.cend(); ++it)
            same += mine.value(it.key()) == it.value() ? 1 : 0;
        QVERIFY2(same > 1200 + 70, qPrintable(QString::number(same)));
    }

    void healthAndRoutes()
    {
        auto r = h->call("GET", QStringLiteral("/api/v1/health"));
        QCOMPARE(r.status, 200);
        QCOMPARE(Harness::json(r).value(QStringLiteral("protocol")).toInt(), 1);
        QCOMPARE(h->call("GET", QStringLiteral("/api/v1/nope"), {}, alice).status, 404);
        QCOMPARE(h->call("DELETE", kChanges, {}, alice).status, 405);
        QCOMPARE(h->call("GET", QStringLiteral("/api/v1/../etc/passwd"), {}, alice).status, 400);
        QCOMPARE(h->call("GET", kChanges).status, 401);
        QCOMPARE(Harness::json(h->call("GET", kChanges))
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
            QStringLiteral("unauthenticated"));
    }

    void routeTableAnswersUniformly()
    {
        struct Endpoint {
            QByteArray method;
            QString path; // below /api/v1/
            QByteArray allow; // the path's methods, as 405 names them
            bool admin;
        };
        const QList<Endpoint> endpoints = {
            { "GET", QStringLiteral("health"), "GET", false },
            { "POST", QStringLiteral("session"), "POST, DELETE", false },
            { "GET", QStringLiteral("sync/changes"), "GET", false },
            { "POST", QStringLiteral("sync/actions"), "POST", false },
            { "GET", QStringLiteral("cases/C-1"), "GET", false },
            { "GET", QStringLiteral("cases/C-1/history"), "GET", false },
            { "GET", QStringLiteral("attachments/x"), "GET, PUT", false },
            { "GET", QStringLiteral("notify"), "GET", false },
            { "POST", QStringLiteral("admin/full-sync"), "POST", true },
            { "GET", QStringLiteral("admin/sync-issues"), "GET", true },
            { "POST", QStringLiteral("admin/sync-issues/1/reapply"), "POST", true },
            { "GET", QStringLiteral("admin/case-types"), "GET", true },
            { "PUT", QStringLiteral("admin/case-types/inspection"), "GET, PUT", true },
            { "POST", QStringLiteral("admin/case-types/inspection/check"), "POST", true },
            { "GET", QStringLiteral("admin/data-pages"), "GET", true },
            { "POST", QStringLiteral("admin/data-pages/sites/csv"), "GET, POST", true },
            { "PUT", QStringLiteral("admin/cases/C-1/assignment"), "PUT", true },
            { "DELETE", QStringLiteral("admin/cases/C-1"), "GET, DELETE", true },
            { "POST", QStringLiteral("admin/devices/dev-x/wipe"), "POST", true },
        };
        auto allowOf = [](const http::Response &r) {
            for (const auto &[name, value] : r.headers)
                if (name == "Allow")
                    return value;
            return QByteArray();
        };
        auto errorOf = [](const http::Response &r) {
            return Harness::json(r).value(QStringLiteral("error")).toObject();
        };
        for (const Endpoint &e : endpoints) {
            const QString url = QStringLiteral("/api/v1/") + e.path;
            // A known path with another method: 405 before authentication, naming what it takes.
            const auto wrong = h->call("PATCH", url);
            QCOMPARE(wrong.status, 405);
            QCOMPARE(allowOf(wrong), e.allow);
            QCOMPARE(errorOf(wrong).value(QStringLiteral("message")).toString(),
                QStringLiteral("Method not allowed here (allowed: %1).").arg(QString::fromLatin1(e.allow)));
            if (!e.admin)
                continue;
            // Administration: 401 without a session, 403 for a technician, whatever the body.
            QCOMPARE(h->call(e.method, url).status, 401);
            const auto denied = h->call(e.method, url, "{}", alice);
            QCOMPARE(denied.status, 403);
            QCOMPARE(errorOf(denied).value(QStringLiteral("code")).toString(), QStringLiteral("forbidden"));
            // Purging cases, case types and data pages stay the administrator's; the rest is the
            // dispatcher's too.
            const bool adminOnly = e.method == "DELETE"
                || e.path.startsWith(QLatin1String("admin/data-pages"))
                || (e.path.startsWith(QLatin1String("admin/case-types")) && e.method != "GET");
            QCOMPARE(errorOf(denied).value(QStringLiteral("message")).toString(),
                adminOnly ? QStringLiteral("This needs the administrator role.")
                          : QStringLiteral("This needs the dispatcher or administrator role."));
        }
        for (const char *path :
            { "admin", "admin/users/1/x", "admin/sync-issues/1", "admin/sync-issues/1/undo",
                "admin/case-types/x/y", "admin/data-pages/sites", "admin/cases/C-1/notes", "cases",
                "cases/C-1/notes", "sync", "sync/changes/1", "health/1", "attachments", "notify/x" }) {
            const auto r = h->call("GET", QStringLiteral("/api/v1/") + QLatin1String(path), {}, carol);
            QVERIFY2(r.status == 404, path);
            QCOMPARE(
                errorOf(r).value(QStringLiteral("message")).toString(), QStringLiteral("No such resource."));
        }
    }

    void wipedDeviceIsShutOut()
    {
        auto signInFrom = [this](const QString &device) {
            return h->callJson("POST", QStringLiteral("/api/v1/session"),
                { { QStringLiteral("username"), QStringLiteral("bob") },
                    { QStringLiteral("password"), QStringLiteral("bob") },
                    { QStringLiteral("deviceId"), device } },
                {});
        };
        auto codeOf = [](const http::Response &r) {
            return Harness::json(r)
                .value(QStringLiteral("error"))
                .toObject()
                .value(QStringLiteral("code"))
                .toString();
        };
        const QString phone = Harness::json(signInFrom(QStringLiteral("bob-phone")))
                                  .value(QStringLiteral("token"))
                                  .toString();
        const QString tablet = Harness::json(signInFrom(QStringLiteral("bob-tablet")))
                                   .value(QStringLiteral("token"))
                                   .toString();
        QVERIFY(!phone.isEmpty() && !tablet.isEmpty());
        const QString feed = QStringLiteral("/api/v1/sync/changes?since=0&limit=1");
        QCOMPARE(h->call("GET", feed, {}, phone).status, 200);

        // The console's route: administrators only.
        const QString wipe = QStringLiteral("/api/v1/admin/devices/bob-phone/wipe");
        QCOMPARE(h->call("POST", wipe, {}, bob).status, 403);
        const auto wiped = h->call("POST", wipe, {}, carol);
        QCOMPARE(wiped.status, 200);

        // Every request of that device's sessions, and a sign-in from it, answers device_wiped.
        const auto refused = h->call("GET", feed, {}, phone);
        QCOMPARE(refused.status, 403);
        QCOMPARE(codeOf(refused), QStringLiteral("device_wiped"));
        const auto again = signInFrom(QStringLiteral("bob-phone"));
        QCOMPARE(again.status, 403);
        QCOMPARE(codeOf(again), QStringLiteral("device_wiped"));
        // The user's other devices are unaffected.
        QCOMPARE(h->call("GET", feed, {}, tablet).status, 200);
        QCOMPARE(signInFrom(QStringLiteral("bob-tablet")).status, 200);
        // Recorded in the audit: who, which device.
        QString why;
        const auto audit
            = h->sql(QStringLiteral(
                         "SELECT by_user, action FROM audit WHERE device_id = 'bob-phone' AND case_id = ''"),
                &why);
        QVERIFY2(audit, qPrintable(why));
        QCOMPARE(audit->size(), 1);
        QCOMPARE(audit->first().value(0).toString(), QStringLiteral("carol"));
        QCOMPARE(audit->first().value(1).toString(), QStringLiteral("device.wipe"));

        // Unwiped by an administrator: it may sign in again.
        QVERIFY(
            h->service()->setDeviceWiped(QStringLiteral("bob-phone"), false, QStringLiteral("test")).ok());
        QCOMPARE(signInFrom(QStringLiteral("bob-phone")).status, 200);
        QCOMPARE(h->service()->setDeviceWiped(QString(), true, QStringLiteral("test")).error().code,
            QStringLiteral("bad_request"));
    }

    void signInAndSessions()
    {
        auto r = h->callJson("POST", QStringLiteral("/api/v1/session"),
            { { QStringLiteral("username"), QStringLiteral("alice") },
                { QStringLiteral("password"), QStringLiteral("wrong") },
                { QStringLiteral("deviceId"), QStringLiteral("d") } },
            {});
        QCOMPARE(r.status, 401);
        QCOMPARE(Harness::json(r)
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
            QStringLiteral("bad_credentials"));
        r = h->callJson("POST", QStringLiteral("/api/v1/session"),
            { { QStringLiteral("username"), QStringLiteral("mallory") },
                { QStringLiteral("password"), QStringLiteral("x") } },
            {});
        QCOMPARE(r.status, 401);
        QCOMPARE(h->call("POST", QStringLiteral("/api/v1/session"), "{not json").status, 400);
        QCOMPARE(
            h->callJson("POST", QStringLiteral("/api/v1/session"), { { QStringLiteral("username"), 5 } }, {})
                .status,
            400);

        r = h->callJson("POST", QStringLiteral("/api/v1/session"),
            { { QStringLiteral("username"), QStringLiteral("bob") },
                { QStringLiteral("password"), QStringLiteral("bob") },
                { QStringLiteral("deviceId"), QStringLiteral("d") } },
            {});
        QCOMPARE(r.status, 200);
        const QJsonObject o = Harness::json(r);
        const QString token = o.value(QStringLiteral("token")).toString();
        QVERIFY(token.size() >= 43);
        QCOMPARE(o.value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("queues"))
                     .toArray()
                     .at(0)
                     .toString(),
            QStringLiteral("south"));
        QVERIFY(!o.value(QStringLiteral("expiresAt")).toString().isEmpty());
        QCOMPARE(h->call("GET", kChanges + QStringLiteral("?limit=1"), {}, token).status, 200);
        QCOMPARE(h->call("GET", kChanges, {}, QStringLiteral("forged-token")).status, 401);
        QCOMPARE(h->call("DELETE", QStringLiteral("/api/v1/session"), {}, token).status, 200);
        QCOMPARE(h->call("GET", kChanges + QStringLiteral("?limit=1"), {}, token).status, 401);

        // Expiry: an instance with a zero lifetime hands out tokens that are expired at once.
        ServiceOptions shortLived = h->options();
        shortLived.tokenTtlMinutes = 0;
        auto other = h->open(shortLived);
        QVERIFY(other.ok());
        http::Request req;
        req.method = "POST";
        req.path = QStringLiteral("/api/v1/session");
        req.body = R"({"username":"bob","password":"bob","deviceId":"d"})";
        const auto signedIn = other.value()->handler().handle(req);
        QCOMPARE(signedIn.status, 200);
        const QString expired = Harness::json(signedIn).value(QStringLiteral("token")).toString();
        QCOMPARE(h->call("GET", kChanges + QStringLiteral("?limit=1"), {}, expired).status, 401);
    }

    void fullSyncPagingYieldsEachEntityOnce()
    {
        const Feed f = readFeed(carol, QStringLiteral("0"), 97);
        QVERIFY(f.pages > 10);
        QSet<QString> seen;
        for (const QJsonObject &c : f.changes) {
            const QString key = c.value(QStringLiteral("kind")).toString() + QLatin1Char('/')
                + c.value(QStringLiteral("id")).toString();
            QVERIFY2(!seen.contains(key), qPrintable(key));
            seen.insert(key);
            QCOMPARE(c.value(QStringLiteral("op")).toString(), QStringLiteral("upsert"));
        }
        // alice: her cases and the unassigned ones of north, never bob's or south's.
        const Feed a = readFeed(alice, QStringLiteral("0"), 1000);
        int cases = 0;
        for (const QJsonObject &c : a.changes) {
            if (c.value(QStringLiteral("kind")).toString() != QLatin1String("case"))
                continue;
            ++cases;
            const QJsonObject d = c.value(QStringLiteral("data")).toObject();
            const bool mine = d.value(QStringLiteral("assignee")).toString() == QLatin1String("alice");
            const bool northPool = d.value(QStringLiteral("assignee")).isNull()
                && d.value(QStringLiteral("queue")).toString() == QLatin1String("north");
            QVERIFY(mine || northPool);
        }
        QCOMPARE(cases, 20);
        // An empty delta right after returns the same token.
        const Feed empty = readFeed(alice, a.next);
        QCOMPARE(empty.changes.size(), 0);
        QCOMPARE(empty.next, a.next);
    }

    void badFeedParameters()
    {
        QCOMPARE(h->call("GET", kChanges + QStringLiteral("?limit=0"), {}, alice).status, 400);
        QCOMPARE(h->call("GET", kChanges + QStringLiteral("?limit=abc"), {}, alice).status, 400);
        QCOMPARE(h->call("GET", kChanges + QStringLiteral("?limit=-5"), {}, alice).status, 400);
        auto r = h->call("GET", kChanges + QStringLiteral("?limit=99999999999999999999999"), {}, carol);
        QCOMPARE(r.status, 200);
        QVERIFY(Harness::json(r).value(QStringLiteral("changes")).toArray().size() <= 5000);
        QCOMPARE(h->call("GET", kChanges + QStringLiteral("?since=abc"), {}, alice).status, 410);
        QCOMPARE(h->call("GET", kChanges + QStringLiteral("?since=-1"), {}, alice).status, 410);
        QCOMPARE(h->call("GET", kChanges + QStringLiteral("?since=999999999"), {}, alice).status, 410);
    }

    void deltaAfterUpdate()
    {
        const Feed base = readFeed(alice, QStringLiteral("0"));
        const QString id = someCase(QStringLiteral("alice"), QStringLiteral("inspection"));
        QVERIFY(!id.isEmpty());
        const QString etag = caseOf(id).value(QStringLiteral("etag")).toString();
        const QJsonObject res = firstResult(post(alice,
            { action(QStringLiteral("update"), id,
                { { QStringLiteral("baseEtag"), etag },
                    { QStringLiteral("fields"), QJsonObject { { QStringLiteral("readingKw"), 42 } } } }) }));
        QCOMPARE(res.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        QVERIFY(res.value(QStringLiteral("etag")).toString() != etag);
        const Feed delta = readFeed(alice, base.next);
        QCOMPARE(delta.changes.size(), 1);
        QCOMPARE(delta.changes.at(0).value(QStringLiteral("id")).toString(), id);
        QCOMPARE(delta.changes.at(0)
                     .value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("fields"))
                     .toObject()
                     .value(QStringLiteral("readingKw"))
                     .toInt(),
            42);
        // bob hears nothing of it.
        const Feed bobBase = readFeed(bob, QStringLiteral("0"));
        QVERIFY(std::none_of(bobBase.changes.cbegin(), bobBase.changes.cend(),
            [&](const QJsonObject &c) { return c.value(QStringLiteral("id")).toString() == id; }));
    }

    void removeWhenReassignedAway()
    {
        const Feed aliceBase = readFeed(alice, QStringLiteral("0"));
        const Feed bobBase = readFeed(bob, QStringLiteral("0"));
        const QString id = someCase(QStringLiteral("alice"), QStringLiteral("repair"));
        auto r = h->callJson("PUT", QStringLiteral("/api/v1/admin/cases/%1/assignment").arg(id),
            { { QStringLiteral("assignee"), QStringLiteral("bob") },
                { QStringLiteral("queue"), QStringLiteral("south") } },
            carol);
        QCOMPARE(r.status, 200);
        QCOMPARE(h->call("GET", QStringLiteral("/api/v1/cases/") + id, {}, alice).status, 404);
        const Feed aliceDelta = readFeed(alice, aliceBase.next);
        QSet<QString> removed;
        for (const QJsonObject &c : aliceDelta.changes) {
            QCOMPARE(c.value(QStringLiteral("op")).toString(), QStringLiteral("remove"));
            QVERIFY(!c.contains(QStringLiteral("data")));
            removed.insert(c.value(QStringLiteral("kind")).toString() + QLatin1Char('/')
                + c.value(QStringLiteral("id")).toString());
        }
        QCOMPARE(
            removed, (QSet<QString> { QStringLiteral("case/") + id, QStringLiteral("assignment/A-") + id }));
        const Feed bobDelta = readFeed(bob, bobBase.next);
        QCOMPARE(bobDelta.changes.size(), 2);
        for (const QJsonObject &c : bobDelta.changes)
            QCOMPARE(c.value(QStringLiteral("op")).toString(), QStringLiteral("upsert"));
        // A later full sync of alice sends no removes.
        const Feed full = readFeed(alice, QStringLiteral("0"));
        for (const QJsonObject &c : full.changes)
            QCOMPARE(c.value(QStringLiteral("op")).toString(), QStringLiteral("upsert"));
    }

    void resolvedCaseLeavesTheWorklist()
    {
        const Feed bobBase = readFeed(bob, QStringLiteral("0"));
        const Feed carolBase = readFeed(carol, QStringLiteral("0"));
        const QString id = someCase(QStringLiteral("bob"), QStringLiteral("installation"));
        const QJsonObject res = firstResult(post(bob,
            { action(QStringLiteral("transition"), id,
                { { QStringLiteral("baseEtag"), caseOf(id).value(QStringLiteral("etag")) },
                    { QStringLiteral("flowAction"), QStringLiteral("withdraw") } }) }));
        QCOMPARE(res.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        const Feed bobDelta = readFeed(bob, bobBase.next);
        QCOMPARE(bobDelta.changes.size(), 2);
        for (const QJsonObject &c : bobDelta.changes)
            QCOMPARE(c.value(QStringLiteral("op")).toString(), QStringLiteral("remove"));
        QCOMPARE(h->call("GET", QStringLiteral("/api/v1/cases/") + id, {}, bob).status, 200);
        QCOMPARE(h->call("GET", QStringLiteral("/api/v1/cases/%1/history").arg(id), {}, bob).status, 200);
        const Feed carolDelta = readFeed(carol, carolBase.next);
        QCOMPARE(carolDelta.changes.size(), 2);
        for (const QJsonObject &c : carolDelta.changes) {
            QCOMPARE(c.value(QStringLiteral("op")).toString(), QStringLiteral("upsert"));
            if (c.value(QStringLiteral("kind")).toString() == QLatin1String("case"))
                QCOMPARE(
                    c.value(QStringLiteral("data")).toObject().value(QStringLiteral("status")).toString(),
                    QStringLiteral("Resolved-Withdrawn"));
        }
    }

    void purgedCaseArrivesAsRemove()
    {
        const Feed aliceBase = readFeed(alice, QStringLiteral("0"));
        const Feed carolBase = readFeed(carol, QStringLiteral("0"));
        QString pooled;
        for (const QJsonObject &c : aliceBase.changes)
            if (c.value(QStringLiteral("kind")).toString() == QLatin1String("case")
                && c.value(QStringLiteral("data")).toObject().value(QStringLiteral("assignee")).isNull())
                pooled = c.value(QStringLiteral("id")).toString();
        QVERIFY(!pooled.isEmpty());
        QCOMPARE(h->call("DELETE", QStringLiteral("/api/v1/admin/cases/") + pooled, {}, alice).status, 403);
        QCOMPARE(h->call("DELETE", QStringLiteral("/api/v1/admin/cases/") + pooled, {}, carol).status, 200);
        QCOMPARE(h->call("DELETE", QStringLiteral("/api/v1/admin/cases/") + pooled, {}, carol).status, 404);
        QCOMPARE(h->call("GET", QStringLiteral("/api/v1/cases/") + pooled, {}, carol).status, 404);
        for (const Feed &delta : { readFeed(alice, aliceBase.next), readFeed(carol, carolBase.next) }) {
            QCOMPARE(delta.changes.size(), 2);
            for (const QJsonObject &c : delta.changes)
                QCOMPARE(c.value(QStringLiteral("op")).toString(), QStringLiteral("remove"));
        }
        const Feed full = readFeed(carol, QStringLiteral("0"));
        QVERIFY(std::none_of(full.changes.cbegin(), full.changes.cend(),
            [&](const QJsonObject &c) { return c.value(QStringLiteral("id")).toString() == pooled; }));
    }

    void forcedFullSyncAndIncompatibleRules()
    {
        const Feed a = readFeed(alice, QStringLiteral("0"));
        const Feed b = readFeed(bob, QStringLiteral("0"));
        QCOMPARE(h->callJson("POST", QStringLiteral("/api/v1/admin/full-sync"),
                      { { QStringLiteral("user"), QStringLiteral("alice") } }, alice)
                     .status,
            403);
        QCOMPARE(h->callJson("POST", QStringLiteral("/api/v1/admin/full-sync"),
                      { { QStringLiteral("user"), QStringLiteral("alice") } }, carol)
                     .status,
            200);
        QCOMPARE(readFeed(alice, a.next).status, 410);
        QCOMPARE(readFeed(bob, b.next).status, 200);
        // The full sync that follows works page by page and its token is good again.
        const Feed again = readFeed(alice, QStringLiteral("0"), 50);
        QCOMPARE(again.status, 200);
        QCOMPARE(readFeed(alice, again.next).status, 200);

        // A compatible case type version keeps tokens; an incompatible one voids them.
        QJsonObject type = Harness::json(h->call("GET", kChanges + QStringLiteral("?limit=3"), {}, carol))
                               .value(QStringLiteral("changes"))
                               .toArray()
                               .at(0)
                               .toObject()
                               .value(QStringLiteral("data"))
                               .toObject();
        QCOMPARE(type.value(QStringLiteral("name")).toString(), QStringLiteral("inspection"));
        const Feed before = readFeed(bob, QStringLiteral("0"));
        type.insert(QStringLiteral("version"), 2);
        QCOMPARE(
            h->callJson("PUT", QStringLiteral("/api/v1/admin/case-types/inspection"), type, carol).status,
            200);
        const Feed compatible = readFeed(bob, before.next);
        QCOMPARE(compatible.status, 200);
        QCOMPARE(compatible.changes.size(), 1);
        QCOMPARE(
            h->callJson("PUT", QStringLiteral("/api/v1/admin/case-types/inspection"), type, carol).status,
            409); // same version
        QCOMPARE(h->callJson("PUT", QStringLiteral("/api/v1/admin/case-types/repair"), type, carol).status,
            400); // name mismatch
        QJsonArray fields = type.value(QStringLiteral("fields")).toArray();
        fields.removeLast(); // drops "summary": incompatible
        type.insert(QStringLiteral("fields"), fields);
        type.insert(QStringLiteral("version"), 3);
        auto r = h->callJson("PUT", QStringLiteral("/api/v1/admin/case-types/inspection"), type, carol);
        QCOMPARE(r.status, 200);
        QCOMPARE(Harness::json(r).value(QStringLiteral("compatible")).toBool(), false);
        QCOMPARE(readFeed(bob, compatible.next).status, 410);
    }
};

int main(int argc, char **argv)
{
    return runOnBothDatabases<TestSessionsAndFeed>(argc, argv);
}

#include "tst_service.moc"
