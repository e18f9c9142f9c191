// SPDX-License-Identifier: MIT
#include "httptransport.h"

#include "apitypes.h"
#include "linkrate.h"
#include "synclogging.h"
#include "thread/workerthread.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QtEndian>

namespace outpost::sync {

/// A channel as both threads see it: where its reports go, until the channel is destroyed.
struct HttpChannelState {
    quint64 id = 0;
    /// Exchanges started and not yet reported; the receiver's thread only.
    int running = 0;

    /// Queues `fn` to the receiver's thread, unless the channel is gone. Any thread.
    void post(std::function<void()> fn)
    {
        QMutexLocker lock(&m_mutex);
        if (m_receiver)
            QMetaObject::invokeMethod(m_receiver, std::move(fn), Qt::QueuedConnection);
    }
    void setReceiver(QObject *receiver)
    {
        QMutexLocker lock(&m_mutex);
        m_receiver = receiver;
    }
    bool open()
    {
        QMutexLocker lock(&m_mutex);
        return m_receiver != nullptr;
    }

private:
    // Posting happens under the lock, and the channel clears the receiver under it before the
    // receiver can go: nothing is ever posted to a destroyed object.
    QMutex m_mutex;
    QObject *m_receiver = nullptr;
};

/// The transport's half on its own thread: owns the QNetworkAccessManager and every reply.
class HttpTransportWorker : public QObject
{
public:
    explicit HttpTransportWorker(TransportPolicy policy)
        : m_policy(std::move(policy))
    {
        m_linkRate.setAdaptive(m_policy.adaptiveCompression);
    }
    /// On the transport's thread as it ends: aborts what runs, silently.
    ~HttpTransportWorker() override;

    void run(const std::shared_ptr<HttpChannelState> &channel, HttpCall call);
    /// The running exchanges of one channel end with "canceled" (reported unless it is gone).
    void abort(quint64 channel);

private:
    static Error transportError(QNetworkReply *reply, const HttpCall &call);

public:
    std::atomic<qint64> m_bodyBuilt { 0 };
    std::atomic<qint64> m_bodySent { 0 };

private:
    /// The body of `call` as it goes: deflated when it may be (HttpCall::deflateBody).
    QByteArray bodyFor(HttpCall &call);
    /// Notes whether the origin of a reply accepts compressed bodies (its Accept-Encoding).
    void learnCodings(QNetworkReply *reply);

    const TransportPolicy m_policy;
    const QSslConfiguration m_ssl = m_policy.sslConfiguration();
    /// Origins ("http://host:port") whose last answer said they accept deflate bodies.
    QSet<QString> m_deflateOrigins;
    /// Whether compression pays on each server's link (fast LAN or this machine: it does not).
    LinkRate m_linkRate;
    QElapsedTimer m_clock;
    QNetworkAccessManager *m_nam = nullptr;
    QHash<QNetworkReply *, quint64> m_replies; // running, with their channel's id
    bool m_closing = false;
};

namespace {
const char kCanceled[] = "outpostCanceled";
const char kTooLarge[] = "outpostTooLarge";
const char kFirstBytesAt[] = "outpostFirstBytesAt";
const char kBytesSeen[] = "outpostBytesSeen";
constexpr qsizetype kMinDeflateBytes = 1024;

/// A deflate (zlib format) body inflated, at most `maxBytes`; null when it is damaged or larger.
QByteArray inflate(const QByteArray &deflated, qint64 maxBytes)
{
    if (deflated.isEmpty())
        return QByteArray("");
    // qUncompress wants the inflated size first (big-endian); a guess is fine, it grows its buffer.
    const quint32 guess = quint32(std::min<qint64>(maxBytes, std::max<qint64>(1024, 8 * deflated.size())));
    QByteArray framed(4, Qt::Uninitialized);
    qToBigEndian(guess, framed.data());
    framed += deflated;
    QByteArray out = qUncompress(framed);
    if (out.isEmpty() || out.size() > maxBytes)
        return QByteArray();
    return out;
}

QString originOf(const QUrl &url)
{
    return url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toString();
}
} // namespace

QByteArray HttpTransportWorker::bodyFor(HttpCall &call)
{
    QByteArray body = call.body ? call.body() : QByteArray();
    m_bodyBuilt += body.size();
    if (call.deflateBody && body.size() >= kMinDeflateBytes
        && m_deflateOrigins.contains(originOf(call.request.url()))
        && m_linkRate.compressionPays(originOf(call.request.url()))) {
        // qCompress: a 4-byte length, then the zlib format, which is HTTP's "deflate" (RFC 9110).
        QByteArray deflated = qCompress(body, 6);
        deflated.remove(0, 4);
        if (deflated.size() < body.size()) {
            body = std::move(deflated);
            call.request.setRawHeader("Content-Encoding", "deflate");
        }
    }
    m_bodySent += body.size();
    return body;
}

void HttpTransportWorker::learnCodings(QNetworkReply *reply)
{
    if (!reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
        return; // no answer: nothing learnt
    const QString origin = originOf(reply->url());
    if (reply->rawHeader("Accept-Encoding").toLower().contains("deflate"))
        m_deflateOrigins.insert(origin);
    else
        m_deflateOrigins.remove(origin); // e.g. an older server behind the same address
}

Error HttpTransportWorker::transportError(QNetworkReply *reply, const HttpCall &call)
{
    const auto err = reply->error();
    if (reply->property(kTooLarge).toBool())
        return Error(QString::fromLatin1(errc::BadResponse),
            QStringLiteral("The server's answer exceeds %1 bytes.").arg(call.maxResponse));
    if (err == QNetworkReply::OperationCanceledError) {
        if (reply->property(kCanceled).toBool())
            return Error(QString::fromLatin1(errc::Canceled), QStringLiteral("The request was canceled."));
        return Error(QString::fromLatin1(errc::Timeout),
            QStringLiteral("The server did not answer within %1 s.")
                .arg(call.request.transferTimeout() / 1000.0));
    }
    if (err == QNetworkReply::InsecureRedirectError || err == QNetworkReply::TooManyRedirectsError)
        return Error(QString::fromLatin1(errc::RedirectRefused),
            QStringLiteral(
                "The server redirected to another address (%1); the request was not followed there.")
                .arg(reply->errorString()));
    if (err == QNetworkReply::SslHandshakeFailedError)
        return Error(QString::fromLatin1(errc::TlsFailed),
            QStringLiteral("The server's certificate is not trusted; nothing was sent (%1). If the server "
                           "uses a certificate of your organisation's own authority, set that CA bundle "
                           "in the network settings (--ca-bundle).")
                .arg(reply->errorString()));
    if (err == QNetworkReply::ProtocolFailure || err == QNetworkReply::ProtocolUnknownError)
        return Error(QString::fromLatin1(errc::BadResponse),
            QStringLiteral("The server's answer is not valid HTTP: %1").arg(reply->errorString()));
    return Error(QString::fromLatin1(errc::Unreachable),
        QStringLiteral("Cannot reach the server: %1").arg(reply->errorString()));
}

void HttpTransportWorker::run(const std::shared_ptr<HttpChannelState> &channel, HttpCall call)
{
    if (m_closing)
        return;
    if (Status allowed = m_policy.check(call.request.url()); !allowed.ok()) {
        qCWarning(lcSyncApi) << "refused:" << allowed.error().message;
        if (call.done)
            channel->post([done = call.done, end = HttpEnd { allowed.error(), 0, {} }]() { done(end); });
        return;
    }
    if (!m_nam) {
        m_nam = new QNetworkAccessManager(this);
        // Never to another origin: the Authorization header would go with the request.
        m_nam->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
    }
    call.request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    if (call.request.url().scheme() == QLatin1String("https"))
        call.request.setSslConfiguration(m_ssl);
    // On a link where compression costs more than it saves (LinkRate), answers are asked plain.
    if (!call.attach && !call.request.hasRawHeader("Accept-Encoding")
        && !m_linkRate.compressionPays(originOf(call.request.url())))
        call.request.setRawHeader("Accept-Encoding", "identity");
    // Otherwise answers read whole are asked for deflated, and inflated here (inflate()): when Qt
    // inflates an answer itself it drops the Content-Length, and then takes a connection that
    // closes in the middle of the answer for its end, so a cut answer arrived as a whole, shorter
    // one (Qt 6.4). With our own Accept-Encoding Qt keeps the length and reports the cut
    // (RemoteHostClosedError). Streamed answers (attachments, never compressed) keep Qt's default.
    const bool inflateHere = !call.attach && !call.request.hasRawHeader("Accept-Encoding");
    if (inflateHere)
        call.request.setRawHeader("Accept-Encoding", "deflate");
    QNetworkReply *reply = nullptr;
    if (call.verb == "GET") {
        reply = m_nam->get(call.request);
    } else if (call.verb == "DELETE" && !call.body) {
        reply = m_nam->deleteResource(call.request);
    } else {
        const QByteArray body = bodyFor(call);
        reply = m_nam->sendCustomRequest(call.request, call.verb, body);
    }
    m_replies.insert(reply, channel->id);
    if (call.attach)
        call.attach(reply);
    const qint64 maxResponse = call.maxResponse;
    auto progress = call.progress;
    // How fast the answer's bytes come once they flow (after the server's own time): LinkRate.
    if (!m_clock.isValid())
        m_clock.start();
    connect(reply, &QNetworkReply::downloadProgress, this,
        [this, reply, maxResponse, progress, channel](qint64 received, qint64 total) {
            if (received > 0 && !reply->property(kFirstBytesAt).isValid())
                reply->setProperty(kFirstBytesAt, m_clock.nsecsElapsed());
            reply->setProperty(kBytesSeen, received);
            if (received > maxResponse && !reply->property(kTooLarge).toBool()) {
                reply->setProperty(kTooLarge, true);
                reply->abort();
                return;
            }
            if (progress && !m_closing)
                channel->post([progress, received, total]() { progress(received, total); });
        });
    connect(
        reply, &QNetworkReply::finished, this, [this, reply, channel, inflateHere, call = std::move(call)]() {
            m_replies.remove(reply);
            reply->deleteLater();
            if (m_closing)
                return;
            learnCodings(reply);
            HttpEnd end;
            const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
            end.status = statusAttr.isValid() ? statusAttr.toInt() : 0;
            const auto netError = reply->error();
            // An HTTP answer arrived (possibly an error status): judge by the status. Otherwise the
            // transport failed (refused, reset, timeout, garbage instead of HTTP).
            const bool transportFailed = end.status == 0 || reply->property(kTooLarge).toBool()
                || (netError != QNetworkReply::NoError && netError < QNetworkReply::ContentAccessDenied);
            if (transportFailed) {
                end.transport = transportError(reply, call);
                qCDebug(lcSyncApi) << reply->operation() << reply->url().path()
                                   << "failed:" << end.transport.code << end.transport.message;
            } else {
                QByteArray body = reply->readAll();
                qint64 bytes = reply->property(kBytesSeen).toLongLong(); // as the caller reads them
                if (inflateHere && reply->rawHeader("Content-Encoding").trimmed().toLower() == "deflate") {
                    body = inflate(body, call.maxResponse);
                    bytes = body.size();
                    if (body.isNull())
                        end.transport = Error(QString::fromLatin1(errc::BadResponse),
                            QStringLiteral("The server's compressed answer is damaged or exceeds %1 bytes.")
                                .arg(call.maxResponse));
                }
                // LinkRate: how fast the answer's bytes came once they flowed (inflated, as Qt
                // counted them when it inflated by itself).
                const QVariant first = reply->property(kFirstBytesAt);
                if (first.isValid() && end.transport.isNull() && netError == QNetworkReply::NoError)
                    m_linkRate.observe(
                        originOf(reply->url()), bytes, m_clock.nsecsElapsed() - first.toLongLong());
                if (!end.transport.isNull())
                    end.status = 0;
                else if (end.status >= 200 && end.status < 300 && call.read)
                    call.read(body);
                else if (end.status < 200 || end.status >= 300)
                    end.errorBody = body;
            }
            if (call.done)
                channel->post([done = call.done, end]() { done(end); });
        });
}

void HttpTransportWorker::abort(quint64 channel)
{
    const auto replies = m_replies;
    for (auto it = replies.cbegin(); it != replies.cend(); ++it) {
        if (it.value() != channel)
            continue;
        it.key()->setProperty(kCanceled, true);
        it.key()->abort();
    }
}

HttpTransportWorker::~HttpTransportWorker()
{
    m_closing = true;
    const auto replies = m_replies;
    for (auto it = replies.cbegin(); it != replies.cend(); ++it)
        it.key()->abort();
    delete m_nam;
}

HttpTransport::HttpTransport(TransportPolicy policy)
    : m_policy(std::move(policy))
    , m_worker(new HttpTransportWorker(m_policy))
    , m_thread(std::make_unique<WorkerThread>(QStringLiteral("outpost-http"), m_worker))
{
    m_thread->start();
}

// The worker is deleted on the transport's thread as it ends: what runs is aborted, unreported.
HttpTransport::~HttpTransport() = default;

HttpTransport::BodyBytes HttpTransport::bodyBytes() const
{
    return { m_worker->m_bodyBuilt.load(), m_worker->m_bodySent.load() };
}

HttpChannel::HttpChannel(std::shared_ptr<HttpTransport> transport, QObject *receiver)
    : m_transport(std::move(transport))
    , m_state(std::make_shared<HttpChannelState>())
{
    Q_ASSERT(m_transport && receiver);
    m_state->id = m_transport->m_nextChannel++;
    m_state->setReceiver(receiver);
}

HttpChannel::~HttpChannel()
{
    m_state->setReceiver(nullptr); // from here on nothing is reported
    HttpTransportWorker *worker = m_transport->m_worker;
    const quint64 id = m_state->id;
    QMetaObject::invokeMethod(
        worker, [worker, id]() { worker->abort(id); }, Qt::QueuedConnection);
}

void HttpChannel::start(HttpCall call)
{
    ++m_state->running;
    auto done = std::move(call.done);
    // Runs on the receiver's thread, where the channel is destroyed too: a report that was queued
    // before the channel went is dropped here.
    call.done = [state = m_state, done = std::move(done)](const HttpEnd &end) {
        if (!state->open())
            return;
        --state->running;
        if (done)
            done(end);
    };
    if (auto progress = std::move(call.progress))
        call.progress = [state = m_state, progress = std::move(progress)](qint64 received, qint64 total) {
            if (state->open())
                progress(received, total);
        };
    HttpTransportWorker *worker = m_transport->m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker, state = m_state, call = std::move(call)]() mutable { worker->run(state, std::move(call)); },
        Qt::QueuedConnection);
}

void HttpChannel::abortAll()
{
    HttpTransportWorker *worker = m_transport->m_worker;
    const quint64 id = m_state->id;
    QMetaObject::invokeMethod(
        worker, [worker, id]() { worker->abort(id); }, Qt::QueuedConnection);
}

int HttpChannel::running() const
{
    return m_state->running;
}

} // namespace outpost::sync
