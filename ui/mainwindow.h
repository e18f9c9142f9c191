// SPDX-License-Identifier: MIT
#pragma once

#include "admingate.h"
#include "fileaccess.h"

#include <QMainWindow>

#include <functional>

class QAbstractItemModel;
class QAction;
class QLabel;
class QListView;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QToolBar;

namespace outpost::ui {

class CaseDetailsHost;
class CaseFormHost;
class CasesPane;
class CaseView;
class EventLogView;
class SyncStatusBar;
class WorklistView;

/// The app's shell: tabs for Cases (worklist beside the open case), Outbox, Conflicts, Sync issues
/// and the event log, with the SyncStatusBar always visible. Data arrives through models and the
/// CaseFormHost; the window owns no data.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum Tab { CasesTab, OutboxTab, ConflictsTab, SyncIssuesTab, EventLogTab };

    /// `settings` must outlive the window (used by the settings dialog).
    explicit MainWindow(QSettings &settings, QWidget *parent = nullptr);

    void setWorklistModel(QAbstractItemModel *model);
    /// A new case view over `host`; null closes the open case and leaves no case view.
    void setCaseHost(CaseFormHost *host);
    /// Notes, attachments and history of the open case (none while null).
    void setCaseDetailsHost(CaseDetailsHost *details);
    /// List models for the other tabs (one row per item, Qt::DisplayRole in plain words).
    void setOutboxModel(QAbstractItemModel *model);
    void setConflictsModel(QAbstractItemModel *model);
    void setSyncIssuesModel(QAbstractItemModel *model);
    void setEventLogModel(QAbstractItemModel *model);
    /// The list of the Outbox, Conflicts or Sync issues tab (null for the other tabs).
    QListView *listView(Tab tab) const;
    /// Adds a button above the list of `tab` (and the action to the list's context menu). The
    /// button goes when the action is destroyed.
    void addListAction(Tab tab, QAction *action);
    /// A line of explanation under the list of `tab` (empty hides it), e.g. for the selected item.
    void setListDetails(Tab tab, const QString &text);
    QString listDetails(Tab tab) const;
    /// Kiosk layout: no menu bar, the tablet arrangement of the cases (CasesPane), "Exit kiosk"
    /// instead of "Quit".
    void setKioskMode(bool kiosk);
    void setSignedInUser(const QString &displayName);
    /// Kiosk: Settings, Sign out and file dialogs first ask the administrator PIN through `gate`
    /// (KioskController::gate()); unset, they open at once.
    void setAdminGate(AdminGate gate);
    const AdminGate &adminGate() const { return m_adminGate; }
    /// The app's own folders (the profile: stores, attachment copies, caches): never attached.
    void setProtectedFolders(const QStringList &folders) { m_fileAccess.setProtectedFolders(folders); }
    /// What attachments may be taken from (handed to every case view's attachments panel).
    const FileAccess &fileAccess() const { return m_fileAccess; }
    /// Says a security event (a wrong administrator PIN…) to the event log (securityEvent()).
    void reportSecurityEvent(const QString &text) { Q_EMIT securityEvent(text); }
    /// Everything of the signed-out technician goes: open dialogs closed, the open case closed,
    /// the models and the case host unset, the user and the sync counts cleared. The work itself
    /// (store, queue) is not touched here.
    void clearSession();
    /// Locked (kiosk idle, signed out): the work is hidden, nothing is discarded (open edits stay).
    void setLocked(bool locked);
    bool isLocked() const;

    /// The app's settings (the session reads the sync interval there).
    QSettings &settings() const { return m_settings; }
    SyncStatusBar *syncStatus() const { return m_sync; }
    WorklistView *worklist() const { return m_worklist; }
    CaseView *caseView() const { return m_caseView; }
    QTabWidget *tabs() const { return m_tabs; }
    QAction *exitKioskAction() const { return m_exitKiosk; }
    QAction *newCaseAction() const { return m_newCase; }
    QAction *signOutAction() const { return m_signOut; }

public Q_SLOTS:
    void openCase(const QString &caseId);
    void newCase(const QString &caseType);
    /// Connect to SyncController::casesChanged: refreshes the open case.
    void onCasesChanged(const QStringList &caseIds);
    void showSettings();
    /// Re-reads the case types of the host (the "New case" menu), e.g. after a sync brought new ones.
    void refreshCaseTypes() { fillNewCaseMenu(); }

Q_SIGNALS:
    void syncNowRequested();
    /// Sign out was chosen. With unsaved edits of the open case the technician was asked first:
    /// saved (invalid edits stay on screen with their messages and nothing is requested) or
    /// discarded; Cancel requests nothing.
    void signOutRequested();
    void exitKioskRequested();
    /// "Resolve…" on the open case's conflict bar.
    void conflictResolutionRequested(const QString &caseId);
    /// The sync status bar's "Sign in…": the engine needs the technician's password again.
    void signInAgainRequested();
    /// Settings were saved (the app re-reads sync interval, idle minutes...).
    void settingsChanged(bool languageChanged);
    /// For the signed-in technician's event log (AppSession writes it there).
    void securityEvent(const QString &text);

protected:
    /// Closing (Quit, the window's close button, exit kiosk) with unsaved edits of the open case
    /// asks first: Save (invalid edits stay on screen with their messages), Discard or Cancel.
    void closeEvent(QCloseEvent *event) override;
    /// Narrow (a portrait tablet): the status bar leaves out "Signed in as …" so that the sync
    /// status, the counts and "Sync now" keep their words.
    void resizeEvent(QResizeEvent *event) override;

private:
    /// Asks what to do with the open case's unsaved edits; runs `proceed` once they are saved or
    /// discarded, nothing on Cancel (window-modal, no nested event loop).
    void askAboutUnsavedEdits(const std::function<void()> &proceed);
    QWidget *listTab(QListView **view, const QString &emptyText, const QString &accessibleName);
    void buildMenus();
    void requestSignOut();
    void signOutNow();
    void openSettingsDialog();
    void fillNewCaseMenu();
    void fitStatusBar();
    /// The worklist's selection follows the open case: when that row went (the case left), nothing
    /// else gets selected in its place while the old case is still on screen.
    void followOpenCase();

    QSettings &m_settings;
    QStackedWidget *m_central;
    QTabWidget *m_tabs;
    QWidget *m_lockPage;
    CasesPane *m_cases;
    WorklistView *m_worklist;
    QStackedWidget *m_caseStack;
    QLabel *m_noCase;
    CaseView *m_caseView = nullptr;
    CaseFormHost *m_host = nullptr;
    CaseDetailsHost *m_details = nullptr;
    QListView *m_outbox = nullptr;
    QListView *m_conflicts = nullptr;
    QListView *m_issues = nullptr;
    EventLogView *m_eventLog;
    SyncStatusBar *m_sync;
    QLabel *m_user;
    QAction *m_quit = nullptr;
    bool m_closeConfirmed = false; // the user chose what happens to unsaved edits
    QAction *m_exitKiosk = nullptr;
    QAction *m_newCase = nullptr;
    QAction *m_signOut = nullptr;
    QList<QToolBar *> m_toolBars;
    AdminGate m_adminGate;
    FileAccess m_fileAccess;
};

} // namespace outpost::ui
