// SPDX-License-Identifier: MIT
#pragma once

#include "casetypestore.h"
#include "datapagestore.h"
#include "httptypes.h"
#include "result.h"
#include "retention.h"
#include "signinthrottle.h"

#include <QJsonArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace outpost::server {

struct ServiceOptions {
    QString dbUrl; // "sqlite:/path/file.sqlite" or "postgresql://user[:pw]@host:port/db"
    QString attachmentsDir; // files live here, named by uuid; default: beside the SQLite file / XDG data dir
    int tokenTtlMinutes = 12 * 60;
    /// How long a device may sign in offline after its last contact (protocol extension
    /// offlineWindowSeconds of POST /session); 0: never.
    int offlineDays = 7;
    qint64 maxJsonBytes = 1 << 20; // 1 MiB
    qint64 maxAttachmentBytes = 20 << 20; // 20 MiB
    qint64 maxCsvBytes = 64 << 20; // a data page's CSV import (POST /admin/data-pages/{name}/csv)
    int maxPageLimit = 5000;
    // Passwords: PBKDF2-HMAC-SHA256 cost of new hashes (older ones are rehashed at the next
    // successful sign-in), the minimum length of passwords set by user commands, the threads that
    // hash at sign-in and how many sign-ins may wait for them (more: 503 busy); docs/security.md.
    int pbkdf2Iterations = 600000;
    int minPasswordLength = 12;
    int hashThreads = 2;
    int hashQueue = 4;
    ThrottleLimits signInThrottle {};
    // Peers whose X-Forwarded-For names the client's address (a reverse proxy in front); the last
    // address in the header counts for sign-in throttling.
    QStringList trustedProxies {};
    int resultRetentionDays = 30;
    int maxSyncIssuesPerUser = 500; // the oldest beyond it are removed, resolved ones first
    // Feed history (scope_log, tombstones) older than this is pruned; a token older than what is
    // left gets 410 full_sync_required. startPruning() prunes every pruneIntervalMinutes, each
    // transaction covering at most pruneBatchSeqs sequence numbers.
    int feedRetentionDays = 30;
    int pruneIntervalMinutes = 60;
    int pruneBatchSeqs = 20000;
    // Write transactions at once, writers waiting for a turn, and the longest wait; beyond these a
    // write is answered 503 "busy" with Retry-After, so waiting writers never hold every worker.
    int maxWriters = 2;
    int maxQueuedWriters = 8;
    int writeWaitMs = 10000;
    // A device is stuck when work waits on it and it has not synced for this long (GET
    // /admin/devices, `outpostd device list`; both may ask for another period).
    int deviceStuckHours = 24;
};

struct UserInfo {
    QString id, displayName;
    QStringList roles, queues;
};

class ServiceImpl;

/// The whole of outpostd behind the transport: database, sessions, feed, actions, attachments,
/// administration. Thread-safe: handler().handle() runs on several worker threads at once.
class Service
{
public:
    /// Connects, migrates (numbered migrations, one transaction each); a clear Error on a bad URL,
    /// an unreachable database or a database written by a newer version.
    static Result<std::unique_ptr<Service>> open(const ServiceOptions &options);
    ~Service();
    Service(const Service &) = delete;
    Service &operator=(const Service &) = delete;

    http::Handler &handler(); // the whole HTTP API
    void setNotifyHub(http::NotifyHub *hub); // pushes go here once the transport is up
    /// Deterministic; no-op when already seeded. `history`: entries per case (created, then notes).
    Status seedDemo(int cases, int history = 0);
    Status addUser(const UserInfo &user, const QString &password);
    Status setPassword(const QString &userId, const QString &password);
    /// A disabled user's sessions end at once; their sign-ins and requests answer account_disabled.
    Status setUserDisabled(const QString &userId, bool disabled);
    Result<QList<UserInfo>> listUsers();
    /// A wiped device's sessions end; they and its sign-ins answer device_wiped (it then erases its
    /// store and keychain entries) until it is unwiped. Recorded in the audit, `by` whom.
    Status setDeviceWiped(const QString &deviceId, bool wiped, const QString &by);
    /// Every device that signed in, as GET /admin/devices lists them; stuckHours ≤ 0: the option's.
    Result<QJsonArray> listDevices(int stuckHours);
    /// `outpostd data-page import|export`: as POST/GET /admin/data-pages/{name}/csv (an import that
    /// changed rows hints every device, through PostgreSQL's NOTIFY to running instances).
    Result<DataPageStore::ImportReport> importDataPage(
        const QString &page, const QByteArray &csv, bool dryRun);
    Result<QByteArray> exportDataPage(const QString &page);
    /// `outpostd case-type put`: checked as PUT /admin/case-types/{name} checks it, with the verdict
    /// of POST …/check; published unless `checkOnly` or invalid (*published says whether it was).
    Result<CaseTypeStore::Check> putCaseType(const QByteArray &json, bool checkOnly, bool *published);
    /// One prune of the feed history with `now` as the clock (see FeedRetention).
    Result<PruneReport> pruneFeed(const QDateTime &now);
    /// Prunes now and then every pruneIntervalMinutes on a thread of its own, until destruction.
    void startPruning();

private:
    explicit Service(std::unique_ptr<ServiceImpl> impl);
    std::unique_ptr<ServiceImpl> m_impl;
};

} // namespace outpost::server
