// SPDX-License-Identifier: MIT
#include "requesthead.h"

#include "requestdecoding.h"

#include <limits>

namespace outpost::http {

namespace {

QByteArray toBytes(boost::beast::string_view s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

} // namespace

void limitHead(HeadParser &parser, const ServerOptions &options)
{
    parser.header_limit(std::uint32_t(options.maxHeaderBytes));
    // Not boost::none: Beast 1.74 compares the declared length against the optional itself, and any
    // length is "greater" than none.
    parser.body_limit(std::numeric_limits<std::uint64_t>::max());
}

bool readRequestHead(const boost::beast::http::request_header<> &head, Request &request)
{
    request.method = toBytes(head.method_string());
    for (const auto &field : head) {
        const QByteArray name = toBytes(field.name_string()).toLower();
        const QByteArray value = toBytes(field.value());
        auto it = request.headers.find(name);
        if (it == request.headers.end())
            request.headers.insert(name, value);
        else
            *it += ", " + value;
    }
    const QByteArray clientId = request.header("x-request-id");
    if (isSaneRequestId(clientId))
        request.requestId = QString::fromLatin1(clientId);

    std::optional<DecodedTarget> decoded = decodeTarget(toBytes(head.target()));
    if (!decoded)
        return false;
    request.path = std::move(decoded->path);
    request.rawPath = std::move(decoded->rawPath);
    request.query = std::move(decoded->query);
    return true;
}

} // namespace outpost::http
