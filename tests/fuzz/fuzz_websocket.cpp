// SPDX-License-Identifier: MIT
// WebSocket frames from a client as outpostd's push sessions read them: a Beast websocket stream
// with the session's message limit (64 KiB), after the same upgrade it accepts at
// /api/v1/notify, reading until the client closes, breaks the protocol or the bytes end. The
// socket is Beast's in-memory test stream; pings are answered and closes handshaken on it.
#include "fuzzsupport.h"

#include <boost/asio/io_context.hpp>
#include <boost/beast/_experimental/test/stream.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/websocket/stream.hpp>

namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;

OUTPOST_FUZZ_INIT()

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    boost::asio::io_context ioc;
    beast::test::stream server(ioc);
    beast::test::stream client(ioc);
    server.connect(client);

    beast::http::request<beast::http::empty_body> upgrade(beast::http::verb::get, "/api/v1/notify", 11);
    upgrade.set(beast::http::field::host, "localhost");
    upgrade.set(beast::http::field::upgrade, "websocket");
    upgrade.set(beast::http::field::connection, "Upgrade");
    upgrade.set(beast::http::field::sec_websocket_key, "dGhlIHNhbXBsZSBub25jZQ==");
    upgrade.set(beast::http::field::sec_websocket_version, "13");

    websocket::stream<beast::test::stream &> ws(server);
    ws.read_message_max(64 * 1024);
    beast::error_code ec;
    ws.accept(upgrade, ec);
    if (ec)
        outpost::fuzz::fail("the upgrade is refused");

    server.append(beast::string_view(reinterpret_cast<const char *>(data), size));
    client.close(); // after the fuzzed bytes the client's side ends
    beast::flat_buffer buffer;
    for (int n = 0; n < 1000; ++n) {
        ws.read(buffer, ec);
        if (ec)
            break;
        buffer.consume(buffer.size()); // the session drops what clients send
    }
    return 0;
}
