// SPDX-License-Identifier: MIT
#include "lookupmodel.h"

namespace outpost::ui {

LookupModel::LookupModel(const LookupSource *source, QString page, QObject *parent)
    : QAbstractListModel(parent), m_source(source), m_page(std::move(page))
{
    setFilterText({});
}

void LookupModel::setFilterText(const QString &text)
{
    beginResetModel();
    m_filter = text;
    m_rows = m_source ? m_source->search(m_page, text, m_limit) : QList<LookupEntry>{};
    endResetModel();
}

int LookupModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant LookupModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LookupEntry &e = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return e.label.isEmpty() ? e.key : e.key + QStringLiteral(" — ") + e.label;
    case Qt::EditRole:
    case KeyRole:
        return e.key;
    case Qt::ToolTipRole:
    case LabelRole:
        return e.label;
    default:
        return {};
    }
}

QHash<int, QByteArray> LookupModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(KeyRole, "key");
    names.insert(LabelRole, "label");
    return names;
}

} // namespace outpost::ui
