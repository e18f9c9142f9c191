// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/action.h"
#include "protocol/caserecord.h"
#include "protocol/casetype.h"
#include "result.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace outpost::client {

/// Where a queued action stands. Queued: waits for upload; Held: the user put it on hold
/// (it and every later action of its case wait); Inflight: handed to an upload request.
enum class QueueState { Queued, Held, Inflight };
QString queueStateName(QueueState s);

/// One row of the outbox, as the sync engine uploads it.
struct QueuedAction {
    qint64 seq = 0; // queue order (oldest first)
    Action action; // exactly the protocol Action that is uploaded
    QJsonObject baseFields; // the values of the changed fields the edit started from (merge base)
    QueueState state = QueueState::Queued;
    int attempts = 0;
    QString lastError;
    QDateTime createdAt;
    /// For `--json` output and diagnostics.
    QJsonObject toJson() const;
};

/// A case as the technician sees it: the server copy with every pending local change on top.
struct LocalCase {
    CaseRecord record; // local view: status, title, fields include pending edits; etag = server's
    QString serverStatus; // status of the server copy (empty for a case created offline)
    QJsonObject serverFields; // the server copy's fields
    int pendingCount = 0; // queued actions of this case
    bool hasConflict = false; // fields changed on both sides wait for the user (case blocked)
    bool hasIssue = false; // an action was rejected or gone (later actions wait)
    bool removedOnServer = false; // left the user's scope while local work was pending
    bool isLocalOnly = false; // created offline, not yet on the server (id "tmp-…")
    /// For `--json` output and diagnostics.
    QJsonObject toJson() const;
};

/// A case as a list shows it (LocalStore::caseSummaries): the list's columns and flags, read without
/// parsing the case's JSON in C++ (SQLite builds the search text from the field values).
struct CaseSummary {
    QString id;
    QString caseType;
    QString status; // local view
    QString queue;
    QString assignee; // empty: in the queue's pool
    QString title; // local view
    qint64 updatedAtMs = 0; // last change, ms since the epoch (0: none)
    qint64 dueAtMs = 0; // the assignment's (due first) due date, ms since the epoch (0: none)
    QString instructions; // the assignment's instructions
    QString priority; // the local view's `priority` choice value, empty when none
    QString site; // the local view's `site` lookup key, empty when none
    int pendingCount = 0;
    bool hasConflict = false;
    bool hasIssue = false;
    bool resolved = false; // status "Resolved-…"
    QString searchText; // the text and number field values of the local view, space-separated
};

/// Filter for LocalStore::cases(). Empty strings match everything.
struct CaseFilter {
    QString caseType;
    QString status; // local status
    QString queue;
    QString assignee;
    QString text; // substring of id or title
    bool includeResolved = false;
    bool onlyPending = false; // only cases with pending work, conflicts or issues
    int limit = 1000;
    int offset = 0;
    /// Newest first (updated_at DESC, id). False: the table's order, for a reader that sorts the
    /// rows itself (the worklist): a scan of the table instead of a walk of the index.
    bool ordered = true;
    /// A part of the table by rowid, both ends included (0 and 0: all of it): readers of the whole
    /// worklist read two halves at once, each on its own connection and core.
    qint64 rowidFrom = 0;
    qint64 rowidTo = 0;
};

/// One outbox row in plain words, for `outpost outbox` and the UI's queue view.
struct OutboxEntry {
    qint64 seq = 0;
    QString actionId;
    QString caseId;
    ActionType type = ActionType::Update;
    QueueState state = QueueState::Queued;
    QString blockedBy; // empty, or why it waits: "held", "inflight", "conflict", "syncIssue", "attachment"
                       // (QueueGate)
    int attempts = 0;
    QString lastError;
    QDateTime createdAt;
    QString description; // e.g. "Update C-10042: Meter reading (kW) 12 → 15"
    /// For `--json` output and diagnostics.
    QJsonObject toJson() const;
};

/// A field changed on both sides (policy "merge"); the user picks the value.
struct ConflictEntry {
    QString caseId;
    QString field;
    QString label;
    QJsonValue base; // the value the local edit started from
    QJsonValue mine; // the local value
    QJsonValue theirs; // the server's value
    ConflictRule policy = ConflictRule::Merge;
    QDateTime createdAt;
    /// For `--json` output and diagnostics.
    QJsonObject toJson() const;
};

/// An action the server rejected or found gone: the error archive. The data is kept.
struct SyncIssue {
    QString actionId;
    QString caseId;
    ResultStatus status = ResultStatus::Rejected; // Rejected or Gone
    Error error; // the server's error, with per-field messages
    Action action; // the action as it was sent
    QDateTime createdAt;
    QString description;
    /// For `--json` output and diagnostics.
    QJsonObject toJson() const;
};

/// A file attached offline, stored beside the database until uploaded.
/// A file made on the device that goes into the store together with an edit, in its transaction
/// (a drawn signature: LocalEdits::updateFields / runFlowAction).
struct NewAttachment {
    QString name; // e.g. "customerSignature.png"
    QString mime; // e.g. "image/png"
    QByteArray bytes;
};

struct AttachmentInfo {
    QString id; // uuid, also the upload key
    QString caseId;
    QString name;
    QString mime;
    qint64 size = 0;
    QString sha256; // hex
    QString localPath;
    bool uploaded = false;
    /// For `--json` output and diagnostics.
    QJsonObject toJson() const;
};

/// An attachment the server lists for a case on the device, to be fetched into the cache.
struct PrefetchItem {
    QString id;
    QString caseId;
    QString name;
    qint64 size = 0;
    QString sha256;
};

/// What the background prefetch of attachments has to do (StoreReads::prefetchPlan): the
/// attachments of every case on the device in order (soonest due first, then the newest cases; in a
/// case the newest attachment first), those already on the device counted, the rest within the budget.
struct PrefetchPlan {
    QList<PrefetchItem> toFetch;
    int listed = 0; // attachments the server lists for the cases on the device
    int onDevice = 0; // of them, with a copy here
    qint64 bytesOnDevice = 0;
    int overBudget = 0; // left out: they do not fit in the budget
};

/// One entry of a case's history as the server recorded it (a change, a note, an attachment, a flow
/// action), kept on the device from the changes feed.
struct HistoryRecord {
    QString id; // the server's entry id
    QString caseId;
    QString at; // RFC 3339, the server's time
    QString by;
    QString action; // create, update, transition:<name>, note, attach, assign, ...
    QJsonObject changes; // {"field": [old, new]}
    QString text; // a note's text
    QString deviceId;
    QString clientTime;
    QString originalAuthor;
    /// For `--json` output: the entry as the server sent it.
    QJsonObject toJson() const;
    static HistoryRecord fromJson(const QJsonObject &o);
};

enum class EventLevel { Debug, Info, Warning, Error };
QString eventLevelName(EventLevel l);

struct EventEntry {
    qint64 id = 0;
    QDateTime at;
    EventLevel level = EventLevel::Info;
    QString category;
    QString message;
    /// For `--json` output and diagnostics.
    QJsonObject toJson() const;
};

/// What the status line and `outpost status` show.
struct StoreStatus {
    QString path;
    int schemaVersion = 0;
    int cases = 0;
    int pending = 0; // outbox rows
    int held = 0;
    int inflight = 0;
    int conflicts = 0; // conflicting fields
    int syncIssues = 0;
    int attachmentsToUpload = 0;
    QString syncToken;
    QDateTime lastSuccess;
    bool fullSyncInProgress = false;
    /// For `--json` output and diagnostics.
    QJsonObject toJson() const;
};

/// What LocalStore::recoverUnsentWork saved from a damaged store.
struct RecoveryReport {
    QString store; // the fresh store (the same path)
    QString movedTo; // where the damaged file is now
    int actions = 0; // queued actions recovered, with their ids
    int attachments = 0; // attachment rows not yet uploaded
    QStringList errors; // what could not be read
    QJsonObject toJson() const;
};

/// What the ready check (client/sync/readycheck.h) needs from the store: a few aggregate reads,
/// never a walk over every case in C++ (StoreReads::readiness).
struct ReadinessFacts {
    int pending = 0; // outbox rows
    int waiting = 0; // of them, held back (held, conflict, sync issue, behind an inflight action)
    QList<OutboxEntry> firstPending; // the first ReadinessFacts::ListLimit entries, with why they wait
    int conflicts = 0; // conflicting fields
    int syncIssues = 0;
    int attachmentsToUpload = 0;
    QDateTime lastSuccess;
    bool fullSyncInProgress = false;
    bool hasSyncToken = false;
    int assignedCases = 0; // cases assigned to the user (their own, or by an assignment)
    QStringList casesMissing; // assigned by an assignment, the case not on the device
    int attachmentsListed = 0; // attachments the server lists for the assigned cases
    QStringList attachmentsMissing; // "CASE: name" of those neither sent from nor opened on this device
    int caseTypes = 0;
    QStringList caseTypesMissing; // types of cases on the device without their definition
    QStringList dataPagesEmpty; // pages that lookup fields need, without a row on the device
    QString healthProblem; // empty: PRAGMA quick_check said ok
    static constexpr int ListLimit = 20;
};

/// What applyUploadResults() did, for the engine's signals (optional out-parameter).
struct UploadSummary {
    int applied = 0;
    int conflicts = 0; // conflict results
    int requeued = 0; // merged and queued again automatically
    int needUser = 0; // fields recorded as conflicts for the user
    int issues = 0; // rejected + gone
    int skipped = 0;
    QHash<QString, QString> mappedIds; // temp id → server id
    QStringList changedCaseIds; // server ids (after mapping) of cases that changed
};

} // namespace outpost::client

Q_DECLARE_METATYPE(outpost::client::QueuedAction)
Q_DECLARE_METATYPE(outpost::client::LocalCase)
Q_DECLARE_METATYPE(outpost::client::OutboxEntry)
Q_DECLARE_METATYPE(outpost::client::ConflictEntry)
Q_DECLARE_METATYPE(outpost::client::SyncIssue)
Q_DECLARE_METATYPE(outpost::client::StoreStatus)
Q_DECLARE_METATYPE(outpost::client::UploadSummary)
