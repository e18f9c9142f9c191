// SPDX-License-Identifier: MIT
#pragma once

#include "caserow.h"
#include "signin.h"
#include "syncconfig.h"
#include "syncservices.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace outpost::sync {
class SyncController;
}

namespace outpost::ui {

class ConflictsListModel;
class EventLogModel;
class MainWindow;
class OutboxModel;
class QueueActions;
class ReadySession;
class StoreRecovery;
class SignInDialog;
class StoreCaseDetails;
class StoreCaseHost;
class StoreWorklistModel;
class SyncIssuesModel;

/// One signed-in technician: drives SignIn from the sign-in dialog (which verifies the store off the
/// GUI thread alongside the password check), then reads the worklist off the GUI thread, binds the models and
/// the CaseFormHost to the main window and runs the SyncController. The app's main() only creates it and
/// shows dialogs.
class AppSession : public QObject
{
    Q_OBJECT
public:
    struct Options {
        QString profileDir; // where stores live (StoreLocation::defaultProfileDir() when empty)
        QString keychainService = QStringLiteral("outpost");
        /// The process's HTTP transport and token store, shared by the sign-in, the sync engine and
        /// the case details; null ones: made by the session (the keychain under keychainService).
        sync::SyncServices services;
        sync::SyncConfig syncTemplate; // interval, debounce... (store, server, user, token filled in)
        /// The interval is the window's "Sync every" setting (SettingsDialog::syncInterval), read at
        /// sign-in and again whenever the settings are saved; false: syncTemplate.interval as given.
        bool intervalFromSettings = true;
    };

    AppSession(MainWindow *window, Options options, QObject *parent = nullptr);
    ~AppSession() override;

    /// The dialog's requests sign in (online, or offline against the stored verifier); errors are
    /// shown in the dialog; on success the session starts and the dialog is accepted.
    void attachSignInDialog(SignInDialog *dialog);
    /// The kiosk lock screen: the signed-in user's credentials are checked for real (online, or
    /// offline against the verifier); `unlocked` runs after success.
    void attachUnlockDialog(SignInDialog *dialog, std::function<void()> unlocked);
    /// "Sign in again" while the engine has no session (signed in offline, token revoked or
    /// expired): the password is checked by the server only; on success the engine gets the new
    /// session and syncs at once, and `done` runs.
    void attachSignInAgainDialog(SignInDialog *dialog, std::function<void()> done);

    /// Stops the sync engine, revokes the token on the server (best effort), removes it from the
    /// keychain, then `done`. The store and its queued work stay on the device; destroying the
    /// session afterwards closes the store and unbinds the window (AppLifecycle does both).
    void signOut(std::function<void()> done);

    bool isActive() const { return m_store != nullptr; }
    QString userId() const { return m_userId; }
    QUrl server() const { return m_server; }
    bool signedInOffline() const { return m_offline; }
    client::LocalStore *store() const { return m_store.get(); }
    sync::SyncController *controller() const { return m_controller; }
    /// The signed-in user's store file (empty before sign-in).
    QString storePath() const { return m_outcome.storePath; }
    /// The transport and token store this session uses (complete: SyncServices::withDefaults).
    sync::SyncServices services() const { return m_options.services; }
    StoreCaseHost *caseHost() const { return m_host; }
    /// The ready check, its status-bar indicator and panel (null before sign-in).
    ReadySession *readySession() const { return m_ready; }
    StoreCaseDetails *caseDetails() const { return m_details; }
    StoreWorklistModel *worklistModel() const { return m_worklist; }
    OutboxModel *outboxModel() const { return m_outbox; }
    ConflictsListModel *conflictsModel() const { return m_conflicts; }
    SyncIssuesModel *syncIssuesModel() const { return m_issues; }
    EventLogModel *eventLogModel() const { return m_events; }

Q_SIGNALS:
    /// The store is open, the worklist shown and the engine started.
    void started(const QString &userId);
    /// The server wiped this device: the engine stopped. The owner ends the session (closing the
    /// store) and erases the store and keychain entries (AppLifecycle).
    void deviceWiped();

private:
    void attachSessionDialog(SignInDialog *dialog, bool serverOnly, std::function<void()> done);
    void signIn(SignInDialog *dialog, const QString &server, const QString &user, const QString &password);
    void offerRecovery(SignInDialog *dialog, const QString &storePath, const QString &details);
    void recover(SignInDialog *dialog);
    void startLoad(const QString &storePath, const QString &userId); // userId: whose cases come first
    void load(SignInDialog *dialog);
    void loaded(SignInDialog *dialog);
    void bind();
    void refreshLists();
    void refreshListsSoon();
    void refreshCaseTypes();

    MainWindow *m_window;
    Options m_options;
    sync::SignIn *m_signIn;
    QFutureWatcher<CaseRowsLoad> m_loader;
    QString m_loadPath; // the store m_loader reads (from the start of a sign-in when the file exists)
    struct EarlyLoad {
        QString path, user;
    } m_earlyLoad; // read once the sign-in unlocked the store, alongside the password check
    bool m_loadDone = false;
    CaseRowsLoad m_loaded; // m_loader's result, taken out of it when it finished
    bool m_signedIn = false; // the sign-in succeeded: a finished load may be shown
    QElapsedTimer m_loadTimer; // since the load started
    QElapsedTimer m_signedInTimer; // since the sign-in succeeded
    bool m_busy = false;
    StoreRecovery *m_recovery = nullptr;
    QString m_damagedPath; // the damaged store the sign-in dialog offers to recover
    // Pending sign-in outcome while the store loads.
    sync::SignInOutcome m_outcome;
    QUrl m_server;
    QString m_userId;
    bool m_offline = false;
    std::unique_ptr<client::LocalStore> m_store;
    sync::SyncController *m_controller = nullptr;
    StoreCaseHost *m_host = nullptr;
    StoreCaseDetails *m_details = nullptr;
    StoreWorklistModel *m_worklist = nullptr;
    OutboxModel *m_outbox = nullptr;
    ConflictsListModel *m_conflicts = nullptr;
    SyncIssuesModel *m_issues = nullptr;
    EventLogModel *m_events = nullptr;
    QueueActions *m_actions = nullptr;
    ReadySession *m_ready = nullptr;
    QStringList m_typeNames; // what the "New case" menu offers
    bool m_listsPending = false;
    bool m_userAskedSync = false; // "Sync now": the cycle's outcome is reported in the status bar
};

} // namespace outpost::ui
