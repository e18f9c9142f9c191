// SPDX-License-Identifier: MIT
// Commands that talk to the server or report on the whole store: signin, signout, sync, status,
// check, export-diagnostics.
#include "apiclient.h"
#include "clicontext.h"
#include "credentialstore.h"
#include "devicewipe.h"
#include "httptransport.h"
#include "localstore.h"
#include "redact.h"
#include "signin.h"
#include "synccontroller.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSysInfo>

#include <cstdio>
#include <iostream>
#include <optional>
#include <string>

namespace outpost::cli {

using namespace outpost::sync;

namespace {

QJsonObject statusJson(const client::StoreStatus &s)
{
    return QJsonObject { { QStringLiteral("store"), s.path },
        { QStringLiteral("schemaVersion"), s.schemaVersion }, { QStringLiteral("cases"), s.cases },
        { QStringLiteral("pending"), s.pending }, { QStringLiteral("held"), s.held },
        { QStringLiteral("inflight"), s.inflight }, { QStringLiteral("conflicts"), s.conflicts },
        { QStringLiteral("syncIssues"), s.syncIssues },
        { QStringLiteral("attachmentsToUpload"), s.attachmentsToUpload },
        { QStringLiteral("lastSync"),
            s.lastSuccess.isValid() ? QJsonValue(s.lastSuccess.toUTC().toString(Qt::ISODate))
                                    : QJsonValue() },
        { QStringLiteral("fullSyncInProgress"), s.fullSyncInProgress } };
}

} // namespace

QString redactSecrets(QString text)
{
    static const QRegularExpression bearer(QStringLiteral("(?i)(bearer\\s+)[^\\s\"',}]+"));
    static const QRegularExpression keyed(QStringLiteral(
        "(?i)(token|password|passwd|secret|verifier|authorization)(\"?\\s*[:=]\\s*\"?)[^\\s\"',}]+"));
    static const QRegularExpression pbkdf2(QStringLiteral("pbkdf2-sha256\\$[^\\s\"']+"));
    text.replace(bearer, QStringLiteral("\\1[redacted]"));
    text.replace(keyed, QStringLiteral("\\1\\2[redacted]"));
    text.replace(pbkdf2, QStringLiteral("[redacted]"));
    return text;
}

Result<std::shared_ptr<HttpTransport>> profileTransport(const Profile &p)
{
    auto policy = TransportPolicy::load(p.allowInsecureHttp, p.caBundle);
    if (!policy.ok())
        return policy.error();
    return std::make_shared<HttpTransport>(policy.value());
}

int cmdSignIn(Context &ctx)
{
    const QUrl server(ctx.options.value(QStringLiteral("server")));
    const QString user = ctx.options.value(QStringLiteral("user"));
    if (server.isEmpty() || user.isEmpty())
        return usage(ctx, QStringLiteral("signin needs --server URL and --user U"));
    if (!ctx.flags.contains(QStringLiteral("password-stdin")))
        return usage(
            ctx, QStringLiteral("signin reads the password from standard input: add --password-stdin"));
    Profile p;
    p.server = server;
    p.user = user;
    p.allowInsecureHttp = ctx.flags.contains(QStringLiteral("allow-insecure-http"));
    if (ctx.options.contains(QStringLiteral("ca-bundle")))
        p.caBundle = QFileInfo(ctx.options.value(QStringLiteral("ca-bundle"))).absoluteFilePath();
    auto http = profileTransport(p);
    if (!http.ok())
        return fail(ctx, http.error());
    std::string line;
    std::getline(std::cin, line);
    QString password = QString::fromStdString(line);
    if (password.endsWith(QLatin1Char('\r')))
        password.chop(1);

    int code = ExitFailure;
    bool finished = false;
    SignIn signIn(SyncServices { http.value(), nullptr, {} });
    if (ctx.options.contains(QStringLiteral("timeout")))
        signIn.setTransferTimeout(ctx.options.value(QStringLiteral("timeout")).toInt() * 1000);
    signIn.signIn(server, user, password, ctx.profileDir, [&](Result<SignInOutcome> r) {
        finished = true;
        if (!r.ok()) {
            // The sign-in erased the wiped device's store; the profile no longer names it.
            if (r.error().code == QLatin1String(errc::DeviceWiped))
                if (auto old = loadProfile(ctx.profileDir);
                    old.ok() && old->server == server && old->user == user)
                    QFile::remove(QDir(ctx.profileDir).filePath(QStringLiteral("profile.json")));
            code = fail(ctx, r.error());
            QCoreApplication::exit(code);
            return;
        }
        p.storePath = r->storePath;
        if (Status s = saveProfile(ctx.profileDir, p); !s.ok()) {
            code = fail(ctx, s.error());
            QCoreApplication::exit(code);
            return;
        }
        if (ctx.json) {
            QJsonObject o = r->session.toJson(false);
            o.insert(QStringLiteral("offline"), r->offline);
            o.insert(QStringLiteral("store"), r->storePath);
            o.insert(QStringLiteral("server"), server.toString());
            printJson(ctx, o);
        } else {
            ctx.out << "Signed in as " << user
                    << (r->offline ? " (offline: the server cannot be reached)" : "") << "\n";
        }
        code = ExitOk;
        QCoreApplication::exit(code);
    });
    if (!finished) // a callback may answer at once (bad input): then there is no loop to run
        QCoreApplication::exec();
    return code;
}

int cmdSignOut(Context &ctx)
{
    auto p = loadProfile(ctx.profileDir);
    if (!p.ok())
        return fail(ctx, p.error());
    auto http = profileTransport(p.value());
    if (!http.ok())
        return fail(ctx, http.error());
    int code = ExitFailure;
    bool finished = false;
    SignIn signIn(SyncServices { http.value(), nullptr, {} });
    signIn.signOut(p->server, p->user, [&](Status s) {
        finished = true;
        code = s.ok() ? int(ExitOk) : fail(ctx, s.error());
        QCoreApplication::exit(code);
    });
    if (!finished)
        QCoreApplication::exec();
    if (code == ExitOk && !ctx.json)
        ctx.out << "Signed out; the local work stays on this device.\n";
    return code;
}

/// The server wiped this device, or retired it once its work was uploaded (`retired`): the store,
/// its files and keychain entries and the profile's sign-in go (devicewipe.h); exit code as for a
/// missing sign-in.
int wiped(Context &ctx, const Profile &profile, CredentialStore *credentials, bool retired = false)
{
    Status erased;
    eraseDevice(credentials, profile.server, profile.user, profile.storePath, [&](Status s) {
        erased = s;
        QCoreApplication::exit(0);
    });
    QCoreApplication::exec();
    QFile::remove(QDir(ctx.profileDir).filePath(QStringLiteral("profile.json")));
    if (!erased.ok())
        ctx.err << "warning: " << erased.error().message << "\n";
    if (retired)
        return fail(ctx,
            Error(QString::fromLatin1(errc::DeviceRetired),
                QStringLiteral("This device was retired by the administrator: its work for %1 on %2 was "
                               "uploaded, then its data was erased.")
                    .arg(profile.user, profile.server.toString())));
    return fail(ctx,
        Error(QString::fromLatin1(errc::DeviceWiped),
            QStringLiteral("This device was wiped by the administrator; its data for %1 on %2 was erased.")
                .arg(profile.user, profile.server.toString())));
}

namespace {
/// A full sync's progress for people, on stderr: "12,000 of 50,000 cases, about 40 s left" (the
/// estimate by the rate since the first count, once there is one to go by).
QString fullSyncProgress(int done, int total, qint64 elapsedMs, int doneAtStart)
{
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    QString text
        = QStringLiteral("full sync: %1 of %2 cases").arg(english.toString(done), english.toString(total));
    if (const qint64 since = qint64(done) - doneAtStart; elapsedMs >= 1000 && since > 0 && done < total) {
        const qint64 left = std::max<qint64>(1, (elapsedMs * (total - done) / since + 999) / 1000);
        text += left < 60 ? QStringLiteral(", about %1 s left").arg(left)
                          : QStringLiteral(", about %1 min left").arg((left + 59) / 60);
    }
    return text;
}
} // namespace

int cmdSync(Context &ctx)
{
    auto loaded = loadProfile(ctx.profileDir);
    if (!loaded.ok())
        return fail(ctx, loaded.error());
    const Profile profile = loaded.value();
    // The token comes from the keychain (a D-Bus round trip) while the store is checked.
    SyncConfig config;
    auto credentials = std::make_shared<KeychainCredentialStore>(config.keychainService);
    std::optional<Result<QString>> token;
    bool waitingForToken = false;
    credentials->readToken(CredentialStore::keyFor(profile.server, profile.user), [&](Result<QString> t) {
        token = std::move(t);
        if (waitingForToken)
            QCoreApplication::exit(0);
    });
    {
        // Verify the store (queue audit; the whole file after an unclean shutdown) before the engine
        // opens its own connection.
        if (auto st = unlockProfileStore(profile); !st.ok())
            return fail(ctx, st.error());
        auto store = client::LocalStore::open(profile.storePath);
        if (!store.ok())
            return fail(ctx, store.error());
    }
    if (!token) {
        waitingForToken = true;
        QCoreApplication::exec();
        waitingForToken = false;
    }
    // Without a token the engine asks the keychain itself and reports why it cannot start.
    if (token && token->ok())
        config.token = token->value();
    auto http = profileTransport(profile);
    if (!http.ok())
        return fail(ctx, http.error());
    config.storePath = profile.storePath;
    config.server = profile.server;
    config.user = profile.user;
    config.usePush = false;
    config.useReachability = false;
    config.periodic = false;
    config.watchSleep = false;
    config.syncAtStart = true;
    if (ctx.options.contains(QStringLiteral("batch")))
        config.batchSize = std::clamp(ctx.options.value(QStringLiteral("batch")).toInt(), 1, 500);
    if (ctx.options.contains(QStringLiteral("page")))
        config.pageLimit = std::clamp(ctx.options.value(QStringLiteral("page")).toInt(), 1, 5000);
    // Attachments fetched onto the device at the end of the sync (1 GiB unless said).
    if (ctx.options.contains(QStringLiteral("prefetch-mb")))
        config.prefetchBudget
            = qint64(std::clamp(ctx.options.value(QStringLiteral("prefetch-mb")).toInt(), 0, 1024 * 1024))
            << 20;
    if (ctx.options.contains(QStringLiteral("timeout")))
        config.transferTimeout
            = std::chrono::seconds(std::max(1, ctx.options.value(QStringLiteral("timeout")).toInt()));

    int code = ExitFailure;
    Error error;
    {
        SyncController controller(config, SyncServices { http.value(), credentials, {} });
        QObject::connect(&controller, &SyncController::startFinished, &controller,
            [&](bool ok, const QString &c, const QString &message) {
                if (ok)
                    return;
                error = Error(c, message);
                QCoreApplication::exit(1);
            });
        QObject::connect(&controller, &SyncController::cycleFinished, &controller,
            [&](bool ok, const QString &c, const QString &message) {
                if (!ok)
                    error = Error(c, message);
                QCoreApplication::exit(ok ? 0 : 1);
            });
        // A full sync whose first page said how many cases come (protocol extension "total").
        QElapsedTimer fullSyncClock; // from the first count on: the rate is the cases since
        int firstCount = 0;
        if (!ctx.json)
            QObject::connect(&controller, &SyncController::progress, &controller,
                [&](const QString &phase, int done, int total) {
                    if (phase == QLatin1String("prefetch") && total > 0) {
                        ctx.err << "Attachments: " << QLocale().toString(done) << " of "
                                << QLocale().toString(total) << '\n';
                        ctx.err.flush();
                        return;
                    }
                    if (phase != QLatin1String("fullSync") || total <= 0)
                        return;
                    if (!fullSyncClock.isValid()) {
                        fullSyncClock.start();
                        firstCount = done;
                    }
                    ctx.err << fullSyncProgress(done, total, fullSyncClock.elapsed(), firstCount) << '\n';
                    ctx.err.flush();
                });
        if (ctx.flags.contains(QStringLiteral("full")))
            controller.requestFullSync();
        controller.start();
        QCoreApplication::exec();
    } // the engine's thread joined: no connection to the store is left
    if (error.code == QLatin1String(errc::DeviceWiped) || error.code == QLatin1String(errc::DeviceRetired))
        return wiped(ctx, profile, credentials.get(), error.code == QLatin1String(errc::DeviceRetired));
    if (!error.isNull())
        return fail(ctx, error);
    client::LocalStore::Options checked;
    checked.verify = false; // checked above
    auto store = client::LocalStore::open(profile.storePath, checked);
    if (!store.ok())
        return fail(ctx, store.error());
    const client::StoreStatus s = (*store)->reads().status();
    code = ExitOk;
    if (ctx.json)
        printJson(ctx, statusJson(s));
    else
        ctx.out << "Synced. pending " << s.pending << ", conflicts " << s.conflicts << ", sync issues "
                << s.syncIssues << "\n";
    return code;
}

int cmdStatus(Context &ctx)
{
    Profile profile;
    auto store = openProfileStore(ctx, &profile);
    if (!store.ok()) {
        if (store.error().code == QLatin1String("signin_required")) {
            if (ctx.json)
                printJson(ctx, QJsonObject { { QStringLiteral("state"), QStringLiteral("signInRequired") } });
            else
                ctx.out << "state: signInRequired (nobody signed in with this profile)\n";
            return ExitSignInRequired;
        }
        return fail(ctx, store.error());
    }
    const client::StoreStatus s = (*store)->reads().status();
    // The state: is a token saved, and does the server answer?
    QString state;
    auto http = profileTransport(profile);
    if (!http.ok())
        return fail(ctx, http.error());
    KeychainCredentialStore credentials;
    ApiClient api(http.value());
    api.setServer(profile.server);
    api.setTransferTimeout(std::chrono::seconds(5));
    credentials.readToken(CredentialStore::keyFor(profile.server, profile.user), [&](Result<QString> t) {
        if (!t.ok()) {
            state = t.error().code == QLatin1String(errc::NotFound) ? QStringLiteral("signInRequired")
                                                                    : QStringLiteral("error");
            QCoreApplication::exit(0);
            return;
        }
        api.health([&, token = t.value()](Result<HealthInfo> h) {
            if (!h.ok()) {
                state = QStringLiteral("offline");
                QCoreApplication::exit(0);
                return;
            }
            // One signed-in request (a one-row page): a wiped device learns it here too.
            state = QStringLiteral("online");
            api.setToken(token);
            api.changes(QStringLiteral("0"), 1, [&](Result<ChangesPage> page) {
                if (!page.ok() && page.error().code == QLatin1String(errc::DeviceWiped))
                    state = QStringLiteral("wiped");
                QCoreApplication::exit(0);
            });
        });
    });
    QCoreApplication::exec();
    if (state == QLatin1String("wiped")) {
        store.value().reset(); // its connection closes before the files go
        return wiped(ctx, profile, &credentials);
    }
    QJsonObject o = statusJson(s);
    o.insert(QStringLiteral("state"), state);
    o.insert(QStringLiteral("server"), profile.server.toString());
    o.insert(QStringLiteral("user"), profile.user);
    if (ctx.json) {
        printJson(ctx, o);
    } else {
        ctx.out << "state:        " << state << "\n"
                << "user:         " << profile.user << " on " << profile.server.toString() << "\n"
                << "last sync:    "
                << (s.lastSuccess.isValid() ? s.lastSuccess.toLocalTime().toString(Qt::ISODate)
                                            : QStringLiteral("never"))
                << "\n"
                << "pending:      " << s.pending
                << (s.held ? QStringLiteral(" (%1 held)").arg(s.held) : QString()) << "\n"
                << "conflicts:    " << s.conflicts << "\n"
                << "sync issues:  " << s.syncIssues << "\n"
                << "cases:        " << s.cases << "\n"
                << "store:        " << s.path << "\n";
    }
    return state == QLatin1String("signInRequired") ? ExitSignInRequired : ExitOk;
}

int cmdCheck(Context &ctx)
{
    // Every command checks the queue when it opens the store, and the whole file after a process
    // that had it open did not close it; this checks the whole file now.
    auto p = loadProfile(ctx.profileDir);
    if (!p.ok())
        return fail(ctx, p.error());
    if (auto st = unlockProfileStore(p.value()); !st.ok())
        return fail(ctx, st.error());
    client::LocalStore::Options o;
    o.fullCheck = true;
    QElapsedTimer timer;
    timer.start();
    auto store = client::LocalStore::open(p->storePath, o);
    if (!store.ok())
        return fail(ctx, store.error());
    const qint64 ms = timer.elapsed();
    if (ctx.json)
        printJson(ctx,
            QJsonObject { { QStringLiteral("store"), (*store)->path() }, { QStringLiteral("ok"), true },
                { QStringLiteral("integrityChecked"), (*store)->integrityChecked() },
                { QStringLiteral("milliseconds"), ms } });
    else
        ctx.out << "The store is sound (integrity check and queue audit, " << ms
                << " ms): " << (*store)->path() << "\n";
    return ExitOk;
}

int cmdExportDiagnostics(Context &ctx)
{
    if (ctx.positional.size() != 1)
        return usage(ctx, QStringLiteral("export-diagnostics needs exactly one FILE"));
    Profile profile;
    auto store = openProfileStore(ctx, &profile);
    if (!store.ok()) {
        if (store.error().code == QLatin1String("store_damaged"))
            return exportDamagedDiagnostics(ctx, profile, store.error());
        return fail(ctx, store.error());
    }
    client::LocalStore &st = **store;

    QJsonObject versions { { QStringLiteral("outpost"), QStringLiteral(OUTPOST_VERSION) },
        { QStringLiteral("qt"), QString::fromLatin1(qVersion()) },
        { QStringLiteral("os"), QSysInfo::prettyProductName() },
        { QStringLiteral("storeSchema"), st.schemaVersion() }, { QStringLiteral("protocol"), 1 } };
    QJsonObject byState;
    QJsonArray outbox;
    for (const client::OutboxEntry &e : st.reads().outbox()) {
        const QString key = actionTypeName(e.type) + QLatin1Char('/') + client::queueStateName(e.state);
        byState.insert(key, byState.value(key).toInt() + 1);
        outbox.append(
            QJsonObject { { QStringLiteral("seq"), e.seq }, { QStringLiteral("actionId"), e.actionId },
                { QStringLiteral("caseId"), e.caseId }, { QStringLiteral("type"), actionTypeName(e.type) },
                { QStringLiteral("state"), client::queueStateName(e.state) },
                { QStringLiteral("blockedBy"), e.blockedBy }, { QStringLiteral("attempts"), e.attempts },
                { QStringLiteral("lastError"), redactSecrets(e.lastError) },
                { QStringLiteral("createdAt"), e.createdAt.toUTC().toString(Qt::ISODate) } });
    }
    QJsonArray issues;
    for (const client::SyncIssue &i : st.reads().syncIssues())
        issues.append(QJsonObject { { QStringLiteral("actionId"), i.actionId },
            { QStringLiteral("caseId"), i.caseId }, { QStringLiteral("status"), resultStatusName(i.status) },
            { QStringLiteral("error"), i.error.toJson() } });
    QJsonArray events;
    for (const client::EventEntry &e : st.reads().eventLog(5000))
        events.append(QJsonObject { { QStringLiteral("at"), e.at.toUTC().toString(Qt::ISODateWithMs) },
            { QStringLiteral("level"), client::eventLevelName(e.level) },
            { QStringLiteral("category"), e.category },
            { QStringLiteral("message"), redactSecrets(e.message) } });
    const QJsonObject doc { { QStringLiteral("versions"), versions },
        { QStringLiteral("profile"),
            QJsonObject { { QStringLiteral("server"), profile.server.toString() },
                { QStringLiteral("user"), profile.user } } },
        { QStringLiteral("status"), statusJson(st.reads().status()) },
        { QStringLiteral("queueSummary"), byState }, { QStringLiteral("outbox"), outbox },
        { QStringLiteral("syncIssues"), issues }, { QStringLiteral("events"), events },
        { QStringLiteral("exportedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) } };
    QSaveFile f(ctx.positional.first());
    if (!f.open(QIODevice::WriteOnly))
        return fail(ctx,
            Error(QStringLiteral("file_error"),
                QStringLiteral("Cannot write %1: %2").arg(f.fileName(), f.errorString())));
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner); // the event log and case ids are not for all
    f.write(QJsonDocument(doc).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return fail(ctx,
            Error(QStringLiteral("file_error"),
                QStringLiteral("Cannot write %1: %2").arg(f.fileName(), f.errorString())));
    if (ctx.json)
        printJson(ctx,
            QJsonObject {
                { QStringLiteral("file"), f.fileName() }, { QStringLiteral("events"), events.size() } });
    else
        ctx.out << "Diagnostics written to " << f.fileName() << " (secrets redacted)\n";
    return ExitOk;
}

} // namespace outpost::cli
