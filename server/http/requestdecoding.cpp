// SPDX-License-Identifier: MIT
#include "requestdecoding.h"

#include <QRandomGenerator>
#include <QStringDecoder>

namespace outpost::http {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::optional<QByteArray> percentDecode(const QByteArray &in)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        if (c != '%') {
            out.append(c);
            continue;
        }
        if (i + 2 >= in.size())
            return std::nullopt;
        const int hi = hexValue(in.at(i + 1));
        const int lo = hexValue(in.at(i + 2));
        if (hi < 0 || lo < 0)
            return std::nullopt;
        out.append(char(hi * 16 + lo));
        i += 2;
    }
    return out;
}

} // namespace

std::optional<DecodedTarget> decodeTarget(const QByteArray &target)
{
    if (!target.startsWith('/'))
        return std::nullopt;
    const qsizetype q = target.indexOf('?');
    const QByteArray rawPath = q < 0 ? target : target.left(q);
    const QByteArray rawQuery = q < 0 ? QByteArray() : target.mid(q + 1);

    const std::optional<QByteArray> bytes = percentDecode(rawPath);
    if (!bytes || bytes->contains('\0'))
        return std::nullopt;
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString path = utf8.decode(*bytes);
    if (utf8.hasError())
        return std::nullopt;

    DecodedTarget result;
    result.path = std::move(path);
    result.rawPath = rawPath;
    if (!rawQuery.isEmpty()) {
        // Keep the query percent-encoded inside QUrlQuery; it decodes on access. '+' means space
        // in form-style queries.
        QByteArray query = rawQuery;
        query.replace('+', "%20");
        result.query.setQuery(QString::fromUtf8(query));
    }
    return result;
}

bool isSaneRequestId(const QByteArray &id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (const char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
            || c == '_' || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

QString newRequestId()
{
    const quint64 v = QRandomGenerator::global()->generate64();
    return QStringLiteral("%1").arg(v, 16, 16, QLatin1Char('0'));
}

} // namespace outpost::http
