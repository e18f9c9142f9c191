// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>
#include <QSortFilterProxyModel>
#include <QStringMatcher>

namespace outpost::ui {

/// Filters a worklist model (roles of worklistroles.h) by search text and by status, case type and
/// queue, and adds the per-row badges: column 0's decoration shows a conflict, a sync issue or
/// pending changes, with a tooltip in words.
class WorklistFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit WorklistFilterProxy(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    void setStatusFilter(const QString &status); ///< empty: any
    void setTypeFilter(const QString &caseType); ///< empty: any
    void setQueueFilter(const QString &queue); ///< empty: any
    QString searchText() const { return m_search; }

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
    QIcon m_conflict;
    QIcon m_issue;
    QIcon m_pending;
};

} // namespace outpost::ui
