// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>

class QAbstractItemModel;
class QAction;
class QLabel;
class QListView;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace outpost::ui {

class CaseFormHost;
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
    void setCaseHost(CaseFormHost *host);
    /// List models for the other tabs (one row per item, Qt::DisplayRole in plain words).
    void setOutboxModel(QAbstractItemModel *model);
    void setConflictsModel(QAbstractItemModel *model);
    void setSyncIssuesModel(QAbstractItemModel *model);
    void setEventLogModel(QAbstractItemModel *model);
    /// Kiosk layout: no menu bar, single tap opens, "Exit kiosk" instead of "Quit".
    void setKioskMode(bool kiosk);
    void setSignedInUser(const QString &displayName);

    SyncStatusBar *syncStatus() const { return m_sync; }
    WorklistView *worklist() const { return m_worklist; }
    CaseView *caseView() const { return m_caseView; }
    QTabWidget *tabs() const { return m_tabs; }
    QAction *exitKioskAction() const { return m_exitKiosk; }

public Q_SLOTS:
    void openCase(const QString &caseId);
    /// Connect to SyncController::casesChanged: refreshes the open case.
    void onCasesChanged(const QStringList &caseIds);
    void showSettings();

Q_SIGNALS:
    void syncNowRequested();
    void signOutRequested();
    void exitKioskRequested();
    /// Settings were saved (the app re-reads sync interval, idle minutes...).
    void settingsChanged(bool languageChanged);

private:
    QWidget *listTab(QListView **view, const QString &emptyText, const QString &accessibleName);
    void buildMenus();

    QSettings &m_settings;
    QTabWidget *m_tabs;
    WorklistView *m_worklist;
    QStackedWidget *m_caseStack;
    QLabel *m_noCase;
    CaseView *m_caseView = nullptr;
    CaseFormHost *m_host = nullptr;
    QListView *m_outbox = nullptr;
    QListView *m_conflicts = nullptr;
    QListView *m_issues = nullptr;
    EventLogView *m_eventLog;
    SyncStatusBar *m_sync;
    QLabel *m_user;
    QAction *m_quit = nullptr;
    QAction *m_exitKiosk = nullptr;
};

} // namespace outpost::ui
