// SPDX-License-Identifier: MIT
// Internal to outpost_store: how the store writes times, ids and JSON into its columns.
#pragma once

#include "storetypes.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace outpost::client {

QString nowIso();
QString newUuid();
QString jsonText(const QJsonObject &obj);
/// The same as UTF-8 bytes, for statements that bind them as text as they are (RawStatement).
QByteArray jsonUtf8(const QJsonObject &obj);
QJsonObject jsonObject(const QString &text);
/// One JSON value (scalars included) as the text of a column, and back; null stays null. This is
/// storage, not display: people see values through core's formatFieldValue (rules/fieldvalue.h).
QString encodeJsonValue(const QJsonValue &v);
QJsonValue decodeJsonValue(const QString &text);
/// Undefined (absent) reads as null so that merges compare like with like.
QJsonValue orNull(const QJsonValue &v);
QueueState queueStateFromName(const QString &s);

} // namespace outpost::client
