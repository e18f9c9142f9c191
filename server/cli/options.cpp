// SPDX-License-Identifier: MIT
#include "options.h"

#include "commonoptions.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

namespace outpost::cli {

namespace {

Error usage(const QString &message)
{
    return Error(QStringLiteral("usage"), message);
}
Error badConfig(const QString &message)
{
    return Error(QStringLiteral("bad_config"), message);
}

const QStringList kRoles { QStringLiteral("admin"), QStringLiteral("dispatcher"),
    QStringLiteral("technician") };

constexpr qint64 kMaxRetentionDays = 36500;

const QStringList kLogLevels
    = { QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning"), QStringLiteral("error") };

/// A whole decimal number in [min, max], or an error naming `what`.
Result<qint64> number(const QString &text, const QString &what, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max)
        return Error(QStringLiteral("usage"),
            QStringLiteral("%1 must be a whole number from %2 to %3, not '%4'")
                .arg(what)
                .arg(min)
                .arg(max)
                .arg(text));
    return v;
}

Result<Invocation> parseUserCommand(const QStringList &arguments)
{
    const QString program = arguments.value(0);
    const QString sub = arguments.value(2);
    Invocation inv;
    if (sub == QLatin1String("add"))
        inv.command = Command::UserAdd;
    else if (sub == QLatin1String("passwd"))
        inv.command = Command::UserPasswd;
    else if (sub == QLatin1String("list"))
        inv.command = Command::UserList;
    else if (sub == QLatin1String("disable"))
        inv.command = Command::UserDisable;
    else if (sub == QLatin1String("enable"))
        inv.command = Command::UserEnable;
    else
        return usage(sub.isEmpty()
                ? QStringLiteral("'user' needs a subcommand: add, passwd, list, disable or enable")
                : QStringLiteral("unknown user subcommand '%1' (add, passwd, list, disable, enable)")
                      .arg(sub));

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Administer outpostd user accounts."));
    CommonOptions common;
    common.addTo(p);
    const QCommandLineOption name(
        QStringLiteral("name"), QStringLiteral("Display name."), QStringLiteral("NAME"));
    const QCommandLineOption role(QStringLiteral("role"),
        QStringLiteral("Role: technician (default), dispatcher or admin."), QStringLiteral("ROLE"));
    const QCommandLineOption queue(QStringLiteral("queue"),
        QStringLiteral("Work queue the user belongs to; repeat for several."), QStringLiteral("Q"));
    const QCommandLineOption stdinPw(QStringLiteral("password-stdin"),
        QStringLiteral("Read the password from the first line of standard input instead of prompting."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the users as JSON."));
    if (inv.command == Command::UserAdd) {
        p.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("User id (the sign-in name)."));
        p.addOptions({ name, role, queue, stdinPw });
    } else if (inv.command == Command::UserPasswd) {
        p.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("User id."));
        p.addOption(stdinPw);
    } else if (inv.command == Command::UserDisable || inv.command == Command::UserEnable) {
        p.addPositionalArgument(QStringLiteral("ID"),
            inv.command == Command::UserDisable
                ? QStringLiteral("User id. Their sessions end; sign-in and every request answer 403 "
                                 "account_disabled, and their devices erase what lets them sign in offline.")
                : QStringLiteral("User id. They may sign in again."));
    } else {
        p.addOption(json);
    }
    QStringList args = arguments.mid(3);
    args.prepend(program + QStringLiteral(" user ") + sub);
    if (!p.parse(args))
        return usage(p.errorText());
    if (p.isSet(common.help)) {
        inv.helpText = helpWithUsage(p,
            QStringLiteral("outpostd user %1 [options]%2")
                .arg(sub, inv.command == Command::UserList ? QString() : QStringLiteral(" ID")));
        inv.command = Command::Help;
        return inv;
    }
    if (Status s = common.apply(p, &inv.options); !s)
        return s.error();
    const QStringList pos = p.positionalArguments();
    if (inv.command == Command::UserList) {
        if (!pos.isEmpty())
            return usage(QStringLiteral("'user list' takes no arguments"));
        inv.json = p.isSet(json);
        return inv;
    }
    if (pos.size() != 1)
        return usage(QStringLiteral("'user %1' needs exactly one user id").arg(sub));
    inv.userId = pos.first();
    inv.passwordFromStdin = p.isSet(stdinPw);
    if (inv.command == Command::UserAdd) {
        if (!p.isSet(name) || p.value(name).trimmed().isEmpty())
            return usage(QStringLiteral("'user add' needs --name NAME"));
        inv.displayName = p.value(name).trimmed();
        if (p.isSet(role)) {
            inv.role = p.value(role);
            if (!kRoles.contains(inv.role))
                return usage(
                    QStringLiteral("--role must be admin, dispatcher or technician, not '%1'").arg(inv.role));
        }
        inv.queues = p.values(queue);
    }
    return inv;
}

/// `outpostd device list [--json] [--stuck-hours N]`.
Result<Invocation> parseDeviceList(QCommandLineParser &p, CommonOptions &common, const QStringList &arguments)
{
    Invocation inv;
    inv.command = Command::DeviceList;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the devices as JSON."));
    const QCommandLineOption stuck(QStringLiteral("stuck-hours"),
        QStringLiteral("A device with pending work and no successful sync for this long is stuck (default: "
                       "the configuration's device_stuck_hours, 24)."),
        QStringLiteral("N"));
    p.addOptions({ json, stuck });
    QStringList args = arguments.mid(3);
    args.prepend(arguments.value(0) + QStringLiteral(" device list"));
    if (!p.parse(args))
        return usage(p.errorText());
    if (p.isSet(common.help)) {
        inv.helpText = helpWithUsage(p, QStringLiteral("outpostd device list [options]"));
        inv.command = Command::Help;
        return inv;
    }
    if (Status s = common.apply(p, &inv.options); !s)
        return s.error();
    if (!p.positionalArguments().isEmpty())
        return usage(QStringLiteral("'device list' takes no arguments"));
    inv.json = p.isSet(json);
    if (p.isSet(stuck)) {
        const auto n = number(p.value(stuck), QStringLiteral("--stuck-hours"), 1, 24 * 365);
        if (!n)
            return n.error();
        inv.options.deviceStuckHours = int(n.value());
    }
    return inv;
}

Result<Invocation> parseDeviceCommand(const QStringList &arguments)
{
    const QString program = arguments.value(0);
    const QString sub = arguments.value(2);
    Invocation inv;
    if (sub == QLatin1String("wipe"))
        inv.command = Command::DeviceWipe;
    else if (sub == QLatin1String("unwipe"))
        inv.command = Command::DeviceUnwipe;
    else if (sub == QLatin1String("list"))
        inv.command = Command::DeviceList;
    else
        return usage(sub.isEmpty()
                ? QStringLiteral("'device' needs a subcommand: list, wipe or unwipe")
                : QStringLiteral("unknown device subcommand '%1' (list, wipe, unwipe)").arg(sub));
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Administer the devices that sign in to outpostd."));
    CommonOptions common;
    common.addTo(p);
    if (inv.command == Command::DeviceList)
        return parseDeviceList(p, common, arguments);
    p.addPositionalArgument(QStringLiteral("DEVICE_ID"),
        inv.command == Command::DeviceWipe
            ? QStringLiteral("Device id (as its sessions and the audit name it). Its sessions end; its next "
                             "request or sign-in answers 403 device_wiped and the device erases its store, "
                             "attachments and keychain entries. Unsent changes are lost.")
            : QStringLiteral("Device id. A sign-in from it is accepted again."));
    QStringList args = arguments.mid(3);
    args.prepend(program + QStringLiteral(" device ") + sub);
    if (!p.parse(args))
        return usage(p.errorText());
    if (p.isSet(common.help)) {
        inv.helpText = helpWithUsage(p, QStringLiteral("outpostd device %1 [options] DEVICE_ID").arg(sub));
        inv.command = Command::Help;
        return inv;
    }
    if (Status s = common.apply(p, &inv.options); !s)
        return s.error();
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1 || pos.first().isEmpty())
        return usage(QStringLiteral("'device %1' needs exactly one device id").arg(sub));
    inv.deviceId = pos.first();
    return inv;
}

} // namespace

Status checkLogLevel(const QString &level)
{
    if (!kLogLevels.contains(level))
        return usage(QStringLiteral("log level must be one of %1, not '%2'")
                         .arg(kLogLevels.join(QStringLiteral(", ")), level));
    return {};
}

QString defaultDbUrl()
{
    return QStringLiteral("sqlite:") + QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/outpostd/outpostd.sqlite");
}

Status parseListen(const QString &text, QString *host, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return usage(QStringLiteral("listen address must be HOST:PORT, not '%1'").arg(text));
    QString h = text.left(colon);
    if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']')))
        h = h.mid(1, h.size() - 2);
    // QHostAddress also takes shorthand like "1.2.3"; ask for four dotted parts for IPv4.
    static const QRegularExpression ipv4(QStringLiteral("^\\d{1,3}(\\.\\d{1,3}){3}$"));
    const bool plausible
        = h == QLatin1String("localhost") || h.contains(QLatin1Char(':')) || ipv4.match(h).hasMatch();
    if (!plausible || (h != QLatin1String("localhost") && QHostAddress(h).isNull()))
        return usage(QStringLiteral("listen host must be an IP address or localhost, not '%1'").arg(h));
    const auto p = number(text.mid(colon + 1), QStringLiteral("listen port"), 0, 65535);
    if (!p)
        return p.error();
    *host = h;
    *port = quint16(p.value());
    return {};
}

Status readConfigFile(const QString &path, DaemonOptions *o)
{
    const QFileInfo fi(path);
    if (!fi.exists() || !fi.isFile() || !fi.isReadable())
        return badConfig(QStringLiteral("cannot read config file '%1'").arg(path));
    QSettings ini(path, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError)
        return badConfig(QStringLiteral("config file '%1' is not a valid INI file").arg(path));
    const QStringList known = { QStringLiteral("listen"), QStringLiteral("db"), QStringLiteral("attachments"),
        QStringLiteral("workers"), QStringLiteral("writers"), QStringLiteral("queued_writes"),
        QStringLiteral("token_ttl_minutes"), QStringLiteral("max_json_bytes"),
        QStringLiteral("max_attachment_bytes"), QStringLiteral("pbkdf2_iterations"),
        QStringLiteral("retention_days"), QStringLiteral("offline_days"), QStringLiteral("log_level"),
        QStringLiteral("min_password_length"), QStringLiteral("hash_threads"), QStringLiteral("hash_queue"),
        QStringLiteral("signin_user_failures"), QStringLiteral("signin_address_failures"),
        QStringLiteral("trusted_proxies"), QStringLiteral("max_connections_per_address"),
        QStringLiteral("max_websockets_per_user"), QStringLiteral("tls_cert"), QStringLiteral("tls_key"),
        QStringLiteral("tls_chain"), QStringLiteral("compression_level") };
    const auto fail = [&](const QString &key, const Error &e) {
        return badConfig(QStringLiteral("config file '%1', key '%2': %3").arg(path, key, e.message));
    };
    for (const QString &key : ini.allKeys()) {
        if (!known.contains(key))
            return badConfig(QStringLiteral("config file '%1': unknown key '%2' (known: %3)")
                                 .arg(path, key, known.join(QStringLiteral(", "))));
        const QVariant v = ini.value(key);
        if (v.typeId() != QMetaType::QString)
            return badConfig(
                QStringLiteral("config file '%1', key '%2': expected a single value").arg(path, key));
        const QString s = v.toString().trimmed();
        if (key == QLatin1String("listen")) {
            if (Status st = parseListen(s, &o->host, &o->port); !st)
                return fail(key, st.error());
        } else if (key == QLatin1String("db")) {
            if (s.isEmpty())
                return fail(key, usage(QStringLiteral("must not be empty")));
            o->dbUrl = s;
        } else if (key == QLatin1String("attachments")) {
            o->attachmentsDir = s;
        } else if (key.startsWith(QLatin1String("tls_"))) {
            if (s.isEmpty())
                return fail(key, usage(QStringLiteral("must name a file")));
            const QString file = QDir(fi.absolutePath()).absoluteFilePath(s);
            if (key == QLatin1String("tls_cert"))
                o->tlsCert = file;
            else if (key == QLatin1String("tls_key"))
                o->tlsKey = file;
            else
                o->tlsChain = file;
        } else if (key == QLatin1String("log_level")) {
            if (Status st = checkLogLevel(s); !st)
                return fail(key, st.error());
            o->logLevel = s;
        } else if (key == QLatin1String("trusted_proxies")) {
            o->trustedProxies.clear();
            for (const QString &a : s.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                if (QHostAddress(a.trimmed()).isNull())
                    return fail(key, usage(QStringLiteral("'%1' is not an IP address").arg(a.trimmed())));
                o->trustedProxies.append(QHostAddress(a.trimmed()).toString());
            }
        } else if (key == QLatin1String("max_connections_per_address")) {
            const auto n = number(s, key, 0, 1000000);
            if (!n)
                return fail(key, n.error());
            o->maxConnectionsPerAddress = int(n.value());
        } else if (key == QLatin1String("compression_level")) {
            const auto n = number(s, key, 0, 9);
            if (!n)
                return fail(key, n.error());
            o->compressionLevel = int(n.value());
        } else if (key == QLatin1String("offline_days")) {
            const auto n = number(s, key, 0, 365);
            if (!n)
                return fail(key, n.error());
            o->offlineDays = int(n.value());
        } else if (key == QLatin1String("device_stuck_hours")) {
            const auto n = number(s, key, 1, 24 * 365);
            if (!n)
                return fail(key, n.error());
            o->deviceStuckHours = int(n.value());
        } else if (key == QLatin1String("retention_days")) {
            const auto n = number(s, key, 1, kMaxRetentionDays);
            if (!n)
                return fail(key, n.error());
            o->retentionDays = int(n.value());
        } else {
            const bool bytes = key.startsWith(QLatin1String("max_"));
            const auto n = number(s, key, 1, bytes ? (qint64(1) << 40) : 100000000);
            if (!n)
                return fail(key, n.error());
            if (key == QLatin1String("workers"))
                o->workers = int(qMin<qint64>(n.value(), 256));
            else if (key == QLatin1String("writers"))
                o->writers = int(qMin<qint64>(n.value(), 64));
            else if (key == QLatin1String("queued_writes"))
                o->queuedWrites = int(qMin<qint64>(n.value(), 256));
            else if (key == QLatin1String("token_ttl_minutes"))
                o->tokenTtlMinutes = int(n.value());
            else if (key == QLatin1String("max_json_bytes"))
                o->maxJsonBytes = n.value();
            else if (key == QLatin1String("max_attachment_bytes"))
                o->maxAttachmentBytes = n.value();
            else if (key == QLatin1String("min_password_length"))
                o->minPasswordLength = int(qMin<qint64>(n.value(), 1024));
            else if (key == QLatin1String("hash_threads"))
                o->hashThreads = int(qMin<qint64>(n.value(), 64));
            else if (key == QLatin1String("hash_queue"))
                o->hashQueue = int(qMin<qint64>(n.value(), 256));
            else if (key == QLatin1String("signin_user_failures"))
                o->signInUserFailures = int(qMin<qint64>(n.value(), 1000));
            else if (key == QLatin1String("max_websockets_per_user"))
                o->maxWebSocketsPerUser = int(qMin<qint64>(n.value(), 10000));
            else if (key == QLatin1String("signin_address_failures"))
                o->signInAddressFailures = int(qMin<qint64>(n.value(), 100000));
            else
                o->pbkdf2Iterations = int(n.value());
        }
    }
    return {};
}

Result<Invocation> parseCommandLine(const QStringList &arguments)
{
    if (arguments.value(1) == QLatin1String("user"))
        return parseUserCommand(arguments);
    if (arguments.value(1) == QLatin1String("device"))
        return parseDeviceCommand(arguments);
    if (arguments.value(1) == QLatin1String("data-page") || arguments.value(1) == QLatin1String("case-type"))
        return parseRefDataCommand(arguments);

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "outpostd, the Outpost sync service.\n\n"
        "Administration:\n"
        "  outpostd user add ID --name NAME [--role admin|dispatcher|technician] [--queue Q ...]"
        " [--password-stdin]\n"
        "  outpostd user passwd ID [--password-stdin]\n"
        "  outpostd user list [--json]\n"
        "  outpostd user disable|enable ID\n"
        "  outpostd device list [--json] [--stuck-hours N]\n"
        "  outpostd device wipe|unwipe DEVICE_ID\n"
        "  outpostd data-page import|export NAME FILE.csv\n"
        "  outpostd case-type put FILE.json [--check]\n"
        "(each also takes --db and --config; see 'outpostd user add --help')"));
    CommonOptions common;
    common.addTo(p);
    const QCommandLineOption version(
        { QStringLiteral("v"), QStringLiteral("version") }, QStringLiteral("Print the version and exit."));
    const QCommandLineOption listen(QStringLiteral("listen"),
        QStringLiteral("Address to listen on (default 127.0.0.1:8470; port 0 picks a free port)."),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption demo(QStringLiteral("demo"), QStringLiteral("Seed the demo data set (once)."));
    const QCommandLineOption demoCases(QStringLiteral("demo-cases"),
        QStringLiteral("Number of demo cases (default 300)."), QStringLiteral("N"));
    const QCommandLineOption demoHistory(QStringLiteral("demo-history"),
        QStringLiteral("History entries per demo case: created, then office notes (default 0)."),
        QStringLiteral("N"));
    const QCommandLineOption attachments(QStringLiteral("attachments"),
        QStringLiteral("Directory for attachment files (default: beside the database)."),
        QStringLiteral("DIR"));
    const QCommandLineOption workers(QStringLiteral("workers"),
        QStringLiteral("Worker threads running requests (default 16)."), QStringLiteral("N"));
    const QCommandLineOption writers(QStringLiteral("writers"),
        QStringLiteral("Write transactions at once (default 2); up to --queued-writes more wait, "
                       "further writes get 503 busy."),
        QStringLiteral("N"));
    const QCommandLineOption queuedWrites(QStringLiteral("queued-writes"),
        QStringLiteral("Writes waiting for a turn (default 8)."), QStringLiteral("N"));
    const QCommandLineOption retention(QStringLiteral("retention-days"),
        QStringLiteral("Days the changes feed keeps the history delta syncs need (default 30); a device "
                       "that has not synced for longer does a full sync."),
        QStringLiteral("N"));
    const QCommandLineOption offline(QStringLiteral("offline-days"),
        QStringLiteral("Days a device may sign in offline after its last contact with this server "
                       "(default 7; 0: never)."),
        QStringLiteral("N"));
    QCommandLineOption pbkdf2(QStringLiteral("pbkdf2-iterations"),
        QStringLiteral("PBKDF2 cost for newly set passwords (default 600000)."), QStringLiteral("N"));
    pbkdf2.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption maxConnections(QStringLiteral("max-connections-per-address"),
        QStringLiteral("Open connections from one source address (default 128; 0: no cap)."),
        QStringLiteral("N"));
    const QCommandLineOption compression(QStringLiteral("compression-level"),
        QStringLiteral("zlib level (1-9) of answers to clients that accept gzip or deflate (default 6; "
                       "0: never compress)."),
        QStringLiteral("N"));
    const QCommandLineOption maxWebSockets(QStringLiteral("max-websockets-per-user"),
        QStringLiteral("Push connections (WebSockets) of one user (default 8)."), QStringLiteral("N"));
    QCommandLineOption recheck(QStringLiteral("websocket-recheck-ms"),
        QStringLiteral("How often an open WebSocket's session is checked (default 60000)."),
        QStringLiteral("MS"));
    recheck.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
        QStringLiteral("Serve HTTPS and WSS (only) with this PEM certificate, optionally followed by its "
                       "intermediates; needs --tls-key. SIGHUP reloads both files."),
        QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"),
        QStringLiteral("The certificate's PEM private key (unencrypted, readable by outpostd's user only)."),
        QStringLiteral("FILE"));
    const QCommandLineOption tlsChain(QStringLiteral("tls-chain"),
        QStringLiteral("PEM intermediate certificates sent after the certificate, if not in its file."),
        QStringLiteral("FILE"));
    QCommandLineOption tlsHandshake(QStringLiteral("tls-handshake-timeout-ms"),
        QStringLiteral("How long a TLS handshake may take (default 10000)."), QStringLiteral("MS"));
    tlsHandshake.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption stuckHours(QStringLiteral("device-stuck-hours"),
        QStringLiteral("Hours after which a device with pending work and no successful sync is stuck in the "
                       "console and 'device list' (default 24)."),
        QStringLiteral("N"));
    p.addOptions({ version, listen, demo, demoCases, demoHistory, attachments, workers, writers, queuedWrites,
        retention, offline, stuckHours, pbkdf2, maxConnections, compression, maxWebSockets, recheck, tlsCert,
        tlsKey, tlsChain, tlsHandshake });

    if (!p.parse(arguments))
        return usage(p.errorText());
    Invocation inv;
    if (p.isSet(common.help)) {
        inv.command = Command::Help;
        inv.helpText = helpWithUsage(p,
            QStringLiteral("outpostd [options] | outpostd user add|passwd|list|disable|enable ... | outpostd "
                           "device wipe|unwipe ..."));
        return inv;
    }
    if (p.isSet(version)) {
        inv.command = Command::Version;
        return inv;
    }
    if (!p.positionalArguments().isEmpty())
        return usage(
            QStringLiteral("unknown command '%1' (see --help)").arg(p.positionalArguments().first()));
    DaemonOptions &o = inv.options;
    if (Status s = common.apply(p, &o); !s)
        return s.error();
    if (p.isSet(listen)) {
        if (Status s = parseListen(p.value(listen), &o.host, &o.port); !s)
            return s.error();
    }
    o.demo = p.isSet(demo);
    if (p.isSet(demoCases)) {
        const auto n = number(p.value(demoCases), QStringLiteral("--demo-cases"), 0, 10000000);
        if (!n)
            return n.error();
        o.demoCases = int(n.value());
        o.demo = true;
    }
    if (p.isSet(demoHistory)) {
        const auto n = number(p.value(demoHistory), QStringLiteral("--demo-history"), 0, 100);
        if (!n)
            return n.error();
        o.demoHistory = int(n.value());
    }
    if (p.isSet(attachments))
        o.attachmentsDir = p.value(attachments);
    if (p.isSet(workers)) {
        const auto n = number(p.value(workers), QStringLiteral("--workers"), 1, 256);
        if (!n)
            return n.error();
        o.workers = int(n.value());
    }
    if (p.isSet(writers)) {
        const auto n = number(p.value(writers), QStringLiteral("--writers"), 1, 64);
        if (!n)
            return n.error();
        o.writers = int(n.value());
    }
    if (p.isSet(queuedWrites)) {
        const auto n = number(p.value(queuedWrites), QStringLiteral("--queued-writes"), 0, 256);
        if (!n)
            return n.error();
        o.queuedWrites = int(n.value());
    }
    if (p.isSet(retention)) {
        const auto n = number(p.value(retention), QStringLiteral("--retention-days"), 1, kMaxRetentionDays);
        if (!n)
            return n.error();
        o.retentionDays = int(n.value());
    }
    if (p.isSet(offline)) {
        const auto n = number(p.value(offline), QStringLiteral("--offline-days"), 0, 365);
        if (!n)
            return n.error();
        o.offlineDays = int(n.value());
    }
    if (p.isSet(stuckHours)) {
        const auto n = number(p.value(stuckHours), QStringLiteral("--device-stuck-hours"), 1, 24 * 365);
        if (!n)
            return n.error();
        o.deviceStuckHours = int(n.value());
    }
    if (p.isSet(pbkdf2)) {
        const auto n = number(p.value(pbkdf2), QStringLiteral("--pbkdf2-iterations"), 1, 100000000);
        if (!n)
            return n.error();
        o.pbkdf2Iterations = int(n.value());
    }
    if (p.isSet(maxConnections)) {
        const auto n
            = number(p.value(maxConnections), QStringLiteral("--max-connections-per-address"), 0, 1000000);
        if (!n)
            return n.error();
        o.maxConnectionsPerAddress = int(n.value());
    }
    if (p.isSet(compression)) {
        const auto n = number(p.value(compression), QStringLiteral("--compression-level"), 0, 9);
        if (!n)
            return n.error();
        o.compressionLevel = int(n.value());
    }
    if (p.isSet(maxWebSockets)) {
        const auto n = number(p.value(maxWebSockets), QStringLiteral("--max-websockets-per-user"), 1, 10000);
        if (!n)
            return n.error();
        o.maxWebSocketsPerUser = int(n.value());
    }
    if (p.isSet(recheck)) {
        const auto n = number(p.value(recheck), QStringLiteral("--websocket-recheck-ms"), 10, 86400000);
        if (!n)
            return n.error();
        o.webSocketRecheckMs = int(n.value());
    }
    if (p.isSet(tlsHandshake)) {
        const auto n
            = number(p.value(tlsHandshake), QStringLiteral("--tls-handshake-timeout-ms"), 10, 600000);
        if (!n)
            return n.error();
        o.tlsHandshakeTimeoutMs = int(n.value());
    }
    if (p.isSet(tlsCert))
        o.tlsCert = p.value(tlsCert);
    if (p.isSet(tlsKey))
        o.tlsKey = p.value(tlsKey);
    if (p.isSet(tlsChain))
        o.tlsChain = p.value(tlsChain);
    if (o.tlsCert.isEmpty() != o.tlsKey.isEmpty())
        return usage(QStringLiteral("--tls-cert and --tls-key go together (a certificate and its key)"));
    if (!o.tlsChain.isEmpty() && o.tlsCert.isEmpty())
        return usage(QStringLiteral("--tls-chain needs --tls-cert and --tls-key"));
    return inv;
}

} // namespace outpost::cli
