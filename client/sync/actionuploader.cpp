// SPDX-License-Identifier: MIT
#include "actionuploader.h"

#include "apiclient.h"
#include "localstore.h"
#include "synclogging.h"

namespace outpost::sync {

using client::EventLevel;
using client::QueuedAction;

namespace {
// A guard against a server that keeps answering with new work forever (actions per drain).
constexpr int MaxSentPerDrain = 10000 * 500;
const QString Category = QStringLiteral("sync");
} // namespace

ActionUploader::ActionUploader(client::LocalStore *store, ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_api(api)
{ }

bool ActionUploader::isSplittable(const Error &e)
{
    // The server refused the request as a whole: something in it is malformed or it is too big.
    // Sending the same actions in smaller requests finds the one it refuses.
    return e.code == QLatin1String("bad_request") || e.code == QLatin1String("payload_too_large")
        || e.code == QLatin1String("too_many_actions");
}

void ActionUploader::start(const QString &deviceId, Done done)
{
    m_deviceId = deviceId;
    m_done = std::move(done);
    m_limit = m_batchSize;
    m_uploaded = 0;
    m_inflight.clear();
    m_failed.clear();
    m_sent.clear();
    fill();
}

void ActionUploader::fill()
{
    // After a failure nothing new goes out: the drain settles once the requests in flight landed.
    while (m_done && m_failed.isEmpty() && m_inflight.size() < m_depth)
        if (!sendNext())
            break;
    if (m_done && m_inflight.isEmpty())
        settle();
}

bool ActionUploader::sendNext()
{
    if (m_sent.size() > MaxSentPerDrain)
        return false;
    QList<QueuedAction> batch = m_store->upload().nextBatch(m_limit);
    // Skipped actions come back unchanged: each action is sent at most once per drain.
    batch.erase(std::remove_if(batch.begin(), batch.end(),
                    [this](const QueuedAction &q) { return m_sent.contains(q.action.id); }),
        batch.end());
    if (batch.isEmpty())
        return false;
    QStringList ids;
    QList<Action> actions;
    ids.reserve(batch.size());
    actions.reserve(batch.size());
    for (const QueuedAction &q : batch) {
        ids << q.action.id;
        actions << q.action;
    }
    if (Status s = m_store->upload().markInflight(ids); !s.ok()) {
        m_failed.append(Batch { {}, true, s.error() });
        return false;
    }
    for (const QString &id : std::as_const(ids))
        m_sent.insert(id);
    const int id = ++m_nextId;
    m_inflight.insert(id, Batch { batch, false, {} });
    m_api->uploadActions(
        m_deviceId, actions, [this, id](Result<QList<ActionResult>> r) { answered(id, std::move(r)); });
    return true;
}

void ActionUploader::answered(int id, Result<QList<ActionResult>> r)
{
    auto it = m_inflight.find(id);
    if (it == m_inflight.end())
        return;
    Batch batch = std::move(it.value());
    m_inflight.erase(it);
    if (!r.ok()) {
        qCDebug(lcSyncWorker) << "upload of" << batch.actions.size() << "actions failed:" << r.error().code;
        batch.answered = true;
        batch.error = r.error();
        m_failed.append(std::move(batch));
        fill();
        return;
    }
    // Keep the server busy: the next batch (other cases only) goes out before these results are
    // applied here.
    if (m_failed.isEmpty())
        while (m_done && m_inflight.size() < m_depth && sendNext()) { }
    client::UploadSummary summary;
    if (Status s = m_store->upload().applyResults(batch.actions, r.value(), &summary); !s.ok()) {
        // Its actions stay inflight and are requeued when the drain settles.
        batch.answered = true;
        batch.error = s.error();
        m_failed.append(std::move(batch));
        fill();
        return;
    }
    m_uploaded += int(batch.actions.size());
    // After a split, a request that went through lets the batch size grow again.
    if (m_limit < m_batchSize)
        m_limit = std::min(m_batchSize, m_limit * 2);
    Q_EMIT uploaded(m_uploaded);
    Q_EMIT batchApplied(summary);
    fill();
}

void ActionUploader::settle()
{
    if (m_failed.isEmpty()) {
        finish(Status::success());
        return;
    }
    const QList<Batch> failed = std::exchange(m_failed, {});
    // Nothing is in flight now: whatever is still inflight belongs to the failed requests.
    if (Status s = m_store->upload().requeueInflight(); !s.ok()) {
        finish(s);
        return;
    }
    for (const Batch &b : failed)
        if (!isSplittable(b.error) || b.actions.isEmpty()) {
            finish(b.error);
            return;
        }
    int smallest = m_batchSize;
    bool split = false;
    for (const Batch &b : failed) {
        for (const QueuedAction &q : b.actions)
            m_sent.remove(q.action.id);
        if (b.actions.size() == 1) {
            if (Status s = refuse(b.actions.first(), b.error); !s.ok()) {
                finish(s);
                return;
            }
        } else {
            split = true;
            smallest = std::min(smallest, int(b.actions.size()));
        }
    }
    m_limit = split ? std::max(1, (smallest + 1) / 2) : m_batchSize;
    if (split)
        qCInfo(lcSyncWorker) << "the server refused a request of" << smallest << "actions ("
                             << failed.first().error.code << "); sending" << m_limit << "at a time";
    fill();
}

Status ActionUploader::refuse(const QueuedAction &q, const Error &error)
{
    ActionResult res;
    res.id = q.action.id;
    res.status = ResultStatus::Rejected;
    res.caseId = q.action.caseId;
    res.error = error;
    client::UploadSummary summary;
    if (Status s = m_store->upload().applyResults({ q }, { res }, &summary); !s.ok())
        return s;
    m_store->logEvent(EventLevel::Warning, Category,
        tr("The server refused every request that carried action %1 on case %2 (%3: %4); it was "
           "set aside in the sync issues, everything else goes on.")
            .arg(q.action.id, q.action.caseId, error.code, error.message));
    qCWarning(lcSyncWorker) << "action" << q.action.id << "refused by the server:" << error.code
                            << error.message;
    m_uploaded += 1;
    Q_EMIT uploaded(m_uploaded);
    Q_EMIT batchApplied(summary);
    Q_EMIT actionRefused(q.action.id, error.message);
    return Status::success();
}

void ActionUploader::finish(Status s)
{
    Done done = std::exchange(m_done, {});
    if (done)
        done(std::move(s));
}

} // namespace outpost::sync
