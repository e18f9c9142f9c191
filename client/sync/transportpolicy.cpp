// SPDX-License-Identifier: MIT
#include "transportpolicy.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>

namespace outpost::sync {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::sync::TransportPolicy)
};
} // namespace

Result<TransportPolicy> TransportPolicy::load(bool allowInsecureHttp, const QString &caBundlePath)
{
    TransportPolicy p;
    p.allowInsecureHttp = allowInsecureHttp;
    p.caBundlePath = caBundlePath;
    if (caBundlePath.isEmpty())
        return p;
    QFile f(caBundlePath);
    if (!f.open(QIODevice::ReadOnly))
        return Error(QString::fromLatin1(errc::CaBundle),
            Tr::tr("Cannot read the CA bundle %1: %2").arg(caBundlePath, f.errorString()));
    p.caCertificates = QSslCertificate::fromData(f.readAll(), QSsl::Pem);
    if (p.caCertificates.isEmpty())
        return Error(QString::fromLatin1(errc::CaBundle),
            Tr::tr("The CA bundle %1 holds no PEM certificate.").arg(caBundlePath));
    return p;
}

bool TransportPolicy::isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Status TransportPolicy::check(const QUrl &url) const
{
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https") || scheme == QLatin1String("wss"))
        return Status::success();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("ws"))
        return Error(QString::fromLatin1(errc::InsecureTransport),
            Tr::tr("The server address must start with https:// (or http:// where plain connections are "
                   "allowed), not '%1'.")
                .arg(url.scheme()));
    if (allowInsecureHttp || isLoopback(url))
        return Status::success();
    return Error(QString::fromLatin1(errc::InsecureTransport),
        Tr::tr("Outpost does not send your password and case data unencrypted to %1. Use https://, or "
               "allow plain http for this profile (--allow-insecure-http) on a network you trust.")
            .arg(url.host()),
        { { QStringLiteral("server"), Tr::tr("use https://") } });
}

QSslConfiguration TransportPolicy::sslConfiguration() const
{
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    if (!caCertificates.isEmpty())
        conf.addCaCertificates(caCertificates);
    return conf;
}

} // namespace outpost::sync
