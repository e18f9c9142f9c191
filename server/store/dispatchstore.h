// SPDX-License-Identifier: MIT
#pragma once

#include "affected.h"
#include "principal.h"
#include "tx.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace outpost::server {

/// A change of a case's assignment: what is set (nullopt: left as it is; empty: cleared).
struct AssignmentChange {
    std::optional<QString> assignee, queue, instructions, dueAt;

    /// From a request body's "assignee", "queue", "instructions", "dueAt" (strings or null; dueAt
    /// ISO 8601, stored in UTC as "yyyy-MM-ddTHH:mm:ssZ"; instructions at most 2,000 characters):
    /// validation_failed with per-field messages.
    static Result<AssignmentChange> fromJson(const QJsonObject &body);
};

/// What GET /admin/cases filters and sorts by (docs/protocol.md, *Operations console*).
struct CaseQuery {
    QString status, queue, caseType, q;
    std::optional<QString> assignee; // empty string: unassigned
    QString dueFrom, dueTo; // normalised ISO 8601 (UTC)
    bool overdue = false;
    QString sort = QStringLiteral("updatedAt"); // updatedAt|dueAt|id|title|status
    bool descending = true;
    int offset = 0;
    int limit = 50;

    /// From the query string; validation_failed with the parameter's name for bad values.
    static Result<CaseQuery> fromQuery(const QUrlQuery &query);
};

/// The dispatcher's side of cases: the paged list, details, creating and assigning. Everything is
/// read and written in SQL (no case is loaded whole to filter it); every write is one transaction.
class DispatchStore
{
public:
    explicit DispatchStore(Database &db)
        : m_db(db)
    { }

    struct CasePage {
        QJsonArray cases;
        qint64 total = 0;
    };
    Result<CasePage> listCases(const CaseQuery &query);
    /// {"case", "assignment", "history", "notes", "attachments"}; not_found.
    Result<QJsonObject> caseDetails(const QString &caseId);

    struct NewCase {
        QString caseType, title;
        QJsonObject fields;
        AssignmentChange assignment;
    };
    /// Validated by the rules engine like an uploaded create (validation_failed with per-field
    /// errors, nothing written), then assigned, in one transaction; audited. The case's JSON.
    Result<Affected> createCase(const Principal &by, const NewCase &c, QJsonObject *caseOut);
    /// The same change on every case, all or nothing (not_found names a missing case).
    Result<Affected> assignMany(const Principal &by, const QStringList &ids, const AssignmentChange &change);
    /// Extension PUT /admin/cases/{id}/assignment: one case.
    Result<Affected> assign(
        const Principal &by, const QString &caseId, const AssignmentChange &change, QJsonObject *caseOut);
    /// {"users": [{"id","displayName","roles"}], "queues": [...]}: who and what a case may go to.
    Result<QJsonObject> assignees();

    /// Inside the caller's write transaction: the change on one case, its feed rows and audit.
    static Status applyAssignment(Tx &tx, const Principal &by, const QString &caseId,
        const AssignmentChange &change, Affected *affected, QJsonObject *caseOut);

private:
    /// validation_failed for an assignee who is not an enabled user.
    static Status checkAssignee(Tx &tx, const AssignmentChange &change);

    Database &m_db;
};

} // namespace outpost::server
