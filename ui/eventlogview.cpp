// SPDX-License-Identifier: MIT
#include "eventlogview.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace outpost::ui {

EventLogView::EventLogView(QWidget *parent)
    : QWidget(parent), m_filter(new QLineEdit(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("eventLogView"));
    m_filter->setPlaceholderText(tr("Filter events"));
    m_filter->setAccessibleName(tr("Filter events"));
    m_filter->setClearButtonEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAccessibleName(tr("Event log"));
    // One column of whole lines (time, level, category, message): a header would only say "1".
    m_view->setHeaderHidden(true);
    m_view->header()->setStretchLastSection(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addWidget(m_filter);
    lay->addWidget(m_view, 1);
}

void EventLogView::setModel(QAbstractItemModel *model) { m_proxy->setSourceModel(model); }

} // namespace outpost::ui
