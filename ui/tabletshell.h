// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QStackedWidget;
class QToolButton;

namespace outpost::ui {

/// The cases on a tablet: one page at a time. The worklist fills the window; a tap opens the case
/// full screen with a back button above it (and the system's back: Escape, Alt+Left, the Back
/// key), which returns to the list as it was left (selection, scroll position, search). Every
/// control under the shell gets touch-sized (≥44 px). The focused editor is kept in view: it is
/// scrolled into its scroll area when it gets focus and when an on-screen keyboard covers part of
/// the window (the page then ends above the keyboard).
class TabletShell : public QWidget
{
    Q_OBJECT
public:
    explicit TabletShell(QWidget *parent = nullptr);

    /// Puts `list` on the first page and `caseArea` on the second (both reparented).
    void adopt(QWidget *list, QWidget *caseArea);
    bool isShowingCase() const;
    QToolButton *backButton() const { return m_back; }
    /// The pixels at the bottom of the shell that an on-screen keyboard covers (0: none). Follows
    /// QInputMethod::keyboardRectangle(); public so that a platform without one can be tested.
    void setKeyboardOverlap(int pixels);
    int keyboardOverlap() const;

public Q_SLOTS:
    void showList();
    void showCase();

Q_SIGNALS:
    void pageChanged(bool showingCase);

private:
    void followKeyboard();
    void keepFocusVisible(QWidget *focus);

    QStackedWidget *m_pages;
    QWidget *m_listPage;
    QWidget *m_casePage;
    QToolButton *m_back;
    QWidget *m_keyboardSpace;
};

} // namespace outpost::ui
