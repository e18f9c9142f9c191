// SPDX-License-Identifier: MIT
// StoreReads::readiness: what the ready check (client/sync/readycheck.h) reads from the store, in a
// few aggregate statements (a 50,000-case store answers in tens of milliseconds).
#include "localstore.h"
#include "storedb.h"
#include "storeparts.h"
#include "storereads.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace outpost::client {

namespace {

/// Whether an attachment the server lists is on the device: sent from here (its copy beside the
/// store) or opened or fetched into the cache ("<cache>/<id>/<name>").
bool onDevice(const QString &cacheDir, const QString &id, const QSet<QString> &localIds)
{
    if (localIds.contains(id))
        return true;
    const QDir dir(cacheDir + QLatin1Char('/') + id);
    return dir.exists() && !dir.isEmpty(QDir::Files);
}

} // namespace

ReadinessFacts StoreReads::readiness(const QString &userId, bool checkHealth, bool fullCheck) const
{
    QElapsedTimer timer;
    timer.start();
    QStringList timings; // for the debug log: where the time goes on a big store
    auto lap = [&](const char *what) {
        timings << QStringLiteral("%1 %2 ms").arg(QLatin1String(what)).arg(timer.restart());
    };
    ReadinessFacts f;
    const StoreStatus s = status();
    f.pending = s.pending;
    f.conflicts = s.conflicts;
    f.syncIssues = s.syncIssues;
    f.attachmentsToUpload = s.attachmentsToUpload;
    f.lastSuccess = s.lastSuccess;
    f.fullSyncInProgress = s.fullSyncInProgress;
    f.hasSyncToken = !s.syncToken.isEmpty();
    if (f.pending > 0) {
        // The queue is short when it matters (a technician's day); the gate explains each entry.
        for (const OutboxEntry &e : outbox()) {
            if (!e.blockedBy.isEmpty())
                ++f.waiting;
            if (f.firstPending.size() < ReadinessFacts::ListLimit)
                f.firstPending << e;
        }
    }

    lap("queue");
    // Assigned cases: the user's own, and those an assignment names (whose case must be here too);
    // both through indexes (cases_assignee, assignments_assignee).
    f.assignedCases
        = d.db.scalar(QStringLiteral("SELECT count(*) FROM (SELECT id FROM cases WHERE assignee = ? UNION "
                                     "SELECT a.case_id FROM assignments a JOIN cases c ON c.id = "
                                     "a.case_id WHERE a.assignee = ?)"),
                  { userId, userId })
              .toInt();
    (void)d.db.forEach(
        QStringLiteral("SELECT DISTINCT a.case_id FROM assignments a WHERE a.assignee = ? AND NOT "
                       "EXISTS (SELECT 1 FROM cases c WHERE c.id = a.case_id) ORDER BY 1 LIMIT 100"),
        { userId }, [&](const QSqlQuery &q) { f.casesMissing << q.value(0).toString(); });
    const QString mine = QStringLiteral(
        "SELECT id, attachments_json FROM cases WHERE assignee = ? UNION SELECT c.id, c.attachments_json "
        "FROM assignments a JOIN cases c ON c.id = a.case_id WHERE a.assignee = ?");
    lap("assigned cases");
    QSet<QString> localIds;
    (void)d.db.forEach(QStringLiteral("SELECT id, local_file FROM attachments"), {}, [&](const QSqlQuery &q) {
        if (QFileInfo::exists(q.value(1).toString()))
            localIds.insert(q.value(0).toString());
    });
    const QString cacheDir = StoreLocation::cacheDirFor(d.path);
    (void)d.db.forEach(QStringLiteral("SELECT id, attachments_json FROM (") + mine
            + QStringLiteral(") WHERE attachments_json <> '[]' ORDER BY id"),
        { userId, userId }, [&](const QSqlQuery &q) {
            const QString caseId = q.value(0).toString();
            const QJsonArray list = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).array();
            for (const QJsonValue &v : list) {
                const QJsonObject a = v.toObject();
                const QString id = a.value(QLatin1String("id")).toString();
                if (id.isEmpty())
                    continue;
                ++f.attachmentsListed;
                if (!onDevice(cacheDir, id, localIds))
                    f.attachmentsMissing
                        << caseId + QStringLiteral(": ") + a.value(QLatin1String("name")).toString();
            }
        });

    lap("attachments");
    // Case types of the cases on the device, and the data pages their lookup fields read.
    const QList<CaseType> types = caseTypes();
    f.caseTypes = int(types.size());
    (void)d.db.forEach(QStringLiteral("SELECT DISTINCT case_type FROM cases WHERE case_type NOT IN "
                                      "(SELECT name FROM case_types) ORDER BY 1"),
        {}, [&](const QSqlQuery &q) { f.caseTypesMissing << q.value(0).toString(); });
    QSet<QString> pages;
    for (const CaseType &t : types)
        for (const FieldDef &field : t.fields)
            if (field.type == FieldType::Lookup && !field.dataPage.isEmpty())
                pages.insert(field.dataPage);
    QStringList sortedPages(pages.begin(), pages.end());
    sortedPages.sort();
    for (const QString &page : sortedPages)
        if (!d.db.scalar(QStringLiteral("SELECT 1 FROM data_page_rows WHERE page = ? LIMIT 1"), { page })
                 .isValid())
            f.dataPagesEmpty << page;

    if (checkHealth) {
        // Everything the unsent work depends on reads back: every queued action was read above
        // (outbox()), and each belongs to a case row (the queue audit of open()). With `fullCheck`
        // PRAGMA quick_check reads the whole file (about a second for 50,000 cases through the
        // cipher on a busy machine; `outpost check` runs the complete integrity_check).
        QStringList problems;
        const QString sql = fullCheck ? QStringLiteral("PRAGMA quick_check")
                                      : QStringLiteral("PRAGMA foreign_key_check(outbox)");
        const Status checked = d.db.forEach(sql, {}, [&](const QSqlQuery &q) {
            const QString line = fullCheck
                ? q.value(0).toString()
                : QStringLiteral("queued action %1 has no case").arg(q.value(1).toString());
            if (line != QLatin1String("ok") && problems.size() < 5)
                problems << line;
        });
        if (!checked.ok())
            problems << checked.error().message;
        f.healthProblem = problems.join(QStringLiteral("; "));
        lap("quick_check");
    }
    qCDebug(lcStore).noquote() << "readiness:" << timings.join(QStringLiteral(", "));
    return f;
}

} // namespace outpost::client
