// SPDX-License-Identifier: MIT
#include "apiclient.h"

#include "protocol/jsonreader.h"
#include "synclogging.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSaveFile>
#include <QUrlQuery>

namespace outpost::sync {

namespace {
const char kCanceled[] = "outpostCanceled";
const char kTooLarge[] = "outpostTooLarge";

QByteArray jsonBytes(const QJsonObject &obj)
{
    return QJsonDocument(obj).toJson(QJsonDocument::Compact);
}

QString pathSegment(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}
} // namespace

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{
    m_nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

ApiClient::~ApiClient()
{
    // Replies die with the manager; their finished handlers are bound to `this` and never run.
    m_aborting = true;
}

void ApiClient::setServer(const QUrl &server)
{
    m_server = server;
    QString p = m_server.path();
    while (p.endsWith(QLatin1Char('/')))
        p.chop(1);
    m_server.setPath(p);
}

QUrl ApiClient::url(const QString &path) const
{
    QUrl u = m_server;
    u.setPath(m_server.path() + QStringLiteral("/api/v1") + path, QUrl::TolerantMode);
    return u;
}

QNetworkRequest ApiClient::request(const QString &path, bool json) const
{
    QNetworkRequest req(url(path));
    req.setTransferTimeout(int(m_timeout.count()));
    req.setRawHeader("Accept", "application/json");
    if (json)
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!m_token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    return req;
}

Error ApiClient::transportError(QNetworkReply *reply) const
{
    const auto err = reply->error();
    if (reply->property(kTooLarge).toBool())
        return Error(QString::fromLatin1(errc::BadResponse),
            QStringLiteral("The server's answer exceeds %1 bytes.").arg(m_maxResponse));
    if (err == QNetworkReply::OperationCanceledError) {
        if (reply->property(kCanceled).toBool())
            return Error(QString::fromLatin1(errc::Canceled), QStringLiteral("The request was canceled."));
        return Error(QString::fromLatin1(errc::Timeout),
            QStringLiteral("The server did not answer within %1 s.").arg(m_timeout.count() / 1000.0));
    }
    if (err == QNetworkReply::ProtocolFailure || err == QNetworkReply::ProtocolUnknownError)
        return Error(QString::fromLatin1(errc::BadResponse),
            QStringLiteral("The server's answer is not valid HTTP: %1").arg(reply->errorString()));
    return Error(QString::fromLatin1(errc::Unreachable),
        QStringLiteral("Cannot reach the server: %1").arg(reply->errorString()));
}

void ApiClient::track(QNetworkReply *reply, bool signIn, Handler ok, ErrorHandler fail)
{
    m_running.append(reply);
    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply](qint64 received, qint64) {
        if (received > m_maxResponse && !reply->property(kTooLarge).toBool()) {
            reply->setProperty(kTooLarge, true);
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this,
        [this, reply, signIn, ok = std::move(ok), fail = std::move(fail)]() {
            m_running.removeAll(reply);
            reply->deleteLater();
            const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
            const int status = statusAttr.isValid() ? statusAttr.toInt() : 0;
            const auto netError = reply->error();
            // An HTTP answer arrived (possibly an error status): judge by the status. Otherwise the
            // transport failed (refused, reset, timeout, garbage instead of HTTP).
            const bool transportFailed = status == 0 || reply->property(kTooLarge).toBool()
                || (netError != QNetworkReply::NoError && netError < QNetworkReply::ContentAccessDenied);
            if (transportFailed) {
                const Error e = transportError(reply);
                qCDebug(lcSyncApi) << reply->operation() << reply->url().path() << "failed:" << e.code
                                   << e.message;
                fail(e);
                return;
            }
            const QByteArray body = reply->readAll();
            if (status < 200 || status >= 300) {
                const Error e = parse::httpError(status, body, signIn);
                qCDebug(lcSyncApi) << reply->url().path() << "HTTP" << status << e.code;
                if (e.code == QLatin1String(errc::Unauthenticated) && !signIn)
                    Q_EMIT unauthenticated();
                fail(e);
                return;
            }
            ok(body);
        });
}

void ApiClient::signIn(const QUrl &server, const QString &user, const QString &password,
    const QString &deviceId, Callback<SessionInfo> done)
{
    setServer(server);
    m_token.clear();
    const QJsonObject body { { QStringLiteral("username"), user }, { QStringLiteral("password"), password },
        { QStringLiteral("deviceId"), deviceId } };
    QNetworkReply *reply = m_nam->post(request(QStringLiteral("/session")), jsonBytes(body));
    track(
        reply, true,
        [this, done](const QByteArray &b) {
            auto s = parse::session(b);
            if (s.ok())
                m_token = s->token;
            done(std::move(s));
        },
        [done](const Error &e) { done(e); });
}

void ApiClient::signOut(Callback<void> done)
{
    QNetworkReply *reply = m_nam->deleteResource(request(QStringLiteral("/session"), false));
    m_token.clear();
    track(
        reply, false, [done](const QByteArray &) { done(Status::success()); },
        [done](const Error &e) { done(e); });
}

void ApiClient::health(Callback<HealthInfo> done)
{
    QNetworkRequest req = request(QStringLiteral("/health"), false);
    req.setRawHeader("Authorization", QByteArray());
    track(
        m_nam->get(req), false, [done](const QByteArray &b) { done(parse::health(b)); },
        [done](const Error &e) { done(e); });
}

void ApiClient::changes(const QString &since, int limit, Callback<ChangesPage> done)
{
    QNetworkRequest req = request(QStringLiteral("/sync/changes"), false);
    QUrl u = req.url();
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("since"), since.isEmpty() ? QStringLiteral("0") : pathSegment(since));
    if (limit > 0)
        q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    u.setQuery(q);
    req.setUrl(u);
    track(
        m_nam->get(req), false, [done](const QByteArray &b) { done(parse::changesPage(b)); },
        [done](const Error &e) { done(e); });
}

void ApiClient::uploadActions(
    const QString &deviceId, const QList<Action> &actions, Callback<QList<ActionResult>> done)
{
    QJsonArray arr;
    for (const Action &a : actions)
        arr.append(a.toJson());
    const QJsonObject body { { QStringLiteral("deviceId"), deviceId }, { QStringLiteral("actions"), arr } };
    track(
        m_nam->post(request(QStringLiteral("/sync/actions")), jsonBytes(body)), false,
        [done, actions](const QByteArray &b) { done(parse::uploadResults(b, actions)); },
        [done](const Error &e) { done(e); });
}

Result<QString> ApiClient::sha256OfFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(QString::fromLatin1(errc::FileError),
            QStringLiteral("Cannot read %1: %2").arg(path, f.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f))
        return Error(QString::fromLatin1(errc::FileError), QStringLiteral("Cannot read %1").arg(path));
    return QString::fromLatin1(hash.result().toHex());
}

void ApiClient::putAttachment(const QString &uuid, const QString &caseId, const QString &name,
    const QString &mime, const QString &filePath, Callback<UploadedAttachment> done)
{
    auto sha = sha256OfFile(filePath);
    if (!sha.ok()) {
        done(sha.error());
        return;
    }
    auto *file = new QFile(filePath);
    if (!file->open(QIODevice::ReadOnly)) {
        const Error e(QString::fromLatin1(errc::FileError),
            QStringLiteral("Cannot read %1: %2").arg(filePath, file->errorString()));
        delete file;
        done(e);
        return;
    }
    QNetworkRequest req = request(QStringLiteral("/attachments/") + pathSegment(uuid), false);
    QUrl u = req.url();
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("caseId"), pathSegment(caseId));
    q.addQueryItem(QStringLiteral("name"), pathSegment(name));
    u.setQuery(q);
    req.setUrl(u);
    req.setHeader(QNetworkRequest::ContentTypeHeader,
        mime.isEmpty() ? QByteArrayLiteral("application/octet-stream") : mime.toUtf8());
    req.setHeader(QNetworkRequest::ContentLengthHeader, file->size());
    QNetworkReply *reply = m_nam->put(req, file);
    file->setParent(reply);
    const QString localSha = sha.value();
    track(
        reply, false,
        [done, localSha](const QByteArray &b) {
            auto up = parse::uploadedAttachment(b);
            if (up.ok() && up->sha256.compare(localSha, Qt::CaseInsensitive) != 0) {
                done(Error(QString::fromLatin1(errc::ChecksumMismatch),
                    QStringLiteral("The server stored bytes with sha256 %1, the file has %2.")
                        .arg(up->sha256, localSha)));
                return;
            }
            done(std::move(up));
        },
        [done](const Error &e) { done(e); });
}

void ApiClient::getCase(const QString &caseId, Callback<CaseRecord> done)
{
    track(
        m_nam->get(request(QStringLiteral("/cases/") + pathSegment(caseId), false)), false,
        [done](const QByteArray &b) { done(parse::caseRecord(b)); }, [done](const Error &e) { done(e); });
}

void ApiClient::history(const QString &caseId, Callback<QList<HistoryEntry>> done)
{
    track(
        m_nam->get(
            request(QStringLiteral("/cases/") + pathSegment(caseId) + QStringLiteral("/history"), false)),
        false, [done](const QByteArray &b) { done(parse::history(b)); }, [done](const Error &e) { done(e); });
}

void ApiClient::getAttachment(const QString &uuid, const QString &destPath, Callback<QString> done,
    std::function<void(qint64 received, qint64 total)> progress)
{
    auto file = std::make_shared<QSaveFile>(destPath);
    if (!file->open(QIODevice::WriteOnly)) {
        done(Error(QString::fromLatin1(errc::FileError),
            QStringLiteral("Cannot write %1: %2").arg(destPath, file->errorString())));
        return;
    }
    auto hash = std::make_shared<QCryptographicHash>(QCryptographicHash::Sha256);
    auto writeFailed = std::make_shared<bool>(false);
    QNetworkRequest req = request(QStringLiteral("/attachments/") + pathSegment(uuid), false);
    req.setRawHeader("Accept", "*/*");
    QNetworkReply *reply = m_nam->get(req);
    if (progress)
        connect(reply, &QNetworkReply::downloadProgress, this, progress);
    connect(reply, &QIODevice::readyRead, this, [reply, file, hash, writeFailed]() {
        // Only a successful answer's bytes go to the file; an error body is read in `finished`.
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status < 200 || status >= 300 || *writeFailed)
            return;
        const QByteArray chunk = reply->readAll();
        hash->addData(chunk);
        if (file->write(chunk) != chunk.size())
            *writeFailed = true;
    });
    track(
        reply, false,
        [done, file, hash, writeFailed, destPath](const QByteArray &rest) {
            hash->addData(rest);
            if (*writeFailed || file->write(rest) != rest.size() || !file->commit()) {
                done(Error(QString::fromLatin1(errc::FileError),
                    QStringLiteral("Cannot write %1: %2").arg(destPath, file->errorString())));
                return;
            }
            done(QString::fromLatin1(hash->result().toHex()));
        },
        [done, file](const Error &e) {
            file->cancelWriting();
            done(e);
        });
}

void ApiClient::rawRequest(
    const QByteArray &verb, const QString &path, const QJsonObject &body, Callback<QJsonObject> done)
{
    QNetworkRequest req = request(path, !body.isEmpty());
    QNetworkReply *reply = body.isEmpty() && verb == "GET"
        ? m_nam->get(req)
        : m_nam->sendCustomRequest(req, verb, jsonBytes(body));
    track(
        reply, false,
        [done](const QByteArray &b) {
            if (b.trimmed().isEmpty()) {
                done(QJsonObject());
                return;
            }
            auto obj = parseJsonObject(b);
            if (!obj.ok())
                done(Error(QString::fromLatin1(errc::BadResponse), obj.error().message));
            else
                done(std::move(obj).value());
        },
        [done](const Error &e) { done(e); });
}

void ApiClient::abortAll()
{
    const auto running = m_running;
    for (const QPointer<QNetworkReply> &r : running) {
        if (r) {
            r->setProperty(kCanceled, true);
            r->abort();
        }
    }
}

} // namespace outpost::sync
