// SPDX-License-Identifier: MIT
#pragma once

#include "casedetailshost.h"
#include "keyedlistmodel.h"

namespace outpost::ui {

/// The notes of one case, oldest first: the server's, then those queued here (marked pending).
/// Key = CaseNote::key, ValueRole = the CaseNote, PendingRole = queued here.
class NotesModel : public KeyedListModel
{
    Q_OBJECT
public:
    enum Role { PendingRole = ValueRole + 1 };
    using KeyedListModel::KeyedListModel;

    void setNotes(const QList<CaseNote> &serverNotes, const QList<CaseNote> &localNotes);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

} // namespace outpost::ui

Q_DECLARE_METATYPE(outpost::ui::CaseNote)
