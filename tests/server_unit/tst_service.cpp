// SPDX-License-Identifier: MIT
// Unit-level tests of the outpostd service: Service::handler().handle() without sockets, on a temp
// SQLite file and on a fresh PostgreSQL database (OUTPOST_TEST_PG_URL).
#include "harness.h"

#include <QCryptographicHash>
#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QUuid>

using namespace outpost;
using namespace outpost::server;
using namespace outpost::server::testing;

namespace {
const QString kChanges = QStringLiteral("/api/v1/sync/changes");
const QString kActions = QStringLiteral("/api/v1/sync/actions");

QJsonObject action(const QString &type, const QString &caseId, const QJsonObject &extra = {})
{
    QJsonObject a{{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                  {QStringLiteral("type"), type},
                  {QStringLiteral("caseId"), caseId},
                  {QStringLiteral("clientTime"), QStringLiteral("2026-11-23T10:00:00Z")}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        a.insert(it.key(), it.value());
    return a;
}

QJsonObject batch(const QJsonArray &actions)
{
    return {{QStringLiteral("deviceId"), QStringLiteral("laptop-1")}, {QStringLiteral("actions"), actions}};
}

/// Records what the service pushes (the transport's hub is not part of these tests).
class RecordingHub : public http::NotifyHub
{
public:
    void publish(const QSet<QString> &userIds, const QByteArray &text) override
    {
        QMutexLocker lock(&m_mutex);
        for (const QString &u : userIds)
            m_received.append(u + QLatin1Char(' ') + QString::fromUtf8(text));
    }
    void publishAll(const QByteArray &text) override
    {
        QMutexLocker lock(&m_mutex);
        m_received.append(QStringLiteral("* ") + QString::fromUtf8(text));
    }
    int subscriberCount() const override { return 0; }
    QStringList received()
    {
        QMutexLocker lock(&m_mutex);
        return m_received;
    }
    void clear()
    {
        QMutexLocker lock(&m_mutex);
        m_received.clear();
    }

private:
    QMutex m_mutex;
    QStringList m_received;
};

struct Feed {
    QList<QJsonObject> changes;
    QString next;
    int pages = 0;
    int status = 200;
};
} // namespace

class TestService : public QObject
{
    Q_OBJECT
public:
    explicit TestService(Harness::Backend backend) : m_backend(backend) {}

private:
    Harness::Backend m_backend;
    std::unique_ptr<Harness> h;
    QString alice, bob, carol;

    Feed readFeed(const QString &token, const QString &since, int limit = 1000)
    {
        Feed f;
        QString cursor = since;
        for (;;) {
            const auto r = h->call("GET", kChanges + QStringLiteral("?since=%1&limit=%2").arg(cursor).arg(limit), {}, token);
            f.status = r.status;
            if (r.status != 200)
                return f;
            const QJsonObject o = Harness::json(r);
            const QJsonArray page = o.value(QStringLiteral("changes")).toArray();
            if (page.size() > limit)
                qWarning() << "page larger than limit";
            for (const QJsonValue &v : page)
                f.changes.append(v.toObject());
            ++f.pages;
            cursor = o.value(QStringLiteral("next")).toString();
            if (!o.value(QStringLiteral("more")).toBool())
                break;
            if (f.pages > 10000)
                break;
        }
        f.next = cursor;
        return f;
    }

    QJsonObject caseOf(const QString &id)
    {
        return Harness::json(h->call("GET", QStringLiteral("/api/v1/cases/") + id, {}, carol));
    }

    QJsonObject post(const QString &token, const QJsonArray &actions, int *status = nullptr)
    {
        const auto r = h->callJson("POST", kActions, batch(actions), token);
        if (status)
            *status = r.status;
        return Harness::json(r);
    }

    QJsonObject firstResult(const QJsonObject &response)
    {
        return response.value(QStringLiteral("results")).toArray().at(0).toObject();
    }

    /// A case of the given user in the given status from the demo data.
    QString someCase(const QString &assignee, const QString &caseType)
    {
        const Feed f = readFeed(carol, QStringLiteral("0"), 5000);
        for (const QJsonObject &c : f.changes) {
            const QJsonObject d = c.value(QStringLiteral("data")).toObject();
            if (c.value(QStringLiteral("kind")).toString() == QLatin1String("case")
                && d.value(QStringLiteral("assignee")).toString() == assignee
                && d.value(QStringLiteral("caseType")).toString() == caseType
                && !d.value(QStringLiteral("status")).toString().startsWith(QLatin1String("Resolved-")))
                return c.value(QStringLiteral("id")).toString();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        h = std::make_unique<Harness>(m_backend);
        QString why;
        if (!h->prepare(&why))
            QSKIP(qPrintable(why));
        auto s = h->open(h->options());
        QVERIFY2(s.ok(), qPrintable(s.error().toString()));
        h->setService(std::move(s).value());
        QVERIFY(h->service()->seedDemo(40).ok());
        alice = h->signIn(QStringLiteral("alice"));
        bob = h->signIn(QStringLiteral("bob"));
        carol = h->signIn(QStringLiteral("carol"));
        QVERIFY(!alice.isEmpty() && !bob.isEmpty() && !carol.isEmpty());
    }

    void cleanupTestCase() { h.reset(); }

    void migrationsAndReopen()
    {
        // A second instance on the same database: migrations are a no-op, data is there.
        auto again = h->open(h->options());
        QVERIFY2(again.ok(), qPrintable(again.error().toString()));
        auto users = again.value()->listUsers();
        QVERIFY(users.ok());
        QCOMPARE(users.value().size(), 3);
        again.value().reset();
        QVERIFY(!Service::open(ServiceOptions{QStringLiteral("mysql://x"), {}}).ok());
        QVERIFY(!Service::open(ServiceOptions{QStringLiteral("postgresql://nobody@127.0.0.1:1/none"), {}}).ok());
    }

    void refusesNewerDatabase()
    {
        if (m_backend != Harness::Backend::SQLite)
            QSKIP("checked on SQLite");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.sqlite"));
        {
            ServiceOptions o;
            o.dbUrl = QStringLiteral("sqlite:") + path;
            auto s = Service::open(o);
            QVERIFY(s.ok());
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bump"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bump"));
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
        QVERIFY(h->service()->seedDemo(40).ok()); // no-op the second time
        QCOMPARE(readFeed(carol, QStringLiteral("0"), 5000).changes.size(), f.changes.size());
    }

    void healthAndRoutes()
    {
        auto r = h->call("GET", QStringLiteral("/api/v1/health"));
        QCOMPARE(r.status, 200);
        QCOMPARE(Harness::json(r).value(QStringLiteral("protocol")).toInt(), 1);
        QCOMPARE(h->call("GET", QStringLiteral("/api/v1/nope"), {}, alice).status, 404);
        QCOMPARE(h->call("DELETE", kChanges, {}, alice).status, 405);
        QCOMPARE(h->call("GET", QStringLiteral("/api/v1/../etc/passwd"), {}, alice).status, 404);
        QCOMPARE(h->call("GET", kChanges).status, 401);
        QCOMPARE(Harness::json(h->call("GET", kChanges)).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("unauthenticated"));
    }

    void signInAndSessions()
    {
        auto r = h->callJson("POST", QStringLiteral("/api/v1/session"),
                             {{QStringLiteral("username"), QStringLiteral("alice")}, {QStringLiteral("password"), QStringLiteral("wrong")},
                              {QStringLiteral("deviceId"), QStringLiteral("d")}},
                             {});
        QCOMPARE(r.status, 401);
        QCOMPARE(Harness::json(r).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("bad_credentials"));
        r = h->callJson("POST", QStringLiteral("/api/v1/session"),
                        {{QStringLiteral("username"), QStringLiteral("mallory")}, {QStringLiteral("password"), QStringLiteral("x")}}, {});
        QCOMPARE(r.status, 401);
        QCOMPARE(h->call("POST", QStringLiteral("/api/v1/session"), "{not json").status, 400);
        QCOMPARE(h->callJson("POST", QStringLiteral("/api/v1/session"), {{QStringLiteral("username"), 5}}, {}).status, 400);

        r = h->callJson("POST", QStringLiteral("/api/v1/session"),
                        {{QStringLiteral("username"), QStringLiteral("bob")}, {QStringLiteral("password"), QStringLiteral("bob")},
                         {QStringLiteral("deviceId"), QStringLiteral("d")}},
                        {});
        QCOMPARE(r.status, 200);
        const QJsonObject o = Harness::json(r);
        const QString token = o.value(QStringLiteral("token")).toString();
        QVERIFY(token.size() >= 43);
        QCOMPARE(o.value(QStringLiteral("user")).toObject().value(QStringLiteral("queues")).toArray().at(0).toString(),
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
            const QString key = c.value(QStringLiteral("kind")).toString() + QLatin1Char('/') + c.value(QStringLiteral("id")).toString();
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
            const bool northPool = d.value(QStringLiteral("assignee")).isNull() && d.value(QStringLiteral("queue")).toString() == QLatin1String("north");
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
        const QJsonObject res = firstResult(post(alice, {action(QStringLiteral("update"), id,
                                                               {{QStringLiteral("baseEtag"), etag},
                                                                {QStringLiteral("fields"), QJsonObject{{QStringLiteral("readingKw"), 42}}}})}));
        QCOMPARE(res.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        QVERIFY(res.value(QStringLiteral("etag")).toString() != etag);
        const Feed delta = readFeed(alice, base.next);
        QCOMPARE(delta.changes.size(), 1);
        QCOMPARE(delta.changes.at(0).value(QStringLiteral("id")).toString(), id);
        QCOMPARE(delta.changes.at(0).value(QStringLiteral("data")).toObject().value(QStringLiteral("fields")).toObject()
                     .value(QStringLiteral("readingKw")).toInt(), 42);
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
                             {{QStringLiteral("assignee"), QStringLiteral("bob")}, {QStringLiteral("queue"), QStringLiteral("south")}}, carol);
        QCOMPARE(r.status, 200);
        QCOMPARE(h->call("GET", QStringLiteral("/api/v1/cases/") + id, {}, alice).status, 403);
        const Feed aliceDelta = readFeed(alice, aliceBase.next);
        QSet<QString> removed;
        for (const QJsonObject &c : aliceDelta.changes) {
            QCOMPARE(c.value(QStringLiteral("op")).toString(), QStringLiteral("remove"));
            QVERIFY(!c.contains(QStringLiteral("data")));
            removed.insert(c.value(QStringLiteral("kind")).toString() + QLatin1Char('/') + c.value(QStringLiteral("id")).toString());
        }
        QCOMPARE(removed, (QSet<QString>{QStringLiteral("case/") + id, QStringLiteral("assignment/A-") + id}));
        const Feed bobDelta = readFeed(bob, bobBase.next);
        QCOMPARE(bobDelta.changes.size(), 2);
        for (const QJsonObject &c : bobDelta.changes)
            QCOMPARE(c.value(QStringLiteral("op")).toString(), QStringLiteral("upsert"));
        // A later full sync of alice sends no removes.
        const Feed full = readFeed(alice, QStringLiteral("0"));
        for (const QJsonObject &c : full.changes)
            QCOMPARE(c.value(QStringLiteral("op")).toString(), QStringLiteral("upsert"));
    }

    void forcedFullSyncAndIncompatibleRules()
    {
        const Feed a = readFeed(alice, QStringLiteral("0"));
        const Feed b = readFeed(bob, QStringLiteral("0"));
        QCOMPARE(h->callJson("POST", QStringLiteral("/api/v1/admin/full-sync"), {{QStringLiteral("user"), QStringLiteral("alice")}}, alice).status, 403);
        QCOMPARE(h->callJson("POST", QStringLiteral("/api/v1/admin/full-sync"), {{QStringLiteral("user"), QStringLiteral("alice")}}, carol).status, 200);
        QCOMPARE(readFeed(alice, a.next).status, 410);
        QCOMPARE(readFeed(bob, b.next).status, 200);
        // The full sync that follows works page by page and its token is good again.
        const Feed again = readFeed(alice, QStringLiteral("0"), 50);
        QCOMPARE(again.status, 200);
        QCOMPARE(readFeed(alice, again.next).status, 200);

        // A compatible case type version keeps tokens; an incompatible one voids them.
        QJsonObject type = Harness::json(h->call("GET", kChanges + QStringLiteral("?limit=3"), {}, carol))
                               .value(QStringLiteral("changes")).toArray().at(0).toObject().value(QStringLiteral("data")).toObject();
        QCOMPARE(type.value(QStringLiteral("name")).toString(), QStringLiteral("inspection"));
        const Feed before = readFeed(bob, QStringLiteral("0"));
        type.insert(QStringLiteral("version"), 2);
        QCOMPARE(h->callJson("PUT", QStringLiteral("/api/v1/admin/case-types/inspection"), type, carol).status, 200);
        const Feed compatible = readFeed(bob, before.next);
        QCOMPARE(compatible.status, 200);
        QCOMPARE(compatible.changes.size(), 1);
        QCOMPARE(h->callJson("PUT", QStringLiteral("/api/v1/admin/case-types/inspection"), type, carol).status, 409); // same version
        QCOMPARE(h->callJson("PUT", QStringLiteral("/api/v1/admin/case-types/repair"), type, carol).status, 400); // name mismatch
        QJsonArray fields = type.value(QStringLiteral("fields")).toArray();
        fields.removeLast(); // drops "summary": incompatible
        type.insert(QStringLiteral("fields"), fields);
        type.insert(QStringLiteral("version"), 3);
        auto r = h->callJson("PUT", QStringLiteral("/api/v1/admin/case-types/inspection"), type, carol);
        QCOMPARE(r.status, 200);
        QCOMPARE(Harness::json(r).value(QStringLiteral("compatible")).toBool(), false);
        QCOMPARE(readFeed(bob, compatible.next).status, 410);
    }

    void createWithTempIdThenUpdateLater()
    {
        const QString tmp = QStringLiteral("tmp-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QJsonObject create = action(QStringLiteral("create"), tmp,
                                    {{QStringLiteral("caseType"), QStringLiteral("repair")},
                                     {QStringLiteral("fields"), QJsonObject{{QStringLiteral("site"), QStringLiteral("S-007")},
                                                                            {QStringLiteral("reportedAt"), QStringLiteral("2026-11-23T08:00:00Z")}}}});
        QJsonObject res = firstResult(post(alice, {create}));
        QCOMPARE(res.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        const QString id = res.value(QStringLiteral("caseId")).toString();
        QVERIFY(id.startsWith(QLatin1String("C-")));
        QCOMPARE(res.value(QStringLiteral("mappedIds")).toObject().value(tmp).toString(), id);
        QCOMPARE(res.value(QStringLiteral("etag")).toString(), QStringLiteral("\"1\""));
        // A later request still uses the temp id.
        res = firstResult(post(alice, {action(QStringLiteral("update"), tmp,
                                              {{QStringLiteral("baseEtag"), QStringLiteral("\"1\"")},
                                               {QStringLiteral("fields"), QJsonObject{{QStringLiteral("urgent"), true}}}})}));
        QCOMPARE(res.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        QCOMPARE(res.value(QStringLiteral("caseId")).toString(), id);
        QCOMPARE(caseOf(id).value(QStringLiteral("fields")).toObject().value(QStringLiteral("urgent")).toBool(), true);
        // bob cannot use alice's temp ids.
        res = firstResult(post(bob, {action(QStringLiteral("note"), tmp, {{QStringLiteral("text"), QStringLiteral("hi")}})}));
        QCOMPARE(res.value(QStringLiteral("status")).toString(), QStringLiteral("gone"));
    }

    void exactlyOnceOnRetry()
    {
        const QString id = someCase(QStringLiteral("alice"), QStringLiteral("installation"));
        const QString etag = caseOf(id).value(QStringLiteral("etag")).toString();
        const QJsonArray actions{action(QStringLiteral("update"), id,
                                        {{QStringLiteral("baseEtag"), etag},
                                         {QStringLiteral("fields"), QJsonObject{{QStringLiteral("capacityKw"), 77}}}}),
                                 action(QStringLiteral("note"), id, {{QStringLiteral("text"), QStringLiteral("Gate code 4711")}})};
        const QJsonObject first = post(alice, actions);
        const QJsonObject second = post(alice, actions);
        QCOMPARE(second, first);
        QCOMPARE(firstResult(first).value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        const QJsonArray entries = Harness::json(h->call("GET", QStringLiteral("/api/v1/cases/%1/history").arg(id), {}, alice))
                                       .value(QStringLiteral("entries")).toArray();
        int updates = 0, notes = 0;
        for (const QJsonValue &e : entries) {
            const QJsonObject o = e.toObject();
            if (o.value(QStringLiteral("action")).toString() == QLatin1String("update")) {
                ++updates;
                QCOMPARE(o.value(QStringLiteral("changes")).toObject().value(QStringLiteral("capacityKw")).toArray().at(1).toInt(), 77);
                QCOMPARE(o.value(QStringLiteral("by")).toString(), QStringLiteral("alice"));
                QCOMPARE(o.value(QStringLiteral("deviceId")).toString(), QStringLiteral("laptop-1"));
                QCOMPARE(o.value(QStringLiteral("clientTime")).toString(), QStringLiteral("2026-11-23T10:00:00Z"));
            }
            if (o.value(QStringLiteral("action")).toString() == QLatin1String("note")) {
                ++notes;
                QCOMPARE(o.value(QStringLiteral("text")).toString(), QStringLiteral("Gate code 4711"));
            }
        }
        QCOMPARE(updates, 1);
        QCOMPARE(notes, 1);
        QCOMPARE(caseOf(id).value(QStringLiteral("etag")).toString(), firstResult(first).value(QStringLiteral("etag")).toString());

        // Same id, other payload: id_reused, nothing changed.
        QJsonObject reused = actions.at(0).toObject();
        reused.insert(QStringLiteral("fields"), QJsonObject{{QStringLiteral("capacityKw"), 1}});
        const QJsonObject res = firstResult(post(alice, {reused}));
        QCOMPARE(res.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QCOMPARE(res.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("id_reused"));
        QCOMPARE(caseOf(id).value(QStringLiteral("fields")).toObject().value(QStringLiteral("capacityKw")).toInt(), 77);
    }

    void conflictOnStaleEtag()
    {
        const QString id = someCase(QStringLiteral("bob"), QStringLiteral("inspection"));
        const QJsonObject before = caseOf(id);
        const QJsonObject res = firstResult(post(bob, {action(QStringLiteral("update"), id,
                                                             {{QStringLiteral("baseEtag"), QStringLiteral("\"0\"")},
                                                              {QStringLiteral("fields"), QJsonObject{{QStringLiteral("priority"), QStringLiteral("low")}}}})}));
        QCOMPARE(res.value(QStringLiteral("status")).toString(), QStringLiteral("conflict"));
        QCOMPARE(res.value(QStringLiteral("case")).toObject().value(QStringLiteral("etag")), before.value(QStringLiteral("etag")));
        QCOMPARE(caseOf(id), before);
    }

    void rejectedWithFieldMessages()
    {
        const QString id = someCase(QStringLiteral("bob"), QStringLiteral("inspection"));
        const QJsonObject before = caseOf(id);
        QJsonObject res = firstResult(post(bob, {action(QStringLiteral("update"), id,
                                                       {{QStringLiteral("baseEtag"), before.value(QStringLiteral("etag"))},
                                                        {QStringLiteral("fields"), QJsonObject{{QStringLiteral("readingKw"), -5},
                                                                                               {QStringLiteral("priority"), QStringLiteral("urgent")},
                                                                                               {QStringLiteral("permitNo"), QStringLiteral("nope")},
                                                                                               {QStringLiteral("site"), QStringLiteral("S-999")}}}})}));
        QCOMPARE(res.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        const QJsonObject err = res.value(QStringLiteral("error")).toObject();
        QCOMPARE(err.value(QStringLiteral("code")).toString(), QStringLiteral("validation_failed"));
        const QJsonObject fields = err.value(QStringLiteral("fields")).toObject();
        QVERIFY(fields.contains(QStringLiteral("readingKw")));
        QVERIFY(fields.contains(QStringLiteral("priority")));
        QVERIFY(fields.contains(QStringLiteral("permitNo")));
        QVERIFY(fields.contains(QStringLiteral("site")));
        QCOMPARE(caseOf(id), before);
        // A transition whose preconditions fail: per-field messages too.
        res = firstResult(post(bob, {action(QStringLiteral("transition"), id,
                                            {{QStringLiteral("baseEtag"), before.value(QStringLiteral("etag"))},
                                             {QStringLiteral("flowAction"), QStringLiteral("complete")}})}));
        QCOMPARE(res.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QVERIFY(!res.value(QStringLiteral("error")).toObject().value(QStringLiteral("fields")).toObject().isEmpty());
    }

    void goneIntoSyncIssuesAndReapply()
    {
        const QString id = someCase(QStringLiteral("bob"), QStringLiteral("repair"));
        const QString etag = caseOf(id).value(QStringLiteral("etag")).toString();
        QJsonObject res = firstResult(post(bob, {action(QStringLiteral("transition"), id,
                                                       {{QStringLiteral("baseEtag"), etag}, {QStringLiteral("flowAction"), QStringLiteral("withdraw")}})}));
        QCOMPARE(res.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        const QString etag2 = res.value(QStringLiteral("etag")).toString();
        const QJsonObject late = action(QStringLiteral("update"), id,
                                        {{QStringLiteral("baseEtag"), etag2},
                                         {QStringLiteral("fields"), QJsonObject{{QStringLiteral("notes"), QStringLiteral("late edit")}}}});
        res = firstResult(post(bob, {late}));
        QCOMPARE(res.value(QStringLiteral("status")).toString(), QStringLiteral("gone"));
        // Still readable by its assignee while resolved; history shows the transition.
        QCOMPARE(h->call("GET", QStringLiteral("/api/v1/cases/") + id, {}, bob).status, 200);
        QCOMPARE(h->call("GET", QStringLiteral("/api/v1/admin/sync-issues"), {}, bob).status, 403);
        const QJsonArray issues = Harness::json(h->call("GET", QStringLiteral("/api/v1/admin/sync-issues?state=open"), {}, carol))
                                      .value(QStringLiteral("issues")).toArray();
        QString issueId;
        for (const QJsonValue &v : issues)
            if (v.toObject().value(QStringLiteral("action")).toObject().value(QStringLiteral("id")) == late.value(QStringLiteral("id")))
                issueId = v.toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!issueId.isEmpty());
        auto r = h->call("POST", QStringLiteral("/api/v1/admin/sync-issues/%1/reapply").arg(issueId), {}, carol);
        QCOMPARE(r.status, 200);
        QCOMPARE(Harness::json(r).value(QStringLiteral("result")).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        QCOMPARE(caseOf(id).value(QStringLiteral("fields")).toObject().value(QStringLiteral("notes")).toString(), QStringLiteral("late edit"));
        QCOMPARE(h->call("POST", QStringLiteral("/api/v1/admin/sync-issues/%1/reapply").arg(issueId), {}, carol).status, 409);
        // Out of scope is gone too: alice on bob's case.
        const QString bobs = someCase(QStringLiteral("bob"), QStringLiteral("installation"));
        res = firstResult(post(alice, {action(QStringLiteral("note"), bobs, {{QStringLiteral("text"), QStringLiteral("x")}})}));
        QCOMPARE(res.value(QStringLiteral("status")).toString(), QStringLiteral("gone"));
        QCOMPARE(h->call("GET", QStringLiteral("/api/v1/cases/") + bobs, {}, alice).status, 403);
        QCOMPARE(h->call("GET", QStringLiteral("/api/v1/cases/C-1"), {}, alice).status, 404);
    }

    void skippedAfterNonAppliedOnSameCase()
    {
        const QString id = someCase(QStringLiteral("alice"), QStringLiteral("repair"));
        const QString etag = caseOf(id).value(QStringLiteral("etag")).toString();
        const QJsonObject note = action(QStringLiteral("note"), id, {{QStringLiteral("text"), QStringLiteral("after the conflict")}});
        const QJsonArray results = post(alice, {action(QStringLiteral("update"), id,
                                                       {{QStringLiteral("baseEtag"), QStringLiteral("\"999\"")},
                                                        {QStringLiteral("fields"), QJsonObject{{QStringLiteral("urgent"), true}}}}),
                                                note})
                                       .value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("conflict"));
        QCOMPARE(results.at(1).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("skipped"));
        // Skipped results are not stored: the note goes through when sent again.
        QCOMPARE(firstResult(post(alice, {note})).value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        QCOMPARE(caseOf(id).value(QStringLiteral("etag")).toString(), etag);
    }

    void badActionRequestsChangeNothing()
    {
        const QString id = someCase(QStringLiteral("alice"), QStringLiteral("inspection"));
        const QJsonObject before = caseOf(id);
        const QJsonObject good = action(QStringLiteral("update"), id,
                                        {{QStringLiteral("baseEtag"), before.value(QStringLiteral("etag"))},
                                         {QStringLiteral("fields"), QJsonObject{{QStringLiteral("passed"), true}}}});
        int status = 0;
        QJsonObject r = post(alice, {good, action(QStringLiteral("explode"), id)}, &status);
        QCOMPARE(status, 400);
        QVERIFY(r.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QLatin1String("actions[1]")));
        r = post(alice, {good, QJsonObject{{QStringLiteral("id"), 5}}}, &status);
        QCOMPARE(status, 400);
        QCOMPARE(caseOf(id), before);
        QCOMPARE(h->call("POST", kActions, "{\"actions\": [", alice).status, 400);
        QCOMPARE(h->call("POST", kActions, "[]", alice).status, 400);
        QJsonArray many;
        for (int i = 0; i < 501; ++i)
            many.append(action(QStringLiteral("note"), id, {{QStringLiteral("text"), QStringLiteral("n")}}));
        post(alice, many, &status);
        QCOMPARE(status, 413);
        QCOMPARE(caseOf(id), before);
        QCOMPARE(h->call("POST", kActions, QByteArray(2 << 20, ' '), alice).status, 413);
    }

    void concurrentWriters()
    {
        // Several worker threads at once, as the transport runs them: every create applies once,
        // and two edits racing on one case from the same etag give one applied and one conflict.
        const QString id = someCase(QStringLiteral("alice"), QStringLiteral("inspection"));
        const QString etag = caseOf(id).value(QStringLiteral("etag")).toString();
        QList<QThread *> threads;
        QList<QJsonObject> raceResults(2);
        QList<QStringList> created(4);
        for (int t = 0; t < 2; ++t)
            threads.append(QThread::create([&, t] {
                raceResults[t] = firstResult(post(alice, {action(QStringLiteral("update"), id,
                                                                 {{QStringLiteral("baseEtag"), etag},
                                                                  {QStringLiteral("fields"), QJsonObject{{t ? QStringLiteral("passed") : QStringLiteral("readingKw"),
                                                                                                         t ? QJsonValue(true) : QJsonValue(7)}}}})}));
            }));
        for (int t = 0; t < 4; ++t)
            threads.append(QThread::create([&, t] {
                for (int i = 0; i < 5; ++i) {
                    const QString tmp = QStringLiteral("tmp-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
                    const QJsonObject r = firstResult(post(bob, {action(QStringLiteral("create"), tmp,
                                                                        {{QStringLiteral("caseType"), QStringLiteral("installation")},
                                                                         {QStringLiteral("fields"), QJsonObject{{QStringLiteral("site"), QStringLiteral("S-001")},
                                                                                                                {QStringLiteral("kind"), QStringLiteral("solar")}}}})}));
                    created[t].append(r.value(QStringLiteral("status")).toString() + QLatin1Char(' ') + r.value(QStringLiteral("caseId")).toString());
                }
            }));
        for (QThread *t : threads)
            t->start();
        for (QThread *t : threads) {
            QVERIFY(t->wait(60000));
            delete t;
        }
        QStringList statuses{raceResults[0].value(QStringLiteral("status")).toString(), raceResults[1].value(QStringLiteral("status")).toString()};
        statuses.sort();
        QCOMPARE(statuses, (QStringList{QStringLiteral("applied"), QStringLiteral("conflict")}));
        QSet<QString> ids;
        for (const QStringList &l : created)
            for (const QString &r : l) {
                QVERIFY2(r.startsWith(QLatin1String("applied C-")), qPrintable(r));
                ids.insert(r);
            }
        QCOMPARE(ids.size(), 20);
    }

    void pushHints()
    {
        RecordingHub local, remote;
        h->service()->setNotifyHub(&local);
        // A second instance on the same database hears about the first one's writes (PostgreSQL).
        auto other = h->open(h->options());
        QVERIFY(other.ok());
        other.value()->setNotifyHub(&remote);
        const QString id = someCase(QStringLiteral("alice"), QStringLiteral("installation"));
        QCOMPARE(firstResult(post(alice, {action(QStringLiteral("note"), id, {{QStringLiteral("text"), QStringLiteral("push")}})}))
                     .value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        QVERIFY(local.received().isEmpty()); // a note changes nothing in the feed
        const QString etag = caseOf(id).value(QStringLiteral("etag")).toString();
        QCOMPARE(firstResult(post(alice, {action(QStringLiteral("update"), id,
                                                 {{QStringLiteral("baseEtag"), etag},
                                                  {QStringLiteral("fields"), QJsonObject{{QStringLiteral("commissioned"), true}}}})}))
                     .value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        const QStringList got = local.received();
        QVERIFY(got.contains(QStringLiteral("alice {\"type\":\"changes\"}")));
        QVERIFY(got.contains(QStringLiteral("carol {\"type\":\"changes\"}")));
        QVERIFY(!got.contains(QStringLiteral("bob {\"type\":\"changes\"}")));
        QVERIFY(h->callJson("POST", QStringLiteral("/api/v1/admin/full-sync"), {}, carol).status == 200);
        QVERIFY(local.received().contains(QStringLiteral("* {\"type\":\"fullSyncRequired\"}")));
        if (m_backend == Harness::Backend::PostgreSQL) {
            QTRY_VERIFY_WITH_TIMEOUT(remote.received().contains(QStringLiteral("alice {\"type\":\"changes\"}")), 10000);
            QTRY_VERIFY_WITH_TIMEOUT(remote.received().contains(QStringLiteral("* {\"type\":\"fullSyncRequired\"}")), 10000);
        } else {
            QVERIFY(remote.received().isEmpty());
        }
        other.value().reset();
        h->service()->setNotifyHub(nullptr);
        // The forced full sync voided the tokens; fresh ones for the tests that follow.
    }

    void attachments()
    {
        const QString id = someCase(QStringLiteral("alice"), QStringLiteral("inspection"));
        const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QByteArray bytes("\x89PNG fake image bytes", 21);
        const QString path = QStringLiteral("/api/v1/attachments/%1?caseId=%2&name=photo.png").arg(uuid, id);
        const QString etag = caseOf(id).value(QStringLiteral("etag")).toString();
        auto r = h->call("PUT", path, bytes, alice, "image/png");
        QCOMPARE(r.status, 201);
        QCOMPARE(Harness::json(r).value(QStringLiteral("sha256")).toString(),
                 QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(h->call("PUT", path, bytes, alice, "image/png").status, 200);
        QCOMPARE(h->call("PUT", path, bytes + "x", alice, "image/png").status, 409);
        QCOMPARE(h->call("PUT", QStringLiteral("/api/v1/attachments/..%2Fetc?caseId=") + id, bytes, alice).status, 400);
        QCOMPARE(h->call("PUT", QStringLiteral("/api/v1/attachments/../etc?caseId=") + id, bytes, alice).status, 404);
        QCOMPARE(h->call("PUT", QStringLiteral("/api/v1/attachments/%1?caseId=C-1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces)), bytes, alice).status, 404);
        QCOMPARE(h->call("PUT", QStringLiteral("/api/v1/attachments/not-a-uuid?caseId=") + id, bytes, alice).status, 400);
        QCOMPARE(h->call("PUT", QStringLiteral("/api/v1/attachments/%1?caseId=%2").arg(QUuid::createUuid().toString(QUuid::WithoutBraces), id), bytes, bob).status, 403);
        const QJsonObject c = caseOf(id);
        QVERIFY(c.value(QStringLiteral("etag")).toString() != etag);
        QCOMPARE(c.value(QStringLiteral("attachments")).toArray().at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("photo.png"));
        r = h->call("GET", QStringLiteral("/api/v1/attachments/") + uuid, {}, alice);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, bytes);
        QCOMPARE(r.contentType, QByteArray("image/png"));
        QCOMPARE(h->call("GET", QStringLiteral("/api/v1/attachments/") + uuid, {}, bob).status, 403);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int status = 0;
    {
        TestService sqlite(Harness::Backend::SQLite);
        status |= QTest::qExec(&sqlite, argc, argv);
    }
    {
        TestService pg(Harness::Backend::PostgreSQL);
        status |= QTest::qExec(&pg, argc, argv);
    }
    return status;
}

#include "tst_service.moc"
