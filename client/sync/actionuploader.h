// SPDX-License-Identifier: MIT
#pragma once

#include "result.h"
#include "storetypes.h"

#include <QList>
#include <QObject>
#include <QSet>

#include <functional>

namespace outpost::client {
class LocalStore;
} // namespace outpost::client

namespace outpost::sync {

class ApiClient;

/// The action upload of one sync cycle (a helper of SyncWorker, on the sync thread).
///
/// Drains the outbox in batches of at most `batchSize` with up to `depth` requests in flight:
/// while the server works on one batch the next one is chosen, marked inflight and sent. That is
/// safe because LocalStore::nextUploadBatch skips inflight actions and every later action of their
/// case, so batches in flight never share a case: a case's next action waits until the result of
/// the one before it is applied (and is rebased on the etag it produced). Each batch's results are
/// applied in one store transaction as they arrive.
///
/// A request the server refuses as a whole (400 bad_request: one malformed action; 413: too large)
/// is split: the batch size halves until the refused request holds a single action, which then
/// moves to the sync issues with the server's message (as a rejected action: its case's later
/// actions wait, everything else drains) and the batch size returns to normal.
///
/// Any other failure ends the drain once no request is in flight (answers that did arrive are
/// applied); the actions still inflight are requeued (resending them is safe: exactly once).
class ActionUploader : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Status)>;

    ActionUploader(client::LocalStore *store, ApiClient *api, QObject *parent = nullptr);

    void setBatchSize(int size) { m_batchSize = std::max(1, size); }
    void setDepth(int depth) { m_depth = std::max(1, depth); }
    /// Starts draining; `done` is called once, when nothing more can be sent this cycle.
    void start(const QString &deviceId, Done done);
    bool isRunning() const { return bool(m_done); }

Q_SIGNALS:
    /// Actions answered so far in this drain.
    void uploaded(int done);
    /// One batch's results were applied.
    void batchApplied(const outpost::client::UploadSummary &summary);
    /// One action was set aside because the server refused every request that carried it.
    void actionRefused(const QString &actionId, const QString &message);

private:
    struct Batch {
        QList<client::QueuedAction> actions;
        bool answered = false;
        Error error;
    };

    void fill();
    bool sendNext();
    void answered(int id, Result<QList<ActionResult>> r);
    void settle();
    void finish(Status s);
    Status refuse(const client::QueuedAction &q, const Error &error);
    static bool isSplittable(const Error &e);

    client::LocalStore *m_store;
    ApiClient *m_api;
    QString m_deviceId;
    Done m_done;
    int m_batchSize = 500;
    int m_depth = 2;
    int m_limit = 500; // current batch size: lower while a refused request is being split
    int m_nextId = 0;
    int m_uploaded = 0;
    QHash<int, Batch> m_inflight;
    QList<Batch> m_failed;
    QSet<QString> m_sent; // each action at most once per drain (skipped ones wait for the next)
};

} // namespace outpost::sync
