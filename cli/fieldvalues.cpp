// SPDX-License-Identifier: MIT
#include "fieldvalues.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonValue>

#include <cmath>

namespace outpost::cli {

namespace {
QString tr(const char *s)
{
    return QCoreApplication::translate("outpost::cli", s);
}

std::optional<QJsonValue> convert(const FieldDef &f, const QString &text, QString *why)
{
    if (text.isEmpty())
        return QJsonValue(QJsonValue::Null);
    switch (f.type) {
    case FieldType::Number: {
        bool ok = false;
        const double d = text.toDouble(&ok);
        if (!ok || !std::isfinite(d)) {
            *why = tr("\"%1\" is not a number").arg(text);
            return std::nullopt;
        }
        return QJsonValue(d);
    }
    case FieldType::Bool: {
        const QString t = text.toLower();
        if (t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("1")
            || t == QLatin1String("on"))
            return QJsonValue(true);
        if (t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("0")
            || t == QLatin1String("off"))
            return QJsonValue(false);
        *why = tr("\"%1\" is not a yes/no value (true, false, yes, no, 1, 0)").arg(text);
        return std::nullopt;
    }
    case FieldType::Date: {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (!d.isValid()) {
            *why = tr("\"%1\" is not a date (YYYY-MM-DD)").arg(text);
            return std::nullopt;
        }
        return QJsonValue(d.toString(Qt::ISODate));
    }
    case FieldType::DateTime: {
        QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!dt.isValid())
            dt = QDateTime::fromString(text, Qt::ISODate);
        if (!dt.isValid()) {
            *why = tr("\"%1\" is not a date and time (RFC 3339, e.g. 2026-11-30T08:00:00Z)").arg(text);
            return std::nullopt;
        }
        return QJsonValue(dt.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")));
    }
    case FieldType::Text:
    case FieldType::Choice:
    case FieldType::Lookup:
    case FieldType::Signature: // the sha256 of an attachment of the case
        return QJsonValue(text);
    }
    return QJsonValue(text);
}
} // namespace

Result<QJsonObject> parseFieldValues(const CaseType &type, const QStringList &assignments)
{
    QJsonObject out;
    QMap<QString, QString> problems;
    for (const QString &a : assignments) {
        const qsizetype eq = a.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            problems.insert(a, tr("expected FIELD=VALUE"));
            continue;
        }
        const QString name = a.left(eq);
        const QString value = a.mid(eq + 1);
        const FieldDef *f = type.field(name);
        if (!f) {
            QStringList known;
            for (const FieldDef &d : type.fields)
                known << d.name;
            problems.insert(name,
                tr("no such field in %1 (fields: %2)").arg(type.name, known.join(QStringLiteral(", "))));
            continue;
        }
        QString why;
        const auto v = convert(*f, value, &why);
        if (!v) {
            problems.insert(name, why);
            continue;
        }
        out.insert(name, *v);
    }
    if (!problems.isEmpty())
        return Error(QStringLiteral("validation_failed"), tr("Some values cannot be used."), problems);
    return out;
}

} // namespace outpost::cli
