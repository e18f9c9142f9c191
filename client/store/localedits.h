// SPDX-License-Identifier: MIT
#pragma once

#include "result.h"
#include "storetypes.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace outpost::client {

struct StoreParts;

/// What the user changes on the device, offline: every operation validates first with the shared
/// RulesEngine and writes the local change together with its queued action in ONE transaction;
/// invalid input → Error "validation_failed" (per-field messages), nothing written. Also the user's
/// decisions on queued work: hold, release, discard, conflicts, sync issues.
/// Reached through LocalStore::edits(); same thread rules as LocalStore.
class LocalEdits
{
public:
    explicit LocalEdits(StoreParts &parts)
        : d(parts)
    { }
    LocalEdits(const LocalEdits &) = delete;
    LocalEdits &operator=(const LocalEdits &) = delete;

    /// Creates a case offline; returns its temp id "tmp-<uuid>".
    Result<QString> createCase(const QString &caseType, const QJsonObject &fields, const QString &title = {},
        const QString &queue = {});
    /// Sets fields (only the given ones). Unchanged values are ignored; nothing to change → success.
    /// `files` (a drawn signature's PNG) are attached to the case in the same transaction; a
    /// signature field must name the sha256 of one of them or of an attachment the case has. An
    /// edit that sets a signature never folds into an unsent create: the server takes a signature
    /// only once its file is uploaded, which needs the case's server id (QueueGate waits for it).
    Status updateFields(
        const QString &caseId, const QJsonObject &fields, const QList<NewAttachment> &files = {});
    /// Runs a flow action, optionally setting fields (and attaching `files`, as updateFields) with
    /// it; preconditions checked on the result.
    Status runFlowAction(const QString &caseId, const QString &flowAction, const QJsonObject &fields = {},
        const QList<NewAttachment> &files = {});
    Status addNote(const QString &caseId, const QString &text);
    /// Copies the file beside the store (atomically), records its sha256; returns the attachment id.
    Result<QString> attachFile(const QString &caseId, const QString &filePath);
    /// Discards a case created offline that was not sent yet, with all its queued actions.
    Status discardLocalCase(const QString &tempId);

    /// User control of single queued actions (not while inflight). Discard reverts its local effect.
    Status holdAction(const QString &actionId);
    Status releaseAction(const QString &actionId);
    Status discardAction(const QString &actionId);

    /// The user's choice per conflicting field; queues an update with the chosen values.
    Status resolveConflict(const QString &caseId, const QHash<QString, QJsonValue> &chosen);
    /// Queues the action again in its old queue place (new id, the current server etag) with
    /// `editedFields` on top, in ONE transaction that also clears the issue. The fields are
    /// validated on the server copy with the RulesEngine (a flow action also against what it
    /// requires): invalid → "validation_failed" / "missing_fields" with per-field messages, nothing
    /// written. Edits are refused for notes ("validation_failed") and for gone issues
    /// ("not_allowed": the server no longer takes changes to the case; discard them instead).
    /// `files` (a signature drawn in the correction) are attached to the case in the same
    /// transaction, as with updateFields(); a signature the fields name must be one of them or an
    /// attachment the case has ("validation_failed" otherwise).
    Status retrySyncIssue(const QString &actionId, const QJsonObject &editedFields = {},
        const QList<NewAttachment> &files = {});
    /// Drops the failed action and reverts its local effect (a failed create discards the case).
    Status discardSyncIssue(const QString &actionId);

private:
    StoreParts &d;
};

} // namespace outpost::client
