// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace outpost::ui {

/// Paints a worklist row as a card for touch screens (WorklistView's card mode): the title large,
/// the status, the id and type, and what waits (queued changes, a conflict, a sync issue). Reads
/// the roles of worklistroles.h from column 0.
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
