// SPDX-License-Identifier: MIT
#include "listener.h"

#include "httplog.h"
#include "httpsession.h"

#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/bind_handler.hpp>

#include <chrono>
#include <future>

namespace outpost::http {

namespace net = boost::asio;
using tcp = net::ip::tcp;

Listener::Listener(net::io_context &ioc, std::shared_ptr<ServerContext> context)
    : m_ioc(ioc)
    , m_acceptor(net::make_strand(ioc))
    , m_retry(m_acceptor.get_executor())
    , m_context(std::move(context))
{ }

boost::system::error_code Listener::open(const tcp::endpoint &endpoint, quint16 &port)
{
    boost::system::error_code ec;
    if (m_acceptor.open(endpoint.protocol(), ec))
        return ec;
    if (m_acceptor.set_option(net::socket_base::reuse_address(true), ec))
        return ec;
    if (m_acceptor.bind(endpoint, ec))
        return ec;
    if (m_acceptor.listen(net::socket_base::max_listen_connections, ec))
        return ec;
    port = m_acceptor.local_endpoint(ec).port();
    return ec;
}

void Listener::start()
{
    net::post(m_acceptor.get_executor(), [self = shared_from_this()] { self->accept(); });
}

void Listener::close()
{
    std::promise<void> closed;
    std::future<void> done = closed.get_future();
    net::post(m_acceptor.get_executor(), [self = shared_from_this(), &closed] {
        boost::system::error_code ec;
        self->m_retry.cancel();
        self->m_acceptor.close(ec);
        closed.set_value();
    });
    done.wait();
}

void Listener::accept()
{
    m_acceptor.async_accept(
        net::make_strand(m_ioc), boost::beast::bind_front_handler(&Listener::onAccept, shared_from_this()));
}

void Listener::onAccept(boost::beast::error_code ec, tcp::socket socket)
{
    if (!m_acceptor.is_open() || ec == net::error::operation_aborted)
        return;
    if (ec) {
        // Out of descriptors or memory: back off briefly instead of spinning.
        qCWarning(lcHttp) << "accept failed:" << ec.message().c_str();
        m_retry.expires_after(std::chrono::milliseconds(100));
        m_retry.async_wait([self = shared_from_this()](boost::beast::error_code waitEc) {
            if (!waitEc && self->m_acceptor.is_open())
                self->accept();
        });
        return;
    }
    boost::system::error_code optionEc;
    const tcp::endpoint peer = socket.remote_endpoint(optionEc);
    ConnectionLimiter::Slot slot
        = optionEc ? nullptr : m_context->connections.acquire(peer.address().to_string());
    if (!slot) {
        // Beyond the cap (or already gone): closed before a byte is read, logged once a second at most.
        const auto now = std::chrono::steady_clock::now();
        if (now - m_lastRefusalLog > std::chrono::seconds(1)) {
            m_lastRefusalLog = now;
            qCWarning(lcHttp).noquote()
                << "connection from" << peer.address().to_string().c_str() << "refused: more than"
                << m_context->options.maxConnectionsPerAddress << "open from that address";
        }
        socket.close(optionEc);
        accept();
        return;
    }
    socket.set_option(tcp::no_delay(true), optionEc);
    // The slot is held from here, through the TLS handshake, for the life of the connection.
    if (std::shared_ptr<net::ssl::context> tls = m_context->tls.get()) {
        std::make_shared<HttpSession<TlsStream>>(
            TlsStream(std::move(socket), *tls), m_context, std::move(slot), tls)
            ->start();
    } else {
        std::make_shared<HttpSession<PlainStream>>(
            PlainStream(std::move(socket)), m_context, std::move(slot), nullptr)
            ->start();
    }
    accept();
}

} // namespace outpost::http
