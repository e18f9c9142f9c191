// SPDX-License-Identifier: MIT
#pragma once

// The two streams a connection runs on. Internal to the transport.

#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

namespace outpost::http {

/// Plain HTTP and WebSocket.
using PlainStream = boost::beast::tcp_stream;
/// HTTPS and WSS (ServerOptions::tls()): TLS over the same TCP stream, whose timeouts still apply.
using TlsStream = boost::beast::ssl_stream<boost::beast::tcp_stream>;

} // namespace outpost::http
