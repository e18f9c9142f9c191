// SPDX-License-Identifier: MIT
#include "privatefiles.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace outpost::client::privatefiles {

namespace {
constexpr auto FileMode = QFile::ReadOwner | QFile::WriteOwner;
constexpr auto DirMode = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
} // namespace

void restrictNewFiles()
{
#ifdef Q_OS_UNIX
    ::umask(077);
#endif
}

bool makeDir(const QString &dir)
{
    if (!QDir().mkpath(dir))
        return false;
#ifdef Q_OS_UNIX
    QFile::setPermissions(dir, DirMode);
#endif
    return true;
}

void makePrivate(const QString &path)
{
#ifdef Q_OS_UNIX
    const QFileInfo fi(path);
    if (fi.isSymLink())
        return; // never follow a link out of the profile
    if (fi.isDir())
        QFile::setPermissions(path, DirMode);
    else if (fi.exists())
        QFile::setPermissions(path, FileMode);
#else
    Q_UNUSED(path);
#endif
}

void tightenStore(const QString &storePath)
{
#ifdef Q_OS_UNIX
    const QFileInfo store(storePath);
    const QDir dir = store.absoluteDir();
    makePrivate(dir.absolutePath());
    QString base = store.fileName();
    if (base.endsWith(QLatin1String(".sqlite")))
        base.chop(int(qstrlen("sqlite")));
    // alice@host_443.sqlite, .sqlite-wal, .sqlite-shm, .sqlite.open-*, .attachments/, .cache/ ...
    const QStringList own = dir.entryList({ base + QLatin1Char('*') },
        QDir::Files | QDir::Dirs | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &name : own) {
        const QString path = dir.filePath(name);
        makePrivate(path);
        if (!QFileInfo(path).isDir() || QFileInfo(path).isSymLink())
            continue;
        QDirIterator it(path, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
            QDirIterator::Subdirectories);
        while (it.hasNext())
            makePrivate(it.next());
    }
    for (const char *profileFile : { "profile.json", "outpost.conf" })
        makePrivate(dir.filePath(QLatin1String(profileFile)));
#else
    Q_UNUSED(storePath);
#endif
}

} // namespace outpost::client::privatefiles
