// SPDX-License-Identifier: MIT
#pragma once

#include "affected.h"
#include "casestore.h"
#include "catalog.h"
#include "principal.h"
#include "protocol/action.h"

#include <QSet>

#include <utility>

namespace outpost::server {

/// Applies one action inside the caller's write transaction. Database failures come back as an
/// Error (the caller rolls the whole request back); everything else is an ActionResult.
class ActionRunner
{
public:
    struct Options {
        bool reapply = false; // administrator reapplying a sync issue: resolved cases and stale etags pass
        QString tempIdOwner; // whose temp ids to resolve (the original user on reapply)
        /// The request asked for `omitUnchangedCases` (protocol extension): an applied action that
        /// left its case as it was (a note) answers with its etag and no `case`.
        bool omitUnchangedCases = false;
    };

    ActionRunner(Tx &tx, const Principal &user, const QString &deviceId, Options options);

    /// The result; *goneReason is set for gone results (they go into the workbasket).
    Result<ActionResult> run(const Action &a, QString *resolvedCaseId, QString *goneReason);
    const Affected &affected() const { return m_affected; }
    /// Writes the audit rows still pending; call before the transaction commits.
    Status flush() { return m_audit.flush(); }
    /// The compact JSON of the case an applied result carries as its `case` (for an update, the
    /// same text that went into the feed); run() leaves it out of the ActionResult itself. Empty
    /// for other results; taking it clears it.
    QByteArray takeCaseDoc() { return std::exchange(m_caseDoc, QByteArray()); }
    /// The server id a temp id maps to (empty when unknown).
    Result<QString> serverIdOf(const QString &tempId) { return mappedId(tempId); }
    /// Loads the cases the coming actions name, in a few statements instead of one load per action.
    /// The runner keeps them current as it changes them (it is the only writer in its transaction).
    Status prefetch(const QStringList &caseIds);

private:
    Result<ActionResult> create(const Action &a, QString *resolvedCaseId);
    Result<ActionResult> change(const Action &a, const QString &caseId, QString *goneReason);
    Result<QString> mappedId(const QString &tempId);
    /// The case type, read once per runner (one request's transaction).
    Result<std::optional<CaseType>> caseType(const QString &name);
    Result<ActionResult> rejected(
        const Action &a, const QString &caseId, const QString &message, const QMap<QString, QString> &fields);
    Status validationError();
    /// On reapply, the user who first sent the action (the audit names both); empty otherwise.
    QString originalAuthor() const { return m_options.reapply ? m_options.tempIdOwner : QString(); }

    Tx &m_tx;
    const Principal &m_user;
    QString m_deviceId;
    Options m_options;
    LookupCache m_lookup;
    QHash<QString, std::optional<CaseType>> m_types;
    /// Prefetched cases, kept as this runner changed them; an id prefetched but not found is absent
    /// from m_cases and listed in m_missing.
    QHash<QString, StoredCase> m_cases;
    QSet<QString> m_missing;
    Affected m_affected;
    QByteArray m_caseDoc;
    BatchInsert m_audit; // the audit rows of this runner's actions, in order
};

} // namespace outpost::server
