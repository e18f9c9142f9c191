// SPDX-License-Identifier: MIT
#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace outpost {

/// Parses bytes into a JSON object; anything else is a bad_request naming the problem.
Result<QJsonObject> parseJsonObject(const QByteArray &bytes);

/// Strict reading of one JSON object. A missing required member or a member of the wrong type
/// records an error naming the member's full path ("actions[2].caseId"); reading goes on, so a
/// caller reads every member and checks ok() once. Nothing is ever defaulted silently.
class JsonReader
{
public:
    explicit JsonReader(const QJsonObject &obj, QString path = {});

    QString requireString(const char *key);
    std::optional<QString> optionalString(const char *key); // absent or null → nullopt
    double requireNumber(const char *key);
    std::optional<double> optionalNumber(const char *key);
    qint64 requireInteger(const char *key);
    std::optional<qint64> optionalInteger(const char *key);
    bool requireBool(const char *key);
    std::optional<bool> optionalBool(const char *key);
    QJsonObject requireObject(const char *key);
    std::optional<QJsonObject> optionalObject(const char *key);
    QJsonArray requireArray(const char *key);
    std::optional<QJsonArray> optionalArray(const char *key);
    QStringList requireStringList(const char *key);
    std::optional<QStringList> optionalStringList(const char *key);

    /// A reader for a nested object, sharing this reader's error slot.
    QString pathOf(const char *key) const;
    QString pathOf(const QString &key) const;
    const QJsonObject &object() const { return m_obj; }

    bool ok() const { return m_error.isNull(); }
    const Error &error() const { return m_error; }
    /// Records an error unless one is recorded already (the first one wins).
    void fail(const QString &field, const QString &message);
    /// Copies a nested reader's error into this one.
    void absorb(const JsonReader &nested);

private:
    bool present(const char *key) const;
    void wrongType(const char *key, const char *expected);

    QJsonObject m_obj;
    QString m_path;
    Error m_error;
};

} // namespace outpost
