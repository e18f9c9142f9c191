// SPDX-License-Identifier: MIT
#pragma once

#include "worklistroles.h"

#include <QDateTime>
#include <QIcon>
#include <QSortFilterProxyModel>
#include <QStringMatcher>

namespace outpost::ui {

/// Filters a worklist model (roles of worklistroles.h) by search text, by status, case type and
/// queue, and by the quick filters (mine, due today, overdue, pending changes); adds the per-row
/// badges (column 0's decoration shows a conflict, a sync issue or pending changes, with a tooltip
/// in words), words the due date relative to today with overdue and due-today marks, and shows the
/// assignment's instructions as every cell's tooltip.
class WorklistFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    /// The quick filters. Mine and PendingChanges narrow the list; DueToday and Overdue together
    /// show what is due today or overdue.
    enum QuickFilter {
        NoQuickFilter = 0,
        Mine = 1, ///< assigned to the signed-in technician
        DueToday = 2, ///< due later today
        Overdue = 4, ///< due and not done
        PendingChanges = 8, ///< changes waiting to be sent, a conflict or a sync issue
    };
    Q_DECLARE_FLAGS(QuickFilters, QuickFilter)

    explicit WorklistFilterProxy(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    void setStatusFilter(const QString &status); ///< empty: any
    void setTypeFilter(const QString &caseType); ///< empty: any
    void setQueueFilter(const QString &queue); ///< empty: any
    QString searchText() const { return m_search; }
    void setQuickFilters(QuickFilters filters);
    QuickFilters quickFilters() const { return m_quick; }
    /// The time due dates are compared with; invalid (the default): the current time. Tests fix it.
    void setNow(const QDateTime &now);
    QDateTime now() const;
    /// Where a row's due date stands now (DueStateRole).
    DueState dueState(const QModelIndex &index) const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    /// A model that sorts itself (SortsItselfRole) is asked to; the proxy then keeps its order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();

    QString m_search;
    QStringMatcher m_matcher; // m_search, case-insensitive (prepared once per keystroke)
    QStringMatcher m_folded; // m_search case-folded, over a model's SearchKeyRole
    QByteArray m_foldedUtf8; // the same as UTF-8, over its SearchTextKeyRole (a QByteArray)
    QString m_status;
    QString m_type;
    QString m_queue;
    QuickFilters m_quick;
    QDateTime m_now;
    QIcon m_conflict;
    QIcon m_issue;
    QIcon m_pending;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(WorklistFilterProxy::QuickFilters)

} // namespace outpost::ui
