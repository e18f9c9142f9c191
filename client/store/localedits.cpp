// SPDX-License-Identifier: MIT
// Local operations: each validates with the shared rules, then writes the change and its queued
// action in one transaction. Queue optimisation (folding) happens here, explained in the event log.
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

const QString kQueue = QStringLiteral("queue");

Error validationFailed(const QMap<QString, QString> &fields)
{
    QStringList parts;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        parts << it.value();
    return Error(QStringLiteral("validation_failed"),
        Tr::tr("Please correct: %1").arg(parts.join(QLatin1Char(' '))), fields);
}

Error notFound(const QString &id)
{
    return Error(QStringLiteral("not_found"), Tr::tr("Case %1 is not in the offline store.").arg(id));
}

Error unknownType(const QString &name)
{
    return Error(QStringLiteral("unknown_case_type"),
        Tr::tr("Case type '%1' is not known here yet; sync first.").arg(name));
}

/// The fields of `wanted` whose value differs from `current` (null and absent are the same).
QJsonObject changedFields(const QJsonObject &current, const QJsonObject &wanted)
{
    QJsonObject out;
    for (auto it = wanted.begin(); it != wanted.end(); ++it)
        if (orNull(current.value(it.key())) != orNull(it.value()))
            out.insert(it.key(), it.value());
    return out;
}

/// A case and its type, for an edit whose fields the rules accepted.
struct EditTarget {
    LocalCase c;
    CaseType type;
};

/// Loads the case and its type and checks `fields` as an update of it (the same for an edit and
/// for the fields a flow action carries).
Result<EditTarget> checkEdit(StoreParts &d, const QString &caseId, const QJsonObject &fields)
{
    auto c = d.cases.load(caseId);
    if (!c)
        return notFound(caseId);
    auto type = d.cases.caseType(c->record.caseType);
    if (!type)
        return unknownType(c->record.caseType);
    const auto errors = RulesEngine::validateFields(
        *type, c->record.fields, fields, RulesEngine::Mode::Update, d.cases.lookup());
    if (!errors.isEmpty())
        return validationFailed(errors);
    return EditTarget { std::move(*c), std::move(*type) };
}
} // namespace

Result<QString> LocalEdits::createCase(
    const QString &caseTypeName, const QJsonObject &fields, const QString &title, const QString &queue)
{
    const auto type = d.cases.caseType(caseTypeName);
    if (!type)
        return unknownType(caseTypeName);
    auto errors = RulesEngine::validateFields(*type, {}, fields, RulesEngine::Mode::Create, d.cases.lookup());
    // A signature's picture is an attachment of the case, which a case not created yet cannot have.
    const QMap<QString, QString> signatures = RulesEngine::signatureRefs(*type, fields);
    for (auto it = signatures.cbegin(); it != signatures.cend(); ++it)
        errors.insert(it.key(),
            Tr::tr("%1: the signature's picture is not attached to the case.")
                .arg(type->field(it.key())->label));
    if (!errors.isEmpty())
        return validationFailed(errors);

    Action a;
    a.id = newUuid();
    a.type = ActionType::Create;
    a.caseId = QStringLiteral("tmp-") + newUuid();
    a.caseType = type->name;
    a.fields = fields;
    a.title = title;
    a.queue = queue;
    a.clientTime = nowIso();

    SqlTransaction tx(d.db.db());
    if (auto st = tx.begin(); !st.ok())
        return st.error();
    auto st = d.db.exec(
        QStringLiteral("INSERT INTO cases(id, case_type, case_type_version, status, title, queue, "
                       "created_at, updated_at, server_fields, is_local_only) "
                       "VALUES (?, ?, ?, '', ?, ?, ?, ?, '{}', 1)"),
        { a.caseId, type->name, type->version, title, queue, a.clientTime, a.clientTime });
    if (st.ok())
        st = d.db.exec(
            QStringLiteral("INSERT INTO temp_ids(temp_id, server_id, created_at) VALUES (?, NULL, ?)"),
            { a.caseId, a.clientTime });
    if (st.ok())
        st = d.outbox.insert(a, {});
    if (st.ok())
        st = d.cases.recompute(a.caseId);
    if (st.ok())
        d.db.log(
            EventLevel::Info, kQueue, Tr::tr("Queued: %1").arg(describeAction(d.cases, d.db, a, {}, &*type)));
    if (st.ok())
        st = tx.commit();
    if (!st.ok())
        return st.error();
    return a.caseId;
}

Status LocalEdits::updateFields(
    const QString &caseId, const QJsonObject &fields, const QList<NewAttachment> &files)
{
    auto target = checkEdit(d, caseId, fields);
    if (!target)
        return target.error();
    const auto &[c, type] = target.value();
    const QJsonObject changed = changedFields(c.record.fields, fields);
    if (changed.isEmpty())
        return Status::success();
    const QString id = c.record.id;
    StagedFiles staged(d, id);
    if (Status st = staged.write(files); !st.ok())
        return st;
    if (const auto errors = staged.checkSignatures(type, c, changed); !errors.isEmpty())
        return validationFailed(errors);
    const bool signs = !RulesEngine::signatureRefs(type, changed).isEmpty();

    SqlTransaction tx(d.db.db());
    if (auto st = tx.begin(); !st.ok())
        return st;
    // Only the rows the folding rules look at: a create, transitions, and the last row.
    const QList<OutboxRow> rows = d.outbox.load(
        QStringLiteral("WHERE case_id = ? AND (type IN ('create', 'transition') OR seq = (SELECT max(seq) "
                       "FROM outbox WHERE case_id = ?))"),
        { id, id });
    Status st;
    bool lastInQueue = true; // the written action is the case's last: the view is the old one + changed
    QString explanation;

    // 1. Edits of a create that was not sent yet fold into the create (unless a transition
    //    follows it: then the edit must stay after the transition).
    const OutboxRow *create = nullptr;
    bool transitionAfterCreate = false;
    for (const OutboxRow &r : rows) {
        if (r.action.type == ActionType::Create)
            create = &r;
        else if (create && r.action.type == ActionType::Transition)
            transitionAfterCreate = true;
    }
    const OutboxRow *last = rows.isEmpty() ? nullptr : &rows.last();
    // A create or update sent before (attempts) is never changed: the server may hold it by its id
    // and exact payload already, its answer lost on the way; changed, it would be refused as an id
    // used for another action (id_reused).
    if (create && create->state != QueueState::Inflight && create->attempts == 0 && !transitionAfterCreate
        && !signs) {
        Action a = create->action;
        for (auto it = changed.begin(); it != changed.end(); ++it)
            a.fields.insert(it.key(), it.value());
        st = d.outbox.rewrite(create->seq, a, create->baseFields, create->state);
        lastInQueue = create == last;
        explanation
            = Tr::tr("Folded the edit of %1 into the unsent creation of %2 (one request instead of two).")
                  .arg(fieldLabels(&type, changed.keys()), id);
    } else if (last && last->action.type == ActionType::Update && last->state == QueueState::Queued
        && last->attempts == 0) {
        // 2. Consecutive edits merge into one update that keeps the oldest baseEtag and merge base.
        PendingUpdate u { last->action, last->baseFields };
        u.fold(changed, c.record.fields);
        u.action.clientTime = nowIso();
        st = d.outbox.rewrite(last->seq, u.action, u.baseFields, last->state);
        explanation = Tr::tr("Merged the edit of %1 into the queued update of %2 (based on etag %3).")
                          .arg(fieldLabels(&type, changed.keys()), id, u.action.baseEtag);
    } else {
        const PendingUpdate u = PendingUpdate::create(id, c.record.etag, changed, c.record.fields);
        st = d.outbox.insert(u.action, u.baseFields);
        explanation = Tr::tr("Queued: %1").arg(describeAction(d.cases, d.db, u.action, u.baseFields, &type));
    }
    if (st.ok())
        st = staged.insertRows();
    if (st.ok())
        st = lastInQueue ? d.cases.overlay(id, changed) : d.cases.recompute(id);
    if (st.ok())
        d.db.log(EventLevel::Info, kQueue, explanation);
    if (st.ok())
        st = tx.commit();
    if (st.ok())
        staged.keep();
    return st;
}

Status LocalEdits::runFlowAction(const QString &caseId, const QString &flowAction, const QJsonObject &fields,
    const QList<NewAttachment> &files)
{
    auto target = checkEdit(d, caseId, fields);
    if (!target)
        return target.error();
    const auto &[c, type] = target.value();
    StagedFiles staged(d, c.record.id);
    if (Status st = staged.write(files); !st.ok())
        return st;
    if (const auto errors = staged.checkSignatures(type, c, changedFields(c.record.fields, fields));
        !errors.isEmpty())
        return validationFailed(errors);
    QJsonObject after = c.record.fields;
    for (auto it = fields.begin(); it != fields.end(); ++it)
        after.insert(it.key(), it.value());
    if (auto st = RulesEngine::checkFlowAction(type, c.record.status, after, flowAction); !st.ok())
        return st;

    Action a;
    a.id = newUuid();
    a.type = ActionType::Transition;
    a.caseId = c.record.id;
    a.baseEtag = c.record.etag;
    a.flowAction = flowAction;
    a.fields = changedFields(c.record.fields, fields);
    a.clientTime = nowIso();
    QJsonObject base;
    for (auto it = a.fields.begin(); it != a.fields.end(); ++it)
        base.insert(it.key(), orNull(c.record.fields.value(it.key())));

    SqlTransaction tx(d.db.db());
    if (auto st = tx.begin(); !st.ok())
        return st;
    Status st = d.outbox.insert(a, base);
    if (st.ok())
        st = staged.insertRows();
    if (st.ok())
        st = d.cases.recompute(a.caseId);
    if (st.ok())
        d.db.log(EventLevel::Info, kQueue,
            Tr::tr("Queued: %1").arg(describeAction(d.cases, d.db, a, base, &type)));
    if (st.ok())
        st = tx.commit();
    if (st.ok())
        staged.keep();
    return st;
}

Status LocalEdits::addNote(const QString &caseId, const QString &text)
{
    const auto c = d.cases.load(caseId);
    if (!c)
        return notFound(caseId);
    if (const QString why = RulesEngine::checkNoteText(text); !why.isEmpty())
        return validationFailed({ { QStringLiteral("text"), why } });
    Action a;
    a.id = newUuid();
    a.type = ActionType::Note;
    a.caseId = c->record.id;
    a.text = text;
    a.clientTime = nowIso();

    SqlTransaction tx(d.db.db());
    if (auto st = tx.begin(); !st.ok())
        return st;
    Status st = d.outbox.insert(a, {});
    if (st.ok()) // a note changes no field, status or title: only the pending count moves
        st = d.cases.overlay(a.caseId, {});
    if (st.ok())
        d.db.log(EventLevel::Info, kQueue,
            Tr::tr("Queued: %1").arg(describeAction(d.cases, d.db, a, {}, nullptr)));
    if (st.ok())
        st = tx.commit();
    return st;
}

Status LocalEdits::discardLocalCase(const QString &tempId)
{
    const auto c = d.cases.load(tempId);
    if (!c || !c->isLocalOnly)
        return Error(QStringLiteral("not_allowed"),
            Tr::tr("Only a case created on this device and not sent yet can be discarded."));
    const QString id = c->record.id;
    SqlTransaction tx(d.db.db());
    if (auto st = tx.begin(); !st.ok())
        return st;
    if (d.db.scalar(QStringLiteral("SELECT 1 FROM outbox WHERE case_id = ? AND state = 'inflight'"), { id })
            .isValid())
        return Error(QStringLiteral("not_allowed"),
            Tr::tr("Case %1 is being sent right now; it can no longer be discarded.").arg(id));
    const int n
        = d.db.scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE case_id = ?"), { id }).toInt();
    QStringList files;
    Status st = d.cases.deleteLocalCase(id, &files);
    if (st.ok())
        d.db.log(EventLevel::Info, kQueue,
            Tr::tr("Discarded the unsent case %1 and its %n queued action(s); nothing will be sent for it.",
                nullptr, n)
                .arg(id));
    if (st.ok())
        st = tx.commit();
    if (st.ok())
        for (const QString &f : std::as_const(files))
            QFile::remove(f);
    return st;
}

namespace {
Status setState(
    StoreParts &d, const QString &actionId, QueueState from, QueueState to, const QString &message)
{
    SqlTransaction tx(d.db.db());
    if (auto st = tx.begin(); !st.ok())
        return st;
    const auto row = d.outbox.row(actionId);
    if (!row)
        return Error(QStringLiteral("not_found"), Tr::tr("Action %1 is not queued.").arg(actionId));
    if (row->state != from)
        return Error(QStringLiteral("not_allowed"),
            Tr::tr("Action %1 is %2.").arg(actionId, queueStateName(row->state)));
    Status st = d.db.exec(
        QStringLiteral("UPDATE outbox SET state = ? WHERE seq = ?"), { queueStateName(to), row->seq });
    if (st.ok())
        d.db.log(EventLevel::Info, kQueue,
            message.arg(describeAction(d.cases, d.db, row->action, row->baseFields, nullptr)));
    if (st.ok())
        st = tx.commit();
    return st;
}
} // namespace

Status LocalEdits::holdAction(const QString &actionId)
{
    return setState(d, actionId, QueueState::Queued, QueueState::Held,
        Tr::tr("Held by the user (it and later changes of its case wait): %1"));
}

Status LocalEdits::releaseAction(const QString &actionId)
{
    return setState(d, actionId, QueueState::Held, QueueState::Queued, Tr::tr("Released by the user: %1"));
}

Status LocalEdits::discardAction(const QString &actionId)
{
    const auto row = d.outbox.row(actionId);
    if (!row)
        return Error(QStringLiteral("not_found"), Tr::tr("Action %1 is not queued.").arg(actionId));
    if (row->action.type == ActionType::Create)
        return discardLocalCase(row->caseId);
    SqlTransaction tx(d.db.db());
    if (auto st = tx.begin(); !st.ok())
        return st;
    Status st
        = d.db.exec(QStringLiteral("DELETE FROM outbox WHERE seq = ? AND state <> 'inflight'"), { row->seq });
    if (st.ok() && d.db.scalar(QStringLiteral("SELECT changes()")).toInt() != 1)
        return Error(QStringLiteral("not_allowed"),
            Tr::tr("Action %1 is being sent right now; it can no longer be discarded.").arg(actionId));
    if (st.ok())
        st = d.cases.recompute(row->caseId);
    if (st.ok())
        d.db.log(EventLevel::Info, kQueue,
            Tr::tr("Discarded by the user, local effect reverted: %1")
                .arg(describeAction(d.cases, d.db, row->action, row->baseFields, nullptr)));
    if (st.ok())
        st = tx.commit();
    return st;
}

} // namespace outpost::client
