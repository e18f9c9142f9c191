// SPDX-License-Identifier: MIT
#include "outboxtable.h"

#include "storedb.h"
#include "storejson.h"

namespace outpost::client {

QueuedAction OutboxRow::toQueued() const
{
    QueuedAction q;
    q.seq = seq;
    q.action = action;
    q.baseFields = baseFields;
    q.state = state;
    q.attempts = attempts;
    q.lastError = lastError;
    q.createdAt = QDateTime::fromString(createdAt, Qt::ISODateWithMs);
    return q;
}

namespace {
const QString kOutboxColumns = QStringLiteral(
    "seq, action_id, case_id, state, payload, base_fields, attempts, last_error, created_at");

std::optional<OutboxRow> outboxFromQuery(const QSqlQuery &q)
{
    OutboxRow r;
    r.seq = q.value(0).toLongLong();
    r.actionId = q.value(1).toString();
    r.caseId = q.value(2).toString();
    r.state = queueStateFromName(q.value(3).toString());
    auto a = Action::fromJson(jsonObject(q.value(4).toString()));
    if (!a) {
        qCWarning(lcStore) << "unreadable outbox payload" << r.seq << a.error().toString();
        return std::nullopt;
    }
    r.action = std::move(a).value();
    r.baseFields = jsonObject(q.value(5).toString());
    r.attempts = q.value(6).toInt();
    r.lastError = q.value(7).toString();
    r.createdAt = q.value(8).toString();
    return r;
}
} // namespace

QList<OutboxRow> OutboxTable::load(const QString &where, const QVariantList &binds) const
{
    QList<OutboxRow> out;
    (void)m_db.forEach(QStringLiteral("SELECT ") + kOutboxColumns + QStringLiteral(" FROM outbox ") + where
            + QStringLiteral(" ORDER BY seq"),
        binds, [&out](const QSqlQuery &q) {
            if (auto r = outboxFromQuery(q))
                out.append(*r);
        });
    return out;
}

QList<OutboxRow> OutboxTable::rowsOf(const QString &caseId) const
{
    return load(QStringLiteral("WHERE case_id = ?"), { caseId });
}

std::optional<OutboxRow> OutboxTable::row(const QString &actionId) const
{
    auto q = m_db.cached(
        QStringLiteral("SELECT ") + kOutboxColumns + QStringLiteral(" FROM outbox WHERE action_id = ?"),
        { actionId });
    if (!q)
        return std::nullopt;
    std::optional<OutboxRow> row;
    if (q.value()->next())
        row = outboxFromQuery(*q.value());
    q.value()->finish();
    return row;
}

std::optional<OutboxRow> OutboxTable::head(const QString &actionId) const
{
    std::optional<OutboxRow> row;
    (void)m_db.forEach(QStringLiteral("SELECT seq, case_id, state, type FROM outbox WHERE action_id = ?"),
        { actionId }, [&](const QSqlQuery &q) {
            OutboxRow r;
            r.seq = q.value(0).toLongLong();
            r.actionId = actionId;
            r.caseId = q.value(1).toString();
            r.state = queueStateFromName(q.value(2).toString());
            r.action.id = actionId;
            r.action.caseId = r.caseId;
            r.action.type = actionTypeFromName(q.value(3).toString()).value_or(ActionType::Update);
            row = r;
        });
    return row;
}

Status OutboxTable::insert(const Action &a, const QJsonObject &baseFields, qint64 seq, QueueState state)
{
    return m_db.exec(
        QStringLiteral("INSERT INTO outbox(seq, action_id, case_id, type, payload, base_fields, state, "
                       "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        { seq > 0 ? QVariant(seq) : QVariant(QMetaType(QMetaType::LongLong)), a.id, a.caseId,
            actionTypeName(a.type), jsonText(a.toJson()), jsonText(baseFields), queueStateName(state),
            nowIso() });
}

Status OutboxTable::rewrite(qint64 seq, const Action &a, const QJsonObject &baseFields, QueueState state)
{
    return m_db.exec(QStringLiteral("UPDATE outbox SET action_id = ?, case_id = ?, type = ?, payload = ?, "
                                    "base_fields = ?, state = ? WHERE seq = ?"),
        { a.id, a.caseId, actionTypeName(a.type), jsonText(a.toJson()), jsonText(baseFields),
            queueStateName(state), seq });
}

} // namespace outpost::client
