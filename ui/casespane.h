// SPDX-License-Identifier: MIT
#pragma once

#include <QStackedWidget>

class QSplitter;

namespace outpost::ui {

class TabletShell;
class WorklistView;

/// The Cases tab in one of two arrangements of the same two widgets: on the desk the worklist
/// beside the case area in a splitter; on a tablet (kiosk mode, or a window narrower than
/// kTabletBelowWidth) a TabletShell, one page at a time, the worklist as cards. The switch happens
/// live when the window is resized across the threshold; the widgets are moved, not rebuilt, so
/// the open case and its unsaved edits stay.
class CasesPane : public QStackedWidget
{
    Q_OBJECT
public:
    static constexpr int kTabletBelowWidth = 900;

    /// Takes `worklist` and `caseArea` (the stack holding the open case) as its children.
    CasesPane(WorklistView *worklist, QWidget *caseArea, QWidget *parent = nullptr);

    /// Kiosk: the tablet arrangement whatever the width.
    void setAlwaysTablet(bool always);
    bool isTablet() const { return m_tablet; }
    TabletShell *tabletShell() const { return m_shell; }
    QSplitter *deskSplitter() const { return m_split; }

public Q_SLOTS:
    /// Tablet: the case fills the window (desk: nothing to do, the case is beside the list).
    void showCase();
    /// Tablet: back to the worklist.
    void showList();

Q_SIGNALS:
    void arrangementChanged(bool tablet);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void arrange();
    void applyToCaseViews();

    WorklistView *m_worklist;
    QWidget *m_caseArea;
    QSplitter *m_split;
    TabletShell *m_shell;
    bool m_tablet = false;
    bool m_alwaysTablet = false;
    QList<int> m_deskSizes;
};

} // namespace outpost::ui
