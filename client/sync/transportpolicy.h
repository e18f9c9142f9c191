// SPDX-License-Identifier: MIT
#pragma once

#include "result.h"

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrl>

namespace outpost::sync {

namespace errc {
/// http:// or ws:// to a host other than loopback without the profile's permission.
inline constexpr auto InsecureTransport = "insecure_transport";
/// A redirect to another origin (scheme, host or port) was refused: the token stays with the server.
inline constexpr auto RedirectRefused = "redirect_refused";
/// The configured CA bundle cannot be read or holds no certificate.
inline constexpr auto CaBundle = "ca_bundle";
} // namespace errc

/// How the client may talk to its server, per profile (the app's settings `network/*` and
/// `--allow-insecure-http`/`--ca-bundle`; the CLI's profile.json and the same options of `signin`).
/// Fixed when the process's HttpTransport is made; every request, the push channel and the sign-in
/// check it. A plain value, shared read-only across threads.
struct TransportPolicy {
    /// Plain http:// and ws:// to hosts other than loopback (never the default).
    bool allowInsecureHttp = false;
    /// The PEM file the certificates below came from (empty: the system's CAs only).
    QString caBundlePath;
    /// Trusted in addition to the system's CAs, for https and wss.
    QList<QSslCertificate> caCertificates;
    /// Compression only on links where it pays (LinkRate: not on a fast LAN or this machine). Off:
    /// every answer is asked compressed and every upload sent so (tests of the compression itself).
    bool adaptiveCompression = true;

    /// The policy with the CA bundle at `caBundlePath` read (ca_bundle when it is unreadable or
    /// holds no PEM certificate).
    static Result<TransportPolicy> load(bool allowInsecureHttp, const QString &caBundlePath);

    /// insecure_transport when `url` is plain (http, ws) to a host other than loopback and the
    /// policy does not allow it, or of another scheme; the message says what to do.
    Status check(const QUrl &url) const;
    /// The TLS configuration of https and wss: the system's, plus the CA bundle's certificates.
    QSslConfiguration sslConfiguration() const;

    /// localhost, 127.0.0.0/8 or ::1.
    static bool isLoopback(const QUrl &url);
};

} // namespace outpost::sync
