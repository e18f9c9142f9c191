// SPDX-License-Identifier: MIT
#include "casespane.h"

#include "caseview.h"
#include "tabletcaselayout.h"
#include "tabletshell.h"
#include "uilogging.h"
#include "worklistview.h"

#include <QSplitter>

namespace outpost::ui {

CasesPane::CasesPane(WorklistView *worklist, QWidget *caseArea, QWidget *parent)
    : QStackedWidget(parent)
    , m_worklist(worklist)
    , m_caseArea(caseArea)
    , m_split(new QSplitter(Qt::Horizontal, this))
    , m_shell(new TabletShell(this))
{
    setObjectName(QStringLiteral("casesPane"));
    m_split->setObjectName(QStringLiteral("casesSplitter"));
    m_split->addWidget(worklist);
    m_split->addWidget(caseArea);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 2);
    m_split->setChildrenCollapsible(false);
    addWidget(m_split);
    addWidget(m_shell);
    connect(m_shell, &TabletShell::pageChanged, this, [this](bool showingCase) {
        if (showingCase)
            applyToCaseViews(); // a case view made since the last switch
    });
}

void CasesPane::setAlwaysTablet(bool always)
{
    m_alwaysTablet = always;
    arrange();
}

void CasesPane::showCase()
{
    if (m_tablet)
        m_shell->showCase();
}

void CasesPane::showList()
{
    if (m_tablet)
        m_shell->showList();
}

void CasesPane::resizeEvent(QResizeEvent *event)
{
    QStackedWidget::resizeEvent(event);
    arrange();
}

void CasesPane::showEvent(QShowEvent *event)
{
    QStackedWidget::showEvent(event);
    arrange();
}

void CasesPane::arrange()
{
    const bool tablet = m_alwaysTablet || window()->width() < kTabletBelowWidth;
    if (tablet == m_tablet)
        return;
    m_tablet = tablet;
    // The same widgets move (the open case, its edits, the list's selection and search stay).
    if (tablet) {
        m_deskSizes = m_split->sizes();
        auto *stack = qobject_cast<QStackedWidget *>(m_caseArea);
        const bool caseOpen = stack && qobject_cast<CaseView *>(stack->currentWidget());
        m_shell->adopt(m_worklist, m_caseArea);
        setCurrentWidget(m_shell);
        if (caseOpen)
            m_shell->showCase();
        else
            m_shell->showList();
    } else {
        m_split->insertWidget(0, m_worklist);
        m_split->insertWidget(1, m_caseArea);
        if (m_deskSizes.size() == 2)
            m_split->setSizes(m_deskSizes);
        setCurrentWidget(m_split);
    }
    m_worklist->setCardMode(tablet);
    applyToCaseViews();
    qCDebug(lcUi) << "cases arranged for" << (tablet ? "a tablet" : "the desk") << "at width"
                  << window()->width();
    Q_EMIT arrangementChanged(tablet);
}

void CasesPane::applyToCaseViews()
{
    for (CaseView *view : m_caseArea->findChildren<CaseView *>())
        TabletCaseLayout::apply(view, m_tablet);
}

} // namespace outpost::ui
