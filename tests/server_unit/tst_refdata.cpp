// SPDX-License-Identifier: MIT
// Case types and data pages for administrators (operations console, issue 12) through
// Service::handler() on SQLite and PostgreSQL: check verdicts that change nothing, CSV import that
// is all or nothing and reaches every technician's feed as upserts and removes, limits.
#include "servicetestbase.h"

using namespace outpost;
using namespace outpost::server;
using namespace outpost::server::testing;

namespace {
QString s(const char *latin1)
{
    return QString::fromLatin1(latin1);
}
const QString kSites = QStringLiteral("/api/v1/admin/data-pages/sites/csv");
} // namespace

class TestRefData : public ServiceTestBase
{
    Q_OBJECT
public:
    using ServiceTestBase::ServiceTestBase;

private:
    http::Response postCsv(const QString &path, const QByteArray &csv, const QString &token)
    {
        return h->call("POST", path, csv, token, "text/csv");
    }
    QJsonObject storedType(const QString &name)
    {
        return Harness::json(h->call("GET", s("/api/v1/admin/case-types/") + name, {}, carol));
    }
    QJsonObject check(const QString &name, const QByteArray &body)
    {
        const auto r = h->call("POST", s("/api/v1/admin/case-types/%1/check").arg(name), body, carol);
        return r.status == 200 ? Harness::json(r) : QJsonObject { { s("status"), r.status } };
    }
    qint64 currentSeq() { return h->scalar(s("SELECT value FROM counters WHERE name = 'seq'")).toLongLong(); }

private Q_SLOTS:
    void caseTypesListedAndRead()
    {
        const auto r = h->call("GET", s("/api/v1/admin/case-types"), {}, carol);
        QCOMPARE(r.status, 200);
        const QJsonArray types = Harness::json(r).value(s("caseTypes")).toArray();
        QCOMPARE(types.size(), 3);
        QCOMPARE(types.at(0).toObject().value(s("name")).toString(), s("inspection"));
        QCOMPARE(types.at(0).toObject().value(s("title")).toString(), s("Site inspection"));
        QCOMPARE(types.at(0).toObject().value(s("version")).toInt(), 1);
        QCOMPARE(storedType(s("inspection")).value(s("name")).toString(), s("inspection"));
        QCOMPARE(h->call("GET", s("/api/v1/admin/case-types/nope"), {}, carol).status, 404);
    }

    void checkSaysNewCompatibleOrFullSyncAndChangesNothing()
    {
        const qint64 seq = currentSeq();
        QJsonObject type = storedType(s("inspection"));
        type.insert(s("version"), 2);
        QJsonArray fields = type.value(s("fields")).toArray();
        fields.append(QJsonObject { { s("name"), s("gateCode") }, { s("type"), s("text") } });
        type.insert(s("fields"), fields);
        QJsonObject c = check(s("inspection"), QJsonDocument(type).toJson());
        QCOMPARE(c.value(s("valid")).toBool(), true);
        QCOMPARE(c.value(s("verdict")).toString(), s("compatible"));
        QCOMPARE(c.value(s("reasons")).toArray().at(0).toString(), s("field 'gateCode' was added"));

        fields.removeFirst(); // drops "site": every device must sync fully
        type.insert(s("fields"), fields);
        c = check(s("inspection"), QJsonDocument(type).toJson());
        QCOMPARE(c.value(s("valid")).toBool(), true);
        QCOMPARE(c.value(s("verdict")).toString(), s("fullSync"));
        QVERIFY(c.value(s("reasons")).toArray().contains(s("field 'site' was removed")));

        QJsonObject fresh = type;
        fresh.insert(s("name"), s("survey"));
        fresh.insert(s("version"), 1);
        c = check(s("survey"), QJsonDocument(fresh).toJson());
        QCOMPARE(c.value(s("verdict")).toString(), s("new"));
        QCOMPARE(c.value(s("errors")).toArray().size(), 0);

        // Broken: malformed JSON (where), a field of the wrong type (its path), the same version.
        c = check(s("inspection"), "{\"name\": \"inspection\",\n  \"version\": 2,,}");
        QCOMPARE(c.value(s("valid")).toBool(), false);
        QVERIFY(c.value(s("verdict")).isNull());
        const QString where = c.value(s("errors")).toArray().at(0).toObject().value(s("message")).toString();
        QVERIFY2(where.startsWith(s("The JSON is malformed at line 2, column")), qPrintable(where));
        QJsonObject wrong = storedType(s("inspection"));
        wrong.insert(s("statuses"), 7);
        c = check(s("inspection"), QJsonDocument(wrong).toJson());
        QCOMPARE(c.value(s("valid")).toBool(), false);
        QCOMPARE(c.value(s("errors")).toArray().at(0).toObject().value(s("path")).toString(), s("statuses"));
        c = check(s("inspection"), QJsonDocument(storedType(s("inspection"))).toJson());
        QCOMPARE(c.value(s("errors")).toArray().at(0).toObject().value(s("path")).toString(), s("version"));
        c = check(s("repair"), QJsonDocument(type).toJson());
        QCOMPARE(c.value(s("errors")).toArray().at(0).toObject().value(s("path")).toString(), s("name"));

        QCOMPARE(currentSeq(), seq); // nothing was written
        QCOMPARE(storedType(s("inspection")).value(s("version")).toInt(), 1);
        // PUT refuses the broken document with the same words.
        const auto put = h->call("PUT", s("/api/v1/admin/case-types/inspection"),
            "{\"name\": \"inspection\",\n  \"version\": 2,,}", carol);
        QCOMPARE(put.status, 400);
        QVERIFY(Harness::json(put)
                    .value(s("error"))
                    .toObject()
                    .value(s("message"))
                    .toString()
                    .startsWith(s("The JSON is malformed")));
    }

    void dataPagesListedWithRowCounts()
    {
        auto r = h->call("GET", s("/api/v1/admin/data-pages"), {}, carol);
        QCOMPARE(r.status, 200);
        QCOMPARE(Harness::json(r).value(s("dataPages")).toArray(),
            (QJsonArray { QJsonObject { { s("name"), s("parts") }, { s("rows"), 1000 } },
                QJsonObject { { s("name"), s("sites") }, { s("rows"), 200 } } }));
        // A page a case type names but nobody filled yet is listed with 0 rows and exports a header.
        QJsonObject type = storedType(s("inspection"));
        QJsonObject survey = type;
        survey.insert(s("name"), s("survey"));
        QJsonArray fields = type.value(s("fields")).toArray();
        fields.append(QJsonObject {
            { s("name"), s("depot") }, { s("type"), s("lookup") }, { s("dataPage"), s("depots") } });
        survey.insert(s("fields"), fields);
        QCOMPARE(h->callJson("PUT", s("/api/v1/admin/case-types/survey"), survey, carol).status, 200);
        r = h->call("GET", s("/api/v1/admin/data-pages"), {}, carol);
        QVERIFY(Harness::json(r)
                    .value(s("dataPages"))
                    .toArray()
                    .contains(QJsonObject { { s("name"), s("depots") }, { s("rows"), 0 } }));
        r = h->call("GET", s("/api/v1/admin/data-pages/depots/csv"), {}, carol);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("key,label\r\n"));
        QCOMPARE(h->call("GET", s("/api/v1/admin/data-pages/nothing/csv"), {}, carol).status, 404);
        QCOMPARE(h->call("GET", s("/api/v1/admin/data-pages/a%20b/csv"), {}, carol).status, 400);
    }

    void oneBadRowImportsNothing()
    {
        const QByteArray before = h->call("GET", kSites, {}, carol).body;
        const qint64 seq = currentSeq();
        QByteArray csv = before;
        csv.insert(csv.indexOf("S-003,"), "S-500,\"Broken \"quote\",x,north,Y\r\n");
        csv += "S-501,New,1 Road,north,Z\r\n";
        for (const char *query : { "", "?dryRun=1" }) {
            const auto r = postCsv(kSites + QLatin1String(query), csv, carol);
            const bool dry = *query != 0;
            QCOMPARE(r.status, dry ? 200 : 400);
            const QJsonObject o = Harness::json(r);
            if (!dry)
                QCOMPARE(o.value(s("error")).toObject().value(s("code")).toString(), s("validation_failed"));
            QCOMPARE(o.value(s("imported")).toBool(), false);
            const QJsonArray errors = o.value(s("errors")).toArray();
            QCOMPARE(errors.size(), 1);
            QCOMPARE(errors.at(0).toObject().value(s("line")).toInt(), 4);
            QCOMPARE(errors.at(0).toObject().value(s("column")).toInt(), 2);
        }
        QCOMPARE(h->call("GET", kSites, {}, carol).body, before);
        QCOMPARE(currentSeq(), seq);
        // Not CSV, not UTF-8, too large for the server.
        QCOMPARE(h->call("POST", kSites, before, carol, "application/json").status, 415);
        const auto latin1 = postCsv(kSites, "key,label\r\nS-1,M\xfcller\r\n", carol);
        QCOMPARE(latin1.status, 400);
        QVERIFY(Harness::json(latin1)
                    .value(s("errors"))
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(s("message"))
                    .toString()
                    .contains(s("not UTF-8")));
        QCOMPARE(postCsv(kSites, QByteArray(65 << 20, 'x'), carol).status, 413);
        QCOMPARE(h->call("GET", kSites, {}, carol).body, before);
    }

    void goodImportReachesEveryFeedAsUpsertsAndRemoves()
    {
        const Feed alicesStart = readFeed(alice, s("0"), 5000);
        const Feed carolsStart = readFeed(carol, s("0"), 5000);
        QByteArray csv = h->call("GET", kSites, {}, carol).body;
        const qsizetype first = csv.indexOf("S-001,");
        csv.remove(first, csv.indexOf("S-002,") - first); // S-001 goes
        csv.replace("Substation 2, ", "Substation Two, "); // S-002 changes
        csv += "S-777,\"New site, \"\"quoted\"\"\",7 Road,south,Testville\r\n"; // S-777 comes
        const auto dry = postCsv(kSites + s("?dryRun=1"), csv, carol);
        QCOMPARE(dry.status, 200);
        QCOMPARE(Harness::json(dry).value(s("preview")).toArray().size(), 20);
        QCOMPARE(Harness::json(dry).value(s("preview")).toArray().at(0).toObject().value(s("key")).toString(),
            s("S-002"));
        const auto r = postCsv(kSites, csv, carol);
        QCOMPARE(r.status, 200);
        const QJsonObject o = Harness::json(r);
        QCOMPARE(o.value(s("imported")).toBool(), true);
        QCOMPARE(o.value(s("rows")).toInt(), 200);
        QCOMPARE(o.value(s("added")).toInt(), 1);
        QCOMPARE(o.value(s("changed")).toInt(), 1);
        QCOMPARE(o.value(s("removed")).toInt(), 1);

        for (const auto &[token, start] :
            { std::pair { alice, alicesStart.next }, std::pair { carol, carolsStart.next } }) {
            const Feed delta = readFeed(token, start);
            QCOMPARE(delta.status, 200);
            QStringList seen;
            for (const QJsonObject &c : delta.changes)
                if (c.value(s("kind")).toString() == s("dataPage"))
                    seen << c.value(s("op")).toString() + QLatin1Char(' ') + c.value(s("id")).toString();
            seen.sort();
            QCOMPARE(
                seen, (QStringList { "remove sites/S-001", "upsert sites/S-002", "upsert sites/S-777" }));
        }
        const Feed full = readFeed(alice, s("0"), 5000);
        QStringList sites;
        for (const QJsonObject &c : full.changes)
            if (c.value(s("id")).toString().startsWith(s("sites/")))
                sites << c.value(s("id")).toString();
        QCOMPARE(sites.size(), 200);
        QVERIFY(!sites.contains(s("sites/S-001")) && sites.contains(s("sites/S-777")));
        // The same file again changes nothing: no feed rows, no hints.
        const qint64 seq = currentSeq();
        QCOMPARE(Harness::json(postCsv(kSites, csv, carol)).value(s("unchanged")).toInt(), 200);
        QCOMPARE(currentSeq(), seq);
        // Lookups follow: a case at the removed site is refused, at the new one accepted.
        const QString mine = someCase(s("alice"), s("inspection"));
        auto siteUpdate = [&](const QString &site) {
            const QJsonObject c = caseOf(mine);
            return firstResult(post(alice,
                { action(s("update"), mine,
                    { { s("baseEtag"), c.value(s("etag")) },
                        { s("fields"), QJsonObject { { s("site"), site } } } }) }));
        };
        QJsonObject res = siteUpdate(s("S-001"));
        QCOMPARE(res.value(s("status")).toString(), s("rejected"));
        res = siteUpdate(s("S-777"));
        QCOMPARE(res.value(s("status")).toString(), s("applied"));
    }

    void techniciansAreRefused()
    {
        for (const auto &[method, path] :
            { std::pair { "GET", "admin/case-types" }, std::pair { "GET", "admin/case-types/inspection" },
                std::pair { "POST", "admin/case-types/inspection/check" },
                std::pair { "GET", "admin/data-pages" }, std::pair { "GET", "admin/data-pages/sites/csv" },
                std::pair { "POST", "admin/data-pages/sites/csv" } }) {
            const auto r
                = h->call(method, s("/api/v1/") + QLatin1String(path), "key,label\r\n", alice, "text/csv");
            QVERIFY2(r.status == 403, path);
        }
    }
};

int main(int argc, char **argv)
{
    return runOnBothDatabases<TestRefData>(argc, argv);
}

#include "tst_refdata.moc"
