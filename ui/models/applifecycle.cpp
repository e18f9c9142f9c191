// SPDX-License-Identifier: MIT
#include "applifecycle.h"

#include "attachmentspanel.h"
#include "devicewipe.h"
#include "kioskcontroller.h"
#include "localstore.h"
#include "mainwindow.h"
#include "modelslogging.h"
#include "signin.h"
#include "signindialog.h"

#include <QDir>
#include <QPointer>
#include <QStatusBar>

namespace outpost::ui {

AppLifecycle::AppLifecycle(MainWindow *window, KioskController *kiosk, Options options, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_kiosk(kiosk)
    , m_options(std::move(options))
    , m_lastServer(m_options.serverUrl)
{
    // Stores, their attachment copies and caches live in the profile: never attached.
    m_window->setProtectedFolders(
        { m_options.session.profileDir.isEmpty() ? client::StoreLocation::defaultProfileDir()
                                                 : m_options.session.profileDir });
    connect(m_window, &MainWindow::signOutRequested, this, &AppLifecycle::signOut);
    connect(m_window, &MainWindow::signInAgainRequested, this, &AppLifecycle::signInAgain);
    if (m_kiosk) {
        connect(m_window, &MainWindow::exitKioskRequested, m_kiosk, &KioskController::requestExit);
        connect(m_kiosk, &KioskController::locked, this, &AppLifecycle::lockScreen);
        // Settings, sign-out and file dialogs need the administrator PIN; wrong PINs go to the
        // signed-in technician's event log.
        m_window->setAdminGate(m_kiosk->gate());
        connect(m_kiosk, &KioskController::pinRejected, this,
            [this](AdminAction action, int failures, int waitSeconds) {
                m_window->reportSecurityEvent(
                    tr("Wrong administrator PIN (to %1; %2 in a row; next try in %3 s).")
                        .arg(adminActionName(action))
                        .arg(failures)
                        .arg(waitSeconds));
            });
    }
}

AppLifecycle::~AppLifecycle()
{
    delete m_session; // engine stopped and store closed before the window goes
    m_session = nullptr;
}

void AppLifecycle::start()
{
    if (m_kiosk) {
        m_window->setLocked(true); // the work appears once signed in
        m_kiosk->attach(m_window); // fullscreen first: the dialog is centred on the final window
    }
    showSignIn();
}

void AppLifecycle::showSignIn()
{
    if (!m_session) {
        m_session = new AppSession(m_window, m_options.session, this);
        connect(m_session, &AppSession::started, this, [this](const QString &userId) {
            if (m_kiosk)
                m_window->setLocked(false);
            else
                m_window->show();
            Q_EMIT signedIn(userId);
        });
        connect(m_session, &AppSession::deviceWiped, this, &AppLifecycle::wiped);
    }
    // In kiosk mode the dialog sits on the (locked, fullscreen) window; otherwise it stands alone
    // until the window shows the technician's work.
    auto *dlg = new SignInDialog(m_kiosk ? m_window : nullptr);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    if (m_kiosk)
        dlg->setCancelAllowed(false);
    if (!m_lastServer.isEmpty())
        dlg->setServer(m_lastServer);
    // A kiosk's server is the administrator's: someone at the tablet must not point the next
    // technician's sign-in at another server.
    if (m_kiosk && !dlg->server().isEmpty())
        dlg->setServerLocked(true);
    if (!m_signInMessage.isEmpty())
        dlg->showError(m_signInMessage);
    m_signInMessage.clear();
    m_session->attachSignInDialog(dlg);
    connect(dlg, &QDialog::rejected, this, &AppLifecycle::quitRequested);
    m_signIn = dlg;
    dlg->open();
}

void AppLifecycle::signOut()
{
    if (!m_session || !m_session->isActive() || m_signingOut)
        return;
    m_signingOut = true;
    m_window->setEnabled(false); // nothing new starts while the session winds down
    m_window->statusBar()->showMessage(tr("Signing out…"));
    m_session->signOut([this] {
        // Not from inside the session's own callback: the session goes in finishSignOut().
        QMetaObject::invokeMethod(this, &AppLifecycle::finishSignOut, Qt::QueuedConnection);
    });
}

void AppLifecycle::finishSignOut()
{
    const QString userId = m_session->userId();
    if (m_session->server().isValid())
        m_lastServer = m_session->server().toString();
    m_window->setEnabled(true);
    m_window->clearSession(); // dialogs and the open case first: they hold the session's data
    delete m_session; // unbinds the models and closes the store
    m_session = nullptr;
    m_signingOut = false;
    if (m_kiosk)
        m_window->setLocked(true);
    showSignIn(); // before the window hides, so the app always has a window
    if (!m_kiosk)
        m_window->hide();
    qCInfo(lcUiModels) << "signed out:" << userId;
    Q_EMIT signedOut(userId);
}

void AppLifecycle::wiped()
{
    if (!m_session || !m_session->isActive() || m_signingOut)
        return;
    m_signingOut = true;
    m_window->setEnabled(false);
    // Not from inside the engine's signal: the session (and the engine with it) goes below.
    QMetaObject::invokeMethod(
        this, [this, userId = m_session->userId()] { finishWipe(userId); }, Qt::QueuedConnection);
}

void AppLifecycle::finishWipe(const QString &userId)
{
    const QUrl server = m_session->server();
    const QString storePath = m_session->storePath();
    // Kept beyond the session (whose keychain it may be): the erase reports from inside its jobs.
    m_wipeKeychain = m_session->services().credentials;
    sync::CredentialStore *credentials = m_wipeKeychain.get();
    m_lastServer = server.toString();
    // Every connection to the store closes first: dialogs and the open case, then the session
    // (models, the engine's thread, the case files' thread, the GUI thread's store).
    m_window->clearSession();
    delete m_session;
    m_session = nullptr;
    // Plain copies handed to other applications go too.
    QDir(AttachmentsPanel::openedCopiesDir()).removeRecursively();
    qCWarning(lcUiModels) << "the server wiped this device: erasing the store of" << userId;
    sync::eraseDevice(credentials, server, userId, storePath, [self = QPointer(this), userId](Status erased) {
        if (!self)
            return;
        if (!erased.ok())
            qCWarning(lcUiModels) << "wipe:" << erased.error().toString();
        self->m_window->setEnabled(true);
        self->m_signingOut = false;
        if (self->m_kiosk)
            self->m_window->setLocked(true);
        self->m_signInMessage = sync::SignIn::wipedMessage();
        self->showSignIn();
        if (!self->m_kiosk)
            self->m_window->hide();
        Q_EMIT self->deviceWiped(userId);
    });
}

void AppLifecycle::lockScreen()
{
    if (!m_session || !m_session->isActive() || m_signingOut) {
        m_kiosk->unlock(); // nobody signed in: the sign-in screen is showing already
        return;
    }
    // Back to sign-in; queue and drafts stay as they are, the work is hidden meanwhile. The
    // signed-in technician's credentials are checked for real (online, or offline against the
    // stored verifier) before the work is shown again.
    m_window->setLocked(true);
    auto *dlg = new SignInDialog(m_window);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setObjectName(QStringLiteral("unlockDialog"));
    dlg->setCancelAllowed(false);
    dlg->setServerLocked(true); // the signed-in technician's server
    m_session->attachUnlockDialog(dlg, [this] {
        m_window->setLocked(false);
        m_kiosk->unlock();
    });
    dlg->open();
}

void AppLifecycle::signInAgain()
{
    if (!m_session || !m_session->isActive() || m_signingOut)
        return;
    if (auto *open = m_window->findChild<SignInDialog *>(QStringLiteral("signInAgainDialog"))) {
        open->raise();
        open->activateWindow();
        return;
    }
    // The work stays on screen; only the engine waits for the password.
    auto *dlg = new SignInDialog(m_window);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setObjectName(QStringLiteral("signInAgainDialog"));
    dlg->setServerLocked(true); // the signed-in technician's server
    dlg->setWindowTitle(tr("Sign in again"));
    dlg->showInfo(tr("The server needs your password before your changes can be sent."));
    m_session->attachSignInAgainDialog(
        dlg, [this] { m_window->statusBar()->showMessage(tr("Signed in again; syncing…"), 5000); });
    dlg->open();
}

} // namespace outpost::ui
