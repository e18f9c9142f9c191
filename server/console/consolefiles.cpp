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
    QStringList paths = m_files.keys();
    paths.sort();
    QCryptographicHash digest(QCryptographicHash::Sha256);
    for (const QString &path : std::as_const(paths)) {
        digest.addData(path.toUtf8());
        digest.addData(m_files.value(path).etag);
    }
    m_version = digest.result().toHex().left(16);
    const auto index = m_files.find(QStringLiteral("index.html"));
    if (index != m_files.end()) {
        index->body.replace(QByteArrayLiteral("@V@/"), QByteArray("v/" + m_version + "/"));
        index->etag
            = '"' + QCryptographicHash::hash(index->body, QCryptographicHash::Sha256).toHex().left(32) + '"';
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
