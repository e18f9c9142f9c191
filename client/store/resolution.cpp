// SPDX-License-Identifier: MIT
// What the user does about sync problems: resolving conflicts, retrying or discarding sync issues.
#include "localedits.h"
#include "stagedfiles.h"

#include "storejson.h"
#include "storeparts.h"
#include "updateaction.h"

#include <QCoreApplication>
#include <QFile>

namespace outpost::client {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::client::LocalStore)
};

const QString kSync = QStringLiteral("sync");
} // namespace

Status LocalEdits::resolveConflict(const QString &caseIdIn, const QHash<QString, QJsonValue> &chosen)
{
    const auto c = d.cases.load(caseIdIn);
    if (!c)
        return Error(
            QStringLiteral("not_found"), Tr::tr("Case %1 is not in the offline store.").arg(caseIdIn));
    const QString caseId = c->record.id;
    const auto type = d.cases.caseType(c->record.caseType);
    if (!type)
        return Error(QStringLiteral("unknown_case_type"),
            Tr::tr("Case type '%1' is not known.").arg(c->record.caseType));
    const QList<ConflictEntry> open = StoreReads(d).conflicts(caseId);
    if (open.isEmpty())
        return Error(QStringLiteral("not_found"), Tr::tr("Case %1 has no conflicts.").arg(caseId));
    QMap<QString, QString> missing;
    QJsonObject values;
    qint64 seq = 0;
    for (const ConflictEntry &e : open) {
        if (!chosen.contains(e.field))
            missing.insert(e.field, Tr::tr("Choose a value for %1.").arg(e.label));
        else
            values.insert(e.field, chosen.value(e.field));
    }
    for (auto it = chosen.cbegin(); it != chosen.cend(); ++it)
        if (!values.contains(it.key()))
            missing.insert(it.key(), Tr::tr("%1 is not in conflict.").arg(it.key()));
    if (!missing.isEmpty())
        return Error(
            QStringLiteral("validation_failed"), Tr::tr("Every conflicting field needs a choice."), missing);
    const auto errors = RulesEngine::validateFields(
        *type, c->serverFields, values, RulesEngine::Mode::Update, d.cases.lookup());
    if (!errors.isEmpty())
        return Error(QStringLiteral("validation_failed"), Tr::tr("A chosen value is not valid."), errors);

    SqlTransaction tx(d.db.db());
    if (auto st = tx.begin(); !st.ok())
        return st;
    seq = d.db.scalar(QStringLiteral("SELECT min(action_seq) FROM conflicts WHERE case_id = ?"), { caseId })
              .toLongLong();
    QJsonObject toSend;
    for (auto it = values.begin(); it != values.end(); ++it)
        if (orNull(it.value()) != orNull(c->serverFields.value(it.key())))
            toSend.insert(it.key(), it.value());
    Status st = d.db.exec(QStringLiteral("DELETE FROM conflicts WHERE case_id = ?"), { caseId });
    if (st.ok() && !toSend.isEmpty()) {
        const auto rows = d.outbox.rowsOf(caseId);
        const OutboxRow *same = nullptr;
        for (const OutboxRow &r : rows)
            if (r.seq == seq)
                same = &r;
        if (same && same->state != QueueState::Inflight
            && (same->action.type == ActionType::Update || same->action.type == ActionType::Transition)) {
            PendingUpdate u { same->action, same->baseFields };
            u.fold(toSend, c->serverFields);
            st = d.outbox.rewrite(same->seq, u.action, u.baseFields, same->state);
        } else {
            const PendingUpdate u = PendingUpdate::create(caseId, c->record.etag, toSend, c->serverFields);
            st = d.outbox.insert(u.action, u.baseFields, same ? 0 : seq);
        }
    }
    if (st.ok())
        st = d.cases.recompute(caseId);
    if (st.ok())
        d.db.log(EventLevel::Info, kSync,
            toSend.isEmpty() ? Tr::tr("Conflicts of %1 resolved: the server's values kept.").arg(caseId)
                             : Tr::tr("Conflicts of %1 resolved: %2 will be sent.")
                                   .arg(caseId, fieldLabels(&*type, toSend.keys())));
    if (st.ok())
        st = tx.commit();
    return st;
}

Status LocalEdits::retrySyncIssue(
    const QString &actionId, const QJsonObject &editedFields, const QList<NewAttachment> &files)
{
    auto q
        = d.db.run(QStringLiteral("SELECT case_id, action, base_fields, action_seq, status FROM sync_issues "
                                  "WHERE action_id = ?"),
            { actionId });
    if (!q || !q.value().next())
        return Error(QStringLiteral("not_found"), Tr::tr("There is no sync issue %1.").arg(actionId));
    const QString caseId = q.value().value(0).toString();
    auto parsed = Action::fromJson(jsonObject(q.value().value(1).toString()));
    QJsonObject base = jsonObject(q.value().value(2).toString());
    const qint64 seq = q.value().value(3).toLongLong();
    const bool gone = q.value().value(4).toString() == QLatin1String("gone");
    q.value().finish();
    if (!parsed)
        return parsed.error();
    const auto c = d.cases.load(caseId);
    if (!c)
        return Error(QStringLiteral("not_found"), Tr::tr("Case %1 is not in the offline store.").arg(caseId));
    Action a = parsed.value();
    if ((!editedFields.isEmpty() || !files.isEmpty()) && gone)
        return Error(QStringLiteral("not_allowed"),
            Tr::tr("The server no longer takes changes to case %1, so editing cannot help. Discard the "
                   "change instead.")
                .arg(caseId));
    if ((!editedFields.isEmpty() || !files.isEmpty()) && a.type == ActionType::Note)
        return Error(QStringLiteral("validation_failed"), Tr::tr("A note has no fields to edit."));
    const auto type = d.cases.caseType(c->record.caseType);
    // Written before the transaction, their rows inside it, removed again unless it commits.
    StagedFiles staged(d, c->record.id);
    if (Status st = staged.write(files); !st.ok())
        return st;
    if (type && a.type != ActionType::Note) {
        QJsonObject fields = a.fields;
        for (auto it = editedFields.begin(); it != editedFields.end(); ++it)
            fields.insert(it.key(), it.value());
        const auto errors = RulesEngine::validateFields(*type,
            a.type == ActionType::Create ? QJsonObject() : c->serverFields, fields,
            a.type == ActionType::Create ? RulesEngine::Mode::Create : RulesEngine::Mode::Update,
            d.cases.lookup());
        if (!errors.isEmpty())
            return Error(QStringLiteral("validation_failed"),
                Tr::tr("Please correct the highlighted fields."), errors);
        // A signature the action carries names a picture drawn here or one the case has.
        if (const auto missing = staged.checkSignatures(*type, *c, fields); !missing.isEmpty())
            return Error(QStringLiteral("validation_failed"),
                Tr::tr("Please correct the highlighted fields."), missing);
        // A flow action must be possible on the server copy with the fields it now carries (what
        // the transition requires may have been the reason for the refusal).
        if (a.type == ActionType::Transition && !editedFields.isEmpty() && !c->serverStatus.isEmpty()) {
            QJsonObject after = c->serverFields;
            for (auto it = fields.begin(); it != fields.end(); ++it)
                after.insert(it.key(), it.value());
            if (auto st = RulesEngine::checkFlowAction(*type, c->serverStatus, after, a.flowAction); !st.ok())
                return st;
        }
        PendingUpdate u { a, base };
        u.fold(editedFields, c->serverFields);
        a = u.action;
        base = u.baseFields;
    }
    a.id = newUuid();
    a.caseId = c->record.id;
    if (a.type == ActionType::Update || a.type == ActionType::Transition)
        a.baseEtag = c->record.etag;
    a.clientTime = nowIso();

    SqlTransaction tx(d.db.db());
    if (auto st = tx.begin(); !st.ok())
        return st;
    const bool seqFree
        = !d.db.scalar(QStringLiteral("SELECT 1 FROM outbox WHERE seq = ?"), { seq }).isValid();
    Status st = d.db.exec(QStringLiteral("DELETE FROM sync_issues WHERE action_id = ?"), { actionId });
    if (st.ok())
        st = d.outbox.insert(a, base, seqFree ? seq : 0);
    if (st.ok())
        st = staged.insertRows();
    if (st.ok())
        st = d.cases.recompute(a.caseId);
    if (st.ok())
        d.db.log(EventLevel::Info, kSync,
            Tr::tr("Sync issue retried: %1")
                .arg(describeAction(d.cases, d.db, a, base, type ? &*type : nullptr)));
    if (st.ok())
        st = tx.commit();
    if (st.ok())
        staged.keep();
    return st;
}

Status LocalEdits::discardSyncIssue(const QString &actionId)
{
    auto q = d.db.run(
        QStringLiteral("SELECT case_id, action FROM sync_issues WHERE action_id = ?"), { actionId });
    if (!q || !q.value().next())
        return Error(QStringLiteral("not_found"), Tr::tr("There is no sync issue %1.").arg(actionId));
    const QString caseId = q.value().value(0).toString();
    const QJsonObject action = jsonObject(q.value().value(1).toString());
    q.value().finish();
    const bool wasCreate = action.value(QLatin1String("type")).toString() == QLatin1String("create");

    SqlTransaction tx(d.db.db());
    if (auto st = tx.begin(); !st.ok())
        return st;
    QStringList files;
    Status st;
    if (wasCreate) {
        if (d.db.scalar(QStringLiteral("SELECT 1 FROM outbox WHERE case_id = ? AND state = 'inflight'"),
                    { caseId })
                .isValid())
            return Error(QStringLiteral("not_allowed"),
                Tr::tr("Changes of case %1 are being sent right now.").arg(caseId));
        st = d.cases.deleteLocalCase(caseId, &files);
    } else {
        st = d.db.exec(QStringLiteral("DELETE FROM sync_issues WHERE action_id = ?"), { actionId });
        if (st.ok())
            st = d.cases.recompute(caseId);
    }
    if (st.ok())
        d.db.log(EventLevel::Info, kSync,
            wasCreate
                ? Tr::tr("Sync issue discarded: the case %1 created on this device is dropped.").arg(caseId)
                : Tr::tr("Sync issue discarded for case %1; its local effect is reverted.").arg(caseId));
    if (st.ok())
        st = tx.commit();
    if (st.ok())
        for (const QString &f : std::as_const(files))
            QFile::remove(f);
    return st;
}

} // namespace outpost::client
