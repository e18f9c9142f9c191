// SPDX-License-Identifier: MIT
// Internal to outpost_store: the rows of the upload queue (table outbox) as stored.
#pragma once

#include "protocol/action.h"
#include "storetypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariantList>

#include <optional>

namespace outpost::client {

class StoreDb;

/// One outbox row as stored.
struct OutboxRow {
    qint64 seq = 0;
    QString actionId;
    QString caseId;
    QueueState state = QueueState::Queued;
    Action action;
    QJsonObject baseFields;
    int attempts = 0;
    QString lastError;
    QString createdAt;
    QueuedAction toQueued() const;
};

/// Reads and writes outbox rows. Writes run inside the caller's transaction.
class OutboxTable
{
public:
    explicit OutboxTable(StoreDb &db)
        : m_db(db)
    { }

    /// Rows matching `where` (e.g. "WHERE case_id = ?"; empty: all), in queue order.
    QList<OutboxRow> load(const QString &where, const QVariantList &binds) const;
    /// The rows of one case, in queue order.
    QList<OutboxRow> rowsOf(const QString &caseId) const;
    std::optional<OutboxRow> row(const QString &actionId) const;
    /// seq, ids, state and action type only (payload and base fields are not read).
    std::optional<OutboxRow> head(const QString &actionId) const;

    /// seq 0 → appended at the end; otherwise the given position (must be free).
    Status insert(const Action &a, const QJsonObject &baseFields, qint64 seq = 0,
        QueueState state = QueueState::Queued);
    Status rewrite(qint64 seq, const Action &a, const QJsonObject &baseFields, QueueState state);

private:
    StoreDb &m_db;
};

} // namespace outpost::client
