// SPDX-License-Identifier: MIT
#include "reachability.h"

#include "apiclient.h"
#include "synclogging.h"

#include <QNetworkInformation>

namespace outpost::sync {

Reachability::Reachability(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_backoff(std::chrono::seconds(1), std::chrono::minutes(5))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Reachability::probeNow);
}

bool Reachability::loadSystemBackend()
{
    if (QNetworkInformation::instance())
        return true;
    const bool ok = QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability);
    qCInfo(lcSyncReachability) << "system reachability backend:"
                               << (ok ? QNetworkInformation::instance()->backendName()
                                      : QStringLiteral("none"));
    return ok;
}

void Reachability::setProbeInterval(std::chrono::milliseconds interval)
{
    m_interval = std::max(interval, std::chrono::milliseconds(1000));
}

void Reachability::setMaxRetryDelay(std::chrono::milliseconds cap)
{
    m_backoff = Backoff(std::chrono::seconds(1), std::max(cap, std::chrono::milliseconds(1000)));
}

void Reachability::wake()
{
    m_backoff.reset();
    probeNow();
}

void Reachability::start()
{
    m_running = true;
    // Once per instance (start() follows every stop()); Qt::UniqueConnection refuses lambdas.
    auto *info = QNetworkInformation::instance();
    if (info && !m_systemHint) {
        m_systemHint = connect(info, &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability r) { onSystemReachability(int(r)); });
    }
    probeNow();
}

void Reachability::stop()
{
    m_running = false;
    m_timer.stop();
    if (auto *info = QNetworkInformation::instance())
        disconnect(info, nullptr, this, nullptr);
}

void Reachability::onSystemReachability(int reachability)
{
    const auto r = QNetworkInformation::Reachability(reachability);
    qCInfo(lcSyncReachability) << "system reports reachability" << r;
    if (r == QNetworkInformation::Reachability::Disconnected) {
        setReachable(false);
        return;
    }
    // Something changed for the better (or is unknown): ask the server.
    m_backoff.reset();
    probeNow();
}

void Reachability::probeNow()
{
    if (!m_running || m_probing)
        return;
    m_timer.stop();
    m_probing = true;
    m_api->health([this](Result<HealthInfo> h) {
        m_probing = false;
        if (h.ok())
            reportSuccess();
        else if (h.error().code != QLatin1String(errc::Canceled))
            reportFailure();
    });
}

void Reachability::reportSuccess()
{
    m_backoff.reset();
    setReachable(true);
    scheduleNext();
}

void Reachability::reportFailure()
{
    setReachable(false);
    scheduleNext();
}

void Reachability::scheduleNext()
{
    if (!m_running)
        return;
    const auto delay = m_reachable ? m_interval : m_backoff.next();
    m_timer.start(delay);
}

void Reachability::setReachable(bool reachable)
{
    const bool changed = !m_known || reachable != m_reachable;
    const bool wasReachable = m_known && m_reachable;
    m_known = true;
    m_reachable = reachable;
    if (!changed)
        return;
    qCInfo(lcSyncReachability) << "server" << (reachable ? "reachable" : "unreachable");
    Q_EMIT reachableChanged(reachable);
    if (reachable && !wasReachable)
        Q_EMIT regained();
}

} // namespace outpost::sync
