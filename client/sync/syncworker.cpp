// SPDX-License-Identifier: MIT
#include "syncworker.h"

#include "sealedfile.h"

#include "thread/background.h"

#include "actionuploader.h"
#include "apiclient.h"
#include "attachmentprefetcher.h"
#include "devicereporter.h"
#include "httptransport.h"
#include "localstore.h"
#include "notifyclient.h"
#include "reachability.h"
#include "signin.h"
#include "synclogging.h"
#include "synctriggers.h"

#include <QThread>

namespace outpost::sync {

using client::EventLevel;
using client::LocalStore;

namespace {
const QString Category = QStringLiteral("sync");
} // namespace

SyncWorker::SyncWorker(SyncConfig config, std::shared_ptr<HttpTransport> http, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_http(std::move(http))
    , m_triggers(new SyncTriggers(this))
    , m_backoff(std::chrono::seconds(1), std::chrono::minutes(5))
{
    m_debounceTimer.setParent(this);
    m_retryTimer.setParent(this);
    m_debounceTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(m_triggers, &SyncTriggers::triggered, this, &SyncWorker::trigger);
    connect(m_triggers, &SyncTriggers::resumed, this, &SyncWorker::resumed);
    connect(&m_debounceTimer, &QTimer::timeout, this, [this]() { trigger(QStringLiteral("local change")); });
    connect(&m_retryTimer, &QTimer::timeout, this, [this]() { trigger(QStringLiteral("retry")); });
}

SyncWorker::~SyncWorker()
{
    stop();
}

void SyncWorker::log(int level, const QString &message)
{
    if (m_store)
        m_store->logEvent(EventLevel(level), Category, message);
}

void SyncWorker::start()
{
    lowerCurrentThreadPriority(); // the engine's thread yields to the GUI thread on a busy machine
    LocalStore::Options options;
    options.verify = false; // the application verified the store when it opened it first
    auto store = LocalStore::open(m_config.storePath, options);
    if (!store.ok()) {
        qCWarning(lcSyncWorker) << "cannot open the store:" << store.error().toString();
        setState(SyncState::Error);
        Q_EMIT errorOccurred(store.error().toString());
        Q_EMIT startFinished(false, store.error().code, store.error().toString());
        return;
    }
    m_store = std::move(store).value();
    // A request cut short by a crash left actions inflight; resending them is safe (exactly once).
    if (Status s = m_store->upload().requeueInflight(); !s.ok())
        qCWarning(lcSyncWorker) << "requeue of inflight actions failed:" << s.error().toString();
    m_deviceId = m_store->deviceId();
    if (!m_http)
        m_http = std::make_shared<HttpTransport>();
    m_api = new ApiClient(m_http, this);
    m_api->setServer(m_config.server);
    m_api->setTransferTimeout(m_config.transferTimeout);
    m_uploader = new ActionUploader(m_store.get(), m_api, this);
    m_prefetcher = new AttachmentPrefetcher(m_store.get(), m_api, this);
    connect(m_prefetcher, &AttachmentPrefetcher::progress, this,
        [this](int done, int total) { Q_EMIT progress(QStringLiteral("prefetch"), done, total); });
    m_uploader->setBatchSize(m_config.batchSize);
    m_uploader->setDepth(m_config.uploadDepth);
    connect(m_uploader, &ActionUploader::uploaded, this,
        [this](int done) { Q_EMIT progress(QStringLiteral("upload"), done, std::max(m_uploadTotal, done)); });
    connect(m_uploader, &ActionUploader::batchApplied, this, &SyncWorker::batchUploaded);
    connect(m_uploader, &ActionUploader::batchApplied, this, [this]() { m_cycleProgress = true; });
    connect(m_api, &ApiClient::unauthenticated, this, [this]() {
        m_token.clear();
        setState(SyncState::SignInRequired);
    });
    m_running = true;
    publishCounts();
    if (m_config.token.isEmpty()) {
        // The controller reads the keychain on the main thread (QtKeychain is not thread-safe).
        setState(SyncState::SignInRequired);
        const QString message = QStringLiteral("No saved session for %1; sign in.").arg(m_config.user);
        Q_EMIT errorOccurred(message);
        Q_EMIT startFinished(false, QString::fromLatin1(errc::Unauthenticated), message);
        return;
    }
    beginWithToken(m_config.token);
}

void SyncWorker::beginWithToken(const QString &token)
{
    m_token = token;
    m_api->setToken(token);
    if (m_config.useReachability && !m_reachability) {
        // The probe has its own client (on the same transport) so that aborting a sync never
        // aborts a probe.
        auto *probeApi = new ApiClient(m_http, this);
        m_reachability = new Reachability(probeApi, this);
        probeApi->setServer(m_config.server);
        probeApi->setTransferTimeout(std::chrono::milliseconds(10000));
        m_reachability->setProbeInterval(m_config.probeInterval);
        m_reachability->setMaxRetryDelay(m_config.offlineProbeMax);
        connect(m_reachability, &Reachability::regained, m_triggers, &SyncTriggers::networkRegained);
        connect(m_reachability, &Reachability::reachableChanged, this, [this](bool up) {
            if (!up && !m_busy && m_state != SyncState::SignInRequired)
                setState(SyncState::Offline);
        });
        m_reachability->start();
    }
    if (m_config.usePush) {
        if (!m_notify) {
            m_notify = new NotifyClient(this);
            m_notify->setTransportPolicy(m_http->policy());
            connect(m_notify, &NotifyClient::changesHinted, this,
                [this]() { trigger(QStringLiteral("push hint")); });
            connect(m_notify, &NotifyClient::fullSyncRequired, this, [this]() {
                m_fullSyncRequested = true;
                trigger(QStringLiteral("push: full sync required"));
            });
            // A dropped push connection is the first sign of a lost network or a stopped server:
            // ask now rather than at the next probe, so "Offline" shows within a second or two.
            connect(m_notify, &NotifyClient::connectedChanged, this, [this](bool connected) {
                if (!connected && m_reachability)
                    m_reachability->probeNow();
            });
        }
        m_notify->start(m_config.server, token);
    }
    if (m_config.watchSleep && !m_triggers->sleepSource())
        m_triggers->setSleepSource(m_config.sleepSource ? m_config.sleepSource() : new LogindSleepSource());
    m_triggers->setPeriodic(m_config.periodic);
    m_triggers->setInterval(m_config.interval);
    m_triggers->start(m_config.syncAtStart);
    Q_EMIT startFinished(true, QString(), QString());
    if (!m_config.syncAtStart && m_state != SyncState::SignInRequired)
        setState(SyncState::Online);
}

void SyncWorker::stop()
{
    m_running = false;
    m_triggers->stop();
    m_debounceTimer.stop();
    m_retryTimer.stop();
    if (m_notify)
        m_notify->stop();
    if (m_reachability)
        m_reachability->stop();
    if (m_api)
        m_api->abortAll(); // a prefetch running ends with its downloads, and the cycle with it
}

void SyncWorker::syncNow()
{
    m_backoff.reset();
    m_retryTimer.stop();
    trigger(QStringLiteral("sync now"));
}

void SyncWorker::localChangeMade()
{
    publishCounts();
    m_debounceTimer.start(m_config.debounce);
}

void SyncWorker::setPrefetchBudget(qint64 bytes)
{
    m_config.prefetchBudget = std::max<qint64>(0, bytes);
}

void SyncWorker::setInterval(qint64 ms)
{
    m_config.interval = std::chrono::milliseconds(std::max<qint64>(ms, 1000));
    m_triggers->setInterval(m_config.interval);
}

void SyncWorker::resumed()
{
    // The network may take a few seconds to come back: the cycle below may fail, and the probe
    // (backoff reset, capped at SyncConfig::offlineProbeMax) triggers again once it answers.
    m_backoff.reset();
    m_retryTimer.stop();
    if (m_reachability)
        m_reachability->wake();
}

void SyncWorker::setToken(const QString &token)
{
    m_config.token = token;
    if (!m_store) {
        return;
    }
    m_running = true;
    beginWithToken(token);
}

void SyncWorker::requestFullSync()
{
    m_fullSyncRequested = true;
    trigger(QStringLiteral("full sync requested"));
}

void SyncWorker::trigger(const QString &why)
{
    if (!m_running || !m_store)
        return;
    if (m_token.isEmpty()) {
        setState(SyncState::SignInRequired);
        return;
    }
    if (m_busy) {
        m_again = true;
        return;
    }
    qCDebug(lcSyncWorker) << "sync triggered by" << why;
    runCycle();
}

void SyncWorker::runCycle()
{
    ++m_cycle;
    m_busy = true;
    m_again = false;
    m_restartedFullSync = false;
    m_cycleProgress = false;
    m_failedAttachments.clear();
    m_uploadTotal = m_store->reads().pendingCount();
    m_retryTimer.stop();
    m_triggers->cycleStarted();
    setState(SyncState::Syncing);
    uploadAttachments();
}

void SyncWorker::uploadAttachments()
{
    // Attachments first, so that a case's files are on the server before actions refer to them.
    // Resumable: each one is marked uploaded as soon as the server confirmed its sha256.
    QList<client::AttachmentInfo> todo = m_store->upload().attachmentsToUpload();
    todo.erase(std::remove_if(todo.begin(), todo.end(),
                   [this](const client::AttachmentInfo &a) { return m_failedAttachments.contains(a.id); }),
        todo.end());
    if (todo.isEmpty()) {
        uploadActions();
        return;
    }
    const client::AttachmentInfo a = todo.first();
    Q_EMIT progress(QStringLiteral("attachments"), 0, int(todo.size()));
    // The copy beside the store is sealed with its key: opened here, sent from memory.
    const Result<QByteArray> data = client::sealedfile::read(m_store->path(), a.localPath);
    if (!data) {
        m_failedAttachments.insert(a.id);
        log(int(EventLevel::Warning),
            QStringLiteral("attachment %1 (%2) not uploaded: %3").arg(a.id, a.name, data.error().toString()));
        uploadAttachments();
        return;
    }
    m_api->putAttachment(
        a.id, a.caseId, a.name, a.mime, data.value(), [this, a](Result<UploadedAttachment> r) {
            if (!r.ok()) {
                if (isTransientError(r.error()) || r.error().code == QLatin1String(errc::Unauthenticated)
                    || r.error().code == QLatin1String(errc::DeviceWiped)
                    || r.error().code == QLatin1String(errc::Canceled)) {
                    failCycle(r.error());
                    return;
                }
                // Refused for good (too large, unreadable file, case gone): it must not hold the
                // actions back; it is retried next cycle and stays listed for the user.
                m_failedAttachments.insert(a.id);
                log(int(EventLevel::Warning),
                    QStringLiteral("attachment %1 (%2) not uploaded: %3")
                        .arg(a.id, a.name, r.error().toString()));
                uploadAttachments();
                return;
            }
            if (Status s = m_store->upload().markAttachmentUploaded(a.id); !s.ok()) {
                failCycle(s.error());
                return;
            }
            m_cycleProgress = true;
            uploadAttachments();
        });
}

bool SyncWorker::hasAttachmentsToTry() const
{
    const QList<client::AttachmentInfo> todo = m_store->upload().attachmentsToUpload();
    return std::any_of(todo.cbegin(), todo.cend(),
        [this](const client::AttachmentInfo &a) { return !m_failedAttachments.contains(a.id); });
}

void SyncWorker::uploadActions()
{
    Q_EMIT progress(QStringLiteral("upload"), 0, m_uploadTotal);
    m_uploader->start(m_deviceId, [this](Status s) {
        if (!s.ok()) {
            failCycle(s.error());
            return;
        }
        // A create just applied gave its case a server id: that case's files (a signature) can go
        // now, and the actions that wait for them (QueueGate) after them, in this cycle.
        if (hasAttachmentsToTry()) {
            // Queued: the uploader is still unwinding from this answer when it reports.
            QMetaObject::invokeMethod(this, &SyncWorker::uploadAttachments, Qt::QueuedConnection);
            return;
        }
        const bool full = m_fullSyncRequested || m_store->pages().fullSyncInProgress()
            || m_store->pages().syncToken().isEmpty();
        download(full ? m_store->pages().fullSyncCursor() : m_store->pages().syncToken(), full, 0);
    });
}

void SyncWorker::batchUploaded(const client::UploadSummary &summary)
{
    log(int(EventLevel::Info),
        QStringLiteral(
            "uploaded %1 actions: %2 applied, %3 conflicts (%4 merged, %5 for the user), %6 issues, "
            "%7 skipped")
            .arg(summary.applied + summary.conflicts + summary.issues + summary.skipped)
            .arg(summary.applied)
            .arg(summary.conflicts)
            .arg(summary.requeued)
            .arg(summary.needUser)
            .arg(summary.issues)
            .arg(summary.skipped));
    if (!summary.changedCaseIds.isEmpty())
        Q_EMIT casesChanged(summary.changedCaseIds);
    publishCounts();
}

void SyncWorker::download(const QString &since, bool fullSync, int page)
{
    if (fullSync && !m_store->pages().fullSyncInProgress()) {
        if (Status s = m_store->pages().beginFullSync(); !s.ok()) {
            failCycle(s.error());
            return;
        }
        log(int(EventLevel::Info), QStringLiteral("full sync started"));
    }
    m_fullSyncRequested = false;
    if (page == 0) {
        m_casesTotal = 0; // until a first page says (a resumed full sync never hears it again)
        m_casesReceived = 0;
    }
    Q_EMIT progress(fullSync ? QStringLiteral("fullSync") : QStringLiteral("download"), page, 0);
    fetchPage(since, fullSync, page);
}

void SyncWorker::fetchPage(const QString &since, bool fullSync, int page)
{
    const quint64 cycle = m_cycle;
    m_api->changes(since, m_config.pageLimit, [this, cycle, fullSync, page](Result<ChangesPage> r) {
        if (cycle != m_cycle || !m_busy)
            return; // the cycle that asked for it ended already (it failed while applying a page)
        applyPage(std::move(r), fullSync, page);
    });
}

void SyncWorker::applyPage(Result<ChangesPage> r, bool fullSync, int page)
{
    if (!r.ok()) {
        if (r.error().code == QLatin1String(errc::FullSyncRequired) && !m_restartedFullSync) {
            // Unknown or too old token (or a forced full sync): start over from nothing; the
            // queue stays as it is and is re-applied on top when the full sync finishes.
            m_restartedFullSync = true;
            log(int(EventLevel::Info), QStringLiteral("server requires a full sync"));
            if (Status s = m_store->pages().beginFullSync(); !s.ok()) {
                failCycle(s.error());
                return;
            }
            download(QString(), true, 0);
            return;
        }
        failCycle(r.error());
        return;
    }
    const ChangesPage &p = r.value();
    // The next page is on its way while this one is written: the request runs, and its answer is
    // parsed, on the HTTP thread (HttpTransport) while this thread is in SQL. The
    // store keeps this page's `next` as the cursor only in this page's transaction, so a sync
    // interrupted anywhere resumes after the last page applied.
    if (p.more)
        fetchPage(p.next, fullSync, page + 1);
    auto changed = m_store->pages().applyPage(p, fullSync);
    if (!changed.ok()) {
        if (p.more) {
            ++m_cycle; // first: the aborted request's answer (possibly right away) is dropped
            m_api->abortAll();
        }
        failCycle(changed.error());
        return;
    }
    m_cycleProgress = true;
    if (!changed->isEmpty())
        Q_EMIT casesChanged(changed.value());
    if (p.totalCases >= 0)
        m_casesTotal = int(p.totalCases);
    for (const Change &c : p.changes)
        m_casesReceived += c.kind == ChangeKind::Case && !c.remove ? 1 : 0;
    if (p.more) {
        // A full sync whose first page said how many cases come: "cases received of all" (the
        // status bar and `outpost sync` show it with an estimate); otherwise pages so far.
        if (fullSync && m_casesTotal > 0)
            Q_EMIT progress(
                QStringLiteral("fullSync"), std::min(m_casesReceived, m_casesTotal), m_casesTotal);
        else
            Q_EMIT progress(fullSync ? QStringLiteral("fullSync") : QStringLiteral("download"), page + 1, 0);
        return; // the page requested ahead continues the cycle
    }
    if (fullSync && m_casesTotal > 0)
        Q_EMIT progress(QStringLiteral("fullSync"), m_casesTotal, m_casesTotal);
    if (fullSync) {
        auto removed = m_store->pages().finishFullSync(p.next);
        if (!removed.ok()) {
            failCycle(removed.error());
            return;
        }
        log(int(EventLevel::Info), QStringLiteral("full sync finished (%1 pages)").arg(page + 1));
        if (!removed->isEmpty())
            Q_EMIT casesChanged(removed.value());
    }
    finishCycle();
}

void SyncWorker::finishCycle()
{
    const QDateTime now = LocalStore::now();
    (void)m_store->pages().setLastSuccess(now);
    // Then the attachments of the cases on the device, within the budget (a failed download does not
    // fail the cycle: the next one continues where this one stopped).
    const quint64 cycle = m_cycle;
    m_prefetcher->start(m_config.prefetchBudget, [this, cycle](int fetched, int failed) {
        if (cycle != m_cycle)
            return;
        if (!m_running) {
            failCycle(Error(QString::fromLatin1(errc::Canceled), QStringLiteral("The sync was stopped.")));
            return;
        }
        if (fetched > 0 || failed > 0)
            log(int(EventLevel::Info),
                QStringLiteral("attachments prefetched: %1 fetched, %2 failed").arg(fetched).arg(failed));
        report(QString(), [this]() { cycleSucceeded(); });
    });
}

void SyncWorker::report(const QString &lastError, std::function<void()> then)
{
    if (!m_config.deviceReport) {
        then();
        return;
    }
    const quint64 cycle = m_cycle;
    m_api->putDevice(
        DeviceReporter::build(*m_store, lastError), [this, cycle, lastError, then](Result<DeviceOrders> r) {
            if (cycle != m_cycle)
                return; // stopped meanwhile
            if (!r.ok()) {
                const QString &code = r.error().code;
                // What ends a session (signed out from the console, wiped, disabled) or the engine
                // (stopped) ends the cycle as in any other step.
                if (lastError.isEmpty()
                    && (code == QLatin1String(errc::Unauthenticated)
                        || code == QLatin1String(errc::DeviceWiped)
                        || code == QLatin1String(errc::AccountDisabled)
                        || code == QLatin1String(errc::Canceled))) {
                    failCycle(r.error());
                    return;
                }
                // An older server has no such route (404); nothing else about the report fails a cycle.
                if (code != QLatin1String(errc::NotFound))
                    qCInfo(lcSyncWorker) << "device report not sent:" << r.error().code << r.error().message;
                then();
                return;
            }
            if (r.value().retire && lastError.isEmpty()) {
                // Retired by the administrator: everything that could go is on the server; the store
                // is erased like a wiped one's (what still waits, held or in conflict, is lost).
                log(int(EventLevel::Warning),
                    QStringLiteral("the server retired this device: erasing its data"));
                failCycle(Error(QString::fromLatin1(errc::DeviceRetired),
                    QStringLiteral(
                        "This device was retired by the administrator: its work was uploaded and its "
                        "data is erased.")));
                return;
            }
            if (r.value().fullSync) {
                // Recorded in the store, so that it happens even if this process ends first (the CLI).
                log(int(EventLevel::Info), QStringLiteral("the administrator asked for a full sync"));
                if (Status s = m_store->pages().beginFullSync(); !s.ok())
                    m_fullSyncRequested = true;
                m_again = true;
            }
            then();
        });
}

void SyncWorker::cycleSucceeded()
{
    m_busy = false;
    m_backoff.reset();
    const QDateTime now = m_store->pages().lastSuccess();
    if (m_reachability)
        m_reachability->reportSuccess();
    publishCounts();
    setState(SyncState::Online);
    Q_EMIT lastSyncChanged(now);
    Q_EMIT cycleFinished(true, QString(), QString());
    // Work that can still go (an action answered "skipped", one queued again after a merge, an
    // attachment whose case was created in this cycle) goes now, not at the next trigger, which
    // may be the interval minutes away: as long as each cycle moves something forward.
    const bool moreToSend = m_cycleProgress
        && (!m_store->upload().nextBatch(1).isEmpty() || !m_store->upload().attachmentsToUpload().isEmpty());
    if (m_again)
        QTimer::singleShot(0, this, [this]() { trigger(QStringLiteral("changes during the sync")); });
    else if (moreToSend)
        QTimer::singleShot(0, this, [this]() { trigger(QStringLiteral("work left after the sync")); });
}

void SyncWorker::failCycle(const Error &failure)
{
    Error error = failure;
    if (error.code == QLatin1String(DiskFullCode)) // the store said it for a save; this is a sync
        error.message = tr("The device's disk is full: the sync could not keep what it received; nothing "
                           "on the device was lost. Free some space; the sync then continues by itself.");
    m_busy = false;
    ++m_cycle; // a page requested ahead for this cycle is dropped when it arrives
    publishCounts();
    qCInfo(lcSyncWorker) << "sync failed:" << error.code << error.message;
    log(int(EventLevel::Warning), QStringLiteral("sync failed: %1 (%2)").arg(error.message, error.code));
    if (error.code == QLatin1String(errc::Canceled)) {
        Q_EMIT cycleFinished(false, error.code, error.message);
        return;
    }
    if (error.code == QLatin1String(errc::DeviceWiped) || error.code == QLatin1String(errc::DeviceRetired)) {
        // The administrator wiped this device: the engine stops for good; its owner closes every
        // connection to the store and erases it (devicewipe.h). Unsent changes are lost.
        log(int(EventLevel::Warning), QStringLiteral("the server wiped this device: erasing its data"));
        stop();
        m_token.clear();
        m_api->setToken(QString());
        setState(SyncState::SignInRequired);
        Q_EMIT deviceWiped();
    } else if (error.code == QLatin1String(errc::AccountDisabled)) {
        // The administrator disabled this user: nothing on the device may sign them in offline
        // any more; the controller removes the token from the keychain.
        const Status erased
            = m_store->setSyncValues({ { QString::fromLatin1(SignIn::VerifierKey), QString() },
                { QString::fromLatin1(SignIn::OfflineUntilKey), QString() } });
        if (!erased.ok())
            qCWarning(lcSyncWorker) << "cannot erase the offline verifier:" << erased.error().toString();
        log(int(EventLevel::Warning),
            QStringLiteral("the server disabled this user: offline sign-in and the saved session erased"));
        m_token.clear();
        m_api->setToken(QString());
        if (m_notify)
            m_notify->stop();
        setState(SyncState::SignInRequired);
        Q_EMIT accountDisabled();
    } else if (error.code == QLatin1String(errc::Unauthenticated)) {
        m_token.clear();
        setState(SyncState::SignInRequired);
    } else {
        const bool away
            = error.code == QLatin1String(errc::Unreachable) || error.code == QLatin1String(errc::Timeout);
        if (away && m_reachability)
            m_reachability->reportFailure();
        setState(away ? SyncState::Offline : SyncState::Error);
        if (m_cycleProgress)
            m_backoff.reset(); // a flaky line, not a dead server: the rest follows soon
        if (m_running) {
            const auto delay = m_backoff.next();
            qCDebug(lcSyncWorker) << "retry in" << delay.count() << "ms";
            m_retryTimer.start(delay);
        }
        // The server is there but the cycle failed: the console shows why.
        if (!away && m_running && m_api)
            report(error.message, []() {});
    }
    Q_EMIT errorOccurred(error.message);
    Q_EMIT cycleFinished(false, error.code, error.message);
}

void SyncWorker::setState(SyncState s)
{
    if (s == m_state)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

void SyncWorker::publishCounts()
{
    if (!m_store)
        return;
    const int pending = m_store->reads().pendingCount();
    const int conflicts = m_store->reads().conflictCount();
    if (pending != m_lastPending) {
        m_lastPending = pending;
        Q_EMIT pendingCountChanged(pending);
    }
    if (conflicts != m_lastConflicts) {
        m_lastConflicts = conflicts;
        Q_EMIT conflictCountChanged(conflicts);
    }
}

} // namespace outpost::sync
