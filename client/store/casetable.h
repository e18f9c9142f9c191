// SPDX-License-Identifier: MIT
// Internal to outpost_store: case rows, their local view (server copy + pending work) and case types.
#pragma once

#include "protocol/caserecord.h"
#include "protocol/casetype.h"
#include "rules/rulesengine.h"
#include "storetypes.h"

#include <QHash>
#include <QSqlQuery>
#include <QStringList>

#include <optional>

namespace outpost::client {

class StoreDb;
class OutboxTable;

/// The cases table and what keeps it right: the local view of every case is its server copy with
/// the sync-issue and queued actions replayed on top, in queue order. Writes run inside the
/// caller's transaction.
class CaseTable
{
public:
    CaseTable(StoreDb &db, OutboxTable &outbox)
        : m_db(db)
        , m_outbox(outbox)
    { }

    /// The cases columns fromQuery() reads, in order.
    static QString columns();
    static LocalCase fromQuery(const QSqlQuery &q);

    /// Parsed once per stored definition text (another connection may change the row).
    std::optional<CaseType> caseType(const QString &name) const;
    /// Accepts a mapped temp id.
    std::optional<LocalCase> load(const QString &id) const;
    /// The server id of a mapped temp id, otherwise `id`.
    QString resolve(const QString &id) const;
    /// Lookup fields checked against the data pages on the device.
    LookupCheck lookup() const;

    /// Local view = server copy + sync-issue actions + queued actions, in queue order; flags too.
    Status recompute(const QString &caseId);
    /// The same as recompute() after an action that changes only `changed` fields (none for a
    /// note) was written as the case's last queued action, without replaying the queue.
    Status overlay(const QString &caseId, const QJsonObject &changed);
    Status remapTempId(const QString &tempId, const QString &serverId);
    /// Writes the server copy of a case; keeps local columns (recompute afterwards).
    /// gen > 0 also marks the row as seen by that full-sync generation.
    Status writeServerCopy(const CaseRecord &c, qint64 gen = 0);
    /// The same for a case stored already (an UPDATE, cheaper than the upsert); with `settled`, the
    /// local view becomes the server copy too (nothing else is pending on the case). False when
    /// there is no such row.
    Result<bool> updateServerCopy(const CaseRecord &c, bool settled);
    /// Removes a case created offline with everything queued for it.
    Status deleteLocalCase(const QString &caseId, QStringList *filesToRemove);

private:
    StoreDb &m_db;
    OutboxTable &m_outbox;
    /// Case types by name with the JSON text they were parsed from.
    mutable QHash<QString, std::pair<QString, CaseType>> m_caseTypes;
};

/// The label of `field` in `type`, or the field's name when either is unknown.
QString fieldLabel(const CaseType *type, const QString &field);
/// "Meter reading (kW), Priority": the labels of `fields`, for the event log.
QString fieldLabels(const CaseType *type, const QStringList &fields);

/// "Update C-1: Reading 12 → 13" — a queued action for people (outbox, event log). `type` may be
/// null: it is then read through `cases`.
QString describeAction(const CaseTable &cases, const StoreDb &db, const Action &a,
    const QJsonObject &baseFields, const CaseType *type);

} // namespace outpost::client
