// SPDX-License-Identifier: MIT
#pragma once

#include "result.h"
#include "transportpolicy.h"

#include <QNetworkRequest>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

class QNetworkReply;

namespace outpost {
class WorkerThread;
}

namespace outpost::sync {

class HttpTransportWorker;
struct HttpChannelState;

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
    /// The body may go compressed (Content-Encoding: deflate, at least 1 KiB) once this server's
    /// answers said it accepts that (Accept-Encoding in a response, RFC 7694). Never for
    /// attachments: their bytes are mostly compressed already.
    bool deflateBody = false;
    /// Larger answers fail as bad_response.
    qint64 maxResponse = 256LL * 1024 * 1024;
    /// Transport's thread, as the reply starts: e.g. streaming a download to disk.
    std::function<void(QNetworkReply *)> attach;
    /// Transport's thread, with a 2xx answer's body: parse it there, off the caller's thread.
    std::function<void(const QByteArray &body)> read;
    /// Caller's thread, exactly once (unless the caller's channel is destroyed first).
    std::function<void(const HttpEnd &)> done;
    /// Caller's thread: bytes received so far and in all (-1 while unknown).
    std::function<void(qint64 received, qint64 total)> progress;
};

/// The client's HTTP, on a thread of its own (`outpost-http`) with its own QNetworkAccessManager.
/// One per process: the application makes one and every ApiClient shares it (HttpChannel).
///
/// A QNetworkReply feeds its request body to the HTTP stack 16 KB at a time through the event loop
/// of the thread that owns it, and its answer is parsed there too. On the sync thread that meant a
/// 150 KB upload moved only in the gaps between store transactions, and the server sat idle waiting
/// for it. Here the replies live on a thread that does nothing else, so requests flow while the
/// caller writes to its store, and answers are parsed beside that work rather than before it.
///
/// Thread-safe: channels on any thread post their calls to the transport's thread (queued), and
/// its reports are queued back to each channel's receiver. Not a QObject; held by shared_ptr, so it
/// lives as long as the last channel, and may be released on any thread but its own.
class HttpTransport
{
public:
    /// Every request is checked against `policy` (plain http only to loopback unless allowed; its CA
    /// bundle for https); redirects are followed within the same origin only, so the bearer token
    /// never reaches another server.
    explicit HttpTransport(TransportPolicy policy = {});
    /// Aborts whatever runs; no `done` is called afterwards. Joins the thread.
    ~HttpTransport();
    HttpTransport(const HttpTransport &) = delete;
    HttpTransport &operator=(const HttpTransport &) = delete;

    /// Fixed at construction: read from any thread.
    const TransportPolicy &policy() const { return m_policy; }

    /// Request bodies so far: as built, and as sent (smaller when deflated). Any thread.
    struct BodyBytes {
        qint64 built = 0;
        qint64 sent = 0;
    };
    BodyBytes bodyBytes() const;

private:
    friend class HttpChannel;
    const TransportPolicy m_policy;
    HttpTransportWorker *m_worker; // owned by m_thread
    std::unique_ptr<WorkerThread> m_thread;
    std::atomic<quint64> m_nextChannel { 1 };
};

/// One caller's share of an HttpTransport (each ApiClient has one). Used on the thread of its
/// `receiver`, which must outlive it (the ApiClient is both): exchanges report there, through queued
/// invocations on `receiver`. abortAll() and running() see this channel's exchanges only.
class HttpChannel
{
public:
    HttpChannel(std::shared_ptr<HttpTransport> transport, QObject *receiver);
    /// This channel's exchanges are aborted; none of their callbacks runs afterwards.
    ~HttpChannel();
    HttpChannel(const HttpChannel &) = delete;
    HttpChannel &operator=(const HttpChannel &) = delete;

    void start(HttpCall call);
    /// Every running exchange of this channel ends with transport error "canceled" (reported
    /// asynchronously).
    void abortAll();
    int running() const;
    const std::shared_ptr<HttpTransport> &transport() const { return m_transport; }

private:
    std::shared_ptr<HttpTransport> m_transport;
    std::shared_ptr<HttpChannelState> m_state;
};

} // namespace outpost::sync
