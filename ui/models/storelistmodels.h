// SPDX-License-Identifier: MIT
#pragma once

#include "keyedlistmodel.h"
#include "storetypes.h"

namespace outpost::client {
class StoreReads;
}

namespace outpost::ui {

/// The outbox in plain words, oldest first; key = action id, value = OutboxEntry.
class OutboxModel : public KeyedListModel
{
    Q_OBJECT
public:
    explicit OutboxModel(const client::StoreReads *store, QObject *parent = nullptr);
    void refresh() override;

private:
    const client::StoreReads *m_store;
};

/// One row per case with conflicting fields; key = case id, value = QList<client::ConflictEntry>.
class ConflictsListModel : public KeyedListModel
{
    Q_OBJECT
public:
    explicit ConflictsListModel(const client::StoreReads *store, QObject *parent = nullptr);
    void refresh() override;

private:
    const client::StoreReads *m_store;
};

/// Rejected and gone actions with the server's message; key = action id, value = SyncIssue.
class SyncIssuesModel : public KeyedListModel
{
    Q_OBJECT
public:
    explicit SyncIssuesModel(const client::StoreReads *store, QObject *parent = nullptr);
    void refresh() override;

private:
    const client::StoreReads *m_store;
};

/// The store's event log, newest first; key = entry id, value = EventEntry.
class EventLogModel : public KeyedListModel
{
    Q_OBJECT
public:
    explicit EventLogModel(const client::StoreReads *store, QObject *parent = nullptr);
    void refresh() override;

private:
    const client::StoreReads *m_store;
};

} // namespace outpost::ui

Q_DECLARE_METATYPE(QList<outpost::client::ConflictEntry>)
Q_DECLARE_METATYPE(outpost::client::EventEntry)
