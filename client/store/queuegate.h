// SPDX-License-Identifier: MIT
// Internal to outpost_store: the one rule for which queued actions wait, and why.
#pragma once

#include "storetypes.h"

#include <QHash>
#include <QSet>
#include <QString>

namespace outpost::client {

class StoreDb;

/// Why a queued action cannot go to the server now. The upload batch (UploadQueue) and the outbox
/// shown to the user (StoreReads::outbox) both ask this one rule.
enum class QueueBlock {
    None,
    Conflict, ///< its case has an open conflict: the user decides first
    SyncIssue, ///< an earlier action of its case is in the sync issues
    Held, ///< an earlier action of its case is held by the user
    Inflight, ///< an earlier action of its case is being sent (batches in flight never share a case)
    Attachment, ///< it refers to an attachment of its case (a signature) that is not uploaded yet
};

/// The name OutboxEntry::blockedBy carries ("conflict", "syncIssue", "held", "inflight", "attachment";
/// empty for None).
QString queueBlockName(QueueBlock b);

/// Walks the queue in order. Built from the store's conflicts and sync issues at one moment; fed
/// every row in seq order (the rows it is not asked about must still be passed to see()).
class QueueGate
{
public:
    /// Reads which cases have conflicts and the first sync issue of each case.
    explicit QueueGate(const StoreDb &db);

    /// Why the action at `seq` of `caseId` waits, given the rows seen before it; then records the
    /// row's own state for the rows after it.
    QueueBlock check(qint64 seq, const QString &caseId, QueueState state);

private:
    QSet<QString> m_conflicted;
    QHash<QString, qint64> m_firstIssue;
    QSet<QString> m_held;
    QSet<QString> m_inflight;
    QSet<qint64> m_waitsForFile; ///< seqs naming the sha256 of an attachment not uploaded yet
};

} // namespace outpost::client
