// SPDX-License-Identifier: MIT
// The operations console's devices and sync issues on the service (SQLite and PostgreSQL): the
// device report and its checks, the stuck flag, the per-device orders (full sync, sign-out,
// retire), the audit API, and the workbasket's discard and edit-and-reapply, each changing an
// issue once.
#include "servicetestbase.h"

using namespace outpost;
using namespace outpost::server;
using namespace outpost::server::testing;

namespace {
QString s(const char *latin1)
{
    return QString::fromLatin1(latin1);
}

QString isoAgo(qint64 hours)
{
    return QDateTime::currentDateTimeUtc().addSecs(-hours * 3600).toString(Qt::ISODateWithMs);
}

QJsonObject report(int pending, const QJsonValue &oldest, const QJsonValue &lastSync,
    const QJsonValue &error = QJsonValue::Null)
{
    return { { s("deviceName"), s("van-12 laptop") }, { s("appVersion"), s("0.1.0") },
        { s("os"), s("Debian 12") }, { s("pendingActions"), pending }, { s("oldestPendingAt"), oldest },
        { s("lastSyncAt"), lastSync }, { s("lastSyncError"), error }, { s("storeSchema"), 5 } };
}
} // namespace

class TestDevices : public ServiceTestBase
{
    Q_OBJECT
public:
    using ServiceTestBase::ServiceTestBase;

private:
    /// A session of `user` from its own device.
    QString session(const QString &user, const QString &device)
    {
        const auto r = h->callJson("POST", s("/api/v1/session"),
            { { s("username"), user }, { s("password"), user }, { s("deviceId"), device } }, {});
        return Harness::json(r).value(s("token")).toString();
    }

    QJsonObject deviceRow(const QString &device, const QString &query = {})
    {
        const auto r = h->call("GET", s("/api/v1/admin/devices") + query, {}, carol);
        for (const QJsonValue &v : Harness::json(r).value(s("devices")).toArray())
            if (v.toObject().value(s("deviceId")).toString() == device)
                return v.toObject();
        return {};
    }

    QJsonObject putReport(const QString &token, const QJsonObject &body, int *status = nullptr)
    {
        const auto r = h->callJson("PUT", s("/api/v1/device"), body, token);
        if (status)
            *status = r.status;
        return Harness::json(r);
    }

    /// A gone action of bob's on alice's case: a new open sync issue; its id.
    QString goneIssue(const QString &caseId, const QString &notes)
    {
        const QJsonObject a = action(s("update"), caseId,
            { { s("baseEtag"), s("\"1\"") }, { s("fields"), QJsonObject { { s("serialNo"), notes } } } });
        if (firstResult(post(bob, { a })).value(s("status")).toString() != s("gone"))
            return {};
        const auto r = h->call("GET", s("/api/v1/admin/sync-issues?state=open"), {}, carol);
        for (const QJsonValue &v : Harness::json(r).value(s("issues")).toArray())
            if (v.toObject().value(s("action")).toObject().value(s("id")) == a.value(s("id")))
                return v.toObject().value(s("id")).toString();
        return {};
    }

private Q_SLOTS:
    void aReportIsStoredAndListed()
    {
        const QString token = session(s("alice"), s("unit-report"));
        QVERIFY(!token.isEmpty());
        // Signing in alone makes the device known (its last contact), with nothing reported yet.
        QJsonObject row = deviceRow(s("unit-report"));
        QCOMPARE(row.value(s("user")).toString(), s("alice"));
        QVERIFY(!row.value(s("lastContactAt")).toString().isEmpty());
        QVERIFY(row.value(s("pendingActions")).isNull());

        int status = 0;
        const QJsonObject answer = putReport(token, report(2, isoAgo(1), isoAgo(0)), &status);
        QCOMPARE(status, 200);
        QCOMPARE(answer.value(s("fullSync")).toBool(), false);
        QCOMPARE(answer.value(s("retire")).toBool(), false);
        row = deviceRow(s("unit-report"));
        QCOMPARE(row.value(s("deviceName")).toString(), s("van-12 laptop"));
        QCOMPARE(row.value(s("appVersion")).toString(), s("0.1.0"));
        QCOMPARE(row.value(s("os")).toString(), s("Debian 12"));
        QCOMPARE(row.value(s("pendingActions")).toInt(), 2);
        QCOMPARE(row.value(s("storeSchema")).toInt(), 5);
        QCOMPARE(row.value(s("stuck")).toBool(), false);
        QVERIFY(row.value(s("wipeState")).isNull());
        // Search by user, device id or name, case-insensitive.
        QVERIFY(!deviceRow(s("unit-report"), s("?q=VAN-12")).isEmpty());
        QVERIFY(deviceRow(s("unit-report"), s("?q=nobody-has-this")).isEmpty());

        // A bad report names its members and changes nothing.
        QJsonObject bad = report(-1, s("yesterday"), QJsonValue::Null);
        bad.insert(s("deviceName"), 7);
        const QJsonObject refused = putReport(token, bad, &status);
        QCOMPARE(status, 400);
        const QJsonObject fields = refused.value(s("error")).toObject().value(s("fields")).toObject();
        QVERIFY(fields.contains(s("pendingActions")));
        QVERIFY(fields.contains(s("oldestPendingAt")));
        QVERIFY(fields.contains(s("deviceName")));
        QCOMPARE(deviceRow(s("unit-report")).value(s("pendingActions")).toInt(), 2);
        // Bad query values are refused by name.
        const auto badHours = h->call("GET", s("/api/v1/admin/devices?stuckHours=0"), {}, carol);
        QCOMPARE(badHours.status, 400);
        QVERIFY(Harness::json(badHours)
                    .value(s("error"))
                    .toObject()
                    .value(s("fields"))
                    .toObject()
                    .contains(s("stuckHours")));
    }

    void aDeviceWithOldPendingWorkIsStuck()
    {
        const QString stuckToken = session(s("bob"), s("unit-stuck"));
        const QString idleToken = session(s("bob"), s("unit-idle"));
        QCOMPARE(
            h->callJson("PUT", s("/api/v1/device"), report(3, isoAgo(60), isoAgo(30)), stuckToken).status,
            200);
        QCOMPARE(h->callJson("PUT", s("/api/v1/device"), report(0, QJsonValue::Null, isoAgo(30)), idleToken)
                     .status,
            200);
        QCOMPARE(deviceRow(s("unit-stuck")).value(s("stuck")).toBool(), true); // default: 24 h
        QCOMPARE(deviceRow(s("unit-idle")).value(s("stuck")).toBool(), false); // nothing waits
        QCOMPARE(deviceRow(s("unit-stuck"), s("?stuckHours=48")).value(s("stuck")).toBool(), false);
        // The same on the command line's path (Service::listDevices).
        auto listed = h->service()->listDevices(0);
        QVERIFY(listed.ok());
        bool seen = false;
        for (const QJsonValue &v : listed.value())
            if (v.toObject().value(s("deviceId")).toString() == s("unit-stuck")) {
                seen = true;
                QVERIFY(v.toObject().value(s("stuck")).toBool());
            }
        QVERIFY(seen);
    }

    void theConsolePagesStuckDevicesFirst()
    {
        // Newest contact first, so the stuck device (signed in first) would be last unpaged.
        const QString stuckToken = session(s("bob"), s("page-stuck"));
        QCOMPARE(
            h->callJson("PUT", s("/api/v1/device"), report(3, isoAgo(60), isoAgo(30)), stuckToken).status,
            200);
        for (int i = 0; i < 4; ++i)
            QVERIFY(!session(s("bob"), s("page-ok-%1").arg(i)).isEmpty());
        const auto page = [&](const QString &query) {
            const auto r = h->call("GET", s("/api/v1/admin/devices") + query, {}, carol);
            return std::make_pair(r.status, Harness::json(r));
        };
        auto [status, first] = page(s("?q=page-&limit=2"));
        QCOMPARE(status, 200);
        QJsonArray rows = first.value(s("devices")).toArray();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).toObject().value(s("deviceId")).toString(), s("page-stuck"));
        QCOMPARE(first.value(s("total")).toInt(), 5);
        QCOMPARE(first.value(s("matching")).toInt(), 5);
        QCOMPARE(first.value(s("stuckTotal")).toInt(), 1);
        // The last page holds what is left; pages do not overlap.
        auto [lastStatus, last] = page(s("?q=page-&limit=2&offset=4"));
        QCOMPARE(lastStatus, 200);
        QCOMPARE(last.value(s("devices")).toArray().size(), 1);
        QVERIFY(last.value(s("devices")).toArray().at(0).toObject().value(s("deviceId")).toString()
            != s("page-stuck"));
        // Only stuck ones.
        auto [stuckStatus, stuck] = page(s("?q=page-&stuck=1&limit=10"));
        QCOMPARE(stuckStatus, 200);
        QCOMPARE(stuck.value(s("total")).toInt(), 1);
        QCOMPARE(stuck.value(s("matching")).toInt(), 5);
        QCOMPARE(stuck.value(s("devices")).toArray().size(), 1);
        // Without `limit` the answer is every device, as before the console paged.
        QCOMPARE(page(s("?q=page-")).second.value(s("devices")).toArray().size(), 5);
        // Bad paging values are refused by name.
        for (const QString &bad :
            { s("?limit=0"), s("?limit=abc"), s("?offset=-1&limit=5"), s("?stuck=yes") }) {
            auto [badStatus, body] = page(bad);
            QCOMPARE(badStatus, 400);
            QVERIFY2(
                !body.value(s("error")).toObject().value(s("fields")).toObject().isEmpty(), qPrintable(bad));
        }
    }

    void fullSyncIsAnsweredOnce()
    {
        const QString token = session(s("bob"), s("unit-fullsync"));
        QCOMPARE(h->call("POST", s("/api/v1/admin/devices/unit-fullsync/full-sync"), {}, carol).status, 200);
        QCOMPARE(
            putReport(token, report(0, QJsonValue::Null, isoAgo(0))).value(s("fullSync")).toBool(), true);
        QCOMPARE(
            putReport(token, report(0, QJsonValue::Null, isoAgo(0))).value(s("fullSync")).toBool(), false);
        QCOMPARE(h->call("POST", s("/api/v1/admin/devices/never-seen/full-sync"), {}, carol).status, 404);
    }

    void signOutEndsEverySessionOfTheDevice()
    {
        const QString one = session(s("bob"), s("unit-signout"));
        const QString two = session(s("bob"), s("unit-signout"));
        const QString other = session(s("bob"), s("unit-other"));
        const auto r = h->call("POST", s("/api/v1/admin/devices/unit-signout/sign-out"), {}, carol);
        QCOMPARE(r.status, 200);
        QCOMPARE(Harness::json(r).value(s("sessions")).toInt(), 2);
        QCOMPARE(h->call("GET", s("/api/v1/sync/changes?limit=1"), {}, one).status, 401);
        QCOMPARE(h->call("GET", s("/api/v1/sync/changes?limit=1"), {}, two).status, 401);
        QCOMPARE(h->call("GET", s("/api/v1/sync/changes?limit=1"), {}, other).status, 200);
        // The device may sign in again (sign-out is not a wipe).
        QVERIFY(!session(s("bob"), s("unit-signout")).isEmpty());
    }

    void retireWaitsForASuccessfulCycle()
    {
        const QString token = session(s("alice"), s("unit-retire"));
        QCOMPARE(h->call("POST", s("/api/v1/admin/devices/unit-retire/retire"), {}, carol).status, 200);
        QCOMPARE(deviceRow(s("unit-retire")).value(s("wipeState")).toString(), s("retirePending"));
        // Still allowed to upload; a cycle that failed does not retire it.
        QCOMPARE(h->call("GET", s("/api/v1/sync/changes?limit=1"), {}, token).status, 200);
        QCOMPARE(
            putReport(token, report(1, isoAgo(1), isoAgo(2), s("server busy"))).value(s("retire")).toBool(),
            false);
        // A successful cycle: retired, its sessions end, a sign-in from it is refused.
        QCOMPARE(putReport(token, report(0, QJsonValue::Null, isoAgo(0))).value(s("retire")).toBool(), true);
        const QJsonObject row = deviceRow(s("unit-retire"));
        QCOMPARE(row.value(s("wipeState")).toString(), s("retired"));
        QVERIFY(!row.value(s("wipedAt")).toString().isEmpty());
        QCOMPARE(h->call("GET", s("/api/v1/sync/changes?limit=1"), {}, token).status, 403);
        QVERIFY(session(s("alice"), s("unit-retire")).isEmpty());
        QCOMPARE(h->call("POST", s("/api/v1/admin/devices/unit-retire/retire"), {}, carol).status, 409);
        // Audited, newest first, filtered by device.
        const auto audit = h->call("GET", s("/api/v1/admin/audit?deviceId=unit-retire"), {}, carol);
        QCOMPARE(audit.status, 200);
        QStringList actions;
        for (const QJsonValue &v : Harness::json(audit).value(s("entries")).toArray()) {
            actions << v.toObject().value(s("action")).toString();
            QCOMPARE(v.toObject().value(s("by")).toString(), s("carol"));
            QCOMPARE(v.toObject().value(s("device")).toString(), s("unit-retire"));
        }
        QCOMPARE(actions, (QStringList { s("device.retired"), s("device.retire") }));
    }

    void wipeStateFollowsTheDevice()
    {
        const QString token = session(s("bob"), s("unit-wipe"));
        QCOMPARE(h->call("POST", s("/api/v1/admin/devices/unit-wipe/wipe"), {}, carol).status, 200);
        QCOMPARE(deviceRow(s("unit-wipe")).value(s("wipeState")).toString(), s("wipePending"));
        QCOMPARE(h->call("GET", s("/api/v1/sync/changes?limit=1"), {}, token).status, 403); // told
        QCOMPARE(deviceRow(s("unit-wipe")).value(s("wipeState")).toString(), s("wiped"));
    }

    void discardResolvesOnce()
    {
        const QString caseId = someCase(s("alice"), s("installation"));
        const QJsonObject before = caseOf(caseId);
        const QString issue = goneIssue(caseId, s("SN-D"));
        QVERIFY(!issue.isEmpty());
        const QString path = s("/api/v1/admin/sync-issues/%1/discard").arg(issue);
        QCOMPARE(h->call("POST", path, {}, bob).status, 403);
        const auto r = h->call("POST", path, {}, carol);
        QCOMPARE(r.status, 200);
        QCOMPARE(Harness::json(r).value(s("resolution")).toString(), s("discarded"));
        QCOMPARE(h->call("POST", path, {}, carol).status, 409);
        QCOMPARE(
            h->call("POST", s("/api/v1/admin/sync-issues/%1/reapply").arg(issue), {}, carol).status, 409);
        QCOMPARE(caseOf(caseId).value(s("fields")), before.value(s("fields")));
        const auto list = h->call("GET", s("/api/v1/admin/sync-issues?state=resolved"), {}, carol);
        bool found = false;
        for (const QJsonValue &v : Harness::json(list).value(s("issues")).toArray())
            if (v.toObject().value(s("id")).toString() == issue) {
                found = true;
                QCOMPARE(v.toObject().value(s("resolution")).toString(), s("discarded"));
                QCOMPARE(v.toObject().value(s("resolvedBy")).toString(), s("carol"));
            }
        QVERIFY(found);
    }

    void editAndReapplyAppliesOnceAndNamesBoth()
    {
        const QString caseId = someCase(s("alice"), s("installation"));
        const QString issue = goneIssue(caseId, s("SN-B"));
        QVERIFY(!issue.isEmpty());
        // Beside the payload, the case as it is now.
        const auto open = h->call("GET", s("/api/v1/admin/sync-issues?state=open"), {}, carol);
        QJsonObject listed;
        for (const QJsonValue &v : Harness::json(open).value(s("issues")).toArray())
            if (v.toObject().value(s("id")).toString() == issue)
                listed = v.toObject();
        QCOMPARE(listed.value(s("case")).toObject().value(s("id")).toString(), caseId);
        QCOMPARE(listed.value(s("user")).toString(), s("bob"));

        const QString path = s("/api/v1/admin/sync-issues/%1/reapply").arg(issue);
        // An edited action must keep its case and type.
        QJsonObject other = listed.value(s("action")).toObject();
        other.insert(s("type"), s("note"));
        other.insert(s("text"), s("x"));
        QCOMPARE(h->callJson("POST", path, { { s("action"), other } }, carol).status, 400);
        QCOMPARE(h->callJson("POST", path, { { s("action"), s("not an object") } }, carol).status, 400);

        // An edit the rules refuse is rejected, and the issue stays open.
        QJsonObject edited = listed.value(s("action")).toObject();
        edited.insert(s("fields"), QJsonObject { { s("serialNo"), s("far too long for a serial") } });
        const auto refused = h->callJson("POST", path, { { s("action"), edited } }, carol);
        QCOMPARE(refused.status, 200);
        QCOMPARE(Harness::json(refused).value(s("result")).toObject().value(s("status")).toString(),
            s("rejected"));

        edited.insert(s("fields"), QJsonObject { { s("serialNo"), s("SN-424242") } });
        const auto r = h->callJson("POST", path, { { s("action"), edited } }, carol);
        QCOMPARE(r.status, 200);
        QVERIFY2(Harness::json(r).value(s("result")).toObject().value(s("status")).toString() == s("applied"),
            r.body.constData());
        QCOMPARE(
            caseOf(caseId).value(s("fields")).toObject().value(s("serialNo")).toString(), s("SN-424242"));
        // Once: a second reapply and a discard are conflicts, the case unchanged.
        QCOMPARE(h->callJson("POST", path, { { s("action"), edited } }, carol).status, 409);
        QCOMPARE(
            h->call("POST", s("/api/v1/admin/sync-issues/%1/discard").arg(issue), {}, carol).status, 409);

        // The audit names the administrator and the original author.
        const auto audit = h->call("GET", s("/api/v1/admin/audit?caseId=%1&limit=1").arg(caseId), {}, carol);
        const QJsonObject entry = Harness::json(audit).value(s("entries")).toArray().at(0).toObject();
        QCOMPARE(entry.value(s("by")).toString(), s("carol"));
        QCOMPARE(entry.value(s("details")).toObject().value(s("originalAuthor")).toString(), s("bob"));
        QCOMPARE(entry.value(s("caseId")).toString(), caseId);
        const auto byBob = h->call("GET", s("/api/v1/admin/audit?user=bob&caseId=%1").arg(caseId), {}, carol);
        QVERIFY(!Harness::json(byBob).value(s("entries")).toArray().isEmpty());
        const auto history = h->call("GET", s("/api/v1/cases/%1/history").arg(caseId), {}, carol);
        const QJsonArray entries = Harness::json(history).value(s("entries")).toArray();
        QCOMPARE(entries.last().toObject().value(s("originalAuthor")).toString(), s("bob"));
    }
};

int main(int argc, char **argv)
{
    return runOnBothDatabases<TestDevices>(argc, argv);
}
#include "tst_devices.moc"
