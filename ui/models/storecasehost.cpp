// SPDX-License-Identifier: MIT
#include "storecasehost.h"

#include "storereads.h"

#include "rules/caselabels.h"

#include "localstore.h"

#include <QCoreApplication>
#include <QSet>

namespace outpost::ui {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::ui::StoreCaseHost)
};
constexpr int LabelScanRows = 2000; // data pages are small; labels are matched within this many rows
} // namespace

QList<LookupEntry> StoreLookupSource::search(const QString &page, const QString &text, int limit) const
{
    QList<LookupEntry> out;
    if (!m_store || limit <= 0)
        return out;
    QSet<QString> seen;
    // Keys starting with the text first (an indexed prefix read), then keys/labels containing it.
    for (const DataPageRow &r : m_store->dataPageRows(page, text, limit)) {
        if (!r.key.startsWith(text, Qt::CaseInsensitive))
            continue;
        out.append({ r.key, r.label });
        seen.insert(r.key);
    }
    if (text.isEmpty() || out.size() >= limit)
        return out;
    for (const DataPageRow &r : m_store->dataPageRows(page, {}, LabelScanRows)) {
        if (out.size() >= limit)
            break;
        if (seen.contains(r.key))
            continue;
        if (r.key.contains(text, Qt::CaseInsensitive) || r.label.contains(text, Qt::CaseInsensitive)) {
            out.append({ r.key, r.label });
            seen.insert(r.key);
        }
    }
    return out;
}

bool StoreLookupSource::contains(const QString &page, const QString &key) const
{
    return m_store && m_store->hasDataPageRow(page, key);
}

QString StoreLookupSource::label(const QString &page, const QString &key) const
{
    if (!m_store)
        return {};
    for (const DataPageRow &r : m_store->dataPageRows(page, key, 5))
        if (r.key == key)
            return r.label;
    return {};
}

StoreCaseHost::StoreCaseHost(client::LocalStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_lookup(store ? &store->reads() : nullptr)
{ }

Result<CaseRecord> StoreCaseHost::caseRecord(const QString &caseId) const
{
    const std::optional<client::LocalCase> c = m_store->reads().caseById(caseId);
    if (!c)
        return Error(QStringLiteral("not_found"), Tr::tr("Case %1 does not exist.").arg(caseId));
    return c->record;
}

Result<CaseType> StoreCaseHost::caseType(const QString &name) const
{
    const std::optional<CaseType> t = m_store->reads().caseType(name);
    if (!t)
        return Error(QStringLiteral("not_found"), Tr::tr("Case type %1 is not known.").arg(name));
    return localizedCaseType(*t, userLanguage());
}

QList<CaseType> StoreCaseHost::caseTypes() const
{
    QList<CaseType> types = m_store->reads().caseTypes();
    for (CaseType &t : types)
        t = localizedCaseType(t, userLanguage());
    return types;
}

Result<QString> StoreCaseHost::createCase(const QString &caseType, const QJsonObject &fields)
{
    Result<QString> id = m_store->edits().createCase(caseType, fields);
    if (id)
        Q_EMIT localChangeMade(id.value());
    return id;
}

namespace {
QList<client::NewAttachment> storeFiles(const QList<FormFile> &files)
{
    QList<client::NewAttachment> out;
    for (const FormFile &f : files)
        out.append({ f.name, f.mime, f.bytes });
    return out;
}
} // namespace

Status StoreCaseHost::saveFields(
    const QString &caseId, const QString &baseEtag, const QJsonObject &changed, const QList<FormFile> &files)
{
    Q_UNUSED(baseEtag) // the store keeps the base of every edit itself
    Status s = m_store->edits().updateFields(caseId, changed, storeFiles(files));
    if (s)
        Q_EMIT localChangeMade(caseId);
    return s;
}

Status StoreCaseHost::runFlowAction(const QString &caseId, const QString &baseEtag, const QString &action,
    const QJsonObject &changed, const QList<FormFile> &files)
{
    Q_UNUSED(baseEtag)
    Status s = m_store->edits().runFlowAction(caseId, action, changed, storeFiles(files));
    if (s)
        Q_EMIT localChangeMade(caseId);
    return s;
}

QByteArray StoreCaseHost::attachmentBytes(const QString &caseId, const QString &sha256) const
{
    Result<QByteArray> bytes = m_store->reads().attachmentBytes(caseId, sha256);
    return bytes ? bytes.value() : QByteArray();
}

QHash<QString, FieldSyncMark> StoreCaseHost::fieldMarks(const QString &caseId) const
{
    QHash<QString, FieldSyncMark> marks;
    for (const client::QueuedAction &q : m_store->reads().queuedActions(caseId))
        for (auto it = q.action.fields.constBegin(); it != q.action.fields.constEnd(); ++it)
            marks.insert(it.key(), FieldSyncMark { FieldSyncMark::Pending, {}, {} });
    for (const client::ConflictEntry &c : m_store->reads().conflicts(caseId))
        marks.insert(c.field, FieldSyncMark { FieldSyncMark::Conflict, c.mine, c.theirs });
    return marks;
}

std::optional<Assignment> StoreCaseHost::assignment(const QString &caseId) const
{
    const QList<Assignment> all = m_store->reads().assignments(caseId);
    if (all.isEmpty())
        return std::nullopt;
    return all.first();
}

} // namespace outpost::ui
