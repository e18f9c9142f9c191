// SPDX-License-Identifier: MIT
#pragma once

#include "lookupsource.h"

#include <QAbstractListModel>

namespace outpost::ui {

/// The rows of one data page matching a filter text, for a QCompleter (type-ahead). Qt::EditRole is
/// the row key (what the field stores), Qt::DisplayRole "key — label", Qt::ToolTipRole the label.
class LookupModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { KeyRole = Qt::UserRole + 1, LabelRole };

    LookupModel(const LookupSource *source, QString page, QObject *parent = nullptr);

    /// Re-queries the source for rows matching `text` (at most limit()).
    void setFilterText(const QString &text);
    QString filterText() const { return m_filter; }
    void setLimit(int limit) { m_limit = limit; }
    int limit() const { return m_limit; }
    QString page() const { return m_page; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    const LookupSource *m_source;
    QString m_page;
    QString m_filter;
    int m_limit = 50;
    QList<LookupEntry> m_rows;
};

} // namespace outpost::ui
