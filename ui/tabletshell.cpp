// SPDX-License-Identifier: MIT
#include "tabletshell.h"

#include "kioskcontroller.h"

#include <QApplication>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QInputMethod>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtMath>

namespace outpost::ui {

namespace {
QVBoxLayout *pageLayout(QWidget *page)
{
    auto *lay = new QVBoxLayout(page);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->setSpacing(0);
    return lay;
}
} // namespace

TabletShell::TabletShell(QWidget *parent)
    : QWidget(parent)
    , m_pages(new QStackedWidget(this))
    , m_listPage(new QWidget(this))
    , m_casePage(new QWidget(this))
    , m_back(new QToolButton(this))
    , m_keyboardSpace(new QWidget(this))
{
    setObjectName(QStringLiteral("tabletShell"));
    // Touch targets also in a narrow window on the desk (kiosk mode sets them for the whole app).
    setStyleSheet(KioskController::touchStyleSheet());
    m_back->setObjectName(QStringLiteral("backToWorklist"));
    m_back->setText(tr("Worklist"));
    m_back->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    m_back->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_back->setAccessibleName(tr("Back to the worklist"));
    m_back->setToolTip(tr("Back to the worklist; the case stays open with its changes (Esc)"));
    connect(m_back, &QToolButton::clicked, this, &TabletShell::showList);

    pageLayout(m_listPage);
    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 4);
    top->addWidget(m_back);
    top->addStretch(1);
    pageLayout(m_casePage)->addLayout(top);
    m_pages->addWidget(m_listPage);
    m_pages->addWidget(m_casePage);

    m_keyboardSpace->setObjectName(QStringLiteral("keyboardSpace"));
    m_keyboardSpace->setFixedHeight(0);
    m_keyboardSpace->hide();
    auto *lay = pageLayout(this);
    lay->addWidget(m_pages, 1);
    lay->addWidget(m_keyboardSpace);

    // The system's back: Escape, Alt+Left (QKeySequence::Back), a device's Back key.
    for (const QKeySequence &key :
        { QKeySequence(Qt::Key_Escape), QKeySequence(QKeySequence::Back), QKeySequence(Qt::Key_Back) }) {
        auto *back = new QShortcut(key, m_casePage, this, &TabletShell::showList);
        back->setContext(Qt::WidgetWithChildrenShortcut);
    }
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (now && isAncestorOf(now))
            keepFocusVisible(now);
    });
    QInputMethod *im = QGuiApplication::inputMethod();
    connect(im, &QInputMethod::keyboardRectangleChanged, this, &TabletShell::followKeyboard);
    connect(im, &QInputMethod::visibleChanged, this, &TabletShell::followKeyboard);
}

void TabletShell::adopt(QWidget *list, QWidget *caseArea)
{
    m_listPage->layout()->addWidget(list);
    m_casePage->layout()->addWidget(caseArea);
    list->show();
    caseArea->show();
}

bool TabletShell::isShowingCase() const
{
    return m_pages->currentWidget() == m_casePage;
}

void TabletShell::showList()
{
    if (!isShowingCase())
        return;
    m_pages->setCurrentWidget(m_listPage);
    // Focus goes back where the technician left the list (the row they opened stays selected).
    if (auto *view = m_listPage->findChild<QAbstractScrollArea *>(); view && view->isVisible())
        view->setFocus(Qt::OtherFocusReason);
    Q_EMIT pageChanged(false);
}

void TabletShell::showCase()
{
    if (isShowingCase())
        return;
    m_pages->setCurrentWidget(m_casePage);
    Q_EMIT pageChanged(true);
}

int TabletShell::keyboardOverlap() const
{
    return m_keyboardSpace->isVisible() ? m_keyboardSpace->height() : 0;
}

void TabletShell::setKeyboardOverlap(int pixels)
{
    pixels = qBound(0, pixels, height() / 2 + height() / 4); // never the whole page
    if (pixels == keyboardOverlap())
        return;
    m_keyboardSpace->setFixedHeight(pixels);
    m_keyboardSpace->setVisible(pixels > 0);
    layout()->activate(); // the page ends above the keyboard now, not at the next layout pass
    if (QWidget *focus = QApplication::focusWidget(); focus && isAncestorOf(focus))
        keepFocusVisible(focus);
}

void TabletShell::followKeyboard()
{
    const QInputMethod *im = QGuiApplication::inputMethod();
    const QRectF keys = im->isVisible() ? im->keyboardRectangle() : QRectF();
    if (keys.isEmpty() || !isVisible()) {
        setKeyboardOverlap(0);
        return;
    }
    // In window coordinates: how far the keyboard reaches above the shell's bottom edge (with the
    // space already given to it, which is part of the shell).
    const int bottom = mapTo(window(), QPoint(0, height())).y();
    setKeyboardOverlap(qMax(0, bottom - qFloor(keys.top())));
}

void TabletShell::keepFocusVisible(QWidget *focus)
{
    // The whole editor, not only its cursor (QScrollArea::ensureWidgetVisible): the technician
    // sees the field's label side and what is already written in a multi-line field.
    constexpr int kMargin = 16;
    for (QWidget *w = focus->parentWidget(); w && w != this; w = w->parentWidget()) {
        auto *area = qobject_cast<QScrollArea *>(w);
        if (!area || !area->widget() || !area->widget()->isAncestorOf(focus))
            continue;
        const QRect r(focus->mapTo(area->widget(), QPoint(0, 0)), focus->size());
        QScrollBar *bar = area->verticalScrollBar();
        const int seen = area->viewport()->height();
        const int top = r.top() - kMargin;
        const int bottom = r.bottom() + 1 + kMargin;
        if (top < bar->value() || bottom - top > seen)
            bar->setValue(top);
        else if (bottom > bar->value() + seen)
            bar->setValue(bottom - seen);
        return;
    }
}

} // namespace outpost::ui
