// SPDX-License-Identifier: MIT
#include "httpclient.h"

#include <QNetworkRequest>
#include <QSignalSpy>

namespace outpost::testing {

QString HttpReply::errorCode() const
{
    return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

QString HttpReply::describe() const
{
    QString s = QStringLiteral("status %1").arg(status);
    if (networkError != QNetworkReply::NoError)
        s += QStringLiteral(" (network: %1)").arg(errorString);
    if (timedOut)
        s += QStringLiteral(" (timed out)");
    return s + QStringLiteral(", body ") + QString::fromUtf8(body.left(600));
}

HttpClient::HttpClient(const QUrl &baseUrl)
    : m_base(baseUrl)
{
    m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

QNetworkReply *HttpClient::start(const QByteArray &method, const QString &pathAndQuery,
    const QByteArray &body, const QByteArray &contentType,
    const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest req(QUrl(m_base.toString() + pathAndQuery));
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (m_ssl)
        req.setSslConfiguration(*m_ssl);
    if (!m_token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    if (!m_features.isEmpty())
        req.setRawHeader("X-Outpost-Features", m_features);
    if (!body.isEmpty() || method == "POST" || method == "PUT")
        req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    req.setTransferTimeout(m_timeoutMs);
    if (method == "GET")
        return m_nam.get(req);
    if (method == "DELETE" && body.isEmpty())
        return m_nam.deleteResource(req);
    return m_nam.sendCustomRequest(req, method, body);
}

HttpReply HttpClient::finish(QNetworkReply *reply)
{
    HttpReply r;
    if (!reply->isFinished()) {
        QSignalSpy spy(reply, &QNetworkReply::finished);
        if (!spy.wait(m_timeoutMs + 1000) && !reply->isFinished()) {
            r.timedOut = true;
            reply->abort();
        }
    }
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto &h : reply->rawHeaderPairs())
        r.headers.insert(h.first.toLower(), h.second);
    r.body = reply->readAll();
    r.networkError = reply->error();
    if (r.networkError != QNetworkReply::NoError)
        r.errorString = reply->errorString();
    reply->deleteLater();
    return r;
}

HttpReply HttpClient::send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
    const QByteArray &contentType, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return finish(start(method, pathAndQuery, body, contentType, headers));
}

HttpReply HttpClient::get(const QString &pathAndQuery)
{
    return send("GET", pathAndQuery);
}
HttpReply HttpClient::del(const QString &pathAndQuery)
{
    return send("DELETE", pathAndQuery);
}
HttpReply HttpClient::post(const QString &pathAndQuery, const QJsonObject &body)
{
    return send("POST", pathAndQuery, compact(body));
}
HttpReply HttpClient::put(const QString &pathAndQuery, const QJsonObject &body)
{
    return send("PUT", pathAndQuery, compact(body));
}

QString HttpClient::signIn(
    const QString &user, const QString &password, const QString &deviceId, HttpReply *reply)
{
    const QString saved = m_token;
    m_token.clear();
    HttpReply r = post(QStringLiteral("/api/v1/session"),
        { { QStringLiteral("username"), user }, { QStringLiteral("password"), password },
            { QStringLiteral("deviceId"), deviceId.isEmpty() ? QStringLiteral("test-") + user : deviceId } });
    m_token = saved;
    if (reply)
        *reply = r;
    return r.status == 200 ? r.json().value(QStringLiteral("token")).toString() : QString();
}

} // namespace outpost::testing
