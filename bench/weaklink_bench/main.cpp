// SPDX-License-Identifier: MIT
// weaklink_bench: a technician's first sync over a weak link, JSON lines on stdout.
//   bench/weaklink_bench/run.sh starts outpostd (SQLite, demo data) and outpost_linkproxy in front of
//   it (1 Mbit/s each way, 300 ms round trip by default), then runs this with --url (the proxy's) and
//   --stats (the proxy's byte counts). Measured:
//   signin       POST /session through the link;
//   first_sync   the first cycle of a fresh profile (the product's SyncController, SyncWorker,
//                LocalStore): wall seconds, the bytes each way over the link, and when the user's own
//                open cases (assigned to them) were all in the store, so the worklist shows them
//                (`own_usable_seconds`; the worklist reloads on the engine's casesChanged, which is
//                where this bench looks), when the first of them was (`own_first_seconds`), and when
//                the first page was applied.
#include "apiclient.h"
#include "benchkey.h"
#include "localstore.h"
#include "processusage.h"
#include "synccontroller.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <optional>

using namespace outpost;
using namespace outpost::sync;

namespace {

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "weaklink_bench: %s\n", qPrintable(what));
    std::exit(1);
}

QString g_statsPath;

/// {"up","down"} bytes the link carried so far (the proxy rewrites its file within 50 ms).
QJsonObject linkBytes()
{
    QFile f(g_statsPath);
    if (g_statsPath.isEmpty() || !f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

/// The link's bytes since `before`, after the proxy wrote its last count.
QJsonObject linkBytesSince(const QJsonObject &before)
{
    QThread::msleep(120);
    const QJsonObject now = linkBytes();
    return { { "bytes_down", now.value("down").toDouble() - before.value("down").toDouble() },
        { "bytes_up", now.value("up").toDouble() - before.value("up").toDouble() } };
}

void emitLine(const QString &name, QJsonObject line)
{
    line.insert("bench", "weaklink");
    line.insert("name", name);
    line.insert("peak_rss_mb", qRound(bench::peakRssMb() * 10) / 10.0);
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

/// The user's own open cases in the store, as the worklist's "Mine" reads them.
int ownCases(client::LocalStore &store, const QString &user)
{
    client::CaseFilter f;
    f.assignee = user;
    f.limit = 10'000'000;
    f.ordered = false;
    int n = 0;
    const Status s = store.reads().visitCaseSummaries(f, false, [&n](client::CaseSummary &&) { ++n; });
    if (!s.ok())
        fail(QStringLiteral("store read: ") + s.error().toString());
    return n;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("weaklink_bench"));
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({ "url", "the link's (proxy's) base URL", "URL" });
    p.addOption({ "user", "the technician", "USER", "alice" });
    p.addOption({ "password", "its password", "PASSWORD", "alice" });
    p.addOption({ "stats", "the proxy's byte counts (outpost_linkproxy --stats)", "FILE" });
    p.addOption({ "label", "a name for this run (demo size, link)", "TEXT" });
    p.addOption({ "target-seconds", "the first sync's target", "S", "0" });
    p.process(app);
    const QUrl server(p.value("url"));
    if (!server.isValid() || server.port() <= 0)
        fail(QStringLiteral("--url http://HOST:PORT is required"));
    g_statsPath = p.value("stats");
    const QString user = p.value("user");
    const QString label = p.value("label");

    ApiClient api;
    QJsonObject before = linkBytes();
    QElapsedTimer signinClock;
    signinClock.start();
    std::optional<Result<SessionInfo>> session;
    {
        QEventLoop loop;
        api.signIn(server, user, p.value("password"), QStringLiteral("bench-weaklink"), [&](auto r) {
            session.emplace(std::move(r));
            loop.quit();
        });
        loop.exec();
    }
    if (!session->ok())
        fail(QStringLiteral("sign-in: ") + session->error().toString());
    QJsonObject line = linkBytesSince(before);
    line.insert("label", label);
    line.insert("seconds", signinClock.nsecsElapsed() / 1e9);
    emitLine("signin", line);

    QTemporaryDir profile;
    const QString storePath = client::StoreLocation::pathFor(profile.path(), server, user);
    bench::unlockStore(storePath);
    auto opened = client::LocalStore::open(storePath);
    if (!opened.ok())
        fail(QStringLiteral("store: ") + opened.error().toString());
    client::LocalStore &store = *opened.value();

    SyncConfig config;
    config.storePath = storePath;
    config.server = server;
    config.user = user;
    config.token = session->value().token;
    config.usePush = false;
    config.useReachability = false;
    config.periodic = false;
    config.syncAtStart = true;
    config.transferTimeout = std::chrono::seconds(120);
    SyncController controller(config);

    before = linkBytes();
    QElapsedTimer clock;
    double firstPage = -1, ownFirst = -1;
    int pages = 0;
    struct Sample {
        double at;
        int own;
    };
    QList<Sample> samples;
    QObject::connect(&controller, &SyncController::casesChanged, &controller, [&](const QStringList &) {
        const double at = clock.nsecsElapsed() / 1e9;
        ++pages;
        if (firstPage < 0)
            firstPage = at;
        const int own = ownCases(store, user);
        if (own > 0 && ownFirst < 0)
            ownFirst = at;
        samples.append({ at, own });
    });
    QString error;
    bool finished = false;
    QEventLoop loop;
    QObject::connect(&controller, &SyncController::cycleFinished, &loop,
        [&](bool ok, const QString &code, const QString &message) {
            finished = true;
            if (!ok)
                error = code + QStringLiteral(": ") + message;
            loop.quit();
        });
    QObject::connect(&controller, &SyncController::startFinished, &loop,
        [&](bool ok, const QString &code, const QString &message) {
            if (!ok) {
                finished = true;
                error = code + QStringLiteral(": ") + message;
                loop.quit();
            }
        });
    QTimer::singleShot(2'400'000, &loop, &QEventLoop::quit);
    clock.start();
    controller.start();
    loop.exec();
    const double seconds = clock.nsecsElapsed() / 1e9;
    if (!finished)
        fail(QStringLiteral("no end of the first sync in 40 minutes"));
    if (!error.isEmpty())
        fail(QStringLiteral("first sync: ") + error);

    const int ownTotal = ownCases(store, user);
    double ownUsable = -1;
    for (const Sample &s : samples)
        if (s.own >= ownTotal) {
            ownUsable = s.at;
            break;
        }
    line = linkBytesSince(before);
    line.insert("label", label);
    line.insert("seconds", seconds);
    line.insert("cases", store.reads().status().cases);
    line.insert("own_cases", ownTotal);
    line.insert("pages_applied", pages);
    line.insert("first_page_seconds", firstPage);
    line.insert("own_first_seconds", ownFirst);
    line.insert("own_usable_seconds", ownUsable);
    if (const double target = p.value("target-seconds").toDouble(); target > 0)
        line.insert("target_seconds", target);
    line.insert("target_own_usable_seconds", 20);
    emitLine("first_sync", line);
    return 0;
}
