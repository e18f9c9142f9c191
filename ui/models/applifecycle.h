// SPDX-License-Identifier: MIT
#pragma once

#include "appsession.h"
#include "signindialog.h"

#include <QObject>
#include <QPointer>

namespace outpost::ui {

class KioskController;
class MainWindow;

/// The app from sign-in to sign-out and back again, in one process. Shows the sign-in dialog and
/// runs one AppSession per signed-in technician. Sign out stops that session's sync engine, revokes
/// the token, closes the open dialogs and the case, unbinds the window's models and closes the
/// store (its thread joined, its connections removed; queued work stays on the device), then shows
/// the sign-in dialog again; cancelling it asks to quit. In kiosk mode the window stays fullscreen
/// and locked behind a sign-in screen that cannot be cancelled, and the idle lock asks the
/// signed-in technician's credentials again.
class AppLifecycle : public QObject
{
    Q_OBJECT
public:
    struct Options {
        AppSession::Options session;
        QString serverUrl; // prefilled in the first sign-in dialog
    };

    /// `kiosk` is null outside kiosk mode; it and `window` must outlive the lifecycle.
    AppLifecycle(MainWindow *window, KioskController *kiosk, Options options, QObject *parent = nullptr);
    ~AppLifecycle() override;

    /// Shows the first sign-in dialog (in kiosk mode also takes over the window, locked).
    void start();

    /// The signed-in (or signing-in) technician's session; null while signing out.
    AppSession *session() const { return m_session; }
    /// The sign-in dialog while it is open, else null.
    SignInDialog *signInDialog() const { return m_signIn; }
    bool isSigningOut() const { return m_signingOut; }

Q_SIGNALS:
    void signedIn(const QString &userId);
    /// The session is closed and the sign-in dialog shows again.
    void signedOut(const QString &userId);
    /// The server wiped this device: the session ended, its store and keychain entries were erased
    /// and the sign-in dialog shows again, saying so.
    void deviceWiped(const QString &userId);
    /// Sign-in was cancelled: the app should quit.
    void quitRequested();

private:
    void showSignIn();
    void signOut();
    void finishSignOut();
    void lockScreen();
    void signInAgain();
    void wiped();
    void finishWipe(const QString &userId);

    MainWindow *m_window;
    KioskController *m_kiosk;
    Options m_options;
    AppSession *m_session = nullptr;
    QPointer<SignInDialog> m_signIn;
    QString m_lastServer;
    bool m_signingOut = false;
    QString m_signInMessage; // shown in the next sign-in dialog
    std::shared_ptr<sync::CredentialStore> m_wipeKeychain; // the keychain of the last wipe's session
};

} // namespace outpost::ui
