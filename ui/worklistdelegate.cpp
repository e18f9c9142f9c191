// SPDX-License-Identifier: MIT
#include "worklistdelegate.h"

#include "worklistroles.h"

#include <QApplication>
#include <QPainter>

namespace outpost::ui {

QFont WorklistDelegate::secondLineFont(const QFont &font)
{
    QFont small = font;
    if (font.pointSizeF() > 0)
        small.setPointSizeF(font.pointSizeF() * 0.9);
    else
        small.setPixelSize(qMax(8, font.pixelSize() * 9 / 10));
    return small;
}

void WorklistDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString instructions = index.column() == TitleColumn
        ? index.siblingAtColumn(0).data(InstructionsRole).toString()
        : QString();
    if (instructions.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString title = opt.text;
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, selection, focus
    const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(3, 0, -3, 0);
    const QFont small = secondLineFont(opt.font);
    const QFontMetrics fm(opt.font);
    const QFontMetrics sfm(small);
    const int top = text.top() + qMax(0, (text.height() - fm.height() - sfm.height()) / 2);
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
        : (opt.state & QStyle::State_Active)                                ? QPalette::Active
                                                                            : QPalette::Inactive;
    painter->save();
    painter->setClipRect(opt.rect);
    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(QRect(text.left(), top, text.width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
        fm.elidedText(title, Qt::ElideRight, text.width()));
    painter->setFont(small);
    QColor muted = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    muted.setAlphaF(0.65);
    painter->setPen(muted);
    // One line: the instructions' line breaks read as spaces here (the tooltip shows them whole).
    QString line = instructions;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    painter->drawText(QRect(text.left(), top + fm.height(), text.width(), sfm.height()),
        Qt::AlignLeft | Qt::AlignVCenter, sfm.elidedText(line, Qt::ElideRight, text.width()));
    painter->restore();
}

QSize WorklistDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() != TitleColumn)
        return size;
    const QString instructions = index.siblingAtColumn(0).data(InstructionsRole).toString();
    if (!instructions.isEmpty()) {
        const QFontMetrics sfm(secondLineFont(option.font));
        size.setWidth(qMax(size.width(), sfm.horizontalAdvance(instructions) + 12));
        size.setHeight(size.height() + sfm.height());
    }
    size.setWidth(qMin(size.width(), MaxTitleWidth));
    return size;
}

} // namespace outpost::ui
