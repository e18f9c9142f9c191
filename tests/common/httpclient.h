// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QUrl>

#include <optional>

namespace outpost::testing {

/// One finished HTTP exchange.
struct HttpReply {
    int status = 0; // HTTP status; 0 when no response arrived (see networkError)
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString errorString;
    bool timedOut = false;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray jsonArray() const { return QJsonDocument::fromJson(body).array(); }
    bool isJson() const { return !QJsonDocument::fromJson(body).isNull(); }
    /// The protocol's error code ({"error": {"code"}}), empty when there is none.
    QString errorCode() const;
    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
    /// "status 401, body {...}" for test failure messages.
    QString describe() const;
};

/// A synchronous-in-test HTTP client for the Outpost API over QNetworkAccessManager: each call
/// sends a request and waits (QSignalSpy::wait, the test thread's event loop runs meanwhile) for
/// the reply, up to timeoutMs. start() + finish() send several requests at once (races, load).
///
/// \code
///   HttpClient c(server.baseUrl());
///   c.setToken(c.signIn("alice", "alice"));
///   HttpReply r = c.get("/api/v1/sync/changes?limit=100");
///   QCOMPARE(r.status, 200);
/// \endcode
class HttpClient
{
public:
    explicit HttpClient(const QUrl &baseUrl);

    void setBaseUrl(const QUrl &baseUrl) { m_base = baseUrl; }
    QUrl baseUrl() const { return m_base; }
    void setToken(const QString &token) { m_token = token; } // empty: no Authorization header
    QString token() const { return m_token; }
    void setTimeout(int ms) { m_timeoutMs = ms; }
    /// X-Outpost-Features sent with every request, as the app's own ("signature"); empty: none
    /// (a client from before signature fields).
    void setFeatures(const QByteArray &features) { m_features = features; }
    /// For https: e.g. the default configuration plus a test CA.
    void setSslConfiguration(const QSslConfiguration &ssl) { m_ssl = ssl; }

    /// POST /api/v1/session; the token, or empty (and *reply filled) on failure.
    QString signIn(const QString &user, const QString &password, const QString &deviceId = {},
        HttpReply *reply = nullptr);

    HttpReply get(const QString &pathAndQuery);
    HttpReply del(const QString &pathAndQuery);
    HttpReply post(const QString &pathAndQuery, const QJsonObject &body);
    HttpReply put(const QString &pathAndQuery, const QJsonObject &body);
    /// Any method, raw body (sent as-is), extra headers on top of Authorization.
    HttpReply send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
        const QByteArray &contentType = "application/json",
        const QList<QPair<QByteArray, QByteArray>> &headers = {});

    /// Sends without waiting; the caller owns the reply (finish() takes it).
    QNetworkReply *start(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
        const QByteArray &contentType = "application/json",
        const QList<QPair<QByteArray, QByteArray>> &headers = {});
    /// Waits for a started request and deletes the QNetworkReply.
    HttpReply finish(QNetworkReply *reply);

    QNetworkAccessManager &manager() { return m_nam; }
    static QByteArray compact(const QJsonObject &o)
    {
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

private:
    QNetworkAccessManager m_nam;
    QUrl m_base;
    QString m_token;
    QByteArray m_features = "signature";
    std::optional<QSslConfiguration> m_ssl;
    int m_timeoutMs = 30000;
};

} // namespace outpost::testing
