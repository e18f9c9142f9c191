// SPDX-License-Identifier: MIT
#pragma once

#include "backoff.h"

#include <QObject>
#include <QTimer>

#include <chrono>

namespace outpost::sync {

class ApiClient;

/// Whether the server can be reached. The operating system's view (QNetworkInformation, when a
/// backend exists) is a hint that triggers a probe at once; the truth is GET /api/v1/health,
/// probed periodically (while reachable) and with backoff (while not). The sync engine also
/// reports what its own requests saw. Lives on the thread of the ApiClient it uses.
class Reachability : public QObject
{
    Q_OBJECT
public:
    explicit Reachability(ApiClient *api, QObject *parent = nullptr);

    /// Loads a QNetworkInformation backend that reports reachability, if one exists. Call once
    /// from the application's main thread (the instance lives there); false when none is available.
    static bool loadSystemBackend();

    void setProbeInterval(std::chrono::milliseconds interval);
    /// The longest wait between probes while unreachable (backoff from 1 s up to this).
    void setMaxRetryDelay(std::chrono::milliseconds cap);
    /// Starts probing (first probe now) and follows the system backend when loaded.
    void start();
    void stop();
    bool isReachable() const { return m_reachable; }

public Q_SLOTS:
    void probeNow();
    /// Something outside changed (the machine resumed): forget the backoff and probe now.
    void wake();
    /// A request of the sync engine succeeded or failed for a transport reason.
    void reportSuccess();
    void reportFailure();

Q_SIGNALS:
    void reachableChanged(bool reachable);
    /// Reachable again after having been unreachable (or known for the first time).
    void regained();

private:
    void setReachable(bool reachable);
    void scheduleNext();
    void onSystemReachability(int reachability);

    ApiClient *m_api;
    QTimer m_timer;
    Backoff m_backoff;
    QMetaObject::Connection m_systemHint; // QNetworkInformation::reachabilityChanged
    std::chrono::milliseconds m_interval { 60000 };
    bool m_reachable = false;
    bool m_known = false;
    bool m_probing = false;
    bool m_running = false;
};

} // namespace outpost::sync
