// SPDX-License-Identifier: MIT
// store_bench: the client store's share of sync work, JSON lines on stdout.
//   full sync of 50,000 cases of ~1 KB (pages of 5,000, parsed from protocol JSON bytes),
//   delta of 1,000 changed cases, queueing 5,000 local actions, draining them as upload results,
//   and opening (integrity check + queue audit) the resulting store. Peak RSS from getrusage.
#include "benchkey.h"
#include "localstore.h"
#include "processusage.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>

using namespace outpost;
using namespace outpost::client;

namespace {
/// LocalStore::open() of the bench's store (unlocked with the bench key).
auto openUnlocked(const QString &path, const outpost::client::LocalStore::Options &o = {})
{
    outpost::bench::unlockStore(path);
    return outpost::client::LocalStore::open(path, o);
}

using bench::cpuSeconds;
using bench::peakRssMb;

double g_cpuMark = 0;
void markCpu()
{
    g_cpuMark = cpuSeconds();
}

void emit(const QJsonObject &o)
{
    QJsonObject line = o;
    if (!line.contains("cpu_seconds"))
        line.insert("cpu_seconds", cpuSeconds() - g_cpuMark);
    markCpu();
    line.insert("bench", "store");
    line.insert("peak_rss_mb", qRound(peakRssMb() * 10) / 10.0);
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

QJsonObject caseType()
{
    return QJsonDocument::fromJson(R"J({"name": "inspection", "version": 3, "title": "Site inspection",
 "statuses": ["New", "InProgress", "Resolved-Completed", "Resolved-Withdrawn"],
 "fields": [
   {"name": "site", "label": "Site", "type": "lookup", "dataPage": "sites", "required": true},
   {"name": "readingKw", "label": "Meter reading (kW)", "type": "number", "min": 0, "max": 100000},
   {"name": "visitDate", "label": "Visit date", "type": "date", "required": true},
   {"name": "priority", "label": "Priority", "type": "choice", "choices": ["low", "normal", "high"]},
   {"name": "passed", "label": "Passed", "type": "bool"},
   {"name": "summary", "label": "Summary", "type": "text", "maxLength": 2000}],
 "flowActions": [{"name": "start", "label": "Start work", "from": ["New"], "to": "InProgress"}],
 "conflictPolicy": {"default": "merge"}})J")
        .object();
}

QJsonObject caseData(int i, int version)
{
    static const QString filler = QString(720, QLatin1Char('x'));
    const QString id = QStringLiteral("C-%1").arg(i);
    return { { "id", id }, { "caseType", "inspection" }, { "caseTypeVersion", 3 }, { "status", "New" },
        { "title", QStringLiteral("Inspect substation %1").arg(i) }, { "assignee", "alice" },
        { "queue", "north" }, { "createdAt", "2026-11-20T08:00:00Z" },
        { "updatedAt", "2026-11-20T08:00:00Z" }, { "etag", QStringLiteral("\"%1\"").arg(version) },
        { "fields",
            QJsonObject { { "site", QStringLiteral("S-%1").arg(i % 50) }, { "visitDate", "2026-11-30" },
                { "priority", "normal" }, { "readingKw", i % 1000 + version }, { "summary", filler } } },
        { "attachments", QJsonArray() } };
}

QByteArray pageBytes(int from, int count, int version, const QString &next, bool more, bool withTypes)
{
    QJsonArray changes;
    if (withTypes) {
        changes.append(QJsonObject { { "kind", "caseType" }, { "op", "upsert" }, { "id", "inspection" },
            { "etag", "\"3\"" }, { "data", caseType() } });
        for (int s = 0; s < 50; ++s)
            changes.append(QJsonObject { { "kind", "dataPage" }, { "op", "upsert" },
                { "id", QStringLiteral("sites/S-%1").arg(s) }, { "etag", "\"1\"" },
                { "data",
                    QJsonObject { { "page", "sites" }, { "key", QStringLiteral("S-%1").arg(s) },
                        { "label", QStringLiteral("Site %1").arg(s) } } } });
    }
    for (int i = from; i < from + count; ++i) {
        const QJsonObject d = caseData(i, version);
        changes.append(QJsonObject { { "kind", "case" }, { "op", "upsert" }, { "id", d.value("id") },
            { "etag", d.value("etag") }, { "data", d } });
    }
    return QJsonDocument(QJsonObject { { "changes", changes }, { "next", next }, { "more", more } })
        .toJson(QJsonDocument::Compact);
}

/// Parse (as the network layer will) and apply; returns {parse seconds, apply seconds}.
std::pair<double, double> applyBytes(LocalStore &store, const QByteArray &bytes, bool full)
{
    QElapsedTimer t;
    t.start();
    const QJsonObject obj = QJsonDocument::fromJson(bytes).object();
    auto page = ChangesPage::fromJson(obj);
    const double parse = t.nsecsElapsed() / 1e9;
    if (!page)
        qFatal("page: %s", qPrintable(page.error().toString()));
    t.restart();
    auto r = store.pages().applyPage(page.value(), full);
    if (!r)
        qFatal("apply: %s", qPrintable(r.error().toString()));
    return { parse, t.nsecsElapsed() / 1e9 };
}

/// What one durable commit costs on this disk at least: write 4 KB + fdatasync, averaged.
double fsyncMs(const QString &dirPath)
{
    const QByteArray file = (dirPath + QStringLiteral("/fsync-probe")).toLocal8Bit();
    const int fd = ::open(file.constData(), O_CREAT | O_WRONLY | O_TRUNC, 0600);
    if (fd < 0)
        return -1;
    const QByteArray block(4096, 'x');
    QElapsedTimer t;
    t.start();
    const int n = 200;
    for (int i = 0; i < n; ++i) {
        if (::pwrite(fd, block.constData(), block.size(), off_t(i % 16) * block.size()) < 0
            || ::fdatasync(fd) != 0)
            break;
    }
    const double ms = t.nsecsElapsed() / 1e6 / n;
    ::close(fd);
    ::unlink(file.constData());
    return ms;
}

ActionResult appliedResult(const QueuedAction &q, int version)
{
    const int n = q.action.caseId.mid(2).toInt();
    QJsonObject d = caseData(n, version);
    QJsonObject f = d.value("fields").toObject();
    if (q.action.fields.contains("readingKw"))
        f.insert("readingKw", q.action.fields.value("readingKw"));
    d.insert("fields", f);
    ActionResult r;
    r.id = q.action.id;
    r.status = ResultStatus::Applied;
    r.caseId = q.action.caseId;
    r.etag = QStringLiteral("\"%1\"").arg(version);
    r.caseData = d;
    return r;
}

/// The upload scenario of many actions per case: 5,000 updates and 5,000 notes interleaved over
/// 500 cases (20 queued actions per case, none folded), then 10 batches of 500 applied results.
void mixedQueue(const QString &dirPath, bool synchronousFull)
{
    const QString path = dirPath + QStringLiteral("/mixed.sqlite");
    LocalStore::Options o;
    o.synchronousFull = synchronousFull;
    auto opened = openUnlocked(path, o);
    if (!opened)
        qFatal("%s", qPrintable(opened.error().toString()));
    LocalStore &store = *opened.value();
    const int cases = 500;
    (void)store.pages().beginFullSync();
    if (auto r = store.pages().applyPage(
            ChangesPage::fromJson(QJsonDocument::fromJson(pageBytes(0, cases, 1, "c", false, true)).object())
                .value(),
            true);
        !r)
        qFatal("%s", qPrintable(r.error().toString()));
    (void)store.pages().finishFullSync("tok-mixed");
    const char *sync = synchronousFull ? "FULL" : "NORMAL";

    markCpu();
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < 5000; ++i) {
        const QString id = QStringLiteral("C-%1").arg(i % cases);
        if (const Status st = store.edits().updateFields(id, { { "readingKw", 10000 + i } }); !st.ok())
            qFatal("%s", qPrintable(st.error().toString()));
        if (const Status st = store.edits().addNote(id, QStringLiteral("note %1").arg(i)); !st.ok())
            qFatal("%s", qPrintable(st.error().toString()));
    }
    const double queueSecs = t.nsecsElapsed() / 1e9;
    emit({ { "name", "queue_5k_updates_5k_notes_500_cases" }, { "actions", 10000 }, { "synchronous", sync },
        { "seconds", queueSecs }, { "ms_per_action", queueSecs / 10.0 } });

    double selectSecs = 0, applySecs = 0, applyCpu = 0;
    int applied = 0;
    for (int b = 0; b < 10; ++b) {
        QElapsedTimer s;
        s.start();
        const QList<QueuedAction> batch = store.upload().nextBatch(500);
        QStringList ids;
        for (const QueuedAction &q : batch)
            ids << q.action.id;
        (void)store.upload().markInflight(ids);
        const double sel = s.nsecsElapsed() / 1e9;
        selectSecs += sel;
        if (batch.isEmpty())
            break;
        QList<ActionResult> results;
        for (const QueuedAction &q : batch)
            results << appliedResult(q, 10 + b);
        const double c0 = cpuSeconds();
        s.restart();
        if (const Status st = store.upload().applyResults(batch, results); !st.ok())
            qFatal("%s", qPrintable(st.error().toString()));
        const double app = s.nsecsElapsed() / 1e9;
        applySecs += app;
        applyCpu += cpuSeconds() - c0;
        applied += int(batch.size());
        emit({ { "name", "mixed_upload_batch" }, { "batch", b }, { "actions", int(batch.size()) },
            { "select_and_mark_seconds", sel }, { "apply_seconds", app },
            { "queued_after", store.reads().pendingCount() } });
    }
    emit({ { "name", "mixed_upload_results_5k" }, { "actions", applied }, { "apply_seconds", applySecs },
        { "apply_cpu_seconds", applyCpu }, { "select_and_mark_seconds", selectSecs },
        { "seconds", applySecs + selectSecs }, { "target_apply_seconds", 0.3 } });
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // STORE_BENCH_ONLY=mixed runs only the many-actions-per-case upload scenario;
    // STORE_BENCH_SYNC=NORMAL queues it with synchronous=NORMAL (for profiling the CPU side).
    const QByteArray only = qgetenv("STORE_BENCH_ONLY");
    const bool syncFull = qgetenv("STORE_BENCH_SYNC") != "NORMAL";
    {
        QTemporaryDir probeDir;
        emit({ { "name", "fsync_4k" }, { "ms_per_fsync", fsyncMs(probeDir.path()) } });
        mixedQueue(probeDir.path(), syncFull);
    }
    if (only == "mixed")
        return 0;
    const int total = qEnvironmentVariableIntValue("STORE_BENCH_CASES") > 0
        ? qEnvironmentVariableIntValue("STORE_BENCH_CASES")
        : 50000;
    const int pageSize = 5000;
    QTemporaryDir dir;
    const QString path = dir.filePath("bench@127.0.0.1_8470.sqlite");
    {
        auto opened = openUnlocked(path);
        if (!opened)
            qFatal("%s", qPrintable(opened.error().toString()));
        LocalStore &store = *opened.value();

        // Full sync.
        double parse = 0, apply = 0, bytesTotal = 0, cpu = 0;
        QElapsedTimer wall;
        wall.start();
        (void)store.pages().beginFullSync();
        for (int p = 0; p < total / pageSize; ++p) {
            const bool more = (p + 1) * pageSize < total;
            const QByteArray bytes
                = pageBytes(p * pageSize, pageSize, 1, QStringLiteral("cursor-%1").arg(p), more, p == 0);
            bytesTotal += bytes.size();
            const double c0 = cpuSeconds();
            const auto [ps, as] = applyBytes(store, bytes, true);
            cpu += cpuSeconds() - c0;
            parse += ps;
            apply += as;
        }
        QElapsedTimer t;
        t.start();
        const double c0 = cpuSeconds();
        auto fin = store.pages().finishFullSync("tok-full");
        if (!fin)
            qFatal("%s", qPrintable(fin.error().toString()));
        apply += t.nsecsElapsed() / 1e9;
        cpu += cpuSeconds() - c0;
        emit({ { "name", "full_sync_50k" }, { "cases", total }, { "page_size", pageSize },
            { "cpu_seconds", cpu }, { "json_mb", qRound(bytesTotal / 1e5) / 10.0 },
            { "parse_seconds", parse }, { "apply_seconds", apply }, { "seconds", parse + apply },
            { "target_seconds_whole_sync", 2.5 } });

        // Delta of 1,000 changed cases (every 50th case, new version).
        QJsonArray changes;
        for (int i = 0; i < 1000; ++i) {
            const QJsonObject d = caseData(i * 50, 2);
            changes.append(QJsonObject { { "kind", "case" }, { "op", "upsert" }, { "id", d.value("id") },
                { "etag", d.value("etag") }, { "data", d } });
        }
        const QByteArray delta = QJsonDocument(
            QJsonObject { { "changes", changes }, { "next", "tok-delta" },
                { "more", false } }).toJson(QJsonDocument::Compact);
        markCpu();
        const auto [dp, da] = applyBytes(store, delta, false);
        emit({ { "name", "delta_1k" }, { "cases", 1000 }, { "parse_seconds", dp }, { "apply_seconds", da },
            { "seconds", dp + da }, { "target_seconds_whole_sync", 0.1 } });

        // Queue 5,000 local actions (each its own transaction, synchronous=FULL).
        t.restart();
        for (int i = 0; i < 5000; ++i) {
            const Status st = store.edits().updateFields(
                QStringLiteral("C-%1").arg(i * 7 + 3), { { "readingKw", 5000 + i } });
            if (!st.ok())
                qFatal("%s", qPrintable(st.error().toString()));
        }
        const double queueSecs = t.nsecsElapsed() / 1e9;
        emit({ { "name", "queue_5k_actions" }, { "actions", 5000 }, { "synchronous", "FULL" },
            { "seconds", queueSecs }, { "ms_per_action", queueSecs / 5.0 } });

        // Drain them as the upload does: batches of 500, every result applied.
        t.restart();
        int drained = 0;
        double batchSecs = 0;
        for (;;) {
            QElapsedTimer b;
            b.start();
            const QList<QueuedAction> batch = store.upload().nextBatch(500);
            QStringList ids;
            for (const QueuedAction &q : batch)
                ids << q.action.id;
            (void)store.upload().markInflight(ids);
            batchSecs += b.nsecsElapsed() / 1e9;
            if (batch.isEmpty())
                break;
            QList<ActionResult> results;
            for (const QueuedAction &q : batch) {
                const int n = q.action.caseId.mid(2).toInt();
                QJsonObject d = caseData(n, 3);
                QJsonObject f = d.value("fields").toObject();
                f.insert("readingKw", q.action.fields.value("readingKw"));
                d.insert("fields", f);
                ActionResult r;
                r.id = q.action.id;
                r.status = ResultStatus::Applied;
                r.caseId = q.action.caseId;
                r.etag = "\"3\"";
                r.caseData = d;
                results << r;
            }
            const Status st = store.upload().applyResults(batch, results);
            if (!st.ok())
                qFatal("%s", qPrintable(st.error().toString()));
            drained += int(batch.size());
        }
        const double drainSecs = t.nsecsElapsed() / 1e9;
        emit({ { "name", "upload_results_5k" }, { "actions", drained }, { "seconds", drainSecs },
            { "select_and_mark_seconds", batchSecs }, { "target_seconds_whole_upload", 0.5 } });

        // Reads a list screen does.
        t.restart();
        CaseFilter f;
        f.limit = 200;
        const int listed = int(store.reads().cases(f).size());
        emit({ { "name", "list_200_cases" }, { "cases", listed }, { "seconds", t.nsecsElapsed() / 1e9 } });
    }
    // Reopen: integrity check + queue audit on the 50k store.
    QElapsedTimer t;
    t.start();
    {
        auto again = openUnlocked(path);
        if (!again)
            qFatal("%s", qPrintable(again.error().toString()));
    }
    emit({ { "name", "open_verify_50k" }, { "seconds", t.nsecsElapsed() / 1e9 },
        { "file_mb", qRound(QFileInfo(path).size() / 1e5) / 10.0 } });

    // synchronous=NORMAL for comparison of the local-action cost.
    {
        LocalStore::Options o;
        o.synchronousFull = false;
        o.verify = false;
        auto s = openUnlocked(path, o);
        t.restart();
        for (int i = 0; i < 1000; ++i)
            (void)s.value()->edits().addNote(QStringLiteral("C-%1").arg(i), QStringLiteral("note %1").arg(i));
        emit({ { "name", "queue_1k_notes" }, { "synchronous", "NORMAL" },
            { "seconds", t.nsecsElapsed() / 1e9 } });
        t.restart();
        for (int i = 0; i < 1000; ++i)
            (void)s.value()->edits().updateFields(
                QStringLiteral("C-%1").arg(i * 11 + 1), { { "readingKw", 7000 + i } });
        emit({ { "name", "queue_1k_updates" }, { "synchronous", "NORMAL" },
            { "seconds", t.nsecsElapsed() / 1e9 } });
    }
    {
        auto s = openUnlocked(path);
        t.restart();
        for (int i = 0; i < 1000; ++i)
            (void)s.value()->edits().addNote(QStringLiteral("C-%1").arg(i), QStringLiteral("note %1").arg(i));
        emit({ { "name", "queue_1k_notes" }, { "synchronous", "FULL" },
            { "seconds", t.nsecsElapsed() / 1e9 } });
    }
    return 0;
}
