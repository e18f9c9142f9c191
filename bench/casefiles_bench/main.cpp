// SPDX-License-Identifier: MIT
// casefiles_bench: why attaching a file runs off the GUI thread. JSON lines on stdout.
//   attach_direct: LocalStore::attachFile of an N MiB file on the calling thread (read, sha256,
//     QSaveFile copy + fsync, then the row): how long a GUI thread would freeze.
//   attach_worker: StoreCaseDetails::addAttachment of the same file while a 5 ms heartbeat timer
//     runs on the GUI thread: the longest gap between two beats until attachmentAdded.
//   open_copy: fetchAttachment of the pending file (a copy into the cache on the worker), same gap.
#include "benchkey.h"
#include "casedetailshost.h"
#include "localstore.h"
#include "storecasedetails.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace outpost;
using namespace outpost::client;
using namespace outpost::ui;

namespace {

void emitLine(QJsonObject o)
{
    o.insert("bench", "casefiles");
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

QByteArray seedPage()
{
    const QJsonObject type
        = QJsonDocument::fromJson(R"J({"name": "inspection", "version": 1, "title": "Inspection",
 "statuses": ["New", "Resolved-Completed"],
 "fields": [{"name": "summary", "label": "Summary", "type": "text"}],
 "flowActions": [], "conflictPolicy": {"default": "merge"}})J")
              .object();
    const QJsonObject c { { "id", "C-1" }, { "caseType", "inspection" }, { "caseTypeVersion", 1 },
        { "status", "New" }, { "title", "Bench" }, { "assignee", "alice" }, { "queue", "north" },
        { "createdAt", "2026-11-20T08:00:00Z" }, { "updatedAt", "2026-11-20T08:00:00Z" }, { "etag", "\"1\"" },
        { "fields", QJsonObject() }, { "attachments", QJsonArray() } };
    const QJsonArray changes { QJsonObject { { "kind", "caseType" }, { "op", "upsert" },
                                   { "id", "inspection" }, { "etag", "\"1\"" }, { "data", type } },
        QJsonObject {
            { "kind", "case" }, { "op", "upsert" }, { "id", "C-1" }, { "etag", "\"1\"" }, { "data", c } } };
    return QJsonDocument(QJsonObject { { "changes", changes }, { "next", "t1" }, { "more", false } })
        .toJson(QJsonDocument::Compact);
}

/// Runs the event loop until `signal` of `sender` fires, with a 5 ms heartbeat; the longest gap.
template <typename Signal>
double longestGapMs(CaseDetailsHost *sender, Signal signal, const std::function<void()> &start)
{
    QEventLoop loop;
    QTimer beat;
    beat.setInterval(5);
    beat.setTimerType(Qt::PreciseTimer);
    QElapsedTimer since;
    double longest = 0;
    QObject::connect(&beat, &QTimer::timeout, &loop, [&] {
        longest = qMax(longest, since.nsecsElapsed() / 1e6);
        since.restart();
    });
    QObject::connect(sender, signal, &loop, [&loop] { loop.quit(); });
    QObject::connect(sender, &CaseDetailsHost::attachmentFailed, &loop,
        [&loop](const QString &, const QString &, const QString &m) {
            qWarning("failed: %s", qPrintable(m));
            loop.quit();
        });
    beat.start();
    since.start();
    QTimer::singleShot(0, &loop, start);
    loop.exec();
    longest = qMax(longest, since.nsecsElapsed() / 1e6);
    return longest;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv(
        "QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QTemporaryDir dir;
    outpost::bench::unlockStore(dir.filePath("alice@bench.sqlite"));
    auto opened = LocalStore::open(dir.filePath("alice@bench.sqlite"));
    if (!opened)
        qFatal("open: %s", qPrintable(opened.error().toString()));
    std::unique_ptr<LocalStore> store = std::move(opened).value();
    auto page = ChangesPage::fromJson(QJsonDocument::fromJson(seedPage()).object());
    if (!page || !store->pages().beginFullSync() || !store->pages().applyPage(page.value(), true)
        || !store->pages().finishFullSync("t1"))
        qFatal("seed failed");
    StoreCaseDetails details(store.get(), QStringLiteral("alice"));

    for (const int mib : { 1, 5, 20 }) {
        const QString path = dir.filePath(QStringLiteral("file-%1.bin").arg(mib));
        {
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly))
                qFatal("cannot write %s", qPrintable(path));
            QByteArray chunk(1 << 20, Qt::Uninitialized);
            for (int m = 0; m < mib; ++m) {
                for (int i = 0; i < chunk.size(); ++i)
                    chunk[i] = char((i * 131 + m) >> 3);
                f.write(chunk);
            }
        }
        for (int run = 0; run < 3; ++run) {
            QElapsedTimer t;
            t.start();
            const Result<QString> id = store->edits().attachFile(QStringLiteral("C-1"), path);
            if (!id)
                qFatal("attach: %s", qPrintable(id.error().toString()));
            emitLine({ { "measure", "attach_direct" }, { "mib", mib },
                { "gui_blocked_ms", t.nsecsElapsed() / 1e6 } });

            const double gap = longestGapMs(&details, &CaseDetailsHost::attachmentAdded,
                [&] { details.addAttachment(QStringLiteral("C-1"), path); });
            emitLine({ { "measure", "attach_worker" }, { "mib", mib }, { "longest_gui_gap_ms", gap } });

            const QString last = store->reads().attachments(QStringLiteral("C-1")).last().id;
            const double open = longestGapMs(&details, &CaseDetailsHost::attachmentReady,
                [&] { details.fetchAttachment(QStringLiteral("C-1"), last); });
            emitLine({ { "measure", "open_copy" }, { "mib", mib }, { "longest_gui_gap_ms", open } });
        }
    }
    return 0;
}
