// SPDX-License-Identifier: MIT
#include "storejson.h"

#include "localstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace outpost::client {

namespace {
LocalStore::Clock &clock()
{
    static LocalStore::Clock c;
    return c;
}
} // namespace

void LocalStore::setClock(Clock clock_)
{
    clock() = std::move(clock_);
}

QDateTime LocalStore::now()
{
    const Clock &c = clock();
    return c ? c() : QDateTime::currentDateTimeUtc();
}

QString nowIso()
{
    return LocalStore::now().toString(Qt::ISODateWithMs);
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString jsonText(const QJsonObject &obj)
{
    return QString::fromUtf8(jsonUtf8(obj));
}

QByteArray jsonUtf8(const QJsonObject &obj)
{
    return QJsonDocument(obj).toJson(QJsonDocument::Compact);
}

QJsonObject jsonObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString encodeJsonValue(const QJsonValue &v)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray { orNull(v) }).toJson(QJsonDocument::Compact));
}

QJsonValue decodeJsonValue(const QString &text)
{
    const QJsonArray a = QJsonDocument::fromJson(text.toUtf8()).array();
    return a.isEmpty() ? QJsonValue() : a.at(0);
}

QJsonValue orNull(const QJsonValue &v)
{
    return v.isUndefined() ? QJsonValue() : v;
}

QueueState queueStateFromName(const QString &s)
{
    if (s == QLatin1String("held"))
        return QueueState::Held;
    if (s == QLatin1String("inflight"))
        return QueueState::Inflight;
    return QueueState::Queued;
}

} // namespace outpost::client
