// SPDX-License-Identifier: MIT
#include "result.h"

#include <QJsonValue>
#include <QStringList>

namespace outpost {

QJsonObject Error::toJson() const
{
    QJsonObject obj{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!fields.isEmpty()) {
        QJsonObject f;
        for (auto it = fields.cbegin(); it != fields.cend(); ++it)
            f.insert(it.key(), it.value());
        obj.insert(QStringLiteral("fields"), f);
    }
    return obj;
}

Error Error::fromJson(const QJsonObject &obj)
{
    Error e;
    e.code = obj.value(QLatin1String("code")).toString();
    e.message = obj.value(QLatin1String("message")).toString();
    const QJsonObject f = obj.value(QLatin1String("fields")).toObject();
    for (auto it = f.begin(); it != f.end(); ++it)
        e.fields.insert(it.key(), it.value().toString());
    if (e.code.isEmpty())
        e.code = QStringLiteral("unknown");
    return e;
}

QString Error::toString() const
{
    QString s = message.isEmpty() ? code : message;
    if (!fields.isEmpty()) {
        QStringList parts;
        for (auto it = fields.cbegin(); it != fields.cend(); ++it)
            parts << it.key() + QStringLiteral(": ") + it.value();
        s += QStringLiteral(" (") + parts.join(QStringLiteral("; ")) + QLatin1Char(')');
    }
    return s;
}

} // namespace outpost
