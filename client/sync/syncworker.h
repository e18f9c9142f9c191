// SPDX-License-Identifier: MIT
#pragma once

#include "apitypes.h"
#include "backoff.h"
#include "syncconfig.h"

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>

namespace outpost::client {
class LocalStore;
struct QueuedAction;
struct UploadSummary;
} // namespace outpost::client

namespace outpost::sync {

class ActionUploader;
class AttachmentPrefetcher;
class ApiClient;
class HttpTransport;
class NotifyClient;
class Reachability;
class SyncTriggers;

/// The sync engine. A worker QObject moved to the sync thread (SyncController owns the thread);
/// everything it creates lives there, including its own LocalStore (its own DB connection named
/// after the thread). All state of a sync lives in the store, so a cycle interrupted anywhere
/// (crash, kill, network cut) resumes on the next trigger.
///
/// One cycle: attachments, then actions in batches (≤500, two requests in flight, see
/// ActionUploader; a request the server refuses as a whole is split), then the changes feed from
/// the stored token following `next` until `more` is false (one store transaction per page; the
/// next page is requested before the current one is applied, so the server and the network work
/// while the store writes; the cursor stored with a page is that page's own `next`); 410 →
/// full sync with the queue kept. Failures back off (1 s → 5 min, full jitter); 401 → SignInRequired and the
/// queue waits untouched until setToken().
class SyncWorker : public QObject
{
    Q_OBJECT
public:
    /// `config.token` must be set (SyncController reads it from the keychain); without one the
    /// engine reports SignInRequired. Its clients use `http` (null: a transport of its own).
    explicit SyncWorker(
        SyncConfig config, std::shared_ptr<HttpTransport> http = {}, QObject *parent = nullptr);
    ~SyncWorker() override;
    /// Before the worker's thread starts only.
    void setInitialToken(const QString &token) { m_config.token = token; }

public Q_SLOTS:
    /// Opens the store, requeues actions left inflight, gets the token, starts the triggers.
    void start();
    /// Aborts requests and stops every trigger (the store stays consistent by construction).
    void stop();
    void syncNow();
    /// A local change was committed; syncs after the debounce delay.
    void localChangeMade();
    void setInterval(qint64 ms);
    /// Bytes of attachments to keep on the device (SyncConfig::prefetchBudget), from the next cycle.
    void setPrefetchBudget(qint64 bytes);
    /// A fresh token after the user signed in again.
    void setToken(const QString &token);
    /// The next cycle downloads everything again (queued actions are kept).
    void requestFullSync();

Q_SIGNALS:
    /// The server answered device_wiped, or retired the device after its upload (the cycle ends with
    /// device_retired): the engine stopped; the store must be erased.
    void deviceWiped();
    void stateChanged(outpost::sync::SyncState state);
    /// Phases: "attachments", "upload" (done of total), "download" (pages so far, total 0),
    /// "prefetch" (attachments on the device of those wanted, at the end of a cycle) and
    /// "fullSync": cases received of all the full sync brings once its first page said how many
    /// (protocol extension "total"), else pages so far with total 0.
    void progress(const QString &phase, int done, int total);
    void pendingCountChanged(int count);
    void conflictCountChanged(int count);
    void casesChanged(const QStringList &caseIds);
    void lastSyncChanged(const QDateTime &when);
    void errorOccurred(const QString &message);
    /// The end of one cycle: ok, or the error's code and message.
    void cycleFinished(bool ok, const QString &errorCode, const QString &message);
    /// start() is done: ok, or why the engine cannot run (store damaged, keychain...).
    void startFinished(bool ok, const QString &errorCode, const QString &message);
    /// The server answered account_disabled: the store's offline verifier is erased already.
    void accountDisabled();

private:
    void beginWithToken(const QString &token);
    void trigger(const QString &why);
    /// The machine woke up: forget the backoff and ask the server now.
    void resumed();
    void runCycle();
    void uploadAttachments();
    void uploadActions();
    bool hasAttachmentsToTry() const;
    void batchUploaded(const client::UploadSummary &summary);
    void download(const QString &since, bool fullSync, int page);
    /// Requests one page of the feed; its answer goes to applyPage unless the cycle ended meanwhile.
    void fetchPage(const QString &since, bool fullSync, int page);
    void applyPage(Result<ChangesPage> r, bool fullSync, int page);
    void finishCycle();
    /// The cycle's last step: this device's report (DeviceReporter), then `then` runs whatever the
    /// answer was (an older server's 404 and a failed report are only logged); the answer's orders
    /// are carried out first (a full sync next, or retirement).
    void report(const QString &lastError, std::function<void()> then);
    /// The end of a successful cycle, after its report.
    void cycleSucceeded();
    void failCycle(const Error &error);
    void setState(SyncState s);
    void publishCounts();
    void log(int level, const QString &message);

    SyncConfig m_config;
    std::shared_ptr<HttpTransport> m_http;
    std::unique_ptr<client::LocalStore> m_store;
    ApiClient *m_api = nullptr;
    ActionUploader *m_uploader = nullptr;
    AttachmentPrefetcher *m_prefetcher = nullptr;
    Reachability *m_reachability = nullptr;
    NotifyClient *m_notify = nullptr;
    SyncTriggers *m_triggers;
    QTimer m_debounceTimer;
    QTimer m_retryTimer;
    Backoff m_backoff;
    QString m_deviceId;
    QString m_token;
    SyncState m_state = SyncState::Offline;
    bool m_running = false;
    bool m_busy = false;
    bool m_again = false;
    bool m_fullSyncRequested = false;
    bool m_restartedFullSync = false;
    /// This cycle moved something forward (a batch's results, a page or an attachment stored): if
    /// it fails after all, the server is there and working, so the retry comes soon (backoff reset)
    /// instead of after the growing delay of a server that answers nothing.
    bool m_cycleProgress = false;
    /// Counts cycles: an answer to a request of an earlier cycle (a prefetched page whose cycle
    /// failed) is dropped.
    quint64 m_cycle = 0;
    QSet<QString> m_failedAttachments;
    int m_uploadTotal = 0;
    int m_casesTotal = 0; // cases a full sync brings, as its first page said (0: unknown)
    int m_casesReceived = 0; // cases received so far in this full sync
    int m_lastPending = -1;
    int m_lastConflicts = -1;
};

} // namespace outpost::sync
