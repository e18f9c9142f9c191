// SPDX-License-Identifier: MIT
#pragma once

#include "readypanel.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace outpost::sync {
class SyncController;
}

namespace outpost::ui {

class MainWindow;

/// The ready check for the signed-in technician: runs sync::ReadyCheck on the thread pool with a
/// store connection of its own (never the GUI thread's), after sign-in, after every sync and a
/// moment after the queue changed; shows the answer on the status bar's ready indicator and in the
/// ReadyPanel it opens from there; "Get ready" syncs (with the sync's progress in the panel), then
/// checks again.
class ReadySession : public QObject
{
    Q_OBJECT
public:
    ReadySession(MainWindow *window, sync::SyncController *controller, QString storePath, QString userId,
        QObject *parent = nullptr);
    /// Waits for a check still running (it holds a connection to the store).
    ~ReadySession() override;

    /// Runs the check now (once more after the running one, if any).
    void check();
    void showPanel();
    /// Sync now, then check again; the panel shows the sync's progress meanwhile.
    void getReady();

    ReadyPanel *panel() const { return m_panel; }
    const ReadyState &state() const { return m_state; }

Q_SIGNALS:
    void checked(const outpost::ui::ReadyState &state);

private:
    void checkDone();

    QPointer<MainWindow> m_window;
    sync::SyncController *m_controller;
    QString m_storePath;
    QString m_userId;
    QPointer<ReadyPanel> m_panel;
    QFutureWatcher<ReadyState> m_watcher;
    QTimer m_soon; // folds a burst of queue changes into one check
    ReadyState m_state;
    bool m_again = false;
    bool m_gettingReady = false;
};

} // namespace outpost::ui
