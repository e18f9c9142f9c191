// SPDX-License-Identifier: MIT
#pragma once

#include "result.h"
#include "syncconfig.h"
#include "syncservices.h"
#include "thread/workerthread.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>

#include <memory>

namespace outpost::sync {

class CredentialStore;
class SyncWorker;

/// The face of the sync engine for the GUI or CLI thread: owns the sync thread and its worker,
/// forwards requests to it and its signals back (queued; value types only). Never blocks on
/// network or SQL. Destroying it stops the engine (aborting requests) and joins the thread.
/// The token comes from `services.credentials` (on this thread), the engine's HTTP goes through
/// `services.http`; null ones get the real defaults (SyncServices::withDefaults).
class SyncController : public QObject
{
    Q_OBJECT
public:
    using State = SyncState;

    explicit SyncController(const SyncConfig &config, SyncServices services = {}, QObject *parent = nullptr);
    ~SyncController() override;

    /// Reads the token from the keychain (here, on this thread, unless the config carries one), then
    /// starts the sync thread; the worker opens the store and syncs (if configured).
    void start();
    State state() const { return m_state; }
    int pendingCount() const { return m_pending; }
    int conflictCount() const { return m_conflicts; }
    QDateTime lastSync() const { return m_lastSync; }
    /// The periodic sync's interval the engine was last given (config, then setInterval()).
    std::chrono::milliseconds interval() const { return m_config.interval; }
    /// The token the engine runs with (empty until start() read it from the keychain).
    QString token() const { return m_config.token; }

public Q_SLOTS:
    void syncNow();
    /// Call after every committed local change; the engine syncs after a short debounce.
    void localChangeMade();
    void setInterval(int ms);
    /// Bytes of attachments kept on the device (SyncConfig::prefetchBudget), from the next cycle.
    void setPrefetchBudget(qint64 bytes);
    void setToken(const QString &token);
    void requestFullSync();

Q_SIGNALS:
    void stateChanged(outpost::sync::SyncState state);
    void progress(const QString &phase, int done, int total);
    void pendingCountChanged(int count);
    void conflictCountChanged(int count);
    void casesChanged(const QStringList &caseIds);
    void lastSyncChanged(const QDateTime &when);
    void errorOccurred(const QString &message);
    void cycleFinished(bool ok, const QString &errorCode, const QString &message);
    void startFinished(bool ok, const QString &errorCode, const QString &message);
    /// The server disabled this user: the store's offline verifier and the keychain's token are
    /// erased (the state is SignInRequired).
    void accountDisabled();
    /// The server wiped this device (device_wiped): the engine stopped. Its owner destroys this
    /// controller (closing the sync thread's store connection), closes its own connections and
    /// erases the store and keychain entries (eraseDevice, devicewipe.h).
    void deviceWiped();
    /// The engine got a token (read from the keychain at start, or a new one from setToken());
    /// other requests of the session (case history, attachment downloads) use the same.
    void tokenChanged(const QString &token);

private:
    void tokenRead(const Result<QString> &token);
    void startThread(const QString &token);

    SyncConfig m_config;
    std::shared_ptr<CredentialStore> m_credentials;
    SyncWorker *m_worker; // owned by m_thread
    WorkerThread m_thread; // "outpost-sync"
    State m_state = State::Offline;
    int m_pending = 0;
    int m_conflicts = 0;
    QDateTime m_lastSync;
    bool m_started = false;
};

} // namespace outpost::sync
