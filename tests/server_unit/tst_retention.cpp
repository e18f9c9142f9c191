// SPDX-License-Identifier: MIT
// Feed retention: pruning the history of deltas (scope_log, tombstones) older than the retention
// period, driven with an explicit clock through Service::pruneFeed(now). Tokens at or below the new
// horizon get 410, newer ones still get every remove, a full sync after the 410 gives the same state,
// and nothing but the old history is deleted. On a temp SQLite file and on a fresh PostgreSQL database.
#include "database.h"
#include "migrations.h"
#include "servicetestbase.h"

#include <QThread>

using namespace outpost;
using namespace outpost::server;
using namespace outpost::server::testing;

namespace {
// The tests' clock: far from the real one, so nothing depends on when they run.
const QDateTime kT0 = QDateTime(QDate(2031, 3, 1), QTime(8, 0), Qt::UTC);
constexpr qint64 kDay = 86400;

QString key(const QJsonObject &change)
{
    return change.value(QStringLiteral("kind")).toString() + QLatin1Char('/')
        + change.value(QStringLiteral("id")).toString();
}

/// kind/id → etag and document, as a client holds it after applying `changes` on top of `state`.
QMap<QString, QString> apply(QMap<QString, QString> state, const QList<QJsonObject> &changes)
{
    for (const QJsonObject &c : changes) {
        if (c.value(QStringLiteral("op")).toString() == QLatin1String("remove"))
            state.remove(key(c));
        else
            state.insert(key(c),
                c.value(QStringLiteral("etag")).toString() + QLatin1Char(' ')
                    + QString::fromUtf8(QJsonDocument(c.value(QStringLiteral("data")).toObject())
                                            .toJson(QJsonDocument::Compact)));
    }
    return state;
}

QSet<QString> removes(const QList<QJsonObject> &changes)
{
    QSet<QString> out;
    for (const QJsonObject &c : changes)
        if (c.value(QStringLiteral("op")).toString() == QLatin1String("remove"))
            out.insert(key(c));
    return out;
}

QSet<QString> caseAndAssignment(const QString &caseId)
{
    return { QStringLiteral("case/") + caseId, QStringLiteral("assignment/A-") + caseId };
}
} // namespace

class TestRetention : public ServiceTestBase
{
    Q_OBJECT
public:
    using ServiceTestBase::ServiceTestBase;

private:
    qint64 m_firstHorizon = 0;
    QString m_aliceMid; // a token newer than the first horizon

    qint64 count(const QString &sql) { return h->scalar(sql).toLongLong(); }
    qint64 currentSeq() { return count(QStringLiteral("SELECT value FROM counters WHERE name = 'seq'")); }
    qint64 horizonSetting()
    {
        return count(QStringLiteral("SELECT COALESCE(MAX(value), '0') FROM settings"
                                    " WHERE name = 'retention_horizon_seq'"));
    }

    PruneReport prune(const QDateTime &now, Service *service = nullptr)
    {
        auto r = (service ? service : h->service())->pruneFeed(now);
        if (!r.ok())
            qWarning("prune: %s", qPrintable(r.error().toString()));
        return r.ok() ? r.value() : PruneReport { -1, -1, -1, -1, 0 };
    }

    bool reassign(const QString &caseId, const QString &assignee, const QString &queue)
    {
        const auto r = h->callJson("PUT", QStringLiteral("/api/v1/admin/cases/%1/assignment").arg(caseId),
            { { QStringLiteral("assignee"), assignee }, { QStringLiteral("queue"), queue } }, carol);
        return r.status == 200;
    }

    /// An unassigned case alice sees (north queue), purged by the administrator.
    QString purgeAPooledCase()
    {
        for (const QJsonObject &c : readFeed(alice, QStringLiteral("0")).changes)
            if (c.value(QStringLiteral("kind")).toString() == QLatin1String("case")
                && c.value(QStringLiteral("data")).toObject().value(QStringLiteral("assignee")).isNull()) {
                const QString id = c.value(QStringLiteral("id")).toString();
                return h->call("DELETE", QStringLiteral("/api/v1/admin/cases/") + id, {}, carol).status == 200
                    ? id
                    : QString();
            }
        return {};
    }

    QString errorCode(const QString &token, const QString &since)
    {
        const auto r = h->call("GET", kChanges + QStringLiteral("?since=%1").arg(since), {}, token);
        return r.status == 410 ? Harness::json(r)
                                     .value(QStringLiteral("error"))
                                     .toObject()
                                     .value(QStringLiteral("code"))
                                     .toString()
                               : QString::number(r.status);
    }

private Q_SLOTS:
    void firstPruneOnlyRecordsTheTime()
    {
        const qint64 logRows = count(QStringLiteral("SELECT COUNT(*) FROM scope_log"));
        const qint64 feedRows = count(QStringLiteral("SELECT COUNT(*) FROM sync_entities"));
        const PruneReport r = prune(kT0);
        QCOMPARE(r.previousHorizon, qint64(0));
        QCOMPARE(r.horizon, qint64(0));
        QCOMPARE(r.scopeLogRows, qint64(0));
        QCOMPARE(r.tombstones, qint64(0));
        QCOMPARE(
            count(QStringLiteral("SELECT COUNT(*) FROM seq_marks WHERE at = %1").arg(kT0.toSecsSinceEpoch())),
            qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM scope_log")), logRows);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM sync_entities")), feedRows);
        // The history of the demo seed has no time yet: even a far later prune keeps it all.
        QCOMPARE(prune(kT0.addSecs(10 * kDay)).horizon, qint64(0));
    }

    void oldTokensGet410NewerTokensKeepTheirRemoves()
    {
        const QString aliceOld = readFeed(alice, QStringLiteral("0")).next;
        const QString carolOld = readFeed(carol, QStringLiteral("0")).next;

        // Old history: a case reassigned away from alice, a pooled case of hers purged.
        const QString movedOld = someCase(QStringLiteral("alice"), QStringLiteral("repair"));
        QVERIFY(!movedOld.isEmpty());
        QVERIFY(reassign(movedOld, QStringLiteral("bob"), QStringLiteral("south")));
        const QString purgedOld = purgeAPooledCase();
        QVERIFY(!purgedOld.isEmpty());

        // An edit (no history: alice keeps the case) as the last write before the mark.
        const QString edited = someCase(QStringLiteral("alice"), QStringLiteral("inspection"));
        const QJsonObject res = firstResult(post(alice,
            { action(QStringLiteral("update"), edited,
                { { QStringLiteral("baseEtag"), caseOf(edited).value(QStringLiteral("etag")) },
                    { QStringLiteral("fields"), QJsonObject { { QStringLiteral("readingKw"), 77 } } } }) }));
        QCOMPARE(res.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));

        // Day 1: the prune notes the time of everything so far.
        QCOMPARE(prune(kT0.addSecs(kDay)).horizon, qint64(0));
        const qint64 markedSeq = currentSeq();
        const qint64 horizon = markedSeq - 1; // what the day-31 prune will leave

        // The tokens that must survive the prune: just above its horizon.
        const Feed aliceMidFull = readFeed(alice, QStringLiteral("0"));
        const QString aliceMid = aliceMidFull.next;
        const QString carolMid = readFeed(carol, QStringLiteral("0")).next;
        QCOMPARE(aliceMid.toLongLong(), markedSeq);

        // New history: after the mark, so the prune keeps it.
        const QString movedNew = someCase(QStringLiteral("alice"), QStringLiteral("repair"));
        QVERIFY(!movedNew.isEmpty() && movedNew != movedOld);
        QVERIFY(reassign(movedNew, QStringLiteral("bob"), QStringLiteral("south")));
        const QString purgedNew = purgeAPooledCase();
        QVERIFY(!purgedNew.isEmpty() && purgedNew != purgedOld);

        const auto logRowsAtOrBelow = [&](qint64 seq) {
            return count(QStringLiteral("SELECT COUNT(*) FROM scope_log WHERE seq <= %1").arg(seq));
        };
        const auto tombstonesAtOrBelow = [&](qint64 seq) {
            return count(QStringLiteral("SELECT COUNT(*) FROM sync_entities WHERE removed = 1 AND seq <= %1")
                             .arg(seq));
        };
        const qint64 logTotal = logRowsAtOrBelow(currentSeq());
        const qint64 logOld = logRowsAtOrBelow(horizon);
        const qint64 tombTotal = tombstonesAtOrBelow(currentSeq());
        const qint64 tombOld = tombstonesAtOrBelow(horizon);
        QVERIFY(logOld >= 4); // alice and the pool lost movedOld and purgedOld (case + assignment each)
        QCOMPARE(logRowsAtOrBelow(markedSeq), logOld); // the edit at markedSeq left none
        QCOMPARE(tombOld, qint64(2));
        QCOMPARE(tombTotal, qint64(4));
        QVERIFY(logTotal >= logOld + 4);
        const qint64 liveRows = count(QStringLiteral("SELECT COUNT(*) FROM sync_entities WHERE removed = 0"));
        const QMap<QString, QString> aliceBefore = apply({}, readFeed(alice, QStringLiteral("0")).changes);

        // Day 31 and a second: everything before the day-1 mark is older than 30 days.
        const PruneReport r = prune(kT0.addSecs(31 * kDay + 1));
        QCOMPARE(r.previousHorizon, qint64(0));
        QCOMPARE(r.horizon, horizon);
        QCOMPARE(r.scopeLogRows, logOld);
        QCOMPARE(r.tombstones, tombOld);
        QCOMPARE(horizonSetting(), horizon);
        // What it deleted, and nothing else.
        QCOMPARE(logRowsAtOrBelow(horizon), qint64(0));
        QCOMPARE(logRowsAtOrBelow(currentSeq()), logTotal - logOld);
        QCOMPARE(tombstonesAtOrBelow(horizon), qint64(0));
        QCOMPARE(tombstonesAtOrBelow(currentSeq()), tombTotal - tombOld);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM sync_entities WHERE removed = 0")), liveRows);
        QCOMPARE(
            count(QStringLiteral("SELECT COUNT(*) FROM cases WHERE id = '%1'").arg(movedOld)), qint64(1));

        // Tokens at or below the horizon: 410 full_sync_required.
        QCOMPARE(errorCode(alice, aliceOld), QStringLiteral("full_sync_required"));
        QCOMPARE(errorCode(carol, carolOld), QStringLiteral("full_sync_required"));
        QCOMPARE(errorCode(alice, QString::number(horizon)), QStringLiteral("full_sync_required"));
        QCOMPARE(errorCode(alice, QStringLiteral("%1.%2").arg(horizon + 1).arg(horizon)),
            QStringLiteral("full_sync_required")); // a chain that started at the horizon

        // Newer tokens: every remove they are due.
        const Feed aliceDelta = readFeed(alice, aliceMid);
        QCOMPARE(aliceDelta.status, 200);
        QCOMPARE(removes(aliceDelta.changes), caseAndAssignment(movedNew) + caseAndAssignment(purgedNew));
        const Feed carolDelta = readFeed(carol, carolMid);
        QCOMPARE(carolDelta.status, 200);
        QCOMPARE(removes(carolDelta.changes), caseAndAssignment(purgedNew));

        // A full sync after the 410 gives what a client that kept up holds, and what was there before.
        const QMap<QString, QString> keptUp = apply(apply({}, aliceMidFull.changes), aliceDelta.changes);
        const Feed again = readFeed(alice, QStringLiteral("0"), 7); // several pages
        QCOMPARE(again.status, 200);
        QVERIFY(again.pages > 1);
        const QMap<QString, QString> afterFullSync = apply({}, again.changes);
        QCOMPARE(afterFullSync, aliceBefore);
        QCOMPARE(afterFullSync, keptUp);
        QCOMPARE(readFeed(alice, again.next).status, 200);

        m_firstHorizon = horizon;
        m_aliceMid = aliceMid;
    }

    void pruningAgainOrWithAnEarlierClockChangesNothing()
    {
        QVERIFY(m_firstHorizon > 0);
        const qint64 logRows = count(QStringLiteral("SELECT COUNT(*) FROM scope_log"));
        for (const QDateTime &now : { kT0.addSecs(31 * kDay + 1), kT0, kT0.addSecs(32 * kDay) }) {
            const PruneReport r = prune(now);
            QCOMPARE(r.previousHorizon, m_firstHorizon);
            QCOMPARE(r.horizon, m_firstHorizon);
            QCOMPARE(r.scopeLogRows, qint64(0));
            QCOMPARE(r.tombstones, qint64(0));
        }
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM scope_log")), logRows);
        QCOMPARE(readFeed(alice, m_aliceMid).status, 200);
    }

    void instancesPruneInTurnInSmallTransactions()
    {
        // More history, then a mark on day 33 (after the day-32 mark of the test before).
        const QString id = someCase(QStringLiteral("bob"), QStringLiteral("repair"));
        QVERIFY(!id.isEmpty());
        for (int i = 0; i < 4; ++i) {
            QVERIFY(reassign(id, QStringLiteral("alice"), QStringLiteral("north")));
            QVERIFY(reassign(id, QStringLiteral("bob"), QStringLiteral("south")));
        }
        QCOMPARE(prune(kT0.addSecs(33 * kDay)).horizon, m_firstHorizon);
        const qint64 target = currentSeq() - 1; // just below that mark
        const qint64 logDue
            = count(QStringLiteral("SELECT COUNT(*) FROM scope_log WHERE seq > %1 AND seq <= %2")
                        .arg(m_firstHorizon)
                        .arg(target));
        const qint64 tombDue = count(QStringLiteral("SELECT COUNT(*) FROM sync_entities WHERE removed = 1"
                                                    " AND seq > %1 AND seq <= %2")
                                         .arg(m_firstHorizon)
                                         .arg(target));
        QVERIFY(logDue >= 14); // 8 reassignments of a case and its assignment, the last one's kept
        const qint64 logKept
            = count(QStringLiteral("SELECT COUNT(*) FROM scope_log WHERE seq > %1").arg(target));

        // Two more instances on the same database, each pruning 3 seqs a transaction, at once.
        ServiceOptions o = h->options();
        o.pruneBatchSeqs = 3;
        std::vector<std::unique_ptr<Service>> others;
        for (int i = 0; i < 2; ++i) {
            auto s = h->open(o);
            QVERIFY2(s.ok(), qPrintable(s.error().toString()));
            others.push_back(std::move(s).value());
        }
        QList<PruneReport> reports(2);
        QList<QThread *> threads;
        for (int i = 0; i < 2; ++i)
            threads.append(
                QThread::create([&, i] { reports[i] = prune(kT0.addSecs(64 * kDay), others[i].get()); }));
        for (QThread *t : threads)
            t->start();
        for (QThread *t : threads) {
            QVERIFY(t->wait(60000));
            delete t;
        }
        for (const PruneReport &r : reports)
            QCOMPARE(r.horizon, target);
        QCOMPARE(reports[0].scopeLogRows + reports[1].scopeLogRows, logDue);
        QCOMPARE(reports[0].tombstones + reports[1].tombstones, tombDue);
        QVERIFY(reports[0].transactions + reports[1].transactions > (target - m_firstHorizon) / 3);
        QCOMPARE(horizonSetting(), target);
        QCOMPARE(
            count(QStringLiteral("SELECT COUNT(*) FROM scope_log WHERE seq <= %1").arg(target)), qint64(0));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM scope_log")), logKept);
        QCOMPARE(errorCode(alice, m_aliceMid), QStringLiteral("full_sync_required"));
        QCOMPARE(readFeed(alice, readFeed(alice, QStringLiteral("0")).next).status, 200);
    }

    void upgradesAVersion1Database()
    {
        // A database as the previous release left it (schema 1, with feed history) gets migration 2;
        // its history counts as new until a prune has noted the time, and goes one period later.
        Harness old(m_backend);
        QString why;
        QVERIFY2(old.prepare(&why), qPrintable(why));
        const DbKind kind = m_backend == Harness::Backend::SQLite ? DbKind::SQLite : DbKind::PostgreSQL;
        QStringList statements = migrations(kind).at(0).statements;
        statements << QStringLiteral("INSERT INTO scope_log VALUES ('case', 'C-1', 5, 'alice', NULL, 0)")
                   << QStringLiteral("UPDATE counters SET value = 9 WHERE name = 'seq'")
                   << (kind == DbKind::SQLite
                              ? QStringLiteral("PRAGMA user_version = 1")
                              : QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL)"));
        if (kind == DbKind::PostgreSQL)
            statements << QStringLiteral("INSERT INTO schema_version VALUES (1)");
        for (const QString &sql : statements)
            QVERIFY2(old.sql(sql, &why), qPrintable(sql + QStringLiteral(": ") + why));
        auto s = old.open(old.options());
        QVERIFY2(s.ok(), qPrintable(s.error().toString()));
        QCOMPARE(
            old.scalar(kind == DbKind::SQLite ? QStringLiteral("PRAGMA user_version")
                                              : QStringLiteral("SELECT MAX(version) FROM schema_version"))
                .toInt(),
            Database::schemaVersion);
        auto first = s.value()->pruneFeed(kT0.addSecs(400 * kDay));
        QVERIFY2(first.ok(), qPrintable(first.error().toString()));
        QCOMPARE(first.value().horizon, qint64(0)); // no time known for the old history: it stays
        QCOMPARE(old.scalar(QStringLiteral("SELECT COUNT(*) FROM scope_log")).toInt(), 1);
        auto later = s.value()->pruneFeed(kT0.addSecs(431 * kDay));
        QVERIFY2(later.ok(), qPrintable(later.error().toString()));
        QCOMPARE(later.value().horizon, qint64(8)); // just below the first prune's mark at seq 9
        QCOMPARE(later.value().scopeLogRows, qint64(1));
        QCOMPARE(old.scalar(QStringLiteral("SELECT COUNT(*) FROM scope_log")).toInt(), 0);
    }

    void upgradesAVersion6DatabaseWithHistory()
    {
        // A database at schema 6 with a case and two audit rows: migration 7 puts them into the feed
        // as history entries with the case's scope, above every token handed out before.
        Harness old(m_backend);
        QString why;
        QVERIFY2(old.prepare(&why), qPrintable(why));
        const DbKind kind = m_backend == Harness::Backend::SQLite ? DbKind::SQLite : DbKind::PostgreSQL;
        QStringList statements;
        const QList<Migration> steps = migrations(kind);
        for (int i = 0; i < 6; ++i)
            statements += steps.at(i).statements;
        statements
            << QStringLiteral(
                   "INSERT INTO sync_entities (kind, entity_id, seq, etag, doc, scope_user, scope_queue)"
                   " VALUES ('case', 'C-1', 4, '\"1\"', '{}', 'alice', 'north')")
            << QStringLiteral(
                   "INSERT INTO audit (case_id, at, by_user, device_id, client_time, action, changes, note)"
                   " VALUES ('C-1', '2026-12-01T08:00:00.000Z', 'carol', NULL, NULL, 'create', '{}', NULL)")
            << QStringLiteral(
                   "INSERT INTO audit (case_id, at, by_user, device_id, client_time, action, changes, note)"
                   " VALUES ('C-1', '2026-12-01T09:00:00.000Z', 'carol', 'desk', NULL, 'note', '{}', 'Gate "
                   "4711')")
            << QStringLiteral("UPDATE counters SET value = 9 WHERE name = 'seq'")
            << (kind == DbKind::SQLite
                       ? QStringLiteral("PRAGMA user_version = 6")
                       : QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL)"));
        if (kind == DbKind::PostgreSQL)
            statements << QStringLiteral("INSERT INTO schema_version VALUES (6)");
        for (const QString &sql : statements)
            QVERIFY2(old.sql(sql, &why), qPrintable(sql + QStringLiteral(": ") + why));
        auto s = old.open(old.options());
        QVERIFY2(s.ok(), qPrintable(s.error().toString()));
        QCOMPARE(old.scalar(QStringLiteral(
                                "SELECT COUNT(*) FROM sync_entities WHERE kind = 'history' AND case_id = "
                                "'C-1' AND scope_user = 'alice' AND seq > 9"))
                     .toInt(),
            2);
        QVERIFY(
            old.scalar(QStringLiteral("SELECT value FROM counters WHERE name = 'seq'")).toLongLong() >= 11);
        const QString note
            = old.scalar(QStringLiteral("SELECT doc FROM sync_entities WHERE kind = 'history' AND "
                                        "entity_id = 'a2'"))
                  .toString();
        const QJsonObject doc = QJsonDocument::fromJson(note.toUtf8()).object();
        QCOMPARE(doc.value(QStringLiteral("text")).toString(), QStringLiteral("Gate 4711"));
        QCOMPARE(doc.value(QStringLiteral("caseId")).toString(), QStringLiteral("C-1"));
        QCOMPARE(doc.value(QStringLiteral("by")).toString(), QStringLiteral("carol"));
        QCOMPARE(doc.value(QStringLiteral("action")).toString(), QStringLiteral("note"));
    }

    void badRetentionIsRefused()
    {
        ServiceOptions o = h->options();
        o.feedRetentionDays = 0;
        auto s = Service::open(o);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QStringLiteral("bad_config"));
    }
};

int main(int argc, char **argv)
{
    return runOnBothDatabases<TestRetention>(argc, argv);
}

#include "tst_retention.moc"
