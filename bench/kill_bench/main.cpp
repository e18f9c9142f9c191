// SPDX-License-Identifier: MIT
// kill_bench: the queue survives kill -9 anywhere in a pipelined drain, and nothing is applied
// twice. bench/kill_bench/run.sh starts outpostd (SQLite, demo data) and runs this with --url.
//
// The parent queues a mix of notes, field edits and new cases into a technician's store, starts a
// child process that drains it with the product's engine (SyncController, two requests in flight,
// its own HTTP thread), and kills the child with SIGKILL at a random time within what an unkilled
// drain took; it counts a kill
// as "mid-drain" when some of the queue went up and some was still waiting. After --kills of those,
// one last child drains the rest and the server is checked: every note exactly once in its case's
// history, every edited value at most once and each case's last edit its final value, every new
// case exactly once. One JSON line; exit 1 when anything was lost or applied twice.
#include "apiclient.h"
#include "benchkey.h"
#include "localstore.h"
#include "synccontroller.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <csignal>
#include <cstdio>
#include <optional>

using namespace outpost;
using namespace outpost::sync;

namespace {

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "kill_bench: %s\n", qPrintable(what));
    std::exit(1);
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

/// Child: one sync cycle with the product's engine; exit 0 when it ended well.
int drain(const QCommandLineParser &p)
{
    SyncConfig config;
    config.storePath = p.value("store");
    outpost::bench::unlockStore(config.storePath);
    config.server = QUrl(p.value("url"));
    config.user = p.value("user");
    config.token = p.value("token");
    config.usePush = false;
    config.useReachability = false;
    config.periodic = false;
    config.syncAtStart = true;
    config.batchSize = p.value("batch").toInt();
    config.transferTimeout = std::chrono::seconds(60);
    SyncController controller(config);
    int code = 3;
    QObject::connect(&controller, &SyncController::cycleFinished, qApp,
        [&](bool ok, const QString &errorCode, const QString &message) {
            if (!ok)
                std::fprintf(
                    stderr, "kill_bench child: %s: %s\n", qPrintable(errorCode), qPrintable(message));
            code = ok ? 0 : 2;
            qApp->quit();
        });
    QObject::connect(&controller, &SyncController::startFinished, qApp,
        [&](bool ok, const QString &errorCode, const QString &message) {
            if (!ok) {
                std::fprintf(
                    stderr, "kill_bench child: %s: %s\n", qPrintable(errorCode), qPrintable(message));
                qApp->quit();
            }
        });
    controller.start();
    qApp->exec();
    return code;
}

/// What the parent queued, to compare with the server afterwards.
struct Expected {
    QString tag;
    QStringList notes; // texts
    QHash<QString, QString> lastEdit; // case id → last value queued
    QSet<QString> edits; // every value queued
    QStringList creates; // titles
};

struct Work {
    QString caseId;
    QString caseType;
    QString field;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kill_bench"));
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({ "url", "outpostd base URL", "URL" });
    p.addOption({ "user", "the technician whose queue is drained (user = password)", "USER", "alice" });
    p.addOption(
        { "admin", "an administrator, to read the server's history (user = password)", "USER", "carol" });
    p.addOption({ "kills", "mid-drain kills to reach", "N", "200" });
    p.addOption({ "batch", "actions per upload request", "N", "20" });
    p.addOption({ "child", "drain once (internal)" });
    p.addOption({ "store", "the store (child)", "PATH" });
    p.addOption({ "token", "the session token (child)", "TOKEN" });
    p.process(app);
    if (p.isSet("child"))
        return drain(p);

    const QUrl server(p.value("url"));
    if (!server.isValid() || server.port() <= 0)
        fail(QStringLiteral("--url http://HOST:PORT is required"));
    const QString user = p.value("user");
    const int wantedKills = p.value("kills").toInt();
    ApiClient api;
    auto session = await<Result<SessionInfo>>(
        [&](auto cb) { api.signIn(server, user, user, QStringLiteral("kill-bench"), cb); });
    if (!session.ok())
        fail(QStringLiteral("sign-in of %1: %2").arg(user, session.error().toString()));
    ApiClient admin;
    const QString adminUser = p.value("admin");
    auto adminSession = await<Result<SessionInfo>>(
        [&](auto cb) { admin.signIn(server, adminUser, adminUser, QStringLiteral("kill-bench-admin"), cb); });
    if (!adminSession.ok())
        fail(QStringLiteral("sign-in of %1: %2").arg(adminUser, adminSession.error().toString()));

    QTemporaryDir profile;
    const QString storePath = client::StoreLocation::pathFor(profile.path(), server, user);
    const QStringList childArgs { QStringLiteral("--child"), QStringLiteral("--url"), server.toString(),
        QStringLiteral("--user"), user, QStringLiteral("--token"), session->token, QStringLiteral("--store"),
        storePath, QStringLiteral("--batch"), p.value("batch") };
    qint64 lastDrainMs = 250; // how long an unkilled drain took: kills fall within that
    auto runChild = [&](int killAfterMs) {
        QElapsedTimer took;
        took.start();
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), childArgs);
        if (!child.waitForStarted(10000))
            fail(QStringLiteral("cannot start the drain: ") + child.errorString());
        bool killed = false;
        if (killAfterMs > 0)
            QTimer::singleShot(killAfterMs, &child, [&]() {
                if (child.state() == QProcess::Running) {
                    ::kill(pid_t(child.processId()), SIGKILL);
                    killed = true;
                }
            });
        QEventLoop loop;
        QObject::connect(&child, &QProcess::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(180000, &loop, &QEventLoop::quit);
        if (child.state() != QProcess::NotRunning)
            loop.exec();
        if (child.state() != QProcess::NotRunning)
            fail(QStringLiteral("a drain did not end in 180 s"));
        if (!killed && (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0))
            fail(QStringLiteral("a drain failed (exit %1)").arg(child.exitCode()));
        if (!killed)
            lastDrainMs = took.elapsed();
        return killed;
    };
    auto openStore = [&]() {
        outpost::bench::unlockStore(storePath);
        auto s = client::LocalStore::open(storePath);
        if (!s.ok())
            fail(QStringLiteral("store: ") + s.error().toString());
        return std::move(s).value();
    };

    QElapsedTimer wall;
    wall.start();
    runChild(0); // the full sync
    QList<Work> work;
    QJsonObject createFields;
    {
        auto store = openStore();
        client::CaseFilter f;
        f.assignee = user;
        f.limit = 2000;
        for (const client::LocalCase &c : store->reads().cases(f)) {
            if (c.record.caseType == QLatin1String("inspection")) {
                work.append({ c.record.id, c.record.caseType, QStringLiteral("summary") });
                if (createFields.isEmpty())
                    createFields = c.record.fields; // valid for the type: a new case may copy them
            } else if (c.record.caseType == QLatin1String("repair")) {
                work.append({ c.record.id, c.record.caseType, QStringLiteral("notes") });
            }
            if (work.size() == 40)
                break;
        }
    }
    if (work.size() < 10 || createFields.isEmpty())
        fail(QStringLiteral("too few cases of %1 to work on").arg(user));

    Expected ex;
    ex.tag = QUuid::createUuid().toString(QUuid::Id128).left(8);
    int queuedActions = 0;
    auto queue = [&](int n) {
        auto store = openStore();
        for (int i = 0; i < n; ++i) {
            const int k = queuedActions++;
            const QString mark = QStringLiteral("kb-%1-%2").arg(ex.tag).arg(k);
            const Work &w = work.at(QRandomGenerator::global()->bounded(int(work.size())));
            const int kind = QRandomGenerator::global()->bounded(100);
            Status st;
            if (kind < 60) {
                st = store->edits().addNote(w.caseId, mark);
                ex.notes.append(mark);
            } else if (kind < 90) {
                st = store->edits().updateFields(w.caseId, { { w.field, mark } });
                ex.lastEdit.insert(w.caseId, mark);
                ex.edits.insert(mark);
            } else {
                auto created = store->edits().createCase(QStringLiteral("inspection"), createFields, mark);
                st = created.ok() ? Status::success() : Status(created.error());
                ex.creates.append(mark);
            }
            if (!st.ok())
                fail(QStringLiteral("queueing %1: %2").arg(mark, st.error().toString()));
        }
    };
    auto pending = [&]() { return openStore()->reads().pendingCount(); };

    queue(300);
    int kills = 0, midDrain = 0, rounds = 0;
    while (midDrain < wantedKills && rounds < wantedKills * 12) {
        ++rounds;
        const int before = pending();
        if (runChild(5 + QRandomGenerator::global()->bounded(int(std::max<qint64>(lastDrainMs, 20))))) {
            ++kills;
            const int after = pending();
            midDrain += after < before && after > 0 ? 1 : 0;
        }
        if (pending() < 150)
            queue(150);
    }
    if (midDrain < wantedKills)
        fail(QStringLiteral("only %1 of %2 kills hit a drain in %3 rounds")
                 .arg(midDrain)
                 .arg(wantedKills)
                 .arg(rounds));
    runChild(0);
    const client::StoreStatus status = openStore()->reads().status();
    if (status.pending != 0 || status.syncIssues != 0 || status.conflicts != 0)
        fail(QStringLiteral("after the last drain: %1 pending, %2 sync issues, %3 conflicts")
                 .arg(status.pending)
                 .arg(status.syncIssues)
                 .arg(status.conflicts));

    const double drainSeconds = wall.nsecsElapsed() / 1e9;
    // The server's side: history of every case worked on, and the new cases.
    QHash<QString, int> noteCount, editCount;
    int staleFinal = 0;
    for (const Work &w : std::as_const(work)) {
        auto h = await<Result<QList<HistoryEntry>>>([&](auto cb) { admin.history(w.caseId, cb); });
        if (!h.ok())
            fail(QStringLiteral("history of %1: %2").arg(w.caseId, h.error().toString()));
        for (const HistoryEntry &e : h.value()) {
            if (e.action == QLatin1String("note") && e.text.startsWith(QStringLiteral("kb-") + ex.tag))
                ++noteCount[e.text];
            const QJsonValue change = e.changes.value(w.field);
            if (change.isArray()) {
                const QString now = change.toArray().at(1).toString();
                if (now.startsWith(QStringLiteral("kb-") + ex.tag))
                    ++editCount[now];
            }
        }
        if (ex.lastEdit.contains(w.caseId)) {
            auto c = await<Result<CaseRecord>>([&](auto cb) { admin.getCase(w.caseId, cb); });
            if (!c.ok() || c->fields.value(w.field).toString() != ex.lastEdit.value(w.caseId))
                ++staleFinal;
        }
    }
    int lostNotes = 0, twiceNotes = 0, twiceEdits = 0, unknownEdits = 0;
    for (const QString &n : std::as_const(ex.notes)) {
        const int c = noteCount.value(n);
        lostNotes += c == 0 ? 1 : 0;
        twiceNotes += c > 1 ? 1 : 0;
    }
    for (auto it = editCount.cbegin(); it != editCount.cend(); ++it) {
        twiceEdits += it.value() > 1 ? 1 : 0;
        unknownEdits += ex.edits.contains(it.key()) ? 0 : 1;
    }
    // New cases: the store after the last drain holds every case of the user's scope, so a create
    // applied twice would show as two server cases with one title.
    QHash<QString, int> createCount;
    int unmapped = 0;
    {
        auto store = openStore();
        client::CaseFilter f;
        f.text = QStringLiteral("kb-") + ex.tag;
        f.limit = 100000;
        for (const client::LocalCase &c : store->reads().cases(f)) {
            ++createCount[c.record.title];
            unmapped += isTempId(c.record.id) ? 1 : 0;
        }
    }
    int lostCreates = 0, twiceCreates = 0;
    for (const QString &t : std::as_const(ex.creates)) {
        const int c = createCount.value(t);
        lostCreates += c == 0 ? 1 : 0;
        twiceCreates += c > 1 ? 1 : 0;
    }

    const QJsonObject line { { "bench", "kill" }, { "kills", kills }, { "mid_drain_kills", midDrain },
        { "rounds", rounds }, { "actions_queued", queuedActions }, { "notes", int(ex.notes.size()) },
        { "edits", int(ex.edits.size()) }, { "creates", int(ex.creates.size()) }, { "notes_lost", lostNotes },
        { "notes_applied_twice", twiceNotes }, { "edits_applied_twice", twiceEdits },
        { "edits_unknown", unknownEdits }, { "cases_with_stale_final_value", staleFinal },
        { "creates_lost", lostCreates }, { "creates_applied_twice", twiceCreates },
        { "creates_unmapped", unmapped }, { "batch", p.value("batch").toInt() }, { "seconds", drainSeconds },
        { "check_seconds", wall.nsecsElapsed() / 1e9 - drainSeconds } };
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    const int bad = lostNotes + twiceNotes + twiceEdits + unknownEdits + staleFinal + lostCreates
        + twiceCreates + unmapped;
    return bad == 0 ? 0 : 1;
}
