// SPDX-License-Identifier: MIT
#pragma once

#include "servercontext.h"
#include "streams.h"

#include <QByteArray>
#include <QString>

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <deque>
#include <memory>

namespace outpost::http {

/// One accepted WebSocket subscriber as the hub sees it, whatever stream it runs on.
class WebSocketSession : public Stoppable
{
public:
    WebSocketSession(QString userId, QString session)
        : m_userId(std::move(userId))
        , m_session(std::move(session))
    { }

    /// Any thread: queue one text frame.
    virtual void push(const QByteArray &text) = 0;
    /// Any thread: close with "policy violation: session ended" (sign-out, revoked, expired).
    virtual void endSession() = 0;

    const QString &userId() const { return m_userId; }
    const QString &session() const { return m_session; }

protected:
    const QString m_userId;
    const QString m_session;
};

/// A WebSocketSession on a PlainStream or a TlsStream (both instantiated in the .cpp): completes
/// the upgrade, registers with the hub, writes pushed text frames in order, pings when idle,
/// ignores what the client sends. Lives on its strand.
template <class Stream>
class StreamWebSocketSession : public WebSocketSession,
                               public std::enable_shared_from_this<StreamWebSocketSession<Stream>>
{
    using std::enable_shared_from_this<StreamWebSocketSession>::shared_from_this;
    using std::enable_shared_from_this<StreamWebSocketSession>::weak_from_this;

public:
    StreamWebSocketSession(Stream &&stream, std::shared_ptr<ServerContext> context,
        const Subscriber &subscriber, QString requestId, QString peer, ConnectionLimiter::Slot slot,
        std::shared_ptr<void> tlsContext);
    ~StreamWebSocketSession() override;

    /// On the connection's strand, with the upgrade request already read.
    void run(boost::beast::http::request<boost::beast::http::empty_body> request);
    void push(const QByteArray &text) override;
    /// Any thread: close with "going away" (force: drop the socket).
    void stop(bool force) override;
    void endSession() override;

private:
    void onAccept(boost::beast::error_code ec);
    void read();
    void onRead(boost::beast::error_code ec, std::size_t bytes);
    void enqueue(const QByteArray &text);
    void write();
    void onWrite(boost::beast::error_code ec, std::size_t bytes);
    void onStop(bool force);
    void dropQueued();
    void closeGracefully();
    void scheduleRecheck();
    void onRechecked(bool valid);
    void closeNow(const char *why);

    std::shared_ptr<void> m_tlsContext; // outlives m_ws (declared first)
    boost::beast::websocket::stream<Stream> m_ws;
    std::shared_ptr<ServerContext> m_context;
    ConnectionLimiter::Slot m_slot;
    boost::asio::steady_timer m_recheck;
    boost::beast::websocket::close_code m_closeCode = boost::beast::websocket::close_code::going_away;
    const char *m_closeReason = "server stopping";
    const QString m_requestId;
    const QString m_peer;
    boost::beast::flat_buffer m_readBuffer;
    std::deque<QByteArray> m_queue;
    bool m_open = false;
    bool m_writing = false;
    bool m_closing = false;
    bool m_closed = false;
};

} // namespace outpost::http
