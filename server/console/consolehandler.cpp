// SPDX-License-Identifier: MIT
#include "consolehandler.h"

#include <QStringList>

namespace outpost::server {

const QByteArray ConsoleHandler::kContentSecurityPolicy = QByteArrayLiteral(
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");

namespace {
const QString kPrefix = QStringLiteral("/console/");

http::Response withConsoleHeaders(http::Response r)
{
    r.headers.append(
        { QByteArrayLiteral("Content-Security-Policy"), ConsoleHandler::kContentSecurityPolicy });
    r.headers.append({ QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer") });
    r.headers.append({ QByteArrayLiteral("X-Frame-Options"), QByteArrayLiteral("DENY") });
    r.headers.append({ QByteArrayLiteral("Cross-Origin-Opener-Policy"), QByteArrayLiteral("same-origin") });
    return r;
}

http::Response plain(int status, const QByteArray &text)
{
    http::Response r;
    r.status = status;
    r.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    r.body = text + '\n';
    r.headers.append({ QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store") });
    return withConsoleHeaders(std::move(r));
}

/// The file path below /console/ ("" for the index), or nothing for a path trick: '.' or '..'
/// segments, empty segments, encoded slashes, backslashes, NUL, a leading dot (hidden files).
std::optional<QString> relativePathOf(const http::Request &request)
{
    const QByteArray raw = request.rawPath.isEmpty() ? request.path.toUtf8() : request.rawPath;
    const QByteArray rest = raw.mid(kPrefix.size());
    if (rest.isEmpty())
        return QString();
    QStringList parts;
    for (const QByteArray &segment : rest.split('/')) {
        const QByteArray bytes = QByteArray::fromPercentEncoding(segment);
        if (bytes.isEmpty() || bytes.startsWith('.') || bytes.contains('/') || bytes.contains('\\')
            || bytes.contains('\0') || bytes.contains(':'))
            return std::nullopt;
        parts.append(QString::fromUtf8(bytes));
    }
    return parts.join(QLatin1Char('/'));
}

bool etagMatches(const QByteArray &ifNoneMatch, const QByteArray &etag)
{
    for (QByteArray candidate : ifNoneMatch.split(',')) {
        candidate = candidate.trimmed();
        if (candidate.startsWith("W/"))
            candidate = candidate.mid(2);
        if (candidate == etag || candidate == "*")
            return true;
    }
    return false;
}
} // namespace

ConsoleHandler::ConsoleHandler(http::Handler &api, const ConsoleFiles &files)
    : m_api(api)
    , m_files(files)
{ }

bool ConsoleHandler::isConsolePath(const QString &path)
{
    return path == QLatin1String("/") || path == QLatin1String("/console") || path.startsWith(kPrefix);
}

qint64 ConsoleHandler::maxBodySize(const http::Request &head) const
{
    return isConsolePath(head.path) ? 0 : m_api.maxBodySize(head);
}

std::optional<http::Response> ConsoleHandler::checkHead(const http::Request &head)
{
    return isConsolePath(head.path) ? std::nullopt : m_api.checkHead(head);
}

bool ConsoleHandler::writeLane(const http::Request &request) const
{
    return !isConsolePath(request.path) && m_api.writeLane(request);
}

http::Response ConsoleHandler::handle(const http::Request &request)
{
    return isConsolePath(request.path) ? serve(request) : m_api.handle(request);
}

std::variant<http::Subscriber, http::Response> ConsoleHandler::acceptWebSocket(const http::Request &request)
{
    return m_api.acceptWebSocket(request);
}

bool ConsoleHandler::stillSubscribed(const http::Subscriber &subscriber)
{
    return m_api.stillSubscribed(subscriber);
}

http::Response ConsoleHandler::serve(const http::Request &request) const
{
    if (request.method != "GET" && request.method != "HEAD") {
        http::Response r = plain(405, QByteArrayLiteral("Method not allowed."));
        r.headers.append({ QByteArrayLiteral("Allow"), QByteArrayLiteral("GET, HEAD") });
        return r;
    }
    if (!request.path.startsWith(kPrefix)) { // "/" and "/console"
        http::Response r = plain(302, QByteArrayLiteral("The console is at /console/."));
        r.headers.append({ QByteArrayLiteral("Location"), kPrefix.toLatin1() });
        return r;
    }
    const std::optional<QString> relative = relativePathOf(request);
    if (!relative)
        return plain(400, QByteArrayLiteral("Malformed path."));
    // "v/<version>/js/main.js": the name index.html gives a file of this build, which never changes,
    // so the browser keeps it without asking again. Another version (a page loaded before an
    // upgrade) gets today's file, revalidated like an unversioned name.
    QString name = relative->isEmpty() ? QStringLiteral("index.html") : *relative;
    bool immutable = false;
    if (name.startsWith(QLatin1String("v/"))) {
        const qsizetype slash = name.indexOf(QLatin1Char('/'), 2);
        if (slash < 0)
            return plain(404, QByteArrayLiteral("No such file."));
        immutable = QStringView(name).mid(2, slash - 2) == QLatin1String(m_files.version());
        name = name.mid(slash + 1);
        if (name == QLatin1String("index.html"))
            return plain(404, QByteArrayLiteral("No such file."));
    }
    const ConsoleFiles::File *file = m_files.find(name);
    if (!file)
        return plain(404, QByteArrayLiteral("No such file."));

    http::Response r;
    r.headers.append({ QByteArrayLiteral("ETag"), file->etag });
    // index.html and unversioned names: revalidated every time (a 304 while unchanged).
    r.headers.append({ QByteArrayLiteral("Cache-Control"),
        immutable ? QByteArrayLiteral("public, max-age=31536000, immutable")
                  : QByteArrayLiteral("no-cache") });
    if (etagMatches(request.header("if-none-match"), file->etag)) {
        r.status = 304;
        r.contentType.clear();
        return withConsoleHeaders(std::move(r));
    }
    r.status = 200;
    r.contentType = file->contentType;
    r.body = file->body;
    return withConsoleHeaders(std::move(r));
}

} // namespace outpost::server
