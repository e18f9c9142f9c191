// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace outpost::ui {

/// Paints the worklist's title cell on two lines: the case's title, and under it, smaller and muted,
/// the assignment's instructions (InstructionsRole), elided to the column. Other cells as usual.
class WorklistDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    /// The widest the title column grows when sized to its content.
    static constexpr int MaxTitleWidth = 280;

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// The instructions' font for a cell font.
    static QFont secondLineFont(const QFont &font);
};

} // namespace outpost::ui
