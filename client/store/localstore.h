// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/change.h"
#include "result.h"
#include "storetypes.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>

namespace outpost::client {

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
};

/// The client's offline store: the source of truth on the device. Server copies of cases, the
/// local pending state, the outbox, conflicts, sync issues, attachments, event log, sync state.
///
/// Threads: one instance per thread. Each instance opens its own QSqlDatabase connection named
/// "outpost-store-<thread name or id>" on the same file (WAL lets readers and one writer overlap).
/// Create, use and destroy an instance on one thread (QSqlDatabase connections belong to the thread
/// that made them). Not a QObject, not copyable; values returned are plain structs safe to pass
/// across threads. Writers take the file lock with BEGIN IMMEDIATE (busy timeout 10 s).
///
/// Every local operation validates first with the shared RulesEngine and writes the local change
/// together with its queued action in ONE transaction; invalid input → Error "validation_failed"
/// (per-field messages), nothing written. Error codes: validation_failed, not_found,
/// invalid_transition, missing_fields, unknown_case_type, not_allowed, store_damaged, store_too_new,
/// store_io, bad_response.
class LocalStore
{
public:
    struct Options {
        /// PRAGMA synchronous=FULL (default): a committed local change survives power loss.
        /// false → NORMAL (survives process crashes only).
        bool synchronousFull = true;
        /// Largest file attachFile() accepts.
        qint64 maxAttachmentBytes = 20 * 1024 * 1024;
        /// Run PRAGMA integrity_check and the queue audit at open (the first instance of a process
        /// should; further instances on other threads may skip it).
        bool verify = true;
    };

    /// Opens (creating or migrating) the store at `path`. Runs PRAGMA integrity_check and the queue
    /// audit. A damaged store → Error "store_damaged"; it is moved aside (renamed with a timestamp,
    /// error.fields["movedTo"]) only when it holds no readable pending work, never reset with pending
    /// work inside. A store written by a newer version → "store_too_new".
    static Result<std::unique_ptr<LocalStore>> open(const QString &path, const Options &options);
    static Result<std::unique_ptr<LocalStore>> open(const QString &path) { return open(path, Options()); }
    /// Reads whatever queued work can still be read from a store (also a damaged one), without
    /// changing it: {"outbox": [{"seq", "state", "action", "baseFields"}...], "syncIssues": [...],
    /// "errors": [...]}. For support and `outpost export-diagnostics` when open() says store_damaged.
    static QJsonObject salvagePendingWork(const QString &path);
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
    static int currentSchemaVersion();

    // ---- Local operations (offline; one transaction each: change + queued action) ----
    /// Creates a case offline; returns its temp id "tmp-<uuid>".
    Result<QString> createCase(const QString &caseType, const QJsonObject &fields, const QString &title = {},
        const QString &queue = {});
    /// Sets fields (only the given ones). Unchanged values are ignored; nothing to change → success.
    Status updateFields(const QString &caseId, const QJsonObject &fields);
    /// Runs a flow action, optionally setting fields with it (preconditions checked on the result).
    Status runFlowAction(const QString &caseId, const QString &flowAction, const QJsonObject &fields = {});
    Status addNote(const QString &caseId, const QString &text);
    /// Copies the file beside the store (atomically), records its sha256; returns the attachment id.
    Result<QString> attachFile(const QString &caseId, const QString &filePath);
    /// Discards a case created offline that was not sent yet, with all its queued actions.
    Status discardLocalCase(const QString &tempId);

    /// User control of single queued actions (not while inflight). Discard reverts its local effect.
    Status holdAction(const QString &actionId);
    Status releaseAction(const QString &actionId);
    Status discardAction(const QString &actionId);

    // ---- For the sync engine: upload ----
    /// Oldest first, at most `max`. Skips held and inflight actions and every later action of their
    /// case, cases with open conflicts, later actions of a case with a sync issue, and — so that
    /// every baseEtag is right — per case stops before a second etag-changing action (the next
    /// batch carries it, rebased on the etag the first one produced). Loop until it returns empty.
    QList<QueuedAction> nextUploadBatch(int max = 500);
    Status markInflight(const QStringList &actionIds);
    /// Inflight → queued (at engine start-up and after a failed request; resending is safe).
    Status requeueInflight();
    /// Applies the server's results (same order as `batch`) in ONE transaction: applied → server
    /// copy + etag, temp ids remapped everywhere; conflict → three-way merge per policy (auto
    /// re-queue as a new action on the new etag, or conflicts for the user); rejected/gone → sync
    /// issues, data kept, later actions of the case wait; skipped → queued again unchanged.
    Status applyUploadResults(const QList<QueuedAction> &batch, const QList<ActionResult> &results,
        UploadSummary *summary = nullptr);
    /// The user's choice per conflicting field; queues an update with the chosen values.
    Status resolveConflict(const QString &caseId, const QHash<QString, QJsonValue> &chosen);
    /// Queues the action again in its old queue place (new id, the current server etag) with
    /// `editedFields` on top, in ONE transaction that also clears the issue. The fields are
    /// validated on the server copy with the RulesEngine (a flow action also against what it
    /// requires): invalid → "validation_failed" / "missing_fields" with per-field messages, nothing
    /// written. Edits are refused for notes ("validation_failed") and for gone issues
    /// ("not_allowed": the server no longer takes changes to the case; discard them instead).
    Status retrySyncIssue(const QString &actionId, const QJsonObject &editedFields = {});
    /// Drops the failed action and reverts its local effect (a failed create discards the case).
    Status discardSyncIssue(const QString &actionId);

    // Attachments to upload (cases already on the server only), and their completion.
    QList<AttachmentInfo> attachmentsToUpload() const;
    Status markAttachmentUploaded(const QString &attachmentId);
    QList<AttachmentInfo> attachments(const QString &caseId) const;

    // ---- For the sync engine: download ----
    /// Starts a full sync: rows not seen until finishFullSync() and without pending work go.
    Status beginFullSync();
    /// One transaction per page. Delta: the sync token becomes page.next. Full: page.next is kept as
    /// the resume cursor (fullSyncCursor()). Returns the ids of cases that changed or went.
    Result<QStringList> applyChangesPage(const ChangesPage &page, bool fullSync);
    /// Ends a full sync: deletes what was not seen (cases with pending work are kept, marked
    /// removedOnServer), re-applies every queued action on top, stores `token`. Returns removed ids.
    Result<QStringList> finishFullSync(const QString &token);
    bool fullSyncInProgress() const;
    QString fullSyncCursor() const;
    QString syncToken() const;
    Status setLastSuccess(const QDateTime &when);
    QDateTime lastSuccess() const;

    // Sync state key/value (device_id, offline verifier, user info...). Never passwords.
    QString syncValue(const QString &key) const;
    Status setSyncValue(const QString &key, const QString &value);
    /// Several keys in one transaction: all of them are written, or none.
    Status setSyncValues(const QList<std::pair<QString, QString>> &values);
    /// A stable per-store device id (created on first use).
    QString deviceId();

    // ---- Reads (cheap, indexed) ----
    QList<CaseType> caseTypes() const;
    std::optional<CaseType> caseType(const QString &name) const;
    /// Accepts a temp id that was mapped already (answers with the server id's case).
    std::optional<LocalCase> caseById(const QString &caseId) const;
    /// The current id of a case: the server id for a mapped temp id, otherwise `caseId`.
    QString resolveId(const QString &caseId) const;
    QList<LocalCase> cases(const CaseFilter &filter = {}) const;
    /// The same selection and order as cases(), as list rows (no JSON parsed in C++; about three
    /// times faster for a worklist of tens of thousands of cases).
    QList<CaseSummary> caseSummaries(const CaseFilter &filter = {}) const;
    /// The same without the search text (the JSON reading is most of the time): for showing a
    /// list first and adding caseSearchTexts() afterwards.
    QList<CaseSummary> caseSummariesWithoutSearchText(const CaseFilter &filter = {}) const;
    /// Case id → search text (CaseSummary::searchText) for the cases of `filter`.
    QHash<QString, QString> caseSearchTexts(const CaseFilter &filter = {}) const;
    /// One list row (accepts a mapped temp id like caseById()).
    std::optional<CaseSummary> caseSummary(const QString &caseId) const;
    QList<Assignment> assignments(const QString &caseId = {}) const;
    QList<OutboxEntry> outbox() const;
    /// The queued actions of one case (accepts a mapped temp id), in queue order.
    QList<QueuedAction> queuedActions(const QString &caseId) const;
    QList<ConflictEntry> conflicts(const QString &caseId = {}) const;
    QList<SyncIssue> syncIssues() const;
    int pendingCount() const;
    int conflictCount() const;
    QList<DataPageRow> dataPageRows(
        const QString &page, const QString &keyPrefix = {}, int limit = 100) const;
    bool hasDataPageRow(const QString &page, const QString &key) const;
    QList<EventEntry> eventLog(int limit = 200) const;
    StoreStatus status() const;

    /// Appends to the bounded event log (the newest 5,000 rows are kept).
    void logEvent(EventLevel level, const QString &category, const QString &message);

    class Impl;

private:
    explicit LocalStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace outpost::client
