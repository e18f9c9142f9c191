// SPDX-License-Identifier: MIT
#include "storeimpl.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QUuid>

Q_LOGGING_CATEGORY(lcStore, "outpost.client.store", QtInfoMsg)

namespace outpost::client {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::client::LocalStore)
};
} // namespace

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString jsonText(const QJsonObject &obj)
{
    return QString::fromUtf8(QJsonDocument(obj).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString encodeJsonValue(const QJsonValue &v)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray { orNull(v) }).toJson(QJsonDocument::Compact));
}

QJsonValue decodeJsonValue(const QString &text)
{
    const QJsonArray a = QJsonDocument::fromJson(text.toUtf8()).array();
    return a.isEmpty() ? QJsonValue() : a.at(0);
}

QJsonValue orNull(const QJsonValue &v)
{
    return v.isUndefined() ? QJsonValue() : v;
}

QVariant bindable(const QVariant &v)
{
    // An empty QString() would bind as SQL NULL; only a null QVariant means NULL here.
    if (!v.isNull() && v.metaType().id() == QMetaType::QString && v.toString().isNull())
        return QVariant(QString::fromLatin1(""));
    return v;
}

QueueState queueStateFromName(const QString &s)
{
    if (s == QLatin1String("held"))
        return QueueState::Held;
    if (s == QLatin1String("inflight"))
        return QueueState::Inflight;
    return QueueState::Queued;
}

Status forIdChunks(const QStringList &ids,
    const std::function<Status(const QString &marks, const QVariantList &binds)> &each)
{
    constexpr qsizetype chunk = 500;
    for (qsizetype from = 0; from < ids.size(); from += chunk) {
        const qsizetype n = std::min(chunk, ids.size() - from);
        QVariantList binds;
        binds.reserve(n);
        for (qsizetype i = from; i < from + n; ++i)
            binds.append(ids.at(i));
        QString marks = QStringLiteral("?, ").repeated(int(n));
        marks.chop(2);
        if (Status st = each(marks, binds); !st.ok())
            return st;
    }
    return Status::success();
}

SqlTransaction::~SqlTransaction()
{
    if (m_active) {
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("ROLLBACK"));
    }
}

Status SqlTransaction::begin()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return Error(QStringLiteral("store_io"),
            Tr::tr("The offline store is busy or unavailable: %1").arg(q.lastError().text()));
    m_active = true;
    return Status::success();
}

Status SqlTransaction::commit()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("COMMIT")))
        return Error(QStringLiteral("store_io"),
            Tr::tr("Saving to the offline store failed: %1").arg(q.lastError().text()));
    m_active = false;
    return Status::success();
}

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

Error LocalStore::Impl::sqlError(const QSqlQuery &q, const QString &what) const
{
    qCWarning(lcStore) << what << q.lastError().text() << q.lastQuery();
    return Error(QStringLiteral("store_io"),
        Tr::tr("The offline store failed (%1): %2").arg(what, q.lastError().text()));
}

Result<QSqlQuery> LocalStore::Impl::run(const QString &sql, const QVariantList &binds) const
{
    QSqlQuery q(db());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return sqlError(q, QStringLiteral("prepare"));
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, bindable(binds.at(i)));
    if (!q.exec())
        return sqlError(q, QStringLiteral("exec"));
    return q;
}

Result<QSqlQuery *> LocalStore::Impl::cached(const QString &sql, const QVariantList &binds) const
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery q(db());
        q.setForwardOnly(true);
        if (!q.prepare(sql))
            return sqlError(q, QStringLiteral("prepare"));
        it = m_statements.insert(sql, q);
    }
    QSqlQuery *q = &it.value();
    for (int i = 0; i < binds.size(); ++i)
        q->bindValue(i, bindable(binds.at(i)));
    if (!q->exec()) {
        const Error e = sqlError(*q, QStringLiteral("exec"));
        q->finish();
        return e;
    }
    return q;
}

Status LocalStore::Impl::forEach(
    const QString &sql, const QVariantList &binds, const std::function<void(const QSqlQuery &)> &row) const
{
    auto q = cached(sql, binds);
    if (!q)
        return q.error();
    while (q.value()->next())
        row(*q.value());
    q.value()->finish();
    return Status::success();
}

Status LocalStore::Impl::exec(const QString &sql, const QVariantList &binds) const
{
    auto q = cached(sql, binds);
    if (!q)
        return q.error();
    q.value()->finish();
    return Status::success();
}

QVariant LocalStore::Impl::scalar(const QString &sql, const QVariantList &binds) const
{
    auto q = cached(sql, binds);
    if (!q)
        return {};
    QVariant v;
    if (q.value()->next())
        v = q.value()->value(0);
    q.value()->finish();
    return v;
}

QString LocalStore::Impl::stateValue(const QString &key) const
{
    return scalar(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"), { key }).toString();
}

Status LocalStore::Impl::setStateValue(const QString &key, const QString &value) const
{
    return exec(QStringLiteral("INSERT INTO sync_state(key, value) VALUES (?, ?) "
                               "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
        { key, value });
}

std::optional<CaseType> LocalStore::Impl::loadCaseType(const QString &name) const
{
    const QVariant v = scalar(QStringLiteral("SELECT json FROM case_types WHERE name = ?"), { name });
    if (!v.isValid())
        return std::nullopt;
    // Parsed once per definition: another connection may change the row, so the text decides.
    const QString text = v.toString();
    if (const auto it = m_caseTypes.constFind(name); it != m_caseTypes.cend() && it->first == text)
        return it->second;
    auto ct = CaseType::fromJson(jsonObject(text));
    if (!ct)
        return std::nullopt;
    m_caseTypes.insert(name, { text, ct.value() });
    return std::move(ct).value();
}

QString LocalStore::Impl::resolve(const QString &id) const
{
    if (!isTempId(id))
        return id;
    const QVariant v = scalar(QStringLiteral("SELECT server_id FROM temp_ids WHERE temp_id = ?"), { id });
    return v.isNull() || v.toString().isEmpty() ? id : v.toString();
}

LookupCheck LocalStore::Impl::lookup() const
{
    return [this](const QString &page, const QString &key) {
        return scalar(
            QStringLiteral("SELECT 1 FROM data_page_rows WHERE page = ? AND key = ?"), { page, key })
            .isValid();
    };
}

namespace {
const QString kCaseColumns = QStringLiteral(
    "id, case_type, case_type_version, status, title, assignee, queue, created_at, updated_at, server_etag, "
    "server_fields, attachments_json, fields, local_status, local_title, pending_count, has_conflict, "
    "has_issue, removed_on_server, is_local_only");
} // namespace

QString caseColumns()
{
    return kCaseColumns;
}

LocalCase caseFromQuery(const QSqlQuery &q)
{
    LocalCase c;
    CaseRecord &r = c.record;
    r.id = q.value(0).toString();
    r.caseType = q.value(1).toString();
    r.caseTypeVersion = q.value(2).toInt();
    c.serverStatus = q.value(3).toString();
    r.title = q.value(4).toString();
    r.assignee = q.value(5).toString();
    r.queue = q.value(6).toString();
    r.createdAt = q.value(7).toString();
    r.updatedAt = q.value(8).toString();
    r.etag = q.value(9).toString();
    c.serverFields = jsonObject(q.value(10).toString());
    const QJsonArray att = QJsonDocument::fromJson(q.value(11).toString().toUtf8()).array();
    for (const QJsonValue &v : att) {
        const QJsonObject o = v.toObject();
        r.attachments.append({ o.value(QLatin1String("id")).toString(),
            o.value(QLatin1String("name")).toString(), o.value(QLatin1String("mime")).toString(),
            qint64(o.value(QLatin1String("size")).toDouble()), o.value(QLatin1String("sha256")).toString() });
    }
    r.fields = q.value(12).isNull() ? c.serverFields : jsonObject(q.value(12).toString());
    r.status = q.value(13).isNull() ? c.serverStatus : q.value(13).toString();
    if (!q.value(14).isNull())
        r.title = q.value(14).toString();
    c.pendingCount = q.value(15).toInt();
    c.hasConflict = q.value(16).toInt() != 0;
    c.hasIssue = q.value(17).toInt() != 0;
    c.removedOnServer = q.value(18).toInt() != 0;
    c.isLocalOnly = q.value(19).toInt() != 0;
    return c;
}

std::optional<LocalCase> LocalStore::Impl::loadCase(const QString &id) const
{
    std::optional<LocalCase> c;
    (void)forEach(QStringLiteral("SELECT ") + kCaseColumns + QStringLiteral(" FROM cases WHERE id = ?"),
        { resolve(id) }, [&c](const QSqlQuery &q) { c = caseFromQuery(q); });
    return c;
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

QList<OutboxRow> loadOutbox(const LocalStore::Impl &d, const QString &where, const QVariantList &binds)
{
    QList<OutboxRow> out;
    (void)d.forEach(QStringLiteral("SELECT ") + kOutboxColumns + QStringLiteral(" FROM outbox ") + where
            + QStringLiteral(" ORDER BY seq"),
        binds, [&out](const QSqlQuery &q) {
            if (auto r = outboxFromQuery(q))
                out.append(*r);
        });
    return out;
}

QList<OutboxRow> LocalStore::Impl::outboxRows(const QString &caseId) const
{
    return loadOutbox(*this, QStringLiteral("WHERE case_id = ?"), { caseId });
}

std::optional<OutboxRow> LocalStore::Impl::outboxRow(const QString &actionId) const
{
    auto q = cached(
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

std::optional<OutboxRow> LocalStore::Impl::outboxRowHead(const QString &actionId) const
{
    std::optional<OutboxRow> row;
    (void)forEach(QStringLiteral("SELECT seq, case_id, state, type FROM outbox WHERE action_id = ?"),
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

Status LocalStore::Impl::insertOutbox(
    const Action &a, const QJsonObject &baseFields, qint64 seq, QueueState state) const
{
    return exec(
        QStringLiteral("INSERT INTO outbox(seq, action_id, case_id, type, payload, base_fields, state, "
                       "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        { seq > 0 ? QVariant(seq) : QVariant(QMetaType(QMetaType::LongLong)), a.id, a.caseId,
            actionTypeName(a.type), jsonText(a.toJson()), jsonText(baseFields), queueStateName(state),
            nowIso() });
}

Status LocalStore::Impl::rewriteOutbox(
    qint64 seq, const Action &a, const QJsonObject &baseFields, QueueState state) const
{
    return exec(QStringLiteral("UPDATE outbox SET action_id = ?, case_id = ?, type = ?, payload = ?, "
                               "base_fields = ?, state = ? WHERE seq = ?"),
        { a.id, a.caseId, actionTypeName(a.type), jsonText(a.toJson()), jsonText(baseFields),
            queueStateName(state), seq });
}

void LocalStore::Impl::log(EventLevel level, const QString &category, const QString &message) const
{
    qCDebug(lcStore).noquote() << category << message;
    auto st = exec(QStringLiteral("INSERT INTO event_log(at, level, category, message) VALUES (?, ?, ?, ?)"),
        { nowIso(), eventLevelName(level), category, message });
    if (st.ok())
        st = exec(QStringLiteral("DELETE FROM event_log WHERE id <= (SELECT max(id) FROM event_log) - 5000"));
    if (!st.ok())
        qCWarning(lcStore) << "event log write failed" << st.error().toString();
}

} // namespace outpost::client
