// SPDX-License-Identifier: MIT
#include "caserow.h"

#include "worklistroles.h"

#include <QElapsedTimer>

#include <algorithm>

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
    r.searchKey = searchKeyOf(r.id, r.title);
    r.searchTextKey = searchTextKeyOf(r.searchText);
    return r;
}

QString searchKeyOf(const QString &id, const QString &title)
{
    return id.toCaseFolded() + QLatin1Char('\n') + title.toCaseFolded();
}

QByteArray searchTextKeyOf(const QString &searchText)
{
    return searchText.toCaseFolded().toUtf8();
}

namespace {
int compareText(const QString &a, const QString &b)
{
    return QString::compare(a, b, Qt::CaseInsensitive);
}

/// <0, 0, >0 by the column, ascending.
int compareBy(const CaseRow &a, const CaseRow &b, int column)
{
    switch (column) {
    case IdColumn:
        return compareText(a.id, b.id);
    case TitleColumn:
        return compareText(a.title, b.title);
    case TypeColumn:
        return compareText(a.typeTitle, b.typeTitle);
    case StatusColumn:
        return compareText(a.status, b.status);
    case QueueColumn:
        return compareText(a.queue, b.queue);
    default: // UpdatedColumn and the store's order: most recently updated first
        if (a.updatedAt != b.updatedAt)
            return a.updatedAt < b.updatedAt ? -1 : 1;
        return column == UpdatedColumn ? 0 : -compareText(a.id, b.id);
    }
}
} // namespace

bool sortsBefore(const CaseRow &a, const CaseRow &b, WorklistSort sort)
{
    if (sort.column < 0) // the store's order: updated_at DESC, id
        return compareBy(a, b, -1) > 0;
    const int c = compareBy(a, b, sort.column);
    return sort.order == Qt::AscendingOrder ? c < 0 : c > 0;
}

void sortRows(QList<CaseRow> &rows, WorklistSort sort)
{
    std::stable_sort(rows.begin(), rows.end(),
        [sort](const CaseRow &a, const CaseRow &b) { return sortsBefore(a, b, sort); });
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

QHash<QString, QString> caseTypeTitles(const client::StoreReads &store)
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
CaseRowsLoad readRows(const QString &storePath, bool verify, bool searchText, WorklistSort sort)
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
    const QHash<QString, QString> titles = caseTypeTitles((*store)->reads());
    const QList<client::CaseSummary> cases = searchText
        ? (*store)->reads().caseSummaries(worklistFilter())
        : (*store)->reads().caseSummariesWithoutSearchText(worklistFilter());
    load.rows.reserve(cases.size());
    load.index.reserve(cases.size());
    for (const client::CaseSummary &c : cases) {
        load.rows.append(caseRowFrom(c, titles));
        load.choices.add(load.rows.last());
    }
    if (sort.column >= 0)
        sortRows(load.rows, sort);
    load.sort = sort;
    for (int i = 0; i < load.rows.size(); ++i)
        load.index.insert(load.rows.at(i).id, i);
    load.readMs = timer.elapsed();
    return load;
}
} // namespace

CaseRowsLoad loadCaseRows(const QString &storePath, bool verify, WorklistSort sort)
{
    return readRows(storePath, verify, true, sort);
}

CaseRowsLoad loadCaseRowsWithoutSearchText(const QString &storePath)
{
    return readRows(storePath, false, false, {});
}

QHash<QString, CaseSearchText> loadSearchTexts(const QString &storePath)
{
    client::LocalStore::Options o;
    o.verify = false;
    auto store = client::LocalStore::open(storePath, o);
    QHash<QString, CaseSearchText> out;
    if (!store)
        return out;
    const QHash<QString, QString> texts = (*store)->reads().caseSearchTexts(worklistFilter());
    out.reserve(texts.size());
    for (auto it = texts.cbegin(); it != texts.cend(); ++it)
        out.insert(it.key(), { it.value(), searchTextKeyOf(it.value()) });
    return out;
}

} // namespace outpost::ui
