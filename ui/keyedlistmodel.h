// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QVariant>

namespace outpost::ui {

/// One row of a KeyedListModel: a stable key, the text shown, a tooltip and the item as a QVariant.
struct KeyedItem {
    QString key;
    QString text;
    QString toolTip;
    QVariant value;
    bool operator==(const KeyedItem &o) const
    {
        return key == o.key && text == o.text && toolTip == o.toolTip;
    }
};

/// A list model that takes a fresh list and reports only what changed: rows whose key went are
/// removed, new keys inserted, changed rows get dataChanged. (A full reset only when surviving rows
/// changed their order.) Qt::DisplayRole = text, KeyRole = key, ValueRole = the item.
class KeyedListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { KeyRole = Qt::UserRole + 100, ValueRole };
    using QAbstractListModel::QAbstractListModel;

    void setItems(const QList<KeyedItem> &items);
    QList<KeyedItem> items() const { return m_items; }
    KeyedItem itemAt(int row) const { return m_items.value(row); }
    int rowOfKey(const QString &key) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

public Q_SLOTS:
    /// Re-reads the items (subclasses over the store read their part of it; models that are handed
    /// their lists through setItems() have nothing to re-read).
    virtual void refresh() { }

private:
    QList<KeyedItem> m_items;
};

} // namespace outpost::ui
