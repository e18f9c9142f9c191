// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/change.h"
#include "result.h"

#include <QDateTime>
#include <QStringList>

namespace outpost::client {

struct StoreParts;

/// The download side of sync: applying the server's change pages (full and delta) and the sync
/// token, cursor and last success that go with them. Reached through LocalStore::pages().
class ServerPages
{
public:
    explicit ServerPages(StoreParts &parts)
        : d(parts)
    { }
    ServerPages(const ServerPages &) = delete;
    ServerPages &operator=(const ServerPages &) = delete;

    /// Starts a full sync: rows not seen until finishFullSync() and without pending work go.
    Status beginFullSync();
    /// One transaction per page. Delta: the sync token becomes page.next. Full: page.next is kept as
    /// the resume cursor (fullSyncCursor()). Returns the ids of cases that changed or went.
    Result<QStringList> applyPage(const ChangesPage &page, bool fullSync);
    /// Ends a full sync: deletes what was not seen (cases with pending work are kept, marked
    /// removedOnServer), re-applies every queued action on top, stores `token`. Returns removed ids.
    Result<QStringList> finishFullSync(const QString &token);
    bool fullSyncInProgress() const;
    QString fullSyncCursor() const;
    QString syncToken() const;
    Status setLastSuccess(const QDateTime &when);
    QDateTime lastSuccess() const;

private:
    StoreParts &d;
};

} // namespace outpost::client
