// SPDX-License-Identifier: MIT
#pragma once

#include "affected.h"
#include "principal.h"
#include "protocol/casetype.h"
#include "tx.h"

#include <QJsonArray>

namespace outpost::server {

/// Administration: forced full syncs, the sync-issues workbasket, publishing case types, assignments.
class AdminStore
{
public:
    AdminStore(Database &db, QString attachmentsDir)
        : m_db(db)
        , m_attachmentsDir(std::move(attachmentsDir))
    { }

    /// Records the current max seq as the user's (or, with an empty id, everyone's) full-sync floor and
    /// moves the counter past it, so tokens issued before are void and new ones are not.
    Result<Affected> forceFullSync(const QString &userId);
    /// state: "open", "resolved" or empty for all.
    Result<QJsonArray> syncIssues(const QString &state);
    /// Publishes a new version (must be higher); an incompatible one voids every token issued before.
    Result<Affected> publishCaseType(const CaseType &type, bool *compatible);
    /// Extension: deletes a case with its assignment and attachments; everyone who saw it gets a remove.
    Result<Affected> purge(const Principal &admin, const QString &caseId);

private:
    Database &m_db;
    QString m_attachmentsDir;
};

} // namespace outpost::server
