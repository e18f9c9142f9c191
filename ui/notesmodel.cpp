// SPDX-License-Identifier: MIT
#include "notesmodel.h"

#include <QLocale>

namespace outpost::ui {

void NotesModel::setNotes(const QList<CaseNote> &serverNotes, const QList<CaseNote> &localNotes)
{
    QList<KeyedItem> items;
    const QLocale locale;
    for (const QList<CaseNote> *list : { &serverNotes, &localNotes }) {
        for (const CaseNote &n : *list) {
            const QString when
                = n.at.isValid() ? locale.toString(n.at.toLocalTime(), QLocale::ShortFormat) : QString();
            QString head = n.by.isEmpty() ? when : (when.isEmpty() ? n.by : tr("%1 · %2").arg(n.by, when));
            if (!n.problem.isEmpty())
                head = tr("%1 · not accepted by the server").arg(head);
            else if (n.pending)
                head = tr("%1 · pending, sent with the next sync").arg(head);
            const QString tip = n.problem.isEmpty() ? QString() : n.problem;
            items.append({ n.key, head + QLatin1Char('\n') + n.text, tip, QVariant::fromValue(n) });
        }
    }
    setItems(items);
}

QVariant NotesModel::data(const QModelIndex &index, int role) const
{
    if (role == PendingRole) {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        return itemAt(index.row()).value.value<CaseNote>().pending;
    }
    return KeyedListModel::data(index, role);
}

} // namespace outpost::ui
