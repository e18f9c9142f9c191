// SPDX-License-Identifier: MIT
#include "keyedlistmodel.h"

#include <QSet>

namespace outpost::ui {

int KeyedListModel::rowOfKey(const QString &key) const
{
    for (int i = 0; i < m_items.size(); ++i)
        if (m_items.at(i).key == key)
            return i;
    return -1;
}

void KeyedListModel::setItems(const QList<KeyedItem> &items)
{
    QSet<QString> fresh;
    for (const KeyedItem &i : items)
        fresh.insert(i.key);
    // 1. Rows whose key went (from the back, so indexes stay valid).
    for (int r = int(m_items.size()) - 1; r >= 0; --r) {
        if (fresh.contains(m_items.at(r).key))
            continue;
        beginRemoveRows({}, r, r);
        m_items.removeAt(r);
        endRemoveRows();
    }
    // 2. Surviving rows must keep their relative order; otherwise reset.
    QSet<QString> old;
    for (const KeyedItem &i : std::as_const(m_items))
        old.insert(i.key);
    QStringList survivors;
    for (const KeyedItem &i : items)
        if (old.contains(i.key))
            survivors << i.key;
    for (int r = 0; r < m_items.size(); ++r) {
        if (m_items.at(r).key != survivors.at(r)) {
            beginResetModel();
            m_items = items;
            endResetModel();
            return;
        }
    }
    // 3. Walk the new list: update rows in place, insert new ones where they belong.
    for (int r = 0; r < items.size(); ++r) {
        const KeyedItem &want = items.at(r);
        if (r < m_items.size() && m_items.at(r).key == want.key) {
            if (!(m_items.at(r) == want)) {
                m_items[r] = want;
                Q_EMIT dataChanged(index(r), index(r));
            } else {
                m_items[r].value = want.value;
            }
            continue;
        }
        beginInsertRows({}, r, r);
        m_items.insert(r, want);
        endInsertRows();
    }
}

int KeyedListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant KeyedListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const KeyedItem &i = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return i.text;
    case Qt::ToolTipRole:
        return i.toolTip.isEmpty() ? i.text : i.toolTip;
    case KeyRole:
        return i.key;
    case ValueRole:
        return i.value;
    default:
        return {};
    }
}

} // namespace outpost::ui
