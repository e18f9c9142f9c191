// SPDX-License-Identifier: MIT
#include "apiclient.h"

#include "httptransport.h"

#include "protocol/jsonreader.h"
#include "synclogging.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSaveFile>
#include <QUrlQuery>

namespace outpost::sync {

namespace {
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
    : ApiClient(nullptr, parent)
{ }

ApiClient::ApiClient(std::shared_ptr<HttpTransport> transport, QObject *parent)
    : QObject(parent)
    , m_http(std::make_unique<HttpChannel>(
          transport ? std::move(transport) : std::make_shared<HttpTransport>(), this))
{ }

// The channel goes first: this client's requests abort and none of its callbacks follows.
ApiClient::~ApiClient() = default;

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
    // What this client can read beyond protocol v1 (protocol.md, *Signature fields*).
    req.setRawHeader("X-Outpost-Features", "signature");
    if (json)
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!m_token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    return req;
}

HttpCall ApiClient::call(const QByteArray &verb, const QString &path, bool json) const
{
    HttpCall c;
    c.verb = verb;
    c.request = request(path, json);
    c.maxResponse = m_maxResponse;
    return c;
}

int ApiClient::runningRequests() const
{
    return m_http->running();
}

Error ApiClient::answerError(const HttpEnd &end, bool signIn, const QString &path)
{
    if (!end.transport.isNull())
        return end.transport;
    if (end.status >= 200 && end.status < 300)
        return Error();
    const Error e = parse::httpError(end.status, end.errorBody, signIn);
    qCDebug(lcSyncApi) << path << "HTTP" << end.status << e.code;
    if (e.code == QLatin1String(errc::Unauthenticated) && !signIn)
        Q_EMIT unauthenticated();
    return e;
}

template <typename T>
void ApiClient::exchange(
    HttpCall c, bool signIn, std::function<Result<T>(const QByteArray &)> parse, Callback<T> done)
{
    // Written on the HTTP thread before the exchange is reported, read here after.
    auto parsed = std::make_shared<std::optional<Result<T>>>();
    c.read = [parsed, parse = std::move(parse)](const QByteArray &body) { parsed->emplace(parse(body)); };
    c.done
        = [this, parsed, signIn, done = std::move(done), path = c.request.url().path()](const HttpEnd &end) {
              if (Error e = answerError(end, signIn, path); !e.isNull()) {
                  done(e);
                  return;
              }
              if (!parsed->has_value()) {
                  done(Error(QString::fromLatin1(errc::BadResponse),
                      QStringLiteral("The server's answer was lost.")));
                  return;
              }
              done(std::move(**parsed));
          };
    m_http->start(std::move(c));
}

void ApiClient::signIn(const QUrl &server, const QString &user, const QString &password,
    const QString &deviceId, Callback<SessionInfo> done)
{
    setServer(server);
    m_token.clear();
    const QJsonObject body { { QStringLiteral("username"), user }, { QStringLiteral("password"), password },
        { QStringLiteral("deviceId"), deviceId } };
    HttpCall c = call("POST", QStringLiteral("/session"));
    c.body = [body]() { return jsonBytes(body); };
    exchange<SessionInfo>(std::move(c), true, &parse::session, [this, done](Result<SessionInfo> s) {
        if (s.ok())
            m_token = s->token;
        done(std::move(s));
    });
}

void ApiClient::signOut(Callback<void> done)
{
    HttpCall c = call("DELETE", QStringLiteral("/session"), false);
    m_token.clear();
    exchange<void>(
        std::move(c), false, [](const QByteArray &) { return Status::success(); }, std::move(done));
}

void ApiClient::health(Callback<HealthInfo> done)
{
    HttpCall c = call("GET", QStringLiteral("/health"), false);
    c.request.setRawHeader("Authorization", QByteArray());
    exchange<HealthInfo>(std::move(c), false, &parse::health, std::move(done));
}

void ApiClient::changes(const QString &since, int limit, Callback<ChangesPage> done)
{
    HttpCall c = call("GET", QStringLiteral("/sync/changes"), false);
    QUrl u = c.request.url();
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("since"), since.isEmpty() ? QStringLiteral("0") : pathSegment(since));
    if (limit > 0)
        q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    // Extension: the cases' history entries come with the feed (an older server ignores it).
    q.addQueryItem(QStringLiteral("include"), QStringLiteral("history"));
    u.setQuery(q);
    c.request.setUrl(u);
    exchange<ChangesPage>(std::move(c), false, &parse::changesPage, std::move(done));
}

void ApiClient::uploadActions(
    const QString &deviceId, const QList<Action> &actions, Callback<QList<ActionResult>> done)
{
    HttpCall c = call("POST", QStringLiteral("/sync/actions"));
    c.deflateBody = true; // 500 actions of JSON deflate about 8 to 1 (docs/protocol.md, *Compression*)
    c.body = [deviceId, actions]() {
        QJsonArray arr;
        for (const Action &a : actions)
            arr.append(a.toJson());
        // omitUnchangedCases (protocol extension): a note's result carries its etag, not the whole
        // case it left unchanged; the store keeps the copy it has.
        return jsonBytes(QJsonObject { { QStringLiteral("deviceId"), deviceId },
            { QStringLiteral("omitUnchangedCases"), true }, { QStringLiteral("actions"), arr } });
    };
    exchange<QList<ActionResult>>(
        std::move(c), false, [actions](const QByteArray &b) { return parse::uploadResults(b, actions); },
        std::move(done));
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
    const QString &mime, const QByteArray &data, Callback<UploadedAttachment> done)
{
    HttpCall c = call("PUT", QStringLiteral("/attachments/") + pathSegment(uuid), false);
    QUrl u = c.request.url();
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("caseId"), pathSegment(caseId));
    q.addQueryItem(QStringLiteral("name"), pathSegment(name));
    u.setQuery(q);
    c.request.setUrl(u);
    c.request.setHeader(QNetworkRequest::ContentTypeHeader,
        mime.isEmpty() ? QByteArrayLiteral("application/octet-stream") : mime.toUtf8());
    c.body = [data]() { return data; };
    const QString localSha
        = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    exchange<UploadedAttachment>(
        std::move(c), false,
        [localSha](const QByteArray &b) -> Result<UploadedAttachment> {
            auto up = parse::uploadedAttachment(b);
            if (up.ok() && up->sha256.compare(localSha, Qt::CaseInsensitive) != 0)
                return Error(QString::fromLatin1(errc::ChecksumMismatch),
                    QStringLiteral("The server stored bytes with sha256 %1, the file has %2.")
                        .arg(up->sha256, localSha));
            return up;
        },
        std::move(done));
}

void ApiClient::putDevice(const QJsonObject &report, Callback<DeviceOrders> done)
{
    HttpCall c = call("PUT", QStringLiteral("/device"));
    c.body = [report]() { return jsonBytes(report); };
    exchange<DeviceOrders>(std::move(c), false, &parse::deviceOrders, std::move(done));
}

void ApiClient::getCase(const QString &caseId, Callback<CaseRecord> done)
{
    exchange<CaseRecord>(call("GET", QStringLiteral("/cases/") + pathSegment(caseId), false), false,
        &parse::caseRecord, std::move(done));
}

void ApiClient::history(const QString &caseId, Callback<QList<HistoryEntry>> done)
{
    exchange<QList<HistoryEntry>>(
        call("GET", QStringLiteral("/cases/") + pathSegment(caseId) + QStringLiteral("/history"), false),
        false, &parse::history, std::move(done));
}

void ApiClient::getAttachment(const QString &uuid, Callback<QByteArray> done,
    std::function<void(qint64 received, qint64 total)> progress)
{
    // Into memory, never into a file: the caller keeps it sealed (client::sealedfile).
    auto data = std::make_shared<QByteArray>();
    auto tooLarge = std::make_shared<bool>(false);
    HttpCall c = call("GET", QStringLiteral("/attachments/") + pathSegment(uuid), false);
    c.request.setRawHeader("Accept", "*/*");
    c.progress = std::move(progress);
    c.attach = [data, tooLarge](QNetworkReply *reply) {
        QObject::connect(reply, &QIODevice::readyRead, reply, [reply, data, tooLarge]() {
            // Only a successful answer's bytes are kept; an error body is read at the end.
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status < 200 || status >= 300 || *tooLarge)
                return;
            const QByteArray chunk = reply->readAll();
            if (data->size() + chunk.size() > MaxAttachmentBytes) {
                *tooLarge = true;
                reply->abort();
                return;
            }
            data->append(chunk);
        });
    };
    exchange<QByteArray>(
        std::move(c), false,
        [data, tooLarge](const QByteArray &rest) -> Result<QByteArray> {
            if (*tooLarge || data->size() + rest.size() > MaxAttachmentBytes)
                return Error(QString::fromLatin1(errc::BadResponse),
                    QStringLiteral("The attachment is larger than %1 MiB.").arg(MaxAttachmentBytes >> 20));
            data->append(rest);
            return *data;
        },
        std::move(done));
}

void ApiClient::rawRequest(
    const QByteArray &verb, const QString &path, const QJsonObject &body, Callback<QJsonObject> done)
{
    HttpCall c = call(verb, path, !body.isEmpty());
    if (!(body.isEmpty() && verb == "GET"))
        c.body = [body]() { return jsonBytes(body); };
    exchange<QJsonObject>(
        std::move(c), false,
        [](const QByteArray &b) -> Result<QJsonObject> {
            if (b.trimmed().isEmpty())
                return QJsonObject();
            auto obj = parseJsonObject(b);
            if (!obj.ok())
                return Error(QString::fromLatin1(errc::BadResponse), obj.error().message);
            return std::move(obj).value();
        },
        std::move(done));
}

void ApiClient::abortAll()
{
    m_http->abortAll();
}

} // namespace outpost::sync
