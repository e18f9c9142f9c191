// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace outpost::server {

/// The console's files as compiled in (resources under :/console), read once: body, MIME type and
/// a strong ETag (a digest of the content) per path relative to /console/ ("index.html",
/// "js/app.js"). Immutable after construction, so any worker thread reads it.
class ConsoleFiles
{
public:
    struct File {
        QByteArray body;
        QByteArray contentType;
        QByteArray etag; // quoted, e.g. "\"3f2a…\""
    };

    /// The files below resource folder `root` (":/console" in the product).
    explicit ConsoleFiles(const QString &root = QStringLiteral(":/console"));

    /// The file at `relativePath`, or nullptr.
    const File *find(const QString &relativePath) const;
    int count() const { return int(m_files.size()); }
    /// A digest of every file (16 hex digits): index.html names the other files below
    /// "v/<version>/" (its "@V@/" placeholders), so a browser may keep them for good and a new
    /// build's files have new names.
    const QByteArray &version() const { return m_version; }

    /// The MIME type served for a file name (by its suffix; unknown → application/octet-stream).
    static QByteArray contentTypeFor(const QString &fileName);

private:
    QHash<QString, File> m_files;
    QByteArray m_version;
};

} // namespace outpost::server
