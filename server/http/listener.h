// SPDX-License-Identifier: MIT
#pragma once

#include "servercontext.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/error.hpp>

#include <memory>

namespace outpost::http {

/// Accepts connections and starts an HttpSession on its own strand for each (over TLS when the
/// context holds a TLS context).
class Listener : public std::enable_shared_from_this<Listener>
{
public:
    Listener(boost::asio::io_context &ioc, std::shared_ptr<ServerContext> context);

    /// Opens, binds and listens; returns the bound port.
    boost::system::error_code open(const boost::asio::ip::tcp::endpoint &endpoint, quint16 &port);
    void start();
    /// Closes the acceptor on its strand and waits until it is closed (io threads must be running).
    void close();

private:
    void accept();
    void onAccept(boost::beast::error_code ec, boost::asio::ip::tcp::socket socket);

    boost::asio::io_context &m_ioc;
    boost::asio::ip::tcp::acceptor m_acceptor;
    boost::asio::steady_timer m_retry;
    std::shared_ptr<ServerContext> m_context;
    std::chrono::steady_clock::time_point m_lastRefusalLog;
};

} // namespace outpost::http
