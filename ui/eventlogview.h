// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QAbstractItemModel;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace outpost::ui {

/// Shows an event log: any list or table model (the store's event-log model; newest first is the
/// model's business), with a filter box over all columns.
class EventLogView : public QWidget
{
    Q_OBJECT
public:
    explicit EventLogView(QWidget *parent = nullptr);

    /// The view does not take ownership.
    void setModel(QAbstractItemModel *model);
    QTreeView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }

private:
    QLineEdit *m_filter;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_view;
};

} // namespace outpost::ui
