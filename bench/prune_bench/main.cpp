// SPDX-License-Identifier: MIT
// prune_bench: what pruning the feed history costs (FeedRetention through Service::pruneFeed).
//   prune_bench DBURL [CASES]   (JSON lines on stdout)
// Seeds the demo data set, gives it a backlog of history (a scope_log row for every case, a
// tombstone for every second assignment), records the time (first prune), then prunes it 31 days
// later in transactions of 20,000 seqs, and reports rows, transactions and time. While it prunes, a
// second thread writes one small change after another (a settings row in a write transaction, as
// an upload would) and the longest of those waits is reported too.
#include "feed.h"
#include "service.h"
#include "tx.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSemaphore>
#include <QThread>

#include <atomic>
#include <cstdio>

using namespace outpost;
using namespace outpost::server;

namespace {
void line(QJsonObject o)
{
    o.insert(QStringLiteral("bench"), QStringLiteral("prune"));
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

/// Runs statements in one write transaction of `db`, as the service would.
bool exec(Database &db, const QStringList &statements)
{
    auto tx = Tx::begin(db, Tx::Mode::Write);
    if (!tx)
        return false;
    for (const QString &sql : statements) {
        if (auto q = tx.value().run(sql); !q) {
            std::fprintf(stderr, "prune_bench: %s: %s\n", qPrintable(sql), qPrintable(q.error().message));
            return false;
        }
    }
    return tx.value().commit().ok();
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: prune_bench DBURL [CASES]\n");
        return 2;
    }
    const QString url = args.at(1);
    const int cases = args.size() > 2 ? args.at(2).toInt() : 50000;
    ServiceOptions o;
    o.dbUrl = url;
    o.pbkdf2Iterations = 1000;
    auto opened = Service::open(o);
    if (!opened) {
        std::fprintf(stderr, "prune_bench: %s\n", qPrintable(opened.error().toString()));
        return 1;
    }
    std::unique_ptr<Service> service = std::move(opened).value();
    if (!service->seedDemo(cases)) {
        std::fprintf(stderr, "prune_bench: cannot seed\n");
        return 1;
    }
    auto db = Database::open(DbConfig::parse(url).value()); // beside the service, as another instance
    if (!db)
        return 1;
    if (!exec(*db.value(),
            { QStringLiteral("INSERT INTO scope_log (kind, entity_id, seq, old_user, old_queue, old_resolved)"
                             " SELECT kind, entity_id, seq, scope_user, scope_queue, 0 FROM sync_entities"
                             " WHERE kind = 'case'"),
                QStringLiteral(
                    "UPDATE sync_entities SET removed = 1 WHERE kind = 'assignment' AND seq % 4 = 1") }))
        return 1;

    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    if (!service->pruneFeed(t0)) // the mark
        return 1;

    // A writer beside the prune: how long does a small write wait while it runs?
    std::atomic<bool> done { false };
    qint64 longestWaitUs = 0;
    int writes = 0;
    QSemaphore warm; // the writer's connection is open and one write went through
    QThread *writer = QThread::create([&] {
        if (auto tx = Tx::begin(*db.value(), Tx::Mode::Write)) {
            (void)writeSetting(tx.value(), QStringLiteral("bench_probe"), QStringLiteral("warm"));
            (void)tx.value().commit();
        }
        warm.release();
        while (!done) {
            QElapsedTimer w;
            w.start();
            auto tx = Tx::begin(*db.value(), Tx::Mode::Write);
            if (!tx)
                continue;
            (void)writeSetting(tx.value(), QStringLiteral("bench_probe"), QString::number(writes));
            (void)tx.value().commit();
            longestWaitUs = std::max(longestWaitUs, w.nsecsElapsed() / 1000);
            ++writes;
        }
    });
    writer->start();
    warm.acquire();
    QElapsedTimer t;
    t.start();
    auto r = service->pruneFeed(t0.addDays(31));
    const qint64 ms = t.elapsed();
    done = true;
    writer->wait();
    delete writer;
    if (!r) {
        std::fprintf(stderr, "prune_bench: %s\n", qPrintable(r.error().toString()));
        return 1;
    }
    line({ { QStringLiteral("db"),
               url.startsWith(QLatin1String("sqlite:")) ? QStringLiteral("sqlite")
                                                        : QStringLiteral("postgresql") },
        { QStringLiteral("cases"), cases }, { QStringLiteral("horizon"), r->horizon },
        { QStringLiteral("scope_log_rows"), r->scopeLogRows },
        { QStringLiteral("tombstones"), r->tombstones }, { QStringLiteral("transactions"), r->transactions },
        { QStringLiteral("seconds"), ms / 1000.0 }, { QStringLiteral("writes_beside"), writes },
        { QStringLiteral("longest_write_ms"), double(longestWaitUs) / 1000.0 } });
    return 0;
}
