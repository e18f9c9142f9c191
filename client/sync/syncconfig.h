// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>

namespace outpost::sync {
Q_NAMESPACE

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
    int pageLimit = 5000; // changes per download page (the server may cap it lower)
    int batchSize = 500; // actions per upload request (the protocol's maximum)
    int uploadDepth = 2; // upload requests in flight at once (batches never share a case)
    bool usePush = true; // WebSocket hints
    bool useReachability = true;
    bool periodic = true; // the interval timer
    bool syncAtStart = true;
    /// Each cycle ends with the device report (PUT /device, DeviceReporter); off only to measure
    /// what it costs (bench/devices_bench).
    bool deviceReport = true;
};

} // namespace outpost::sync
