// SPDX-License-Identifier: MIT
#include "conflictmodel.h"

#include "lookupsource.h"
#include "rules/caselabels.h"
#include "rules/fieldvalue.h"

#include <QColor>

namespace outpost::ui {

ConflictModel::ConflictModel(const CaseType &type, const LookupSource *lookup, QObject *parent)
    : QAbstractTableModel(parent)
    , m_type(localizedCaseType(type, userLanguage()))
    , m_lookup(lookup)
{ }

void ConflictModel::setEntries(const QList<ConflictEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    m_choices = QList<Side>(entries.size(), Side::None);
    endResetModel();
    Q_EMIT choicesChanged();
}

ConflictModel::Side ConflictModel::choice(const QString &field) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i)
        if (m_entries.at(i).field == field)
            return m_choices.at(i);
    return Side::None;
}

bool ConflictModel::setChoice(const QString &field, Side side)
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).field == field) {
            setRowChoice(int(i), side);
            return true;
        }
    }
    return false;
}

void ConflictModel::chooseAll(Side side)
{
    for (qsizetype i = 0; i < m_entries.size(); ++i)
        setRowChoice(int(i), side);
}

bool ConflictModel::allChosen() const
{
    return !m_choices.contains(Side::None);
}

QHash<QString, QJsonValue> ConflictModel::chosenValues() const
{
    QHash<QString, QJsonValue> out;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const ConflictEntry &e = m_entries.at(i);
        if (m_choices.at(i) == Side::Mine)
            out.insert(e.field, e.mine);
        else if (m_choices.at(i) == Side::Theirs)
            out.insert(e.field, e.theirs);
    }
    return out;
}

int ConflictModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ConflictModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConflictModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConflictEntry &e = m_entries.at(index.row());
    const FieldDef *f = m_type.field(e.field);
    const Side chosen = m_choices.at(index.row());
    const auto value = [&]() -> QJsonValue {
        switch (index.column()) {
        case BaseColumn:
            return e.base;
        case MineColumn:
            return e.mine;
        case TheirsColumn:
            return e.theirs;
        default:
            return {};
        }
    };
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        if (index.column() == FieldColumn)
            return f ? f->label : e.field;
        return formatFieldValue(f, value(), lookupLabels(m_lookup));
    case Qt::CheckStateRole:
        if (index.column() == MineColumn)
            return chosen == Side::Mine ? Qt::Checked : Qt::Unchecked;
        if (index.column() == TheirsColumn)
            return chosen == Side::Theirs ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::BackgroundRole:
        if ((index.column() == MineColumn && chosen == Side::Mine)
            || (index.column() == TheirsColumn && chosen == Side::Theirs))
            return QColor(0xd7, 0xf0, 0xdd);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == MineColumn)
            return tr("Keep your value for %1").arg(f ? f->label : e.field);
        if (index.column() == TheirsColumn)
            return tr("Take the server's value for %1").arg(f ? f->label : e.field);
        return {};
    case FieldNameRole:
        return e.field;
    case ValueRole:
        return value().toVariant();
    case ChoiceRole:
        return int(chosen);
    default:
        return {};
    }
}

bool ConflictModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    if (role != Qt::CheckStateRole || (index.column() != MineColumn && index.column() != TheirsColumn))
        return false;
    const auto state = Qt::CheckState(value.toInt());
    const Side side = index.column() == MineColumn ? Side::Mine : Side::Theirs;
    if (state == Qt::Checked)
        setRowChoice(index.row(), side);
    else if (m_choices.at(index.row()) == side) // unchecking the chosen side picks the other one
        setRowChoice(index.row(), side == Side::Mine ? Side::Theirs : Side::Mine);
    return true;
}

Qt::ItemFlags ConflictModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == MineColumn || index.column() == TheirsColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant ConflictModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FieldColumn:
        return tr("Field");
    case BaseColumn:
        return tr("Before");
    case MineColumn:
        return tr("Mine");
    case TheirsColumn:
        return tr("Server");
    default:
        return {};
    }
}

void ConflictModel::setRowChoice(int row, Side side)
{
    if (row < 0 || row >= m_choices.size() || m_choices.at(row) == side)
        return;
    m_choices[row] = side;
    Q_EMIT dataChanged(index(row, MineColumn), index(row, TheirsColumn));
    Q_EMIT choicesChanged();
}

} // namespace outpost::ui
