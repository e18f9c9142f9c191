// SPDX-License-Identifier: MIT
#include "worklistcarddelegate.h"

#include "worklistroles.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace outpost::ui {

namespace {
constexpr int kMargin = 6; // between cards
constexpr int kPad = 12; // inside a card

QFont titleFont(const QFont &base)
{
    QFont f = base;
    f.setBold(true);
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * 1.15);
    return f;
}

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
        a.blueF() * (1 - t) + b.blueF() * t);
}
} // namespace

int WorklistCardDelegate::cardHeight(const QFont &font)
{
    const QFontMetrics title(titleFont(font));
    const QFontMetrics text(font);
    return 2 * kMargin + 2 * kPad + title.height() + 2 * text.lineSpacing() + 6;
}

QSize WorklistCardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return { option.rect.width(), cardHeight(option.font) };
}

void WorklistCardDelegate::paint(
    QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QModelIndex i = index.siblingAtColumn(0);
    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QRect card = option.rect.adjusted(kMargin, kMargin / 2, -kMargin, -kMargin / 2);
    const QColor base = pal.color(QPalette::Base);
    const QColor text = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);
    const QColor muted = mix(text, selected ? pal.color(QPalette::Highlight) : base, 0.35);

    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->fillRect(option.rect, pal.color(QPalette::Window));
    QPainterPath path;
    path.addRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
    p->fillPath(path, selected ? pal.color(QPalette::Highlight) : base);
    p->setPen(QPen(mix(pal.color(QPalette::Mid), base, selected ? 0 : 0.3), 1));
    p->drawPath(path);
    if (option.state & QStyle::State_HasFocus && option.state & QStyle::State_Active) {
        p->setPen(QPen(pal.color(QPalette::Highlight), 2));
        p->drawRoundedRect(QRectF(card).adjusted(1.5, 1.5, -1.5, -1.5), 7, 7);
    }

    const QRect in = card.adjusted(kPad, kPad, -kPad, -kPad);
    const QFont tf = titleFont(option.font);
    const QFontMetrics tfm(tf);
    const QFontMetrics fm(option.font);

    // Line 1: the title, the status at the right.
    QString status = i.data(StatusLabelRole).toString();
    if (status.isEmpty())
        status = i.data(StatusRole).toString();
    const int statusW = status.isEmpty() ? 0 : fm.horizontalAdvance(status) + 16;
    QRect line(in.left(), in.top(), in.width(), tfm.height());
    QString title = i.data(TitleRole).toString();
    if (title.isEmpty())
        title = i.data(CaseIdRole).toString();
    p->setFont(tf);
    p->setPen(text);
    p->drawText(line.adjusted(0, 0, -statusW - 8, 0), Qt::AlignLeft | Qt::AlignVCenter,
        tfm.elidedText(title, Qt::ElideRight, line.width() - statusW - 8));
    p->setFont(option.font);
    if (!status.isEmpty()) {
        const QRect chip(line.right() - statusW + 1, line.top() + (line.height() - fm.height() - 4) / 2,
            statusW, fm.height() + 4);
        p->setPen(Qt::NoPen);
        p->setBrush(
            selected ? mix(pal.color(QPalette::Highlight), text, 0.2) : pal.color(QPalette::AlternateBase));
        p->drawRoundedRect(chip, chip.height() / 2.0, chip.height() / 2.0);
        p->setPen(text);
        p->drawText(chip, Qt::AlignCenter, status);
    }

    const QColor red = base.lightness() < 128 ? QColor(0xf2, 0xb8, 0xb5) : QColor(0xb3, 0x26, 0x1e);
    const QColor amber = base.lightness() < 128 ? QColor(0xf5, 0xc2, 0x6b) : QColor(0x9a, 0x5b, 0x00);
    const auto drawLeft = [&](QRect r, const QString &s, const QColor &c, bool bold) -> int {
        QFont f = option.font;
        f.setBold(bold);
        const QFontMetrics m(f);
        const QString shown = m.elidedText(s, Qt::ElideRight, r.width());
        p->setFont(f);
        p->setPen(c);
        p->drawText(r, Qt::AlignLeft | Qt::AlignVCenter, shown);
        p->setFont(option.font);
        return m.horizontalAdvance(shown);
    };

    // Line 2: when it is due (overdue and today marked, in the list's words) and the site; the id
    // at the right.
    line = QRect(in.left(), line.bottom() + 4, in.width(), fm.lineSpacing());
    const QString id = i.data(CaseIdRole).toString();
    const int idW = fm.horizontalAdvance(id) + 12;
    p->setPen(muted);
    p->drawText(line, Qt::AlignRight | Qt::AlignVCenter, id);
    QRect rest = line.adjusted(0, 0, -idW, 0);
    const auto due = DueState(index.siblingAtColumn(0).data(DueStateRole).toInt());
    const QString dueText = index.siblingAtColumn(DueColumn).data().toString();
    if (!dueText.isEmpty() && due != DueState::None) {
        const bool alarm = due == DueState::Overdue || due == DueState::Today;
        const QColor c = selected      ? text
            : due == DueState::Overdue ? red
            : due == DueState::Today   ? amber
                                       : text;
        const int w = drawLeft(rest, dueText, c, alarm);
        rest.setLeft(rest.left() + w);
    }
    QString site = i.data(SiteRole).toString();
    if (!site.isEmpty()) {
        if (rest.left() > line.left())
            site.prepend(QStringLiteral(" · "));
        drawLeft(rest, site, text, false);
    }

    // Line 3: the first line of the instructions (or type and queue without any); what waits for
    // the technician at the right.
    line.translate(0, fm.lineSpacing());
    QStringList marks;
    if (const int pending = i.data(PendingCountRole).toInt(); pending > 0)
        marks << tr("%n change(s) to send", nullptr, pending);
    if (i.data(HasConflictRole).toBool())
        marks << tr("Conflict");
    if (i.data(HasSyncIssueRole).toBool())
        marks << tr("Sync issue");
    int marksW = 0;
    if (!marks.isEmpty()) {
        const QString m = marks.join(QStringLiteral(" · "));
        marksW = qMin(fm.horizontalAdvance(m), line.width() / 2) + 12;
        const bool alarm = i.data(HasConflictRole).toBool() || i.data(HasSyncIssueRole).toBool();
        p->setPen(selected || !alarm ? text : red);
        p->drawText(line, Qt::AlignRight | Qt::AlignVCenter, fm.elidedText(m, Qt::ElideRight, marksW - 12));
    }
    QString about = i.data(InstructionsRole).toString().section(QLatin1Char('\n'), 0, 0).trimmed();
    if (about.isEmpty()) {
        QStringList meta;
        for (int role : { int(CaseTypeTitleRole), int(QueueRole) })
            if (const QString s = i.data(role).toString(); !s.isEmpty())
                meta << s;
        about = meta.join(QStringLiteral(" · "));
    }
    drawLeft(line.adjusted(0, 0, -marksW, 0), about, muted, false);
    p->restore();
}

} // namespace outpost::ui
