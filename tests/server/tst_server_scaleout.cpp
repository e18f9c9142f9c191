// SPDX-License-Identifier: MIT
// Two outpostd processes on one PostgreSQL database behave as one service: sessions, the feed and
// push hints (LISTEN/NOTIFY) cross instances.
#include "itfixture.h"

#include <QSignalSpy>
#include <QWebSocket>

using namespace outpost::testing;

class TstServerScaleOut : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void twoInstancesOnePostgres();
};

void TstServerScaleOut::twoInstancesOnePostgres()
{
    const auto s = [](const char *t) { return QString::fromLatin1(t); };
    TestDatabase database(TestDatabase::Kind::PostgreSQL);
    OutpostdProcess a;
    OUTPOST_START_SERVER(database, a, 40);
    OutpostdProcess b;
    OutpostdProcess::Options ob;
    ob.dbUrl = database.url();
    QString why;
    QVERIFY2(b.start(ob, &why), qPrintable(why));
    QVERIFY(a.port() != b.port());

    // A token issued by A works on B.
    OUTPOST_SIGNED_IN(aliceA, a, "alice");
    HttpClient aliceB(b.baseUrl());
    aliceB.setToken(aliceA.token());
    OUTPOST_SIGNED_IN(carolA, a, "carol");

    // alice's state through B; her case to change.
    QString nextB;
    const QJsonArray full = readFeed(aliceB, &nextB);
    QString caseId;
    QJsonObject caseData;
    for (const QJsonValue &v : full) {
        const QJsonObject c = v.toObject();
        const QJsonObject d = c.value(s("data")).toObject();
        if (c.value(s("kind")).toString() == s("case") && d.value(s("assignee")).toString() == s("alice")
            && !d.value(s("status")).toString().startsWith(s("Resolved-"))) {
            caseId = c.value(s("id")).toString();
            caseData = d;
            break;
        }
    }
    QVERIFY(!caseId.isEmpty());

    // alice listens on B.
    QWebSocket ws;
    QNetworkRequest req(QUrl(b.baseUrl().toString().replace(s("http://"), s("ws://")) + s("/api/v1/notify")));
    req.setRawHeader("Authorization", "Bearer " + aliceB.token().toUtf8());
    QSignalSpy connected(&ws, &QWebSocket::connected);
    QSignalSpy messages(&ws, &QWebSocket::textMessageReceived);
    ws.open(req);
    QVERIFY(connected.wait(10000));

    // carol changes alice's case through A.
    const QString field = caseData.value(s("caseType")).toString() == s("inspection") ? s("summary")
        : caseData.value(s("caseType")).toString() == s("repair")                     ? s("notes")
                                                                                      : s("capacityKw");
    const QJsonValue value = field == s("capacityKw") ? QJsonValue(321) : QJsonValue(s("changed through A"));
    const QJsonObject batchBody = batch({ action(s("update"), caseId,
        { { s("baseEtag"), caseData.value(s("etag")) },
            { s("fields"), QJsonObject { { field, value } } } }) });
    const HttpReply r = carolA.post(s("/api/v1/sync/actions"), batchBody);
    QCOMPARE(r.status, 200);
    const QJsonObject result = r.json().value(s("results")).toArray().first().toObject();
    QCOMPARE(result.value(s("status")).toString(), s("applied"));

    // B's subscriber gets the hint (LISTEN/NOTIFY), and B's delta feed carries the change.
    QVERIFY2(messages.count() > 0 || messages.wait(15000), "no push hint through the second instance");
    QCOMPARE(QJsonDocument::fromJson(messages.first().first().toString().toUtf8())
                 .object()
                 .value(s("type"))
                 .toString(),
        s("changes"));
    QString after;
    const QJsonArray delta = readFeed(aliceB, &after, nextB);
    QCOMPARE(delta.size(), 1);
    QCOMPARE(delta.first().toObject().value(s("id")).toString(), caseId);
    QCOMPARE(delta.first().toObject().value(s("data")).toObject().value(s("fields")).toObject().value(field),
        value);
    QCOMPARE(delta.first().toObject().value(s("etag")).toString(), result.value(s("etag")).toString());

    // Exactly once across instances: the same batch retried through B returns A's first result.
    HttpClient carolB(b.baseUrl());
    carolB.setToken(carolA.token());
    const HttpReply again = carolB.post(s("/api/v1/sync/actions"), batchBody);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json(), r.json());
    QString after2;
    QCOMPARE(readFeed(aliceB, &after2, after).size(), 0);

    // Sign-out on B revokes on A.
    QVERIFY(aliceB.del(s("/api/v1/session")).status / 100 == 2);
    QCOMPARE(aliceA.get(s("/api/v1/sync/changes?limit=1")).status, 401);

    ws.close();
    QCOMPARE(b.stop(), 0);
    QCOMPARE(a.stop(), 0);
}

QTEST_GUILESS_MAIN(TstServerScaleOut)
#include "tst_server_scaleout.moc"
