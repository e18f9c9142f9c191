// SPDX-License-Identifier: MIT
#include "rules/fieldvalue.h"

#include "rules/rulesengine.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace outpost {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::ValueFormat)
};
} // namespace

QString formatFieldValue(const FieldDef *field, const QJsonValue &value, const LookupLabel &lookupLabel)
{
    if (!RulesEngine::hasValue(value))
        return QStringLiteral("—");
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? Tr::tr("Yes") : Tr::tr("No");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 15);
    case QJsonValue::String: {
        const QString s = value.toString();
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
