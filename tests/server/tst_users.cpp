// SPDX-License-Identifier: MIT
// The users API (issue 12) against a real outpostd on SQLite and PostgreSQL: list, add (bad input
// names its field and adds nobody), change roles and queues, disable (the user's sessions end and
// their open WebSocket closes at once, not at the next minute's check), reset a password (the old
// sessions end, the new password signs in). Only administrators may (dispatchers get 403).
#include "itfixture.h"

#include <QSignalSpy>
#include <QWebSocket>

using namespace outpost::testing;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QJsonObject userIn(const QJsonArray &users, const QString &id)
{
    for (const QJsonValue &v : users)
        if (v.toObject().value(s("id")).toString() == id)
            return v.toObject();
    return {};
}

} // namespace

class TestUsers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void usersApi_data() { TestDatabase::addColumns(); }
    void usersApi();
};

void TestUsers::usersApi()
{
    QFETCH(TestDatabase::Kind, db);
    TestDatabase database(db);
    OutpostdProcess server;
    OUTPOST_START_SERVER(database, server, 20);
    OUTPOST_SIGNED_IN(carol, server, "carol");
    OUTPOST_SIGNED_IN(dana, server, "dana");
    OUTPOST_SIGNED_IN(bob, server, "bob");

    // The list: every demo user, with state and last sign-in.
    HttpReply r = carol.get(s("/api/v1/admin/users"));
    QCOMPARE(r.status, 200);
    const QJsonObject bobRow = userIn(r.json().value(s("users")).toArray(), s("bob"));
    QCOMPARE(bobRow.value(s("displayName")).toString(), s("Bob Brown"));
    QCOMPARE(bobRow.value(s("roles")).toArray(), QJsonArray { s("technician") });
    QCOMPARE(bobRow.value(s("queues")).toArray(), QJsonArray { s("south") });
    QCOMPARE(bobRow.value(s("disabled")).toBool(), false);
    QVERIFY(bobRow.contains(s("lastSignInAt")));
    QCOMPARE(r.json().value(s("users")).toArray().size(), 4);
    // A dispatcher may not.
    QCOMPARE(dana.get(s("/api/v1/admin/users")).status, 403);
    QCOMPARE(dana.send("PATCH", s("/api/v1/admin/users/bob"), R"({"disabled":true})").status, 403);

    // Adding: bad input names its field and adds nobody.
    const QList<std::pair<QJsonObject, QString>> bad {
        { { { s("id"), s("erin") }, { s("password"), s("short") },
              { s("roles"), QJsonArray { s("technician") } } },
            s("password") },
        { { { s("id"), s("erin") }, { s("password"), s("a long enough password") },
              { s("roles"), QJsonArray { s("superuser") } } },
            s("roles") },
        { { { s("id"), s("er in") }, { s("password"), s("a long enough password") } }, s("id") },
        { { { s("id"), s("erin") }, { s("password"), s("a long enough password") },
              { s("queues"), s("north") } },
            s("queues") },
    };
    for (const auto &[body, field] : bad) {
        const HttpReply refused = carol.post(s("/api/v1/admin/users"), body);
        QVERIFY2(refused.status == 400, qPrintable(refused.describe()));
        QVERIFY2(refused.json().value(s("error")).toObject().value(s("fields")).toObject().contains(field),
            qPrintable(field + s(": ") + refused.describe()));
    }
    QCOMPARE(carol.get(s("/api/v1/admin/users")).json().value(s("users")).toArray().size(), 4);
    r = carol.post(s("/api/v1/admin/users"),
        { { s("id"), s("erin") }, { s("displayName"), s("Erin Eve") },
            { s("password"), s("a long enough password") }, { s("roles"), QJsonArray { s("dispatcher") } },
            { s("queues"), QJsonArray { s("north") } } });
    QVERIFY2(r.status == 201, qPrintable(r.describe()));
    QCOMPARE(r.json().value(s("roles")).toArray(), QJsonArray { s("dispatcher") });
    QCOMPARE(carol
                 .post(s("/api/v1/admin/users"),
                     { { s("id"), s("erin") }, { s("password"), s("a long enough password") } })
                 .status,
        409);
    HttpClient erin(server.baseUrl());
    QVERIFY(!erin.signIn(s("erin"), s("a long enough password")).isEmpty());

    // Roles and queues.
    r = carol.send("PATCH", s("/api/v1/admin/users/erin"),
        R"({"roles":["technician"],"queues":["north","south"],"displayName":"Erin E."})");
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    QCOMPARE(r.json().value(s("queues")).toArray(), (QJsonArray { s("north"), s("south") }));
    QCOMPARE(r.json().value(s("displayName")).toString(), s("Erin E."));
    QCOMPARE(carol.send("PATCH", s("/api/v1/admin/users/erin"), R"({"roles":[]})").status, 400);
    QCOMPARE(carol.send("PATCH", s("/api/v1/admin/users/nobody"), R"({"disabled":true})").status, 404);

    // Disabling bob: his open WebSocket closes at once (the periodic check would take a minute),
    // his token is refused.
    QWebSocket ws;
    QNetworkRequest req(
        QUrl(server.baseUrl().toString().replace(s("http://"), s("ws://")) + s("/api/v1/notify")));
    req.setRawHeader("Authorization", "Bearer " + bob.token().toUtf8());
    QSignalSpy connected(&ws, &QWebSocket::connected);
    QSignalSpy closed(&ws, &QWebSocket::disconnected);
    ws.open(req);
    QVERIFY(connected.wait(10000));
    QElapsedTimer t;
    t.start();
    r = carol.send("PATCH", s("/api/v1/admin/users/bob"), R"({"disabled":true})");
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    QCOMPARE(r.json().value(s("disabled")).toBool(), true);
    QVERIFY(closed.count() > 0 || closed.wait(10000));
    QVERIFY2(t.elapsed() < 10000, qPrintable(QString::number(t.elapsed())));
    const HttpReply shut = bob.get(s("/api/v1/sync/changes?limit=1"));
    QCOMPARE(shut.status, 403);
    QCOMPARE(shut.errorCode(), s("account_disabled"));
    QCOMPARE(carol.send("PATCH", s("/api/v1/admin/users/carol"), R"({"disabled":true})").status, 400);
    QCOMPARE(carol.send("PATCH", s("/api/v1/admin/users/bob"), R"({"disabled":false})").status, 200);
    HttpClient bob2(server.baseUrl());
    QVERIFY(!bob2.signIn(s("bob"), s("bob")).isEmpty());

    // A new password: the old sessions end; the new one signs in, the old one no longer.
    OUTPOST_SIGNED_IN(alice, server, "alice");
    QCOMPARE(
        carol.post(s("/api/v1/admin/users/alice/password"), { { s("password"), s("tiny") } }).status, 400);
    QCOMPARE(alice.get(s("/api/v1/sync/changes?limit=1")).status, 200);
    r = carol.post(s("/api/v1/admin/users/alice/password"), { { s("password"), s("alice's new password") } });
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    QCOMPARE(alice.get(s("/api/v1/sync/changes?limit=1")).status, 401);
    HttpClient alice2(server.baseUrl());
    QVERIFY(alice2.signIn(s("alice"), s("alice")).isEmpty());
    QVERIFY(!alice2.signIn(s("alice"), s("alice's new password")).isEmpty());
    QCOMPARE(server.stop(), 0);
}

QTEST_GUILESS_MAIN(TestUsers)
#include "tst_users.moc"
