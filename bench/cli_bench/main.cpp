// SPDX-License-Identifier: MIT
// cli_bench: whole `outpost` processes, the way scripts and the app's start see them, JSON lines on
// stdout. bench/cli_bench/run.sh starts outpostd (SQLite, --demo --demo-cases 50000) and a private
// session bus with an unlocked keyring, and runs this with --outpost, --url and --server-pid.
// Each line: wall seconds of the child process (`seconds`), its CPU (`cpu_seconds`, from
// RUSAGE_CHILDREN), the server's CPU; repeated lines report the best and the median of the runs.
//   cli_signin        `outpost signin` on an empty profile
//   cli_full_sync     `outpost sync` on it: the first, full sync of every case in carol's scope
//   store_open        LocalStore::open of that store in this process (what every command pays),
//                     clean: after clean shutdowns; unclean: after a process holding it was killed
//   cli_status        `outpost status` (store opened, keyring read, server asked for its health)
//   cli_outbox        `outpost outbox` (store opened, queue read; no keyring, no network)
//   ready_check       ReadyCheck::run on that store in this process (with PRAGMA quick_check)
//   cli_ready         `outpost ready --json` (store opened, the same check; target ≤ 0.2 s)
//   cli_delta_1k      `outpost sync` after another user changed 1,000 of the cases through the API
//   cli_upload_5k     `outpost sync` with 5,000 notes queued (through LocalEdits::addNote)
#include "apiclient.h"
#include "credentialstore.h"
#include "localstore.h"
#include "processusage.h"
#include "readycheck.h"
#include "storeunlock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <optional>

using namespace outpost;
using namespace outpost::sync;

namespace {

qint64 g_serverPid = 0;
QString g_outpost;
QString g_profile;

double childCpuSeconds()
{
    struct rusage ru {
    };
    getrusage(RUSAGE_CHILDREN, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec)
        + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

double serverCpuSeconds()
{
    return outpost::bench::processCpuSeconds(g_serverPid);
}

/// A field every demo case type has that anyone may change, and a value for `n` (as client_bench).
QString editField(const QString &caseType)
{
    if (caseType == QLatin1String("inspection"))
        return QStringLiteral("summary");
    if (caseType == QLatin1String("repair"))
        return QStringLiteral("notes");
    return QStringLiteral("capacityKw");
}

QJsonValue editValue(const QString &caseType, int n, const QString &who)
{
    if (caseType == QLatin1String("inspection"))
        return QStringLiteral("Checked by %1, round %2.").arg(who).arg(n);
    if (caseType == QLatin1String("repair"))
        return QStringLiteral("Seen by %1, round %2.").arg(who).arg(n);
    return 4000.5 + n % 999;
}

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "cli_bench: %s\n", qPrintable(what));
    std::exit(1);
}

void emitLine(const QString &name, QJsonObject line)
{
    line.insert("bench", "cli");
    line.insert("name", name);
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

struct Run {
    double seconds = 0;
    double cpu = 0;
    double serverCpu = 0;
    QByteArray out;
};

/// One `outpost --profile P ARGS...` process, timed from start to exit; fails the bench unless it
/// exits with `expectCode`.
Run runOutpost(const QStringList &args, const QByteArray &input = {}, int expectCode = 0)
{
    QProcess p;
    QStringList all = QStringList { QStringLiteral("--profile"), g_profile } + args;
    // CLI_BENCH_WRAP="perf record -g -o DIR/%n.data --": profile each measured process.
    const QString wrap = qEnvironmentVariable("CLI_BENCH_WRAP");
    if (wrap.isEmpty()) {
        p.setProgram(g_outpost);
    } else {
        static int n = 0;
        QStringList w
            = QString(wrap).replace(QLatin1String("%n"), QString::number(++n)).split(' ', Qt::SkipEmptyParts);
        p.setProgram(w.takeFirst());
        all = w + QStringList { g_outpost } + all;
    }
    p.setArguments(all);
    p.setProcessChannelMode(QProcess::SeparateChannels);
    Run r;
    const double cpu0 = childCpuSeconds();
    const double server0 = serverCpuSeconds();
    QElapsedTimer t;
    t.start();
    p.start();
    if (!p.waitForStarted())
        fail(QStringLiteral("cannot start %1").arg(g_outpost));
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(600000))
        fail(QStringLiteral("outpost %1 did not finish").arg(args.join(' ')));
    r.seconds = t.nsecsElapsed() / 1e9;
    r.cpu = childCpuSeconds() - cpu0;
    r.serverCpu = serverCpuSeconds() - server0;
    r.out = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != expectCode)
        fail(QStringLiteral("outpost %1 exited with %2: %3")
                 .arg(args.join(' '))
                 .arg(p.exitCode())
                 .arg(QString::fromLocal8Bit(p.readAllStandardError())));
    return r;
}

QJsonObject lineFor(const Run &r)
{
    return { { "seconds", r.seconds }, { "cpu_seconds", r.cpu }, { "server_cpu_seconds", r.serverCpu } };
}

/// Best and median of `runs` runs of `args`.
void repeated(
    const QString &name, const QStringList &args, int runs, QJsonObject extra = {}, int expectCode = 0)
{
    QList<double> wall, cpu;
    for (int i = 0; i < runs; ++i) {
        const Run r = runOutpost(args, {}, expectCode);
        wall << r.seconds;
        cpu << r.cpu;
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    extra.insert("runs", runs);
    extra.insert("seconds", wall.first());
    extra.insert("median_seconds", wall.at(wall.size() / 2));
    extra.insert("cpu_seconds", cpu.first());
    extra.insert("median_cpu_seconds", cpu.at(cpu.size() / 2));
    emitLine(name, extra);
}

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

/// LocalStore::open (verifying, as every command's first open) of `path`, best of `runs`.
void storeOpen(const QString &name, const QString &path, int runs, QJsonObject extra)
{
    QList<double> wall;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        auto s = client::LocalStore::open(path);
        if (!s.ok())
            fail(QStringLiteral("store: ") + s.error().toString());
        wall << t.nsecsElapsed() / 1e9;
    }
    std::sort(wall.begin(), wall.end());
    extra.insert("runs", runs);
    extra.insert("seconds", wall.first());
    extra.insert("median_seconds", wall.at(wall.size() / 2));
    emitLine(name, extra);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cli_bench"));
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({ "outpost", "the outpost executable", "PATH" });
    p.addOption({ "url", "outpostd base URL", "URL" });
    p.addOption({ "user", "the user whose store is measured (user = password)", "USER", "carol" });
    p.addOption({ "other", "the user who changes cases on the server (user = password)", "USER", "alice" });
    p.addOption({ "server-pid", "outpostd's pid, for its CPU seconds", "PID", "0" });
    p.addOption({ "changes", "cases changed on the server before the delta", "N", "1000" });
    p.addOption({ "notes", "notes queued before the upload", "N", "5000" });
    p.addOption({ "runs", "runs of each repeated command", "N", "5" });
    p.process(app);
    g_outpost = p.value("outpost");
    const QUrl server(p.value("url"));
    if (g_outpost.isEmpty() || !server.isValid() || server.port() <= 0)
        fail(QStringLiteral("--outpost PATH and --url http://HOST:PORT are required"));
    g_serverPid = p.value("server-pid").toLongLong();
    const QString user = p.value("user");
    const QString other = p.value("other");
    const int changes = p.value("changes").toInt();
    const int notes = p.value("notes").toInt();
    const int runs = std::max(1, p.value("runs").toInt());

    QTemporaryDir profile;
    g_profile = profile.path();
    const QString storePath = client::StoreLocation::pathFor(g_profile, server, user);

    emitLine("cli_signin",
        lineFor(runOutpost({ "signin", "--server", server.toString(), "--user", user, "--password-stdin" },
            user.toUtf8() + '\n')));
    {
        const Run r = runOutpost({ "sync", "--json" });
        QJsonObject line = lineFor(r);
        line.insert("cases", QJsonDocument::fromJson(r.out).object().value("cases"));
        emitLine("cli_full_sync", line);
    }
    {
        // The CLI made the store: its key is in the keychain, where this process reads it as the CLI does.
        KeychainCredentialStore keychain;
        const Status unlocked = await<Status>(
            [&](auto cb) { unlockStore(&keychain, server, user, storePath, StoreKeyMode::Existing, cb); });
        if (!unlocked.ok())
            fail(QStringLiteral("store key: ") + unlocked.error().toString());
    }
    storeOpen("store_open", storePath, runs, { { "after", "clean" } });
    repeated("cli_status", { "status" }, runs, { { "target_store_open_seconds", 0.06 } });
    repeated("cli_outbox", { "outbox" }, runs);
    {
        // The ready check itself, then the whole command (it exits 6 when not ready: same cost).
        auto store = client::LocalStore::open(storePath);
        if (!store.ok())
            fail(QStringLiteral("store: ") + store.error().toString());
        QList<double> wall;
        sync::ReadyReport report;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer t;
            t.start();
            report = sync::ReadyCheck::run(*store.value(), QString());
            wall << t.nsecsElapsed() / 1e9;
        }
        std::sort(wall.begin(), wall.end());
        QJsonObject line { { "runs", runs }, { "seconds", wall.first() },
            { "median_seconds", wall.at(wall.size() / 2) }, { "ready", report.ready() },
            { "cases", (*store)->reads().status().cases }, { "assigned_cases", report.facts.assignedCases } };
        emitLine("ready_check", line);
        const int code = report.ready() ? 0 : 6;
        repeated("cli_ready", { "ready", "--json" }, runs,
            { { "target_seconds", 0.2 }, { "ready", report.ready() } }, code);
    }

    // Delta: another user changes cases through the API, then `outpost sync` brings them.
    {
        ApiClient otherApi;
        auto session = await<Result<SessionInfo>>(
            [&](auto cb) { otherApi.signIn(server, other, other, QStringLiteral("bench-other"), cb); });
        if (!session.ok())
            fail(QStringLiteral("sign-in of %1: %2").arg(other, session.error().toString()));
        QList<client::LocalCase> theirs;
        {
            auto store = client::LocalStore::open(storePath);
            if (!store.ok())
                fail(store.error().toString());
            client::CaseFilter f;
            if (!session->roles.contains(QStringLiteral("admin")))
                f.assignee = other;
            f.limit = changes;
            theirs = (*store)->reads().cases(f);
        }
        if (theirs.size() < changes)
            fail(QStringLiteral("only %1 cases of %2 to change").arg(theirs.size()).arg(other));
        QList<Action> batch;
        auto flush = [&]() {
            if (batch.isEmpty())
                return;
            auto r = await<Result<QList<ActionResult>>>(
                [&](auto cb) { otherApi.uploadActions(QStringLiteral("bench-other"), batch, cb); });
            if (!r.ok())
                fail(QStringLiteral("changes by %1: %2").arg(other, r.error().toString()));
            for (const ActionResult &res : r.value())
                if (res.status != ResultStatus::Applied)
                    fail(QStringLiteral("a change by %1 was %2").arg(other, resultStatusName(res.status)));
            batch.clear();
        };
        for (int i = 0; i < theirs.size(); ++i) {
            const client::LocalCase &c = theirs.at(i);
            Action a;
            a.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            a.type = ActionType::Update;
            a.caseId = c.record.id;
            a.baseEtag = c.record.etag;
            a.fields.insert(editField(c.record.caseType), editValue(c.record.caseType, i, other));
            a.clientTime = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
            batch.append(a);
            if (batch.size() == 500)
                flush();
        }
        flush();
        const Run r = runOutpost({ "sync" });
        int stale = 0;
        {
            auto store = client::LocalStore::open(storePath);
            if (!store.ok())
                fail(store.error().toString());
            for (int i = 0; i < theirs.size(); ++i) {
                const auto c = (*store)->reads().caseById(theirs.at(i).record.id);
                const QString field = editField(theirs.at(i).record.caseType);
                if (!c || c->serverFields.value(field) != editValue(theirs.at(i).record.caseType, i, other))
                    ++stale;
            }
        }
        QJsonObject line = lineFor(r);
        line.insert("changed_on_server", changes);
        line.insert("not_updated", stale);
        line.insert("target_seconds", 0.15);
        emitLine("cli_delta_1k", line);
        if (stale != 0)
            fail(QStringLiteral("%1 of the cases changed on the server are not updated").arg(stale));
    }

    // Upload: notes queued through the store's normal operation, then `outpost sync` sends them.
    {
        {
            auto store = client::LocalStore::open(storePath);
            if (!store.ok())
                fail(store.error().toString());
            client::CaseFilter f;
            f.limit = notes;
            f.offset = changes;
            const QList<client::LocalCase> mine = (*store)->reads().cases(f);
            if (mine.size() < notes)
                fail(QStringLiteral("only %1 cases for notes").arg(mine.size()));
            for (int i = 0; i < mine.size(); ++i)
                if (const Status st = (*store)->edits().addNote(
                        mine.at(i).record.id, QStringLiteral("Bench note %1 by %2.").arg(i).arg(user));
                    !st.ok())
                    fail(QStringLiteral("queue: ") + st.error().toString());
        }
        const Run r = runOutpost({ "sync", "--json" });
        const QJsonObject status = QJsonDocument::fromJson(r.out).object();
        QJsonObject line = lineFor(r);
        line.insert("notes", notes);
        line.insert("pending_after", status.value("pending"));
        line.insert("sync_issues", status.value("syncIssues"));
        line.insert("target_seconds", 0.5);
        emitLine("cli_upload_5k", line);
        if (status.value("pending").toInt(-1) != 0 || status.value("syncIssues").toInt(-1) != 0)
            fail(QStringLiteral("the upload did not drain cleanly"));
    }
    return 0;
}
