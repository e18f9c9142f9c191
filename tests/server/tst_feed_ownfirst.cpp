// SPDX-License-Identifier: MIT
// Own work first (docs/protocol.md, *Changes feed*): a technician's full sync brings the case types,
// then their own open cases with their assignments, soonest due first, and only then the rest;
// every entity exactly once, whatever the page size, and a chain that runs while the office
// reassigns, re-dates and edits cases still ends in the server's current state. On SQLite and
// PostgreSQL, a real outpostd over real HTTP.
#include "itfixture.h"

#include <QHash>
#include <QSet>

using namespace outpost::testing;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QString keyOf(const QJsonObject &change)
{
    return change.value(s("kind")).toString() + QLatin1Char('/') + change.value(s("id")).toString();
}

/// One page of the feed.
QJsonObject page(HttpClient &c, const QString &since, int limit)
{
    QString path = s("/api/v1/sync/changes?limit=%1").arg(limit);
    if (!since.isEmpty())
        path += s("&since=") + QString::fromLatin1(QUrl::toPercentEncoding(since));
    const HttpReply r = c.get(path);
    if (r.status != 200)
        qWarning("feed page failed: %s", qPrintable(r.describe()));
    return r.json();
}

/// What a device holds after applying `changes` in order: key → etag.
void apply(QHash<QString, QString> &state, const QJsonArray &changes)
{
    for (const QJsonValue &v : changes) {
        const QJsonObject c = v.toObject();
        if (c.value(s("op")).toString() == s("remove"))
            state.remove(keyOf(c));
        else
            state.insert(keyOf(c), c.value(s("etag")).toString());
    }
}

} // namespace

class TstFeedOwnFirst : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ownWorkComesFirst_data() { TestDatabase::addColumns(); }
    void ownWorkComesFirst();
    void chainUnderWritesEndsInTheCurrentState_data() { TestDatabase::addColumns(); }
    void chainUnderWritesEndsInTheCurrentState();
};

void TstFeedOwnFirst::ownWorkComesFirst()
{
    QFETCH(TestDatabase::Kind, db);
    TestDatabase database(db);
    OutpostdProcess server;
    OUTPOST_START_SERVER(database, server, 300);
    OUTPOST_SIGNED_IN(alice, server, "alice");

    QString next;
    int pages = 0;
    const QJsonArray all = readFeed(alice, &next, {}, 40, &pages);
    QVERIFY(!all.isEmpty());
    QVERIFY(pages > 10);

    // Exactly once.
    QSet<QString> keys;
    for (const QJsonValue &v : all) {
        const QString key = keyOf(v.toObject());
        QVERIFY2(!keys.contains(key), qPrintable(s("twice: ") + key));
        keys.insert(key);
    }
    // Case types, then alice's own cases each followed by its assignment, soonest due first, then
    // everything else: no case of the pool before the last of her own.
    int i = 0;
    while (i < all.size() && all.at(i).toObject().value(s("kind")).toString() == s("caseType"))
        ++i;
    QCOMPARE(i, 3);
    int own = 0;
    QString lastDue;
    for (; i + 1 < all.size(); i += 2) {
        const QJsonObject c = all.at(i).toObject();
        const QJsonObject a = all.at(i + 1).toObject();
        if (c.value(s("kind")).toString() != s("case")
            || c.value(s("data")).toObject().value(s("assignee")).toString() != s("alice"))
            break;
        QCOMPARE(a.value(s("kind")).toString(), s("assignment"));
        QCOMPARE(a.value(s("data")).toObject().value(s("caseId")).toString(), c.value(s("id")).toString());
        const QString due = a.value(s("data")).toObject().value(s("dueAt")).toString();
        QVERIFY2(due >= lastDue, qPrintable(due + s(" after ") + lastDue));
        lastDue = due;
        ++own;
    }
    QVERIFY2(own >= 60, qPrintable(QString::number(own))); // a quarter of 300, less any resolved
    for (; i < all.size(); ++i) {
        const QJsonObject c = all.at(i).toObject();
        if (c.value(s("kind")).toString() == s("case"))
            QVERIFY2(c.value(s("data")).toObject().value(s("assignee")).toString() != s("alice"),
                qPrintable(s("own case after the own pass: ") + keyOf(c)));
    }

    // The same entities whatever the page size (the pass ends at other cuts).
    for (const int limit : { 7, 1000, 5000 }) {
        QString other;
        QSet<QString> again;
        for (const QJsonValue &v : readFeed(alice, &other, {}, limit))
            again.insert(keyOf(v.toObject()));
        QCOMPARE(again, keys);
    }
    // The chain's last token continues as a delta: nothing new.
    QString after;
    QCOMPARE(readFeed(alice, &after, next).size(), 0);
    QCOMPARE(server.stop(), 0);
}

void TstFeedOwnFirst::chainUnderWritesEndsInTheCurrentState()
{
    QFETCH(TestDatabase::Kind, db);
    TestDatabase database(db);
    OutpostdProcess server;
    OUTPOST_START_SERVER(database, server, 300);
    OUTPOST_SIGNED_IN(alice, server, "alice");
    OUTPOST_SIGNED_IN(carol, server, "carol");

    // The first page: case types and the soonest-due of alice's own cases.
    QHash<QString, QString> device;
    QJsonObject p = page(alice, {}, 21);
    QVERIFY(p.value(s("more")).toBool());
    apply(device, p.value(s("changes")).toArray());
    QString sentOwn;
    for (const QJsonValue &v : p.value(s("changes")).toArray())
        if (v.toObject().value(s("kind")).toString() == s("case"))
            sentOwn = v.toObject().value(s("id")).toString();
    QVERIFY(!sentOwn.isEmpty());
    // A second own-pass page, then the office changes things while the chain goes on.
    p = page(alice, p.value(s("next")).toString(), 21);
    apply(device, p.value(s("changes")).toArray());
    QString token = p.value(s("next")).toString();

    // All of alice's own cases as the full feed shows them now, to pick ones not sent yet.
    QString ignored;
    QStringList notSent;
    for (const QJsonValue &v : readFeed(carol, &ignored, {}, 5000)) {
        const QJsonObject c = v.toObject();
        if (c.value(s("kind")).toString() == s("case")
            && c.value(s("data")).toObject().value(s("assignee")).toString() == s("alice")
            && !device.contains(keyOf(c)))
            notSent.append(c.value(s("id")).toString());
    }
    QVERIFY(notSent.size() >= 3);
    // Reassigned away after it was sent: must leave the device.
    QCOMPARE(carol.send("PUT", s("/api/v1/admin/cases/%1/assignment").arg(sentOwn), R"({"assignee":"bob"})")
                 .status,
        200);
    // Not sent yet and now due first of all: must still arrive (once the pass can no longer take it).
    QCOMPARE(carol
                 .send("PUT", s("/api/v1/admin/cases/%1/assignment").arg(notSent.at(0)),
                     R"({"dueAt":"2020-01-01T08:00:00Z"})")
                 .status,
        200);
    // Not sent yet and now due last: the same.
    QCOMPARE(carol
                 .send("PUT", s("/api/v1/admin/cases/%1/assignment").arg(notSent.at(1)),
                     R"({"dueAt":"2099-01-01T08:00:00Z"})")
                 .status,
        200);
    // Not sent yet, then assigned to another technician: must not arrive (or arrive and leave).
    QCOMPARE(
        carol.send("PUT", s("/api/v1/admin/cases/%1/assignment").arg(notSent.at(2)), R"({"assignee":"bob"})")
            .status,
        200);

    for (int n = 0; n < 1000; ++n) {
        p = page(alice, token, 21);
        QVERIFY(p.contains(s("next")));
        apply(device, p.value(s("changes")).toArray());
        token = p.value(s("next")).toString();
        if (!p.value(s("more")).toBool())
            break;
    }
    QVERIFY(!p.value(s("more")).toBool());

    // What a fresh full sync gives now is exactly what the device holds.
    QString fresh;
    QHash<QString, QString> truth;
    apply(truth, readFeed(alice, &fresh, {}, 5000));
    QVERIFY(!truth.contains(s("case/") + sentOwn));
    QVERIFY(truth.contains(s("case/") + notSent.at(0)));
    QCOMPARE(device.size(), truth.size());
    for (auto it = truth.cbegin(); it != truth.cend(); ++it)
        QVERIFY2(device.value(it.key()) == it.value(),
            qPrintable(it.key() + s(": device ") + device.value(it.key()) + s(", server ") + it.value()));
    QCOMPARE(server.stop(), 0);
}

QTEST_GUILESS_MAIN(TstFeedOwnFirst)
#include "tst_feed_ownfirst.moc"
