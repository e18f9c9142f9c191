// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace outpost::http {

/// A request target ("/a%20b?x=1") split and decoded; nullopt when it is not origin-form, has a
/// malformed percent escape, or its path decodes to NUL or invalid UTF-8.
struct DecodedTarget {
    QString path;
    QByteArray rawPath; // as sent: path segments can be told apart from encoded slashes ("%2F")
    QUrlQuery query;
};
std::optional<DecodedTarget> decodeTarget(const QByteArray &target);

/// True when the client's X-Request-Id is usable as ours: [A-Za-z0-9._-]{1,64}.
bool isSaneRequestId(const QByteArray &id);
/// 16 random lower-case hex characters.
QString newRequestId();

} // namespace outpost::http
