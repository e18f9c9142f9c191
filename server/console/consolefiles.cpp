// SPDX-License-Identifier: MIT
#include "consolefiles.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>

namespace outpost::server {

ConsoleFiles::ConsoleFiles(const QString &root)
{
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        File file;
        file.body = f.readAll();
        file.contentType = contentTypeFor(path);
        file.etag
            = '"' + QCryptographicHash::hash(file.body, QCryptographicHash::Sha256).toHex().left(32) + '"';
        m_files.insert(path.mid(root.size() + 1), std::move(file));
    }
}

const ConsoleFiles::File *ConsoleFiles::find(const QString &relativePath) const
{
    const auto it = m_files.constFind(relativePath);
    return it == m_files.constEnd() ? nullptr : &it.value();
}

QByteArray ConsoleFiles::contentTypeFor(const QString &fileName)
{
    static const QHash<QString, QByteArray> types = {
        { QStringLiteral("html"), QByteArrayLiteral("text/html; charset=utf-8") },
        { QStringLiteral("js"), QByteArrayLiteral("text/javascript; charset=utf-8") },
        { QStringLiteral("css"), QByteArrayLiteral("text/css; charset=utf-8") },
        { QStringLiteral("json"), QByteArrayLiteral("application/json") },
        { QStringLiteral("svg"), QByteArrayLiteral("image/svg+xml") },
        { QStringLiteral("png"), QByteArrayLiteral("image/png") },
        { QStringLiteral("ico"), QByteArrayLiteral("image/x-icon") },
    };
    const qsizetype dot = fileName.lastIndexOf(QLatin1Char('.'));
    const QString suffix = dot < 0 ? QString() : fileName.mid(dot + 1).toLower();
    return types.value(suffix, QByteArrayLiteral("application/octet-stream"));
}

} // namespace outpost::server
