// SPDX-License-Identifier: MIT
#pragma once

#include "result.h"
#include "storetypes.h"

#include <QList>
#include <QStringList>

namespace outpost::client {

struct StoreParts;

/// The upload side of sync: which queued actions go next, and what the server's answers do to
/// the store. Reached through LocalStore::upload(); used by the sync engine.
class UploadQueue
{
public:
    explicit UploadQueue(StoreParts &parts)
        : d(parts)
    { }
    UploadQueue(const UploadQueue &) = delete;
    UploadQueue &operator=(const UploadQueue &) = delete;

    /// Oldest first, at most `max`. Skips every action that waits (QueueGate: open conflicts, an
    /// earlier sync issue, held or inflight action of its case) and — so that every baseEtag is
    /// right — per case stops before a second etag-changing action (the next batch carries it,
    /// rebased on the etag the first one produced). Loop until it returns empty.
    QList<QueuedAction> nextBatch(int max = 500);
    Status markInflight(const QStringList &actionIds);
    /// Inflight → queued (at engine start-up and after a failed request; resending is safe).
    Status requeueInflight();
    /// Applies the server's results (same order as `batch`) in ONE transaction: applied → server
    /// copy + etag, temp ids remapped everywhere; conflict → three-way merge per policy (auto
    /// re-queue as a new action on the new etag, or conflicts for the user); rejected/gone → sync
    /// issues, data kept, later actions of the case wait; skipped → queued again unchanged.
    Status applyResults(const QList<QueuedAction> &batch, const QList<ActionResult> &results,
        UploadSummary *summary = nullptr);

    /// Attachments to upload (cases already on the server only), and their completion.
    QList<AttachmentInfo> attachmentsToUpload() const;
    Status markAttachmentUploaded(const QString &attachmentId);

private:
    StoreParts &d;
};

} // namespace outpost::client
