// SPDX-License-Identifier: MIT
#include "tlscontext.h"

#include <QFile>
#include <QFileInfo>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

namespace outpost::http {

namespace ssl = boost::asio::ssl;

namespace {

constexpr int kExpiryWarningDays = 14;

// Mozilla's "intermediate" TLS 1.2 list without DHE (no DH parameters to manage): ECDHE key
// exchange (forward secrecy) and AEAD ciphers only. TLS 1.3 keeps OpenSSL's defaults.
constexpr const char *kTls12Ciphers = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                                      "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                                      "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

Error tlsError(const QString &message)
{
    return Error(QStringLiteral("tls_config"), message);
}

/// The file's contents, or an Error saying why it cannot be read.
Result<QByteArray> readPem(const QString &path, const QString &what)
{
    const QFileInfo info(path);
    if (!info.exists())
        return tlsError(QStringLiteral("the TLS %1 file '%2' does not exist").arg(what, path));
    if (!info.isFile())
        return tlsError(QStringLiteral("the TLS %1 '%2' is not a file").arg(what, path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tlsError(
            QStringLiteral("cannot read the TLS %1 file '%2': %3").arg(what, path, file.errorString()));
    QByteArray pem = file.read(1024 * 1024);
    if (!pem.contains("-----BEGIN "))
        return tlsError(QStringLiteral("the TLS %1 file '%2' holds no PEM data").arg(what, path));
    return pem;
}

QString sslMessage(const boost::system::error_code &ec)
{
    return QString::fromStdString(ec.message());
}

void checkValidity(SSL_CTX *ctx, const QString &certFile, QStringList *warnings)
{
    const X509 *cert = SSL_CTX_get0_certificate(ctx);
    if (!cert || !warnings)
        return;
    int days = 0;
    int seconds = 0;
    if (ASN1_TIME_diff(&days, &seconds, nullptr, X509_get0_notAfter(cert)) == 1) {
        if (days < 0 || (days == 0 && seconds <= 0))
            warnings->append(
                QStringLiteral("the TLS certificate in '%1' has expired; clients refuse it").arg(certFile));
        else if (days < kExpiryWarningDays)
            warnings->append(
                QStringLiteral("the TLS certificate in '%1' expires in %2 days").arg(certFile).arg(days));
    }
    if (ASN1_TIME_diff(&days, &seconds, nullptr, X509_get0_notBefore(cert)) == 1 && (days > 0 || seconds > 0))
        warnings->append(
            QStringLiteral("the TLS certificate in '%1' is not valid yet; clients refuse it").arg(certFile));
}

} // namespace

Result<std::shared_ptr<ssl::context>> makeTlsContext(const ServerOptions &o, QStringList *warnings)
{
    if (o.tlsCertFile.isEmpty() || o.tlsKeyFile.isEmpty())
        return tlsError(QStringLiteral("TLS needs both a certificate (--tls-cert) and its key (--tls-key)"));
    auto cert = readPem(o.tlsCertFile, QStringLiteral("certificate"));
    if (!cert)
        return cert.error();
    auto key = readPem(o.tlsKeyFile, QStringLiteral("key"));
    if (!key)
        return key.error();
    if (key.value().contains("ENCRYPTED"))
        return tlsError(QStringLiteral("the TLS key in '%1' is protected by a passphrase; outpostd needs "
                                       "it unencrypted (readable by its own user only)")
                            .arg(o.tlsKeyFile));

    auto ctx = std::make_shared<ssl::context>(ssl::context::tls_server);
    boost::system::error_code ec;
    ctx->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3
            | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::no_compression
            | ssl::context::single_dh_use,
        ec);
    SSL_CTX *native = ctx->native_handle();
    SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION);
    SSL_CTX_set_options(native, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_TICKET);
    if (SSL_CTX_set_cipher_list(native, kTls12Ciphers) != 1)
        return tlsError(QStringLiteral("OpenSSL accepts none of the TLS 1.2 ciphers"));

    const std::string certPem = cert.value().toStdString();
    if (ctx->use_certificate_chain(boost::asio::buffer(certPem), ec); ec)
        return tlsError(QStringLiteral("the TLS certificate file '%1' holds no valid certificate: %2")
                            .arg(o.tlsCertFile, sslMessage(ec)));
    if (!o.tlsChainFile.isEmpty()) {
        auto chain = readPem(o.tlsChainFile, QStringLiteral("chain"));
        if (!chain)
            return chain.error();
        const std::string chainPem = chain.value().toStdString();
        // Appended to the chain use_certificate_chain() set: the server sends them after its own.
        BIO *bio = BIO_new_mem_buf(chainPem.data(), int(chainPem.size()));
        int added = 0;
        while (
            X509 *x = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr)) { // certificates take no passphrase
            if (SSL_CTX_add1_chain_cert(native, x) != 1) {
                X509_free(x);
                break;
            }
            X509_free(x);
            ++added;
        }
        BIO_free(bio);
        ERR_clear_error(); // the end of the file reads as an error
        if (added == 0)
            return tlsError(
                QStringLiteral("the TLS chain file '%1' holds no valid certificate").arg(o.tlsChainFile));
    }
    // Read apart from the certificate, so that "not a key" and "not its key" read differently.
    const std::string keyPem = key.value().toStdString();
    BIO *keyBio = BIO_new_mem_buf(keyPem.data(), int(keyPem.size()));
    // No passphrase, ever (never a prompt on the service's terminal).
    pem_password_cb *noPassphrase = [](char *, int, int, void *) { return 0; };
    EVP_PKEY *privateKey = PEM_read_bio_PrivateKey(keyBio, nullptr, noPassphrase, nullptr);
    BIO_free(keyBio);
    ERR_clear_error();
    if (!privateKey)
        return tlsError(QStringLiteral("the TLS key file '%1' holds no valid private key").arg(o.tlsKeyFile));
    const bool matches
        = SSL_CTX_use_PrivateKey(native, privateKey) == 1 && SSL_CTX_check_private_key(native) == 1;
    EVP_PKEY_free(privateKey);
    ERR_clear_error();
    if (!matches)
        return tlsError(QStringLiteral("the TLS key in '%1' does not belong to the certificate in '%2'")
                            .arg(o.tlsKeyFile, o.tlsCertFile));
    checkValidity(native, o.tlsCertFile, warnings);
    if (warnings && (QFileInfo(o.tlsKeyFile).permissions() & QFileDevice::ReadOther))
        warnings->append(QStringLiteral("the TLS key file '%1' is readable by every user of this machine; "
                                        "make it readable by outpostd's user only (chmod 600)")
                             .arg(o.tlsKeyFile));
    return ctx;
}

} // namespace outpost::http
