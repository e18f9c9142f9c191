// SPDX-License-Identifier: MIT
#pragma once

// The server's TLS configuration (OpenSSL through boost::asio::ssl). Internal to the transport.

#include "result.h"
#include "serveroptions.h"

#include <QStringList>

#include <boost/asio/ssl/context.hpp>

#include <memory>

namespace outpost::http {

/// A TLS server context from ServerOptions::tlsCertFile / tlsKeyFile / tlsChainFile: TLS 1.2 at
/// least, forward-secret AEAD ciphers only, no compression, no renegotiation, no session tickets.
/// An Error (code "tls_config") names the file and what is wrong with it: missing, unreadable, not
/// PEM, an encrypted key, a key that does not match the certificate. `warnings` (may be null)
/// receives what an administrator should fix but need not stop for: a key file that other users
/// may read, a certificate that has expired or expires within 14 days.
Result<std::shared_ptr<boost::asio::ssl::context>> makeTlsContext(
    const ServerOptions &options, QStringList *warnings);

} // namespace outpost::http
