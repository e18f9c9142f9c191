// SPDX-License-Identifier: MIT
#pragma once

#include "database.h"
#include "tx.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QSet>

#include <optional>

namespace outpost::server {

/// What a device says about itself once per sync cycle (PUT /api/v1/device, docs/protocol.md).
struct DeviceReport {
    QString deviceName, appVersion, os;
    int pendingActions = 0;
    QString oldestPendingAt, lastSyncAt, lastSyncError; // empty: null
    int storeSchema = 0;

    /// Strict reading: bad_request with per-field messages (nothing stored).
    static Result<DeviceReport> fromJson(const QJsonObject &o);
};

/// What the server asks of a device in the answer to its report.
struct DeviceOrders {
    bool fullSync = false; // POST /admin/devices/{id}/full-sync was asked since the last report
    bool retire = false; // retire: the device uploaded what it could; it now erases everything
    QString user; // the device's user (for the console hint and a forced full sync's push)
};

/// One row of GET /admin/devices and `outpostd device list`.
struct DeviceRow {
    QString deviceId, user, deviceName, appVersion, os;
    QString lastContactAt, lastSyncAt, oldestPendingAt, lastSyncError, wipedAt, wipeState;
    std::optional<int> pendingActions, storeSchema;
    bool stuck = false;

    QJsonObject toJson() const;
    /// The same object as compact JSON, written straight into bytes (5,000 rows: no QJsonObject).
    QByteArray toCompactJson() const;
};

/// One audit row of an action on a device (wipe, retire, full sync, sign-out…): the audit is per
/// case, and a device's rows carry none. `at` is the caller's timestamp (RFC 3339).
Status recordDeviceAudit(Tx &tx, const QString &at, const QString &deviceId, const QString &by,
    const QString &action, const QJsonObject &details = {});

/// The devices table (server migration v5): each device's last report and last contact, and the
/// per-device orders of the console (full sync, sign-out, retire). Wipes live in wiped_devices
/// (UserStore), which this store reads for the list.
class DeviceStore
{
public:
    explicit DeviceStore(Database &db)
        : m_db(db)
    { }

    /// Stamps the device's last contact, at most once a minute per device and process (the rest
    /// are answered from memory). Never fails a request: problems are logged.
    void touch(const QString &deviceId, const QString &userId);
    /// Stores the report (the device's row is created on first contact). A device being retired
    /// whose report says its last cycle succeeded is retired here: marked wiped, its sessions
    /// revoked and the retirement audited, all in one transaction (DeviceOrders::retire).
    Result<DeviceOrders> report(const QString &deviceId, const QString &userId, const DeviceReport &r);
    /// Every known device, newest contact first; `stuckAfterSeconds`: pending work and no successful
    /// sync for that long (measured from `now`). `query` matches device id, user or device name
    /// (case-insensitive substring).
    Result<QList<DeviceRow>> list(qint64 stuckAfterSeconds, const QString &query, const QDateTime &now);

    /// A page of the list (the console's): filtered, ordered and cut in SQL.
    struct PageQuery {
        qint64 stuckAfterSeconds = 24 * 3600;
        QString text; // as `query` of list()
        bool stuckOnly = false;
        bool stuckFirst = false; // stuck devices first, newest contact first within each group
        int offset = 0;
        int limit = -1; // -1: every row
    };
    struct Page {
        QList<DeviceRow> rows;
        qint64 total = 0; // rows of the list being paged (after stuckOnly)
        qint64 matching = 0; // devices matching `text`
        qint64 stuckTotal = 0; // of those, stuck
    };
    Result<Page> page(const PageQuery &query, const QDateTime &now);
    /// The device's next report is answered with a full sync; its user, so that a push hint brings
    /// the report soon. not_found for a device never seen.
    Result<QString> requestFullSync(const QString &deviceId, const QString &by);
    /// Revokes every session of the device (its WebSockets: the token hashes returned). Audited.
    Result<QSet<QString>> signOut(const QString &deviceId, const QString &by);
    /// The device uploads what is pending at its next sync, then erases (DeviceOrders::retire).
    /// not_found for a device never seen; conflict when it is wiped or retired already.
    Result<QString> retire(const QString &deviceId, const QString &by);

    /// GET /admin/audit: the newest entries first, filtered by device, user (author or original
    /// author) and case; limit 1..500.
    struct AuditQuery {
        QString deviceId, user, caseId;
        int limit = 100;
    };
    Result<QJsonArray> audit(const AuditQuery &query);

private:
    Database &m_db;
    QMutex m_mutex;
    QHash<QString, qint64> m_lastTouch; // device id → epoch ms of its last stamp by this process
};

} // namespace outpost::server
