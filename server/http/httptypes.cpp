// SPDX-License-Identifier: MIT
#include "httptypes.h"

#include <QJsonDocument>

namespace outpost::http {

Response Response::json(int status, const QJsonObject &body)
{
    return rawJson(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

Response Response::rawJson(int status, QByteArray body)
{
    Response r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

Response Response::error(
    int status, const QString &code, const QString &message, const QMap<QString, QString> &fields)
{
    QJsonObject err { { QStringLiteral("code"), code }, { QStringLiteral("message"), message } };
    if (!fields.isEmpty()) {
        QJsonObject f;
        for (auto it = fields.cbegin(); it != fields.cend(); ++it)
            f.insert(it.key(), it.value());
        err.insert(QStringLiteral("fields"), f);
    }
    return json(status, QJsonObject { { QStringLiteral("error"), err } });
}

} // namespace outpost::http
