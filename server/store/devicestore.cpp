// SPDX-License-Identifier: MIT
#include "devicestore.h"

#include "casestore.h"
#include "protocol/jsonwriter.h"
#include "storelogging.h"
#include "tx.h"

#include <QJsonDocument>
#include <QMutexLocker>

#include <cmath>

namespace outpost::server {

namespace {
constexpr qint64 kTouchEveryMs = 60 * 1000;

QJsonValue textOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

QString text(const QVariant &v)
{
    return v.isNull() ? QString() : v.toString();
}

/// A time the device sent, normalised to the server's form (UTC, milliseconds), so that stored
/// times compare as text; empty for null. Anything else is a per-field error.
bool readTime(const QJsonObject &o, const char *key, QString *out, QMap<QString, QString> *errors)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return true;
    const QDateTime t = v.isString() ? QDateTime::fromString(v.toString(), Qt::ISODateWithMs) : QDateTime();
    if (!t.isValid()) {
        errors->insert(QLatin1String(key), QStringLiteral("An ISO 8601 time or null."));
        return false;
    }
    *out = t.toUTC().toString(Qt::ISODateWithMs);
    return true;
}

Error notKnown(const QString &deviceId)
{
    return Error(QStringLiteral("not_found"), QStringLiteral("No device '%1' has signed in.").arg(deviceId));
}

Status checkId(const QString &deviceId)
{
    if (deviceId.isEmpty() || deviceId.size() > 200)
        return Error(QStringLiteral("bad_request"), QStringLiteral("A device id is 1-200 characters."));
    return Status::success();
}
} // namespace

Result<DeviceReport> DeviceReport::fromJson(const QJsonObject &o)
{
    DeviceReport r;
    QMap<QString, QString> errors;
    auto str = [&](const char *key, int max, QString *out, bool required) {
        const QJsonValue v = o.value(QLatin1String(key));
        if ((v.isUndefined() || v.isNull()) && !required)
            return;
        if (!v.isString())
            errors.insert(QLatin1String(key), QStringLiteral("A text."));
        else if (v.toString().size() > max)
            errors.insert(QLatin1String(key), QStringLiteral("At most %1 characters.").arg(max));
        else if (v.toString().contains(QChar(0)))
            errors.insert(QLatin1String(key), QStringLiteral("No NUL characters."));
        else
            *out = v.toString();
    };
    auto count = [&](const char *key, int *out) {
        const QJsonValue v = o.value(QLatin1String(key));
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < 0 || d > 1e9 || d != std::floor(d))
            errors.insert(QLatin1String(key), QStringLiteral("A whole number, 0 or more."));
        else
            *out = int(d);
    };
    str("deviceName", 200, &r.deviceName, true);
    str("appVersion", 100, &r.appVersion, true);
    str("os", 200, &r.os, true);
    str("lastSyncError", 1000, &r.lastSyncError, false);
    count("pendingActions", &r.pendingActions);
    count("storeSchema", &r.storeSchema);
    readTime(o, "oldestPendingAt", &r.oldestPendingAt, &errors);
    readTime(o, "lastSyncAt", &r.lastSyncAt, &errors);
    if (!errors.isEmpty())
        return Error(
            QStringLiteral("bad_request"), QStringLiteral("The device report is not valid."), errors);
    return r;
}

QJsonObject DeviceRow::toJson() const
{
    return { { QStringLiteral("deviceId"), deviceId }, { QStringLiteral("user"), user },
        { QStringLiteral("deviceName"), textOrNull(deviceName) },
        { QStringLiteral("appVersion"), textOrNull(appVersion) }, { QStringLiteral("os"), textOrNull(os) },
        { QStringLiteral("lastContactAt"), textOrNull(lastContactAt) },
        { QStringLiteral("lastSyncAt"), textOrNull(lastSyncAt) },
        { QStringLiteral("pendingActions"), pendingActions ? QJsonValue(*pendingActions) : QJsonValue() },
        { QStringLiteral("oldestPendingAt"), textOrNull(oldestPendingAt) },
        { QStringLiteral("lastSyncError"), textOrNull(lastSyncError) },
        { QStringLiteral("storeSchema"), storeSchema ? QJsonValue(*storeSchema) : QJsonValue() },
        { QStringLiteral("stuck"), stuck }, { QStringLiteral("wipedAt"), textOrNull(wipedAt) },
        { QStringLiteral("wipeState"), textOrNull(wipeState) } };
}

QByteArray DeviceRow::toCompactJson() const
{
    JsonObjectWriter w(512);
    auto optionalInt = [&w](const char *key, const std::optional<int> &v) {
        if (v)
            w.integer(key, *v);
        else
            w.raw(key, "null");
    };
    w.string("deviceId", deviceId).string("user", user).stringOrNull("deviceName", deviceName);
    w.stringOrNull("appVersion", appVersion)
        .stringOrNull("os", os)
        .stringOrNull("lastContactAt", lastContactAt);
    w.stringOrNull("lastSyncAt", lastSyncAt);
    optionalInt("pendingActions", pendingActions);
    w.stringOrNull("oldestPendingAt", oldestPendingAt).stringOrNull("lastSyncError", lastSyncError);
    optionalInt("storeSchema", storeSchema);
    w.raw("stuck", stuck ? "true" : "false");
    w.stringOrNull("wipedAt", wipedAt).stringOrNull("wipeState", wipeState);
    return w.take();
}

void DeviceStore::touch(const QString &deviceId, const QString &userId)
{
    if (deviceId.isEmpty() || deviceId.size() > 200)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        QMutexLocker lock(&m_mutex);
        const qint64 last = m_lastTouch.value(deviceId, -1);
        if (last >= 0 && now - last < kTouchEveryMs)
            return;
        if (m_lastTouch.size() > 100000) // a bounded memory: forgetting only costs a stamp more
            m_lastTouch.clear();
        m_lastTouch.insert(deviceId, now);
    }
    auto conn = m_db.connection();
    if (!conn)
        return;
    // One statement, no sequence number: a stamp is not a change of anything clients sync.
    auto q = runSql(conn.value(),
        QStringLiteral("INSERT INTO devices (device_id, user_id, last_contact_at) VALUES (?, ?, ?)"
                       " ON CONFLICT (device_id) DO UPDATE SET user_id = excluded.user_id,"
                       " last_contact_at = excluded.last_contact_at"),
        { deviceId, userId, nowRfc3339() });
    if (!q) {
        qCInfo(lcStore).noquote() << "last contact of device" << deviceId
                                  << "not stamped:" << q.error().message;
        QMutexLocker lock(&m_mutex);
        m_lastTouch.remove(deviceId);
    }
}

Result<DeviceOrders> DeviceStore::report(
    const QString &deviceId, const QString &userId, const DeviceReport &r)
{
    if (Status s = checkId(deviceId); !s)
        return s.error();
    auto txr = Tx::begin(m_db, Tx::Mode::Write);
    if (!txr)
        return txr.error();
    Tx &tx = txr.value();
    const QString now = nowRfc3339();
    auto q = tx.run(
        QStringLiteral(
            "INSERT INTO devices (device_id, user_id, device_name, app_version, os, pending_actions,"
            " oldest_pending_at, last_sync_at, last_sync_error, store_schema, reported_at, last_contact_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (device_id) DO UPDATE SET user_id = excluded.user_id,"
            " device_name = excluded.device_name, app_version = excluded.app_version, os = excluded.os,"
            " pending_actions = excluded.pending_actions, oldest_pending_at = excluded.oldest_pending_at,"
            " last_sync_at = excluded.last_sync_at, last_sync_error = excluded.last_sync_error,"
            " store_schema = excluded.store_schema, reported_at = excluded.reported_at,"
            " last_contact_at = excluded.last_contact_at"),
        { deviceId, userId, r.deviceName, r.appVersion, r.os, r.pendingActions, orNull(r.oldestPendingAt),
            orNull(r.lastSyncAt), orNull(r.lastSyncError), r.storeSchema, now, now });
    if (!q)
        return q.error();
    auto orders
        = tx.run(QStringLiteral("SELECT full_sync_requested, retire_requested_at, retire_requested_by,"
                                " retired_at FROM devices WHERE device_id = ?"),
            { deviceId });
    if (!orders)
        return orders.error();
    DeviceOrders out;
    out.user = userId;
    QString retireBy;
    bool retiring = false;
    if (orders.value().next()) {
        out.fullSync = orders.value().value(0).toInt() != 0;
        retiring = !orders.value().value(1).isNull() && orders.value().value(3).isNull();
        retireBy = orders.value().value(2).toString();
    }
    orders.value().finish();
    if (out.fullSync) {
        if (auto u = tx.run(QStringLiteral("UPDATE devices SET full_sync_requested = 0 WHERE device_id = ?"),
                { deviceId });
            !u)
            return u.error();
    }
    // Retired once a cycle went through: everything it could upload is on the server. What could
    // not go (held, in conflict) is counted in the audit row; the device then erases its store.
    if (retiring && r.lastSyncError.isEmpty() && !r.lastSyncAt.isEmpty()) {
        out.retire = true;
        const QStringList statements {
            QStringLiteral("UPDATE devices SET retired_at = ? WHERE device_id = ?"),
            QStringLiteral(
                "INSERT INTO wiped_devices (device_id, wiped_at, wiped_by, told_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (device_id) DO NOTHING"),
            QStringLiteral("UPDATE sessions SET revoked = 1 WHERE device_id = ?"),
        };
        if (auto a = tx.run(statements.at(0), { now, deviceId }); !a)
            return a.error();
        if (auto a = tx.run(statements.at(1), { deviceId, now, retireBy, now }); !a)
            return a.error();
        if (auto a = tx.run(statements.at(2), { deviceId }); !a)
            return a.error();
        if (Status s
            = recordDeviceAudit(tx, nowRfc3339(), deviceId, retireBy, QStringLiteral("device.retired"),
                { { QStringLiteral("user"), userId },
                    { QStringLiteral("pendingActionsLeft"), r.pendingActions } });
            !s)
            return s.error();
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return out;
}

Result<QList<DeviceRow>> DeviceStore::list(
    qint64 stuckAfterSeconds, const QString &query, const QDateTime &now)
{
    PageQuery q;
    q.stuckAfterSeconds = stuckAfterSeconds;
    q.text = query;
    auto p = page(q, now);
    if (!p)
        return p.error();
    return std::move(p.value().rows);
}

Result<DeviceStore::Page> DeviceStore::page(const PageQuery &query, const QDateTime &now)
{
    auto txr = Tx::begin(m_db, Tx::Mode::Read);
    if (!txr)
        return txr.error();
    Tx &tx = txr.value();
    // Stuck: work waits on the device and nothing synced for the period (never synced counts from
    // its oldest pending action). A wiped or retired device is no longer expected to sync. Times
    // are stored normalised (readTime), so they compare as text.
    const QString cutoff = now.addSecs(-query.stuckAfterSeconds).toUTC().toString(Qt::ISODateWithMs);
    QString from = QStringLiteral(" FROM devices d LEFT JOIN wiped_devices w ON w.device_id = d.device_id");
    QVariantList args;
    QString where;
    if (!query.text.isEmpty()) {
        where = QStringLiteral(" WHERE (lower(d.device_id) LIKE ? OR lower(d.user_id) LIKE ?"
                               " OR lower(coalesce(d.device_name, '')) LIKE ?)");
        QString like = query.text.toLower();
        like.replace(QLatin1Char('%'), QString()).replace(QLatin1Char('_'), QString());
        like = QLatin1Char('%') + like + QLatin1Char('%');
        args << like << like << like;
    }
    const QString stuck = QStringLiteral(
        "(CASE WHEN coalesce(d.pending_actions, 0) > 0 AND w.wiped_at IS NULL AND d.retired_at IS NULL"
        " AND coalesce(nullif(d.last_sync_at, ''), nullif(d.oldest_pending_at, ''), '') < ?"
        " THEN 1 ELSE 0 END)");

    Page out;
    // The counts need a query of their own only for a page or the stuck ones alone; the whole list
    // counts itself as it is read (list(), `outpostd device list`).
    const bool whole = query.limit < 0 && !query.stuckOnly;
    if (!whole) {
        auto c = tx.run(
            QStringLiteral("SELECT COUNT(*), coalesce(SUM(") + stuck + QStringLiteral("), 0)") + from + where,
            QVariantList { cutoff } + args);
        if (!c)
            return c.error();
        if (c.value().next()) {
            out.matching = c.value().value(0).toLongLong();
            out.stuckTotal = c.value().value(1).toLongLong();
        }
    }
    out.total = query.stuckOnly ? out.stuckTotal : out.matching;
    if (!whole && (query.limit == 0 || query.offset >= out.total))
        return out;

    QString sql
        = QStringLiteral(
              "SELECT d.device_id, d.user_id, d.device_name, d.app_version, d.os, d.last_contact_at,"
              " d.last_sync_at, d.pending_actions, d.oldest_pending_at, d.last_sync_error, d.store_schema,"
              " w.wiped_at, w.told_at, d.retire_requested_at, d.retired_at, ")
        + stuck + QStringLiteral(" AS stuck") + from + where;
    QVariantList pageArgs = QVariantList { cutoff } + args;
    if (query.stuckOnly) {
        sql += (where.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ")) + stuck
            + QStringLiteral(" = 1");
        pageArgs << cutoff;
    }
    sql += query.stuckFirst ? QStringLiteral(" ORDER BY stuck DESC, d.last_contact_at DESC, d.device_id")
                            : QStringLiteral(" ORDER BY d.last_contact_at DESC, d.device_id");
    if (query.limit > 0) {
        sql += QStringLiteral(" LIMIT ? OFFSET ?");
        pageArgs << query.limit << query.offset;
    }
    auto q = tx.run(sql, pageArgs);
    if (!q)
        return q.error();
    QSqlQuery &r = q.value();
    while (r.next()) {
        DeviceRow d;
        d.deviceId = r.value(0).toString();
        d.user = r.value(1).toString();
        d.deviceName = text(r.value(2));
        d.appVersion = text(r.value(3));
        d.os = text(r.value(4));
        d.lastContactAt = text(r.value(5));
        d.lastSyncAt = text(r.value(6));
        if (!r.value(7).isNull())
            d.pendingActions = r.value(7).toInt();
        d.oldestPendingAt = text(r.value(8));
        d.lastSyncError = text(r.value(9));
        if (!r.value(10).isNull())
            d.storeSchema = r.value(10).toInt();
        d.wipedAt = text(r.value(11));
        const bool told = !r.value(12).isNull();
        const bool retireAsked = !r.value(13).isNull(), retired = !r.value(14).isNull();
        if (retired)
            d.wipeState = QStringLiteral("retired");
        else if (!d.wipedAt.isEmpty())
            d.wipeState = told ? QStringLiteral("wiped") : QStringLiteral("wipePending");
        else if (retireAsked)
            d.wipeState = QStringLiteral("retirePending");
        d.stuck = r.value(15).toInt() != 0;
        if (whole) {
            ++out.matching;
            out.stuckTotal += d.stuck ? 1 : 0;
        }
        out.rows.append(std::move(d));
    }
    if (whole)
        out.total = out.matching;
    return out;
}

Status recordDeviceAudit(Tx &tx, const QString &at, const QString &deviceId, const QString &by,
    const QString &action, const QJsonObject &details)
{
    auto a
        = tx.run(QStringLiteral(
                     "INSERT INTO audit (case_id, at, by_user, device_id, client_time, action, changes, note)"
                     " VALUES ('', ?, ?, ?, NULL, ?, ?, NULL)"),
            { at, by, deviceId, action,
                QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)) });
    if (!a)
        return a.error();
    return Status::success();
}

Result<QString> DeviceStore::requestFullSync(const QString &deviceId, const QString &by)
{
    if (Status s = checkId(deviceId); !s)
        return s.error();
    auto txr = Tx::begin(m_db, Tx::Mode::Write);
    if (!txr)
        return txr.error();
    Tx &tx = txr.value();
    auto q = tx.run(QStringLiteral("SELECT user_id FROM devices WHERE device_id = ?"), { deviceId });
    if (!q)
        return q.error();
    if (!q.value().next())
        return notKnown(deviceId);
    const QString user = q.value().value(0).toString();
    q.value().finish();
    if (auto u = tx.run(
            QStringLiteral("UPDATE devices SET full_sync_requested = 1 WHERE device_id = ?"), { deviceId });
        !u)
        return u.error();
    if (Status s = recordDeviceAudit(tx, nowRfc3339(), deviceId, by, QStringLiteral("device.fullSync"), {});
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return user;
}

Result<QSet<QString>> DeviceStore::signOut(const QString &deviceId, const QString &by)
{
    if (Status s = checkId(deviceId); !s)
        return s.error();
    auto txr = Tx::begin(m_db, Tx::Mode::Write);
    if (!txr)
        return txr.error();
    Tx &tx = txr.value();
    auto known = tx.run(QStringLiteral("SELECT 1 FROM devices WHERE device_id = ? UNION ALL"
                                       " SELECT 1 FROM sessions WHERE device_id = ?"),
        { deviceId, deviceId });
    if (!known)
        return known.error();
    if (!known.value().next())
        return notKnown(deviceId);
    known.value().finish();
    auto open = tx.run(
        QStringLiteral("SELECT token_hash FROM sessions WHERE device_id = ? AND revoked = 0"), { deviceId });
    if (!open)
        return open.error();
    QSet<QString> hashes;
    while (open.value().next())
        hashes.insert(open.value().value(0).toString());
    open.value().finish();
    if (auto u = tx.run(QStringLiteral("UPDATE sessions SET revoked = 1 WHERE device_id = ? AND revoked = 0"),
            { deviceId });
        !u)
        return u.error();
    if (Status s = recordDeviceAudit(tx, nowRfc3339(), deviceId, by, QStringLiteral("device.signOut"),
            { { QStringLiteral("sessions"), int(hashes.size()) } });
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return hashes;
}

Result<QString> DeviceStore::retire(const QString &deviceId, const QString &by)
{
    if (Status s = checkId(deviceId); !s)
        return s.error();
    auto txr = Tx::begin(m_db, Tx::Mode::Write);
    if (!txr)
        return txr.error();
    Tx &tx = txr.value();
    auto q = tx.run(
        QStringLiteral("SELECT d.user_id, d.retire_requested_at, w.device_id FROM devices d"
                       " LEFT JOIN wiped_devices w ON w.device_id = d.device_id WHERE d.device_id = ?"),
        { deviceId });
    if (!q)
        return q.error();
    if (!q.value().next())
        return notKnown(deviceId);
    const QString user = q.value().value(0).toString();
    if (!q.value().value(2).isNull())
        return Error(
            QStringLiteral("conflict"), QStringLiteral("The device '%1' is wiped already.").arg(deviceId));
    if (!q.value().value(1).isNull())
        return user; // asked already: nothing new to record
    q.value().finish();
    if (auto u = tx.run(
            QStringLiteral(
                "UPDATE devices SET retire_requested_at = ?, retire_requested_by = ? WHERE device_id = ?"),
            { nowRfc3339(), by, deviceId });
        !u)
        return u.error();
    if (Status s = recordDeviceAudit(tx, nowRfc3339(), deviceId, by, QStringLiteral("device.retire"), {}); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return user;
}

Result<QJsonArray> DeviceStore::audit(const AuditQuery &query)
{
    if (query.limit < 1 || query.limit > 500)
        return Error(QStringLiteral("bad_request"), QStringLiteral("'limit' is 1 to 500."),
            { { QStringLiteral("limit"), QStringLiteral("1 to 500.") } });
    auto txr = Tx::begin(m_db, Tx::Mode::Read);
    if (!txr)
        return txr.error();
    QStringList where;
    QVariantList args;
    if (!query.deviceId.isEmpty()) {
        where << QStringLiteral("device_id = ?");
        args << query.deviceId;
    }
    if (!query.user.isEmpty()) {
        where << QStringLiteral("(by_user = ? OR original_by = ?)");
        args << query.user << query.user;
    }
    if (!query.caseId.isEmpty()) {
        where << QStringLiteral("case_id = ?");
        args << query.caseId;
    }
    QString sql = QStringLiteral("SELECT id, at, by_user, device_id, action, case_id, client_time, changes, "
                                 "note, original_by FROM audit");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    args << query.limit;
    auto q = txr.value().run(sql, args);
    if (!q)
        return q.error();
    QJsonArray out;
    QSqlQuery &r = q.value();
    while (r.next()) {
        QJsonObject details;
        const QJsonObject changes = QJsonDocument::fromJson(r.value(7).toString().toUtf8()).object();
        if (r.value(5).toString().isEmpty())
            details = changes; // a device's row: its details are stored where a case's changes are
        else if (!changes.isEmpty())
            details.insert(QStringLiteral("changes"), changes);
        if (!r.value(6).isNull())
            details.insert(QStringLiteral("clientTime"), r.value(6).toString());
        if (!r.value(8).isNull())
            details.insert(QStringLiteral("note"), r.value(8).toString());
        if (!r.value(9).isNull())
            details.insert(QStringLiteral("originalAuthor"), r.value(9).toString());
        out.append(QJsonObject { { QStringLiteral("id"), r.value(0).toString() },
            { QStringLiteral("at"), r.value(1).toString() }, { QStringLiteral("by"), r.value(2).toString() },
            { QStringLiteral("device"), textOrNull(text(r.value(3))) },
            { QStringLiteral("action"), r.value(4).toString() },
            { QStringLiteral("caseId"), textOrNull(r.value(5).toString()) },
            { QStringLiteral("details"), details } });
    }
    return out;
}

} // namespace outpost::server
