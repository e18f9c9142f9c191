// SPDX-License-Identifier: MIT
#include "openmarks.h"

#include "privatefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QMutex>
#include <QUuid>

#include <map>
#include <memory>

namespace outpost::client::openmarks {

namespace {

struct Mark {
    int instances = 0;
    std::unique_ptr<QLockFile> lock;
};

QMutex g_mutex;
std::map<QString, Mark> g_marks; // store path → this process's mark

QString prefixOf(const QString &storePath)
{
    return QFileInfo(storePath).fileName() + QStringLiteral(".open-");
}

QString checkNeededFile(const QString &storePath)
{
    return storePath + QStringLiteral(".check-needed");
}

} // namespace

void retain(const QString &storePath)
{
    const QMutexLocker lock(&g_mutex);
    Mark &m = g_marks[storePath];
    if (m.instances++ > 0)
        return;
    m.lock = std::make_unique<QLockFile>(
        storePath + QStringLiteral(".open-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
    m.lock->setStaleLockTime(0); // held as long as the store is open, never stale by age
    if (!m.lock->tryLock(0))
        m.lock.reset(); // a read-only folder: no mark, and no unclean shutdown will be seen
    else
        privatefiles::makePrivate(m.lock->fileName());
}

void release(const QString &storePath)
{
    const QMutexLocker lock(&g_mutex);
    const auto it = g_marks.find(storePath);
    if (it == g_marks.end() || --it->second.instances > 0)
        return;
    g_marks.erase(it); // unlocks and removes the lock file
}

bool uncleanShutdown(const QString &storePath)
{
    QString own;
    {
        const QMutexLocker lock(&g_mutex);
        if (const auto it = g_marks.find(storePath); it != g_marks.end() && it->second.lock)
            own = QFileInfo(it->second.lock->fileName()).fileName();
    }
    const QDir dir = QFileInfo(storePath).absoluteDir();
    const QString prefix = prefixOf(storePath);
    bool stale = false;
    for (const QString &name : dir.entryList({ QStringLiteral("*.open-*") }, QDir::Files | QDir::Hidden)) {
        if (!name.startsWith(prefix) || name == own || name.endsWith(QLatin1String(".rmlock")))
            continue;
        // Held by a live process (its pid runs): locking fails. A process that is gone left a stale
        // lock file: QLockFile takes it over, and unlocking removes it.
        QLockFile other(dir.filePath(name));
        other.setStaleLockTime(0);
        if (other.tryLock(0)) {
            stale = true;
            failed(storePath); // before the mark goes: a check cut short is run again
            other.unlock();
        }
    }
    return stale || QFile::exists(checkNeededFile(storePath));
}

void passed(const QString &storePath)
{
    QFile::remove(checkNeededFile(storePath));
}

void failed(const QString &storePath)
{
    QFile f(checkNeededFile(storePath));
    if (f.open(QIODevice::WriteOnly)) {
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        f.close();
    }
}

} // namespace outpost::client::openmarks
