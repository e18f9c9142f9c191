// SPDX-License-Identifier: MIT
#include "caserow.h"

#include <QElapsedTimer>

namespace outpost::ui {

CaseRow caseRowFrom(const client::CaseSummary &c, const QHash<QString, QString> &typeTitles)
{
    CaseRow r;
    r.id = c.id;
    r.caseType = c.caseType;
    r.typeTitle = typeTitles.value(c.caseType, c.caseType);
    r.status = c.status;
    r.queue = c.queue;
    r.assignee = c.assignee;
    r.title = c.title;
    if (c.updatedAtMs != 0)
        r.updatedAt = QDateTime::fromMSecsSinceEpoch(c.updatedAtMs, Qt::UTC);
    r.pending = c.pendingCount;
    r.conflict = c.hasConflict;
    r.issue = c.hasIssue;
    r.resolved = c.resolved;
    r.searchText = c.searchText;
    return r;
}

void WorklistChoices::add(const CaseRow &row)
{
    if (!row.status.isEmpty() && !statuses.contains(row.status))
        statuses.insert(row.status, row.status);
    if (!row.caseType.isEmpty() && !types.contains(row.caseType))
        types.insert(row.caseType, row.typeTitle.isEmpty() ? row.caseType : row.typeTitle);
    if (!row.queue.isEmpty() && !queues.contains(row.queue))
        queues.insert(row.queue, row.queue);
}

QVariantMap WorklistChoices::toVariant() const
{
    const auto map = [](const QMap<QString, QString> &m) {
        QVariantMap v;
        for (auto it = m.begin(); it != m.end(); ++it)
            v.insert(it.key(), it.value());
        return v;
    };
    return { { QStringLiteral("status"), map(statuses) }, { QStringLiteral("type"), map(types) },
        { QStringLiteral("queue"), map(queues) } };
}

QHash<QString, QString> caseTypeTitles(const client::LocalStore &store)
{
    QHash<QString, QString> titles;
    for (const CaseType &t : store.caseTypes())
        titles.insert(t.name, t.title.isEmpty() ? t.name : t.title);
    return titles;
}

client::CaseFilter worklistFilter()
{
    client::CaseFilter f;
    f.limit = 1000000;
    return f;
}

namespace {
CaseRowsLoad readRows(const QString &storePath, bool verify, bool searchText)
{
    QElapsedTimer timer;
    timer.start();
    client::LocalStore::Options o;
    o.verify = verify;
    auto store = client::LocalStore::open(storePath, o);
    CaseRowsLoad load;
    if (!store) {
        load.error = store.error();
        return load;
    }
    const QHash<QString, QString> titles = caseTypeTitles(**store);
    const QList<client::CaseSummary> cases = searchText
        ? (*store)->caseSummaries(worklistFilter())
        : (*store)->caseSummariesWithoutSearchText(worklistFilter());
    load.rows.reserve(cases.size());
    load.index.reserve(cases.size());
    for (const client::CaseSummary &c : cases) {
        load.index.insert(c.id, int(load.rows.size()));
        load.rows.append(caseRowFrom(c, titles));
        load.choices.add(load.rows.last());
    }
    load.readMs = timer.elapsed();
    return load;
}
} // namespace

CaseRowsLoad loadCaseRows(const QString &storePath, bool verify)
{
    return readRows(storePath, verify, true);
}

CaseRowsLoad loadCaseRowsWithoutSearchText(const QString &storePath)
{
    return readRows(storePath, false, false);
}

QHash<QString, QString> loadSearchTexts(const QString &storePath)
{
    client::LocalStore::Options o;
    o.verify = false;
    auto store = client::LocalStore::open(storePath, o);
    return store ? (*store)->caseSearchTexts(worklistFilter()) : QHash<QString, QString>();
}

} // namespace outpost::ui
