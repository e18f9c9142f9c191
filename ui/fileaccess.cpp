// SPDX-License-Identifier: MIT
#include "fileaccess.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace outpost::ui {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::ui::FileAccess)
};
const QString kCameraFolder = QStringLiteral("attachments/cameraFolder");
const QString kAttachWithoutPin = QStringLiteral("kiosk/attachWithoutPin");

Qt::CaseSensitivity pathCase()
{
#ifdef Q_OS_WIN
    return Qt::CaseInsensitive;
#else
    return Qt::CaseSensitive;
#endif
}
} // namespace

QString FileAccess::resolved(const QString &path)
{
    if (path.isEmpty())
        return {};
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

bool FileAccess::isInside(const QString &path, const QString &folder)
{
    if (path.isEmpty() || folder.isEmpty())
        return false;
    if (path.compare(folder, pathCase()) == 0)
        return true;
    const QString prefix = folder.endsWith(QLatin1Char('/')) ? folder : folder + QLatin1Char('/');
    return path.startsWith(prefix, pathCase());
}

QStringList FileAccess::systemFolders()
{
#ifdef Q_OS_WIN
    QStringList out;
    for (const char *var : { "SystemRoot", "ProgramFiles", "ProgramFiles(x86)", "ProgramData" }) {
        const QString v = qEnvironmentVariable(var);
        if (!v.isEmpty())
            out << QDir::fromNativeSeparators(v);
    }
    return out;
#else
    return { QStringLiteral("/etc"), QStringLiteral("/proc"), QStringLiteral("/sys"), QStringLiteral("/dev"),
        QStringLiteral("/boot"), QStringLiteral("/usr"), QStringLiteral("/bin"), QStringLiteral("/sbin"),
        QStringLiteral("/lib"), QStringLiteral("/lib64"), QStringLiteral("/var"), QStringLiteral("/run"),
        QStringLiteral("/snap") };
#endif
}

QStringList FileAccess::attachmentFolders() const
{
    QStringList candidates;
    candidates << QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    candidates << m_settings.value(kCameraFolder).toString();
    QStringList out;
    for (const QString &c : std::as_const(candidates)) {
        if (c.isEmpty() || !whyNoAttachmentFolder(c).isEmpty())
            continue;
        const QString dir = resolved(c);
        if (!out.contains(dir))
            out << dir;
    }
    return out;
}

QString FileAccess::whyNoAttachmentFolder(const QString &path) const
{
    const QString shown = QDir::toNativeSeparators(path);
    if (path.isEmpty() || !QFileInfo(path).isDir())
        return Tr::tr("The folder %1 does not exist.").arg(shown);
    const QString dir = resolved(path);
    // The home folder itself or a folder holding the app's files is no attachment folder.
    if (dir == resolved(QDir::homePath()) || QDir(dir).isRoot())
        return Tr::tr("%1 holds far more than pictures; choose a folder for pictures only.").arg(shown);
    for (const QString &r : refusedFolders())
        if (isInside(dir, r) || isInside(r, dir))
            return Tr::tr("%1 holds the app's own data or system files; choose a folder for pictures only.")
                .arg(shown);
    // Hidden folders hold programs' settings and keys (~/.ssh, ~/.gnupg), never a camera's pictures.
    const QStringList segments = dir.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (std::any_of(segments.cbegin(), segments.cend(),
            [](const QString &x) { return x.startsWith(QLatin1Char('.')); }))
        return Tr::tr("%1 is a hidden folder; choose a folder for pictures only.").arg(shown);
    return {};
}

QStringList FileAccess::folderPickerPlaces() const
{
    QStringList candidates { QDir::homePath() };
#ifndef Q_OS_WIN
    candidates << QStringLiteral("/media") << QStringLiteral("/mnt");
#endif
    const QStringList refused = refusedFolders();
    QStringList out;
    for (const QString &c : std::as_const(candidates)) {
        if (!QFileInfo(c).isDir())
            continue;
        const QString dir = resolved(c);
        bool bad = false;
        for (const QString &r : refused)
            bad = bad || isInside(dir, r);
        if (!bad && !out.contains(dir))
            out << dir;
    }
    return out;
}

bool FileAccess::browsingNeedsPin() const
{
    return m_kiosk && !m_settings.value(kAttachWithoutPin, false).toBool();
}

QStringList FileAccess::refusedFolders() const
{
    QStringList out;
    for (const QString &p : m_protected)
        if (!p.isEmpty())
            out << resolved(p);
    if (!m_settings.fileName().isEmpty())
        out << resolved(QFileInfo(m_settings.fileName()).absolutePath());
    // The keyrings (Linux) live under the generic data folder.
    out << resolved(
        QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/keyrings"));
    for (const QString &s : systemFolders())
        out << resolved(s);
    out.removeAll(QString());
    out.removeDuplicates();
    return out;
}

QString FileAccess::whyRefused(const QString &path) const
{
    const QFileInfo info(path);
    const QString name = info.fileName();
    if (!info.exists())
        return Tr::tr("%1 does not exist.").arg(name.isEmpty() ? path : name);
    const QString real = resolved(path);
    if (!QFileInfo(real).isFile())
        return Tr::tr("%1 is not a file.").arg(name);
    for (const QString &p : m_protected)
        if (!p.isEmpty() && isInside(real, resolved(p)))
            return Tr::tr("%1 belongs to the app's own data; such files cannot be attached.").arg(name);
    for (const QString &r : refusedFolders())
        if (isInside(real, r))
            return Tr::tr("%1 is in a system or settings folder; such files cannot be attached.").arg(name);
    if (m_kiosk) {
        const QStringList folders = attachmentFolders();
        for (const QString &f : folders)
            if (isInside(real, f))
                return {};
        return Tr::tr("On this tablet files can only be attached from %1.")
            .arg(folders.isEmpty() ? Tr::tr("the attachment folders (none is set up)")
                                   : QDir::toNativeSeparators(folders.join(QStringLiteral(", "))));
    }
    return {};
}

bool FileAccess::mayEnter(const QString &dir) const
{
    if (!m_kiosk)
        return true;
    const QString real = resolved(dir);
    for (const QString &f : attachmentFolders())
        if (isInside(real, f))
            return true;
    return false;
}

bool FileAccess::isOnTheWay(const QString &path) const
{
    const QString clean = QDir::cleanPath(path);
    for (const QString &f : attachmentFolders()) {
        if (isInside(clean, f) || isInside(f, clean))
            return true;
    }
    return false;
}

} // namespace outpost::ui
