// SPDX-License-Identifier: MIT
#include "worklistfilterproxy.h"

#include "worklistroles.h"
#include "worklisttexts.h"

#include <QColor>
#include <QDateTime>
#include <QFont>

#include <cstring>

namespace outpost::ui {

WorklistFilterProxy::WorklistFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_conflict(QStringLiteral(":/icons/conflict.svg"))
    , m_issue(QStringLiteral(":/icons/warning.svg"))
    , m_pending(QStringLiteral(":/icons/pending.svg"))
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
    m_matcher.setCaseSensitivity(Qt::CaseInsensitive);
    m_folded.setCaseSensitivity(Qt::CaseSensitive);
    setSortRole(Qt::DisplayRole);
}

void WorklistFilterProxy::setSearchText(const QString &text)
{
    if (text.trimmed() == m_search)
        return;
    m_search = text.trimmed();
    m_matcher.setPattern(m_search);
    m_folded.setPattern(m_search.toCaseFolded());
    m_foldedUtf8 = m_search.toCaseFolded().toUtf8();
    refilter();
}

void WorklistFilterProxy::setStatusFilter(const QString &status)
{
    m_status = status;
    refilter();
}

void WorklistFilterProxy::setTypeFilter(const QString &caseType)
{
    m_type = caseType;
    refilter();
}

void WorklistFilterProxy::setQueueFilter(const QString &queue)
{
    m_queue = queue;
    refilter();
}

void WorklistFilterProxy::setQuickFilters(QuickFilters filters)
{
    if (filters == m_quick)
        return;
    m_quick = filters;
    refilter();
}

void WorklistFilterProxy::setNow(const QDateTime &now)
{
    m_now = now;
    if (m_quick & (DueToday | Overdue))
        refilter();
}

QDateTime WorklistFilterProxy::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTime();
}

DueState WorklistFilterProxy::dueState(const QModelIndex &index) const
{
    return dueStateOf(index.siblingAtColumn(0).data(DueAtRole).toDateTime(), now());
}

void WorklistFilterProxy::refilter()
{
    // One layout change for the whole list. invalidateRowsFilter() would report every run of rows
    // that comes or goes on its own: thousands of insert/remove notifications for one keystroke
    // over tens of thousands of rows, each handled by the view.
    invalidate();
}

void WorklistFilterProxy::sort(int column, Qt::SortOrder order)
{
    QAbstractItemModel *m = sourceModel();
    if (m && m->headerData(0, Qt::Horizontal, SortsItselfRole).toBool()) {
        // The model's rows come sorted (reloads sorted on its worker): re-sorting 50,000 rows here
        // on each reload would stall the GUI thread.
        if (sortColumn() >= 0)
            QSortFilterProxyModel::sort(-1, order);
        m->sort(column, order);
        return;
    }
    QSortFilterProxyModel::sort(column, order);
}

bool WorklistFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // "Updated" sorts by time, not by its (localised) text, and without formatting on every
    // comparison.
    if (left.column() == UpdatedColumn && sortRole() == Qt::DisplayRole)
        return left.siblingAtColumn(0).data(UpdatedAtRole).toDateTime()
            < right.siblingAtColumn(0).data(UpdatedAtRole).toDateTime();
    // "Due" by time, no due date last; "Priority" by rank.
    if (left.column() == DueColumn && sortRole() == Qt::DisplayRole) {
        const QDateTime a = left.siblingAtColumn(0).data(DueAtRole).toDateTime();
        const QDateTime b = right.siblingAtColumn(0).data(DueAtRole).toDateTime();
        return a.isValid() != b.isValid() ? a.isValid() : a < b;
    }
    if (left.column() == PriorityColumn && sortRole() == Qt::DisplayRole)
        return priorityRank(left.siblingAtColumn(0).data(PriorityRole).toString())
            < priorityRank(right.siblingAtColumn(0).data(PriorityRole).toString());
    return QSortFilterProxyModel::lessThan(left, right);
}

bool WorklistFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *m = sourceModel();
    const QModelIndex idx = m->index(sourceRow, 0, sourceParent);
    if (!m_status.isEmpty() && idx.data(StatusRole).toString() != m_status)
        return false;
    if (!m_type.isEmpty() && idx.data(CaseTypeRole).toString() != m_type)
        return false;
    if (!m_queue.isEmpty() && idx.data(QueueRole).toString() != m_queue)
        return false;
    if ((m_quick & Mine) && !idx.data(IsMineRole).toBool())
        return false;
    if ((m_quick & PendingChanges) && idx.data(PendingCountRole).toInt() == 0
        && !idx.data(HasConflictRole).toBool() && !idx.data(HasSyncIssueRole).toBool())
        return false;
    if (m_quick & (DueToday | Overdue)) {
        const DueState due = dueStateOf(idx.data(DueAtRole).toDateTime(), now());
        if (!((m_quick & DueToday) && due == DueState::Today)
            && !((m_quick & Overdue) && due == DueState::Overdue))
            return false;
    }
    if (m_search.isEmpty())
        return true;
    // A model that folds its rows ahead (the store's worklist, off the GUI thread): plain code unit
    // comparisons, no folding of ~700 characters per row and keystroke.
    // (The id and the title are one line each there: a search over several lines takes the roles.)
    const QVariant key = m_search.contains(QLatin1Char('\n')) ? QVariant() : idx.data(SearchKeyRole);
    if (key.isValid()) {
        const auto text = [](const QVariant &v) {
            return v.metaType() == QMetaType::fromType<QString>()
                ? QStringView(*static_cast<const QString *>(v.constData()))
                : QStringView();
        };
        if (m_folded.indexIn(text(key)) >= 0)
            return true;
        // UTF-8 is self-synchronising: a byte match is a match of whole characters.
        const QVariant utf8 = idx.data(SearchTextKeyRole);
        if (utf8.metaType() != QMetaType::fromType<QByteArray>())
            return false;
        const QByteArray &hay = *static_cast<const QByteArray *>(utf8.constData());
        return memmem(
                   hay.constData(), size_t(hay.size()), m_foldedUtf8.constData(), size_t(m_foldedUtf8.size()))
            != nullptr;
    }
    // The roles of column 0 only: one row lookup.
    for (int role : { int(CaseIdRole), int(TitleRole), int(SearchTextRole) })
        if (m_matcher.indexIn(idx.data(role).toString()) >= 0)
            return true;
    return false;
}

QVariant WorklistFilterProxy::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (role == DueStateRole)
        return int(dueState(index));
    if (index.column() == DueColumn) {
        const QDateTime due = index.siblingAtColumn(0).data(DueAtRole).toDateTime();
        const DueState state = dueStateOf(due, now());
        switch (role) {
        case Qt::DisplayRole:
            return dueWords(due, now());
        case Qt::ForegroundRole:
            if (state == DueState::Overdue)
                return QColor(0xb0, 0x1e, 0x1e);
            if (state == DueState::Today)
                return QColor(0x9a, 0x5b, 0x00);
            return {};
        case Qt::FontRole:
            if (state == DueState::Overdue || state == DueState::Today) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            return {};
        case Qt::DecorationRole:
            return state == DueState::Overdue ? m_issue : QVariant();
        default:
            break;
        }
    }
    if (index.column() == PriorityColumn && role == Qt::FontRole
        && index.siblingAtColumn(0).data(PriorityRole).toString() == QLatin1String("high")) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ToolTipRole && index.column() != 0) {
        // The instructions, on every cell of the row.
        const QString instructions = index.siblingAtColumn(0).data(InstructionsRole).toString();
        if (!instructions.isEmpty())
            return instructions;
        return QSortFilterProxyModel::data(index, role);
    }
    if (index.column() == 0 && (role == Qt::DecorationRole || role == Qt::ToolTipRole)) {
        const QModelIndex first = index.siblingAtColumn(0);
        const bool conflict = first.data(HasConflictRole).toBool();
        const bool issue = first.data(HasSyncIssueRole).toBool();
        const int pending = first.data(PendingCountRole).toInt();
        if (role == Qt::DecorationRole) {
            if (conflict)
                return m_conflict;
            if (issue)
                return m_issue;
            if (pending > 0)
                return m_pending;
        } else {
            QStringList parts;
            if (conflict)
                parts << tr("Conflict: your changes and the server's need a decision");
            if (issue)
                parts << tr("Sync issue: the server did not accept a change");
            if (pending > 0)
                parts << tr("%n change(s) waiting to be sent", nullptr, pending);
            const QString instructions = first.data(InstructionsRole).toString();
            if (!instructions.isEmpty())
                parts << instructions;
            if (!parts.isEmpty())
                return parts.join(QLatin1Char('\n'));
        }
    }
    return QSortFilterProxyModel::data(index, role);
}

} // namespace outpost::ui
