// SPDX-License-Identifier: MIT
#include "appsession.h"

#include "caseview.h"
#include "localstore.h"
#include "mainwindow.h"
#include "modelslogging.h"
#include "queueactions.h"
#include "readysession.h"
#include "settingsdialog.h"
#include "signindialog.h"
#include "storecasedetails.h"
#include "storecasehost.h"
#include "storelistmodels.h"
#include "storerecovery.h"
#include "synccontroller.h"
#include "syncstatusbar.h"
#include "worklistmodel.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QStatusBar>
#include <QtConcurrent>

namespace outpost::ui {

namespace {
ui::SyncState toBarState(sync::SyncState s)
{
    switch (s) {
    case sync::SyncState::Online:
        return ui::SyncState::Online;
    case sync::SyncState::Syncing:
        return ui::SyncState::Syncing;
    case sync::SyncState::Error:
        return ui::SyncState::Error;
    case sync::SyncState::SignInRequired:
        return ui::SyncState::SignInRequired;
    case sync::SyncState::Offline:
        break;
    }
    return ui::SyncState::Offline;
}
} // namespace

AppSession::AppSession(MainWindow *window, Options options, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_options(std::move(options))
    , m_signIn(nullptr)
{
    m_options.services = m_options.services.withDefaults(m_options.keychainService);
    m_signIn = new sync::SignIn(m_options.services, this);
    if (m_options.profileDir.isEmpty())
        m_options.profileDir = client::StoreLocation::defaultProfileDir();
    connect(m_signIn, &sync::SignIn::storeUnlocked, this, [this](const QString &path) {
        const EarlyLoad early = std::exchange(m_earlyLoad, {});
        if (m_busy && !m_signedIn && early.path == path && m_loadPath.isEmpty())
            startLoad(path, early.user);
    });
    connect(&m_loader, &QFutureWatcherBase::finished, this, [this] {
        m_loaded = m_loader.future().takeResult(); // moved into the worklist, never copied
        m_loadDone = true;
        if (m_signedIn) // otherwise the sign-in is still running: its success shows the rows
            loaded(qobject_cast<SignInDialog *>(m_loader.property("dialog").value<QObject *>()));
    });
}

AppSession::~AppSession()
{
    m_loader.disconnect(this);
    if (m_loader.isRunning()) // a finished load's result was taken: its future is reset
        m_loader.waitForFinished();
    delete m_ready; // waits for a check that holds a connection to the store
    m_ready = nullptr;
    if (m_window)
        m_window->syncStatus()->setReadiness(false, false, 0);
    delete m_controller; // stops the engine and joins its thread before the store goes
    m_controller = nullptr;
    if (m_window) {
        m_window->setCaseHost(nullptr); // the open case goes before its host
        m_window->setCaseDetailsHost(nullptr);
        m_window->setWorklistModel(nullptr);
        m_window->setOutboxModel(nullptr);
        m_window->setConflictsModel(nullptr);
        m_window->setSyncIssuesModel(nullptr);
        m_window->setEventLogModel(nullptr);
    }
    delete m_actions;
    delete m_worklist;
    delete m_outbox;
    delete m_conflicts;
    delete m_issues;
    delete m_events;
    delete m_details; // joins its file/network thread before the store goes
    delete m_host;
}

void AppSession::attachSignInDialog(SignInDialog *dialog)
{
    connect(dialog, &SignInDialog::signInRequested, this,
        [this, dialog](const QString &server, const QString &user, const QString &password) {
            signIn(dialog, server, user, password);
        });
    connect(dialog, &SignInDialog::recoverRequested, this, [this, dialog] { recover(dialog); });
}

void AppSession::offerRecovery(SignInDialog *dialog, const QString &storePath, const QString &details)
{
    m_damagedPath = storePath;
    dialog->showError(
        tr("The data on this device is damaged, but it still holds unsent changes. Recover them "
           "into a fresh store (the damaged file is kept for support), then sign in to send "
           "them.\n\nDetails: %1")
            .arg(details),
        false);
    dialog->offerRecovery(true);
}

void AppSession::recover(SignInDialog *dialog)
{
    if (m_damagedPath.isEmpty() || m_busy)
        return;
    if (!m_recovery) {
        m_recovery = new StoreRecovery(this);
        connect(m_recovery, &StoreRecovery::finished, this,
            [this, dlg = QPointer(dialog)](const Result<client::RecoveryReport> &r) {
                m_busy = false;
                if (!dlg)
                    return;
                dlg->setBusy(false);
                if (!r) {
                    dlg->showError(
                        tr("Recovery failed; nothing was changed: %1").arg(r.error().message), false);
                    dlg->offerRecovery(true);
                    return;
                }
                qCInfo(lcUiModels) << "recovered" << r.value().actions << "unsent actions from"
                                   << m_damagedPath << "; damaged file kept as" << r.value().movedTo;
                m_damagedPath.clear();
                dlg->offerRecovery(false);
                dlg->showInfo(StoreRecovery::resultText(r.value()));
            });
    }
    m_busy = true;
    if (!m_recovery->start(m_damagedPath))
        m_busy = false;
}

void AppSession::signIn(
    SignInDialog *dialog, const QString &server, const QString &user, const QString &password)
{
    if (m_busy || isActive()) {
        dialog->showError(tr("A sign-in is already in progress."), false);
        return;
    }
    m_busy = true;
    m_signedIn = false;
    dialog->setBusy(true);
    QPointer<SignInDialog> dlg(dialog);
    const QUrl url(server);
    // The worklist of a store that is there already is read alongside the password and store
    // checks, on a worker thread: into memory only, shown once (and only if) the sign-in succeeds.
    // It starts once the store's key came from the keychain (SignIn::storeUnlocked).
    m_loadPath.clear();
    const QString path = client::StoreLocation::pathFor(m_options.profileDir, url, user);
    if (url.isValid() && !user.trimmed().isEmpty() && QFileInfo::exists(path))
        m_earlyLoad = { path, user };
    else
        m_earlyLoad = {};
    m_signIn->signIn(url, user, password, m_options.profileDir,
        [this, dlg, url, storePath = path](Result<sync::SignInOutcome> r) {
            if (!dlg) {
                m_busy = false;
                return;
            }
            if (!r) {
                m_busy = false;
                if (r.error().code == QLatin1String("store_damaged")
                    && !r.error().fields.contains(QStringLiteral("movedTo"))) {
                    // The store still holds unsent work: offer to carry it into a fresh store.
                    offerRecovery(dlg, storePath, r.error().message);
                    return;
                }
                dlg->showError(r.error().message);
                return;
            }
            m_outcome = r.value();
            m_server = url;
            if (m_outcome.offline)
                dlg->showInfo(tr("Signed in offline; changes are sent once the server can be reached."));
            load(dlg);
        });
}

void AppSession::startLoad(const QString &storePath, const QString &userId)
{
    m_loadPath = storePath;
    m_loadDone = false;
    m_loadTimer.start();
    // Without the search texts (most of the read): they follow in a second pass once the rows show.
    m_loader.setFuture(QtConcurrent::run(&loadCaseRowsWithoutSearchText, storePath, userId));
}

void AppSession::load(SignInDialog *dialog)
{
    // The sign-in verified the store (queue audit; the whole file after an unclean shutdown)
    // alongside the password check. The worklist, read on a worker thread with its own connection,
    // may be in already: it was started with the sign-in when the store was there.
    m_signedIn = true;
    m_signedInTimer.start();
    m_loader.setProperty("dialog", QVariant::fromValue(static_cast<QObject *>(dialog)));
    // A new store, another file, or an early read that failed (e.g. the store was being migrated
    // by the check right then): read now.
    if (m_loadPath != m_outcome.storePath || (m_loadDone && !m_loaded.ok()))
        startLoad(m_outcome.storePath, m_outcome.session.userId);
    else if (m_loadDone)
        loaded(dialog);
}

void AppSession::loaded(SignInDialog *dialog)
{
    m_busy = false;
    m_signedIn = false;
    CaseRowsLoad rows = std::exchange(m_loaded, {});
    const qint64 readMs = m_signedInTimer.elapsed(); // 0 when the rows were in before the sign-in
    const qint64 workerMs = rows.readMs;
    const auto fail = [&](const QString &message) {
        qCWarning(lcUiModels) << "cannot open the store:" << message;
        if (dialog)
            dialog->showError(message, false);
    };
    if (!rows.ok()) {
        // The sign-in's check reads the queue only (the whole file only after an unclean
        // shutdown): damage elsewhere shows first here, and the unsent work may still be readable.
        qCWarning(lcUiModels) << "cannot read the store:" << rows.error.message;
        if (dialog && !rows.error.message.contains(QLatin1String("locked"), Qt::CaseInsensitive)
            && !rows.error.message.contains(QLatin1String("busy"), Qt::CaseInsensitive)) {
            offerRecovery(dialog, m_outcome.storePath, rows.error.message);
            return;
        }
        fail(tr("Cannot open the data on this device: %1").arg(rows.error.message));
        return;
    }
    client::LocalStore::Options o;
    o.verify = false; // verified by the sign-in just now
    auto store = client::LocalStore::open(m_outcome.storePath, o);
    if (!store) {
        fail(tr("Cannot open the data on this device: %1").arg(store.error().message));
        return;
    }
    m_store = std::move(store).value();
    m_userId = m_outcome.session.userId;
    m_offline = m_outcome.offline;
    bind();
    const qsizetype rowCount = rows.rows.size();
    m_worklist->setRows(std::move(rows));
    m_worklist->loadSearchTexts();
    const qint64 shownMs = m_signedInTimer.elapsed();
    m_controller->start();
    m_ready->check();
    qCInfo(lcUiModels).nospace() << "signed in as " << m_userId << (m_offline ? " (offline)" : "") << ": "
                                 << rowCount << " cases read in " << readMs << " ms (" << workerMs
                                 << " ms on the worker thread), worklist set " << shownMs
                                 << " ms after sign-in";
    Q_EMIT started(m_userId); // the window shows before the dialog goes (never no window at all)
    if (dialog)
        dialog->accept();
}

void AppSession::bind()
{
    sync::SyncConfig config = m_options.syncTemplate;
    config.storePath = m_outcome.storePath;
    config.server = m_server;
    config.user = m_userId;
    config.token = m_outcome.offline ? QString() : m_outcome.session.token;
    config.keychainService = m_options.keychainService;
    if (m_options.intervalFromSettings && m_window) {
        config.interval = SettingsDialog::syncInterval(m_window->settings());
        config.prefetchBudget = SettingsDialog::prefetchBudget(m_window->settings());
    }
    m_controller = new sync::SyncController(config, m_options.services);
    connect(m_controller, &sync::SyncController::deviceWiped, this, &AppSession::deviceWiped);

    client::LocalStore *store = m_store.get();
    m_host = new StoreCaseHost(store);
    m_details = new StoreCaseDetails(store, m_userId, m_options.services.http, config.prefetchBudget);
    m_details->setServer(m_server);
    m_details->setOnline(!m_offline);
    m_worklist = new StoreWorklistModel(store, m_userId);
    m_outbox = new OutboxModel(&store->reads());
    m_conflicts = new ConflictsListModel(&store->reads());
    m_issues = new SyncIssuesModel(&store->reads());
    m_events = new EventLogModel(&store->reads());
    refreshLists();
    for (const CaseType &t : store->reads().caseTypes())
        m_typeNames << t.name + QLatin1Char('/') + QString::number(t.version);

    MainWindow *w = m_window;
    w->setCaseDetailsHost(m_details);
    w->setCaseHost(m_host);
    w->setWorklistModel(m_worklist);
    w->setOutboxModel(m_outbox);
    w->setConflictsModel(m_conflicts);
    w->setSyncIssuesModel(m_issues);
    w->setEventLogModel(m_events);
    w->setSignedInUser(m_outcome.session.displayName.isEmpty() ? m_userId : m_outcome.session.displayName);
    m_actions = new QueueActions(w, store, m_host);
    m_ready = new ReadySession(w, m_controller, m_outcome.storePath, m_userId);
    // Security events of the window (wrong administrator PINs) in the technician's event log.
    connect(w, &MainWindow::securityEvent, this, [this](const QString &text) {
        if (!m_store)
            return;
        m_store->logEvent(client::EventLevel::Warning, QStringLiteral("security"), text);
        refreshListsSoon();
    });

    SyncStatusBar *bar = w->syncStatus();
    sync::SyncController *c = m_controller;
    // "Sync every N minutes" takes effect as it is saved (SyncTriggers: at once when overdue).
    if (m_options.intervalFromSettings) {
        connect(w, &MainWindow::settingsChanged, c, [w, c](bool) {
            c->setInterval(int(SettingsDialog::syncInterval(w->settings()).count()));
            c->setPrefetchBudget(SettingsDialog::prefetchBudget(w->settings()));
        });
    }
    bar->setPendingCount(store->reads().pendingCount());
    bar->setConflictCount(store->reads().conflictCount());
    bar->setLastSync(store->pages().lastSuccess());
    bar->setState(m_offline ? ui::SyncState::Offline : ui::SyncState::Online);
    connect(c, &sync::SyncController::stateChanged, bar,
        [bar](sync::SyncState s) { bar->setState(toBarState(s)); });
    connect(c, &sync::SyncController::progress, bar, &SyncStatusBar::setProgress);
    connect(c, &sync::SyncController::pendingCountChanged, bar, &SyncStatusBar::setPendingCount);
    connect(c, &sync::SyncController::conflictCountChanged, bar, &SyncStatusBar::setConflictCount);
    connect(c, &sync::SyncController::lastSyncChanged, bar, &SyncStatusBar::setLastSync);
    connect(c, &sync::SyncController::errorOccurred, bar, &SyncStatusBar::setErrorText);
    connect(w, &MainWindow::syncNowRequested, c, &sync::SyncController::syncNow);
    // "Sync now" always answers: what happens, then how it ended.
    connect(w, &MainWindow::syncNowRequested, this, [this] {
        QStatusBar *sb = m_window->statusBar();
        switch (m_controller ? m_controller->state() : sync::SyncState::SignInRequired) {
        case sync::SyncState::SignInRequired:
            sb->showMessage(tr("Sign in again first: the server needs your password."), 8000);
            return;
        case sync::SyncState::Offline:
            sb->showMessage(tr("Trying to reach the server…"), 8000);
            break;
        default:
            sb->showMessage(tr("Syncing…"), 8000);
            break;
        }
        m_userAskedSync = true;
    });
    connect(c, &sync::SyncController::cycleFinished, this,
        [this](bool ok, const QString &, const QString &message) {
            if (!m_userAskedSync)
                return;
            m_userAskedSync = false;
            const int pending = m_store ? m_store->reads().pendingCount() : 0;
            QString text;
            if (!ok)
                text = tr("Sync did not finish: %1 Your changes stay on this device.").arg(message);
            else if (pending > 0)
                text = pending == 1
                    ? tr("Synced; 1 change is still waiting (see the Outbox).")
                    : tr("Synced; %1 changes are still waiting (see the Outbox).").arg(pending);
            else
                text = tr("Synced: everything is sent and up to date.");
            m_window->statusBar()->showMessage(text, 10000);
        });
    // Case history and attachment downloads use the engine's token and follow its reachability.
    connect(c, &sync::SyncController::tokenChanged, m_details, &StoreCaseDetails::setToken);
    connect(c, &sync::SyncController::stateChanged, m_details, [this](sync::SyncState s) {
        if (s == sync::SyncState::Online)
            m_details->setOnline(true);
        else if (s == sync::SyncState::Offline || s == sync::SyncState::SignInRequired)
            m_details->setOnline(false);
    });

    // Server changes: the open case, the rows that changed, the lists.
    connect(c, &sync::SyncController::casesChanged, w, &MainWindow::onCasesChanged);
    connect(c, &sync::SyncController::casesChanged, m_worklist, &StoreWorklistModel::refreshCases);
    // The lists are re-read once per event-loop turn however many signals a sync sends.
    for (auto sig :
        { &sync::SyncController::pendingCountChanged, &sync::SyncController::conflictCountChanged })
        connect(c, sig, this, &AppSession::refreshListsSoon);
    connect(c, &sync::SyncController::casesChanged, this, &AppSession::refreshListsSoon);
    connect(c, &sync::SyncController::cycleFinished, this, &AppSession::refreshListsSoon);
    connect(c, &sync::SyncController::cycleFinished, this, &AppSession::refreshCaseTypes);

    // Local changes: tell the engine, refresh the row and the outbox.
    const auto local = [this](const QString &caseId) {
        if (m_controller)
            m_controller->localChangeMade();
        m_worklist->refreshCase(caseId);
        m_window->syncStatus()->setPendingCount(m_store->reads().pendingCount());
        m_window->syncStatus()->setConflictCount(m_store->reads().conflictCount());
        refreshLists();
    };
    connect(m_host, &StoreCaseHost::localChangeMade, this, local);
    // A conflict resolved (from the open case or the Conflicts tab) changes what the open case shows.
    connect(w, &MainWindow::conflictResolutionRequested, m_actions, &QueueActions::resolveConflictOf);
    connect(m_actions, &QueueActions::localChangeMade, w, [w](const QString &caseId) {
        w->onCasesChanged({ caseId });
        if (CaseView *v = w->caseView(); v && v->caseId() == caseId)
            v->refreshMarks();
    });
    connect(m_actions, &QueueActions::localChangeMade, this, local);
    connect(m_details, &StoreCaseDetails::localChangeMade, this, local);
}

void AppSession::refreshListsSoon()
{
    if (m_listsPending)
        return;
    m_listsPending = true;
    QMetaObject::invokeMethod(this, &AppSession::refreshLists, Qt::QueuedConnection);
}

void AppSession::refreshLists()
{
    m_listsPending = false;
    if (!m_store)
        return;
    m_outbox->refresh();
    m_conflicts->refresh();
    m_issues->refresh();
    m_events->refresh();
}

void AppSession::refreshCaseTypes()
{
    if (!m_store)
        return;
    QStringList names;
    for (const CaseType &t : m_store->reads().caseTypes())
        names << t.name + QLatin1Char('/') + QString::number(t.version);
    if (names == m_typeNames)
        return;
    const bool first = m_typeNames.isEmpty();
    m_typeNames = names;
    m_window->refreshCaseTypes();
    if (!first || m_worklist->rowCount() > 0)
        m_worklist->reload(); // type titles in the rows
}

void AppSession::signOut(std::function<void()> done)
{
    if (!isActive()) {
        done();
        return;
    }
    // The engine stops first (requests aborted, thread joined), so nothing syncs with a token that
    // is being revoked; inflight actions are queued again at the next start.
    delete m_controller;
    m_controller = nullptr;
    m_signIn->signOut(m_server, m_userId, [done](Status s) {
        if (!s)
            qCWarning(lcUiModels) << "sign-out:" << s.error().toString();
        done();
    });
}

void AppSession::attachUnlockDialog(SignInDialog *dialog, std::function<void()> unlocked)
{
    attachSessionDialog(dialog, false, std::move(unlocked));
}

void AppSession::attachSignInAgainDialog(SignInDialog *dialog, std::function<void()> done)
{
    attachSessionDialog(dialog, true, std::move(done));
}

void AppSession::attachSessionDialog(SignInDialog *dialog, bool serverOnly, std::function<void()> done)
{
    if (!m_userId.isEmpty())
        dialog->setUser(m_userId);
    if (m_server.isValid())
        dialog->setServer(m_server.toString());
    connect(dialog, &SignInDialog::signInRequested, this,
        [this, dialog, serverOnly, done](
            const QString &server, const QString &user, const QString &password) {
            if (!isActive()) {
                dialog->showError(tr("No one is signed in."), false);
                return;
            }
            if (QUrl(server).adjusted(QUrl::StripTrailingSlash)
                != m_server.adjusted(QUrl::StripTrailingSlash)) {
                dialog->showError(
                    tr("This session belongs to %1 on %2.").arg(m_userId, m_server.toString()), false);
                return;
            }
            if (user != m_userId) {
                dialog->showError(tr("This session belongs to %1; only %1 can unlock it.").arg(m_userId));
                return;
            }
            dialog->setBusy(true);
            QPointer<SignInDialog> dlg(dialog);
            m_signIn->signIn(QUrl(server), user, password, m_options.profileDir,
                [this, dlg, serverOnly, done](Result<sync::SignInOutcome> r) {
                    if (!dlg)
                        return;
                    if (!r) {
                        dlg->showError(r.error().message);
                        return;
                    }
                    if (r->offline && serverOnly) {
                        dlg->showError(tr("The server cannot be reached, so it cannot check your password "
                                          "yet. Your changes stay on this device; try again once you are "
                                          "online."),
                            false);
                        return;
                    }
                    if (!r->offline && m_controller) {
                        m_controller->setToken(r->session.token);
                        if (serverOnly)
                            m_controller->syncNow();
                    }
                    dlg->accept();
                    done();
                });
        });
}

} // namespace outpost::ui
