// SPDX-License-Identifier: MIT
#pragma once

#include "storetypes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <chrono>

namespace outpost::client {
class LocalStore;
}

namespace outpost::sync {

/// What "ready to go offline" demands (the defaults are the app's and `outpost ready`'s).
struct ReadyOptions {
    /// Offline sign-in must stay allowed at least this long (a working day away from coverage).
    std::chrono::hours offlineFor { 12 };
    /// The last successful sync must be at most this old.
    std::chrono::minutes maxSyncAge { 60 };
    /// Free space on the store's disk at least this (photos and notes taken offline go there).
    qint64 minFreeBytes = qint64(500) * 1024 * 1024;
    /// The queue's integrity (every queued action readable, each with its case).
    bool checkHealth = true;
    /// PRAGMA quick_check of the whole file instead (about a second on 50,000 cases: `ready --full`).
    bool fullCheck = false;
};

/// One line of the check: what was checked, whether it passed, in people's words.
struct ReadyItem {
    QString code; // outbox, sync_issues, attachments_upload, last_sync, download, cases, attachments,
                  // case_types, data_pages, offline_signin, disk_space, store_health
    bool ok = false;
    QString text;
    QStringList details; // e.g. the changes still waiting, with why
    QJsonObject toJson() const;
};

/// The answer: ready when every item is ok.
struct ReadyReport {
    QList<ReadyItem> items;
    QDateTime checkedAt;
    QDateTime lastSync; // null: never
    QDateTime offlineUntil; // null: offline sign-in not allowed
    qint64 freeBytes = -1;
    qint64 elapsedMs = 0;
    client::ReadinessFacts facts;

    bool ready() const;
    /// The items that did not pass.
    QList<ReadyItem> reasons() const;
    /// For `outpost ready --json`.
    QJsonObject toJson() const;
};

/// "Ready to go offline?": one check for the app and the CLI. Everything comes from the store (a
/// few aggregate reads, ReadinessFacts), the offline verifier's expiry (SignIn::offlineUntil) and
/// the disk (QStorageInfo): nothing over the network, so it answers the same offline. Runs on
/// whichever thread owns `store`; never on the GUI thread's connection (bulk reads).
class ReadyCheck
{
    Q_DECLARE_TR_FUNCTIONS(ReadyCheck)
public:
    /// `userId` empty: the user who signed in last (the store's sync state).
    static ReadyReport run(client::LocalStore &store, const QString &userId, const ReadyOptions &options = {},
        const QDateTime &now = QDateTime::currentDateTimeUtc());

    /// "3 min", "5 h", "2 days": how long ago or how long until, for people.
    static QString span(qint64 seconds);
};

} // namespace outpost::sync
Q_DECLARE_METATYPE(outpost::sync::ReadyReport)
