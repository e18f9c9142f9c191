// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>

namespace outpost::sync {
Q_NAMESPACE

class SleepSource;

/// What the status line shows.
enum class SyncState { Offline, Online, Syncing, Error, SignInRequired };
Q_ENUM_NS(SyncState)
QString syncStateName(SyncState s);

/// Everything the engine needs to run for one user on one server. A plain value: copied into the
/// sync thread.
struct SyncConfig {
    QString storePath; // the user's store (StoreLocation::pathFor)
    QUrl server;
    QString user;
    QString token; // when empty, read from the keychain (service keychainService)
    QString keychainService = QStringLiteral("outpost");
    std::chrono::milliseconds interval { std::chrono::minutes(5) }; // periodic sync
    std::chrono::milliseconds debounce { std::chrono::seconds(2) }; // after a local change
    std::chrono::milliseconds transferTimeout { std::chrono::seconds(30) };
    std::chrono::milliseconds probeInterval { std::chrono::seconds(60) };
    /// While the server is unreachable the health probe backs off up to this, so a sync follows
    /// within about 5 s of the network (or the server) coming back.
    std::chrono::milliseconds offlineProbeMax { std::chrono::seconds(4) };
    int pageLimit = 5000; // changes per download page (the server may cap it lower)
    int batchSize = 500; // actions per upload request (the protocol's maximum)
    int uploadDepth = 2; // upload requests in flight at once (batches never share a case)
    bool usePush = true; // WebSocket hints
    bool useReachability = true;
    bool periodic = true; // the interval timer
    bool syncAtStart = true;
    /// A sync when the machine resumes from sleep (SyncTriggers). The source is made on the sync
    /// thread by `sleepSource` (tests inject one), or is logind's signal on the system bus.
    bool watchSleep = true;
    std::function<SleepSource *()> sleepSource;
    /// Each cycle ends with the device report (PUT /device, DeviceReporter); off only to measure
    /// what it costs (bench/devices_bench).
    bool deviceReport = true;
    /// Attachments of the cases on the device fetched into the cache at the end of each cycle, up
    /// to this many bytes on the device (AttachmentPrefetcher); 0: none.
    qint64 prefetchBudget = qint64(1) << 30;
};

} // namespace outpost::sync
