// SPDX-License-Identifier: MIT
#include "attachmentcache.h"

#include "localstore.h"
#include "storedb.h"

#include <QDir>
#include <QFileInfo>

namespace outpost::client::attachmentcache {

PruneReport prune(const LocalStore &store, qint64 budgetBytes, int maxAgeDays, const QDateTime &now)
{
    PruneReport report;
    const QDir root(StoreLocation::cacheDirFor(store.path()));
    const QFileInfoList entries = root.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot);
    if (entries.isEmpty())
        return report;
    const QSet<QString> wanted = store.reads().cacheWanted(budgetBytes);
    const QDateTime before = now.addDays(-maxAgeDays);
    for (const QFileInfo &entry : entries) {
        if (wanted.contains(entry.fileName())) {
            ++report.kept;
            continue;
        }
        QDir d(entry.absoluteFilePath());
        const QFileInfoList files = d.entryInfoList(QDir::Files | QDir::Hidden);
        // An empty one counts by its own time: a download may be about to fill it.
        bool old = files.isEmpty() ? entry.lastModified().toUTC() < before : true;
        for (const QFileInfo &f : files)
            old = old && f.lastModified().toUTC() < before;
        if (old && d.removeRecursively()) {
            ++report.removed;
            qCInfo(lcStore) << "removed an old copy from the cache:" << entry.fileName();
        } else {
            ++report.kept;
        }
    }
    return report;
}

} // namespace outpost::client::attachmentcache
