// SPDX-License-Identifier: MIT
// Request bytes as outpostd's transport reads them from a connection: the head through the same
// parser with the same limits (limitHead), what of the head the application sees
// (readRequestHead), the declared length against a body limit, then the body (Content-Length or
// chunked) through the same body parser, and the next request on a kept-alive connection. Bytes
// in memory instead of a socket: the parser is the transport's, the socket would add only timing.
#include "fuzzsupport.h"
#include "qbytearraybody.h"
#include "requesthead.h"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include <string_view>

using namespace outpost;
namespace bhttp = boost::beast::http;

OUTPOST_FUZZ_INIT()

namespace {

constexpr std::uint64_t kBodyLimit = 64 * 1024; // the API's limits are larger; the code is the same

/// Feeds `rest` to `parser` until it is done, fails, or wants more than there is (then end of
/// stream). Consumes what the parser used from `rest`.
template <class Parser> boost::beast::error_code feed(Parser &parser, std::string_view &rest, bool headOnly)
{
    boost::beast::error_code ec;
    for (;;) {
        if (headOnly ? parser.is_header_done() : parser.is_done())
            return {};
        if (rest.empty()) {
            parser.put_eof(ec);
            return ec ? ec : boost::beast::error_code(bhttp::error::partial_message);
        }
        const std::size_t used = parser.put(boost::asio::buffer(rest.data(), rest.size()), ec);
        rest.remove_prefix(used);
        if (ec == bhttp::error::need_more) {
            if (used == 0) { // all of it is too little: the connection ends here
                parser.put_eof(ec);
                return ec ? ec : boost::beast::error_code(bhttp::error::partial_message);
            }
            ec = {};
            continue;
        }
        if (ec)
            return ec;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const http::ServerOptions options;
    std::string_view rest(reinterpret_cast<const char *>(data), size);
    for (int n = 0; n < 8 && !rest.empty(); ++n) { // requests on one kept-alive connection
        http::HeadParser head;
        http::limitHead(head, options);
        if (feed(head, rest, true))
            return 0; // 400 or 431, or the client went away
        http::Request request;
        if (!http::readRequestHead(head.get(), request))
            return 0; // 400
        (void)request.query.queryItems(QUrl::FullyDecoded);
        if (boost::beast::websocket::is_upgrade(head.get()))
            return 0; // handed to the WebSocket session (fuzz_websocket)
        const boost::optional<std::uint64_t> length = head.content_length();
        if (length && *length > kBodyLimit)
            return 0; // 413 before a byte of the body is read
        bhttp::request_parser<http::QByteArrayBody> body(std::move(head));
        body.body_limit(kBodyLimit);
        if (feed(body, rest, false))
            return 0; // 400, 413, or the client went away
        request.body = std::move(body.get().body());
        if (request.body.size() > qsizetype(kBodyLimit))
            fuzz::fail("a body larger than the limit was read");
        if (!body.keep_alive())
            return 0;
    }
    return 0;
}
