// SPDX-License-Identifier: MIT
#include "contentcoding.h"

#include <QList>

#include <zlib.h>

namespace outpost::http {

namespace {

/// The q value of one Accept-Encoding element ("gzip;q=0.5"), 1 when absent.
double qValue(const QByteArray &params)
{
    for (const QByteArray &param : params.split(';')) {
        const QByteArray p = param.trimmed();
        if (p.startsWith("q=") || p.startsWith("Q=")) {
            bool ok = false;
            const double q = p.mid(2).toDouble(&ok);
            return ok ? q : 0;
        }
    }
    return 1;
}

} // namespace

Coding preferredCoding(const QByteArray &acceptEncoding)
{
    double gzip = -1, deflate = -1, any = -1;
    for (const QByteArray &element : acceptEncoding.split(',')) {
        const qsizetype semi = element.indexOf(';');
        const QByteArray name = (semi < 0 ? element : element.left(semi)).trimmed().toLower();
        const double q = semi < 0 ? 1 : qValue(element.mid(semi + 1));
        if (name == "gzip" || name == "x-gzip")
            gzip = q;
        else if (name == "deflate")
            deflate = q;
        else if (name == "*")
            any = q;
    }
    if (gzip < 0)
        gzip = any;
    if (deflate < 0)
        deflate = any;
    if (gzip > 0 && gzip >= deflate)
        return Coding::Gzip;
    if (deflate > 0)
        return Coding::Deflate;
    return Coding::Identity;
}

bool compressible(const QByteArray &contentType)
{
    const qsizetype semi = contentType.indexOf(';');
    const QByteArray t = (semi < 0 ? contentType : contentType.left(semi)).trimmed().toLower();
    return t.startsWith("text/") || t == "application/json" || t.endsWith("+json")
        || t == "application/javascript" || t == "image/svg+xml";
}

const char *codingName(Coding coding)
{
    switch (coding) {
    case Coding::Gzip:
        return "gzip";
    case Coding::Deflate:
        return "deflate";
    case Coding::Identity:
        break;
    }
    return "identity";
}

QByteArray encode(const QByteArray &data, Coding coding, int level)
{
    if (coding == Coding::Identity)
        return data;
    z_stream z {};
    // windowBits 15 + 16: a gzip wrapper; 15: the zlib wrapper that HTTP calls "deflate".
    if (deflateInit2(&z, level, Z_DEFLATED, coding == Coding::Gzip ? 15 + 16 : 15, 8, Z_DEFAULT_STRATEGY)
        != Z_OK)
        return {};
    QByteArray out;
    out.resize(qsizetype(deflateBound(&z, uLong(data.size()))));
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = deflate(&z, Z_FINISH);
    const qsizetype produced = qsizetype(z.total_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END)
        return {};
    out.truncate(produced);
    return out;
}

DecodedBody decodeBody(const QByteArray &body, const QByteArray &contentEncoding, qint64 maxBytes)
{
    const QByteArray coding = contentEncoding.trimmed().toLower();
    if (coding.isEmpty() || coding == "identity")
        return { DecodedBody::Status::Ok, body };
    if (coding != "gzip" && coding != "x-gzip" && coding != "deflate")
        return { DecodedBody::Status::Unsupported, {} };
    z_stream z {};
    // 15 + 32: zlib or gzip, told apart by the header; a "deflate" body without the zlib header
    // (raw deflate, as some clients send) is tried again below.
    if (inflateInit2(&z, 15 + 32) != Z_OK)
        return { DecodedBody::Status::Malformed, {} };
    DecodedBody result;
    QByteArray &out = result.body;
    constexpr qsizetype kChunk = 64 * 1024;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(body.constData()));
    z.avail_in = uInt(body.size());
    int rc = Z_OK;
    bool retriedRaw = false;
    while (true) {
        const qsizetype room = std::min<qint64>(kChunk, maxBytes + 1 - out.size());
        const qsizetype before = out.size();
        out.resize(before + room);
        z.next_out = reinterpret_cast<Bytef *>(out.data() + before);
        z.avail_out = uInt(room);
        rc = inflate(&z, Z_NO_FLUSH);
        out.resize(before + room - qsizetype(z.avail_out));
        if (out.size() > maxBytes) {
            result.status = DecodedBody::Status::TooLarge;
            break;
        }
        if (rc == Z_STREAM_END) {
            // Anything after the end of the stream is not this coding's.
            if (z.avail_in != 0)
                result.status = DecodedBody::Status::Malformed;
            break;
        }
        if (rc == Z_DATA_ERROR && coding == "deflate" && !retriedRaw && z.total_out == 0) {
            retriedRaw = true;
            inflateEnd(&z);
            z = z_stream {};
            if (inflateInit2(&z, -15) != Z_OK) {
                result.status = DecodedBody::Status::Malformed;
                return result;
            }
            z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(body.constData()));
            z.avail_in = uInt(body.size());
            out.clear();
            continue;
        }
        if (rc != Z_OK || (z.avail_in == 0 && z.avail_out != 0)) {
            // An error, or the input ended before the stream did (truncated).
            result.status = DecodedBody::Status::Malformed;
            break;
        }
    }
    inflateEnd(&z);
    if (result.status != DecodedBody::Status::Ok)
        result.body.clear();
    return result;
}

std::optional<Response> decodeRequest(Request &request, qint64 maxBytes)
{
    const QByteArray coding = request.header("content-encoding");
    if (coding.isEmpty())
        return std::nullopt;
    DecodedBody decoded = decodeBody(request.body, coding, maxBytes);
    switch (decoded.status) {
    case DecodedBody::Status::Ok:
        break;
    case DecodedBody::Status::TooLarge:
        return Response::error(413, QStringLiteral("payload_too_large"),
            QStringLiteral("The request body inflates to more than the limit of %1 bytes").arg(maxBytes));
    case DecodedBody::Status::Malformed:
        return Response::error(400, QStringLiteral("bad_request"),
            QStringLiteral("The request body is not valid %1 data").arg(QString::fromLatin1(coding)));
    case DecodedBody::Status::Unsupported:
        return Response::error(415, QStringLiteral("unsupported_media_type"),
            QStringLiteral("Content-Encoding '%1' is not supported; use gzip or deflate")
                .arg(QString::fromLatin1(coding)));
    }
    request.body = std::move(decoded.body);
    request.headers.remove("content-encoding");
    return std::nullopt;
}

void encodeResponse(Response &response, const QByteArray &acceptEncoding, const QByteArray &method, int level)
{
    if (level <= 0 || method == "HEAD" || response.body.size() < kMinCompressBytes
        || !compressible(response.contentType))
        return;
    for (const auto &[name, value] : std::as_const(response.headers))
        if (name.compare("content-encoding", Qt::CaseInsensitive) == 0)
            return;
    const Coding coding = preferredCoding(acceptEncoding);
    response.headers.append({ QByteArrayLiteral("Vary"), QByteArrayLiteral("Accept-Encoding") });
    if (coding == Coding::Identity)
        return;
    QByteArray encoded = encode(response.body, coding, level);
    if (encoded.isEmpty())
        return;
    response.body = std::move(encoded);
    response.headers.append({ QByteArrayLiteral("Content-Encoding"), QByteArray(codingName(coding)) });
}

} // namespace outpost::http
