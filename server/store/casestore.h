// SPDX-License-Identifier: MIT
#pragma once

#include "feed.h"
#include "principal.h"
#include "protocol/caserecord.h"
#include "tx.h"

#include <QJsonArray>
#include <optional>

namespace outpost::server {

QString etagFor(qint64 version);
QString nowRfc3339();

/// Scope rules: technicians work on the cases assigned to them and the unassigned cases of their
/// queues while not resolved; they may still read resolved cases assigned to them. Admins: all.
bool canWork(const Principal &user, const CaseRecord &c);
bool canRead(const Principal &user, const CaseRecord &c);
FeedScope scopeOf(const CaseRecord &c);

struct StoredCase {
    CaseRecord rec;
    qint64 version = 1;
};

struct AuditEntry {
    QString caseId;
    QString by;
    QString deviceId;
    QString clientTime;
    QString action;
    QJsonObject changes; // {"field": [old, new]}
    QString note;
};

/// Cases, their assignment and audit trail, and their entries in the feed.
class CaseStore
{
public:
    static Result<std::optional<StoredCase>> load(Tx &tx, const QString &id);
    /// The cases of `ids` that exist, a few statements for them all (a request's worth of loads);
    /// ids that are not there are absent from the answer.
    static Result<QHash<QString, StoredCase>> loadMany(Tx &tx, const QStringList &ids);
    /// Takes the next case id "C-<n>".
    static Result<QString> nextCaseId(Tx &tx);
    static Status insert(Tx &tx, const StoredCase &c);
    static Status update(Tx &tx, const StoredCase &c);
    /// The same with `fieldsJson`, the compact JSON of c.rec.fields serialised by the caller.
    static Status update(Tx &tx, const StoredCase &c, const QByteArray &fieldsJson);
    /// Re-stamps the case in the feed; when its scope changed, its assignment too.
    static Status publish(Tx &tx, const StoredCase &c, bool scopeChanged, bool isNew = false);
    /// Re-stamps a case whose assignee, queue and resolved state this change kept, with its compact
    /// JSON `doc` serialised by the caller (who sends the same text in its answer).
    static Status publishKeepingScope(Tx &tx, const StoredCase &c, const QByteArray &doc);

    static Result<std::optional<Assignment>> loadAssignment(
        Tx &tx, const QString &caseId, qint64 *version = nullptr);
    static Status saveAssignment(Tx &tx, const Assignment &a, const CaseRecord &c, bool isNew);

    static Status audit(Tx &tx, const AuditEntry &e);
    /// The audit row and, in the feed, the case's history entry (kind "history", the scope of `c`
    /// as it is after the change).
    static Status record(Tx &tx, const AuditEntry &e, const CaseRecord &c);
    /// The history entry of an audit row `row` (as auditRow() built it) in the feed.
    static Status addHistory(Tx &tx, const QVariantList &row, const CaseRecord &c);
    /// Audit rows of many actions with multi-row INSERTs (flush() before commit).
    static BatchInsert auditBatch(Tx &tx);
    /// `originalBy`: on a reapplied sync issue, who first sent the action (`e.by` reapplied it).
    static QVariantList auditRow(const AuditEntry &e, const QString &originalBy = {});
    static Result<QJsonArray> history(Tx &tx, const QString &caseId);
};

} // namespace outpost::server
