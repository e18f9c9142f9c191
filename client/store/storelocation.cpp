// SPDX-License-Identifier: MIT
#include "localstore.h"

#include <QDir>
#include <QStandardPaths>

namespace outpost::client {

namespace {
QString safeName(QString s)
{
    for (QChar &c : s)
        if (!(c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('-') || c == QLatin1Char('_')
                || c == QLatin1Char('@')))
            c = QLatin1Char('_');
    return s;
}
} // namespace

QString StoreLocation::defaultProfileDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString StoreLocation::pathFor(const QString &profileDir, const QUrl &serverUrl, const QString &userId)
{
    const QString dir = profileDir.isEmpty() ? defaultProfileDir() : profileDir;
    QString host = serverUrl.host();
    if (host.isEmpty())
        host = QStringLiteral("local");
    const int port = serverUrl.port(serverUrl.scheme() == QLatin1String("https") ? 443 : 80);
    const QString name = safeName(userId) + QLatin1Char('@') + safeName(host) + QLatin1Char('_')
        + QString::number(port) + QStringLiteral(".sqlite");
    return QDir(dir).filePath(name);
}

namespace {
QString besideStore(const QString &storePath, const QString &suffix)
{
    QString base = storePath;
    if (base.endsWith(QLatin1String(".sqlite")))
        base.chop(7);
    return base + suffix;
}
} // namespace

QString StoreLocation::attachmentsDirFor(const QString &storePath)
{
    return besideStore(storePath, QStringLiteral(".attachments"));
}

QString StoreLocation::cacheDirFor(const QString &storePath)
{
    return besideStore(storePath, QStringLiteral(".cache"));
}

} // namespace outpost::client
