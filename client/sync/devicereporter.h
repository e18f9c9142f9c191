// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>

namespace outpost::client {
class LocalStore;
}

namespace outpost::sync {

/// What this device tells the server at the end of every sync cycle (PUT /api/v1/device,
/// docs/protocol.md "Operations console"): its name, the app's version, the OS, the work waiting in
/// its queue and the age of the oldest, its last successful sync and last error, the store's schema.
/// Read from the store in a few statements; the engine sends it (SyncWorker::report).
class DeviceReporter
{
public:
    /// The report for the store as it is now; `lastError`: the message of the cycle that just
    /// failed, empty after a success.
    static QJsonObject build(const client::LocalStore &store, const QString &lastError);
    /// The machine's host name (what the console shows as the device).
    static QString deviceName();
    /// The operating system as people name it ("Debian GNU/Linux 12 (bookworm)").
    static QString osName();
};

} // namespace outpost::sync
