// SPDX-License-Identifier: MIT
// client_bench: the client's sync engine end to end against a real outpostd, JSON lines on stdout.
//   bench/client_bench/run.sh starts outpostd (SQLite, --demo --demo-cases 50000) and runs this with
//   --url and --server-pid. Measured, each with wall seconds, this process's CPU seconds, the
//   server's CPU seconds and this process's peak RSS:
//   full_sync   the first cycle of a fresh profile (every case in the user's scope: all of them for
//               the administrator carol, half of them for the technician alice);
//   delta_1k    the next cycle after another user changed 1,000 of those cases through the API;
//   upload_5k   one cycle draining 5,000 edits queued through LocalStore (upload, then the delta
//               that brings the server's versions back); `upload_seconds` ends when the download
//               starts.
//   prefetch_200 the next cycle after another user attached 200 files of 1 MB to the user's cases:
//               the cycle, the prefetch part of it (first "prefetch" progress to the end) and the
//               longest gap of a 5 ms heartbeat on this (the "GUI") thread meanwhile.
//   peak_rss    the process's peak RSS over everything above.
// With `outpostd --demo-history N` (run.sh: BENCH_HISTORY, 3) every case comes with N history
// entries (the feed's include=history), and each change of the delta brings one more.
// The engine is the product's: SyncController with its SyncWorker on the sync thread, its own
// LocalStore connection, ApiClient. The token is handed over in SyncConfig (no keychain).
#include "apiclient.h"
#include "benchkey.h"
#include "localstore.h"
#include "processusage.h"
#include "synccontroller.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <unistd.h>

#include <cstdio>
#include <optional>

using namespace outpost;
using namespace outpost::sync;

namespace {

using bench::cpuSeconds;
using bench::peakRssMb;

qint64 g_serverPid = 0;

/// utime + stime of the server process from /proc (0 when unknown).
double serverCpuSeconds()
{
    return outpost::bench::processCpuSeconds(g_serverPid);
}

struct Mark {
    QElapsedTimer wall;
    double cpu = 0;
    double serverCpu = 0;
    Mark()
    {
        cpu = cpuSeconds();
        serverCpu = serverCpuSeconds();
        wall.start();
    }
};

bool g_deviceReport = true; // cycles end with the device report (--device-report)

void emitLine(const QString &name, const Mark &m, QJsonObject extra)
{
    extra.insert("bench", "client");
    extra.insert("device_report", g_deviceReport);
    extra.insert("name", name);
    if (!extra.contains("seconds"))
        extra.insert("seconds", m.wall.nsecsElapsed() / 1e9);
    if (!extra.contains("cpu_seconds"))
        extra.insert("cpu_seconds", cpuSeconds() - m.cpu);
    if (g_serverPid > 0 && !extra.contains("server_cpu_seconds"))
        extra.insert("server_cpu_seconds", serverCpuSeconds() - m.serverCpu);
    extra.insert("peak_rss_mb", qRound(peakRssMb() * 10) / 10.0);
    std::printf("%s\n", QJsonDocument(extra).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "client_bench: %s\n", qPrintable(what));
    std::exit(1);
}

/// Runs `start(callback)` and processes events until the callback delivered its Result.
template <typename R, typename Start> R await(Start start, int timeoutMs = 120000)
{
    std::optional<R> result;
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    start([&](R r) {
        result.emplace(std::move(r));
        loop.quit();
    });
    if (!result)
        loop.exec();
    if (!result)
        return R(Error(QStringLiteral("timeout"), QStringLiteral("no answer in %1 ms").arg(timeoutMs)));
    return std::move(*result);
}

/// Waits for the controller's next cycleFinished; fails the bench when the cycle failed.
void awaitCycle(SyncController &c, const QString &what, int timeoutMs = 300000)
{
    QEventLoop loop;
    bool done = false;
    QString error;
    auto conn = QObject::connect(
        &c, &SyncController::cycleFinished, &loop, [&](bool ok, const QString &code, const QString &msg) {
            done = true;
            if (!ok)
                error = code + QStringLiteral(": ") + msg;
            loop.quit();
        });
    auto started = QObject::connect(
        &c, &SyncController::startFinished, &loop, [&](bool ok, const QString &code, const QString &msg) {
            if (!ok) {
                done = true;
                error = code + QStringLiteral(": ") + msg;
                loop.quit();
            }
        });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(conn);
    QObject::disconnect(started);
    if (!done)
        fail(what + QStringLiteral(": no end of the cycle in time"));
    if (!error.isEmpty())
        fail(what + QStringLiteral(": ") + error);
}

/// A field every demo case type has that anyone may change freely, with a value for `n`.
std::pair<QString, QJsonValue> editFor(const QString &caseType, int n, const QString &who)
{
    if (caseType == QLatin1String("inspection"))
        return { QStringLiteral("summary"), QStringLiteral("Checked by %1, round %2.").arg(who).arg(n) };
    if (caseType == QLatin1String("repair"))
        return { QStringLiteral("notes"), QStringLiteral("Seen by %1, round %2.").arg(who).arg(n) };
    // Never a whole number: differs from every seeded value, so each edit queues an action.
    return { QStringLiteral("capacityKw"), 4000.5 + n % 999 };
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("client_bench"));
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({ "url", "outpostd base URL", "URL" });
    p.addOption({ "user", "the benchmarked user (an administrator sees every case)", "USER", "carol" });
    p.addOption({ "password", "its password", "PASSWORD", "carol" });
    p.addOption({ "other", "the user who changes cases on the server (user = password)", "USER", "alice" });
    p.addOption({ "server-pid", "outpostd's pid, for its CPU seconds", "PID", "0" });
    p.addOption({ "changes", "cases changed on the server before the delta", "N", "1000" });
    p.addOption({ "actions", "local edits queued before the upload", "N", "5000" });
    p.addOption({ "upload-depth", "upload requests in flight at once (1: one after the other)", "N", "2" });
    p.addOption({ "device-report", "end each cycle with the device report (PUT /device): on or off", "on|off",
        "on" });
    p.addOption({ "prefetch", "attachments of 1 MB attached before the prefetch cycle (0: no such phase)",
        "N", "200" });
    p.process(app);
    const QUrl server(p.value("url"));
    if (!server.isValid() || server.port() <= 0)
        fail(QStringLiteral("--url http://HOST:PORT is required"));
    g_serverPid = p.value("server-pid").toLongLong();
    const QString user = p.value("user");
    const QString other = p.value("other");
    const int changes = p.value("changes").toInt();
    const int actions = p.value("actions").toInt();

    // Tokens through the API, as `outpost signin` gets them (the keychain is not part of this).
    ApiClient api;
    auto session = await<Result<SessionInfo>>(
        [&](auto cb) { api.signIn(server, user, p.value("password"), QStringLiteral("bench-client"), cb); });
    if (!session.ok())
        fail(QStringLiteral("sign-in of %1: %2").arg(user, session.error().toString()));
    ApiClient otherApi;
    auto otherSession = await<Result<SessionInfo>>(
        [&](auto cb) { otherApi.signIn(server, other, other, QStringLiteral("bench-other"), cb); });
    if (!otherSession.ok())
        fail(QStringLiteral("sign-in of %1: %2").arg(other, otherSession.error().toString()));

    QTemporaryDir profile;
    const QString storePath = client::StoreLocation::pathFor(profile.path(), server, user);
    // The application's own store instance (GUI thread in the app): opened and verified first.
    outpost::bench::unlockStore(storePath);
    auto opened = client::LocalStore::open(storePath);
    if (!opened.ok())
        fail(QStringLiteral("store: ") + opened.error().toString());
    client::LocalStore &store = *opened.value();

    SyncConfig config;
    config.storePath = storePath;
    config.server = server;
    config.user = user;
    config.token = session->token;
    config.usePush = false; // the bench decides when a cycle runs
    config.useReachability = false;
    config.periodic = false;
    config.syncAtStart = true;
    config.transferTimeout = std::chrono::seconds(120);
    config.uploadDepth = p.value("upload-depth").toInt();
    config.deviceReport = g_deviceReport = p.value("device-report") != QLatin1String("off");
    SyncController controller(config);

    // (a) Full sync: the first cycle of a fresh profile.
    {
        Mark m;
        controller.start();
        awaitCycle(controller, QStringLiteral("full sync"));
        const client::StoreStatus s = store.reads().status();
        emitLine("full_sync", m,
            { { "cases", s.cases }, { "history_entries", store.reads().historyCount() },
                { "target_seconds", 3.0 }, { "target_rss_mb", 120 } });
    }

    // (b) Delta: another user changes cases through the API, then one cycle brings them.
    {
        client::CaseFilter f;
        // A technician changes cases of their own; an administrator may change any of them.
        if (!otherSession->roles.contains(QStringLiteral("admin")))
            f.assignee = other;
        f.limit = changes;
        const QList<client::LocalCase> theirs = store.reads().cases(f);
        if (theirs.size() < changes)
            fail(QStringLiteral("only %1 cases of %2 to change").arg(theirs.size()).arg(other));
        QList<Action> batch;
        QHash<QString, std::pair<QString, QJsonValue>> expected;
        auto flush = [&]() {
            if (batch.isEmpty())
                return;
            auto r = await<Result<QList<ActionResult>>>(
                [&](auto cb) { otherApi.uploadActions(QStringLiteral("bench-other"), batch, cb); });
            if (!r.ok())
                fail(QStringLiteral("changes by %1: %2").arg(other, r.error().toString()));
            for (const ActionResult &res : r.value())
                if (res.status != ResultStatus::Applied)
                    fail(QStringLiteral("a change by %1 was %2: %3")
                             .arg(other, resultStatusName(res.status), res.error.toString()));
            batch.clear();
        };
        for (int i = 0; i < theirs.size(); ++i) {
            const client::LocalCase &c = theirs.at(i);
            Action a;
            a.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            a.type = ActionType::Update;
            a.caseId = c.record.id;
            a.baseEtag = c.record.etag;
            const auto [field, value] = editFor(c.record.caseType, i, other);
            a.fields.insert(field, value);
            expected.insert(c.record.id, { field, value });
            a.clientTime = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
            batch.append(a);
            if (batch.size() == 500)
                flush();
        }
        flush();

        int changed = 0;
        auto counting = QObject::connect(&controller, &SyncController::casesChanged, &controller,
            [&](const QStringList &ids) { changed += int(ids.size()); });
        Mark m;
        controller.syncNow();
        awaitCycle(controller, QStringLiteral("delta"));
        QObject::disconnect(counting);
        int stale = 0;
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            const auto c = store.reads().caseById(it.key());
            if (!c || c->serverFields.value(it.value().first) != it.value().second)
                ++stale;
        }
        emitLine("delta_1k", m,
            { { "changed_on_server", changes }, { "cases_changed_signalled", changed },
                { "not_updated", stale }, { "history_entries", store.reads().historyCount() },
                { "target_seconds", 0.15 } });
        if (stale != 0)
            fail(QStringLiteral("%1 of the cases changed on the server are not updated").arg(stale));
    }

    // (c) Upload: edits queued through the store's normal operations, then one cycle drains them.
    {
        client::CaseFilter f;
        f.limit = actions;
        f.offset = changes; // other cases than the ones changed on the server just now
        const QList<client::LocalCase> mine = store.reads().cases(f);
        if (mine.size() < actions)
            fail(QStringLiteral("only %1 cases to edit").arg(mine.size()));
        QHash<QString, std::pair<QString, QJsonValue>> expected;
        Mark q;
        for (int i = 0; i < mine.size(); ++i) {
            const auto edit = editFor(mine.at(i).record.caseType, i + 7, user);
            if (const Status st
                = store.edits().updateFields(mine.at(i).record.id, { { edit.first, edit.second } });
                !st.ok())
                fail(QStringLiteral("queue: ") + st.error().toString());
            expected.insert(mine.at(i).record.id, edit);
        }
        const int queued = store.reads().pendingCount(); // an edit that changes nothing queues nothing
        emitLine("queue_5k", q, { { "actions", queued }, { "synchronous", "FULL" } });

        double uploadSeconds = -1, uploadCpu = 0, uploadServerCpu = 0;
        Mark m;
        auto phases = QObject::connect(
            &controller, &SyncController::progress, &controller, [&](const QString &phase, int, int) {
                if (uploadSeconds < 0 && phase != QLatin1String("upload")
                    && phase != QLatin1String("attachments")) {
                    uploadSeconds = m.wall.nsecsElapsed() / 1e9;
                    uploadCpu = cpuSeconds() - m.cpu;
                    uploadServerCpu = serverCpuSeconds() - m.serverCpu;
                }
            });
        controller.syncNow();
        awaitCycle(controller, QStringLiteral("upload"));
        QObject::disconnect(phases);
        const double cycle = m.wall.nsecsElapsed() / 1e9;
        const client::StoreStatus s = store.reads().status();
        int wrong = 0;
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            const auto c = store.reads().caseById(it.key());
            if (!c || c->serverFields.value(it.value().first) != it.value().second)
                ++wrong;
        }
        QJsonObject line { { "actions", queued }, { "upload_seconds", uploadSeconds },
            { "upload_cpu_seconds", uploadCpu }, { "cycle_seconds", cycle }, { "pending_after", s.pending },
            { "sync_issues", s.syncIssues }, { "conflicts", s.conflicts }, { "not_on_server", wrong },
            { "upload_depth", config.uploadDepth }, { "target_upload_seconds", 0.5 } };
        if (g_serverPid > 0)
            line.insert("upload_server_cpu_seconds", uploadServerCpu);
        emitLine("upload_5k", m, line);
        if (s.pending != 0 || s.syncIssues != 0 || s.conflicts != 0 || wrong != 0)
            fail(QStringLiteral("the upload did not drain cleanly"));
    }

    // (d) Prefetch: another user attaches files to the user's cases; the next cycle brings them.
    if (const int files = p.value("prefetch").toInt(); files > 0) {
        client::CaseFilter f;
        f.limit = files;
        // A technician attaches to cases of their own; an administrator to any.
        if (!otherSession->roles.contains(QStringLiteral("admin")))
            f.assignee = other;
        const QList<client::LocalCase> targets = store.reads().cases(f);
        if (targets.size() < files)
            fail(QStringLiteral("only %1 cases for %2 attachments").arg(targets.size()).arg(files));
        QByteArray bytes(1024 * 1024, Qt::Uninitialized);
        for (int i = 0; i < files; ++i) {
            for (int j = 0; j < bytes.size(); j += 64)
                bytes[j] = char(i + j);
            auto r = await<Result<UploadedAttachment>>([&](auto cb) {
                otherApi.putAttachment(QUuid::createUuid().toString(QUuid::WithoutBraces),
                    targets.at(i).record.id, QStringLiteral("drawing-%1.pdf").arg(i),
                    QStringLiteral("application/pdf"), bytes, cb);
            });
            if (!r.ok())
                fail(QStringLiteral("attachment %1: %2").arg(i).arg(r.error().toString()));
        }
        // The "GUI" thread: a 5 ms heartbeat whose longest gap says whether anything blocked it.
        QElapsedTimer beat;
        qint64 longestGapMs = 0;
        QTimer heartbeat;
        heartbeat.setTimerType(Qt::PreciseTimer);
        QObject::connect(
            &heartbeat, &QTimer::timeout, [&]() { longestGapMs = std::max(longestGapMs, beat.restart()); });
        double prefetchStart = -1;
        int fetched = 0, wanted = 0;
        Mark m;
        auto phases = QObject::connect(&controller, &SyncController::progress, &controller,
            [&](const QString &phase, int done, int total) {
                if (phase != QLatin1String("prefetch"))
                    return;
                if (prefetchStart < 0)
                    prefetchStart = m.wall.nsecsElapsed() / 1e9;
                fetched = done;
                wanted = total;
            });
        beat.start();
        heartbeat.start(5);
        controller.syncNow();
        awaitCycle(controller, QStringLiteral("prefetch"));
        heartbeat.stop();
        QObject::disconnect(phases);
        const double cycle = m.wall.nsecsElapsed() / 1e9;
        emitLine("prefetch_200", m,
            { { "attachments", files }, { "on_device", fetched }, { "of", wanted },
                { "prefetch_seconds", prefetchStart < 0 ? -1.0 : cycle - prefetchStart },
                { "cycle_seconds", cycle }, { "gui_longest_gap_ms", double(longestGapMs) },
                { "target_seconds", 5.0 }, { "target_gap_ms", 50 } });
        if (fetched != files)
            fail(QStringLiteral("%1 of %2 attachments on the device").arg(fetched).arg(files));
    }

    Mark none;
    emitLine("peak_rss", none, { { "seconds", 0 }, { "cpu_seconds", cpuSeconds() }, { "target_mb", 120 } });
    return 0;
}
