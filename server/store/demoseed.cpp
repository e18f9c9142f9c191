// SPDX-License-Identifier: MIT
// Seeding the demo data set, step by step: users, case types, data pages, cases with their
// assignments and feed rows. Deterministic: the same ids and values on every machine and run, but
// for the assignments' due dates, which lie around the day of seeding.
#include "demoseed.h"

#include "casestore.h"
#include "catalog.h"
#include "feed.h"
#include "retention.h"
#include "storelogging.h"
#include "tx.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

#include <iterator>

namespace outpost::server {

namespace {
const char *const kTowns[]
    = { "Aldridge", "Brookfield", "Carrow", "Dunmore", "Eastleigh", "Fairholm", "Glenrock", "Harwick" };
const char *const kParts[]
    = { "Fuse", "Breaker", "Valve", "Pump seal", "Bearing", "Inverter board", "Gasket", "Relay" };

const QString kSeededSetting = QStringLiteral("demo_seeded");

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

/// alice and bob, technicians of queues north and south; carol, administrator of both; dana, the
/// dispatcher (the operations console). Users that exist already are left alone.
Status seedUsers(UserStore &users)
{
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
        { { QStringLiteral("dana"), QStringLiteral("Dana Diaz"), { QStringLiteral("dispatcher") },
              { QStringLiteral("north"), QStringLiteral("south") }, {} },
            QStringLiteral("dana") },
    };
    auto existing = users.listUsers();
    if (!existing)
        return existing.error();
    for (const auto &[user, password] : demoUsers) {
        // A named copy of the id: clang before 16 cannot capture a structured binding.
        const QString id = user.id;
        const bool known = std::any_of(existing.value().cbegin(), existing.value().cend(),
            [&](const Principal &p) { return p.id == id; });
        if (!known)
            if (auto st = users.addUser(user, password, PasswordRule::Exempt);
                !st && st.error().code != QLatin1String("exists"))
                return st; // "exists": another instance seeding at the same moment added them
    }
    return Status::success();
}

/// The demo case types that the catalog does not have yet.
Status seedCaseTypes(Tx &tx, const QList<CaseType> &types)
{
    for (const CaseType &t : types) {
        auto old = Catalog::caseType(tx, t.name);
        if (!old)
            return old.error();
        if (!old.value())
            if (auto s = Catalog::saveCaseType(tx, t, true); !s)
                return s.error();
    }
    return Status::success();
}

/// Data page "sites": S-001..S-200, substations in eight towns, alternately north and south.
Status seedSites(Tx &tx)
{
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
    return Status::success();
}

/// Data page "parts": P-0001..P-1000 with a unit price and a stock level.
Status seedParts(Tx &tx)
{
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
    return Status::success();
}

/// Takes `cases` numbers from the case id counter; the first of them.
Result<qint64> reserveCaseIds(Tx &tx, int cases)
{
    auto ids = tx.run(
        QStringLiteral("UPDATE counters SET value = value + ? WHERE name = 'case_id' RETURNING value"),
        { cases });
    if (!ids || !ids.value().next())
        return ids ? Error(QStringLiteral("unavailable"), QStringLiteral("The case id counter is missing."))
                   : ids.error();
    const qint64 firstId = ids.value().value(0).toLongLong() - cases + 1;
    ids.value().finish();
    return firstId;
}

/// What one demo case draws from the generator before its type's fields (in this order).
struct CaseDraw {
    int index; // 0-based among the seeded cases
    int siteNo;
    QString site;
    QDate day; // the visit and schedule dates' base
    bool started;
    const QDateTime &base; // the first case's creation time
};

/// Who works on case i: alice (north), bob (south), then the north and south pools, in turn.
void placeInWorklist(CaseRecord &c, int i)
{
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
}

void fillInspection(CaseRecord &c, const CaseDraw &d, Lcg &rng)
{
    c.status = d.started ? QStringLiteral("InProgress") : QStringLiteral("New");
    c.title = QStringLiteral("Inspect substation %1").arg(d.siteNo);
    c.fields
        = { { QStringLiteral("site"), d.site }, { QStringLiteral("visitDate"), d.day.toString(Qt::ISODate) },
              { QStringLiteral("priority"),
                  QStringList { QStringLiteral("low"), QStringLiteral("normal"), QStringLiteral("high") }.at(
                      rng.below(3)) },
              { QStringLiteral("permitNo"),
                  QStringLiteral("NB-%1").arg(rng.below(10000), 4, 10, QLatin1Char('0')) },
              { QStringLiteral("summary"), filler(rng, 90) } };
}

void fillRepair(CaseRecord &c, const CaseDraw &d, Lcg &rng)
{
    c.status = d.started ? QStringLiteral("Diagnosed") : QStringLiteral("New");
    c.title = QStringLiteral("Repair at substation %1").arg(d.siteNo);
    c.fields = { { QStringLiteral("site"), d.site },
        { QStringLiteral("reportedAt"), d.base.addSecs(qint64(d.index) * 37).toString(Qt::ISODate) },
        { QStringLiteral("fault"),
            QStringList {
                QStringLiteral("electrical"), QStringLiteral("mechanical"), QStringLiteral("hydraulic") }
                .at(rng.below(3)) },
        { QStringLiteral("urgent"), rng.below(5) == 0 }, { QStringLiteral("notes"), filler(rng, 90) } };
}

void fillInstallation(CaseRecord &c, const CaseDraw &d, Lcg &rng)
{
    c.status = d.started ? QStringLiteral("Installing") : QStringLiteral("Planned");
    c.title = QStringLiteral("Installation at substation %1").arg(d.siteNo);
    c.fields = { { QStringLiteral("site"), d.site },
        { QStringLiteral("kind"),
            QStringList { QStringLiteral("solar"), QStringLiteral("battery"), QStringLiteral("heatpump") }.at(
                rng.below(3)) },
        { QStringLiteral("scheduledFor"), QDateTime(d.day, QTime(9, 0), Qt::UTC).toString(Qt::ISODate) },
        { QStringLiteral("capacityKw"), double(5 + rng.below(400)) },
        { QStringLiteral("serialNo"),
            QStringLiteral("SN-%1").arg(rng.below(1000000), 6, 10, QLatin1Char('0')) } };
}

/// Demo case number i (0-based) with id C-<id>, of the given type.
CaseRecord demoCase(int i, qint64 id, const CaseType &type, const QDateTime &base, Lcg &rng, QDate *day)
{
    CaseRecord c;
    c.id = QStringLiteral("C-%1").arg(id);
    c.caseType = type.name;
    c.caseTypeVersion = type.version;
    placeInWorklist(c, i);
    CaseDraw d { i, 0, QString(), QDate(), false, base };
    d.siteNo = 1 + rng.below(200);
    d.site = QStringLiteral("S-%1").arg(d.siteNo, 3, 10, QLatin1Char('0'));
    d.day = base.date().addDays(rng.below(60));
    c.createdAt = base.addSecs(qint64(i) * 60).toString(Qt::ISODate);
    c.updatedAt = c.createdAt;
    c.etag = etagFor(1);
    d.started = rng.below(4) == 0;
    if (type.name == QLatin1String("inspection"))
        fillInspection(c, d, rng);
    else if (type.name == QLatin1String("repair"))
        fillRepair(c, d, rng);
    else
        fillInstallation(c, d, rng);
    *day = d.day;
    return c;
}

/// The case's assignment: its worklist place, instructions, a due date around the day of seeding,
/// so that every worklist shows overdue work, work due today and later work: in each run of 12 of
/// one worklist's cases, 2 are overdue, 2 due today, the rest in the next two weeks.
Assignment demoAssignment(const CaseRecord &c, int i, QDate seededOn, Lcg &rng)
{
    static const int dueInDays[] = { -3, -1, 0, 0, 1, 1, 2, 3, 5, 7, 10, 14 };
    static const char *const instructions[] = {
        "Call the site office before arriving; the gate is locked after 16:00.",
        "Bring the calibrated meter and photograph the readings.",
        "Customer wants to be present: phone 30 minutes ahead.",
        "Access via the north side; ask the caretaker for the cabinet key.",
        "Replacement parts are in the depot, shelf C. Check the label first.",
        "Check for corrosion on the cable entries and note any damage.",
        "Previous visit found minor damage on the panel: compare with the photo.",
        "Safety briefing at reception before entering the site.",
    };
    Assignment a;
    a.id = QStringLiteral("A-") + c.id;
    a.caseId = c.id;
    a.assignee = c.assignee;
    a.queue = c.queue;
    (void)filler(rng, 12); // the generator's sequence as before: later cases keep their values
    const int slot = i / 4; // the case's place in its worklist (placeInWorklist)
    a.instructions = QString::fromUtf8(instructions[slot % std::size(instructions)]);
    a.dueAt = QDateTime(seededOn.addDays(dueInDays[slot % std::size(dueInDays)]), QTime(17, 0), Qt::UTC)
                  .toString(Qt::ISODate);
    return a;
}

/// Bulk writer of demo cases: the case row, the assignment row and both feed rows (new entities,
/// so no scope to log), in multi-row INSERTs.
class CaseBulkLoader
{
public:
    CaseBulkLoader(Tx &tx, Database &db, qint64 firstSeq, int history)
        : m_db(db)
        , m_nextSeq(firstSeq)
        , m_history(history)
        , m_cases(tx,
              QStringLiteral("INSERT INTO cases (id, case_type, case_type_version, status, title, assignee,"
                             " queue, version, created_at, updated_at, fields) VALUES "),
              QStringLiteral("(?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)"))
        , m_assignments(tx,
              QStringLiteral("INSERT INTO assignments (id, case_id, assignee, queue, instructions, due_at,"
                             " version) VALUES "),
              QStringLiteral("(?, ?, ?, ?, ?, ?, 1)"))
        , m_feed(tx,
              QStringLiteral("INSERT INTO sync_entities (kind, entity_id, seq, etag, doc, removed,"
                             " scope_user, scope_queue, resolved, public) VALUES "),
              QStringLiteral("(?, ?, ?, ?, ?, 0, ?, ?, 0, 0)"))
        , m_historyFeed(tx,
              QStringLiteral("INSERT INTO sync_entities (kind, entity_id, seq, etag, doc, removed,"
                             " scope_user, scope_queue, resolved, public, case_id) VALUES "),
              QStringLiteral("('history', ?, ?, '\"1\"', ?, 0, ?, ?, 0, 0, ?)"))
        , m_audit(tx,
              QStringLiteral(
                  "INSERT INTO audit (case_id, at, by_user, device_id, client_time, action, changes,"
                  " note) VALUES "),
              QStringLiteral("(?, ?, 'carol', NULL, NULL, ?, ?, ?)"))
    { }

    Status add(const CaseRecord &c, const Assignment &a)
    {
        if (auto st
            = m_cases.add({ c.id, c.caseType, c.caseTypeVersion, c.status, c.title, orNull(c.assignee),
                orNull(c.queue), c.createdAt, c.updatedAt, QString::fromUtf8(compact(c.fields)) });
            !st)
            return st;
        if (auto st
            = m_assignments.add({ a.id, c.id, orNull(a.assignee), orNull(a.queue), a.instructions, a.dueAt });
            !st)
            return st;
        if (auto st = m_feed.add({ kinds::caseRecord, c.id, m_nextSeq++, c.etag,
                m_db.docValue(compact(c.toJson())), orNull(c.assignee), orNull(c.queue) });
            !st)
            return st;
        if (auto st = m_feed.add({ kinds::assignment, a.id, m_nextSeq++, etagFor(1),
                m_db.docValue(compact(a.toJson())), orNull(a.assignee), orNull(a.queue) });
            !st)
            return st;
        return addHistory(c);
    }

    /// The case's creation, then notes by the office an hour apart.
    Status addHistory(const CaseRecord &c)
    {
        const QDateTime created = QDateTime::fromString(c.createdAt, Qt::ISODate);
        for (int i = 0; i < m_history; ++i) {
            const QString at = created.addSecs(3600 * i).toString(Qt::ISODateWithMs);
            const QString action = i == 0 ? QStringLiteral("create") : QStringLiteral("note");
            QJsonObject changes;
            if (i == 0)
                changes.insert(QStringLiteral("status"), QJsonArray { QJsonValue(), c.status });
            const QString note = i == 0
                ? QString()
                : QStringLiteral("Office note %1 on %2: the site contact expects you.").arg(i).arg(c.id);
            const qint64 seq = m_nextSeq++;
            const QString id = QLatin1Char('h') + QString::number(seq);
            QJsonObject e { { QStringLiteral("at"), at }, { QStringLiteral("by"), QStringLiteral("carol") },
                { QStringLiteral("deviceId"), QJsonValue() }, { QStringLiteral("clientTime"), QJsonValue() },
                { QStringLiteral("action"), action }, { QStringLiteral("changes"), changes },
                { QStringLiteral("id"), id }, { QStringLiteral("caseId"), c.id } };
            if (!note.isNull())
                e.insert(QStringLiteral("text"), note);
            if (auto st = m_audit.add({ c.id, at, action, QString::fromUtf8(compact(changes)),
                    note.isNull() ? nullString() : QVariant(note) });
                !st)
                return st;
            if (auto st = m_historyFeed.add(
                    { id, seq, m_db.docValue(compact(e)), orNull(c.assignee), orNull(c.queue), c.id });
                !st)
                return st;
        }
        return Status::success();
    }

    Status flush()
    {
        for (BatchInsert *b : { &m_cases, &m_assignments, &m_feed, &m_historyFeed, &m_audit })
            if (auto st = b->flush(); !st)
                return st;
        return Status::success();
    }

private:
    Database &m_db;
    qint64 m_nextSeq;
    int m_history;
    BatchInsert m_cases, m_assignments, m_feed, m_historyFeed, m_audit;
};

/// `cases` cases C-<n> with their assignments, spread over the types and worklists in turn.
Status seedCases(Tx &tx, Database &db, const QList<CaseType> &types, int cases, int history)
{
    auto firstId = reserveCaseIds(tx, cases);
    if (!firstId)
        return firstId.error();
    auto seq = tx.takeSeq((2 + history) * cases); // a case, its assignment and its history each
    if (!seq)
        return seq.error();
    CaseBulkLoader loader(tx, db, seq.value(), history);
    Lcg rng { 20261123 };
    const QDateTime base(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
    const QDate seededOn = QDateTime::currentDateTimeUtc().date(); // due dates around it
    for (int i = 0; i < cases; ++i) {
        QDate day;
        const CaseRecord c = demoCase(i, firstId.value() + i, types.at(i % 3), base, rng, &day);
        if (auto st = loader.add(c, demoAssignment(c, i, seededOn, rng)); !st)
            return st;
    }
    return loader.flush();
}

/// Fresh statistics after a bulk load, so the feed's index range scans get planned as such, and on
/// PostgreSQL a vacuum: it marks the new rows' pages all-visible, so the console's case list and its
/// counts read the indexes alone (autovacuum would, some time after a bulk load in production).
Status analyzeAfterBulkLoad(Database &db)
{
    if (db.kind() != DbKind::PostgreSQL)
        return refreshPlannerStatistics(db);
    auto conn = db.connection();
    if (!conn)
        return Status::success();
    // The second pass over the big tables: an auto-analyze started by the load can hold a snapshot
    // during the first, and then no page of `cases` is marked all-visible.
    for (const char *sql : { "VACUUM ANALYZE", "VACUUM cases, assignments" })
        if (auto q = runSql(conn.value(), QString::fromLatin1(sql)); !q)
            return q.error();
    return Status::success();
}
} // namespace

Status seedDemoData(Database &db, UserStore &users, int cases, int history)
{
    if (cases < 0 || cases > 1000000)
        return Error(
            QStringLiteral("bad_request"), QStringLiteral("The number of demo cases must be 0..1000000."));
    {
        auto tx = Tx::begin(db, Tx::Mode::Read);
        if (!tx)
            return tx.error();
        auto seeded = readSetting(tx.value(), kSeededSetting);
        if (!seeded)
            return seeded.error();
        if (!seeded.value().isEmpty())
            return reportSeededAlready(tx.value(), seeded.value(), cases);
    }
    QElapsedTimer timer;
    timer.start();
    if (auto st = seedUsers(users); !st)
        return st;

    auto txr = Tx::begin(db, Tx::Mode::Write);
    if (!txr)
        return txr.error();
    Tx &tx = txr.value();
    auto again = readSetting(tx, kSeededSetting); // another instance may have seeded meanwhile
    if (!again)
        return again.error();
    if (!again.value().isEmpty())
        return reportSeededAlready(tx, again.value(), cases);

    const QList<CaseType> types = demoCaseTypes();
    if (auto st = seedCaseTypes(tx, types); !st)
        return st;
    if (auto st = seedSites(tx); !st)
        return st;
    if (auto st = seedParts(tx); !st)
        return st;
    if (cases > 0)
        if (auto st = seedCases(tx, db, types, cases, history); !st)
            return st;
    if (auto st = writeSetting(tx, kSeededSetting, QString::number(cases)); !st)
        return st;
    if (auto st = tx.commit(); !st)
        return st;
    if (auto st = analyzeAfterBulkLoad(db); !st)
        return st;
    qCInfo(lcStore) << "seeded the demo data:" << cases << "cases in" << timer.elapsed() << "ms";
    return Status::success();
}

} // namespace outpost::server
