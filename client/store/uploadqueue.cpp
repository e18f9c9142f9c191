// SPDX-License-Identifier: MIT
// The upload side of sync: choosing batches and applying the server's results.
#include "uploadqueue.h"

#include "queuegate.h"
#include "storejson.h"
#include "storeparts.h"
#include "updateaction.h"

#include "rules/merge.h"

#include <QCoreApplication>
#include <QFile>
#include <QSet>

namespace outpost::client {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::client::LocalStore)
};

const QString kSync = QStringLiteral("sync");

bool changesEtag(ActionType t)
{
    return t != ActionType::Note;
}
bool needsEtag(ActionType t)
{
    return t == ActionType::Update || t == ActionType::Transition;
}
} // namespace

QList<QueuedAction> UploadQueue::nextBatch(int max)
{
    QList<QueuedAction> batch;
    if (max <= 0)
        return batch;
    QueueGate gate(d.db);
    QSet<QString> blocked; // nothing more of this case in this batch
    QSet<QString> producer; // an etag-changing action of this case is in this batch already
    // Light columns first; only the chosen rows' payloads are read.
    auto q = d.db.run(QStringLiteral("SELECT seq, case_id, type, state FROM outbox ORDER BY seq"));
    if (!q)
        return batch;
    QList<qint64> chosen;
    while (q.value().next() && chosen.size() < max) {
        const qint64 seq = q.value().value(0).toLongLong();
        const QString cid = q.value().value(1).toString();
        const ActionType type
            = actionTypeFromName(q.value().value(2).toString()).value_or(ActionType::Update);
        const QueueState state = queueStateFromName(q.value().value(3).toString());
        // Every row passes the gate, so that held and inflight rows hold back the rest of their case.
        const QueueBlock block = gate.check(seq, cid, state);
        if (blocked.contains(cid))
            continue;
        if (block != QueueBlock::None || state != QueueState::Queued) {
            blocked.insert(cid);
            continue;
        }
        // A second etag-dependent action would carry an etag the server has moved past: it goes in
        // the next batch, rebased on the etag the first one produces.
        if (needsEtag(type) && producer.contains(cid)) {
            blocked.insert(cid);
            continue;
        }
        if (changesEtag(type))
            producer.insert(cid);
        chosen.append(seq);
    }
    q.value().finish();
    if (chosen.isEmpty())
        return batch;
    const QList<OutboxRow> rows
        = d.outbox.load(QStringLiteral("WHERE seq BETWEEN ? AND ?"), { chosen.first(), chosen.last() });
    const QSet<qint64> wanted(chosen.begin(), chosen.end());
    for (const OutboxRow &r : rows)
        if (wanted.contains(r.seq))
            batch.append(r.toQueued());
    return batch;
}

Status UploadQueue::markInflight(const QStringList &actionIds)
{
    SqlTransaction tx(d.db.db());
    if (auto st = tx.begin(); !st.ok())
        return st;
    // A few statements for the batch rather than one per action.
    if (Status st = forIdChunks(actionIds,
            [this](const QString &marks, const QVariantList &binds) {
                return d.db.exec(
                    QStringLiteral("UPDATE outbox SET state = 'inflight', attempts = attempts + 1 "
                                   "WHERE state = 'queued' AND action_id IN (%1)")
                        .arg(marks),
                    binds);
            });
        !st.ok())
        return st;
    return tx.commit();
}

Status UploadQueue::requeueInflight()
{
    return d.db.exec(QStringLiteral("UPDATE outbox SET state = 'queued' WHERE state = 'inflight'"));
}

namespace {
struct Applier {
    Applier(StoreParts &impl, UploadSummary &summary)
        : d(impl)
        , sum(summary)
    { }

    StoreParts &d;
    UploadSummary &sum;
    QSet<QString> touched;
    /// The last outbox seq of each case when the batch began (read inside its transaction): an
    /// applied result with nothing queued after it on its case has nothing to rebase.
    QHash<QString, qint64> lastSeq;
    bool remapped = false; // a temp id was mapped: case ids of queued rows moved, lastSeq is stale
    /// The server etag stored for each case of the batch (read once, kept current here): an applied
    /// result whose version is stored already has nothing to write.
    QHash<QString, QString> storedEtags;
    /// Applied actions leave the queue in a few statements at the end, not one DELETE each.
    QStringList appliedSeqs;

    /// Cases with a sync issue or a conflict when the batch began: never settled inline.
    QSet<QString> troubled;

    Status writeServerCopy(const CaseRecord &rec)
    {
        if (auto st = d.cases.writeServerCopy(rec); !st.ok())
            return st;
        storedEtags.insert(rec.id, rec.etag);
        return Status::success();
    }

    /// The server copy of a case stored already; with `settled` its local view too. False when the
    /// case is not stored yet (then nothing was written).
    Result<bool> updateServerCopy(const CaseRecord &rec, bool settled)
    {
        auto found = d.cases.updateServerCopy(rec, settled);
        if (found && found.value())
            storedEtags.insert(rec.id, rec.etag);
        return found;
    }

    Status deleteApplied()
    {
        const QStringList seqs = std::exchange(appliedSeqs, {});
        return forIdChunks(seqs, [this](const QString &marks, const QVariantList &binds) {
            return d.db.exec(QStringLiteral("DELETE FROM outbox WHERE seq IN (%1)").arg(marks), binds);
        });
    }

    /// For the batch's actions, one statement per 500: where each is in the queue and what kind
    /// it is (enough for applied and skipped results, which need no payload), the last queued seq
    /// of its case, and the server etag stored for that case.
    Status loadBatch(const QStringList &actionIds, QHash<QString, OutboxRow> *heads)
    {
        return forIdChunks(
            actionIds, [this, heads](const QString &marks, const QVariantList &binds) -> Status {
                auto q = d.db.run(
                    QStringLiteral(
                        "SELECT o.seq, o.case_id, o.state, o.type, o.action_id, "
                        "(SELECT max(l.seq) FROM outbox l WHERE l.case_id = o.case_id), "
                        "c.server_etag, c.id IS NOT NULL AND c.removed_on_server = 0 AND c.is_local_only = "
                        "0, "
                        "EXISTS (SELECT 1 FROM sync_issues i WHERE i.case_id = o.case_id) "
                        "OR EXISTS (SELECT 1 FROM conflicts f WHERE f.case_id = o.case_id) "
                        "FROM outbox o LEFT JOIN cases c ON c.id = o.case_id WHERE o.action_id IN (%1)")
                        .arg(marks),
                    binds);
                if (!q)
                    return q.error();
                while (q.value().next()) {
                    const QSqlQuery &r = q.value();
                    OutboxRow row;
                    row.seq = r.value(0).toLongLong();
                    row.actionId = r.value(4).toString();
                    row.caseId = r.value(1).toString();
                    row.state = queueStateFromName(r.value(2).toString());
                    row.action.id = row.actionId;
                    row.action.caseId = row.caseId;
                    row.action.type = actionTypeFromName(r.value(3).toString()).value_or(ActionType::Update);
                    lastSeq.insert(row.caseId, r.value(5).toLongLong());
                    if (r.value(7).toInt() != 0)
                        storedEtags.insert(row.caseId, r.value(6).toString());
                    if (r.value(8).toInt() != 0)
                        troubled.insert(row.caseId);
                    heads->insert(row.actionId, row);
                }
                return Status::success();
            });
    }

    /// The server etag stored for a case of this batch is `etag` (only known for stored cases).
    bool etagStored(const QString &caseId, const QString &etag) const
    {
        const auto known = storedEtags.constFind(caseId);
        return !remapped && known != storedEtags.constEnd() && *known == etag;
    }

    bool laterRowsMayExist(const OutboxRow &row, const QString &caseId) const
    {
        return remapped || caseId != row.caseId || lastSeq.value(caseId, 0) > row.seq;
    }

    Status applied(const OutboxRow &row, const ActionResult &res)
    {
        for (auto it = res.mappedIds.cbegin(); it != res.mappedIds.cend(); ++it) {
            remapped = true;
            if (auto st = d.cases.remapTempId(it.key(), it.value()); !st.ok())
                return st;
            sum.mappedIds.insert(it.key(), it.value());
            d.db.log(EventLevel::Info, kSync,
                Tr::tr("Case %1 is now %2 on the server.").arg(it.key(), it.value()));
        }
        QString caseId = res.mappedIds.value(row.caseId, row.caseId);
        if (!res.caseId.isEmpty())
            caseId = res.caseId;
        appliedSeqs.append(QString::number(row.seq));
        QString etag = res.etag;
        bool settledHere = false;
        if (res.caseData) {
            auto rec = CaseRecord::fromJson(*res.caseData, QStringLiteral("case"));
            if (!rec)
                return Error(QStringLiteral("bad_response"), rec.error().message);
            if (etag.isEmpty())
                etag = rec->etag;
            caseId = rec->id;
            // An etag names one server version: when that version is stored already (typically a
            // note's result right after the update that produced it), there is nothing to write.
            const auto known = storedEtags.constFind(rec->id);
            const bool stored
                = !rec->etag.isEmpty() && known != storedEtags.constEnd() && *known == rec->etag;
            // The usual case: the last thing queued for a case that has no issue or conflict. Its
            // local view becomes the new server copy in the same statement, with nothing left to
            // settle afterwards.
            const bool last = !remapped && caseId == row.caseId && lastSeq.value(caseId, 0) == row.seq
                && !troubled.contains(caseId) && known != storedEtags.constEnd();
            if (!stored && last) {
                auto found = updateServerCopy(rec.value(), true);
                if (!found)
                    return found.error();
                settledHere = found.value();
            }
            if (!stored && !settledHere)
                if (auto st = writeServerCopy(rec.value()); !st.ok())
                    return st;
        } else if (!etag.isEmpty() && !etagStored(caseId, etag)) {
            // Without its case (omitUnchangedCases: a note's result) and not the etag stored already.
            if (auto st = d.db.exec(
                    QStringLiteral("UPDATE cases SET server_etag = ?, is_local_only = 0 WHERE id = ?"),
                    { etag, caseId });
                !st.ok())
                return st;
            storedEtags.remove(caseId); // removed_on_server unknown here: ask the table next time
        }
        // Later edits of this case were made on top of this one: they are based on its result.
        // (A note proves nothing about the case's state in between, so it rebases nothing.)
        // One statement over the case's rows (outbox_case index), not a parse and rewrite of each.
        // Never an action sent before: the server may hold it by its exact payload (see remapTempId).
        if (changesEtag(row.action.type) && !etag.isEmpty() && laterRowsMayExist(row, caseId))
            if (auto st
                = d.db.exec(QStringLiteral("UPDATE outbox SET payload = json_set(payload, '$.baseEtag', ?) "
                                           "WHERE case_id = ? AND seq > ? AND type IN ('update', "
                                           "'transition') AND attempts = 0 AND "
                                           "json_extract(payload, '$.baseEtag') IS NOT ?"),
                    { etag, caseId, row.seq, etag });
                !st.ok())
                return st;
        ++sum.applied;
        sum.changedCaseIds << caseId;
        if (!settledHere)
            touched.insert(caseId);
        return Status::success();
    }

    /// The local view of every case the batch touched, once per case rather than once per result.
    Status settle()
    {
        if (auto st = deleteApplied(); !st.ok())
            return st;
        QSet<QString> ids;
        for (const QString &touchedId : std::as_const(touched))
            ids.insert(d.cases.resolve(touchedId));
        const QStringList all(ids.begin(), ids.end());
        // Nothing else pending on a case: its local view is the server copy (what a recompute would
        // write, without replaying anything). The tables decide, not the flags: those are what this
        // settles. A few statements for the batch; only the cases with more to do are recomputed.
        QSet<QString> clean;
        Status st = forIdChunks(
            all, [this, &clean](const QString &marks, const QVariantList &binds) -> Status {
                auto q = d.db.run(
                    QStringLiteral("SELECT c.id FROM cases c WHERE c.id IN (%1) AND c.removed_on_server = 0 "
                                   "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.case_id = c.id) "
                                   "AND NOT EXISTS (SELECT 1 FROM sync_issues i WHERE i.case_id = c.id) "
                                   "AND NOT EXISTS (SELECT 1 FROM conflicts f WHERE f.case_id = c.id)")
                        .arg(marks),
                    binds);
                if (!q)
                    return q.error();
                while (q.value().next())
                    clean.insert(q.value().value(0).toString());
                return Status::success();
            });
        if (!st.ok())
            return st;
        const QStringList cleanIds(clean.begin(), clean.end());
        st = forIdChunks(cleanIds, [this](const QString &marks, const QVariantList &binds) {
            return d.db.exec(
                QStringLiteral("UPDATE cases SET fields = NULL, local_status = NULL, local_title = NULL, "
                               "pending_count = 0, has_issue = 0, has_conflict = 0 WHERE id IN (%1)")
                    .arg(marks),
                binds);
        });
        if (!st.ok())
            return st;
        for (const QString &caseId : all)
            if (!clean.contains(caseId))
                if (auto rs = d.cases.recompute(caseId); !rs.ok())
                    return rs;
        return Status::success();
    }

    Status conflict(const OutboxRow &row, const ActionResult &res)
    {
        if (!res.caseData)
            return skipped(
                row, Error(QStringLiteral("bad_response"), Tr::tr("A conflict came without the case.")));
        auto rec = CaseRecord::fromJson(*res.caseData, QStringLiteral("case"));
        if (!rec)
            return Error(QStringLiteral("bad_response"), rec.error().message);
        const QString caseId = row.caseId;
        if (auto st = writeServerCopy(rec.value()); !st.ok())
            return st;
        const auto type = d.cases.caseType(rec->caseType);
        const ConflictPolicy policy = type ? type->conflictPolicy : ConflictPolicy();

        QJsonObject base, mine, theirs;
        for (auto it = row.action.fields.begin(); it != row.action.fields.end(); ++it) {
            base.insert(it.key(), orNull(row.baseFields.value(it.key())));
            mine.insert(it.key(), orNull(it.value()));
            theirs.insert(it.key(), orNull(rec->fields.value(it.key())));
        }
        const MergeOutcome m = mergeFields(base, mine, theirs, policy);
        QStringList words;
        for (const QString &f : m.conflicts) {
            if (auto st = d.db.exec(
                    QStringLiteral("INSERT INTO conflicts(case_id, field, base, mine, theirs, policy, "
                                   "action_seq, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                   "ON CONFLICT(case_id, field) DO UPDATE SET mine = excluded.mine, "
                                   "theirs = excluded.theirs"),
                    { caseId, f, encodeJsonValue(base.value(f)), encodeJsonValue(mine.value(f)),
                        encodeJsonValue(theirs.value(f)), conflictRuleName(policy.ruleFor(f)), row.seq,
                        nowIso() });
                !st.ok())
                return st;
        }
        if (!m.serverWon.isEmpty())
            words << Tr::tr("%1 kept the server's value (serverWins)")
                         .arg(fieldLabels(type ? &*type : nullptr, m.serverWon));
        if (!m.toResend.isEmpty())
            words << Tr::tr("%1 sent again on etag %2")
                         .arg(fieldLabels(type ? &*type : nullptr, m.toResend.keys()), rec->etag);
        if (!m.conflicts.isEmpty())
            words << Tr::tr("%1 changed on both sides: your choice is needed")
                         .arg(fieldLabels(type ? &*type : nullptr, m.conflicts));

        // What still has to reach the server goes again, as a new action in the same queue position.
        const bool keep = !m.toResend.isEmpty() || row.action.type == ActionType::Transition;
        if (keep) {
            const PendingUpdate u = PendingUpdate::resend(row.action, rec->etag, m.toResend, rec->fields);
            if (auto st = d.outbox.rewrite(row.seq, u.action, u.baseFields, QueueState::Queued); !st.ok())
                return st;
            ++sum.requeued;
        } else if (auto st = d.db.exec(QStringLiteral("DELETE FROM outbox WHERE seq = ?"), { row.seq });
                   !st.ok()) {
            return st;
        }
        if (words.isEmpty())
            words << Tr::tr("the server already has the same values");
        d.db.log(m.conflicts.isEmpty() ? EventLevel::Info : EventLevel::Warning, kSync,
            Tr::tr("%1 met newer changes on the server: %2.")
                .arg(describeAction(d.cases, d.db, row.action, row.baseFields, type ? &*type : nullptr),
                    words.join(QStringLiteral("; "))));
        ++sum.conflicts;
        sum.needUser += int(m.conflicts.size());
        sum.changedCaseIds << caseId;
        touched.insert(caseId);
        return Status::success();
    }

    Status issue(const OutboxRow &row, const ActionResult &res)
    {
        const QString status
            = res.status == ResultStatus::Gone ? QStringLiteral("gone") : QStringLiteral("rejected");
        Error err = res.error;
        if (err.isNull())
            err = Error(status, Tr::tr("The server did not accept this change."));
        if (auto st
            = d.db.exec(QStringLiteral(
                            "INSERT OR REPLACE INTO sync_issues(action_id, case_id, status, error, "
                            "action, base_fields, action_seq, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                { row.actionId, row.caseId, status, jsonText(err.toJson()), jsonText(row.action.toJson()),
                    jsonText(row.baseFields), row.seq, nowIso() });
            !st.ok())
            return st;
        if (auto st = d.db.exec(QStringLiteral("DELETE FROM outbox WHERE seq = ?"), { row.seq }); !st.ok())
            return st;
        d.db.log(EventLevel::Warning, kSync,
            Tr::tr("%1 was %2 by the server: %3. Later changes of this case wait until it is fixed or "
                   "discarded.")
                .arg(describeAction(d.cases, d.db, row.action, row.baseFields, nullptr), status,
                    err.toString()));
        ++sum.issues;
        sum.changedCaseIds << row.caseId;
        touched.insert(row.caseId);
        return Status::success();
    }

    Status skipped(const OutboxRow &row, const Error &err)
    {
        ++sum.skipped;
        return d.db.exec(QStringLiteral("UPDATE outbox SET state = 'queued', last_error = ? WHERE seq = ?"),
            { err.isNull() ? QString() : err.toString(), row.seq });
    }
};
} // namespace

Status UploadQueue::applyResults(
    const QList<QueuedAction> &batch, const QList<ActionResult> &results, UploadSummary *summary)
{
    if (batch.size() != results.size())
        return Error(QStringLiteral("bad_response"),
            Tr::tr("The server answered %1 results for %2 actions.").arg(results.size()).arg(batch.size()));
    for (int i = 0; i < batch.size(); ++i)
        if (batch.at(i).action.id != results.at(i).id)
            return Error(QStringLiteral("bad_response"),
                Tr::tr("Result %1 answers action %2, expected %3.")
                    .arg(i)
                    .arg(results.at(i).id, batch.at(i).action.id));
    UploadSummary local;
    UploadSummary &sum = summary ? *summary : local;
    Applier ap(d, sum);
    SqlTransaction tx(d.db.db());
    if (auto st = tx.begin(); !st.ok())
        return st;
    QStringList actionIds;
    actionIds.reserve(results.size());
    for (const ActionResult &res : results)
        actionIds.append(res.id);
    QHash<QString, OutboxRow> heads;
    if (auto st = ap.loadBatch(actionIds, &heads); !st.ok())
        return st;
    for (int i = 0; i < batch.size(); ++i) {
        const ActionResult &res = results.at(i);
        // An applied or skipped result needs only where the action is and what kind it is; the
        // payload is read (and parsed) only for the results that keep or archive it.
        const bool light = res.status == ResultStatus::Applied || res.status == ResultStatus::Skipped;
        // Heads read up front hold until a temp id is mapped (that moves queued rows to the new id).
        std::optional<OutboxRow> row;
        if (!light)
            row = d.outbox.row(res.id);
        else if (ap.remapped)
            row = d.outbox.head(res.id);
        else if (auto it = heads.constFind(res.id); it != heads.constEnd())
            row = it.value();
        if (!row) {
            qCWarning(lcStore) << "result for an action no longer queued" << res.id;
            continue;
        }
        Status st;
        switch (res.status) {
        case ResultStatus::Applied:
            st = ap.applied(*row, res);
            break;
        case ResultStatus::Conflict:
            st = row->action.type == ActionType::Update || row->action.type == ActionType::Transition
                ? ap.conflict(*row, res)
                : ap.issue(*row, res);
            break;
        case ResultStatus::Rejected:
        case ResultStatus::Gone:
            st = ap.issue(*row, res);
            break;
        case ResultStatus::Skipped:
            st = ap.skipped(*row, res.error);
            break;
        }
        if (!st.ok())
            return st;
    }
    if (auto st = ap.settle(); !st.ok())
        return st;
    sum.changedCaseIds.removeDuplicates();
    return tx.commit();
}

} // namespace outpost::client
