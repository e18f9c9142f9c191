// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QTimer;
class QToolButton;

namespace outpost::ui {

/// The sync engine's state as the status bar shows it.
enum class SyncState { Offline, Online, Syncing, Error, SignInRequired };

/// Always-visible sync status, meant as a permanent widget of the main window's QStatusBar:
/// online/offline, a progress bar while syncing, the last successful sync ("2 min ago"), pending
/// and conflict counts, and "Sync now". Its slots match SyncController's signals one to one.
class SyncStatusBar : public QWidget
{
    Q_OBJECT
public:
    explicit SyncStatusBar(QWidget *parent = nullptr);

    SyncState state() const { return m_state; }
    QString stateText() const;
    QString lastSyncText() const;
    int pendingCount() const { return m_pending; }
    int conflictCount() const { return m_conflicts; }
    QProgressBar *progressBar() const { return m_progress; }
    QToolButton *syncNowButton() const { return m_syncNow; }
    /// "Sign in…", shown in state SignInRequired: the engine has no session and the queued changes
    /// wait for the technician's password.
    QToolButton *signInButton() const { return m_signIn; }
    /// "Ready to go offline" (green) or "Not ready (N)": opens the ready panel (readyClicked()).
    /// Hidden until setReadiness() was called with `known`.
    QToolButton *readyButton() const { return m_readyButton; }

    /// Compact (a narrow window): "Last sync" only as the state's tooltip, "Sync now" and
    /// "Sign in…" as icons with their words as tooltips.
    void setCompact(bool compact);
    bool isCompact() const { return m_compact; }

    /// "just now", "2 min ago", "3 h ago", or the date; "never" for an invalid time.
    static QString relativeTime(const QDateTime &then, const QDateTime &now);
    /// A full sync that said how much comes: "12,000 of 50,000 cases", with "about 40 s left" once
    /// the cases since the first count (`doneAtStart`, `elapsedMs` ago) give a rate to go by.
    static QString fullSyncText(int done, int total, qint64 elapsedMs, int doneAtStart = 0);

public Q_SLOTS:
    void setState(outpost::ui::SyncState state);
    /// The same by name ("offline", "online", "syncing", "error"), for controllers that use strings.
    void setStateName(const QString &name);
    /// Progress of a sync phase (e.g. "upload", "download"); total 0 means unknown. "fullSync" with a
    /// total counts cases: the state reads fullSyncText().
    void setProgress(const QString &phase, int done, int total);
    void setPendingCount(int count);
    void setConflictCount(int count);
    void setLastSync(const QDateTime &when);
    /// The last error in words (shown as tooltip in state Error).
    void setErrorText(const QString &text);
    /// The ready check's answer: ready, or how many reasons stand in the way.
    void setReadiness(bool known, bool ready, int reasons);

Q_SIGNALS:
    void syncNowRequested();
    void conflictsClicked();
    void pendingClicked();
    /// The technician asked to sign in again so that syncing can go on (state SignInRequired).
    void signInRequested();
    /// The ready indicator was clicked: show the ready panel.
    void readyClicked();

private:
    void refresh();

    SyncState m_state = SyncState::Offline;
    QDateTime m_lastSync;
    QString m_error;
    QString m_phase;
    int m_done = 0;
    int m_total = 0;
    int m_doneAtStart = 0; // the first count of a full sync with a total
    QElapsedTimer m_fullSyncClock; // since the first count of a full sync with a total
    int m_pending = 0;
    bool m_compact = false;
    bool m_readyKnown = false;
    bool m_ready = false;
    int m_readyReasons = 0;
    int m_conflicts = 0;
    QLabel *m_stateIcon;
    QLabel *m_stateLabel;
    QProgressBar *m_progress;
    QLabel *m_lastLabel;
    QToolButton *m_pendingButton;
    QToolButton *m_conflictButton;
    QToolButton *m_syncNow;
    QToolButton *m_readyButton;
    QToolButton *m_signIn;
    QTimer *m_tick;
};

} // namespace outpost::ui
