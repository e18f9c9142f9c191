// SPDX-License-Identifier: MIT
// Internal to outpost_store: the one builder of the update actions the store queues.
#pragma once

#include "protocol/action.h"

#include <QJsonObject>

namespace outpost::client {

/// An action with its merge base: for every field it sends, the value the sender saw before
/// (absent reads as null). The server compares against the etag, the client's merge against this.
struct PendingUpdate {
    Action action;
    QJsonObject baseFields;

    /// A new update of `caseId` on `etag` sending `changed`; the base of each field is its value in
    /// `before`.
    static PendingUpdate create(
        const QString &caseId, const QString &etag, const QJsonObject &changed, const QJsonObject &before);
    /// The same action (update or transition) sent again as a new action on `etag`, with only
    /// `fields`, based on `before` (after a conflict was merged or a sync issue edited).
    static PendingUpdate resend(
        const Action &old, const QString &etag, const QJsonObject &fields, const QJsonObject &before);

    /// Adds `changed` to a queued action: a field already in it keeps its older base; a new
    /// field takes its base from `before`.
    void fold(const QJsonObject &changed, const QJsonObject &before);
};

} // namespace outpost::client
