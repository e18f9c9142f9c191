// SPDX-License-Identifier: MIT
#pragma once

#include "localedits.h"
#include "result.h"
#include "serverpages.h"
#include "storereads.h"
#include "storetypes.h"
#include "uploadqueue.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace outpost::client {

struct StoreParts;

/// Where a user's store lives: one SQLite file per user and server, attachments beside it.
class StoreLocation
{
public:
    /// QStandardPaths::AppDataLocation (the CLI overrides it with --profile DIR).
    static QString defaultProfileDir();
    /// "<profileDir>/alice@127.0.0.1_8470.sqlite" (characters unsafe in file names become '_').
    static QString pathFor(const QString &profileDir, const QUrl &serverUrl, const QString &userId);
    /// "<store path without .sqlite>.attachments/"
    static QString attachmentsDirFor(const QString &storePath);
    /// "<store path without .sqlite>.cache/": copies of attachments opened or downloaded (sealed).
    static QString cacheDirFor(const QString &storePath);
};

/// The client's offline store: the source of truth on the device. Server copies of cases, the
/// local pending state, the outbox, conflicts, sync issues, attachments, event log, sync state.
/// This class opens, checks and migrates the file and keeps the sync state; the work is done by
/// its four roles, each in a header of its own:
///   edits()   LocalEdits   what the user changes offline (change + queued action, one transaction)
///   upload()  UploadQueue  the next batch to send and what the server's answers do
///   pages()   ServerPages  applying the server's change pages (full and delta)
///   reads()   StoreReads   everything screens, CLI and engine read
///
/// Threads: one instance per thread. Each instance opens its own QSqlDatabase connection named
/// "outpost-store-<thread name or id>" on the same file (WAL lets readers and one writer overlap).
/// Create, use and destroy an instance on one thread (QSqlDatabase connections belong to the thread
/// that made them). Not a QObject, not copyable; values returned are plain structs safe to pass
/// across threads. Writers take the file lock with BEGIN IMMEDIATE (busy timeout 10 s).
///
/// Error codes: validation_failed, not_found, invalid_transition, missing_fields,
/// unknown_case_type, not_allowed, store_damaged, store_too_new, store_io, disk_full (a write
/// failed for want of space: said in people's words, storeerrors.h), bad_response.
class LocalStore
{
public:
    struct Options {
        /// PRAGMA synchronous=FULL (default): a committed local change survives power loss.
        /// false → NORMAL (survives process crashes only).
        bool synchronousFull = true;
        /// Largest file attachFile() accepts.
        qint64 maxAttachmentBytes = 20 * 1024 * 1024;
        /// Check the store at open: the queue audit always, PRAGMA integrity_check when the last
        /// process that had the store open did not close it (crash, kill -9, power loss), when an
        /// earlier check did not pass, or when `fullCheck` is set (the first instance of a process
        /// should verify; further instances on other threads may skip it).
        bool verify = true;
        /// With `verify`: PRAGMA integrity_check even after a clean shutdown (`outpost check`).
        bool fullCheck = false;
    };

    /// Opens (creating or migrating) the store at `path`. Runs the checks `options` ask for (see
    /// Options::verify). A damaged store → Error "store_damaged"; it is moved aside (renamed with a
    /// timestamp, error.fields["movedTo"]) only when it holds no readable pending work, never reset with
    /// pending work inside. A store written by a newer version → "store_too_new".
    static Result<std::unique_ptr<LocalStore>> open(const QString &path, const Options &options);
    /// The device's clock for what the store and the engine stamp (an action's clientTime, queue,
    /// event and last-sync times): the system's UTC time unless set. Tests skew it (a device whose
    /// clock is an hour or a day off must sync the same). Process-wide: set it before a store opens.
    using Clock = std::function<QDateTime()>;
    static void setClock(Clock clock);
    static QDateTime now();
    static Result<std::unique_ptr<LocalStore>> open(const QString &path) { return open(path, Options()); }
    /// Reads whatever queued work can still be read from a store (also a damaged one), without
    /// changing it: {"outbox": [{"seq", "state", "action", "baseFields"}...], "syncIssues": [...],
    /// "errors": [...]}. For support and `outpost export-diagnostics` when open() says store_damaged.
    static QJsonObject salvagePendingWork(const QString &path);
    /// "Recover unsent work" from a damaged store (recovery.cpp): the queued actions (with their ids)
    /// and attachments not yet uploaded that still read are copied into a fresh store at `path`;
    /// the damaged file is renamed aside (RecoveryReport::movedTo), never deleted; the device id,
    /// user, server and offline verifier come along; the next sync is a full one. Nobody may have
    /// the store open meanwhile.
    static Result<RecoveryReport> recoverUnsentWork(const QString &path);
    /// One sync-state value read through a read-only connection, without opening (checking,
    /// migrating) the store: empty when the file, the table or the key is missing or unreadable.
    /// Lets a caller start work that needs the value while open() still verifies the store.
    static QString peekSyncValue(const QString &path, const QString &key);
    ~LocalStore();
    LocalStore(const LocalStore &) = delete;
    LocalStore &operator=(const LocalStore &) = delete;

    QString path() const;
    QString attachmentsDir() const;
    QString connectionName() const;
    int schemaVersion() const;
    /// Whether open() ran PRAGMA integrity_check on this store (see Options::verify).
    bool integrityChecked() const;
    static int currentSchemaVersion();

    LocalEdits &edits() { return m_edits; }
    UploadQueue &upload() { return m_upload; }
    ServerPages &pages() { return m_pages; }
    const ServerPages &pages() const { return m_pages; }
    const StoreReads &reads() const { return m_reads; }

    // Sync state key/value (device_id, offline verifier, user info...). Never passwords.
    QString syncValue(const QString &key) const;
    Status setSyncValue(const QString &key, const QString &value);
    /// Several keys in one transaction: all of them are written, or none.
    Status setSyncValues(const QList<std::pair<QString, QString>> &values);
    /// A stable per-store device id (created on first use).
    QString deviceId();
    /// Appends to the bounded event log (the newest 5,000 rows are kept).
    void logEvent(EventLevel level, const QString &category, const QString &message);

private:
    explicit LocalStore(std::unique_ptr<StoreParts> parts);
    std::unique_ptr<StoreParts> d;
    LocalEdits m_edits;
    UploadQueue m_upload;
    ServerPages m_pages;
    StoreReads m_reads;
};

} // namespace outpost::client
