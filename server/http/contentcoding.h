// SPDX-License-Identifier: MIT
#pragma once

#include "httptypes.h"

#include <QByteArray>

#include <optional>

namespace outpost::http {

/// HTTP content codings (RFC 9110, 8.4.1) outpostd speaks: gzip (RFC 1952) and deflate (the zlib
/// format, RFC 1950), both through zlib. See docs/protocol.md, *Compression*.
enum class Coding { Identity, Gzip, Deflate };

/// What this server accepts in Content-Encoding, also sent as Accept-Encoding on its answers
/// (RFC 7694), so that a client compresses uploads only after a server said it may.
inline constexpr char kAcceptedCodings[] = "gzip, deflate";

/// Answers shorter than this go as they are: a few hundred bytes save nothing worth the CPU.
inline constexpr qsizetype kMinCompressBytes = 1024;

/// The coding to answer a request with, from its Accept-Encoding header: gzip when it is acceptable
/// (q > 0, named or by "*"), else deflate, else identity. An absent or empty header: identity.
Coding preferredCoding(const QByteArray &acceptEncoding);

/// True for content types worth compressing (JSON, text, CSV, JavaScript, SVG); never for
/// attachments' bytes (images and PDFs are compressed already).
bool compressible(const QByteArray &contentType);

/// `data` in `coding` (gzip or deflate; identity returns it as it is).
QByteArray encode(const QByteArray &data, Coding coding, int level = 6);

const char *codingName(Coding coding);

/// A request body in its Content-Encoding, decoded.
struct DecodedBody {
    enum class Status { Ok, TooLarge, Malformed, Unsupported } status = Status::Ok;
    QByteArray body;
};

/// Decodes a body sent with `contentEncoding` (gzip, x-gzip or deflate; empty or identity: as it
/// is). Inflating stops as soon as the result would exceed `maxBytes` (TooLarge): a small body that
/// inflates to gigabytes (a "zip bomb") never gets more than maxBytes of memory. Several codings
/// ("gzip, gzip") are Unsupported.
DecodedBody decodeBody(const QByteArray &body, const QByteArray &contentEncoding, qint64 maxBytes);

/// Decodes `request.body` in its Content-Encoding in place (the header is then dropped), at most
/// `maxBytes` inflated. Or the answer to send instead: 413 payload_too_large beyond maxBytes, 400
/// bad_request for a body that is not what its coding says, 415 unsupported_media_type for a
/// coding this server does not speak.
std::optional<Response> decodeRequest(Request &request, qint64 maxBytes);

/// Compresses `response` in place when `acceptEncoding` (the request's header) asks for it and it is
/// worth it (compressible, at least kMinCompressBytes, no coding yet; never for HEAD): adds
/// Content-Encoding and Vary: Accept-Encoding.
/// `level`: zlib's 1-9; 0 leaves every answer as it is.
void encodeResponse(
    Response &response, const QByteArray &acceptEncoding, const QByteArray &method, int level);

} // namespace outpost::http
