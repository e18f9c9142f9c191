// SPDX-License-Identifier: MIT
#include "demoseed.h"

#include "casestore.h"
#include "catalog.h"
#include "feed.h"
#include "storelogging.h"
#include "tx.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

namespace outpost::server {

namespace {
const char kInspection[] = R"json({"name":"inspection","version":1,"title":"Site inspection",
 "statuses":["New","InProgress","Resolved-Completed","Resolved-Withdrawn"],
 "fields":[
  {"name":"site","label":"Site","type":"lookup","dataPage":"sites","required":true},
  {"name":"readingKw","label":"Meter reading (kW)","type":"number","min":0,"max":100000},
  {"name":"visitDate","label":"Visit date","type":"date","required":true},
  {"name":"priority","label":"Priority","type":"choice","choices":["low","normal","high"]},
  {"name":"passed","label":"Passed","type":"bool"},
  {"name":"permitNo","label":"Permit number","type":"text","pattern":"[A-Z]{2}-[0-9]{4}","maxLength":7},
  {"name":"summary","label":"Summary","type":"text","maxLength":2000}],
 "flowActions":[
  {"name":"start","label":"Start work","from":["New"],"to":"InProgress"},
  {"name":"complete","label":"Complete","from":["InProgress"],"to":"Resolved-Completed","requires":["readingKw","passed"]},
  {"name":"withdraw","label":"Withdraw","from":["New","InProgress"],"to":"Resolved-Withdrawn"}],
 "conflictPolicy":{"default":"merge","fields":{"readingKw":"serverWins","summary":"clientWins"}}})json";

const char kRepair[] = R"json({"name":"repair","version":1,"title":"Repair",
 "statuses":["New","Diagnosed","InRepair","Resolved-Fixed","Resolved-Withdrawn"],
 "fields":[
  {"name":"site","label":"Site","type":"lookup","dataPage":"sites","required":true},
  {"name":"reportedAt","label":"Reported at","type":"datetime","required":true},
  {"name":"fault","label":"Fault","type":"choice","choices":["electrical","mechanical","hydraulic","other"]},
  {"name":"part","label":"Part","type":"lookup","dataPage":"parts"},
  {"name":"quantity","label":"Quantity","type":"number","min":1,"max":100},
  {"name":"urgent","label":"Urgent","type":"bool"},
  {"name":"notes","label":"Notes","type":"text","maxLength":4000}],
 "flowActions":[
  {"name":"diagnose","label":"Diagnose","from":["New"],"to":"Diagnosed","requires":["fault"]},
  {"name":"startRepair","label":"Start repair","from":["Diagnosed"],"to":"InRepair","requires":["part","quantity"]},
  {"name":"finish","label":"Finish","from":["InRepair"],"to":"Resolved-Fixed"},
  {"name":"withdraw","label":"Withdraw","from":["New","Diagnosed","InRepair"],"to":"Resolved-Withdrawn"}],
 "conflictPolicy":{"default":"serverWins","fields":{"notes":"merge","part":"clientWins"}}})json";

const char kInstallation[] = R"json({"name":"installation","version":1,"title":"Installation",
 "statuses":["Planned","Installing","Resolved-Commissioned","Resolved-Withdrawn"],
 "fields":[
  {"name":"site","label":"Site","type":"lookup","dataPage":"sites","required":true},
  {"name":"kind","label":"Kind","type":"choice","choices":["solar","battery","heatpump"],"required":true},
  {"name":"scheduledFor","label":"Scheduled for","type":"datetime"},
  {"name":"serialNo","label":"Serial number","type":"text","pattern":"SN-[0-9]{6}","maxLength":9},
  {"name":"capacityKw","label":"Capacity (kW)","type":"number","min":0,"max":5000},
  {"name":"handoverDate","label":"Handover date","type":"date"},
  {"name":"commissioned","label":"Commissioned","type":"bool"}],
 "flowActions":[
  {"name":"begin","label":"Begin installation","from":["Planned"],"to":"Installing"},
  {"name":"commission","label":"Commission","from":["Installing"],"to":"Resolved-Commissioned",
   "requires":["serialNo","capacityKw","commissioned"]},
  {"name":"withdraw","label":"Withdraw","from":["Planned","Installing"],"to":"Resolved-Withdrawn"}],
 "conflictPolicy":{"default":"clientWins","fields":{"capacityKw":"merge","serialNo":"serverWins"}}})json";

const char *const kTowns[]
    = { "Aldridge", "Brookfield", "Carrow", "Dunmore", "Eastleigh", "Fairholm", "Glenrock", "Harwick" };
const char *const kParts[]
    = { "Fuse", "Breaker", "Valve", "Pump seal", "Bearing", "Inverter board", "Gasket", "Relay" };

/// A fixed linear congruential generator: the same data on every machine and Qt version.
struct Lcg {
    quint64 state;
    quint32 next()
    {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return quint32(state >> 33);
    }
    int below(int n) { return int(next() % quint32(n)); }
};

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString filler(Lcg &rng, int words)
{
    static const char *const vocab[] = { "checked", "cabinet", "meter", "cable", "corrosion", "minor",
        "replaced", "label", "access", "gate", "north", "side", "panel", "reading", "normal", "noted",
        "customer", "present", "photo", "taken" };
    QStringList out;
    for (int i = 0; i < words; ++i)
        out.append(QLatin1String(vocab[rng.below(20)]));
    return out.join(QLatin1Char(' '));
}
} // namespace

QList<CaseType> demoCaseTypes()
{
    QList<CaseType> out;
    for (const char *json : { kInspection, kRepair, kInstallation })
        out.append(CaseType::fromJson(QJsonDocument::fromJson(json).object()).value());
    return out;
}

namespace {
/// Seeding is a no-op on a database that has the demo data already; say so, with what it holds, so
/// that a different --demo-cases is not silently ignored.
Status reportSeededAlready(Tx &tx, const QString &seededWith, int requested)
{
    auto q = tx.run(QStringLiteral("SELECT count(*) FROM cases"));
    if (!q)
        return q.error();
    const qint64 held = q.value().next() ? q.value().value(0).toLongLong() : 0;
    if (seededWith.toInt() == requested)
        qCInfo(lcStore).noquote() << QStringLiteral(
            "the demo data exists already (seeded with %1 cases; the database holds %2 cases now)")
                                         .arg(seededWith)
                                         .arg(held);
    else
        qCInfo(lcStore).noquote() << QStringLiteral(
            "the demo data exists already (seeded with %1 cases; the database holds %2 "
            "cases now): %3 demo cases requested, nothing seeded. Use a new database "
            "for a different number of demo cases.")
                                         .arg(seededWith)
                                         .arg(held)
                                         .arg(requested);
    return Status::success();
}
} // namespace

Status seedDemoData(Database &db, UserStore &users, int cases)
{
    if (cases < 0 || cases > 1000000)
        return Error(
            QStringLiteral("bad_request"), QStringLiteral("The number of demo cases must be 0..1000000."));
    {
        auto tx = Tx::begin(db, Tx::Mode::Read);
        if (!tx)
            return tx.error();
        auto seeded = readSetting(tx.value(), QStringLiteral("demo_seeded"));
        if (!seeded)
            return seeded.error();
        if (!seeded.value().isEmpty())
            return reportSeededAlready(tx.value(), seeded.value(), cases);
    }
    QElapsedTimer timer;
    timer.start();
    const QList<std::pair<Principal, QString>> demoUsers = {
        { { QStringLiteral("alice"), QStringLiteral("Alice Adams"), { QStringLiteral("technician") },
              { QStringLiteral("north") }, {} },
            QStringLiteral("alice") },
        { { QStringLiteral("bob"), QStringLiteral("Bob Brown"), { QStringLiteral("technician") },
              { QStringLiteral("south") }, {} },
            QStringLiteral("bob") },
        { { QStringLiteral("carol"), QStringLiteral("Carol Clark"), { QStringLiteral("admin") },
              { QStringLiteral("north"), QStringLiteral("south") }, {} },
            QStringLiteral("carol") },
    };
    auto existing = users.listUsers();
    if (!existing)
        return existing.error();
    for (const auto &[user, password] : demoUsers) {
        const bool known = std::any_of(existing.value().cbegin(), existing.value().cend(),
            [&](const Principal &p) { return p.id == user.id; });
        if (!known)
            if (auto st = users.addUser(user, password); !st && st.error().code != QLatin1String("exists"))
                return st; // "exists": another instance seeding at the same moment added them
    }

    auto txr = Tx::begin(db, Tx::Mode::Write);
    if (!txr)
        return txr.error();
    Tx &tx = txr.value();
    auto again = readSetting(tx, QStringLiteral("demo_seeded"));
    if (!again)
        return again.error();
    if (!again.value().isEmpty())
        return reportSeededAlready(tx, again.value(), cases);

    const QList<CaseType> types = demoCaseTypes();
    for (const CaseType &t : types) {
        auto old = Catalog::caseType(tx, t.name);
        if (!old)
            return old.error();
        if (!old.value())
            if (auto s = Catalog::saveCaseType(tx, t, true); !s)
                return s.error();
    }
    Lcg rng { 20261123 };
    for (int i = 1; i <= 200; ++i) {
        DataPageRow row;
        row.page = QStringLiteral("sites");
        row.key = QStringLiteral("S-%1").arg(i, 3, 10, QLatin1Char('0'));
        const QString town = QLatin1String(kTowns[i % 8]);
        row.label = QStringLiteral("Substation %1, %2").arg(i).arg(town);
        row.data = QJsonObject { { QStringLiteral("town"), town },
            { QStringLiteral("region"), i % 2 ? QStringLiteral("north") : QStringLiteral("south") },
            { QStringLiteral("address"), QStringLiteral("%1 Grid Road, %2").arg(i * 3).arg(town) } };
        if (auto st = Catalog::saveDataPageRow(tx, row, true); !st)
            return st;
    }
    for (int i = 1; i <= 1000; ++i) {
        DataPageRow row;
        row.page = QStringLiteral("parts");
        row.key = QStringLiteral("P-%1").arg(i, 4, 10, QLatin1Char('0'));
        row.label = QStringLiteral("%1 type %2").arg(QLatin1String(kParts[i % 8])).arg(i);
        row.data = QJsonObject { { QStringLiteral("unitPrice"), double(5 + (i * 37) % 500) },
            { QStringLiteral("stock"), (i * 13) % 90 } };
        if (auto st = Catalog::saveDataPageRow(tx, row, true); !st)
            return st;
    }

    if (cases > 0) {
        auto ids = tx.run(
            QStringLiteral("UPDATE counters SET value = value + ? WHERE name = 'case_id' RETURNING value"),
            { cases });
        if (!ids || !ids.value().next())
            return ids
                ? Error(QStringLiteral("unavailable"), QStringLiteral("The case id counter is missing."))
                : ids.error();
        const qint64 firstId = ids.value().value(0).toLongLong() - cases + 1;
        ids.value().finish();
        auto seq = tx.takeSeq(2 * cases);
        if (!seq)
            return seq.error();
        BatchInsert insCase(tx,
            QStringLiteral("INSERT INTO cases (id, case_type, case_type_version, status, title, assignee,"
                           " queue, version, created_at, updated_at, fields) VALUES "),
            QStringLiteral("(?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)"));
        BatchInsert insAssign(tx,
            QStringLiteral("INSERT INTO assignments (id, case_id, assignee, queue, instructions, due_at,"
                           " version) VALUES "),
            QStringLiteral("(?, ?, ?, ?, ?, ?, 1)"));
        BatchInsert insFeed(tx,
            QStringLiteral("INSERT INTO sync_entities (kind, entity_id, seq, etag, doc, removed,"
                           " scope_user, scope_queue, resolved, public) VALUES "),
            QStringLiteral("(?, ?, ?, ?, ?, 0, ?, ?, 0, 0)"));
        const QDateTime base(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
        qint64 nextSeq = seq.value();
        for (int i = 0; i < cases; ++i) {
            const CaseType &type = types.at(i % 3);
            CaseRecord c;
            c.id = QStringLiteral("C-%1").arg(firstId + i);
            c.caseType = type.name;
            c.caseTypeVersion = type.version;
            switch (i % 4) {
            case 0:
                c.assignee = QStringLiteral("alice");
                c.queue = QStringLiteral("north");
                break;
            case 1:
                c.assignee = QStringLiteral("bob");
                c.queue = QStringLiteral("south");
                break;
            case 2:
                c.queue = QStringLiteral("north");
                break;
            default:
                c.queue = QStringLiteral("south");
                break;
            }
            const int siteNo = 1 + rng.below(200);
            const QString site = QStringLiteral("S-%1").arg(siteNo, 3, 10, QLatin1Char('0'));
            const QDate day = base.date().addDays(rng.below(60));
            c.createdAt = base.addSecs(qint64(i) * 60).toString(Qt::ISODate);
            c.updatedAt = c.createdAt;
            c.etag = etagFor(1);
            const bool started = rng.below(4) == 0;
            if (type.name == QLatin1String("inspection")) {
                c.status = started ? QStringLiteral("InProgress") : QStringLiteral("New");
                c.title = QStringLiteral("Inspect substation %1").arg(siteNo);
                c.fields = { { QStringLiteral("site"), site },
                    { QStringLiteral("visitDate"), day.toString(Qt::ISODate) },
                    { QStringLiteral("priority"),
                        QStringList {
                            QStringLiteral("low"), QStringLiteral("normal"), QStringLiteral("high") }
                            .at(rng.below(3)) },
                    { QStringLiteral("permitNo"),
                        QStringLiteral("NB-%1").arg(rng.below(10000), 4, 10, QLatin1Char('0')) },
                    { QStringLiteral("summary"), filler(rng, 90) } };
            } else if (type.name == QLatin1String("repair")) {
                c.status = started ? QStringLiteral("Diagnosed") : QStringLiteral("New");
                c.title = QStringLiteral("Repair at substation %1").arg(siteNo);
                c.fields = { { QStringLiteral("site"), site },
                    { QStringLiteral("reportedAt"), base.addSecs(qint64(i) * 37).toString(Qt::ISODate) },
                    { QStringLiteral("fault"),
                        QStringList { QStringLiteral("electrical"), QStringLiteral("mechanical"),
                            QStringLiteral("hydraulic") }
                            .at(rng.below(3)) },
                    { QStringLiteral("urgent"), rng.below(5) == 0 },
                    { QStringLiteral("notes"), filler(rng, 90) } };
            } else {
                c.status = started ? QStringLiteral("Installing") : QStringLiteral("Planned");
                c.title = QStringLiteral("Installation at substation %1").arg(siteNo);
                c.fields = { { QStringLiteral("site"), site },
                    { QStringLiteral("kind"),
                        QStringList {
                            QStringLiteral("solar"), QStringLiteral("battery"), QStringLiteral("heatpump") }
                            .at(rng.below(3)) },
                    { QStringLiteral("scheduledFor"),
                        QDateTime(day, QTime(9, 0), Qt::UTC).toString(Qt::ISODate) },
                    { QStringLiteral("capacityKw"), double(5 + rng.below(400)) },
                    { QStringLiteral("serialNo"),
                        QStringLiteral("SN-%1").arg(rng.below(1000000), 6, 10, QLatin1Char('0')) } };
            }
            Assignment a;
            a.id = QStringLiteral("A-") + c.id;
            a.caseId = c.id;
            a.assignee = c.assignee;
            a.queue = c.queue;
            a.instructions = QStringLiteral("Call the site office before arriving. ") + filler(rng, 12);
            a.dueAt = QDateTime(day.addDays(7), QTime(17, 0), Qt::UTC).toString(Qt::ISODate);
            if (auto st
                = insCase.add({ c.id, c.caseType, c.caseTypeVersion, c.status, c.title, orNull(c.assignee),
                    orNull(c.queue), c.createdAt, c.updatedAt, QString::fromUtf8(compact(c.fields)) });
                !st)
                return st;
            if (auto st
                = insAssign.add({ a.id, c.id, orNull(a.assignee), orNull(a.queue), a.instructions, a.dueAt });
                !st)
                return st;
            if (auto st = insFeed.add({ kinds::caseRecord, c.id, nextSeq++, c.etag,
                    db.docValue(compact(c.toJson())), orNull(c.assignee), orNull(c.queue) });
                !st)
                return st;
            if (auto st = insFeed.add({ kinds::assignment, a.id, nextSeq++, etagFor(1),
                    db.docValue(compact(a.toJson())), orNull(a.assignee), orNull(a.queue) });
                !st)
                return st;
        }
        for (BatchInsert *b : { &insCase, &insAssign, &insFeed })
            if (auto st = b->flush(); !st)
                return st;
    }
    if (auto st = writeSetting(tx, QStringLiteral("demo_seeded"), QString::number(cases)); !st)
        return st;
    if (auto st = tx.commit(); !st)
        return st;
    if (db.kind() == DbKind::PostgreSQL) {
        // Fresh statistics after a bulk load, so the feed's index range scans get planned as such.
        auto conn = db.connection();
        if (conn)
            if (auto q = runSql(conn.value(), QStringLiteral("ANALYZE")); !q)
                return q.error();
    }
    qCInfo(lcStore) << "seeded the demo data:" << cases << "cases in" << timer.elapsed() << "ms";
    return Status::success();
}

} // namespace outpost::server
