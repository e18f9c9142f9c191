// SPDX-License-Identifier: MIT
#pragma once

// How the transport reads a request head: the parser's limits and what of the head the
// application sees. Internal to the transport (HttpSession); the fuzz target
// tests/fuzz/http_request drives the same two steps over bytes in memory.

#include "httptypes.h"
#include "serveroptions.h"

#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>

namespace outpost::http {

using HeadParser = boost::beast::http::request_parser<boost::beast::http::empty_body>;

/// Sets a fresh head parser's limits: the head at most options.maxHeaderBytes (beyond: 431); the
/// body is not limited yet (the declared length is checked against Handler::maxBodySize once the
/// head is in).
void limitHead(HeadParser &parser, const ServerOptions &options);

/// Copies a parsed head into `request`: method, headers (names in lower case, a repeated header's
/// values joined with ", "), the client's X-Request-Id when sane, and the decoded target (path, raw
/// path, query). False when the target is malformed; the caller answers 400.
bool readRequestHead(const boost::beast::http::request_header<> &head, Request &request);

} // namespace outpost::http
