// SPDX-License-Identifier: MIT
#include "websocketsession.h"

#include "httplog.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/websocket.hpp>

#include <chrono>
#include <string>

namespace outpost::http {

namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;
namespace net = boost::asio;

template <class Stream>
StreamWebSocketSession<Stream>::StreamWebSocketSession(Stream &&stream,
    std::shared_ptr<ServerContext> context, const Subscriber &subscriber, QString requestId, QString peer,
    ConnectionLimiter::Slot slot, std::shared_ptr<void> tlsContext)
    : WebSocketSession(subscriber.userId, subscriber.session)
    , m_tlsContext(std::move(tlsContext))
    , m_ws(std::move(stream))
    , m_context(std::move(context))
    , m_slot(std::move(slot))
    , m_recheck(m_ws.get_executor())
    , m_requestId(std::move(requestId))
    , m_peer(std::move(peer))
{ }

template <class Stream> StreamWebSocketSession<Stream>::~StreamWebSocketSession()
{
    m_context->hub.remove(this);
    m_context->sessions.remove(this);
}

template <class Stream>
void StreamWebSocketSession<Stream>::run(beast::http::request<beast::http::empty_body> request)
{
    m_context->sessions.add(this, weak_from_this());
    const ServerOptions &o = m_context->options;

    // The WebSocket stream has its own timeouts: handshake, and an idle timeout with pings sent
    // at half of it, so an idle subscriber is pinged every webSocketPingMs and dropped when the
    // peer stops answering.
    beast::get_lowest_layer(m_ws).expires_never();
    websocket::stream_base::timeout timeouts;
    timeouts.handshake_timeout = std::chrono::milliseconds(o.headerTimeoutMs);
    timeouts.idle_timeout = std::chrono::milliseconds(2 * qint64(o.webSocketPingMs));
    timeouts.keep_alive_pings = true;
    m_ws.set_option(timeouts);
    m_ws.read_message_max(64 * 1024);
    const std::string requestId = m_requestId.toStdString();
    m_ws.set_option(websocket::stream_base::decorator(
        [requestId](websocket::response_type &res) { res.set("X-Request-Id", requestId); }));

    m_ws.async_accept(
        request, beast::bind_front_handler(&StreamWebSocketSession::onAccept, shared_from_this()));
}

template <class Stream> void StreamWebSocketSession<Stream>::onAccept(beast::error_code ec)
{
    if (ec) {
        closeNow(ec.message().c_str());
        return;
    }
    m_open = true;
    qCDebug(lcHttp).noquote()
        << QStringLiteral("rid=%1 websocket open user=%2 peer=%3").arg(m_requestId, m_userId, m_peer);
    m_context->hub.add(shared_from_this());
    if (m_closing) { // a stop came while the handshake was being answered: close with its frame now
        closeGracefully();
        return;
    }
    if (m_context->stopping) {
        onStop(false);
        return;
    }
    read();
    if (!m_queue.empty())
        write();
    scheduleRecheck();
}

// Every webSocketRecheckMs the handler confirms the session still holds (a sign-out on another
// instance, a changed password or an expiry ends it), on a worker thread since it asks the database.
template <class Stream> void StreamWebSocketSession<Stream>::scheduleRecheck()
{
    m_recheck.expires_after(std::chrono::milliseconds(m_context->options.webSocketRecheckMs));
    m_recheck.async_wait([self = shared_from_this()](beast::error_code ec) {
        if (ec || self->m_closing || self->m_closed)
            return;
        net::post(*self->m_context->workers, [self] {
            bool valid = true;
            try {
                valid = self->m_context->handler.stillSubscribed(
                    Subscriber { self->m_userId, self->m_session });
            } catch (...) {
                qCWarning(lcHttp).noquote() << "rid=" + self->m_requestId << "stillSubscribed threw";
            }
            net::post(self->m_ws.get_executor(), [self, valid] { self->onRechecked(valid); });
        });
    });
}

template <class Stream> void StreamWebSocketSession<Stream>::onRechecked(bool valid)
{
    if (m_closing || m_closed)
        return;
    if (valid) {
        scheduleRecheck();
        return;
    }
    endSession();
}

template <class Stream> void StreamWebSocketSession<Stream>::endSession()
{
    net::post(m_ws.get_executor(), [self = shared_from_this()] {
        self->m_closeCode = websocket::close_code::policy_error;
        self->m_closeReason = "session ended";
        self->onStop(false);
    });
}

template <class Stream> void StreamWebSocketSession<Stream>::read()
{
    m_ws.async_read(
        m_readBuffer, beast::bind_front_handler(&StreamWebSocketSession::onRead, shared_from_this()));
}

template <class Stream> void StreamWebSocketSession<Stream>::onRead(beast::error_code ec, std::size_t)
{
    if (ec) {
        closeNow(ec == websocket::error::closed ? "closed by peer" : ec.message().c_str());
        return;
    }
    // Clients have nothing to say on this channel; what they send is dropped.
    m_readBuffer.consume(m_readBuffer.size());
    read();
}

template <class Stream> void StreamWebSocketSession<Stream>::push(const QByteArray &text)
{
    net::post(m_ws.get_executor(), [self = shared_from_this(), text] { self->enqueue(text); });
}

template <class Stream> void StreamWebSocketSession<Stream>::enqueue(const QByteArray &text)
{
    if (m_closing || m_closed)
        return;
    if (int(m_queue.size()) >= m_context->options.webSocketQueueLimit) {
        qCWarning(lcHttp).noquote() << QStringLiteral("rid=%1 websocket user=%2 peer=%3 dropped: %4 "
                                                      "pushes pending")
                                           .arg(m_requestId, m_userId, m_peer)
                                           .arg(m_queue.size());
        closeNow("queue overflow");
        return;
    }
    m_queue.push_back(text);
    if (m_open && !m_writing)
        write();
}

template <class Stream> void StreamWebSocketSession<Stream>::write()
{
    m_writing = true;
    m_ws.text(true);
    const QByteArray &front = m_queue.front();
    m_ws.async_write(net::const_buffer(front.constData(), std::size_t(front.size())),
        beast::bind_front_handler(&StreamWebSocketSession::onWrite, shared_from_this()));
}

template <class Stream> void StreamWebSocketSession<Stream>::onWrite(beast::error_code ec, std::size_t)
{
    m_writing = false;
    if (ec) {
        closeNow(ec.message().c_str());
        return;
    }
    if (!m_queue.empty())
        m_queue.pop_front();
    if (m_closing) {
        closeGracefully();
        return;
    }
    if (!m_queue.empty())
        write();
}

template <class Stream> void StreamWebSocketSession<Stream>::stop(bool force)
{
    net::post(m_ws.get_executor(), [self = shared_from_this(), force] { self->onStop(force); });
}

template <class Stream> void StreamWebSocketSession<Stream>::onStop(bool force)
{
    if (m_closed)
        return;
    // A close handshake already under way finishes on its own (the io threads' grace period
    // bounds it); cutting the socket now would lose the "going away" frame.
    if (m_closing)
        return;
    if (!m_open && !force) {
        // The handshake is being answered (the client may already see the socket open): cutting
        // it now would lose the "going away" frame. onAccept() closes it gracefully; a failed
        // handshake closes at once, and the io threads' grace period bounds the rest.
        m_closing = true;
        dropQueued();
        return;
    }
    if (force) {
        closeNow("server stopping");
        return;
    }
    m_closing = true;
    dropQueued();
    if (!m_writing)
        closeGracefully();
}

template <class Stream> void StreamWebSocketSession<Stream>::dropQueued()
{
    // A push being written keeps its buffer until its handler runs (async_write still reads it).
    if (m_writing && !m_queue.empty())
        m_queue.erase(std::next(m_queue.begin()), m_queue.end());
    else
        m_queue.clear();
}

template <class Stream> void StreamWebSocketSession<Stream>::closeGracefully()
{
    if (m_closed)
        return;
    m_ws.async_close(websocket::close_reason(m_closeCode, m_closeReason),
        [self = shared_from_this()](beast::error_code) { self->closeNow(self->m_closeReason); });
}

template <class Stream> void StreamWebSocketSession<Stream>::closeNow(const char *why)
{
    if (m_closed)
        return;
    m_closed = true;
    dropQueued();
    m_recheck.cancel();
    beast::get_lowest_layer(m_ws).close();
    m_context->hub.remove(this);
    qCDebug(lcHttp).noquote() << QStringLiteral("rid=%1 websocket closed user=%2 peer=%3: %4")
                                     .arg(m_requestId, m_userId, m_peer, QString::fromUtf8(why));
}

template class StreamWebSocketSession<PlainStream>;
template class StreamWebSocketSession<TlsStream>;

} // namespace outpost::http
