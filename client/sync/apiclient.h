// SPDX-License-Identifier: MIT
#pragma once

#include "apitypes.h"
#include "protocol/caserecord.h"

#include <QObject>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

class QNetworkRequest;

namespace outpost::sync {

class HttpChannel;
class HttpTransport;
struct HttpCall;
struct HttpEnd;

/// The protocol v1 client. Lives on the thread that uses it (the sync thread, the GUI thread...); its
/// HTTP runs on the transport's thread (HttpTransport, shared by every client of the application),
/// where answers are parsed too. Every call is asynchronous and
/// reports exactly once through its callback, on this object's thread, with a Result: the parsed
/// answer, or an Error whose code is the protocol's (bad_credentials, ...) or one of errc
/// (unreachable, timeout, bad_response, unauthenticated, full_sync_required, ...). A malformed answer
/// is bad_response, never a crash. Callbacks of requests still running when the client is destroyed
/// are not called.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    template <typename T> using Callback = std::function<void(Result<T>)>;

    /// With a transport of its own (a thread of its own): for tests and one-off tools.
    explicit ApiClient(QObject *parent = nullptr);
    /// On `transport`, shared with the application's other clients (a null one: a transport of its
    /// own). abortAll(), runningRequests() and destruction concern this client's requests only.
    explicit ApiClient(std::shared_ptr<HttpTransport> transport, QObject *parent = nullptr);
    ~ApiClient() override;

    /// The server's base URL, e.g. http://127.0.0.1:8080 (the /api/v1 prefix is added).
    void setServer(const QUrl &server);
    QUrl server() const { return m_server; }
    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }
    /// A transfer that makes no progress for this long fails with "timeout" (default 30 s).
    void setTransferTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    /// Larger answers are refused as bad_response (default 256 MiB; attachments are streamed to disk).
    void setMaxResponseBytes(qint64 bytes) { m_maxResponse = bytes; }

    /// POST /session on `server`; on success the server and token are kept for later calls.
    void signIn(const QUrl &server, const QString &user, const QString &password, const QString &deviceId,
        Callback<SessionInfo> done);
    /// DELETE /session, then forgets the token (also when the server is away).
    void signOut(Callback<void> done);
    void health(Callback<HealthInfo> done);
    /// GET /sync/changes; an empty `since` means a full sync.
    void changes(const QString &since, int limit, Callback<ChangesPage> done);
    void uploadActions(
        const QString &deviceId, const QList<Action> &actions, Callback<QList<ActionResult>> done);
    /// PUT /attachments/{uuid} with `data`; checks the server's sha256 against the data's.
    void putAttachment(const QString &uuid, const QString &caseId, const QString &name, const QString &mime,
        const QByteArray &data, Callback<UploadedAttachment> done);
    void getCase(const QString &caseId, Callback<CaseRecord> done);
    /// PUT /device: this device's report (DeviceReporter); an older server answers not_found.
    void putDevice(const QJsonObject &report, Callback<DeviceOrders> done);
    void history(const QString &caseId, Callback<QList<HistoryEntry>> done);
    /// GET /attachments/{uuid} into memory (at most MaxAttachmentBytes: a larger answer is refused).
    /// `progress(received, total)` follows the download (total is -1 while unknown).
    void getAttachment(const QString &uuid, Callback<QByteArray> done,
        std::function<void(qint64 received, qint64 total)> progress = {});
    static constexpr qint64 MaxAttachmentBytes = 256 * 1024 * 1024;
    /// Any request with a JSON body (or none) and a JSON answer; for administration and tests.
    void rawRequest(
        const QByteArray &verb, const QString &path, const QJsonObject &body, Callback<QJsonObject> done);

    /// Aborts this client's running requests; their callbacks report "canceled" (soon, not before this
    /// returns).
    void abortAll();
    int runningRequests() const;

    /// Computes the sha256 (hex) of a file by streaming it.
    static Result<QString> sha256OfFile(const QString &path);

Q_SIGNALS:
    /// A request other than sign-in was answered 401: the token is no longer valid.
    void unauthenticated();

private:
    /// `parse` runs on the HTTP thread with a 2xx body; `done` gets its result (or the error) here.
    template <typename T>
    void exchange(
        HttpCall call, bool signIn, std::function<Result<T>(const QByteArray &)> parse, Callback<T> done);
    /// The error an ended exchange stands for, or a null Error for a 2xx answer.
    Error answerError(const HttpEnd &end, bool signIn, const QString &path);
    HttpCall call(const QByteArray &verb, const QString &path, bool json = true) const;
    QNetworkRequest request(const QString &path, bool json = true) const;
    QUrl url(const QString &path) const;

    std::unique_ptr<HttpChannel> m_http;
    QUrl m_server;
    QString m_token;
    std::chrono::milliseconds m_timeout { 30000 };
    qint64 m_maxResponse = 256LL * 1024 * 1024;
};

} // namespace outpost::sync
