// SPDX-License-Identifier: MIT
#include "prunescheduler.h"

#include "apilogging.h"

#include <QElapsedTimer>
#include <QThread>
#include <QTimer>

namespace outpost::server {

PruneScheduler::PruneScheduler(FeedRetention &retention, std::chrono::minutes interval)
    : m_worker(new PruneWorker(retention, interval))
    , m_thread(QStringLiteral("outpostd-prune"), m_worker)
{ }

// The timer is the worker's child: it goes with the worker, on the prune thread.
PruneScheduler::~PruneScheduler() = default;

void PruneScheduler::start()
{
    if (m_thread.isRunning())
        return;
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &PruneWorker::start, Qt::QueuedConnection);
}

void PruneWorker::start()
{
    m_timer = new QTimer(this);
    m_timer->setInterval(m_interval);
    connect(m_timer, &QTimer::timeout, this, &PruneWorker::runOnce);
    m_timer->start();
    runOnce();
}

void PruneWorker::runOnce()
{
    QElapsedTimer t;
    t.start();
    auto r = m_retention.prune(QDateTime::currentDateTimeUtc());
    if (!r) {
        qCWarning(lcApi).noquote() << "feed retention: prune failed, trying again in" << m_interval.count()
                                   << "min:" << r.error().message;
        return;
    }
    if (auto s = refreshPlannerStatistics(m_retention.database()); !s)
        qCWarning(lcApi).noquote() << "maintenance: planner statistics not refreshed:" << s.error().message;
    const PruneReport &p = r.value();
    if (p.horizon != p.previousHorizon)
        qCInfo(lcApi).noquote() << "feed retention: history before seq" << p.horizon + 1 << "pruned ("
                                << p.scopeLogRows << "scope-log rows," << p.tombstones << "tombstones, in"
                                << p.transactions << "transactions," << t.elapsed() << "ms)";
    else
        qCDebug(lcApi).noquote() << "feed retention: nothing older than" << m_retention.retentionDays()
                                 << "days; horizon stays at seq" << p.horizon;
}

} // namespace outpost::server
