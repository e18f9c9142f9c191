// SPDX-License-Identifier: MIT
#include "httpsession.h"

#include "contentcoding.h"
#include "httplog.h"
#include "requestdecoding.h"
#include "requesthead.h"
#include "websocketsession.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/detect_ssl.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include <exception>

namespace outpost::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using std::chrono::milliseconds;

namespace {

constexpr std::uint64_t kMaxDiscardBytes = 64ull * 1024 * 1024;
constexpr int kMaxLingerMs = 2000;

bool isParseError(const beast::error_code &ec)
{
    return &ec.category() == &bhttp::make_error_code(bhttp::error::bad_method).category();
}

bool isClientGone(const beast::error_code &ec)
{
    return ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message || ec == net::error::eof
        || ec == net::error::connection_reset || ec == net::error::broken_pipe
        || ec == net::error::operation_aborted || ec == beast::error::timeout;
}

QByteArray toBytes(beast::string_view s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

QString peerOf(const tcp::socket &socket)
{
    beast::error_code ec;
    const tcp::endpoint ep = socket.remote_endpoint(ec);
    if (ec)
        return QStringLiteral("-");
    const QString address = QString::fromStdString(ep.address().to_string());
    return ep.address().is_v6() ? QStringLiteral("[%1]:%2").arg(address).arg(ep.port())
                                : QStringLiteral("%1:%2").arg(address).arg(ep.port());
}

bool headerSafe(const QByteArray &s)
{
    return !s.contains('\r') && !s.contains('\n') && !s.contains('\0');
}

} // namespace

template <class Stream>
HttpSession<Stream>::HttpSession(Stream &&stream, std::shared_ptr<ServerContext> context,
    ConnectionLimiter::Slot slot, std::shared_ptr<void> tlsContext)
    : m_context(std::move(context))
    , m_slot(std::move(slot))
    , m_tlsContext(std::move(tlsContext))
    , m_stream(std::move(stream))
    , m_executor(m_stream.get_executor())
    , m_peer(peerOf(tcp().socket()))
{ }

template <class Stream> HttpSession<Stream>::~HttpSession()
{
    // A request still open here was dropped (e.g. the server stopped before its response went out).
    finishRequest(QStringLiteral("dropped"));
    m_context->sessions.remove(this);
}

template <class Stream> void HttpSession<Stream>::start()
{
    m_context->sessions.add(this, weak_from_this());
    net::dispatch(m_executor, [self = shared_from_this()] {
        if (self->m_context->stopping)
            self->closeNow();
        else if constexpr (kTls)
            self->handshake();
        else
            self->readHead();
    });
}

// HTTPS: the TLS handshake first, bounded like a request head, so a client that opens a connection
// and then trickles (or withholds) its handshake holds its slot for tlsHandshakeTimeoutMs at most.
// A plain HTTP request on this port is told to use https:// instead of being cut off unanswered.
template <class Stream> void HttpSession<Stream>::handshake()
{
    if constexpr (kTls) {
        m_phase = Phase::Handshake;
        tcp().expires_after(milliseconds(m_context->options.tlsHandshakeTimeoutMs));
        beast::async_detect_ssl(
            tcp(), m_buffer, beast::bind_front_handler(&HttpSession::onDetected, shared_from_this()));
    }
}

template <class Stream> void HttpSession<Stream>::onDetected(beast::error_code ec, bool tls)
{
    if constexpr (kTls) {
        if (ec) {
            if (!isClientGone(ec))
                qCDebug(lcHttp).noquote()
                    << "peer" << m_peer << "TLS detection failed:" << ec.message().c_str();
            closeNow();
            return;
        }
        if (!tls) {
            refusePlainHttp();
            return;
        }
        m_stream.async_handshake(net::ssl::stream_base::server, m_buffer.data(),
            beast::bind_front_handler(&HttpSession::onHandshake, shared_from_this()));
    }
}

template <class Stream> void HttpSession<Stream>::onHandshake(beast::error_code ec, std::size_t used)
{
    if (ec) {
        // An untrusted certificate on the client's side, an old protocol, a timeout.
        qCDebug(lcHttp).noquote() << "peer" << m_peer << "TLS handshake failed:"
                                  << (ec == beast::error::timeout ? "timeout" : ec.message().c_str());
        closeNow();
        return;
    }
    m_buffer.consume(used);
    if (m_stopRequested || m_context->stopping) {
        closeNow();
        return;
    }
    readHead();
}

template <class Stream> void HttpSession<Stream>::refusePlainHttp()
{
    static const std::string body = R"({"error":{"code":"https_required","message":)"
                                    R"("This server speaks HTTPS only: use https:// (wss:// for push)."}})";
    static const std::string answer = "HTTP/1.1 400 Bad Request\r\nContent-Type: "
                                      "application/json\r\nConnection: close\r\nContent-Length: "
        + std::to_string(body.size()) + "\r\n\r\n" + body;
    qCDebug(lcHttp).noquote() << "peer" << m_peer << "sent plain HTTP to the TLS port";
    net::async_write(tcp(), net::buffer(answer),
        [self = shared_from_this()](beast::error_code, std::size_t) { self->lingeringClose(); });
}

template <class Stream> void HttpSession<Stream>::awaitRequest()
{
    if (m_buffer.size() > 0) {
        readHead();
        return;
    }
    m_phase = Phase::Idle;
    tcp().expires_after(milliseconds(m_context->options.keepAliveTimeoutMs));
    m_stream.async_read_some(
        m_buffer.prepare(4096), beast::bind_front_handler(&HttpSession::onFirstBytes, shared_from_this()));
}

template <class Stream> void HttpSession<Stream>::onFirstBytes(beast::error_code ec, std::size_t bytes)
{
    if (ec) {
        if (!isClientGone(ec))
            qCDebug(lcHttp).noquote() << "peer" << m_peer << "idle read failed:" << ec.message().c_str();
        closeNow();
        return;
    }
    m_buffer.commit(bytes);
    if (m_stopRequested || m_context->stopping) {
        closeNow();
        return;
    }
    readHead();
}

template <class Stream> void HttpSession<Stream>::readHead()
{
    m_phase = Phase::Head;
    m_headParser.emplace();
    limitHead(*m_headParser, m_context->options);
    tcp().expires_after(milliseconds(m_context->options.headerTimeoutMs));
    quickAck();
    bhttp::async_read_header(m_stream, m_buffer, *m_headParser,
        beast::bind_front_handler(&HttpSession::onHead, shared_from_this()));
}

template <class Stream> void HttpSession<Stream>::openRequest()
{
    m_started = std::chrono::steady_clock::now();
    m_request = Request();
    m_request.peer = m_peer;
    m_request.secure = kTls;
    m_request.requestId = newRequestId();
    m_logPath = "-";
    m_status = 0;
    m_responseBytes = 0;
    m_requestOpen = true;
    m_context->inFlight.add();
}

template <class Stream> void HttpSession<Stream>::onHead(beast::error_code ec, std::size_t)
{
    if (ec) {
        if (ec == bhttp::error::header_limit) {
            openRequest();
            sendError(431, QStringLiteral("header_too_large"), QStringLiteral("Request header too large"));
        } else if (isParseError(ec) && ec != bhttp::error::end_of_stream
            && ec != bhttp::error::partial_message) {
            openRequest();
            sendError(400, QStringLiteral("bad_request"),
                QStringLiteral("Malformed HTTP request: %1").arg(QString::fromStdString(ec.message())));
        } else {
            if (!isClientGone(ec))
                qCDebug(lcHttp).noquote() << "peer" << m_peer << "read failed:" << ec.message().c_str();
            closeNow();
        }
        return;
    }

    openRequest();
    const auto &head = m_headParser->get();
    m_version = head.version() == 10 ? 10 : 11;
    m_keepAlive = m_headParser->keep_alive();
    const QByteArray target = toBytes(head.target());
    const qsizetype q = target.indexOf('?');
    m_logPath = q < 0 ? target : target.left(q);
    if (!readRequestHead(head, m_request)) {
        sendError(400, QStringLiteral("bad_request"), QStringLiteral("Malformed request path"));
        return;
    }

    if (m_context->stopping) {
        sendError(503, QStringLiteral("unavailable"), QStringLiteral("The server is shutting down"));
        return;
    }
    if (beast::websocket::is_upgrade(head) && m_request.path == m_context->options.webSocketPath) {
        handOffUpgrade();
        return;
    }

    const qint64 limit = bodyLimit(m_request);
    const boost::optional<std::uint64_t> length = m_headParser->content_length();
    if (length && *length > std::uint64_t(limit)) {
        sendError(413, QStringLiteral("payload_too_large"),
            QStringLiteral("Request body of %1 bytes exceeds the limit of %2 bytes")
                .arg(qulonglong(*length))
                .arg(limit));
        return;
    }
    // A body is coming: who sends it is checked from the head first, so an anonymous or forbidden
    // upload is refused before a byte of it is read.
    if ((length && *length > 0) || m_headParser->chunked()) {
        checkHead(limit);
        return;
    }
    startBody(limit);
}

template <class Stream> qint64 HttpSession<Stream>::bodyLimit(const Request &request) const
{
    try {
        Request head = request;
        head.body = QByteArray();
        return std::max<qint64>(0, m_context->handler.maxBodySize(head));
    } catch (const std::exception &e) {
        qCWarning(lcHttp) << "maxBodySize threw:" << e.what();
    } catch (...) {
        qCWarning(lcHttp) << "maxBodySize threw";
    }
    return 0;
}

template <class Stream> void HttpSession<Stream>::checkHead(qint64 limit)
{
    m_phase = Phase::Handling;
    tcp().expires_never();
    net::post(*m_context->workers, [self = shared_from_this(), request = m_request, limit]() {
        std::optional<Response> refusal;
        try {
            refusal = self->m_context->handler.checkHead(request);
        } catch (...) {
            qCWarning(lcHttp).noquote() << "rid=" + request.requestId << "checkHead threw";
            refusal
                = Response::error(500, QStringLiteral("internal_error"), QStringLiteral("Internal error"));
        }
        const net::any_io_executor executor = self->m_executor;
        net::post(executor, [self, refusal = std::move(refusal), limit]() mutable {
            self->onHeadChecked(std::move(refusal), limit);
        });
    });
}

template <class Stream> void HttpSession<Stream>::onHeadChecked(std::optional<Response> refusal, qint64 limit)
{
    if (m_phase == Phase::Closed) {
        finishRequest(QStringLiteral("connection closed before the head was checked"));
        return;
    }
    if (refusal) {
        m_keepAlive = false; // the body is not read: answer and close
        send(*refusal, true);
        return;
    }
    startBody(limit);
}

template <class Stream> void HttpSession<Stream>::startBody(qint64 limit)
{
    const bool expectContinue = beast::iequals(m_headParser->get()[bhttp::field::expect], "100-continue");
    m_bodyParser.emplace(std::move(*m_headParser));
    m_headParser.reset();
    m_bodyParser->body_limit(std::uint64_t(limit));
    if (m_bodyParser->is_done()) {
        handOff();
        return;
    }
    if (expectContinue && m_version == 11) {
        // The body is welcome (its declared size is within the limit): ask for it.
        m_phase = Phase::Body;
        m_continue.emplace(bhttp::status::continue_, 11);
        tcp().expires_after(milliseconds(m_context->options.bodyTimeoutMs));
        bhttp::async_write(m_stream, *m_continue,
            beast::bind_front_handler(&HttpSession::onContinueSent, shared_from_this()));
        return;
    }
    readBody();
}

template <class Stream> void HttpSession<Stream>::onContinueSent(beast::error_code ec, std::size_t)
{
    m_continue.reset();
    if (ec) {
        finishRequest(QString::fromStdString(ec.message()));
        closeNow();
        return;
    }
    readBody();
}

template <class Stream> void HttpSession<Stream>::readBody()
{
    m_phase = Phase::Body;
    tcp().expires_after(milliseconds(m_context->options.bodyTimeoutMs));
    readBodySome();
}

template <class Stream> void HttpSession<Stream>::quickAck()
{
#ifdef TCP_QUICKACK
    // Linux leaves quick-ack mode by itself; it is asked for again before every read.
    const int one = 1;
    ::setsockopt(tcp().socket().native_handle(), IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
#endif
}

template <class Stream> void HttpSession<Stream>::readBodySome()
{
    // Clients that leave Nagle's algorithm on (Qt's QNetworkAccessManager does) send a large body
    // in pieces and hold each piece until the previous one is acknowledged; a delayed ACK made that
    // up to 40 ms per request. So the body is read piece by piece, each read asking for quick ACKs.
    quickAck();
    bhttp::async_read_some(m_stream, m_buffer, *m_bodyParser,
        beast::bind_front_handler(&HttpSession::onBodySome, shared_from_this()));
}

template <class Stream> void HttpSession<Stream>::onBodySome(beast::error_code ec, std::size_t bytes)
{
    if (!ec && !m_bodyParser->is_done()) {
        readBodySome();
        return;
    }
    onBody(ec, bytes);
}

template <class Stream> void HttpSession<Stream>::onBody(beast::error_code ec, std::size_t)
{
    if (ec == bhttp::error::body_limit) {
        m_bodyParser.reset();
        sendError(413, QStringLiteral("payload_too_large"), QStringLiteral("Request body too large"));
        return;
    }
    if (ec && isParseError(ec) && ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
        m_bodyParser.reset();
        sendError(400, QStringLiteral("bad_request"),
            QStringLiteral("Malformed request body: %1").arg(QString::fromStdString(ec.message())));
        return;
    }
    if (ec) {
        finishRequest(ec == beast::error::timeout ? QStringLiteral("body timeout")
                                                  : QString::fromStdString(ec.message()));
        closeNow();
        return;
    }
    handOff();
}

template <class Stream> void HttpSession<Stream>::handOff()
{
    m_request.body = std::move(m_bodyParser->get().body());
    m_keepAlive = m_bodyParser->keep_alive();
    m_bodyParser.reset();
    m_phase = Phase::Handling;
    tcp().expires_never();

    // Uploads go to the lane, where they wait their turn without a thread; a full lane refuses one
    // here, on the I/O thread, before its body is parsed: the refusal costs next to nothing.
    bool lane = false;
    if (m_context->writeLane) {
        try {
            lane = m_context->handler.writeLane(m_request);
        } catch (...) {
            qCWarning(lcHttp).noquote() << "rid=" + m_request.requestId << "writeLane threw";
        }
    }
    if (lane) {
        const int limit
            = m_context->options.writeLaneThreads + std::max(0, m_context->options.writeLaneQueue);
        if (m_context->writeLaneHeld.fetch_add(1) >= limit) {
            m_context->writeLaneHeld.fetch_sub(1);
            m_request.body = QByteArray();
            Response busy = Response::error(503, QStringLiteral("busy"),
                QStringLiteral(
                    "The server is busy with other changes; nothing was changed. Try again in a moment."));
            busy.headers.append({ QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1") });
            send(busy, !m_keepAlive);
            return;
        }
    }
    Request request = m_request;
    m_request.body = QByteArray(); // the worker holds the only copy
    net::post(lane ? *m_context->writeLane : *m_context->workers,
        [self = shared_from_this(), request = std::move(request), lane]() mutable {
            Response response;
            // Content codings (contentcoding.h) on the worker, never on an I/O thread: inflating an
            // upload and compressing an answer are CPU work of the size of the body.
            const QByteArray acceptEncoding = request.header("accept-encoding");
            try {
                if (std::optional<Response> refusal = decodeRequest(request, self->bodyLimit(request)))
                    response = std::move(*refusal);
                else
                    response = self->m_context->handler.handle(request);
            } catch (const std::exception &e) {
                qCWarning(lcHttp).noquote() << "rid=" + request.requestId << "handler threw:" << e.what();
                response = Response::error(
                    500, QStringLiteral("internal_error"), QStringLiteral("Internal error"));
            } catch (...) {
                qCWarning(lcHttp).noquote() << "rid=" + request.requestId << "handler threw";
                response = Response::error(
                    500, QStringLiteral("internal_error"), QStringLiteral("Internal error"));
            }
            const QByteArray method = request.method;
            request = Request();
            if (lane)
                self->m_context->writeLaneHeld.fetch_sub(1);
            encodeResponse(response, acceptEncoding, method, self->m_context->options.compressionLevel);
            const net::any_io_executor executor = self->m_executor;
            net::post(executor, [self = std::move(self), response = std::move(response)]() mutable {
                self->onHandled(std::move(response));
            });
        });
}

template <class Stream> void HttpSession<Stream>::onHandled(Response response)
{
    if (m_phase == Phase::Closed) {
        m_status = response.status;
        finishRequest(QStringLiteral("connection closed before the response"));
        return;
    }
    send(response, !m_keepAlive);
}

template <class Stream> void HttpSession<Stream>::handOffUpgrade()
{
    m_phase = Phase::Handling;
    tcp().expires_never();
    net::post(*m_context->workers, [self = shared_from_this(), request = m_request]() {
        std::variant<Subscriber, Response> decision;
        try {
            decision = self->m_context->handler.acceptWebSocket(request);
        } catch (...) {
            qCWarning(lcHttp).noquote() << "rid=" + request.requestId << "acceptWebSocket threw";
            decision
                = Response::error(500, QStringLiteral("internal_error"), QStringLiteral("Internal error"));
        }
        const net::any_io_executor executor = self->m_executor;
        net::post(executor, [self, decision = std::move(decision)]() mutable {
            self->onUpgradeDecided(std::move(decision));
        });
    });
}

template <class Stream>
void HttpSession<Stream>::onUpgradeDecided(std::variant<Subscriber, Response> decision)
{
    if (m_phase == Phase::Closed) {
        finishRequest(QStringLiteral("connection closed before the upgrade"));
        return;
    }
    if (const Response *response = std::get_if<Response>(&decision)) {
        send(*response, !m_keepAlive);
        return;
    }
    if (m_context->stopping) {
        sendError(503, QStringLiteral("unavailable"), QStringLiteral("The server is shutting down"));
        return;
    }
    const Subscriber &subscriber = std::get<Subscriber>(decision);
    if (m_context->hub.countFor(subscriber.userId) >= m_context->options.maxWebSocketsPerUser) {
        send(Response::error(429, QStringLiteral("too_many_connections"),
                 QStringLiteral("Too many push connections for this user (at most %1).")
                     .arg(m_context->options.maxWebSocketsPerUser)),
            !m_keepAlive);
        return;
    }
    auto session = std::make_shared<StreamWebSocketSession<Stream>>(std::move(m_stream), m_context,
        subscriber, m_request.requestId, m_peer, std::move(m_slot), std::move(m_tlsContext));
    m_phase = Phase::Upgraded;
    m_status = 101;
    finishRequest();
    session->run(m_headParser->release());
    m_headParser.reset();
}

template <class Stream>
void HttpSession<Stream>::sendError(int status, const QString &code, const QString &message)
{
    // Whatever is left of the request is not read: answer and close.
    m_keepAlive = false;
    send(Response::error(status, code, message), true);
}

template <class Stream> void HttpSession<Stream>::send(const Response &original, bool close)
{
    const bool valid = original.status >= 200 && original.status <= 599;
    Response fallback;
    if (!valid) {
        // 1xx would leave the client waiting for a final answer; beyond 599 is not HTTP.
        qCWarning(lcHttp).noquote() << QStringLiteral("rid=%1 handler answered status %2; sending 500")
                                           .arg(m_request.requestId)
                                           .arg(original.status);
        fallback = Response::error(500, QStringLiteral("internal_error"), QStringLiteral("Internal error"));
    }
    const Response &response = valid ? original : fallback;
    close = close || m_stopRequested || m_context->stopping;
    m_phase = Phase::Writing;
    m_closeAfterWrite = close;
    m_status = response.status;
    m_responseBytes = response.body.size();
    m_responseCoding.clear();

    auto &res = m_response.emplace();
    res.version(m_version);
    res.result(unsigned(response.status));
    if (!response.contentType.isEmpty() && !response.body.isEmpty())
        res.set(bhttp::field::content_type, response.contentType.toStdString());
    for (const auto &[name, value] : response.headers) {
        if (name.isEmpty() || !headerSafe(name) || !headerSafe(value)) {
            qCWarning(lcHttp) << "dropping an unsafe response header" << name;
            continue;
        }
        if (name.compare("content-encoding", Qt::CaseInsensitive) == 0)
            m_responseCoding = value;
        res.insert(name.toStdString(), value.toStdString());
    }
    res.set("X-Request-Id", m_request.requestId.toStdString());
    // RFC 7694: the codings a request body may come in (a client compresses uploads once it saw it).
    res.set(bhttp::field::accept_encoding, kAcceptedCodings);
    res.set("X-Content-Type-Options", "nosniff");
    if constexpr (kTls) // a browser that once reached the server over HTTPS never tries plain HTTP
        res.set(bhttp::field::strict_transport_security, "max-age=31536000");
    res.keep_alive(!close);
    if (m_request.method == "HEAD") {
        res.content_length(std::uint64_t(response.body.size()));
        m_responseBytes = 0;
    } else {
        res.body() = response.body;
        res.prepare_payload();
    }
    tcp().expires_after(milliseconds(m_context->options.bodyTimeoutMs));
    bhttp::async_write(m_stream, res, beast::bind_front_handler(&HttpSession::onWritten, shared_from_this()));
}

template <class Stream> void HttpSession<Stream>::onWritten(beast::error_code ec, std::size_t)
{
    m_response.reset();
    if (ec) {
        // The client went away; nothing to do but log and forget the connection.
        qCDebug(lcHttp).noquote() << QStringLiteral("rid=%1 write failed: %2")
                                         .arg(m_request.requestId, QString::fromStdString(ec.message()));
        finishRequest(QString::fromStdString(ec.message()));
        closeNow();
        return;
    }
    finishRequest();
    if (m_closeAfterWrite) {
        lingeringClose();
        return;
    }
    if (m_stopRequested || m_context->stopping) {
        closeNow();
        return;
    }
    awaitRequest();
}

template <class Stream> void HttpSession<Stream>::finishRequest(const QString &error)
{
    if (!m_requestOpen)
        return;
    m_requestOpen = false;
    const auto ms = std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - m_started);
    QString line
        = QStringLiteral("rid=%1 method=%2 path=%3 status=%4 bytes=%5 ms=%6 peer=%7")
              .arg(m_request.requestId,
                  m_request.method.isEmpty() ? QStringLiteral("-") : QString::fromLatin1(m_request.method),
                  QString::fromLatin1(m_logPath))
              .arg(m_status)
              .arg(error.isEmpty() ? m_responseBytes : 0)
              .arg(qint64(ms.count()))
              .arg(m_peer);
    // Content codings, when there were any: the upload's (in=) and the answer's (out=).
    if (const QByteArray in = m_request.header("content-encoding"); !in.isEmpty() && headerSafe(in))
        line += QStringLiteral(" in=%1").arg(QString::fromLatin1(in.left(20)).remove(QLatin1Char(' ')));
    if (!m_responseCoding.isEmpty())
        line += QStringLiteral(" out=%1").arg(QString::fromLatin1(m_responseCoding));
    if (!error.isEmpty())
        line += QStringLiteral(" error=\"%1\"").arg(error);
    qCInfo(lcHttp).noquote() << line;
    m_context->inFlight.done();
}

// Close after an answer the client may still be sending a body for: stop writing, then read and
// throw away what arrives for a short while, so that the kernel does not reset the connection
// (and destroy our response in the client's receive buffer) because of unread data.
template <class Stream> void HttpSession<Stream>::lingeringClose()
{
    m_phase = Phase::Closing;
    beast::error_code ec;
    tcp().socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) {
        closeNow();
        return;
    }
    m_discardBuffer = std::make_unique<std::array<char, 16 * 1024>>();
    tcp().expires_after(milliseconds(std::min(kMaxLingerMs, m_context->options.bodyTimeoutMs)));
    discard();
}

template <class Stream> void HttpSession<Stream>::discard()
{
    // Below TLS: what arrives after the answer is thrown away unread, encrypted or not.
    tcp().async_read_some(
        net::buffer(*m_discardBuffer), [self = shared_from_this()](beast::error_code ec, std::size_t bytes) {
            self->m_discarded += bytes;
            if (ec || self->m_discarded > kMaxDiscardBytes || self->m_phase != Phase::Closing)
                self->closeNow();
            else
                self->discard();
        });
}

template <class Stream> void HttpSession<Stream>::stop(bool force)
{
    net::post(m_executor, [self = shared_from_this(), force] { self->onStop(force); });
}

template <class Stream> void HttpSession<Stream>::onStop(bool force)
{
    m_stopRequested = true;
    switch (m_phase) {
    case Phase::Handshake:
    case Phase::Idle:
    case Phase::Head:
        closeNow();
        break;
    case Phase::Body:
    case Phase::Handling:
    case Phase::Writing:
    case Phase::Closing:
        // In flight: finishes first (and then closes) unless the drain time is over.
        if (force)
            closeNow();
        break;
    case Phase::Upgraded:
    case Phase::Closed:
        break;
    }
}

template <class Stream> void HttpSession<Stream>::closeNow()
{
    if (m_phase == Phase::Closed || m_phase == Phase::Upgraded)
        return;
    const bool handling = m_phase == Phase::Handling;
    m_phase = Phase::Closed;
    beast::error_code ec;
    tcp().socket().shutdown(tcp::socket::shutdown_both, ec);
    tcp().close();
    // A worker still holding the request reports it when it answers.
    if (!handling)
        finishRequest(QStringLiteral("connection closed"));
}

template class HttpSession<PlainStream>;
template class HttpSession<TlsStream>;

} // namespace outpost::http
