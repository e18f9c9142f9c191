// SPDX-License-Identifier: MIT
#include "rules/fieldvalue.h"

#include "rules/caselabels.h"
#include "rules/rulesengine.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace outpost {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::ValueFormat)
};
bool keepsIso(const QLocale &locale)
{
    return locale.language() == QLocale::English || locale.language() == QLocale::C;
}
} // namespace

QString formatNumber(double d, const QLocale &locale)
{
    QLocale l = locale;
    l.setNumberOptions(QLocale::OmitGroupSeparator);
    return l.toString(d, 'g', 15);
}

std::optional<double> parseNumber(const QString &text, const QLocale &locale)
{
    QString t = text.trimmed();
    const QString decimal = locale.decimalPoint();
    if (decimal != QLatin1String("."))
        t.replace(decimal, QStringLiteral("."));
    t.replace(QLatin1Char(','), QLatin1Char('.'));
    t.replace(QChar(0x2212), QLatin1Char('-')); // a typographic minus
    bool ok = false;
    const double d = QLocale::c().toDouble(t, &ok);
    if (!ok)
        return std::nullopt;
    return d;
}

QString dateFormat(const QLocale &locale)
{
    if (keepsIso(locale))
        return QStringLiteral("yyyy-MM-dd");
    QString f = locale.dateFormat(QLocale::ShortFormat);
    if (!f.contains(QLatin1String("yyyy")))
        f.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return f;
}

QString dateTimeFormat(const QLocale &locale)
{
    if (keepsIso(locale))
        return QStringLiteral("yyyy-MM-dd HH:mm");
    return dateFormat(locale) + QLatin1Char(' ') + locale.timeFormat(QLocale::ShortFormat);
}

QString formatFieldValue(const FieldDef *field, const QJsonValue &value, const LookupLabel &lookupLabel)
{
    if (!RulesEngine::hasValue(value))
        return QStringLiteral("—");
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? Tr::tr("Yes") : Tr::tr("No");
    case QJsonValue::Double:
        return formatNumber(value.toDouble());
    case QJsonValue::String: {
        const QString s = value.toString();
        if (field && field->type == FieldType::Choice)
            return choiceLabel(*field, s, userLanguage());
        if (field && field->type == FieldType::Date && !keepsIso(QLocale())) {
            const QDate d = QDate::fromString(s, Qt::ISODate);
            return d.isValid() ? QLocale().toString(d, dateFormat()) : s;
        }
        if (field && field->type == FieldType::DateTime) {
            const QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
            if (dt.isValid())
                //: A date and time as stored (in UTC), e.g. "30.11.2026 08:00 UTC".
                return Tr::tr("%1 UTC").arg(QLocale().toString(dt.toUTC(), dateTimeFormat()));
            return s;
        }
        if (field && field->type == FieldType::Signature)
            //: A signature field that holds a signature (its picture is an attachment of the case).
            return Tr::tr("Signed");
        if (field && field->type == FieldType::Lookup && lookupLabel) {
            const QString label = lookupLabel(field->dataPage, s);
            if (!label.isEmpty())
                //: A lookup value: the data-page key, then its label in parentheses.
                return Tr::tr("%1 (%2)").arg(s, label);
        }
        return s;
    }
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("—");
}

bool sameFieldValue(const QJsonValue &a, const QJsonValue &b)
{
    const bool ha = RulesEngine::hasValue(a);
    const bool hb = RulesEngine::hasValue(b);
    if (!ha || !hb)
        return ha == hb;
    return a == b;
}

} // namespace outpost
