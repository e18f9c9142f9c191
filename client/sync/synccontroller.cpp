// SPDX-License-Identifier: MIT
#include "synccontroller.h"

#include "apitypes.h"
#include "credentialstore.h"
#include "reachability.h"
#include "synclogging.h"
#include "syncworker.h"

#include <QPointer>
#include <QThread>

namespace outpost::sync {

SyncController::SyncController(const SyncConfig &config, SyncServices services, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_credentials(services.credentials ? std::move(services.credentials)
                                         : std::make_shared<KeychainCredentialStore>(config.keychainService))
    , m_worker(new SyncWorker(config, std::move(services.http)))
    , m_thread(QStringLiteral("outpost-sync"), m_worker)
{
    connect(m_thread.thread(), &QThread::started, m_worker, &SyncWorker::start);

    connect(m_worker, &SyncWorker::stateChanged, this, [this](SyncState s) {
        m_state = s;
        Q_EMIT stateChanged(s);
    });
    connect(m_worker, &SyncWorker::pendingCountChanged, this, [this](int n) {
        m_pending = n;
        Q_EMIT pendingCountChanged(n);
    });
    connect(m_worker, &SyncWorker::conflictCountChanged, this, [this](int n) {
        m_conflicts = n;
        Q_EMIT conflictCountChanged(n);
    });
    connect(m_worker, &SyncWorker::lastSyncChanged, this, [this](const QDateTime &t) {
        m_lastSync = t;
        Q_EMIT lastSyncChanged(t);
    });
    connect(m_worker, &SyncWorker::progress, this, &SyncController::progress);
    connect(m_worker, &SyncWorker::casesChanged, this, &SyncController::casesChanged);
    connect(m_worker, &SyncWorker::errorOccurred, this, &SyncController::errorOccurred);
    connect(m_worker, &SyncWorker::cycleFinished, this, &SyncController::cycleFinished);
    connect(m_worker, &SyncWorker::startFinished, this, &SyncController::startFinished);
    connect(m_worker, &SyncWorker::deviceWiped, this, [this]() {
        m_config.token.clear();
        Q_EMIT deviceWiped();
    });
    connect(m_worker, &SyncWorker::accountDisabled, this, [this]() {
        m_config.token.clear();
        m_credentials->removeToken(
            CredentialStore::keyFor(m_config.server, m_config.user), [self = QPointer(this)](Status removed) {
                if (!removed.ok())
                    qCWarning(lcSyncWorker) << "cannot remove the token:" << removed.error().toString();
                if (self)
                    Q_EMIT self->accountDisabled();
            });
    });
}

// The worker is deleted on the sync thread as it ends; its destructor stops it there (requests
// abort, timers stop).
SyncController::~SyncController() = default;

void SyncController::start()
{
    if (m_started)
        return;
    m_started = true;
    if (m_config.useReachability)
        Reachability::loadSystemBackend(); // the system backend lives in this (the main) thread
    if (!m_config.token.isEmpty()) {
        startThread(m_config.token);
        return;
    }
    // The store may be shared and outlive this controller: its answer is dropped if this went.
    m_credentials->readToken(
        CredentialStore::keyFor(m_config.server, m_config.user), [self = QPointer(this)](Result<QString> t) {
            if (!self)
                return;
            self->tokenRead(t);
        });
}

void SyncController::tokenRead(const Result<QString> &t)
{
    if (t.ok()) {
        startThread(t.value());
        return;
    }
    // No token (never signed in, signed out) or no keychain: the engine does not start.
    const bool missing = t.error().code == QLatin1String(errc::NotFound);
    m_state = missing ? State::SignInRequired : State::Error;
    Q_EMIT stateChanged(m_state);
    Q_EMIT errorOccurred(t.error().message);
    Q_EMIT startFinished(
        false, missing ? QString::fromLatin1(errc::Unauthenticated) : t.error().code, t.error().message);
}

void SyncController::startThread(const QString &token)
{
    // Not running yet: the worker can still be configured directly.
    m_worker->setInitialToken(token);
    m_config.token = token;
    m_thread.start();
    Q_EMIT tokenChanged(token);
}

void SyncController::syncNow()
{
    QMetaObject::invokeMethod(m_worker, &SyncWorker::syncNow, Qt::QueuedConnection);
}

void SyncController::localChangeMade()
{
    QMetaObject::invokeMethod(m_worker, &SyncWorker::localChangeMade, Qt::QueuedConnection);
}

void SyncController::setInterval(int ms)
{
    m_config.interval = std::chrono::milliseconds(std::max(ms, 1000));
    SyncWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, ms]() { worker->setInterval(ms); }, Qt::QueuedConnection);
}

void SyncController::setPrefetchBudget(qint64 bytes)
{
    m_config.prefetchBudget = bytes;
    SyncWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, bytes]() { worker->setPrefetchBudget(bytes); }, Qt::QueuedConnection);
}

void SyncController::setToken(const QString &token)
{
    if (!m_thread.isRunning()) {
        if (m_started)
            startThread(token);
        else
            m_config.token = token;
        return;
    }
    m_config.token = token;
    Q_EMIT tokenChanged(token);
    SyncWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, token]() { worker->setToken(token); }, Qt::QueuedConnection);
}

void SyncController::requestFullSync()
{
    QMetaObject::invokeMethod(m_worker, &SyncWorker::requestFullSync, Qt::QueuedConnection);
}

} // namespace outpost::sync
