// SPDX-License-Identifier: MIT
// Uploads beyond what the write gate lets run or wait wait their turn in the upload lane instead of
// being refused (issue 15's upload shapes), and are still applied exactly once.
#include "itfixture.h"

#include <memory>
#include <vector>

using namespace outpost::testing;

class TstUploadOverload : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void uploadsBeyondTheGateWaitTheirTurn_data() { TestDatabase::addColumns(); }
    void uploadsBeyondTheGateWaitTheirTurn();
};

void TstUploadOverload::uploadsBeyondTheGateWaitTheirTurn()
{
    const auto s = [](const char *t) { return QString::fromLatin1(t); };
    QFETCH(TestDatabase::Kind, db);
    TestDatabase database(db);
    OutpostdProcess server;
    QString why;
    if (!database.create(&why)) {
        if (database.skipOnly())
            QSKIP(qPrintable(why));
        QFAIL(qPrintable(why));
    }
    OutpostdProcess::Options o;
    o.dbUrl = database.url();
    o.demo = true;
    o.demoCases = 200;
    // One write at a time and one waiting: before the upload lane, the 16 workers took all twelve
    // uploads at once and the gate refused ten of them (503 busy).
    o.extraArgs = { s("--workers"), s("16"), s("--writers"), s("1"), s("--queued-writes"), s("1") };
    QVERIFY2(server.start(o, &why), qPrintable(why));
    OUTPOST_SIGNED_IN(alice, server, "alice");

    QString next;
    QStringList caseIds;
    for (const QJsonValue &v : readFeed(alice, &next)) {
        const QJsonObject c = v.toObject();
        if (c.value(s("kind")).toString() == s("case")
            && !c.value(s("data")).toObject().value(s("status")).toString().startsWith(s("Resolved-")))
            caseIds.append(c.value(s("id")).toString());
    }
    QVERIFY(caseIds.size() >= 10);

    // Twelve devices send 100 notes each at the same moment, each on its own connection.
    constexpr int callers = 12, notes = 100;
    std::vector<std::unique_ptr<HttpClient>> clients;
    std::vector<QByteArray> bodies;
    for (int i = 0; i < callers; ++i) {
        clients.push_back(std::make_unique<HttpClient>(server.baseUrl()));
        clients.back()->setToken(alice.token());
        QJsonArray actions;
        for (int k = 0; k < notes; ++k)
            actions.append(action(s("note"), caseIds.at((i * notes + k) % caseIds.size()),
                { { s("text"), QStringLiteral("overload %1-%2").arg(i).arg(k) } }));
        bodies.push_back(HttpClient::compact(batch(actions, QStringLiteral("overload-%1").arg(i))));
    }
    const auto sendAll = [&]() {
        std::vector<QNetworkReply *> started;
        for (int i = 0; i < callers; ++i)
            started.push_back(
                clients[size_t(i)]->start("POST", s("/api/v1/sync/actions"), bodies[size_t(i)]));
        std::vector<HttpReply> replies;
        for (int i = 0; i < callers; ++i)
            replies.push_back(clients[size_t(i)]->finish(started[size_t(i)]));
        return replies;
    };
    for (int round = 0; round < 2; ++round) {
        // The second round is every device sending its request again (its answer was lost): the
        // stored results come back, nothing is applied twice.
        const std::vector<HttpReply> replies = sendAll();
        int applied = 0;
        for (const HttpReply &r : replies) {
            QVERIFY2(
                r.status == 200, qPrintable(QStringLiteral("round %1: %2").arg(round).arg(r.describe())));
            for (const QJsonValue &v : r.json().value(s("results")).toArray())
                applied += v.toObject().value(s("status")).toString() == s("applied");
        }
        QCOMPARE(applied, callers * notes);
    }

    // Every note is in its case's history exactly once.
    QSet<QString> cases;
    for (int i = 0; i < callers * notes; ++i)
        cases.insert(caseIds.at(i % caseIds.size()));
    QHash<QString, int> seen;
    for (const QString &id : cases) {
        const HttpReply h = alice.get(s("/api/v1/cases/") + id + s("/history"));
        QCOMPARE(h.status, 200);
        for (const QJsonValue &v : h.json().value(s("entries")).toArray()) {
            const QString text = v.toObject().value(s("text")).toString();
            if (text.startsWith(s("overload ")))
                ++seen[text];
        }
    }
    QCOMPARE(seen.size(), callers * notes);
    for (auto it = seen.cbegin(); it != seen.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(it.key()));
}

QTEST_GUILESS_MAIN(TstUploadOverload)
#include "tst_upload_overload.moc"
