// SPDX-License-Identifier: MIT
#include "storelistmodels.h"

#include "storereads.h"

#include <QLocale>

namespace outpost::ui {

using namespace outpost::client;

OutboxModel::OutboxModel(const StoreReads *store, QObject *parent)
    : KeyedListModel(parent)
    , m_store(store)
{ }

void OutboxModel::refresh()
{
    QList<KeyedItem> items;
    if (m_store) {
        for (const OutboxEntry &e : m_store->outbox()) {
            QString text = e.description;
            if (e.state == QueueState::Held)
                text = tr("%1 (on hold)").arg(text);
            else if (e.state == QueueState::Inflight)
                text = tr("%1 (sending)").arg(text);
            else if (e.blockedBy == QLatin1String("conflict"))
                text = tr("%1 (waits for a conflict)").arg(text);
            else if (e.blockedBy == QLatin1String("syncIssue"))
                text = tr("%1 (waits for a sync issue)").arg(text);
            else if (e.blockedBy == QLatin1String("held"))
                text = tr("%1 (waits for a held change)").arg(text);
            else if (e.blockedBy == QLatin1String("inflight"))
                text = tr("%1 (waits for the change being sent)").arg(text);
            else if (e.blockedBy == QLatin1String("attachment"))
                text = tr("%1 (waits for its signature's picture to upload)").arg(text);
            const QString tip = e.lastError.isEmpty() ? QString() : text + QLatin1Char('\n') + e.lastError;
            items.append({ e.actionId, text, tip, QVariant::fromValue(e) });
        }
    }
    setItems(items);
}

ConflictsListModel::ConflictsListModel(const StoreReads *store, QObject *parent)
    : KeyedListModel(parent)
    , m_store(store)
{ }

void ConflictsListModel::refresh()
{
    QList<KeyedItem> items;
    if (m_store) {
        QList<ConflictEntry> group;
        const auto flush = [&] {
            if (group.isEmpty())
                return;
            QStringList labels;
            for (const ConflictEntry &c : std::as_const(group))
                labels << (c.label.isEmpty() ? c.field : c.label);
            const QString id = group.first().caseId;
            items.append(
                { id, tr("%1: %2 changed here and on the server").arg(id, labels.join(QStringLiteral(", "))),
                    {}, QVariant::fromValue(group) });
            group.clear();
        };
        for (const ConflictEntry &c : m_store->conflicts()) {
            if (!group.isEmpty() && group.first().caseId != c.caseId)
                flush();
            group.append(c);
        }
        flush();
    }
    setItems(items);
}

SyncIssuesModel::SyncIssuesModel(const StoreReads *store, QObject *parent)
    : KeyedListModel(parent)
    , m_store(store)
{ }

void SyncIssuesModel::refresh()
{
    QList<KeyedItem> items;
    if (m_store) {
        for (const SyncIssue &i : m_store->syncIssues()) {
            const QString why = i.error.toString();
            const QString text = i.status == ResultStatus::Gone
                ? tr("%1 — the case is gone: %2").arg(i.description, why)
                : tr("%1 — refused: %2").arg(i.description, why);
            items.append({ i.actionId, text, {}, QVariant::fromValue(i) });
        }
    }
    setItems(items);
}

EventLogModel::EventLogModel(const StoreReads *store, QObject *parent)
    : KeyedListModel(parent)
    , m_store(store)
{ }

void EventLogModel::refresh()
{
    QList<KeyedItem> items;
    if (m_store) {
        for (const EventEntry &e : m_store->eventLog(200)) {
            const QString text = QStringLiteral("%1  %2  %3: %4")
                                     .arg(QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat),
                                         eventLevelName(e.level), e.category, e.message);
            items.append({ QString::number(e.id), text, {}, QVariant::fromValue(e) });
        }
    }
    setItems(items);
}

} // namespace outpost::ui
