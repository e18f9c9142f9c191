// SPDX-License-Identifier: MIT
#include "httptransport.h"

#include "apitypes.h"
#include "synclogging.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QThread>

namespace outpost::sync {

/// The transport's half on its own thread: owns the QNetworkAccessManager and every reply.
class HttpTransportWorker : public QObject
{
public:
    explicit HttpTransportWorker(HttpTransport *owner)
        : m_owner(owner)
    { }

    void run(HttpCall call);
    void abortAll();
    /// Silently aborts what runs and drops the manager; nothing is reported afterwards.
    void close();

private:
    void report(const std::function<void(const HttpEnd &)> &done, const HttpEnd &end);
    static Error transportError(QNetworkReply *reply, const HttpCall &call);

    HttpTransport *m_owner; // the caller's half; outlives this (its destructor waits for close())
    QNetworkAccessManager *m_nam = nullptr;
    QSet<QNetworkReply *> m_replies;
    bool m_closing = false;
};

namespace {
const char kCanceled[] = "outpostCanceled";
const char kTooLarge[] = "outpostTooLarge";
} // namespace

void HttpTransportWorker::report(const std::function<void(const HttpEnd &)> &done, const HttpEnd &end)
{
    if (m_closing || !done)
        return;
    // Queued to the caller's half: dropped with it if it is destroyed before it runs.
    QMetaObject::invokeMethod(
        m_owner, [done, end]() { done(end); }, Qt::QueuedConnection);
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
    if (err == QNetworkReply::ProtocolFailure || err == QNetworkReply::ProtocolUnknownError)
        return Error(QString::fromLatin1(errc::BadResponse),
            QStringLiteral("The server's answer is not valid HTTP: %1").arg(reply->errorString()));
    return Error(QString::fromLatin1(errc::Unreachable),
        QStringLiteral("Cannot reach the server: %1").arg(reply->errorString()));
}

void HttpTransportWorker::run(HttpCall call)
{
    if (m_closing)
        return;
    if (!m_nam) {
        m_nam = new QNetworkAccessManager(this);
        m_nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    }
    QNetworkReply *reply = nullptr;
    if (!call.uploadFile.isEmpty()) {
        auto *file = new QFile(call.uploadFile);
        if (!file->open(QIODevice::ReadOnly)) {
            HttpEnd end;
            end.transport = Error(QString::fromLatin1(errc::FileError),
                QStringLiteral("Cannot read %1: %2").arg(call.uploadFile, file->errorString()));
            delete file;
            report(call.done, end);
            return;
        }
        reply = m_nam->sendCustomRequest(call.request, call.verb, file);
        file->setParent(reply);
    } else if (call.verb == "GET") {
        reply = m_nam->get(call.request);
    } else if (call.verb == "DELETE" && !call.body) {
        reply = m_nam->deleteResource(call.request);
    } else {
        reply = m_nam->sendCustomRequest(call.request, call.verb, call.body ? call.body() : QByteArray());
    }
    m_replies.insert(reply);
    if (call.attach)
        call.attach(reply);
    const qint64 maxResponse = call.maxResponse;
    auto progress = call.progress;
    connect(reply, &QNetworkReply::downloadProgress, this,
        [this, reply, maxResponse, progress](qint64 received, qint64 total) {
            if (received > maxResponse && !reply->property(kTooLarge).toBool()) {
                reply->setProperty(kTooLarge, true);
                reply->abort();
                return;
            }
            if (progress && !m_closing)
                QMetaObject::invokeMethod(
                    m_owner, [progress, received, total]() { progress(received, total); },
                    Qt::QueuedConnection);
        });
    connect(reply, &QNetworkReply::finished, this, [this, reply, call = std::move(call)]() {
        m_replies.remove(reply);
        reply->deleteLater();
        if (m_closing)
            return;
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
            qCDebug(lcSyncApi) << reply->operation() << reply->url().path() << "failed:" << end.transport.code
                               << end.transport.message;
        } else if (end.status >= 200 && end.status < 300) {
            if (call.read)
                call.read(reply->readAll());
        } else {
            end.errorBody = reply->readAll();
        }
        report(call.done, end);
    });
}

void HttpTransportWorker::abortAll()
{
    const auto replies = m_replies;
    for (QNetworkReply *r : replies) {
        r->setProperty(kCanceled, true);
        r->abort();
    }
}

void HttpTransportWorker::close()
{
    m_closing = true;
    abortAll();
    delete m_nam;
    m_nam = nullptr;
}

HttpTransport::HttpTransport(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread)
    , m_worker(new HttpTransportWorker(this))
{
    m_thread->setObjectName(QStringLiteral("outpost-http"));
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

HttpTransport::~HttpTransport()
{
    HttpTransportWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker]() {
            worker->close();
            delete worker;
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

void HttpTransport::start(HttpCall call)
{
    ++m_running;
    auto done = std::move(call.done);
    call.done = [this, done = std::move(done)](const HttpEnd &end) {
        --m_running;
        if (done)
            done(end);
    };
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, call = std::move(call)]() mutable { worker->run(std::move(call)); },
        Qt::QueuedConnection);
}

void HttpTransport::abortAll()
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker]() { worker->abortAll(); }, Qt::QueuedConnection);
}

} // namespace outpost::sync
