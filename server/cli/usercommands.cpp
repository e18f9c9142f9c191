// SPDX-License-Identifier: MIT
#include "commands.h"
#include "logsetup.h"
#include "password.h"
#include "serviceoptions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace outpost::cli {

namespace {

int fail(const Error &e, int code)
{
    std::fprintf(stderr, "outpostd: %s\n", qPrintable(e.toString()));
    return code;
}

int listUsers(server::Service &service, bool json)
{
    const auto users = service.listUsers();
    if (!users)
        return fail(users.error(), ExitFailure);
    if (json) {
        QJsonArray arr;
        for (const server::UserInfo &u : users.value())
            arr.append(QJsonObject { { QStringLiteral("id"), u.id },
                { QStringLiteral("displayName"), u.displayName },
                { QStringLiteral("roles"), QJsonArray::fromStringList(u.roles) },
                { QStringLiteral("queues"), QJsonArray::fromStringList(u.queues) } });
        std::printf("%s\n", QJsonDocument(arr).toJson(QJsonDocument::Indented).constData());
    } else {
        for (const server::UserInfo &u : users.value())
            std::printf("%s\t%s\t%s\t%s\n", qPrintable(u.id), qPrintable(u.displayName),
                qPrintable(u.roles.join(QLatin1Char(','))), qPrintable(u.queues.join(QLatin1Char(','))));
    }
    std::fflush(stdout);
    return ExitOk;
}

/// `outpostd device list`: one line per device (tab-separated; a stuck one marked STUCK), or JSON.
int listDevices(server::Service &service, int stuckHours, bool json)
{
    const auto devices = service.listDevices(stuckHours);
    if (!devices)
        return fail(devices.error(), ExitFailure);
    if (json) {
        std::printf("%s\n", QJsonDocument(devices.value()).toJson(QJsonDocument::Indented).constData());
    } else {
        auto orDash = [](const QJsonValue &v) {
            return v.isNull() || v.isUndefined() ? QStringLiteral("-")
                : v.isDouble()                   ? QString::number(v.toInt())
                                                 : v.toString();
        };
        std::printf("DEVICE\tUSER\tNAME\tAPP\tLAST CONTACT\tLAST SYNC\tPENDING\tSCHEMA\tSTATE\n");
        for (const QJsonValue &v : devices.value()) {
            const QJsonObject d = v.toObject();
            QStringList state;
            if (d.value(QStringLiteral("stuck")).toBool())
                state << QStringLiteral("STUCK");
            if (!d.value(QStringLiteral("wipeState")).isNull())
                state << d.value(QStringLiteral("wipeState")).toString();
            if (!d.value(QStringLiteral("lastSyncError")).isNull())
                state << QStringLiteral("error: ") + d.value(QStringLiteral("lastSyncError")).toString();
            std::printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
                qPrintable(orDash(d.value(QStringLiteral("deviceId")))),
                qPrintable(orDash(d.value(QStringLiteral("user")))),
                qPrintable(orDash(d.value(QStringLiteral("deviceName")))),
                qPrintable(orDash(d.value(QStringLiteral("appVersion")))),
                qPrintable(orDash(d.value(QStringLiteral("lastContactAt")))),
                qPrintable(orDash(d.value(QStringLiteral("lastSyncAt")))),
                qPrintable(orDash(d.value(QStringLiteral("pendingActions")))),
                qPrintable(orDash(d.value(QStringLiteral("storeSchema")))),
                qPrintable(state.isEmpty() ? QStringLiteral("-") : state.join(QStringLiteral(", "))));
        }
    }
    std::fflush(stdout);
    return ExitOk;
}

} // namespace

int runUserCommand(const Invocation &inv)
{
    // Read the password before touching the database, so bad input changes nothing.
    QString password;
    if (inv.command == Command::UserAdd || inv.command == Command::UserPasswd) {
        auto pw = readNewPassword(inv.passwordFromStdin);
        if (!pw)
            return fail(pw.error(), ExitUsage);
        password = pw.value();
    }
    const server::ServiceOptions so = serviceOptions(inv.options);
    auto opened = server::Service::open(so);
    if (!opened) {
        std::fprintf(stderr, "outpostd: cannot open the database %s: %s\n",
            qPrintable(redactedDbUrl(so.dbUrl)), qPrintable(opened.error().toString()));
        return opened.error().code == QLatin1String("bad_config") ? ExitUsage : ExitFailure;
    }
    server::Service &service = *opened.value();
    Status s;
    if (inv.command == Command::UserList)
        return listUsers(service, inv.json);
    if (inv.command == Command::DeviceList)
        return listDevices(service, inv.options.deviceStuckHours, inv.json);
    if (inv.command == Command::UserAdd) {
        s = service.addUser({ inv.userId, inv.displayName, { inv.role }, inv.queues }, password);
        if (s)
            qCInfo(lcMain).noquote() << "user" << inv.userId << "added";
    } else if (inv.command == Command::UserDisable || inv.command == Command::UserEnable) {
        const bool disable = inv.command == Command::UserDisable;
        s = service.setUserDisabled(inv.userId, disable);
        if (s)
            qCInfo(lcMain).noquote() << "user" << inv.userId << (disable ? "disabled" : "enabled");
    } else if (inv.command == Command::DeviceWipe || inv.command == Command::DeviceUnwipe) {
        const bool wipe = inv.command == Command::DeviceWipe;
        s = service.setDeviceWiped(inv.deviceId, wipe, QStringLiteral("outpostd-cli"));
        if (s)
            qCInfo(lcMain).noquote() << "device" << inv.deviceId << (wipe ? "wiped" : "unwiped");
    } else {
        s = service.setPassword(inv.userId, password);
        if (s)
            qCInfo(lcMain).noquote() << "password of user" << inv.userId << "changed";
    }
    if (!s) {
        const bool usage = s.error().code == QLatin1String("bad_request")
            || s.error().code == QLatin1String("not_found") || s.error().code == QLatin1String("conflict")
            || s.error().code == QLatin1String("exists");
        return fail(s.error(), usage ? ExitUsage : ExitFailure);
    }
    return ExitOk;
}

} // namespace outpost::cli
