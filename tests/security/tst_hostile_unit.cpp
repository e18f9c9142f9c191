// SPDX-License-Identifier: MIT
// What a signed-in but hostile technician tries, through Service::handler() on a temp SQLite file:
// texts beyond the client's rules (core's RulesEngine), probing ids outside their scope (one
// answer, 404, for "not yours" and "not there"), and filling the sync-issue table with gone actions.
#include "rules/rulesengine.h"
#include "servicetestbase.h"

using namespace outpost;
using namespace outpost::server;
using namespace outpost::server::testing;

class TestHostile : public ServiceTestBase
{
    Q_OBJECT
public:
    using ServiceTestBase::ServiceTestBase;

private Q_SLOTS:
    void textsFollowTheClientsRules()
    {
        const QString mine = someCase(QStringLiteral("alice"), QStringLiteral("installation"));
        QVERIFY(!mine.isEmpty());
        const QJsonObject longNote = firstResult(post(alice,
            { action(QStringLiteral("note"), mine,
                { { QStringLiteral("text"),
                    QString(RulesEngine::MaxNoteLength + 1, QLatin1Char('x')) } }) }));
        QCOMPARE(longNote.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QVERIFY(longNote.value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("fields"))
                    .toObject()
                    .contains(QStringLiteral("text")));
        const QJsonObject blank = firstResult(post(alice,
            { action(QStringLiteral("note"), mine, { { QStringLiteral("text"), QStringLiteral("  ") } }) }));
        QCOMPARE(blank.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        const QJsonObject fine = firstResult(post(alice,
            { action(QStringLiteral("note"), mine,
                { { QStringLiteral("text"), QString(RulesEngine::MaxNoteLength, QLatin1Char('x')) } }) }));
        QCOMPARE(fine.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));

        // A title beyond 200 characters, or with control characters, on a new case.
        for (const QString &title : { QString(RulesEngine::MaxTitleLength + 1, QLatin1Char('t')),
                 QStringLiteral("bell\u0007title") }) {
            const QJsonObject created = firstResult(post(alice,
                { action(QStringLiteral("create"),
                    QStringLiteral("tmp-") + QUuid::createUuid().toString(QUuid::WithoutBraces),
                    { { QStringLiteral("caseType"), QStringLiteral("installation") },
                        { QStringLiteral("title"), title },
                        { QStringLiteral("fields"), QJsonObject() } }) }));
            QCOMPARE(created.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
            QVERIFY(created.value(QStringLiteral("error"))
                        .toObject()
                        .value(QStringLiteral("fields"))
                        .toObject()
                        .contains(QStringLiteral("title")));
        }
        // A text field without a maxLength of its own holds at most MaxTextLength characters.
        FieldDef free;
        free.name = QStringLiteral("remark");
        free.label = QStringLiteral("Remark");
        free.type = FieldType::Text;
        QVERIFY(RulesEngine::checkValue(free, QString(RulesEngine::MaxTextLength, QLatin1Char('r')), {})
                    .isEmpty());
        QVERIFY(!RulesEngine::checkValue(free, QString(RulesEngine::MaxTextLength + 1, QLatin1Char('r')), {})
                     .isEmpty());
    }

    void notYoursReadsAsNotThere()
    {
        const QString bobs = someCase(QStringLiteral("bob"), QStringLiteral("installation"));
        QVERIFY(!bobs.isEmpty());
        const auto missing = h->call("GET", QStringLiteral("/api/v1/cases/C-424242"), {}, alice);
        for (const QString &path : QStringList { QStringLiteral("/api/v1/cases/%1").arg(bobs),
                 QStringLiteral("/api/v1/cases/%1/history").arg(bobs) }) {
            const auto r = h->call("GET", path, {}, alice);
            QCOMPARE(r.status, 404);
            QCOMPARE(Harness::json(r).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")),
                Harness::json(missing)
                    .value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("code")));
        }
        // An attachment on bob's case: alice gets what a random id gets; so does her upload to his case.
        const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QCOMPARE(h->call("PUT", QStringLiteral("/api/v1/attachments/%1?caseId=%2&name=a.txt").arg(uuid, bobs),
                      "bob's", bob, "text/plain")
                     .status,
            201);
        const auto theirs = h->call("GET", QStringLiteral("/api/v1/attachments/") + uuid, {}, alice);
        const auto nowhere = h->call("GET",
            QStringLiteral("/api/v1/attachments/") + QUuid::createUuid().toString(QUuid::WithoutBraces), {},
            alice);
        QCOMPARE(theirs.status, 404);
        QCOMPARE(nowhere.status, 404);
        QCOMPARE(
            Harness::json(theirs).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")),
            Harness::json(nowhere).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")));
        const auto upload = h->call("PUT",
            QStringLiteral("/api/v1/attachments/%1?caseId=%2&name=a.txt")
                .arg(QUuid::createUuid().toString(QUuid::WithoutBraces), bobs),
            "x", alice, "text/plain");
        QCOMPARE(upload.status, 404);
        // The owner downloads it as a file, never as a page.
        const auto download = h->call("GET", QStringLiteral("/api/v1/attachments/") + uuid, {}, bob);
        QCOMPARE(download.status, 200);
        bool disposition = false;
        for (const auto &[name, value] : download.headers)
            disposition |= name == "Content-Disposition" && value.startsWith("attachment");
        QVERIFY(disposition);
    }

    void syncIssuesAreCappedPerUser()
    {
        ServiceOptions o = h->options();
        o.maxSyncIssuesPerUser = 3;
        h->setService({});
        auto s = h->open(o);
        QVERIFY(s.ok());
        h->setService(std::move(s).value());
        // Gone actions (unknown temp ids) each leave a sync issue; a device sending them in a loop
        // keeps only the newest three.
        QJsonArray gone;
        for (int i = 0; i < 6; ++i)
            gone.append(action(QStringLiteral("note"),
                QStringLiteral("tmp-") + QUuid::createUuid().toString(QUuid::WithoutBraces),
                { { QStringLiteral("text"), QStringLiteral("loop %1").arg(i) } }));
        const QJsonObject r = post(bob, gone);
        QCOMPARE(r.value(QStringLiteral("results")).toArray().size(), 6);
        QCOMPARE(
            h->scalar(QStringLiteral("SELECT COUNT(*) FROM sync_issues WHERE user_id = 'bob'")).toInt(), 3);
        QVERIFY(h->scalar(QStringLiteral("SELECT MIN(action) FROM sync_issues WHERE user_id = 'bob'"))
                    .toString()
                    .contains(QLatin1String("loop")));
        QCOMPARE(h
                     ->scalar(QStringLiteral(
                         "SELECT COUNT(*) FROM sync_issues WHERE user_id = 'bob' AND action LIKE '%loop 0%'"))
                     .toInt(),
            0);
    }
};

int main(int argc, char **argv)
{
    return runOnBothDatabases<TestHostile>(argc, argv);
}
#include "tst_hostile_unit.moc"
