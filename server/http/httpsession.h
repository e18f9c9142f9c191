// SPDX-License-Identifier: MIT
#pragma once

#include "qbytearraybody.h"
#include "servercontext.h"
#include "streams.h"

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>

#include <array>
#include <chrono>
#include <memory>
#include <optional>
#include <type_traits>
#include <variant>

namespace outpost::http {

/// One HTTP/1.1 connection. Reads a request head, checks the body limit before reading the body,
/// hands the request to a worker thread and writes the worker's response back on the connection's
/// strand; keep-alive, timeouts, WebSocket upgrades and the access log live here too.
/// The connection keeps itself alive (shared_ptr) while a worker holds its request.
/// The same code serves HTTP and HTTPS: Stream is PlainStream or TlsStream (whose TLS handshake
/// runs first, under ServerOptions::tlsHandshakeTimeoutMs); both are instantiated in the .cpp.
template <class Stream>
class HttpSession : public Stoppable, public std::enable_shared_from_this<HttpSession<Stream>>
{
    using std::enable_shared_from_this<HttpSession>::shared_from_this;
    using std::enable_shared_from_this<HttpSession>::weak_from_this;

public:
    /// `tlsContext` keeps the TLS context of a TlsStream alive (null for a PlainStream).
    HttpSession(Stream &&stream, std::shared_ptr<ServerContext> context, ConnectionLimiter::Slot slot,
        std::shared_ptr<void> tlsContext);
    ~HttpSession() override;

    void start();
    void stop(bool force) override;

private:
    enum class Phase { Handshake, Idle, Head, Body, Handling, Writing, Closing, Upgraded, Closed };
    static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;

    boost::beast::tcp_stream &tcp() { return boost::beast::get_lowest_layer(m_stream); }
    void handshake();
    void onDetected(boost::beast::error_code ec, bool tls);
    void onHandshake(boost::beast::error_code ec, std::size_t used);
    void refusePlainHttp();
    void awaitRequest();
    void onFirstBytes(boost::beast::error_code ec, std::size_t bytes);
    void readHead();
    void onHead(boost::beast::error_code ec, std::size_t bytes);
    /// Handler::maxBodySize for this request's head (0 when it throws); also the most an encoded
    /// body may inflate to.
    qint64 bodyLimit(const Request &request) const;
    void checkHead(qint64 limit);
    void onHeadChecked(std::optional<Response> refusal, qint64 limit);
    void startBody(qint64 limit);
    void onContinueSent(boost::beast::error_code ec, std::size_t bytes);
    void readBody();
    void readBodySome();
    void onBodySome(boost::beast::error_code ec, std::size_t bytes);
    void onBody(boost::beast::error_code ec, std::size_t bytes);
    /// Acknowledges what arrives at once instead of up to 40 ms later (see readBodySome()).
    void quickAck();
    void handOff();
    void onHandled(Response response);
    void handOffUpgrade();
    void onUpgradeDecided(std::variant<Subscriber, Response> decision);
    void openRequest();
    void sendError(int status, const QString &code, const QString &message);
    void send(const Response &response, bool close);
    void onWritten(boost::beast::error_code ec, std::size_t bytes);
    void finishRequest(const QString &error = {});
    void lingeringClose();
    void discard();
    void onStop(bool force);
    void closeNow();

    std::shared_ptr<ServerContext> m_context;
    ConnectionLimiter::Slot m_slot; // handed on to the WebSocket on an upgrade
    std::shared_ptr<void> m_tlsContext;
    Stream m_stream;
    boost::asio::any_io_executor m_executor;
    boost::beast::flat_buffer m_buffer;
    QString m_peer;
    std::optional<boost::beast::http::request_parser<boost::beast::http::empty_body>> m_headParser;
    std::optional<boost::beast::http::request_parser<QByteArrayBody>> m_bodyParser;
    std::optional<boost::beast::http::response<boost::beast::http::empty_body>> m_continue;
    std::optional<boost::beast::http::response<QByteArrayBody>> m_response;
    std::unique_ptr<std::array<char, 16 * 1024>> m_discardBuffer;
    std::uint64_t m_discarded = 0;

    Request m_request;
    QByteArray m_logPath = "-";
    unsigned m_version = 11;
    bool m_requestOpen = false; // counted in flight, access line not yet written
    bool m_keepAlive = true;
    bool m_closeAfterWrite = false;
    bool m_stopRequested = false;
    int m_status = 0;
    qint64 m_responseBytes = 0; // as sent (compressed, when it was)
    QByteArray m_responseCoding; // the answer's Content-Encoding, for the access log
    Phase m_phase = Phase::Idle;
    std::chrono::steady_clock::time_point m_started;
};

} // namespace outpost::http
