// SPDX-License-Identifier: MIT
// The HTTP API of a real outpostd process, on SQLite and on PostgreSQL: authorization matrix,
// changes feed, actions, races, attachments, push, bad input. One server per test function and row.
#include "itfixture.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QWebSocket>

using namespace outpost::testing;

namespace {

const int kDemoCases = 40; // demo case i: i%4 == 0 alice, 1 bob, 2 north pool, 3 south pool

QString s(const char *latin1)
{
    return QString::fromLatin1(latin1);
}

/// The demo cases by owner, from an administrator's full feed.
struct DemoCases {
    QString alice, bob, northPool, southPool; // open cases
    QHash<QString, QJsonObject> all;
};

DemoCases demoCases(HttpClient &admin)
{
    DemoCases d;
    QString next;
    for (const QJsonValue &v : readFeed(admin, &next)) {
        const QJsonObject c = v.toObject();
        if (c.value(s("kind")).toString() != s("case"))
            continue;
        const QJsonObject data = c.value(s("data")).toObject();
        d.all.insert(c.value(s("id")).toString(), data);
        if (data.value(s("status")).toString().startsWith(s("Resolved-")))
            continue;
        const QString id = c.value(s("id")).toString();
        const QString assignee = data.value(s("assignee")).toString();
        const QString queue = data.value(s("queue")).toString();
        QString *slot = assignee == s("alice")          ? &d.alice
            : assignee == s("bob")                      ? &d.bob
            : assignee.isEmpty() && queue == s("north") ? &d.northPool
            : assignee.isEmpty() && queue == s("south") ? &d.southPool
                                                        : nullptr;
        if (slot && slot->isEmpty())
            *slot = id;
    }
    return d;
}

QJsonObject firstResult(const HttpReply &r)
{
    return r.json().value(s("results")).toArray().first().toObject();
}

QString statusOf(const QJsonObject &result)
{
    return result.value(s("status")).toString();
}

/// A free-form field of the case's type that any value of its kind passes: for races and deltas.
QString freeField(const QJsonObject &caseData)
{
    const QString type = caseData.value(s("caseType")).toString();
    return type == s("inspection") ? s("summary") : type == s("repair") ? s("notes") : s("capacityKw");
}

QJsonValue freeValue(const QString &field, int n)
{
    return field == s("capacityKw") ? QJsonValue(n) : QJsonValue(s("value %1").arg(n));
}

/// A valid update of `caseData` (the server's current case) setting its free field.
QJsonObject validUpdate(const QString &id, const QJsonObject &caseData, int n)
{
    const QString field = freeField(caseData);
    return action(s("update"), id,
        { { s("baseEtag"), caseData.value(s("etag")) },
            { s("fields"), QJsonObject { { field, freeValue(field, n) } } } });
}

} // namespace

class TstServerApi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void authorizationMatrix_data() { TestDatabase::addColumns(); }
    void authorizationMatrix();
    void feedPagingDeltaAndFullSyncRequired_data() { TestDatabase::addColumns(); }
    void feedPagingDeltaAndFullSyncRequired();
    void actions_data() { TestDatabase::addColumns(); }
    void actions();
    void racingClients_data() { TestDatabase::addColumns(); }
    void racingClients();
    void attachmentsAndPush_data() { TestDatabase::addColumns(); }
    void attachmentsAndPush();
    void badInputChangesNothing_data() { TestDatabase::addColumns(); }
    void badInputChangesNothing();
};

void TstServerApi::authorizationMatrix()
{
    QFETCH(TestDatabase::Kind, db);
    TestDatabase database(db);
    OutpostdProcess server;
    OUTPOST_START_SERVER(database, server, kDemoCases);
    OUTPOST_SIGNED_IN(alice, server, "alice");
    OUTPOST_SIGNED_IN(carol, server, "carol");
    HttpClient none(server.baseUrl());
    HttpClient forged(server.baseUrl());
    forged.setToken(s("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    const DemoCases d = demoCases(carol);
    QVERIFY(!d.alice.isEmpty() && !d.bob.isEmpty() && !d.northPool.isEmpty() && !d.southPool.isEmpty());

    // Attachments: one on alice's case and one on bob's (uploaded by the administrator).
    const QString attAlice = newUuid(), attBob = newUuid();
    QCOMPARE(carol
                 .send("PUT", s("/api/v1/attachments/%1?caseId=%2&name=a.txt").arg(attAlice, d.alice),
                     "alice's", "text/plain")
                 .status,
        201);
    QCOMPARE(carol
                 .send("PUT", s("/api/v1/attachments/%1?caseId=%2&name=b.txt").arg(attBob, d.bob), "bob's",
                     "text/plain")
                 .status,
        201);

    // The inspection case type as published, one version up (for the case-type row).
    QByteArray caseTypeV2;
    {
        QString next;
        for (const QJsonValue &v : readFeed(carol, &next)) {
            QJsonObject c = v.toObject();
            if (c.value(s("kind")).toString() == s("caseType")
                && c.value(s("id")).toString() == s("inspection")) {
                QJsonObject t = c.value(s("data")).toObject();
                t.insert(s("version"), t.value(s("version")).toInt() + 1);
                caseTypeV2 = HttpClient::compact(t);
            }
        }
    }
    QVERIFY(!caseTypeV2.isEmpty());

    struct Row {
        QByteArray method;
        QString path;
        QByteArray body;
        int aliceStatus, carolStatus;
    };
    const QByteArray noteBody = "{}"; // filled per row below for actions
    const QList<Row> rows {
        { "GET", s("/api/v1/cases/") + d.alice, {}, 200, 200 },
        { "GET", s("/api/v1/cases/") + d.bob, {}, 404, 200 },
        { "GET", s("/api/v1/cases/") + d.northPool, {}, 200, 200 },
        { "GET", s("/api/v1/cases/") + d.southPool, {}, 404, 200 },
        { "GET", s("/api/v1/cases/%1/history").arg(d.alice), {}, 200, 200 },
        { "GET", s("/api/v1/cases/%1/history").arg(d.bob), {}, 404, 200 },
        { "GET", s("/api/v1/attachments/") + attAlice, {}, 200, 200 },
        { "GET", s("/api/v1/attachments/") + attBob, {}, 404, 200 },
        { "PUT", s("/api/v1/attachments/%1?caseId=%2&name=x.txt").arg(newUuid(), d.bob), "x", 404, 201 },
        { "GET", s("/api/v1/sync/changes?limit=10"), {}, 200, 200 },
        { "GET", s("/api/v1/admin/sync-issues"), {}, 403, 200 },
        { "POST", s("/api/v1/admin/full-sync"), "{\"user\": \"bob\"}", 403, 200 },
        { "POST", s("/api/v1/admin/sync-issues/999999/reapply"), {}, 403, 404 },
        { "PUT", s("/api/v1/admin/cases/%1/assignment").arg(d.southPool), "{\"assignee\": \"bob\"}", 403,
            200 },
        { "PUT", s("/api/v1/admin/case-types/inspection"), caseTypeV2, 403, 200 },
        { "DELETE", s("/api/v1/admin/cases/") + d.southPool, {}, 403, 200 },
    };
    for (const Row &row : rows) {
        const QString what = QString::fromLatin1(row.method) + QLatin1Char(' ') + row.path;
        const bool attachment = row.path.startsWith(s("/api/v1/attachments/"));
        const QByteArray type = attachment && row.method == "PUT" ? "text/plain" : "application/json";
        HttpReply r = alice.send(row.method, row.path, row.body, type);
        QVERIFY2(r.status == row.aliceStatus, qPrintable(what + s(" as alice: ") + r.describe()));
        if (r.status == 403)
            QCOMPARE(r.errorCode(), s("forbidden"));
        if (r.status == 404) // not yours reads as not there
            QCOMPARE(r.errorCode(), s("not_found"));
        // PUT rows need a fresh attachment id for the administrator.
        const QString carolPath = attachment && row.method == "PUT"
            ? s("/api/v1/attachments/%1?caseId=%2&name=x.txt").arg(newUuid(), d.bob)
            : row.path;
        r = carol.send(row.method, carolPath, row.body, type);
        QVERIFY2(r.status == row.carolStatus, qPrintable(what + s(" as carol: ") + r.describe()));
        r = none.send(row.method, row.path, row.body, type);
        QVERIFY2(r.status == 401 && r.errorCode() == s("unauthenticated"),
            qPrintable(what + s(" no token: ") + r.describe()));
        r = forged.send(row.method, row.path, row.body, type);
        QVERIFY2(r.status == 401 && r.errorCode() == s("unauthenticated"),
            qPrintable(what + s(" forged token: ") + r.describe()));
    }

    // Actions: in scope applied, out of scope gone (nothing changes on bob's case).
    const QJsonObject bobBefore = carol.get(s("/api/v1/cases/") + d.bob).json();
    HttpReply r = alice.post(
        s("/api/v1/sync/actions"), batch({ action(s("note"), d.alice, { { s("text"), s("mine") } }) }));
    QCOMPARE(r.status, 200);
    QCOMPARE(statusOf(firstResult(r)), s("applied"));
    r = alice.post(
        s("/api/v1/sync/actions"), batch({ action(s("note"), d.bob, { { s("text"), s("not mine") } }) }));
    QCOMPARE(r.status, 200);
    QCOMPARE(statusOf(firstResult(r)), s("gone"));
    QCOMPARE(carol.get(s("/api/v1/cases/") + d.bob).json(), bobBefore);
    QCOMPARE(none.post(s("/api/v1/sync/actions"), batch({})).status, 401);
    QCOMPARE(forged.post(s("/api/v1/sync/actions"), batch({})).status, 401);

    // The feed: alice sees her cases and the north pool, never bob's or the south pool.
    QString next;
    const QJsonArray feed = readFeed(alice, &next);
    QSet<QString> seen;
    for (const QJsonValue &v : feed)
        if (v.toObject().value(s("kind")).toString() == s("case"))
            seen.insert(v.toObject().value(s("id")).toString());
    QVERIFY(seen.contains(d.alice));
    QVERIFY(seen.contains(d.northPool));
    QVERIFY(!seen.contains(d.bob));
    QVERIFY(!seen.contains(d.southPool));
    for (const QString &id : seen) {
        const QJsonObject c = d.all.value(id);
        QVERIFY2(c.value(s("assignee")).toString() == s("alice")
                || (c.value(s("assignee")).toString().isEmpty()
                    && c.value(s("queue")).toString() == s("north")),
            qPrintable(id));
    }
    QCOMPARE(server.stop(), 0);
}

void TstServerApi::feedPagingDeltaAndFullSyncRequired()
{
    QFETCH(TestDatabase::Kind, db);
    TestDatabase database(db);
    OutpostdProcess server;
    OUTPOST_START_SERVER(database, server, kDemoCases);
    OUTPOST_SIGNED_IN(alice, server, "alice");
    OUTPOST_SIGNED_IN(carol, server, "carol");

    // Paged full feed: every entity exactly once, `more` true on all pages but the last.
    QString next;
    int pages = 0;
    const QJsonArray all = readFeed(carol, &next, {}, 97, &pages);
    QSet<QString> keys;
    QHash<QString, int> kinds;
    for (const QJsonValue &v : all) {
        const QJsonObject c = v.toObject();
        const QString key = c.value(s("kind")).toString() + QLatin1Char('/') + c.value(s("id")).toString();
        QVERIFY2(!keys.contains(key), qPrintable(s("twice: ") + key));
        keys.insert(key);
        kinds[c.value(s("kind")).toString()]++;
        QCOMPARE(c.value(s("op")).toString(), s("upsert"));
    }
    QCOMPARE(kinds.value(s("case")), kDemoCases);
    QCOMPARE(kinds.value(s("caseType")), 3);
    QCOMPARE(kinds.value(s("dataPage")), 1200);
    QCOMPARE(pages, (all.size() + 96) / 97);
    QVERIFY(!next.isEmpty());
    // The same with one big page.
    HttpReply r = carol.get(s("/api/v1/sync/changes?limit=5000"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(s("changes")).toArray().size(), all.size());
    QCOMPARE(r.json().value(s("more")).toBool(), false);

    // Delta: nothing new → empty; after a change → exactly that case, in its new state.
    QString after;
    QCOMPARE(readFeed(carol, &after, next).size(), 0);
    const DemoCases d = demoCases(carol);
    const QJsonObject c = d.all.value(d.alice);
    r = alice.post(s("/api/v1/sync/actions"), batch({ validUpdate(d.alice, c, 1) }));
    QCOMPARE(statusOf(firstResult(r)), s("applied"));
    const QJsonArray delta = readFeed(carol, &after, next);
    QCOMPARE(delta.size(), 1);
    QCOMPARE(delta.first().toObject().value(s("id")).toString(), d.alice);
    QVERIFY(delta.first().toObject().value(s("etag")).toString() != c.value(s("etag")).toString());

    // A case leaving alice's scope arrives as remove in her delta.
    QString aliceNext;
    readFeed(alice, &aliceNext);
    r = carol.send("PUT", s("/api/v1/admin/cases/%1/assignment").arg(d.alice), R"({"assignee": "bob"})");
    if (r.status == 200) {
        const QJsonArray aliceDelta = readFeed(alice, &aliceNext, aliceNext);
        bool removed = false;
        for (const QJsonValue &v : aliceDelta)
            removed = removed
                || (v.toObject().value(s("id")).toString() == d.alice
                    && v.toObject().value(s("op")).toString() == s("remove"));
        QVERIFY2(removed, "reassigned case did not arrive as remove");
    }

    // Garbage token → 410; after an administrator forced a full sync → 410 for the old token.
    r = alice.get(s("/api/v1/sync/changes?since=garbage-token"));
    QCOMPARE(r.status, 410);
    QCOMPARE(r.errorCode(), s("full_sync_required"));
    QCOMPARE(
        alice.get(s("/api/v1/sync/changes?since=") + QString::fromLatin1(QUrl::toPercentEncoding(aliceNext)))
            .status,
        200);
    QCOMPARE(carol.post(s("/api/v1/admin/full-sync"), {}).status, 200);
    r = alice.get(s("/api/v1/sync/changes?since=") + QString::fromLatin1(QUrl::toPercentEncoding(aliceNext)));
    QCOMPARE(r.status, 410);
    QCOMPARE(r.errorCode(), s("full_sync_required"));
    // A fresh full sync works again.
    QVERIFY(!readFeed(alice, &aliceNext).isEmpty());
    QCOMPARE(server.stop(), 0);
}

void TstServerApi::actions()
{
    QFETCH(TestDatabase::Kind, db);
    TestDatabase database(db);
    OutpostdProcess server;
    OUTPOST_START_SERVER(database, server, kDemoCases);
    OUTPOST_SIGNED_IN(alice, server, "alice");
    OUTPOST_SIGNED_IN(bob, server, "bob");
    OUTPOST_SIGNED_IN(carol, server, "carol");
    const QString path = s("/api/v1/sync/actions");

    // Create with a temp id, then update through the temp id in a second request.
    const QString tmp = s("tmp-") + newUuid();
    HttpReply r = alice.post(path,
        batch({ action(s("create"), tmp,
            { { s("caseType"), s("repair") },
                { s("fields"),
                    QJsonObject {
                        { s("site"), s("S-007") }, { s("reportedAt"), s("2026-11-23T08:00:00Z") } } } }) }));
    QCOMPARE(r.status, 200);
    QJsonObject res = firstResult(r);
    QCOMPARE(statusOf(res), s("applied"));
    const QString id = res.value(s("caseId")).toString();
    QVERIFY(!id.isEmpty() && !id.startsWith(s("tmp-")));
    QCOMPARE(res.value(s("mappedIds")).toObject().value(tmp).toString(), id);
    QCOMPARE(res.value(s("case")).toObject().value(s("id")).toString(), id);
    const QString etag = res.value(s("etag")).toString();
    const QJsonArray update {
        action(s("update"), tmp,
            { { s("baseEtag"), etag }, { s("fields"), QJsonObject { { s("urgent"), true } } } }),
        action(s("note"), tmp, { { s("text"), s("Gate code 4711") } })
    };
    // Exactly once: the same batch twice yields the same results and one history entry each.
    const HttpReply first = alice.post(path, batch(update));
    const HttpReply second = alice.post(path, batch(update));
    QCOMPARE(first.status, 200);
    QCOMPARE(second.json(), first.json());
    QCOMPARE(statusOf(firstResult(first)), s("applied"));
    QCOMPARE(firstResult(first).value(s("caseId")).toString(), id);
    r = alice.get(s("/api/v1/cases/") + id);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(s("fields")).toObject().value(s("urgent")).toBool(), true);
    QCOMPARE(QString::fromLatin1(r.header("etag")), r.json().value(s("etag")).toString());
    const QJsonArray entries
        = alice.get(s("/api/v1/cases/%1/history").arg(id)).json().value(s("entries")).toArray();
    int creates = 0, updates = 0, notes = 0;
    for (const QJsonValue &v : entries) {
        const QString a = v.toObject().value(s("action")).toString();
        creates += a == s("create");
        updates += a == s("update");
        if (a == s("note")) {
            ++notes;
            QCOMPARE(v.toObject().value(s("text")).toString(), s("Gate code 4711"));
        }
        QCOMPARE(v.toObject().value(s("by")).toString(), s("alice"));
    }
    QCOMPARE(creates, 1);
    QCOMPARE(updates, 1);
    QCOMPARE(notes, 1);

    // id_reused: same action id, other payload → rejected, nothing changed.
    QJsonObject reused = update.at(0).toObject();
    reused.insert(s("fields"), QJsonObject { { s("urgent"), false } });
    res = firstResult(alice.post(path, batch({ reused })));
    QCOMPARE(statusOf(res), s("rejected"));
    QCOMPARE(res.value(s("error")).toObject().value(s("code")).toString(), s("id_reused"));
    QCOMPARE(
        alice.get(s("/api/v1/cases/") + id).json().value(s("fields")).toObject().value(s("urgent")).toBool(),
        true);

    // Rejected with per-field messages, nothing changed.
    const DemoCases d = demoCases(carol);
    const QJsonObject before = bob.get(s("/api/v1/cases/") + d.bob).json();
    const QString type = before.value(s("caseType")).toString();
    const QJsonObject badFields = type == s("inspection")
        ? QJsonObject { { s("readingKw"), -5 }, { s("priority"), s("urgent") } }
        : type == s("repair") ? QJsonObject { { s("site"), s("S-999") }, { s("urgent"), s("yes") } }
                              : QJsonObject { { s("site"), s("S-999") }, { s("kind"), s("nuclear") } };
    res = firstResult(bob.post(path,
        batch({ action(s("update"), d.bob,
            { { s("baseEtag"), before.value(s("etag")) }, { s("fields"), badFields } }) })));
    QCOMPARE(statusOf(res), s("rejected"));
    const QJsonObject fieldErrors = res.value(s("error")).toObject().value(s("fields")).toObject();
    for (const QString &f : badFields.keys())
        QVERIFY2(fieldErrors.contains(f),
            qPrintable(s("no message for ") + f + QLatin1Char(' ')
                + QString::fromUtf8(QJsonDocument(res).toJson())));
    QCOMPARE(bob.get(s("/api/v1/cases/") + d.bob).json(), before);

    // Conflict on a stale etag, then the later action on that case is skipped.
    const QJsonArray results
        = bob.post(path,
                 batch({ action(s("update"), d.bob,
                             { { s("baseEtag"), s("\"999\"") },
                                 { s("fields"), QJsonObject { { s("title"), s("stale") } } } }),
                     action(s("note"), d.bob, { { s("text"), s("after the conflict") } }) }))
              .json()
              .value(s("results"))
              .toArray();
    QCOMPARE(results.size(), 2);
    QCOMPARE(statusOf(results.at(0).toObject()), s("conflict"));
    QCOMPARE(results.at(0).toObject().value(s("case")).toObject().value(s("etag")), before.value(s("etag")));
    QCOMPARE(statusOf(results.at(1).toObject()), s("skipped"));
    QCOMPARE(bob.get(s("/api/v1/cases/") + d.bob).json(), before);

    // Gone: an action on a case that left bob's reach lands in the sync-issues workbasket.
    const QJsonObject late = action(s("note"), d.alice, { { s("text"), s("bob's late note") } });
    res = firstResult(bob.post(path, batch({ late })));
    QCOMPARE(statusOf(res), s("gone"));
    QVERIFY(!res.value(s("error")).toObject().value(s("code")).toString().isEmpty());
    QCOMPARE(bob.get(s("/api/v1/admin/sync-issues")).status, 403);
    r = carol.get(s("/api/v1/admin/sync-issues"));
    QCOMPARE(r.status, 200);
    bool listed = false;
    for (const QJsonValue &v : r.json().value(s("issues")).toArray())
        listed = listed || v.toObject().value(s("action")).toObject().value(s("id")) == late.value(s("id"));
    QVERIFY2(listed, r.body.left(800).constData());
    QCOMPARE(server.stop(), 0);
}

void TstServerApi::racingClients()
{
    QFETCH(TestDatabase::Kind, db);
    TestDatabase database(db);
    OutpostdProcess server;
    OUTPOST_START_SERVER(database, server, kDemoCases);
    OUTPOST_SIGNED_IN(alice, server, "alice");
    OUTPOST_SIGNED_IN(carol, server, "carol");
    const DemoCases d = demoCases(carol);
    const QString field = freeField(d.all.value(d.alice));
    const auto value = [&](int n) { return freeValue(field, n); };
    // Several rounds: both clients send an update with the same baseEtag at the same time.
    for (int round = 0; round < 5; ++round) {
        const QJsonObject before = carol.get(s("/api/v1/cases/") + d.alice).json();
        const QString etag = before.value(s("etag")).toString();
        const QJsonValue va = value(100 + round), vc = value(200 + round);
        QNetworkReply *ra = alice.start("POST", s("/api/v1/sync/actions"),
            HttpClient::compact(
                batch({ action(s("update"), d.alice,
                          { { s("baseEtag"), etag }, { s("fields"), QJsonObject { { field, va } } } }) },
                    s("dev-a"))));
        QNetworkReply *rc = carol.start("POST", s("/api/v1/sync/actions"),
            HttpClient::compact(
                batch({ action(s("update"), d.alice,
                          { { s("baseEtag"), etag }, { s("fields"), QJsonObject { { field, vc } } } }) },
                    s("dev-c"))));
        const HttpReply a = alice.finish(ra), c = carol.finish(rc);
        QVERIFY2(a.status == 200, qPrintable(a.describe()));
        QVERIFY2(c.status == 200, qPrintable(c.describe()));
        const QJsonObject resA = firstResult(a), resC = firstResult(c);
        const QStringList statuses { statusOf(resA), statusOf(resC) };
        QVERIFY2(statuses.count(s("applied")) == 1 && statuses.count(s("conflict")) == 1,
            qPrintable(statuses.join(QLatin1Char(','))));
        const bool aliceWon = statusOf(resA) == s("applied");
        const QJsonObject winner = aliceWon ? resA : resC;
        const QJsonObject loser = aliceWon ? resC : resA;
        const QJsonObject now = carol.get(s("/api/v1/cases/") + d.alice).json();
        QCOMPARE(now.value(s("etag")).toString(), winner.value(s("etag")).toString());
        // The loser gets the server's case (with the winner's change) to merge with.
        QCOMPARE(
            loser.value(s("case")).toObject().value(s("etag")).toString(), now.value(s("etag")).toString());
        QCOMPARE(
            loser.value(s("case")).toObject().value(s("fields")).toObject().value(field), aliceWon ? va : vc);
        // No field lost: the winner's value is in the case, every other field as before.
        QJsonObject expected = before.value(s("fields")).toObject();
        expected.insert(field, aliceWon ? va : vc);
        QCOMPARE(now.value(s("fields")).toObject(), expected);
    }
    QCOMPARE(server.stop(), 0);
}

void TstServerApi::attachmentsAndPush()
{
    QFETCH(TestDatabase::Kind, db);
    TestDatabase database(db);
    OutpostdProcess server;
    OUTPOST_START_SERVER(database, server, kDemoCases);
    OUTPOST_SIGNED_IN(alice, server, "alice");
    OUTPOST_SIGNED_IN(carol, server, "carol");
    const DemoCases d = demoCases(carol);

    // PUT 201, the same bytes again 200, GET returns the bytes; the case lists it.
    QByteArray bytes;
    for (int i = 0; i < 70000; ++i)
        bytes.append(char(i * 7));
    const QString uuid = newUuid();
    const QString put = s("/api/v1/attachments/%1?caseId=%2&name=meter.jpg").arg(uuid, d.alice);
    HttpReply r = alice.send("PUT", put, bytes, "image/jpeg");
    QCOMPARE(r.status, 201);
    const QString sha
        = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    QCOMPARE(r.json().value(s("sha256")).toString(), sha);
    QCOMPARE(r.json().value(s("size")).toInteger(), bytes.size());
    QCOMPARE(r.json().value(s("id")).toString(), uuid);
    QCOMPARE(alice.send("PUT", put, bytes, "image/jpeg").status, 200);
    r = alice.get(s("/api/v1/attachments/") + uuid);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, bytes);
    const QJsonArray listed
        = alice.get(s("/api/v1/cases/") + d.alice).json().value(s("attachments")).toArray();
    bool found = false;
    for (const QJsonValue &v : listed)
        found = found
            || (v.toObject().value(s("id")).toString() == uuid
                && v.toObject().value(s("sha256")).toString() == sha
                && v.toObject().value(s("name")).toString() == s("meter.jpg"));
    QVERIFY(found);
    QCOMPARE(alice.get(s("/api/v1/attachments/") + newUuid()).status, 404);

    // WebSocket push: alice subscribes; carol changes alice's case → {"type": "changes"}.
    QWebSocket ws;
    QNetworkRequest req(
        QUrl(server.baseUrl().toString().replace(s("http://"), s("ws://")) + s("/api/v1/notify")));
    req.setRawHeader("Authorization", "Bearer " + alice.token().toUtf8());
    QSignalSpy connected(&ws, &QWebSocket::connected);
    QSignalSpy messages(&ws, &QWebSocket::textMessageReceived);
    ws.open(req);
    QVERIFY(connected.wait(10000));
    r = carol.post(s("/api/v1/sync/actions"),
        batch({ validUpdate(d.alice, alice.get(s("/api/v1/cases/") + d.alice).json(), 7) }));
    QCOMPARE(statusOf(firstResult(r)), s("applied"));
    QVERIFY(messages.count() > 0 || messages.wait(10000));
    QCOMPARE(QJsonDocument::fromJson(messages.first().first().toString().toUtf8())
                 .object()
                 .value(s("type"))
                 .toString(),
        s("changes"));
    // A note by the office changes no field, but it is a new history entry in alice's feed: she
    // hears of it too (a pushed device would otherwise see it only at its fallback poll).
    messages.clear();
    r = carol.post(s("/api/v1/sync/actions"),
        batch({ action(s("note"), d.alice, { { s("text"), s("The gate code is 4711.") } }) }));
    QCOMPARE(statusOf(firstResult(r)), s("applied"));
    QVERIFY(messages.count() > 0 || messages.wait(10000));
    QCOMPARE(QJsonDocument::fromJson(messages.first().first().toString().toUtf8())
                 .object()
                 .value(s("type"))
                 .toString(),
        s("changes"));
    // A forced full sync → {"type": "fullSyncRequired"}.
    messages.clear();
    QCOMPARE(carol.post(s("/api/v1/admin/full-sync"), { { s("user"), s("alice") } }).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const auto &m : messages)
                if (QJsonDocument::fromJson(m.first().toString().toUtf8())
                        .object()
                        .value(s("type"))
                        .toString()
                    == s("fullSyncRequired"))
                    return true;
            return false;
        }(),
        10000);
    ws.close();

    // Without a token the upgrade is refused.
    QWebSocket anon;
    QSignalSpy anonConnected(&anon, &QWebSocket::connected);
    QSignalSpy anonError(&anon, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
    anon.open(QUrl(server.baseUrl().toString().replace(s("http://"), s("ws://")) + s("/api/v1/notify")));
    QVERIFY(anonError.count() > 0 || anonError.wait(10000));
    QCOMPARE(anonConnected.count(), 0);
    QCOMPARE(server.stop(), 0);
}

void TstServerApi::badInputChangesNothing()
{
    QFETCH(TestDatabase::Kind, db);
    TestDatabase database(db);
    OutpostdProcess server;
    OUTPOST_START_SERVER(database, server, 2000); // > 5000 entities, so the limit cap shows
    OUTPOST_SIGNED_IN(alice, server, "alice");
    OUTPOST_SIGNED_IN(carol, server, "carol");
    const DemoCases d = demoCases(carol);
    QString next0;
    readFeed(carol, &next0);
    const QJsonObject before = carol.get(s("/api/v1/cases/") + d.alice).json();
    const QString etag = before.value(s("etag")).toString();
    const QJsonObject good = action(s("update"), d.alice,
        { { s("baseEtag"), etag }, { s("fields"), QJsonObject { { s("notes"), s("must not land") } } } });

    QJsonArray tooMany;
    for (int i = 0; i < 501; ++i)
        tooMany.append(action(s("note"), d.alice, { { s("text"), s("n") } }));
    QByteArray huge = "{\"deviceId\": \"d\", \"actions\": [], \"pad\": \"";
    huge.append(QByteArray(2 * 1024 * 1024, 'x'));
    huge.append("\"}");

    struct Bad {
        const char *what;
        QByteArray method;
        QString path;
        QByteArray body;
        int status;
        QString code; // empty: any code
    };
    const QList<Bad> bad {
        { "malformed JSON", "POST", s("/api/v1/sync/actions"), "{\"deviceId\": \"d\", \"actions\": [", 400,
            s("bad_request") },
        { "actions not an array", "POST", s("/api/v1/sync/actions"),
            R"({"deviceId": "d", "actions": {"a": 1}})", 400, s("bad_request") },
        { "wrong field type", "POST", s("/api/v1/sync/actions"),
            HttpClient::compact(batch(
                { QJsonObject { { s("id"), 5 }, { s("type"), s("note") }, { s("caseId"), d.alice } } })),
            400, s("bad_request") },
        { "unknown action type (with a good one)", "POST", s("/api/v1/sync/actions"),
            HttpClient::compact(batch({ good, action(s("explode"), d.alice) })), 400, s("bad_request") },
        { "501 actions", "POST", s("/api/v1/sync/actions"), HttpClient::compact(batch(tooMany)), 413,
            s("too_many_actions") },
        { "2 MiB JSON", "POST", s("/api/v1/sync/actions"), huge, 413, {} },
        { "limit=-1", "GET", s("/api/v1/sync/changes?limit=-1"), {}, 400, s("bad_request") },
        { "limit=abc", "GET", s("/api/v1/sync/changes?limit=abc"), {}, 400, s("bad_request") },
        { "attachment id path trick", "GET", s("/api/v1/attachments/..%2F..%2Fetc%2Fpasswd"), {}, 400,
            s("bad_request") },
        { "attachment PUT path trick", "PUT",
            s("/api/v1/attachments/..%2F..%2Fetc%2Fpasswd?caseId=%1&name=p").arg(d.alice), "x", 400,
            s("bad_request") },
        { "empty path segment", "GET", s("/api/v1/cases//history"), {}, 400, s("bad_request") },
        { "attachment id not a uuid", "GET", s("/api/v1/attachments/passwd"), {}, 400, s("bad_request") },
        { "malformed sign-in", "POST", s("/api/v1/session"), "[1,2", 400, s("bad_request") },
        { "sign-in wrong types", "POST", s("/api/v1/session"),
            R"({"username": 1, "password": true, "deviceId": null})", 400, s("bad_request") },
    };
    for (const Bad &b : bad) {
        const HttpReply r
            = alice.send(b.method, b.path, b.body, b.method == "PUT" ? "text/plain" : "application/json");
        QVERIFY2(r.status == b.status, qPrintable(s(b.what) + s(": ") + r.describe()));
        if (r.status != 413
            || r.isJson()) { // a 413 may arrive before the body was read; then a body is optional
            QVERIFY2(r.json().value(s("error")).toObject().contains(s("message")),
                qPrintable(s(b.what) + s(": ") + r.describe()));
            if (!b.code.isEmpty())
                QVERIFY2(r.errorCode() == b.code, qPrintable(s(b.what) + s(": ") + r.describe()));
        }
        QVERIFY2(HttpClient(server.baseUrl()).get(s("/api/v1/health")).status == 200, b.what);
    }
    // A huge limit is capped (≤ 5000 changes a page), not refused.
    HttpReply r = carol.get(s("/api/v1/sync/changes?limit=999999999"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(s("changes")).toArray().size(), 5000);
    QCOMPARE(r.json().value(s("more")).toBool(), true);
    // A forged token.
    HttpClient forged(server.baseUrl());
    forged.setToken(alice.token().left(alice.token().size() - 2) + s("xx"));
    QCOMPARE(forged.get(s("/api/v1/sync/changes")).status, 401);

    // Nothing changed anywhere: the case is as before and the delta feed is empty.
    QCOMPARE(carol.get(s("/api/v1/cases/") + d.alice).json(), before);
    QString next1;
    QCOMPARE(readFeed(carol, &next1, next0).size(), 0);
    QCOMPARE(server.stop(), 0);
}

QTEST_GUILESS_MAIN(TstServerApi)
#include "tst_server_api.moc"
