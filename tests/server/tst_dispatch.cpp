// SPDX-License-Identifier: MIT
// The dispatcher's API (issue 12) against a real outpostd on SQLite and PostgreSQL with 50,000 demo
// cases: the paged, filtered, searched and sorted case list checked against the database itself;
// bad parameters; creating a case (a bad field: 400 naming it, nothing created; a good one assigned
// with instructions and a due date reaches the technician's feed); bulk assignment all or nothing;
// the pickers' assignees.
#include "itfixture.h"

#include <QUrlQuery>

using namespace outpost::testing;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

struct Page {
    int status = 0;
    QJsonObject body;
    QJsonArray cases;
    qint64 total = -1;
    QString describe;
};

Page list(HttpClient &c, const QString &query)
{
    const HttpReply r = c.get(s("/api/v1/admin/cases?") + query);
    Page p;
    p.status = r.status;
    p.body = r.json();
    p.cases = p.body.value(s("cases")).toArray();
    p.total = p.body.value(s("total")).toInteger(-1);
    p.describe = query + s(": ") + r.describe().left(400);
    return p;
}

QStringList idsOf(const QJsonArray &cases)
{
    QStringList ids;
    for (const QJsonValue &v : cases)
        ids << v.toObject().value(s("id")).toString();
    return ids;
}

QStringList column(const std::optional<QList<QVariantList>> &rows)
{
    QStringList out;
    if (rows)
        for (const QVariantList &r : *rows)
            out << r.value(0).toString();
    return out;
}

} // namespace

class TestDispatch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dispatchOver50000Cases_data() { TestDatabase::addColumns(); }
    void dispatchOver50000Cases();
};

void TestDispatch::dispatchOver50000Cases()
{
    QFETCH(TestDatabase::Kind, db);
    TestDatabase database(db);
    OutpostdProcess server;
    OUTPOST_START_SERVER(database, server, 50000);
    const QString url = database.url();
    auto count = [&](const QString &where) {
        return TestDatabase::scalar(
            url, s("SELECT COUNT(*) FROM cases c LEFT JOIN assignments a ON a.case_id = c.id ") + where)
            .toLongLong();
    };
    OUTPOST_SIGNED_IN(dana, server, "dana");
    OUTPOST_SIGNED_IN(alice, server, "alice");

    // The first page: every case counted, the newest first, in the contract's shape.
    Page first = list(dana, s("limit=50"));
    QVERIFY2(first.status == 200, qPrintable(first.describe));
    QCOMPARE(first.total, 50000);
    QCOMPARE(first.cases.size(), 50);
    QCOMPARE(first.body.value(s("offset")).toInt(), 0);
    QCOMPARE(first.body.value(s("limit")).toInt(), 50);
    const QJsonObject row = first.cases.first().toObject();
    for (const char *key : { "id", "caseType", "status", "title", "assignee", "queue", "dueAt",
             "instructions", "updatedAt", "version", "overdue" })
        QVERIFY2(row.contains(QLatin1String(key)), key);
    QCOMPARE(idsOf(first.cases),
        column(TestDatabase::sql(
            url, s("SELECT id FROM cases ORDER BY updated_at DESC, id DESC LIMIT 50"), nullptr)));

    // Paging: four pages of 50 are the first 200 in one.
    const Page all200 = list(dana, s("limit=200"));
    QCOMPARE(all200.cases.size(), 200);
    QStringList paged;
    for (int offset = 0; offset < 200; offset += 50)
        paged += idsOf(list(dana, s("limit=50&offset=%1").arg(offset)).cases);
    QCOMPARE(paged, idsOf(all200.cases));
    const Page last = list(dana, s("limit=50&offset=49990"));
    QCOMPARE(last.cases.size(), 10);
    QCOMPARE(last.total, 50000);

    // Each filter against the database's own count, and every row matching it.
    struct Filter {
        QString query;
        QString where;
        std::function<bool(const QJsonObject &)> row;
    };
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    const QList<Filter> filters {
        { s("status=InProgress"), s("WHERE c.status = 'InProgress'"),
            [](const QJsonObject &o) { return o.value(s("status")).toString() == s("InProgress"); } },
        { s("queue=north&assignee="),
            s("WHERE c.queue = 'north' AND (c.assignee IS NULL OR c.assignee = '')"),
            [](const QJsonObject &o) {
                return o.value(s("queue")).toString() == s("north") && o.value(s("assignee")).isNull();
            } },
        { s("caseType=repair&assignee=alice"), s("WHERE c.case_type = 'repair' AND c.assignee = 'alice'"),
            [](const QJsonObject &o) {
                return o.value(s("caseType")).toString() == s("repair")
                    && o.value(s("assignee")).toString() == s("alice");
            } },
        { s("overdue=1"), s("WHERE a.due_at < '%1' AND c.status NOT LIKE 'Resolved-%'").arg(now),
            [&](const QJsonObject &o) {
                return o.value(s("overdue")).toBool() && o.value(s("dueAt")).toString() < now
                    && !o.value(s("status")).toString().startsWith(s("Resolved-"));
            } },
        { s("dueFrom=2026-12-01T00:00:00Z&dueTo=2026-12-09T23:59:59Z"),
            s("WHERE a.due_at >= '2026-12-01T00:00:00Z' AND a.due_at <= '2026-12-09T23:59:59Z'"),
            [](const QJsonObject &o) {
                const QString due = o.value(s("dueAt")).toString();
                return due >= s("2026-12-01T00:00:00Z") && due <= s("2026-12-09T23:59:59Z");
            } },
        // Search: a title substring in any case, or an id prefix (with or without "C-").
        { s("q=SUBSTATION%2012"), s("WHERE LOWER(c.title) LIKE '%substation 12%'"),
            [](const QJsonObject &o) {
                return o.value(s("title")).toString().contains(s("substation 12"), Qt::CaseInsensitive);
            } },
        { s("q=C-1234"), s("WHERE c.id LIKE 'C-1234%'"),
            [](const QJsonObject &o) { return o.value(s("id")).toString().startsWith(s("C-1234")); } },
        { s("q=4999"), s("WHERE c.id LIKE 'C-4999%'"),
            [](const QJsonObject &o) { return o.value(s("id")).toString().startsWith(s("C-4999")); } },
        { s("q=no%20such%20title"), s("WHERE 1 = 0"), [](const QJsonObject &) { return false; } },
    };
    for (const Filter &f : filters) {
        const Page p = list(dana, f.query + s("&limit=200"));
        QVERIFY2(p.status == 200, qPrintable(p.describe));
        const qint64 expected = count(f.where);
        QVERIFY2(p.total == expected,
            qPrintable(f.query + s(": %1 listed, %2 in the database").arg(p.total).arg(expected)));
        QCOMPARE(p.cases.size(), int(qMin<qint64>(200, expected)));
        for (const QJsonValue &v : p.cases)
            QVERIFY2(f.row(v.toObject()),
                qPrintable(f.query + s(": ") + QString::fromUtf8(QJsonDocument(v.toObject()).toJson())));
    }
    QVERIFY(count(s("WHERE c.status = 'InProgress'")) > 0); // the filters were not all empty
    QVERIFY(count(s("WHERE c.case_type = 'repair' AND c.assignee = 'alice'")) > 0);

    // Sorts: the database's own order (its collation), ties by id.
    const QList<std::pair<QString, QString>> sorts {
        { s("sort=title&order=asc"), s("ORDER BY c.title ASC, c.id ASC") },
        { s("sort=status&order=desc"), s("ORDER BY c.status DESC, c.id DESC") },
        { s("sort=id&order=asc"), s("ORDER BY c.id ASC") },
        { s("sort=dueAt&order=asc"), s("ORDER BY (a.due_at IS NULL), a.due_at ASC, c.id ASC") },
        { s("sort=dueAt&order=asc&status=New&offset=100"),
            s("WHERE c.status = 'New' ORDER BY (a.due_at IS NULL), a.due_at ASC, c.id ASC LIMIT 50 OFFSET "
              "100") },
    };
    for (const auto &[query, order] : sorts) {
        const QString limit = order.contains(s("LIMIT")) ? QString() : s(" LIMIT 50");
        QCOMPARE(idsOf(list(dana, query + s("&limit=50")).cases),
            column(TestDatabase::sql(url,
                s("SELECT c.id FROM cases c LEFT JOIN assignments a ON a.case_id = c.id ") + order + limit,
                nullptr)));
    }

    // Bad parameters: 400 naming each.
    const Page bad = list(dana, s("limit=201&sort=priority&order=up&overdue=2&dueFrom=soon&offset=-1"));
    QCOMPARE(bad.status, 400);
    const QJsonObject fields = bad.body.value(s("error")).toObject().value(s("fields")).toObject();
    QCOMPARE(QStringList(fields.keys()),
        (QStringList { s("dueFrom"), s("limit"), s("offset"), s("order"), s("overdue"), s("sort") }));

    // A new case with a bad field: 400 naming it, nothing created.
    const qint64 before = count({});
    const HttpReply invalid = dana.post(s("/api/v1/admin/cases"),
        { { s("caseType"), s("inspection") }, { s("title"), s("Bad site") },
            { s("fields"), QJsonObject { { s("site"), s("no-such-site") } } },
            { s("assignee"), s("alice") } });
    QCOMPARE(invalid.status, 400);
    QCOMPARE(invalid.errorCode(), s("validation_failed"));
    QVERIFY2(invalid.json().value(s("error")).toObject().value(s("fields")).toObject().contains(s("site")),
        qPrintable(invalid.describe()));
    const HttpReply nobody = dana.post(s("/api/v1/admin/cases"),
        { { s("caseType"), s("inspection") }, { s("assignee"), s("zed") }, { s("dueAt"), s("tomorrow") } });
    QCOMPARE(nobody.status, 400);
    QVERIFY(nobody.json().value(s("error")).toObject().value(s("fields")).toObject().contains(s("dueAt")));
    QCOMPARE(count({}), before);

    // A valid one, assigned to alice with instructions and a due date, reaches her feed.
    const QString since
        = TestDatabase::scalar(url, s("SELECT value FROM counters WHERE name = 'seq'")).toString();
    const QJsonObject fieldsOk { { s("site"), s("S-101") }, { s("visitDate"), s("2026-12-10") } };
    const HttpReply created = dana.post(s("/api/v1/admin/cases"),
        { { s("caseType"), s("inspection") }, { s("title"), s("Dispatched inspection") },
            { s("fields"), fieldsOk }, { s("assignee"), s("alice") },
            { s("instructions"), s("Bring the long ladder.") },
            { s("dueAt"), s("2026-12-10T09:00:00+01:00") } });
    QVERIFY2(created.status == 201, qPrintable(created.describe()));
    const QString newId = created.json().value(s("id")).toString();
    QCOMPARE(created.json().value(s("assignee")).toString(), s("alice"));
    QCOMPARE(count({}), before + 1);
    QString next;
    bool sawCase = false, sawAssignment = false;
    for (const QJsonValue &v : readFeed(alice, &next, since)) {
        const QJsonObject ch = v.toObject();
        const QJsonObject d = ch.value(s("data")).toObject();
        if (ch.value(s("kind")).toString() == s("case") && ch.value(s("id")).toString() == newId)
            sawCase = d.value(s("title")).toString() == s("Dispatched inspection");
        if (ch.value(s("kind")).toString() == s("assignment") && d.value(s("caseId")).toString() == newId)
            sawAssignment = d.value(s("instructions")).toString() == s("Bring the long ladder.")
                && d.value(s("dueAt")).toString() == s("2026-12-10T08:00:00Z")
                && d.value(s("assignee")).toString() == s("alice");
    }
    QVERIFY(sawCase);
    QVERIFY(sawAssignment);
    // The details: case, assignment, history (created, assigned).
    const HttpReply details = dana.get(s("/api/v1/admin/cases/") + newId);
    QCOMPARE(details.status, 200);
    QCOMPARE(details.json().value(s("assignment")).toObject().value(s("instructions")).toString(),
        s("Bring the long ladder."));
    QCOMPARE(
        details.json().value(s("case")).toObject().value(s("fields")).toObject().value(s("site")).toString(),
        s("S-101"));
    QVERIFY(details.json().value(s("history")).toArray().size() >= 2);
    QVERIFY(details.json().value(s("notes")).isArray() && details.json().value(s("attachments")).isArray());
    QCOMPARE(dana.get(s("/api/v1/admin/cases/C-1")).status, 404);
    // It lists first, found by its title.
    QCOMPARE(idsOf(list(dana, s("q=dispatched%20INSPECTION")).cases), QStringList { newId });

    // Bulk assignment: all or nothing.
    const QStringList two = idsOf(list(dana, s("queue=south&assignee=&limit=2")).cases);
    QCOMPARE(two.size(), 2);
    const HttpReply partial = dana.post(s("/api/v1/admin/cases/assign"),
        { { s("ids"), QJsonArray { two.at(0), two.at(1), s("C-1") } }, { s("assignee"), s("bob") } });
    QCOMPARE(partial.status, 404);
    QCOMPARE(count(s("WHERE c.assignee = 'bob' AND c.id IN ('%1', '%2')").arg(two.at(0), two.at(1))), 0);
    QJsonArray tooMany;
    for (int i = 0; i < 501; ++i)
        tooMany.append(s("C-%1").arg(10001 + i));
    QCOMPARE(dana.post(s("/api/v1/admin/cases/assign"), { { s("ids"), tooMany }, { s("queue"), s("north") } })
                 .status,
        400);
    const HttpReply bulk = dana.post(s("/api/v1/admin/cases/assign"),
        { { s("ids"), QJsonArray { two.at(0), two.at(1) } }, { s("assignee"), s("bob") },
            { s("instructions"), s("Both before noon.") }, { s("dueAt"), s("2026-12-11") } });
    QVERIFY2(bulk.status == 200, qPrintable(bulk.describe()));
    QCOMPARE(bulk.json().value(s("updated")).toInt(), 2);
    const QString inList = s("WHERE c.assignee = 'bob' AND a.instructions = 'Both before noon.'"
                             " AND a.due_at = '2026-12-11T00:00:00Z' AND c.id IN ('%1', '%2')")
                               .arg(two.at(0), two.at(1));
    QCOMPARE(count(inList), 2);

    // The pickers.
    const QJsonObject assignees = dana.get(s("/api/v1/admin/assignees")).json();
    QStringList users;
    for (const QJsonValue &v : assignees.value(s("users")).toArray())
        users << v.toObject().value(s("id")).toString();
    QVERIFY(users.contains(s("alice")) && users.contains(s("bob")));
    QCOMPARE(assignees.value(s("queues")).toArray(), (QJsonArray { s("north"), s("south") }));
    QCOMPARE(server.stop(), 0);
}

QTEST_GUILESS_MAIN(TestDispatch)
#include "tst_dispatch.moc"
