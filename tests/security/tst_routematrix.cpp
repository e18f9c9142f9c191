// SPDX-License-Identifier: MIT
// Every route of the API × {anonymous, technician, another technician, administrator}: the exact
// status each gets, through Service::handler() on SQLite and PostgreSQL. The route list comes from
// the route table itself, so a route added without a row here fails the test. Where an entity is
// in the path, the other technician's answer for the first technician's entity is compared with
// the answer for an id that does not exist: "not yours" and "not there" read the same.
#include "apihandler.h"
#include "servicetestbase.h"

#include <QRegularExpression>

using namespace outpost;
using namespace outpost::server;
using namespace outpost::server::testing;

namespace {

QString s(const char *latin1)
{
    return QString::fromLatin1(latin1);
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString errorCode(const http::Response &r)
{
    return Harness::json(r).value(s("error")).toObject().value(s("code")).toString();
}

enum Role { Anonymous, Owner, Other, Dispatcher, Admin, RoleCount };
const char *const kRoleNames[RoleCount]
    = { "anonymous", "technician", "other technician", "dispatcher", "administrator" };

/// One request of a route, and the status each role gets for it.
struct Row {
    QString route; // "METHOD pattern" as ApiHandler::routeList() names it
    QByteArray method;
    std::function<QString()> path; // a fresh path per call (uploads need new ids)
    QByteArray body;
    int expected[RoleCount];
    /// The same request on an entity that does not exist (empty: no entity in the path).
    std::function<QString()> missingPath = {};
    QByteArray contentType = "application/json";
    /// The body's own word for "applied"/"gone" (sync/actions answers 200 with per-action results).
    QString resultStatus[RoleCount] = {};
};

} // namespace

class TestRouteMatrix : public ServiceTestBase
{
    Q_OBJECT
public:
    using ServiceTestBase::ServiceTestBase;

private:
    QString dana; // the demo's dispatcher

    QString tokenOf(Role role) const
    {
        switch (role) {
        case Owner:
            return alice;
        case Other:
            return bob;
        case Dispatcher:
            return dana;
        case Admin:
            return carol;
        default:
            return {};
        }
    }

    /// The answer with ids blanked (attachment UUIDs, and the case id `caseId`), so "not yours"
    /// and "not there" compare as bytes.
    static QByteArray blanked(const http::Response &r, const QString &caseId)
    {
        static const QRegularExpression uuids(
            QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
        return QString::fromUtf8(r.body).replace(caseId, s("ID")).replace(uuids, s("ID")).toUtf8();
    }

private Q_SLOTS:
    void everyRouteForEveryRole()
    {
        dana = h->signIn(s("dana"));
        QVERIFY(!dana.isEmpty());
        const QString mine = someCase(s("alice"), s("installation"));
        const QString pooled = someCase(QString(), s("installation")); // purged by the last row
        QVERIFY(!mine.isEmpty() && !pooled.isEmpty());
        const QString missingCase = s("C-424242");
        // An attachment on alice's case, uploaded by alice.
        const QString att = uuid();
        QCOMPARE(h->call("PUT", s("/api/v1/attachments/%1?caseId=%2&name=a.txt").arg(att, mine), "alice's",
                      alice, "text/plain")
                     .status,
            201);
        // The installation case type, one version up.
        QJsonObject type;
        for (const QJsonObject &c : readFeed(carol, s("0"), 5000).changes)
            if (c.value(s("kind")).toString() == s("caseType")
                && c.value(s("id")).toString() == s("installation"))
                type = c.value(s("data")).toObject();
        QVERIFY(!type.isEmpty());
        int version = type.value(s("version")).toInt();
        auto note = [&](const QString &caseId) {
            return QJsonDocument(batch({ action(s("note"), caseId, { { s("text"), s("checked") } }) }))
                .toJson(QJsonDocument::Compact);
        };

        // Devices the console's rows act on, each with a session of its own.
        for (const char *device : { "matrix-signout", "matrix-retire" })
            QCOMPARE(h->callJson("POST", s("/api/v1/session"),
                          { { s("username"), s("bob") }, { s("password"), s("bob") },
                              { s("deviceId"), s(device) } },
                          {})
                         .status,
                200);

        const QList<Row> rows {
            { s("GET health"), "GET", []() -> QString { return s("/api/v1/health"); }, {},
                { 200, 200, 200, 200, 200 } },
            { s("GET sync/changes"), "GET", []() -> QString { return s("/api/v1/sync/changes?limit=5"); }, {},
                { 401, 200, 200, 200, 200 } },
            { s("POST sync/actions"), "POST", []() -> QString { return s("/api/v1/sync/actions"); },
                note(mine), { 401, 200, 200, 200, 200 },
                []() -> QString { return s("/api/v1/sync/actions"); }, "application/json",
                { {}, s("applied"), s("gone"), s("applied"), s("applied") } },
            { s("GET cases/{id}"), "GET", [&]() -> QString { return s("/api/v1/cases/") + mine; }, {},
                { 401, 200, 404, 200, 200 }, [&]() -> QString { return s("/api/v1/cases/") + missingCase; } },
            { s("GET cases/{id}/history"), "GET",
                [&]() -> QString { return s("/api/v1/cases/%1/history").arg(mine); }, {},
                { 401, 200, 404, 200, 200 },
                [&]() -> QString { return s("/api/v1/cases/%1/history").arg(missingCase); } },
            { s("GET attachments/{uuid}"), "GET",
                [&]() -> QString { return s("/api/v1/attachments/") + att; }, {}, { 401, 200, 404, 200, 200 },
                []() -> QString { return s("/api/v1/attachments/") + uuid(); } },
            { s("PUT attachments/{uuid}"), "PUT",
                [&]() -> QString {
                    return s("/api/v1/attachments/%1?caseId=%2&name=x.txt").arg(uuid(), mine);
                },
                "x", { 401, 201, 404, 201, 201 },
                [&]() -> QString {
                    return s("/api/v1/attachments/%1?caseId=%2&name=x.txt").arg(uuid(), missingCase);
                },
                "text/plain" },
            { s("GET notify"), "GET", []() -> QString { return s("/api/v1/notify"); }, {},
                { 401, 400, 400, 400, 400 } },
            // The console's session: a bearer token of a technician is no console session; ending
            // one without its cookie only clears the cookie. POST is below, with the sessions.
            { s("GET console/session"), "GET", []() -> QString { return s("/api/v1/console/session"); }, {},
                { 401, 403, 403, 200, 200 } },
            { s("DELETE console/session"), "DELETE", []() -> QString { return s("/api/v1/console/session"); },
                {}, { 200, 200, 200, 200, 200 } },
            { s("POST admin/full-sync"), "POST", []() -> QString { return s("/api/v1/admin/full-sync"); },
                R"({"user": "bob"})", { 401, 403, 403, 200, 200 } },
            { s("GET admin/sync-issues"), "GET", []() -> QString { return s("/api/v1/admin/sync-issues"); },
                {}, { 401, 403, 403, 200, 200 } },
            { s("POST admin/sync-issues/{id}/reapply"), "POST",
                []() -> QString { return s("/api/v1/admin/sync-issues/999999/reapply"); }, {},
                { 401, 403, 403, 404, 404 } },
            { s("PUT admin/case-types/{name}"), "PUT",
                []() -> QString { return s("/api/v1/admin/case-types/installation"); }, {},
                { 401, 403, 403, 403, 200 } },
            // Dispatchers read case types (the console's create form), only administrators change them.
            { s("GET admin/case-types"), "GET", []() -> QString { return s("/api/v1/admin/case-types"); }, {},
                { 401, 403, 403, 200, 200 } },
            { s("GET admin/case-types/{name}"), "GET",
                []() -> QString { return s("/api/v1/admin/case-types/installation"); }, {},
                { 401, 403, 403, 200, 200 } },
            { s("POST admin/case-types/{name}/check"), "POST",
                []() -> QString { return s("/api/v1/admin/case-types/installation/check"); }, "{}",
                { 401, 403, 403, 403, 200 } },
            { s("GET admin/data-pages"), "GET", []() -> QString { return s("/api/v1/admin/data-pages"); }, {},
                { 401, 403, 403, 403, 200 } },
            { s("GET admin/data-pages/{name}/csv"), "GET",
                []() -> QString { return s("/api/v1/admin/data-pages/sites/csv"); }, {},
                { 401, 403, 403, 403, 200 } },
            { s("POST admin/data-pages/{name}/csv"), "POST",
                []() -> QString { return s("/api/v1/admin/data-pages/matrix/csv"); },
                "key,label\r\nM-1,Matrix\r\n", { 401, 403, 403, 403, 200 }, {}, "text/csv" },
            { s("PUT admin/cases/{id}/assignment"), "PUT",
                [&]() -> QString { return s("/api/v1/admin/cases/%1/assignment").arg(pooled); },
                R"({"assignee": "bob"})", { 401, 403, 403, 200, 200 } },
            // Dispatch (operations console): the case list, details, new cases, bulk assignment, pickers.
            { s("GET admin/cases"), "GET", []() -> QString { return s("/api/v1/admin/cases?limit=5&q=C-1"); },
                {}, { 401, 403, 403, 200, 200 } },
            { s("POST admin/cases"), "POST", []() -> QString { return s("/api/v1/admin/cases"); },
                R"({"caseType":"inspection","title":"matrix","fields":{"site":"S-101","visitDate":"2026-12-10"},)"
                R"("queue":"north","instructions":"x","dueAt":"2026-12-10T09:00:00Z"})",
                { 401, 403, 403, 201, 201 } },
            { s("POST admin/cases/assign"), "POST",
                []() -> QString { return s("/api/v1/admin/cases/assign"); },
                QByteArray("{\"ids\":[\"") + mine.toUtf8() + "\"],\"assignee\":\"alice\"}",
                { 401, 403, 403, 200, 200 } },
            { s("GET admin/cases/{id}"), "GET", [&]() -> QString { return s("/api/v1/admin/cases/") + mine; },
                {}, { 401, 403, 403, 200, 200 } },
            { s("GET admin/assignees"), "GET", []() -> QString { return s("/api/v1/admin/assignees"); }, {},
                { 401, 403, 403, 200, 200 } },
            // Users: administrators only.
            { s("GET admin/users"), "GET", []() -> QString { return s("/api/v1/admin/users"); }, {},
                { 401, 403, 403, 403, 200 } },
            { s("POST admin/users"), "POST", []() -> QString { return s("/api/v1/admin/users"); },
                R"({"id":"matrix-user","password":"a matrix password","roles":["technician"],"queues":["north"]})",
                { 401, 403, 403, 403, 201 } },
            { s("PATCH admin/users/{id}"), "PATCH",
                []() -> QString { return s("/api/v1/admin/users/matrix-user"); },
                R"({"displayName":"Matrix"})", { 401, 403, 403, 403, 200 } },
            { s("POST admin/users/{id}/password"), "POST",
                []() -> QString { return s("/api/v1/admin/users/matrix-user/password"); },
                R"({"password":"another matrix password"})", { 401, 403, 403, 403, 200 } },
            { s("DELETE admin/cases/{id}"), "DELETE",
                [&]() -> QString { return s("/api/v1/admin/cases/") + pooled; }, {},
                { 401, 403, 403, 403, 200 } },
            // A device nobody signs in with: the matrix's own sessions stay usable.
            { s("POST admin/devices/{deviceId}/wipe"), "POST",
                []() -> QString { return s("/api/v1/admin/devices/matrix-device/wipe"); }, {},
                { 401, 403, 403, 200, 200 } },
            // Devices (operations console): a device reports itself; the rest is the console's.
            { s("PUT device"), "PUT", []() -> QString { return s("/api/v1/device"); },
                R"({"deviceName":"m","appVersion":"0.1.0","os":"Linux","pendingActions":0,"oldestPendingAt":null,)"
                R"("lastSyncAt":null,"lastSyncError":null,"storeSchema":5})",
                { 401, 200, 200, 200, 200 } },
            { s("GET admin/devices"), "GET", []() -> QString { return s("/api/v1/admin/devices"); }, {},
                { 401, 403, 403, 200, 200 } },
            { s("POST admin/devices/{deviceId}/full-sync"), "POST",
                []() -> QString { return s("/api/v1/admin/devices/dev-bob/full-sync"); }, {},
                { 401, 403, 403, 200, 200 } },
            { s("POST admin/devices/{deviceId}/sign-out"), "POST",
                []() -> QString { return s("/api/v1/admin/devices/matrix-signout/sign-out"); }, {},
                { 401, 403, 403, 200, 200 } },
            { s("POST admin/devices/{deviceId}/retire"), "POST",
                []() -> QString { return s("/api/v1/admin/devices/matrix-retire/retire"); }, {},
                { 401, 403, 403, 200, 200 } },
            { s("GET admin/audit"), "GET", []() -> QString { return s("/api/v1/admin/audit?limit=5"); }, {},
                { 401, 403, 403, 200, 200 } },
            { s("POST admin/sync-issues/{id}/discard"), "POST",
                []() -> QString { return s("/api/v1/admin/sync-issues/999999/discard"); }, {},
                { 401, 403, 403, 404, 404 } },
        };

        // Every route of the table has its row, and no row names a route that is not there.
        QStringList covered;
        for (const Row &row : rows)
            covered << row.route;
        covered << s("POST session") << s("DELETE session") // below: they make and end sessions
                << s("POST console/session");
        QStringList table = ApiHandler::routeList();
        table.sort();
        covered.sort();
        QCOMPARE(covered, table);

        for (const Row &row : rows) {
            for (int role = Anonymous; role < RoleCount; ++role) {
                QByteArray body = row.body;
                if (row.route == s("PUT admin/case-types/{name}")) {
                    type.insert(s("version"), ++version); // each call publishes one version up
                    body = QJsonDocument(type).toJson(QJsonDocument::Compact);
                }
                const QString what = row.route + s(" as ") + s(kRoleNames[role]);
                const auto r = h->call(row.method, row.path(), body, tokenOf(Role(role)), row.contentType);
                QVERIFY2(r.status == row.expected[role],
                    qPrintable(what + s(": %1 %2").arg(r.status).arg(QString::fromUtf8(r.body.left(300)))));
                if (r.status == 401)
                    QCOMPARE(errorCode(r), s("unauthenticated"));
                if (r.status == 403)
                    QCOMPARE(errorCode(r), s("forbidden"));
                if (!row.resultStatus[role].isEmpty())
                    QVERIFY2(
                        firstResult(Harness::json(r)).value(s("status")).toString() == row.resultStatus[role],
                        qPrintable(what + s(": ") + QString::fromUtf8(r.body)));
                // A forged token is anonymous.
                if (role == Anonymous && row.expected[Anonymous] == 401) {
                    const auto forged = h->call(row.method, row.path(), body,
                        s("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), row.contentType);
                    QVERIFY2(forged.status == 401, qPrintable(what + s(" (forged token)")));
                }
            }
            // Not yours reads as not there: the other technician's answer for the owner's entity is
            // the answer for an entity that does not exist, byte for byte (ids blanked).
            if (row.missingPath) {
                const QString theirsPath = row.path(), nowherePath = row.missingPath();
                const auto theirs = h->call(row.method, theirsPath, row.body, bob, row.contentType);
                const auto nowhere = h->call(row.method, nowherePath, row.body, bob, row.contentType);
                QCOMPARE(theirs.status, nowhere.status);
                if (row.route == s("POST sync/actions")) {
                    const auto missing
                        = h->call(row.method, nowherePath, note(missingCase), bob, row.contentType);
                    QCOMPARE(firstResult(Harness::json(missing)).value(s("status")).toString(), s("gone"));
                    continue;
                }
                QCOMPARE(blanked(theirs, mine), blanked(nowhere, missingCase));
            }
        }

        // Sessions: anyone may try to sign in; a wrong password and an unknown name read the same.
        const auto wrong = h->callJson("POST", s("/api/v1/session"),
            { { s("username"), s("alice") }, { s("password"), s("not alice") }, { s("deviceId"), s("d") } },
            {});
        const auto unknown = h->callJson("POST", s("/api/v1/session"),
            { { s("username"), s("mallory") }, { s("password"), s("mallory") }, { s("deviceId"), s("d") } },
            {});
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(wrong.body, unknown.body);
        for (int role = Anonymous; role < RoleCount; ++role) {
            const QString name = role == Anonymous
                ? QString()
                : QStringList { {}, s("alice"), s("bob"), s("dana"), s("carol") }[role];
            // The console's session: administrators and dispatchers only, no cookie for the rest.
            if (role != Anonymous) {
                const auto console = h->callJson("POST", s("/api/v1/console/session"),
                    { { s("user"), name }, { s("password"), name } }, {});
                const bool consoleUser = role == Dispatcher || role == Admin;
                QVERIFY2(console.status == (consoleUser ? 200 : 403), qPrintable(name));
                QCOMPARE(std::any_of(console.headers.cbegin(), console.headers.cend(),
                             [](const auto &h) { return h.first == "Set-Cookie"; }),
                    consoleUser);
            }
            const QString token = role == Anonymous ? QString() : h->signIn(name);
            QVERIFY(role == Anonymous || !token.isEmpty());
            // Ending a session: only with its token; anonymous and forged tokens get 401.
            const auto out = h->call("DELETE", s("/api/v1/session"), {}, token);
            QCOMPARE(out.status, role == Anonymous ? 401 : 200);
            if (role != Anonymous) // the token is dead afterwards
                QCOMPARE(h->call("GET", s("/api/v1/sync/changes?limit=1"), {}, token).status, 401);
        }
    }
};

int main(int argc, char **argv)
{
    return runOnBothDatabases<TestRouteMatrix>(argc, argv);
}
#include "tst_routematrix.moc"
