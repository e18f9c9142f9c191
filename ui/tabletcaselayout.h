// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QSplitter;

namespace outpost::ui {

class CaseView;

/// A CaseView arranged for a tablet: the form gets the height (a landscape tablet showed three and
/// a half fields before), notes, attachments and history shrink to their tab bar along the bottom
/// and open on a tap on a tab (a tap on the open tab closes them again), Save and the flow actions
/// in a bar at the bottom edge, a splitter handle wide enough for a finger. Off: the desk's
/// arrangement as the view built it.
class TabletCaseLayout : public QObject
{
    Q_OBJECT
public:
    /// Arranges `view` (idempotent); the layout object lives as a child of the view.
    static void apply(CaseView *view, bool tablet);
    /// Notes, attachments and history shown above their tab bar (tablet).
    static bool detailsOpen(const CaseView *view);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit TabletCaseLayout(CaseView *view);
    void setTablet(bool tablet);
    void setDetailsOpen(bool open);

    CaseView *m_view;
    QSplitter *m_split;
    bool m_tablet = false;
    bool m_open = false;
    int m_deskMinimum = 0;
    int m_deskHandle = 0;
};

} // namespace outpost::ui
