// SPDX-License-Identifier: MIT
#pragma once

#include "affected.h"
#include "principal.h"
#include "protocol/action.h"
#include "tx.h"

namespace outpost::server {

struct ActionsOutcome {
    QByteArray body; // {"results": [...]} as compact JSON (each result is serialised once)
    Affected affected;
    bool issuesFiled = false; // a gone action went into the sync-issues workbasket
};

/// A POST /sync/actions request as read, before anything is applied.
struct ActionsRequest {
    QString deviceId;
    bool omitUnchangedCases = false;
    QList<Action> actions;
    QList<QJsonObject> raw; // each action as sent (its payload hash is the exactly-once check)
};

struct ReapplyOutcome {
    QJsonObject response; // {"issue": id, "result": {...}}
    Affected affected;
};

/// POST /sync/actions: the whole request is validated first (bad_request, too_many_actions), then
/// processed in one write transaction: exactly once per action id (results stored with the change),
/// baseEtag locking, rules validation, gone into the sync-issues workbasket, per-case order, temp ids.
class ActionProcessor
{
public:
    /// `maxIssuesPerUser`: sync issues kept per user; beyond it the oldest go, resolved ones first.
    ActionProcessor(Database &db, int resultRetentionDays, int maxIssuesPerUser = 500)
        : m_db(db)
        , m_retentionDays(resultRetentionDays)
        , m_maxIssuesPerUser(maxIssuesPerUser)
    { }

    static constexpr int maxActions = 500;

    /// Reads a request without touching the database: bad_request naming the member at fault
    /// (`actions[2].caseId`), too_many_actions beyond maxActions.
    static Result<ActionsRequest> parseRequest(const QJsonObject &request);

    Result<ActionsOutcome> process(
        const Principal &user, const QJsonObject &request, const QString &requestId);
    /// Applies a stored sync issue's action as the administrator (ignoring the resolved status and the
    /// base etag) and marks the issue resolved when it applied. not_found for an unknown issue,
    /// conflict for one resolved already. `edited`: the action to apply instead, of the same type
    /// and case (bad_request naming the member otherwise); it keeps the stored action's id.
    Result<ReapplyOutcome> reapply(const Principal &admin, qint64 issueId, const QString &requestId,
        const std::optional<QJsonObject> &edited = std::nullopt);
    /// Resolves an open sync issue as discarded (its action is never applied). not_found, conflict
    /// as for reapply; the affected administrators for the console's hint.
    Status discard(const Principal &admin, qint64 issueId);

private:
    Database &m_db;
    int m_retentionDays;
    int m_maxIssuesPerUser;
};

} // namespace outpost::server
