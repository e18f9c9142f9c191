// SPDX-License-Identifier: MIT
#include "devicereporter.h"

#include "localstore.h"
#include "serverpages.h"
#include "storereads.h"

#include <QSysInfo>

namespace outpost::sync {

namespace {
QJsonValue timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}
} // namespace

QString DeviceReporter::deviceName()
{
    const QString host = QSysInfo::machineHostName();
    return (host.isEmpty() ? QSysInfo::productType() : host).left(200);
}

QString DeviceReporter::osName()
{
    return QSysInfo::prettyProductName().left(200);
}

QJsonObject DeviceReporter::build(const client::LocalStore &store, const QString &lastError)
{
    return { { QStringLiteral("deviceName"), deviceName() },
        { QStringLiteral("appVersion"), QStringLiteral(OUTPOST_VERSION) }, { QStringLiteral("os"), osName() },
        { QStringLiteral("pendingActions"), store.reads().pendingCount() },
        { QStringLiteral("oldestPendingAt"), timeOrNull(store.reads().oldestPendingAt()) },
        { QStringLiteral("lastSyncAt"), timeOrNull(store.pages().lastSuccess()) },
        { QStringLiteral("lastSyncError"),
            lastError.isEmpty() ? QJsonValue() : QJsonValue(lastError.left(1000)) },
        { QStringLiteral("storeSchema"), store.schemaVersion() } };
}

} // namespace outpost::sync
