// SPDX-License-Identifier: MIT
#include "worklistmodel.h"

#include "thread/background.h"

#include "localstore.h"
#include "modelslogging.h"
#include "worklistroles.h"
#include "worklisttexts.h"

#include <QElapsedTimer>
#include <QIcon>
#include <QLocale>
#include <QtConcurrent>

#include <algorithm>

namespace outpost::ui {

StoreWorklistModel::StoreWorklistModel(client::LocalStore *store, const QString &userId, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_me(userId)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &StoreWorklistModel::onLoaded);
    connect(&m_texts, &QFutureWatcherBase::finished, this, [this] {
        m_textsLoading = false;
        const QHash<QString, CaseSearchText> texts = m_texts.result();
        if (m_rows.isEmpty() || texts.isEmpty())
            return;
        for (CaseRow &r : m_rows) // by id: a reload in between may have reordered the rows
            if (const auto it = texts.constFind(r.id); it != texts.cend() && r.searchText.isEmpty()) {
                r.searchText = it->text;
                r.searchTextKey = it->key;
            }
        Q_EMIT dataChanged(
            index(0, 0), index(int(m_rows.size()) - 1, 0), { SearchTextRole, SearchTextKeyRole });
    });
    m_reloadTimer.setSingleShot(true);
    connect(&m_reloadTimer, &QTimer::timeout, this, [this] { reload(); });
    if (m_store)
        m_context = RowContext::read(m_store->reads(), m_me);
}

StoreWorklistModel::~StoreWorklistModel()
{
    m_watcher.disconnect(this);
    m_texts.disconnect(this);
    // The worker holds only its own connection and values. A finished load's result was taken
    // (takeResult() leaves the future reset: waiting on it would never return).
    if (m_watcher.isRunning())
        m_watcher.waitForFinished();
    m_texts.waitForFinished();
}

void StoreWorklistModel::reload(bool verify)
{
    if (!m_store)
        return;
    if (m_loading) {
        m_reloadAgain = true;
        return;
    }
    m_reloadTimer.stop();
    m_sinceReload.start();
    m_loading = true;
    // At lowered priority: a reload while a sync lands must not take the CPU from the GUI thread.
    m_watcher.setFuture(
        QtConcurrent::run(backgroundPool(), [path = m_store->path(), verify, sort = m_sort, me = m_me] {
            lowerCurrentThreadPriority();
            return loadCaseRows(path, verify, sort, me);
        }));
}

void StoreWorklistModel::onLoaded()
{
    // Taken, not copied: rows still shared with the future would be copied whole (50,000 rows, tens
    // of milliseconds on this thread) by the first row refreshed or search text added.
    CaseRowsLoad rows = m_watcher.future().takeResult();
    m_loading = false;
    if (m_reloadAgain) {
        m_reloadAgain = false;
        scheduleReload();
    }
    if (!rows.ok()) {
        qCWarning(lcUiModels) << "worklist load failed:" << rows.error.toString();
        Q_EMIT loadFailed(rows.error.message);
        return;
    }
    setRows(std::move(rows));
    Q_EMIT loaded(int(m_rows.size()));
}

void StoreWorklistModel::scheduleReload()
{
    if (m_loading) {
        m_reloadAgain = true;
        return;
    }
    if (m_reloadTimer.isActive())
        return;
    const qint64 since = m_sinceReload.isValid() ? m_sinceReload.elapsed() : qint64(ReloadIntervalMs);
    m_reloadTimer.start(
        int(std::clamp(qint64(ReloadIntervalMs) - since, qint64(0), qint64(ReloadIntervalMs))));
}

void StoreWorklistModel::setRows(const QList<CaseRow> &rows)
{
    CaseRowsLoad load;
    load.rows = rows;
    for (int i = 0; i < rows.size(); ++i) {
        load.index.insert(rows.at(i).id, i);
        load.choices.add(rows.at(i));
    }
    setRows(std::move(load));
}

void StoreWorklistModel::setRows(CaseRowsLoad load)
{
    // Everything is built already (rows, sorted, index, filter choices): the reset only swaps them
    // in (unless the sort changed while they were read).
    beginResetModel();
    QList<CaseRow> oldRows = std::exchange(m_rows, std::move(load.rows));
    QHash<QString, int> oldIndex = std::exchange(m_index, std::move(load.index));
    if (load.sort != m_sort) {
        sortRows(m_rows, m_sort);
        reindex();
    }
    m_choices = std::move(load.choices);
    if (!load.context.typeTitles.isEmpty())
        m_context = std::move(load.context);
    else if (m_store)
        m_context = RowContext::read(m_store->reads(), m_me);
    endResetModel();
    // Freeing tens of thousands of rows takes a while: on the thread pool, not here.
    if (oldRows.size() > MaxRowRefresh)
        (void)QtConcurrent::run(
            backgroundPool(), [rows = std::move(oldRows), index = std::move(oldIndex)]() mutable {
                lowerCurrentThreadPriority();
                rows.clear();
                index.clear();
            });
}

void StoreWorklistModel::loadSearchTexts()
{
    if (!m_store || m_textsLoading)
        return;
    m_textsLoading = true;
    m_texts.setFuture(QtConcurrent::run(backgroundPool(), [path = m_store->path()] {
        lowerCurrentThreadPriority();
        return ui::loadSearchTexts(path);
    }));
}

void StoreWorklistModel::addFilterChoices(const CaseRow &row)
{
    m_choices.add(row);
}

void StoreWorklistModel::reindex(int from, int to)
{
    if (from == 0 && to < 0)
        m_index.clear();
    const int end = to < 0 ? int(m_rows.size()) : std::min(to + 1, int(m_rows.size()));
    for (int i = from; i < end; ++i)
        m_index.insert(m_rows.at(i).id, i);
}

void StoreWorklistModel::removeRow(int row)
{
    beginRemoveRows({}, row, row);
    m_index.remove(m_rows.at(row).id);
    m_rows.removeAt(row);
    reindex(row);
    endRemoveRows();
}

void StoreWorklistModel::remapTempIds()
{
    for (int i = 0; i < m_rows.size(); ++i) {
        const QString id = m_rows.at(i).id;
        if (!id.startsWith(QLatin1String("tmp-")))
            continue;
        const QString now = m_store->reads().resolveId(id);
        if (now == id)
            continue;
        if (m_index.contains(now)) { // the server copy has a row already
            removeRow(i--);
            continue;
        }
        m_index.remove(id);
        m_rows[i].id = now;
        m_rows[i].searchKey = searchKeyOf(now, m_rows.at(i).title);
        m_index.insert(now, i);
        Q_EMIT dataChanged(index(i, 0), index(i, columnCount() - 1));
    }
}

void StoreWorklistModel::refreshCases(const QStringList &caseIds)
{
    if (!m_store || caseIds.isEmpty())
        return;
    if (caseIds.size() > MaxRowRefresh || isLoading()) {
        scheduleReload(); // the reload reads these too
        return;
    }
    if (m_context.typeTitles.isEmpty())
        m_context = RowContext::read(m_store->reads(), m_me);
    remapTempIds();
    for (const QString &rawId : caseIds) {
        const QString id = m_store->reads().resolveId(rawId);
        const std::optional<client::CaseSummary> c = m_store->reads().caseSummary(id);
        const int row = m_index.value(id, -1);
        const bool show = c && (!c->resolved || c->pendingCount > 0 || c->hasConflict || c->hasIssue);
        if (!show) {
            if (row >= 0)
                removeRow(row);
            continue;
        }
        const CaseRow fresh = caseRowFrom(*c, m_context);
        addFilterChoices(fresh);
        if (row >= 0) {
            if (m_rows.at(row) != fresh)
                updateRow(row, fresh);
        } else {
            const int at = sortedPosition(fresh);
            beginInsertRows({}, at, at);
            m_rows.insert(at, fresh);
            reindex(at);
            endInsertRows();
        }
    }
}

int StoreWorklistModel::sortedPosition(const CaseRow &row, int skip) const
{
    // Binary search over the rows without `skip`: the first that does not sort before `row`.
    const auto at
        = [this, skip](int i) -> const CaseRow & { return m_rows.at(skip >= 0 && i >= skip ? i + 1 : i); };
    int lo = 0;
    int hi = int(m_rows.size()) - (skip >= 0 ? 1 : 0);
    while (lo < hi) {
        const int mid = lo + (hi - lo) / 2;
        if (sortsBefore(at(mid), row, m_sort))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void StoreWorklistModel::updateRow(int row, const CaseRow &fresh)
{
    m_rows[row] = fresh;
    const int to = sortedPosition(fresh, row); // its place among the others
    // Already in place unless a neighbour now sorts on the wrong side of it.
    const bool inPlace = (row == 0 || !sortsBefore(fresh, m_rows.at(row - 1), m_sort))
        && (row + 1 == m_rows.size() || !sortsBefore(m_rows.at(row + 1), fresh, m_sort));
    if (!inPlace && to != row) {
        beginMoveRows({}, row, row, {}, to > row ? to + 1 : to);
        m_rows.move(row, to);
        reindex(std::min(row, to), std::max(row, to)); // only these rows changed places
        endMoveRows();
        row = to;
    }
    Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void StoreWorklistModel::sort(int column, Qt::SortOrder order)
{
    const bool byColumn = column >= 0 && column < columnCount();
    const WorklistSort wanted { byColumn ? column : -1, byColumn ? order : Qt::AscendingOrder };
    if (wanted == m_sort)
        return;
    m_sort = wanted;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QStringList ids;
    ids.reserve(before.size());
    for (const QModelIndex &i : before)
        ids << m_rows.at(i.row()).id;
    sortRows(m_rows, m_sort);
    reindex();
    QModelIndexList after;
    after.reserve(before.size());
    for (int i = 0; i < before.size(); ++i)
        after << index(m_index.value(ids.at(i)), before.at(i).column());
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

int StoreWorklistModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StoreWorklistModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(WorklistColumnCount);
}

QVariant StoreWorklistModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CaseRow &r = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case IdColumn:
            return r.id;
        case TitleColumn:
            return r.title;
        case SiteColumn:
            return r.site;
        case DueColumn: // the view's proxy words it relative to today
            return r.dueAtMs == 0
                ? QString()
                : QLocale().toString(QDateTime::fromMSecsSinceEpoch(r.dueAtMs).date(), QLocale::ShortFormat);
        case PriorityColumn:
            return r.priorityLabel;
        case StatusColumn:
            return r.statusLabel;
        case AssignedColumn:
            return assignedWords(r.assignee, r.queue);
        case TypeColumn:
            return r.typeTitle;
        case UpdatedColumn:
            return QLocale().toString(r.updatedAt.toLocalTime(), QLocale::ShortFormat);
        default:
            return {};
        }
    }
    if (index.column() != 0)
        return {};
    switch (role) {
    case CaseIdRole:
        return r.id;
    case CaseTypeRole:
        return r.caseType;
    case CaseTypeTitleRole:
        return r.typeTitle;
    case StatusRole:
        return r.status;
    case QueueRole:
        return r.queue;
    case AssigneeRole:
        return r.assignee;
    case TitleRole:
        return r.title;
    case UpdatedAtRole:
        return r.updatedAt;
    case PendingCountRole:
        return r.pending;
    case HasConflictRole:
        return r.conflict;
    case HasSyncIssueRole:
        return r.issue;
    case SearchTextRole:
        return r.searchText;
    case SearchKeyRole:
        return r.searchKey;
    case SearchTextKeyRole:
        return r.searchTextKey;
    case DueAtRole:
        return r.dueAtMs == 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(r.dueAtMs, Qt::UTC);
    case PriorityRole:
        return r.priority;
    case InstructionsRole:
        return r.instructions;
    case SiteRole:
        return r.site;
    case StatusLabelRole:
        return r.statusLabel;
    case IsMineRole:
        return r.mine;
    default:
        return {};
    }
}

QVariant StoreWorklistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section == 0 && role == FilterChoicesRole)
        return m_choices.toVariant();
    if (orientation == Qt::Horizontal && section == 0 && role == SortsItselfRole)
        return true;
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Case");
    case TitleColumn:
        return tr("Title");
    case SiteColumn:
        return tr("Site");
    case DueColumn:
        return tr("Due");
    case PriorityColumn:
        return tr("Priority");
    case StatusColumn:
        return tr("Status");
    case AssignedColumn:
        return tr("Assigned to");
    case TypeColumn:
        return tr("Type");
    case UpdatedColumn:
        return tr("Updated");
    default:
        return {};
    }
}

} // namespace outpost::ui
