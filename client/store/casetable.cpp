// SPDX-License-Identifier: MIT
// Case rows and case types; the local view is in localview.cpp.
#include "casetable.h"

#include "storedb.h"
#include "storejson.h"

#include "rules/caselabels.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace outpost::client {

QString fieldLabel(const CaseType *type, const QString &field)
{
    // In the user's language (the process's default locale): these texts are shown as they are.
    return type ? type->fieldLabel(field, userLanguage()) : field;
}

QString fieldLabels(const CaseType *type, const QStringList &fields)
{
    QStringList labels;
    labels.reserve(fields.size());
    for (const QString &f : fields)
        labels << fieldLabel(type, f);
    return labels.join(QStringLiteral(", "));
}

std::optional<CaseType> CaseTable::caseType(const QString &name) const
{
    const QVariant v = m_db.scalar(QStringLiteral("SELECT json FROM case_types WHERE name = ?"), { name });
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

QString CaseTable::resolve(const QString &id) const
{
    if (!isTempId(id))
        return id;
    const QVariant v
        = m_db.scalar(QStringLiteral("SELECT server_id FROM temp_ids WHERE temp_id = ?"), { id });
    return v.isNull() || v.toString().isEmpty() ? id : v.toString();
}

LookupCheck CaseTable::lookup() const
{
    return [this](const QString &page, const QString &key) {
        return m_db
            .scalar(QStringLiteral("SELECT 1 FROM data_page_rows WHERE page = ? AND key = ?"), { page, key })
            .isValid();
    };
}

namespace {
const QString kCaseColumns = QStringLiteral(
    "id, case_type, case_type_version, status, title, assignee, queue, created_at, updated_at, server_etag, "
    "server_fields, attachments_json, fields, local_status, local_title, pending_count, has_conflict, "
    "has_issue, removed_on_server, is_local_only");
} // namespace

QString CaseTable::columns()
{
    return kCaseColumns;
}

LocalCase CaseTable::fromQuery(const QSqlQuery &q)
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

std::optional<LocalCase> CaseTable::load(const QString &id) const
{
    std::optional<LocalCase> c;
    (void)m_db.forEach(QStringLiteral("SELECT ") + kCaseColumns + QStringLiteral(" FROM cases WHERE id = ?"),
        { resolve(id) }, [&c](const QSqlQuery &q) { c = fromQuery(q); });
    return c;
}

} // namespace outpost::client
