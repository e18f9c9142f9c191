// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/casetype.h"
#include "storetypes.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>

#include <optional>

namespace outpost::client {

struct StoreParts;

/// Everything the screens, the CLI and the engine read (cheap, indexed, never writes). Reached
/// through LocalStore::reads(). Case ids may be mapped temp ids: they answer with the server id's case.
class StoreReads
{
public:
    explicit StoreReads(StoreParts &parts)
        : d(parts)
    { }
    StoreReads(const StoreReads &) = delete;
    StoreReads &operator=(const StoreReads &) = delete;

    QList<CaseType> caseTypes() const;
    std::optional<CaseType> caseType(const QString &name) const;
    std::optional<LocalCase> caseById(const QString &caseId) const;
    /// The current id of a case: the server id for a mapped temp id, otherwise `caseId`.
    QString resolveId(const QString &caseId) const;
    QList<LocalCase> cases(const CaseFilter &filter = {}) const;
    /// The same selection and order as cases(), as list rows (no JSON parsed in C++; about three
    /// times faster for a worklist of tens of thousands of cases).
    QList<CaseSummary> caseSummaries(const CaseFilter &filter = {}) const;
    /// The rows of caseSummaries() one at a time, without a list (the worklist's load builds its own
    /// rows from them); `withSearchText` false leaves CaseSummary::searchText empty (the JSON reading
    /// is most of the time: a list shows first and caseSearchTexts() follow).
    Status visitCaseSummaries(const CaseFilter &filter, bool withSearchText,
        const std::function<void(CaseSummary &&)> &visit) const;
    /// Case id → search text (CaseSummary::searchText) for the cases of `filter`.
    QHash<QString, QString> caseSearchTexts(const CaseFilter &filter = {}) const;
    /// One list row.
    std::optional<CaseSummary> caseSummary(const QString &caseId) const;
    QList<Assignment> assignments(const QString &caseId = {}) const;
    QList<AttachmentInfo> attachments(const QString &caseId) const;
    /// The plaintext of the case's local attachment with this sha256 (a signature drawn here):
    /// "not_found" when none is on the device. Read whole: for small files.
    Result<QByteArray> attachmentBytes(const QString &caseId, const QString &sha256) const;
    /// The attachments to prefetch into the cache within `budgetBytes` (on-device copies count).
    PrefetchPlan prefetchPlan(qint64 budgetBytes) const;
    /// The attachments whose copies the cache of opened and prefetched files keeps however old they
    /// are (attachmentcache::prune): those attached on this device, and those the cases on the device
    /// list, in the prefetch plan's order as far as `budgetBytes` goes.
    QSet<QString> cacheWanted(qint64 budgetBytes) const;
    /// "<cache>/<id>/<file name>": where the cache keeps a copy of attachment `id` named `name`
    /// (the name made safe: no directories, nothing hidden); empty for an id that is not a UUID.
    QString cachePathFor(const QString &attachmentId, const QString &name) const;
    /// A readable local copy of attachment `attachmentId` (sealed, sealedfile::read opens it): the
    /// copy beside the store of one attached here, or the one in the cache of opened and prefetched
    /// files ("<store>.cache/<id>/<name>"); empty when the server has the only copy.
    QString attachmentCopy(const QString &attachmentId) const;
    /// History entries on the device (all cases).
    int historyCount() const;
    /// The highest rowid of the cases table (0 when empty), for reading it in parts (CaseFilter).
    qint64 lastCaseRowid() const;
    /// The case's history from the changes feed (notes included), oldest first.
    QList<HistoryRecord> caseHistory(const QString &caseId) const;

    /// The queue as the user sees it, each entry with why it waits (QueueGate).
    QList<OutboxEntry> outbox() const;
    /// The queued actions of one case, in queue order.
    QList<QueuedAction> queuedActions(const QString &caseId) const;
    QList<ConflictEntry> conflicts(const QString &caseId = {}) const;
    QList<SyncIssue> syncIssues() const;
    int pendingCount() const;
    /// When the oldest action still in the queue was made (null: the queue is empty).
    QDateTime oldestPendingAt() const;
    int conflictCount() const;

    QList<DataPageRow> dataPageRows(
        const QString &page, const QString &keyPrefix = {}, int limit = 100) const;
    bool hasDataPageRow(const QString &page, const QString &key) const;
    /// Key → label of every row of a data page (for a list that shows many keys of a small page,
    /// e.g. the worklist's sites).
    QHash<QString, QString> dataPageLabels(const QString &page) const;
    QList<EventEntry> eventLog(int limit = 200) const;
    StoreStatus status() const;
    /// What the ready check needs (readiness.cpp): the queue, the last sync, the user's assigned
    /// cases and the attachments the server lists for them (on the device when sent from it or
    /// opened into the cache), case types and data pages; with `checkHealth` the queue's foreign keys,
    /// with `fullCheck` PRAGMA quick_check of the whole file instead.
    ReadinessFacts readiness(const QString &userId, bool checkHealth = true, bool fullCheck = false) const;

private:
    StoreParts &d;
};

} // namespace outpost::client
