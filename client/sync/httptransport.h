// SPDX-License-Identifier: MIT
#pragma once

#include "result.h"

#include <QNetworkRequest>
#include <QObject>

#include <functional>

class QNetworkReply;
class QThread;

namespace outpost::sync {

class HttpTransportWorker;

/// How one exchange ended, reported on the caller's thread.
struct HttpEnd {
    /// Set when no usable HTTP answer arrived: refused, reset, timed out, canceled, too large, not
    /// HTTP, or an upload file that could not be read.
    Error transport;
    int status = 0;
    /// The body of an answer outside 2xx (a 2xx body went to HttpCall::read instead).
    QByteArray errorBody;
};

/// One HTTP exchange: described on the caller's thread, run on the transport's thread.
struct HttpCall {
    QByteArray verb; // GET, POST, PUT, DELETE or any other
    QNetworkRequest request;
    /// The request body, built on the transport's thread (serialising 500 actions is work too).
    std::function<QByteArray()> body;
    /// Or a file streamed as the body (PUT of an attachment), never read whole into memory.
    QString uploadFile;
    /// Larger answers fail as bad_response.
    qint64 maxResponse = 256LL * 1024 * 1024;
    /// Transport's thread, as the reply starts: e.g. streaming a download to disk.
    std::function<void(QNetworkReply *)> attach;
    /// Transport's thread, with a 2xx answer's body: parse it there, off the caller's thread.
    std::function<void(const QByteArray &body)> read;
    /// Caller's thread, exactly once (unless the transport is destroyed first).
    std::function<void(const HttpEnd &)> done;
    /// Caller's thread: bytes received so far and in all (-1 while unknown).
    std::function<void(qint64 received, qint64 total)> progress;
};

/// The client's HTTP, on a thread of its own (`outpost-http`) with its own QNetworkAccessManager.
///
/// A QNetworkReply feeds its request body to the HTTP stack 16 KB at a time through the event loop
/// of the thread that owns it, and its answer is parsed there too. On the sync thread that meant a
/// 150 KB upload moved only in the gaps between store transactions, and the server sat idle waiting
/// for it. Here the replies live on a thread that does nothing else, so requests flow while the
/// caller writes to its store, and answers are parsed beside that work rather than before it.
class HttpTransport : public QObject
{
    Q_OBJECT
public:
    explicit HttpTransport(QObject *parent = nullptr);
    /// Aborts whatever runs; no `done` is called afterwards. Waits for the thread to finish.
    ~HttpTransport() override;

    void start(HttpCall call);
    /// Every running exchange ends with transport error "canceled" (reported asynchronously).
    void abortAll();
    int running() const { return m_running; }

private:
    QThread *m_thread;
    HttpTransportWorker *m_worker;
    int m_running = 0;
};

} // namespace outpost::sync
