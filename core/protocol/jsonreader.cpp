// SPDX-License-Identifier: MIT
#include "protocol/jsonreader.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace outpost {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::JsonReader)
};
} // namespace

Result<QJsonObject> parseJsonObject(const QByteArray &bytes)
{
    if (bytes.trimmed().isEmpty())
        return Error(QStringLiteral("bad_request"), Tr::tr("The request body is empty; a JSON object is expected."));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError)
        return Error(QStringLiteral("bad_request"),
                     Tr::tr("Malformed JSON at offset %1: %2").arg(err.offset).arg(err.errorString()));
    if (!doc.isObject())
        return Error(QStringLiteral("bad_request"), Tr::tr("A JSON object is expected."));
    return doc.object();
}

JsonReader::JsonReader(const QJsonObject &obj, QString path) : m_obj(obj), m_path(std::move(path)) {}

QString JsonReader::pathOf(const char *key) const { return pathOf(QString::fromUtf8(key)); }

QString JsonReader::pathOf(const QString &key) const
{
    if (m_path.isEmpty())
        return key;
    if (key.startsWith(QLatin1Char('[')))
        return m_path + key;
    return m_path + QLatin1Char('.') + key;
}

void JsonReader::fail(const QString &field, const QString &message)
{
    if (!m_error.isNull())
        return;
    m_error = Error(QStringLiteral("bad_request"), message, {{field, message}});
}

void JsonReader::absorb(const JsonReader &nested)
{
    if (m_error.isNull() && !nested.ok())
        m_error = nested.error();
}

bool JsonReader::present(const char *key) const
{
    const auto it = m_obj.constFind(QLatin1String(key));
    return it != m_obj.constEnd() && !it->isNull() && !it->isUndefined();
}

void JsonReader::wrongType(const char *key, const char *expected)
{
    const QString field = pathOf(key);
    if (!m_obj.contains(QLatin1String(key)) || m_obj.value(QLatin1String(key)).isNull())
        fail(field, Tr::tr("Field '%1' is required.").arg(field));
    else
        fail(field, Tr::tr("Field '%1' must be %2.").arg(field, Tr::tr(expected)));
}

QString JsonReader::requireString(const char *key)
{
    const QJsonValue v = m_obj.value(QLatin1String(key));
    if (!v.isString()) {
        wrongType(key, QT_TR_NOOP("a string"));
        return {};
    }
    return v.toString();
}

std::optional<QString> JsonReader::optionalString(const char *key)
{
    if (!present(key))
        return std::nullopt;
    return requireString(key);
}

double JsonReader::requireNumber(const char *key)
{
    const QJsonValue v = m_obj.value(QLatin1String(key));
    if (!v.isDouble() || !std::isfinite(v.toDouble())) {
        wrongType(key, QT_TR_NOOP("a number"));
        return 0;
    }
    return v.toDouble();
}

std::optional<double> JsonReader::optionalNumber(const char *key)
{
    if (!present(key))
        return std::nullopt;
    return requireNumber(key);
}

qint64 JsonReader::requireInteger(const char *key)
{
    const QJsonValue v = m_obj.value(QLatin1String(key));
    const double d = v.toDouble();
    if (!v.isDouble() || !std::isfinite(d) || std::floor(d) != d || std::fabs(d) > 9007199254740992.0) {
        wrongType(key, QT_TR_NOOP("an integer"));
        return 0;
    }
    return static_cast<qint64>(d);
}

std::optional<qint64> JsonReader::optionalInteger(const char *key)
{
    if (!present(key))
        return std::nullopt;
    return requireInteger(key);
}

bool JsonReader::requireBool(const char *key)
{
    const QJsonValue v = m_obj.value(QLatin1String(key));
    if (!v.isBool()) {
        wrongType(key, QT_TR_NOOP("true or false"));
        return false;
    }
    return v.toBool();
}

std::optional<bool> JsonReader::optionalBool(const char *key)
{
    if (!present(key))
        return std::nullopt;
    return requireBool(key);
}

QJsonObject JsonReader::requireObject(const char *key)
{
    const QJsonValue v = m_obj.value(QLatin1String(key));
    if (!v.isObject()) {
        wrongType(key, QT_TR_NOOP("an object"));
        return {};
    }
    return v.toObject();
}

std::optional<QJsonObject> JsonReader::optionalObject(const char *key)
{
    if (!present(key))
        return std::nullopt;
    return requireObject(key);
}

QJsonArray JsonReader::requireArray(const char *key)
{
    const QJsonValue v = m_obj.value(QLatin1String(key));
    if (!v.isArray()) {
        wrongType(key, QT_TR_NOOP("an array"));
        return {};
    }
    return v.toArray();
}

std::optional<QJsonArray> JsonReader::optionalArray(const char *key)
{
    if (!present(key))
        return std::nullopt;
    return requireArray(key);
}

QStringList JsonReader::requireStringList(const char *key)
{
    const QJsonArray arr = requireArray(key);
    QStringList out;
    out.reserve(arr.size());
    for (qsizetype i = 0; i < arr.size(); ++i) {
        if (!arr.at(i).isString()) {
            const QString field = pathOf(key) + QStringLiteral("[%1]").arg(i);
            fail(field, Tr::tr("Field '%1' must be a string.").arg(field));
            return {};
        }
        out << arr.at(i).toString();
    }
    return out;
}

std::optional<QStringList> JsonReader::optionalStringList(const char *key)
{
    if (!present(key))
        return std::nullopt;
    return requireStringList(key);
}

} // namespace outpost
