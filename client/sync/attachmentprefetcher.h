// SPDX-License-Identifier: MIT
#pragma once

#include "storetypes.h"

#include <QObject>

#include <functional>

namespace outpost::client {
class LocalStore;
}

namespace outpost::sync {

class ApiClient;

/// Fetches the attachments of the cases on the device into the store's cache of files
/// ("<store>.cache/<id>/<name>", sealed with the store's key like every copy), within a size
/// budget, in the order of StoreReads::prefetchPlan (soonest due, then newest cases; newest
/// attachment first). Resumable by construction: the plan is made from what the cache holds, so a
/// restart continues and nothing is fetched twice. Two downloads in flight; each is checked against
/// the sha256 the case lists. Lives on the sync thread (SyncWorker runs it at the end of a cycle).
class AttachmentPrefetcher : public QObject
{
    Q_OBJECT
public:
    AttachmentPrefetcher(client::LocalStore *store, ApiClient *api, QObject *parent = nullptr);

    /// Starts a pass with `budgetBytes`; `done(fetched, failed)` once every download of the plan
    /// answered (a stalled or unreachable server ends the pass early: the next cycle continues).
    void start(qint64 budgetBytes, std::function<void(int fetched, int failed)> done);
    /// Drops the pass (its answers are ignored); done is not called.
    void cancel();
    bool running() const { return bool(m_done); }

Q_SIGNALS:
    /// Attachments on the device of those the plan wanted: "Attachments: 12 of 200".
    void progress(int done, int total);

private:
    void next();
    void finished(const client::PrefetchItem &item, Result<QByteArray> got);

    client::LocalStore *m_store;
    ApiClient *m_api;
    QList<client::PrefetchItem> m_queue;
    std::function<void(int, int)> m_done;
    quint64 m_pass = 0;
    int m_inFlight = 0;
    int m_fetched = 0;
    int m_failed = 0;
    int m_total = 0;
    int m_onDevice = 0; // before the pass
    bool m_stop = false; // the server cannot be reached: no new downloads
    static constexpr int Depth = 2;
};

} // namespace outpost::sync
