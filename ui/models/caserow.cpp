// SPDX-License-Identifier: MIT
#include "caserow.h"

#include "worklistroles.h"
#include "worklisttexts.h"

#include "rules/caselabels.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QtConcurrent>

#include <algorithm>

namespace outpost::ui {

RowContext RowContext::read(const client::StoreReads &store, const QString &me)
{
    RowContext x;
    x.me = me;
    QHash<QString, QHash<QString, QString>> pages; // data page → key → label, each read once
    for (const CaseType &t : store.caseTypes()) {
        x.typeTitles.insert(t.name, t.titleText(userLanguage()));
        for (const QString &status : t.statuses)
            x.statusLabels.insert(t.name + QLatin1Char('\n') + status, statusWords(&t, status));
        if (const FieldDef *priority = t.field(QStringLiteral("priority")))
            for (const QString &value : priority->choices)
                x.priorityLabels.insert(t.name + QLatin1Char('\n') + value, priorityWords(&t, value));
        const FieldDef *site = t.field(QStringLiteral("site"));
        if (site && site->type == FieldType::Lookup && !site->dataPage.isEmpty()) {
            if (!pages.contains(site->dataPage))
                pages.insert(site->dataPage, store.dataPageLabels(site->dataPage));
            x.siteLabels.insert(t.name, pages.value(site->dataPage));
        }
    }
    return x;
}

QString RowContext::statusLabel(const QString &caseType, const QString &status) const
{
    const auto it = statusLabels.constFind(caseType + QLatin1Char('\n') + status);
    return it != statusLabels.cend() ? *it : statusWords(nullptr, status);
}

QString RowContext::priorityLabel(const QString &caseType, const QString &priority) const
{
    if (priority.isEmpty())
        return {};
    const auto it = priorityLabels.constFind(caseType + QLatin1Char('\n') + priority);
    return it != priorityLabels.cend() ? *it : priorityWords(nullptr, priority);
}

CaseRow caseRowFrom(const client::CaseSummary &c, const RowContext &context)
{
    CaseRow r;
    r.id = c.id;
    r.caseType = c.caseType;
    r.typeTitle = context.typeTitles.value(c.caseType, c.caseType);
    r.status = c.status;
    r.statusLabel = context.statusLabel(c.caseType, c.status);
    r.queue = c.queue;
    r.assignee = c.assignee;
    r.mine = !c.assignee.isEmpty() && c.assignee == context.me;
    r.title = c.title;
    if (c.updatedAtMs != 0)
        r.updatedAt = QDateTime::fromMSecsSinceEpoch(c.updatedAtMs, Qt::UTC);
    r.dueAtMs = c.dueAtMs;
    r.instructions = c.instructions;
    r.priority = c.priority;
    r.priorityLabel = context.priorityLabel(c.caseType, c.priority);
    if (!c.site.isEmpty()) {
        const auto labels = context.siteLabels.constFind(c.caseType);
        r.site = labels != context.siteLabels.cend() ? labels->value(c.site, c.site) : c.site;
    }
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
    // One string, folded in place (not two folded copies and their concatenation).
    QString key;
    key.reserve(id.size() + 1 + title.size());
    key.append(id).append(QLatin1Char('\n')).append(title);
    return std::move(key).toCaseFolded();
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

int compareNumber(qint64 a, qint64 b)
{
    return a < b ? -1 : a > b ? 1 : 0;
}

/// Due dates ascending, none after all.
int compareDue(qint64 a, qint64 b)
{
    if ((a == 0) != (b == 0))
        return a == 0 ? 1 : -1;
    return compareNumber(a, b);
}

/// <0 when `a` comes first in the plan order (see WorklistSort).
int comparePlan(const CaseRow &a, const CaseRow &b)
{
    if (a.mine != b.mine)
        return a.mine ? -1 : 1;
    if (const int due = compareDue(a.dueAtMs, b.dueAtMs))
        return due;
    if (a.updatedAt != b.updatedAt)
        return a.updatedAt > b.updatedAt ? -1 : 1;
    return compareText(a.id, b.id);
}

/// <0, 0, >0 by the column, ascending.
int compareBy(const CaseRow &a, const CaseRow &b, int column)
{
    switch (column) {
    case IdColumn:
        return compareText(a.id, b.id);
    case TitleColumn:
        return compareText(a.title, b.title);
    case SiteColumn:
        return compareText(a.site, b.site);
    case DueColumn:
        return compareDue(a.dueAtMs, b.dueAtMs);
    case PriorityColumn:
        return compareNumber(priorityRank(a.priority), priorityRank(b.priority));
    case TypeColumn:
        return compareText(a.typeTitle, b.typeTitle);
    case StatusColumn:
        return compareText(a.statusLabel, b.statusLabel);
    case AssignedColumn:
        return compareText(assignedWords(a.assignee, a.queue), assignedWords(b.assignee, b.queue));
    case UpdatedColumn:
        return a.updatedAt == b.updatedAt ? 0 : a.updatedAt < b.updatedAt ? -1 : 1;
    default:
        return 0;
    }
}
} // namespace

bool sortsBefore(const CaseRow &a, const CaseRow &b, WorklistSort sort)
{
    if (sort.column < 0)
        return comparePlan(a, b) < 0;
    const int c = compareBy(a, b, sort.column);
    if (c != 0)
        return sort.order == Qt::AscendingOrder ? c < 0 : c > 0;
    return comparePlan(a, b) < 0; // ties: the plan order
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

void WorklistChoices::merge(const WorklistChoices &other)
{
    statuses.insert(other.statuses);
    types.insert(other.types);
    queues.insert(other.queues);
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

client::CaseFilter worklistFilter()
{
    client::CaseFilter f;
    f.limit = 1000000;
    f.ordered = false; // sorted here (sortRows), by the plan or the technician's column
    return f;
}

namespace {
/// The rows of one part of the cases table (all of it when `part` is empty), read on the calling
/// thread through a connection of its own.
struct RowsPart {
    QList<CaseRow> rows;
    WorklistChoices choices;
    Error error;
};

RowsPart readPart(const client::LocalStore &store, const RowContext &context, bool searchText,
    qint64 rowidFrom, qint64 rowidTo, qsizetype expected)
{
    RowsPart part;
    part.rows.reserve(expected);
    client::CaseFilter f = worklistFilter();
    f.rowidFrom = rowidFrom;
    f.rowidTo = rowidTo;
    // Row by row from the store into the list (no list of summaries in between).
    if (Status st = store.reads().visitCaseSummaries(f, searchText,
            [&part, &context](client::CaseSummary &&c) {
                part.rows.append(caseRowFrom(c, context));
                part.choices.add(part.rows.last());
            });
        !st.ok()) {
        part.error = st.error();
        part.rows.clear();
    }
    return part;
}

CaseRowsLoad readRows(
    const QString &storePath, bool verify, bool searchText, WorklistSort sort, const QString &me)
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
    load.context = RowContext::read((*store)->reads(), me);
    const client::StoreStatus counts = (*store)->reads().status();
    // A big worklist is read in two halves at once (the second on a thread of the pool, with its
    // own connection): the rows are what the technician waits for after signing in.
    constexpr int TwoPartsFrom = 4000;
    const qint64 last = counts.cases >= TwoPartsFrom ? (*store)->reads().lastCaseRowid() : 0;
    RowsPart first;
    if (last > 1) {
        const qint64 middle = last / 2;
        const qsizetype half = counts.cases / 2 + 16; // rowids are dense: about half each
        QFuture<RowsPart> second
            = QtConcurrent::run([storePath, context = load.context, searchText, middle, half] {
                  client::LocalStore::Options o2;
                  o2.verify = false; // verified above, by this read's first connection
                  auto other = client::LocalStore::open(storePath, o2);
                  if (!other) {
                      RowsPart failed;
                      failed.error = other.error();
                      return failed;
                  }
                  return readPart(**other, context, searchText, middle + 1, 0, half);
              });
        first = readPart(**store, load.context, searchText, 1, middle, half);
        RowsPart rest = second.result();
        if (first.error.isNull() && !rest.error.isNull())
            first.error = rest.error;
        first.choices.merge(rest.choices);
        first.rows.append(std::move(rest.rows));
    } else {
        first = readPart(**store, load.context, searchText, 0, 0, counts.cases);
    }
    if (!first.error.isNull()) {
        load.error = first.error;
        return load;
    }
    load.rows = std::move(first.rows);
    load.choices = std::move(first.choices);
    sortRows(load.rows, sort); // the store reads them in the table's order
    load.sort = sort;
    load.index.reserve(load.rows.size());
    for (int i = 0; i < load.rows.size(); ++i)
        load.index.insert(load.rows.at(i).id, i);
    load.readMs = timer.elapsed();
    return load;
}
} // namespace

CaseRowsLoad loadCaseRows(const QString &storePath, bool verify, WorklistSort sort, const QString &me)
{
    return readRows(storePath, verify, true, sort, me);
}

CaseRowsLoad loadCaseRowsWithoutSearchText(const QString &storePath, const QString &me)
{
    return readRows(storePath, false, false, {}, me);
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
