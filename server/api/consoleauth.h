// SPDX-License-Identifier: MIT
#pragma once

#include "httptypes.h"
#include "result.h"

#include <QByteArray>
#include <QStringList>

namespace outpost::server::console {

/// The operations console's session cookie (docs/protocol.md, *Operations console*).
inline constexpr char kCookieName[] = "outpost_console";

/// The session token a request carries: `Authorization: Bearer` first, else the console cookie.
struct Credentials {
    QByteArray token; // empty: none
    bool cookie = false; // from the outpost_console cookie (then CSRF and Origin rules apply)
};
Credentials credentialsOf(const http::Request &request);

/// The value of the outpost_console cookie, empty when there is none.
QByteArray cookieToken(const http::Request &request);
/// The CSRF token of a session: base64url(HMAC-SHA256(token, "outpost-csrf")). Derived, so any
/// instance checks it without storing anything.
QByteArray csrfTokenFor(const QByteArray &sessionToken);
/// The Set-Cookie value: the token, Path=/, HttpOnly, SameSite=Strict, Secure over TLS; an empty
/// token clears the cookie (Max-Age=0).
QByteArray setCookie(const QByteArray &token, bool secure);

/// Whether the request's Origin (when it sends one) is the server's own: the scheme of the
/// listener (or X-Forwarded-Proto from a trusted proxy) with the Host header.
bool sameOrigin(const http::Request &request, const QStringList &trustedProxies);

/// The console's rules for a request authenticated by the cookie: a foreign Origin is refused
/// (403 origin_refused), and a method other than GET/HEAD needs X-CSRF-Token (403 csrf_failed).
Status checkCookieRequest(
    const http::Request &request, const QByteArray &token, const QStringList &trustedProxies);

} // namespace outpost::server::console
