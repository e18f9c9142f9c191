// SPDX-License-Identifier: MIT
// The download side of sync: applying pages of the changes feed, full and delta.
#include "serverpages.h"

#include "pagewriter.h"
#include "storejson.h"
#include "storeparts.h"

#include <QCborValue>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <optional>

namespace outpost::client {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::client::LocalStore)
};

const QString kSync = QStringLiteral("sync");

/// Where a change's data is in its page, for an error: built only for one.
QString dataPath(qsizetype index)
{
    return QStringLiteral("changes[%1].data").arg(index);
}

/// A change's data read as T; a bad one is a bad answer, its fields named by their place in the
/// page ("changes[12].data.title"), a name built only for an error (a full sync has 200,000).
template <typename T> Result<T> readData(const QJsonObject &data, qsizetype index)
{
    auto r = T::fromJson(data);
    if (r)
        return r;
    r = T::fromJson(data, dataPath(index));
    return Error(QStringLiteral("bad_response"), r.error().message, r.error().fields);
}

qint64 fullSyncGen(const StoreDb &db)
{
    return db.stateValue(QStringLiteral("full_sync_gen")).toLongLong();
}

/// Cases whose local view is more than the server copy: their pending work must survive.
QSet<QString> casesWithWork(StoreParts &d)
{
    QSet<QString> ids;
    if (auto q
        = d.db.run(QStringLiteral("SELECT id FROM cases WHERE pending_count > 0 OR has_conflict <> 0 OR "
                                  "has_issue <> 0 OR removed_on_server <> 0 OR is_local_only <> 0")))
        while (q.value().next())
            ids.insert(q.value().value(0).toString());
    if (auto q = d.db.run(QStringLiteral("SELECT DISTINCT case_id FROM attachments WHERE uploaded = 0")))
        while (q.value().next())
            ids.insert(q.value().value(0).toString());
    return ids;
}
} // namespace

Status ServerPages::beginFullSync()
{
    SqlTransaction tx(d.db.db());
    if (auto st = tx.begin(); !st.ok())
        return st;
    const qint64 gen = fullSyncGen(d.db) + 1;
    Status st = d.db.setStateValue(QStringLiteral("full_sync_gen"), QString::number(gen));
    if (st.ok())
        st = d.db.setStateValue(QStringLiteral("full_sync_active"), QStringLiteral("1"));
    if (st.ok())
        st = d.db.setStateValue(QStringLiteral("full_sync_cursor"), QString());
    if (st.ok())
        d.db.log(EventLevel::Info, kSync, Tr::tr("Full sync started; every queued change is kept."));
    if (st.ok())
        st = tx.commit();
    return st;
}

Result<QStringList> ServerPages::applyPage(const ChangesPage &page, bool fullSync)
{
    SqlTransaction tx(d.db.db());
    if (auto st = tx.begin(); !st.ok())
        return st.error();
    PageWriter w(d, fullSyncGen(d.db));
    if (const QString problem = w.prepare(); !problem.isEmpty())
        return Error(QStringLiteral("store_io"),
            Tr::tr("The offline store failed (%1): %2").arg(QStringLiteral("prepare"), problem));
    const QSet<QString> work = casesWithWork(d);
    QStringList changed;
    QStringList toRecompute;
    // The page's assignments first, then the rest, each in the page's order. The worklist's
    // columns of a case (due date, instructions) come from its assignment through triggers: a new
    // case written after its assignment gets them in the one update its insert trigger does;
    // written before, it is written a third time when its assignment arrives. The result is the
    // same in either order (the triggers recompute from what is there), and it is one transaction.
    QList<qsizetype> order;
    order.reserve(page.changes.size());
    for (qsizetype i = 0; i < page.changes.size(); ++i)
        if (page.changes.at(i).kind == ChangeKind::Assignment)
            order.append(i);
    for (qsizetype i = 0; i < page.changes.size(); ++i)
        if (page.changes.at(i).kind != ChangeKind::Assignment)
            order.append(i);
    for (const qsizetype i : std::as_const(order)) {
        const Change &ch = page.changes.at(i);
        Status st;
        switch (ch.kind) {
        case ChangeKind::CaseType: {
            if (ch.remove) {
                st = d.db.exec(QStringLiteral("DELETE FROM case_types WHERE name = ?"), { ch.id });
                break;
            }
            auto ct = readData<CaseType>(ch.data, i);
            if (!ct)
                return ct.error();
            st = d.db.exec(
                QStringLiteral(
                    "INSERT INTO case_types(name, version, title, json, seen_gen) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT(name) DO UPDATE SET version = excluded.version, title = "
                    "excluded.title, json = excluded.json, seen_gen = excluded.seen_gen"),
                { ct->name, ct->version, ct->title, jsonText(ct->toJson()), w.gen });
            break;
        }
        case ChangeKind::Case: {
            changed << ch.id;
            if (ch.remove) {
                if (work.contains(ch.id)) {
                    st = w.run(w.markRemoved, { ch.id });
                    d.db.log(EventLevel::Warning, kSync,
                        Tr::tr("Case %1 left your work on the server; it is kept here because it has unsent "
                               "work.")
                            .arg(ch.id));
                } else {
                    // Its files are all on the server (else it would have work): their rows go
                    // with it, e.g. a signature's picture of a case finished here.
                    st = w.run(w.removeCaseFiles, { ch.id });
                    if (st.ok())
                        st = w.run(w.removeCase, { ch.id });
                    if (st.ok())
                        st = w.run(w.removeCaseHistory, { ch.id });
                }
                break;
            }
            auto rec = readData<CaseRecord>(ch.data, i);
            if (!rec)
                return rec.error();
            CaseRecord &c = rec.value();
            if (c.etag.isEmpty())
                c.etag = ch.etag;
            if (work.contains(c.id)) {
                // New server copy; the pending edits are re-applied on top.
                st = d.cases.writeServerCopy(c, w.gen);
                toRecompute << c.id;
                break;
            }
            QByteArray attText = QByteArrayLiteral("[]");
            if (!c.attachments.isEmpty()) {
                QJsonArray att;
                for (const AttachmentRef &a : std::as_const(c.attachments))
                    att.append(a.toJson());
                attText = QJsonDocument(att).toJson(QJsonDocument::Compact);
            }
            st = w.run(w.upsertCase,
                { c.id, c.caseType, c.caseTypeVersion, c.status, c.title, c.assignee, c.queue, c.createdAt,
                    c.updatedAt, c.etag, jsonUtf8(c.fields), attText, w.gen });
            break;
        }
        case ChangeKind::Assignment: {
            // The case's worklist row shows its assignment: the case counts as changed.
            if (ch.remove) {
                const QString caseId
                    = d.db.scalar(QStringLiteral("SELECT case_id FROM assignments WHERE id = ?"), { ch.id })
                          .toString();
                if (!caseId.isEmpty())
                    changed << caseId;
                st = w.run(w.removeAssignment, { ch.id });
                break;
            }
            auto as = readData<Assignment>(ch.data, i);
            if (!as)
                return as.error();
            changed << as->caseId;
            st = w.run(w.upsertAssignment,
                { as->id, as->caseId, as->assignee, as->queue, as->instructions, as->dueAt, jsonUtf8(ch.data),
                    w.gen });
            break;
        }
        case ChangeKind::History: {
            if (ch.remove) {
                st = w.run(w.removeHistory, { ch.id });
                break;
            }
            // Checked as the protocol says; kept as sent (the screens and the CLI read it).
            const QString caseId = ch.data.value(QLatin1String("caseId")).toString();
            const QString at = ch.data.value(QLatin1String("at")).toString();
            if (caseId.isEmpty() || at.isEmpty() || !ch.data.value(QLatin1String("action")).isString())
                return Error(QStringLiteral("bad_response"),
                    Tr::tr("History entry %1 has no case, time or action.").arg(ch.id),
                    { { dataPath(i), ch.id } });
            changed << caseId;
            QJsonObject entry = ch.data;
            if (entry.value(QLatin1String("id")).toString() != ch.id) // the server sends it; kept as sent
                entry.insert(QStringLiteral("id"), ch.id);
            st = w.run(w.upsertHistory,
                { caseId, at, ch.id, QVariant::fromValue(QCborValue::fromJsonValue(entry)), w.gen });
            break;
        }
        case ChangeKind::DataPage: {
            if (ch.remove) {
                const qsizetype slash = ch.id.indexOf(QLatin1Char('/'));
                if (slash <= 0)
                    return Error(QStringLiteral("bad_response"),
                        Tr::tr("Data page row id '%1' is not '<page>/<key>'.").arg(ch.id));
                st = w.run(w.removeRow, { ch.id.left(slash), ch.id.mid(slash + 1) });
                break;
            }
            auto row = readData<DataPageRow>(ch.data, i);
            if (!row)
                return row.error();
            st = w.run(w.upsertRow, { row->page, row->key, row->label, jsonUtf8(ch.data), w.gen });
            break;
        }
        }
        if (!st.ok())
            return st.error();
    }
    for (const QString &id : std::as_const(toRecompute))
        if (auto st = d.cases.recompute(id); !st.ok())
            return st.error();
    Status st = fullSync ? d.db.setStateValue(QStringLiteral("full_sync_cursor"), page.next)
                         : d.db.setStateValue(QStringLiteral("token"), page.next);
    if (st.ok() && !toRecompute.isEmpty())
        d.db.log(EventLevel::Info, kSync,
            Tr::tr("%n case(s) with unsent work got a new server copy; the local changes stay on top.",
                nullptr, int(toRecompute.size())));
    if (st.ok())
        st = tx.commit();
    if (!st.ok())
        return st.error();
    changed.removeDuplicates(); // a case and its assignment
    return changed;
}

Result<QStringList> ServerPages::finishFullSync(const QString &token)
{
    SqlTransaction tx(d.db.db());
    if (auto st = tx.begin(); !st.ok())
        return st.error();
    const qint64 gen = fullSyncGen(d.db);
    const QSet<QString> work = casesWithWork(d);
    QStringList removed, kept;
    auto q = d.db.run(QStringLiteral("SELECT id, is_local_only FROM cases WHERE seen_gen < ?"), { gen });
    if (!q)
        return q.error();
    while (q.value().next()) {
        const QString id = q.value().value(0).toString();
        if (q.value().value(1).toInt() != 0)
            continue; // created here, not on the server yet
        if (work.contains(id))
            kept << id;
        else
            removed << id;
    }
    q.value().finish();
    for (const QString &id : std::as_const(removed))
        for (const char *sql :
            { "DELETE FROM attachments WHERE case_id = ?", "DELETE FROM cases WHERE id = ?" })
            if (auto st = d.db.exec(QString::fromLatin1(sql), { id }); !st.ok())
                return st.error();
    // History the server no longer sends, and that of cases no longer here.
    for (const char *sql : { "DELETE FROM case_history WHERE seen_gen < ?",
             "DELETE FROM case_history WHERE case_id NOT IN (SELECT id FROM cases) AND ? IS NOT NULL" })
        if (auto st = d.db.exec(QString::fromLatin1(sql), { gen }); !st.ok())
            return st.error();
    for (const QString &id : std::as_const(kept))
        if (auto st
            = d.db.exec(QStringLiteral("UPDATE cases SET removed_on_server = 1 WHERE id = ?"), { id });
            !st.ok())
            return st.error();
    for (const char *sql : { "DELETE FROM assignments WHERE seen_gen < ?",
             "DELETE FROM data_page_rows WHERE seen_gen < ?", "DELETE FROM case_types WHERE seen_gen < ?" })
        if (auto st = d.db.exec(QString::fromLatin1(sql), { gen }); !st.ok())
            return st.error();
    // Every queued action stays and is re-applied on the new server copies.
    for (const QString &id : work)
        if (auto st = d.cases.recompute(id); !st.ok())
            return st.error();
    Status st = d.db.setStateValue(QStringLiteral("token"), token);
    if (st.ok())
        st = d.db.setStateValue(QStringLiteral("full_sync_active"), QStringLiteral("0"));
    if (st.ok())
        st = d.db.setStateValue(QStringLiteral("full_sync_cursor"), QString());
    if (st.ok())
        d.db.log(EventLevel::Info, kSync,
            Tr::tr(
                "Full sync finished: %1 case(s) no longer sent were removed, %2 kept for their unsent work, "
                "%3 with pending work re-applied.")
                .arg(removed.size())
                .arg(kept.size())
                .arg(work.size()));
    if (st.ok())
        st = tx.commit();
    if (!st.ok())
        return st.error();
    return removed + kept;
}

QString ServerPages::syncToken() const
{
    return d.db.stateValue(QStringLiteral("token"));
}
bool ServerPages::fullSyncInProgress() const
{
    return d.db.stateValue(QStringLiteral("full_sync_active")) == QLatin1String("1");
}
QString ServerPages::fullSyncCursor() const
{
    return d.db.stateValue(QStringLiteral("full_sync_cursor"));
}

Status ServerPages::setLastSuccess(const QDateTime &when)
{
    return d.db.setStateValue(QStringLiteral("last_success"), when.toUTC().toString(Qt::ISODateWithMs));
}

QDateTime ServerPages::lastSuccess() const
{
    return QDateTime::fromString(d.db.stateValue(QStringLiteral("last_success")), Qt::ISODateWithMs);
}

} // namespace outpost::client
