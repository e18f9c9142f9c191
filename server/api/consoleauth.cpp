// SPDX-License-Identifier: MIT
#include "consoleauth.h"

#include "signinthrottle.h"

#include <QMessageAuthenticationCode>
#include <QUrl>

namespace outpost::server::console {

namespace {
QByteArray bearerOf(const http::Request &request)
{
    const QByteArray auth = request.header("authorization");
    if (!auth.startsWith("Bearer ") && !auth.startsWith("bearer "))
        return {};
    return auth.mid(7).trimmed();
}

bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}
} // namespace

QByteArray cookieToken(const http::Request &request)
{
    // Several Cookie headers arrive joined with ", " (HttpSession); pairs are separated by ';'.
    const QByteArray header = request.header("cookie");
    if (header.isEmpty())
        return {};
    for (QByteArray part : header.split(';')) {
        for (QByteArray pair : part.split(',')) {
            pair = pair.trimmed();
            const qsizetype eq = pair.indexOf('=');
            if (eq > 0 && pair.left(eq).trimmed() == kCookieName)
                return pair.mid(eq + 1).trimmed();
        }
    }
    return {};
}

Credentials credentialsOf(const http::Request &request)
{
    if (QByteArray bearer = bearerOf(request); !bearer.isEmpty())
        return { bearer, false };
    if (QByteArray cookie = cookieToken(request); !cookie.isEmpty())
        return { cookie, true };
    return {};
}

QByteArray csrfTokenFor(const QByteArray &sessionToken)
{
    return QMessageAuthenticationCode::hash(
        QByteArrayLiteral("outpost-csrf"), sessionToken, QCryptographicHash::Sha256)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray setCookie(const QByteArray &token, bool secure)
{
    QByteArray v = QByteArray(kCookieName) + '=' + token + "; Path=/; HttpOnly; SameSite=Strict";
    if (token.isEmpty())
        v += "; Max-Age=0";
    if (secure)
        v += "; Secure";
    return v;
}

bool sameOrigin(const http::Request &request, const QStringList &trustedProxies)
{
    const QByteArray origin = request.header("origin");
    if (origin.isEmpty())
        return true;
    bool secure = request.secure;
    if (trustedProxies.contains(SignInThrottle::addressKey(request.peer))) {
        const QByteArray proto = request.header("x-forwarded-proto").trimmed().toLower();
        if (!proto.isEmpty())
            secure = proto == "https";
    }
    const QByteArray host = request.header("host").trimmed().toLower();
    if (host.isEmpty())
        return false;
    const QByteArray own = (secure ? QByteArrayLiteral("https://") : QByteArrayLiteral("http://")) + host;
    QByteArray given = origin.trimmed().toLower();
    // The default port may be written or left out on either side.
    auto withoutDefaultPort = [secure](QByteArray o) {
        const QByteArray port = secure ? QByteArrayLiteral(":443") : QByteArrayLiteral(":80");
        return o.endsWith(port) ? o.chopped(port.size()) : o;
    };
    return withoutDefaultPort(given) == withoutDefaultPort(own);
}

Status checkCookieRequest(
    const http::Request &request, const QByteArray &token, const QStringList &trustedProxies)
{
    if (!sameOrigin(request, trustedProxies))
        return Error(QStringLiteral("origin_refused"),
            QStringLiteral("A request from another site's page is refused."));
    if (request.method == "GET" || request.method == "HEAD")
        return Status::success();
    const QByteArray sent = request.header("x-csrf-token").trimmed();
    if (sent.isEmpty() || !sameBytes(sent, csrfTokenFor(token)))
        return Error(QStringLiteral("csrf_failed"),
            QStringLiteral("Send the session's CSRF token in the X-CSRF-Token header."));
    return Status::success();
}

} // namespace outpost::server::console
