// SPDX-License-Identifier: MIT
#include "valuetext.h"

#include "lookupsource.h"
#include "rules/rulesengine.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace outpost::ui {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::ui::ValueText)
};
} // namespace

QString valueText(const FieldDef *field, const QJsonValue &value, const LookupSource *lookup)
{
    if (!RulesEngine::hasValue(value))
        return QStringLiteral("—");
    if (value.isBool())
        return value.toBool() ? Tr::tr("Yes") : Tr::tr("No");
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    if (value.isString()) {
        const QString s = value.toString();
        if (field && field->type == FieldType::Lookup && lookup) {
            const QString label = lookup->label(field->dataPage, s);
            if (!label.isEmpty())
                return Tr::tr("%1 (%2)").arg(s, label);
        }
        return s;
    }
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

bool sameFieldValue(const QJsonValue &a, const QJsonValue &b)
{
    const bool ha = RulesEngine::hasValue(a);
    const bool hb = RulesEngine::hasValue(b);
    if (!ha || !hb)
        return ha == hb;
    return a == b;
}

} // namespace outpost::ui
