// SPDX-License-Identifier: MIT
#include "tabletcaselayout.h"

#include "casedetailspane.h"
#include "caseview.h"

#include <QEvent>
#include <QSplitter>
#include <QTabBar>

namespace outpost::ui {

TabletCaseLayout::TabletCaseLayout(CaseView *view)
    : QObject(view)
    , m_view(view)
    , m_split(view->findChild<QSplitter *>(QStringLiteral("caseSplitter")))
{
    setObjectName(QStringLiteral("tabletCaseLayout"));
    m_deskMinimum = view->details()->minimumHeight();
    m_deskHandle = m_split ? m_split->handleWidth() : 0;
    // The view sizes the pane 3 : 2 when it appears (a case opened after none or a new one).
    view->details()->installEventFilter(this);
    connect(view->details()->tabBar(), &QTabBar::tabBarClicked, this, [this](int tab) {
        if (!m_tablet)
            return;
        // A tap on a closed pane opens it on that tab; on the open tab closes it.
        setDetailsOpen(!(m_open && tab == m_view->details()->currentIndex()));
    });
}

bool TabletCaseLayout::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Show && m_tablet)
        QMetaObject::invokeMethod(
            this, [this] { setDetailsOpen(m_open); }, Qt::QueuedConnection);
    return QObject::eventFilter(watched, event);
}

void TabletCaseLayout::apply(CaseView *view, bool tablet)
{
    auto *layout = view->findChild<TabletCaseLayout *>(QString(), Qt::FindDirectChildrenOnly);
    if (!layout)
        layout = new TabletCaseLayout(view);
    layout->setTablet(tablet);
}

bool TabletCaseLayout::detailsOpen(const CaseView *view)
{
    auto *layout = view->findChild<TabletCaseLayout *>(QString(), Qt::FindDirectChildrenOnly);
    return !layout || !layout->m_tablet || layout->m_open;
}

void TabletCaseLayout::setTablet(bool tablet)
{
    m_view->setActionsAtBottom(tablet);
    if (!m_split || tablet == m_tablet)
        return;
    m_tablet = tablet;
    m_split->setHandleWidth(tablet ? 14 : m_deskHandle);
    if (tablet) {
        setDetailsOpen(false);
    } else {
        m_view->details()->setMinimumHeight(m_deskMinimum);
        m_split->setStretchFactor(1, 2);
        // 3 : 2 once the desk's layout has given the splitter its height.
        QMetaObject::invokeMethod(
            this,
            [this] {
                const int total = m_split->height();
                if (!m_tablet && total > 0)
                    m_split->setSizes({ total * 3 / 5, total * 2 / 5 });
            },
            Qt::QueuedConnection);
    }
}

void TabletCaseLayout::setDetailsOpen(bool open)
{
    m_open = open;
    CaseDetailsPane *details = m_view->details();
    const int bar = details->tabBar()->sizeHint().height() + 2;
    details->setMinimumHeight(open ? m_deskMinimum : bar);
    m_split->setStretchFactor(1, open ? 1 : 0); // a taller window gives the form the room
    const int total = qMax(m_split->height(), bar * 4);
    // Open: half the height, the form keeps the other half; closed: only the tab bar.
    m_split->setSizes({ open ? total / 2 : total - bar, open ? total / 2 : bar });
}

} // namespace outpost::ui
