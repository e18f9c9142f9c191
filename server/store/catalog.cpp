// SPDX-License-Identifier: MIT
#include "catalog.h"

#include "casestore.h"
#include "feed.h"

#include <QJsonDocument>

namespace outpost::server {

Result<std::optional<CaseType>> Catalog::caseType(Tx &tx, const QString &name)
{
    auto q = tx.run(QStringLiteral("SELECT doc FROM case_types WHERE name = ?"), { name });
    if (!q)
        return q.error();
    if (!q.value().next())
        return std::optional<CaseType>();
    auto ct = CaseType::fromJson(QJsonDocument::fromJson(q.value().value(0).toString().toUtf8()).object());
    if (!ct)
        return Error(QStringLiteral("unavailable"),
            QStringLiteral("The stored case type '%1' is unreadable.").arg(name));
    return std::optional<CaseType>(ct.value());
}

Result<qint64> Catalog::saveCaseType(Tx &tx, const CaseType &type, bool isNew)
{
    const QByteArray doc = QJsonDocument(type.toJson()).toJson(QJsonDocument::Compact);
    FeedScope scope;
    scope.isPublic = true;
    auto seq = FeedWriter::stamp(tx, kinds::caseType, type.name, etagFor(type.version), doc, scope, isNew);
    if (!seq)
        return seq.error();
    auto q = tx.run(
        QStringLiteral("INSERT INTO case_types (name, version, doc, published_seq) VALUES (?, ?, ?, ?)"
                       " ON CONFLICT (name) DO UPDATE SET version = excluded.version, doc = excluded.doc,"
                       " published_seq = excluded.published_seq"),
        { type.name, type.version, QString::fromUtf8(doc), seq.value() });
    if (!q)
        return q.error();
    return seq.value();
}

Result<bool> Catalog::hasDataPageRow(Tx &tx, const QString &page, const QString &key)
{
    auto q = tx.runCached(
        QStringLiteral("SELECT 1 FROM data_pages WHERE page = ? AND row_key = ?"), { page, key });
    if (!q)
        return q.error();
    const bool found = q.value()->next();
    q.value()->finish();
    return found;
}

Status Catalog::saveDataPageRow(Tx &tx, const DataPageRow &row, bool isNew)
{
    const QByteArray doc = QJsonDocument(row.toJson()).toJson(QJsonDocument::Compact);
    auto q
        = tx.run(QStringLiteral(
                     "INSERT INTO data_pages (page, row_key, label, doc) VALUES (?, ?, ?, ?)"
                     " ON CONFLICT (page, row_key) DO UPDATE SET label = excluded.label, doc = excluded.doc"),
            { row.page, row.key, row.label, QString::fromUtf8(doc) });
    if (!q)
        return q.error();
    FeedScope scope;
    scope.isPublic = true;
    auto seq = FeedWriter::stamp(tx, kinds::dataPage, row.id(), etagFor(1), doc, scope, isNew);
    if (!seq)
        return seq.error();
    return Status::success();
}

bool LookupCache::operator()(const QString &page, const QString &key)
{
    const QString k = page + QLatin1Char('\n') + key;
    auto it = m_known.constFind(k);
    if (it != m_known.constEnd())
        return it.value();
    auto r = Catalog::hasDataPageRow(m_tx, page, key);
    if (!r) {
        if (m_error.isNull())
            m_error = r.error();
        return false;
    }
    m_known.insert(k, r.value());
    return r.value();
}

} // namespace outpost::server
