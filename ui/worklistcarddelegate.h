// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace outpost::ui {

/// Paints a worklist row as a card for touch screens (WorklistView's card mode): the title large
/// and the status; when it is due (overdue and today marked), the site and the id; the first line
/// of the instructions and what waits (queued changes, a conflict, a sync issue). Reads the roles of
/// worklistroles.h from column 0 and the due date in the list's words from the due column.
class WorklistCardDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    /// The height of a card for `font` (every row has the same).
    static int cardHeight(const QFont &font);

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace outpost::ui
