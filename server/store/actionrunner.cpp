// SPDX-License-Identifier: MIT
#include "actionrunner.h"

#include "rules/rulesengine.h"
#include "storelogging.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace outpost::server {

namespace {
ActionResult result(const Action &a, ResultStatus status, const QString &caseId)
{
    ActionResult r;
    r.id = a.id;
    r.status = status;
    r.caseId = caseId;
    return r;
}

bool isName(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    return re.match(s).hasMatch();
}

QJsonValue orJsonNull(const QJsonValue &v)
{
    return v.isUndefined() ? QJsonValue(QJsonValue::Null) : v;
}

/// Applies `changed` onto `fields`, recording {"field": [old, new]} for what really changed.
void applyFields(QJsonObject &fields, const QJsonObject &changed, QJsonObject &changes)
{
    for (auto it = changed.begin(); it != changed.end(); ++it) {
        const QJsonValue old = orJsonNull(fields.value(it.key()));
        const QJsonValue now = it.value();
        if (old == now)
            continue;
        changes.insert(it.key(), QJsonArray { old, now });
        if (now.isNull())
            fields.remove(it.key());
        else
            fields.insert(it.key(), now);
    }
}

/// A signature field holds the sha256 of a PNG attachment of the same case (protocol.md, *Signature
/// fields*): its file must be uploaded (PUT /attachments) before the action that sets it is applied.
QMap<QString, QString> missingSignatures(
    const CaseType &type, const CaseRecord &rec, const QJsonObject &fields)
{
    QMap<QString, QString> errors;
    const QMap<QString, QString> refs = RulesEngine::signatureRefs(type, fields);
    for (auto it = refs.cbegin(); it != refs.cend(); ++it) {
        const bool found = std::any_of(rec.attachments.cbegin(), rec.attachments.cend(),
            [&](const AttachmentRef &att) { return att.sha256 == it.value(); });
        if (!found)
            errors.insert(it.key(),
                QStringLiteral(
                    "%1: no attachment of the case has this sha256; upload the signature's picture first.")
                    .arg(type.field(it.key())->label));
    }
    return errors;
}
} // namespace

ActionRunner::ActionRunner(Tx &tx, const Principal &user, const QString &deviceId, Options options)
    : m_tx(tx)
    , m_user(user)
    , m_deviceId(deviceId)
    , m_options(std::move(options))
    , m_lookup(tx)
    , m_audit(CaseStore::auditBatch(tx))
{
    if (m_options.tempIdOwner.isEmpty())
        m_options.tempIdOwner = user.id;
}

Result<QString> ActionRunner::mappedId(const QString &tempId)
{
    auto q = m_tx.runCached(QStringLiteral("SELECT case_id FROM temp_ids WHERE user_id = ? AND temp_id = ?"),
        { m_options.tempIdOwner, tempId });
    if (!q)
        return q.error();
    const QString id = q.value()->next() ? q.value()->value(0).toString() : QString();
    q.value()->finish();
    return id;
}

Result<std::optional<CaseType>> ActionRunner::caseType(const QString &name)
{
    // Case types change only in their own transactions: within this one a type read once holds.
    if (auto it = m_types.constFind(name); it != m_types.constEnd())
        return it.value();
    auto ct = Catalog::caseType(m_tx, name);
    if (ct)
        m_types.insert(name, ct.value());
    return ct;
}

Status ActionRunner::validationError()
{
    return m_lookup.error().isNull() ? Status::success() : Status(m_lookup.error());
}

Result<ActionResult> ActionRunner::rejected(
    const Action &a, const QString &caseId, const QString &message, const QMap<QString, QString> &fields)
{
    ActionResult r = result(a, ResultStatus::Rejected, caseId);
    r.error = Error(QStringLiteral("validation_failed"), message, fields);
    return r;
}

Result<ActionResult> ActionRunner::run(const Action &a, QString *resolvedCaseId, QString *goneReason)
{
    *resolvedCaseId = a.caseId;
    // Texts follow the client's rules (core's RulesEngine), whoever sends them. A NUL character
    // is left to the request's own check, which refuses the whole request (400) as before.
    if (a.type == ActionType::Note && !a.text.contains(QChar(0)))
        if (const QString why = RulesEngine::checkNoteText(a.text); !why.isEmpty())
            return rejected(
                a, isTempId(a.caseId) ? QString() : a.caseId, why, { { QStringLiteral("text"), why } });
    // A NUL in the title, too, is left to the request's own check (400).
    if (!a.title.contains(QChar(0)))
        if (const QString why = RulesEngine::checkTitle(a.title); !why.isEmpty())
            return rejected(
                a, isTempId(a.caseId) ? QString() : a.caseId, why, { { QStringLiteral("title"), why } });
    if (a.type == ActionType::Create)
        return create(a, resolvedCaseId);
    QString caseId = a.caseId;
    if (isTempId(caseId)) {
        auto mapped = mappedId(caseId);
        if (!mapped)
            return mapped.error();
        if (mapped.value().isEmpty()) {
            *goneReason = QStringLiteral("unknown temporary case id");
            ActionResult r = result(a, ResultStatus::Gone, QString());
            r.error = Error(QStringLiteral("gone"),
                QStringLiteral("The case %1 was never created on the server.").arg(caseId));
            return r;
        }
        caseId = mapped.value();
        *resolvedCaseId = caseId;
    }
    return change(a, caseId, goneReason);
}

Result<ActionResult> ActionRunner::create(const Action &a, QString *resolvedCaseId)
{
    if (!isTempId(a.caseId))
        return rejected(a, QString(), QStringLiteral("A new case needs a temporary id 'tmp-<uuid>'."),
            { { QStringLiteral("caseId"),
                QStringLiteral("A new case needs a temporary id 'tmp-<uuid>'.") } });
    auto already = mappedId(a.caseId);
    if (!already)
        return already.error();
    if (!already.value().isEmpty())
        return rejected(a, already.value(),
            QStringLiteral("The temporary id %1 belongs to another case already.").arg(a.caseId),
            { { QStringLiteral("caseId"), QStringLiteral("This temporary id is in use.") } });
    auto ct = caseType(a.caseType);
    if (!ct)
        return ct.error();
    if (!ct.value())
        return rejected(a, QString(), QStringLiteral("There is no case type '%1'.").arg(a.caseType),
            { { QStringLiteral("caseType"), QStringLiteral("Unknown case type '%1'.").arg(a.caseType) } });
    const CaseType &type = *ct.value();
    QString queue = a.queue;
    if (!m_user.canDispatch()) {
        if (queue.isEmpty())
            queue = m_user.queues.value(0);
        else if (!m_user.queues.contains(queue))
            return rejected(a, QString(),
                QStringLiteral("You are not a member of the queue '%1'.").arg(queue),
                { { QStringLiteral("queue"), QStringLiteral("Not one of your queues.") } });
    } else if (!queue.isEmpty() && !isName(queue)) {
        return rejected(a, QString(), QStringLiteral("'%1' is not a queue name.").arg(queue.left(100)),
            { { QStringLiteral("queue"), QStringLiteral("1-64 letters, digits, '.', '_' or '-'.") } });
    }
    auto errors
        = RulesEngine::validateFields(type, {}, a.fields, RulesEngine::Mode::Create, std::ref(m_lookup));
    if (auto st = validationError(); !st)
        return st.error();
    if (errors.isEmpty())
        errors = missingSignatures(type, CaseRecord(), a.fields); // a new case has no attachments yet
    if (!errors.isEmpty())
        return rejected(a, QString(), QStringLiteral("The new case is not valid."), errors);

    auto id = CaseStore::nextCaseId(m_tx);
    if (!id)
        return id.error();
    StoredCase c;
    c.version = 1;
    c.rec.id = id.value();
    c.rec.caseType = type.name;
    c.rec.caseTypeVersion = type.version;
    c.rec.status = type.initialStatus();
    c.rec.title = a.title.isEmpty() ? QStringLiteral("%1 %2").arg(type.title, c.rec.id) : a.title;
    // A technician's new case is theirs; an administrator creating one for a queue leaves it in the pool.
    c.rec.assignee = m_user.canDispatch() && !a.queue.isEmpty() ? QString() : m_user.id;
    c.rec.queue = queue;
    c.rec.createdAt = c.rec.updatedAt = nowRfc3339();
    QJsonObject changes;
    applyFields(c.rec.fields, a.fields, changes);
    changes.insert(QStringLiteral("status"), QJsonArray { QJsonValue(), c.rec.status });
    c.rec.etag = etagFor(c.version);
    if (auto st = CaseStore::insert(m_tx, c); !st)
        return st.error();
    m_missing.remove(c.rec.id); // named by a later action of this request before it existed
    Assignment as;
    as.id = QStringLiteral("A-") + c.rec.id;
    as.caseId = c.rec.id;
    as.assignee = c.rec.assignee;
    as.queue = c.rec.queue;
    if (auto st = CaseStore::saveAssignment(m_tx, as, c.rec, true); !st)
        return st.error();
    if (auto st = CaseStore::publish(m_tx, c, false, true); !st)
        return st.error();
    auto t = m_tx.run(
        QStringLiteral("INSERT INTO temp_ids (user_id, temp_id, case_id, created_at) VALUES (?, ?, ?, ?)"),
        { m_options.tempIdOwner, a.caseId, c.rec.id, QDateTime::currentSecsSinceEpoch() });
    if (!t)
        return t.error();
    const QVariantList row = CaseStore::auditRow(
        { c.rec.id, m_user.id, m_deviceId, a.clientTime, QStringLiteral("create"), changes, {} },
        originalAuthor());
    if (auto st = m_audit.add(row); !st)
        return st.error();
    if (auto st = CaseStore::addHistory(m_tx, row, c.rec); !st)
        return st.error();
    m_affected.addCase(c.rec);
    *resolvedCaseId = c.rec.id;
    ActionResult r = result(a, ResultStatus::Applied, c.rec.id);
    r.etag = c.rec.etag;
    m_caseDoc = c.rec.toCompactJson();
    r.mappedIds.insert(a.caseId, c.rec.id);
    return r;
}

Status ActionRunner::prefetch(const QStringList &caseIds)
{
    QStringList ids;
    for (const QString &id : caseIds)
        if (!isTempId(id) && !m_cases.contains(id) && !m_missing.contains(id))
            ids.append(id);
    ids.removeDuplicates();
    auto loaded = CaseStore::loadMany(m_tx, ids);
    if (!loaded)
        return loaded.error();
    for (const QString &id : std::as_const(ids))
        if (!loaded.value().contains(id))
            m_missing.insert(id);
    m_cases.insert(loaded.value());
    return Status::success();
}

Result<ActionResult> ActionRunner::change(const Action &a, const QString &caseId, QString *goneReason)
{
    Result<std::optional<StoredCase>> loaded = std::optional<StoredCase>();
    if (auto it = m_cases.constFind(caseId); it != m_cases.constEnd())
        loaded = std::optional<StoredCase>(it.value());
    else if (!m_missing.contains(caseId))
        loaded = CaseStore::load(m_tx, caseId);
    if (!loaded)
        return loaded.error();
    auto gone = [&](const QString &reason, const QString &message) {
        *goneReason = reason;
        ActionResult r = result(a, ResultStatus::Gone, caseId);
        r.error = Error(QStringLiteral("gone"), message);
        return r;
    };
    if (!loaded.value())
        return gone(
            QStringLiteral("unknown case"), QStringLiteral("The case %1 does not exist.").arg(caseId));
    StoredCase c = *loaded.value();
    if (c.rec.isResolved() && !m_options.reapply)
        return gone(QStringLiteral("case resolved"),
            QStringLiteral("The case %1 is closed (%2).").arg(caseId, c.rec.status));
    if (!canWork(m_user, c.rec) && !m_options.reapply)
        return gone(QStringLiteral("out of scope"),
            QStringLiteral("The case %1 is no longer yours to work on.").arg(caseId));

    const QString oldEtag = etagFor(c.version);
    if (a.type != ActionType::Note && a.baseEtag != oldEtag && !m_options.reapply) {
        ActionResult r = result(a, ResultStatus::Conflict, caseId);
        r.etag = oldEtag;
        r.caseData = c.rec.toJson();
        r.error = Error(QStringLiteral("conflict"),
            QStringLiteral("The case changed on the server (now %1, edit based on %2).")
                .arg(oldEtag, a.baseEtag));
        return r;
    }

    QJsonObject changes;
    QString note;
    bool scopeChanged = false;
    bool modified = false;
    if (a.type == ActionType::Note) {
        note = a.text;
    } else {
        auto ct = caseType(c.rec.caseType);
        if (!ct)
            return ct.error();
        if (!ct.value())
            return rejected(
                a, caseId, QStringLiteral("The case type '%1' is unknown.").arg(c.rec.caseType), {});
        const CaseType &type = *ct.value();
        auto errors = RulesEngine::validateFields(
            type, c.rec.fields, a.fields, RulesEngine::Mode::Update, std::ref(m_lookup));
        if (auto st = validationError(); !st)
            return st.error();
        if (errors.isEmpty())
            errors = missingSignatures(type, c.rec, a.fields);
        if (!errors.isEmpty())
            return rejected(a, caseId, QStringLiteral("The changes are not valid."), errors);
        QJsonObject fields = c.rec.fields;
        applyFields(fields, a.fields, changes);
        if (a.type == ActionType::Transition) {
            const Status ok = RulesEngine::checkFlowAction(type, c.rec.status, fields, a.flowAction);
            if (!ok) {
                QMap<QString, QString> f = ok.error().fields;
                if (f.isEmpty())
                    f.insert(QStringLiteral("flowAction"), ok.error().message);
                return rejected(a, caseId, ok.error().message, f);
            }
            const QString to = type.flowAction(a.flowAction)->to;
            if (to != c.rec.status) {
                changes.insert(QStringLiteral("status"), QJsonArray { c.rec.status, to });
                scopeChanged = isResolvedStatus(to) != c.rec.isResolved();
                c.rec.status = to;
            }
        }
        if (!a.title.isEmpty() && a.title != c.rec.title) {
            changes.insert(QStringLiteral("title"), QJsonArray { c.rec.title, a.title });
            c.rec.title = a.title;
        }
        c.rec.fields = fields;
        modified = !changes.isEmpty();
    }
    if (modified) {
        ++c.version;
        c.rec.etag = etagFor(c.version);
        c.rec.updatedAt = nowRfc3339();
        // The fields are serialised once: the case row, the feed row and the answer's `case` carry
        // the same text.
        const QByteArray fieldsJson = QJsonDocument(c.rec.fields).toJson(QJsonDocument::Compact);
        if (auto st = CaseStore::update(m_tx, c, fieldsJson); !st)
            return st.error();
        m_caseDoc = c.rec.toCompactJson(fieldsJson);
        if (scopeChanged) {
            if (auto st = CaseStore::publish(m_tx, c, scopeChanged); !st)
                return st.error();
        } else if (auto st = CaseStore::publishKeepingScope(m_tx, c, m_caseDoc); !st) {
            return st.error();
        }
        m_affected.addCase(c.rec);
        if (m_cases.contains(caseId))
            m_cases.insert(caseId, c);
    }
    const QString action = a.type == ActionType::Transition ? QStringLiteral("transition:") + a.flowAction
                                                            : actionTypeName(a.type);
    const QVariantList row = CaseStore::auditRow({ caseId, m_user.id, m_deviceId, a.clientTime, action,
                                                     changes, a.type == ActionType::Note ? note : QString() },
        originalAuthor());
    if (auto st = m_audit.add(row); !st)
        return st.error();
    if (auto st = CaseStore::addHistory(m_tx, row, c.rec); !st)
        return st.error();
    // A note changes no field, but its entry is new in the feed of everyone who sees the case: they
    // hear of it (push hint) as of any other change.
    m_affected.addCase(c.rec);
    ActionResult r = result(a, ResultStatus::Applied, caseId);
    r.etag = c.rec.etag;
    // The answer's `case` is this text (takeCaseDoc()), not a QJsonObject built for it.
    if (m_caseDoc.isEmpty() && (modified || !m_options.omitUnchangedCases))
        m_caseDoc = c.rec.toCompactJson();
    return r;
}

} // namespace outpost::server
