// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/casetype.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonValue>

namespace outpost::ui {

class LookupSource;

/// One field changed on both sides: its value at the base, the local edit, the server's value.
struct ConflictEntry {
    QString field;
    QJsonValue base;
    QJsonValue mine;
    QJsonValue theirs;
};

/// The fields of a conflict, one row each: Field | Base | Mine | Server. The Mine and Server cells
/// are checkable and act like radio buttons (checking one unchecks the other), so the view is
/// usable with the keyboard (arrows, Space). Nothing is chosen at first.
class ConflictModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { FieldColumn, BaseColumn, MineColumn, TheirsColumn, ColumnCount };
    enum class Side { None, Mine, Theirs };
    enum Role { FieldNameRole = Qt::UserRole + 1, ValueRole, ChoiceRole };

    ConflictModel(const CaseType &type, const LookupSource *lookup, QObject *parent = nullptr);

    void setEntries(const QList<ConflictEntry> &entries);
    QList<ConflictEntry> entries() const { return m_entries; }

    Side choice(const QString &field) const;
    bool setChoice(const QString &field, Side side);
    void chooseAll(Side side);
    bool allChosen() const;
    /// The value chosen for every field that has a choice.
    QHash<QString, QJsonValue> chosenValues() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void choicesChanged();

private:
    void setRowChoice(int row, Side side);

    CaseType m_type;
    const LookupSource *m_lookup;
    QList<ConflictEntry> m_entries;
    QList<Side> m_choices;
};

} // namespace outpost::ui
