// SPDX-License-Identifier: MIT
#include "protocol/casetype.h"

#include "protocol/jsonreader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace outpost {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::CaseType)
};

const QList<std::pair<FieldType, QLatin1String>> kFieldTypes = {
    { FieldType::Text, QLatin1String("text") },
    { FieldType::Number, QLatin1String("number") },
    { FieldType::Date, QLatin1String("date") },
    { FieldType::DateTime, QLatin1String("datetime") },
    { FieldType::Bool, QLatin1String("bool") },
    { FieldType::Choice, QLatin1String("choice") },
    { FieldType::Lookup, QLatin1String("lookup") },
    { FieldType::Signature, QLatin1String("signature") },
};
const QList<std::pair<ConflictRule, QLatin1String>> kRules = {
    { ConflictRule::Merge, QLatin1String("merge") },
    { ConflictRule::ServerWins, QLatin1String("serverWins") },
    { ConflictRule::ClientWins, QLatin1String("clientWins") },
};
} // namespace

QString fieldTypeName(FieldType t)
{
    for (const auto &[type, name] : kFieldTypes)
        if (type == t)
            return name;
    return {};
}

std::optional<FieldType> fieldTypeFromName(const QString &n)
{
    for (const auto &[type, name] : kFieldTypes)
        if (n == name)
            return type;
    return std::nullopt;
}

QString conflictRuleName(ConflictRule r)
{
    for (const auto &[rule, name] : kRules)
        if (rule == r)
            return name;
    return {};
}

std::optional<ConflictRule> conflictRuleFromName(const QString &n)
{
    for (const auto &[rule, name] : kRules)
        if (n == name)
            return rule;
    return std::nullopt;
}

bool isResolvedStatus(const QString &status)
{
    return status.startsWith(QLatin1String("Resolved-"));
}

QJsonObject FieldDef::toJson() const
{
    QJsonObject o { { QStringLiteral("name"), name }, { QStringLiteral("label"), label },
        { QStringLiteral("type"), fieldTypeName(type) } };
    if (required)
        o.insert(QStringLiteral("required"), true);
    if (min)
        o.insert(QStringLiteral("min"), *min);
    if (max)
        o.insert(QStringLiteral("max"), *max);
    if (maxLength)
        o.insert(QStringLiteral("maxLength"), *maxLength);
    if (!pattern.isEmpty())
        o.insert(QStringLiteral("pattern"), pattern);
    if (!choices.isEmpty())
        o.insert(QStringLiteral("choices"), QJsonArray::fromStringList(choices));
    if (!dataPage.isEmpty())
        o.insert(QStringLiteral("dataPage"), dataPage);
    if (!help.isEmpty())
        o.insert(QStringLiteral("help"), help);
    if (!labels.isEmpty())
        o.insert(QStringLiteral("labels"), translationsToJson(labels));
    if (!helps.isEmpty())
        o.insert(QStringLiteral("helps"), translationsToJson(helps));
    if (!choiceLabels.isEmpty())
        o.insert(QStringLiteral("choiceLabels"), localTextsToJson(choiceLabels));
    return o;
}

QJsonObject FlowAction::toJson() const
{
    QJsonObject o { { QStringLiteral("name"), name }, { QStringLiteral("label"), label },
        { QStringLiteral("from"), QJsonArray::fromStringList(from) }, { QStringLiteral("to"), to } };
    if (!requiredFields.isEmpty())
        o.insert(QStringLiteral("requires"), QJsonArray::fromStringList(requiredFields));
    if (!labels.isEmpty())
        o.insert(QStringLiteral("labels"), translationsToJson(labels));
    return o;
}

QJsonObject ConflictPolicy::toJson() const
{
    QJsonObject f;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        f.insert(it.key(), conflictRuleName(it.value()));
    return { { QStringLiteral("default"), conflictRuleName(defaultRule) }, { QStringLiteral("fields"), f } };
}

const FieldDef *CaseType::field(const QString &n) const
{
    for (const FieldDef &f : fields)
        if (f.name == n)
            return &f;
    return nullptr;
}

const FlowAction *CaseType::flowAction(const QString &n) const
{
    for (const FlowAction &a : flowActions)
        if (a.name == n)
            return &a;
    return nullptr;
}

bool CaseType::hasSignatureField() const
{
    return std::any_of(
        fields.cbegin(), fields.cend(), [](const FieldDef &f) { return f.type == FieldType::Signature; });
}

QJsonObject CaseType::toJson() const
{
    QJsonArray f, a;
    for (const FieldDef &d : fields)
        f.append(d.toJson());
    for (const FlowAction &x : flowActions)
        a.append(x.toJson());
    QJsonObject o { { QStringLiteral("name"), name }, { QStringLiteral("version"), version },
        { QStringLiteral("title"), title },
        { QStringLiteral("statuses"), QJsonArray::fromStringList(statuses) }, { QStringLiteral("fields"), f },
        { QStringLiteral("flowActions"), a }, { QStringLiteral("conflictPolicy"), conflictPolicy.toJson() } };
    if (!titles.isEmpty())
        o.insert(QStringLiteral("titles"), translationsToJson(titles));
    if (!statusLabels.isEmpty())
        o.insert(QStringLiteral("statusLabels"), localTextsToJson(statusLabels));
    return o;
}

Result<CaseType> CaseType::fromJson(const QJsonObject &obj, const QString &path)
{
    JsonReader r(obj, path);
    CaseType ct;
    ct.name = r.requireString("name");
    ct.version = int(r.requireInteger("version"));
    ct.title = r.optionalString("title").value_or(ct.name);
    ct.statuses = r.requireStringList("statuses");
    if (r.ok() && ct.name.isEmpty())
        r.fail(r.pathOf("name"), Tr::tr("Field '%1' must not be empty.").arg(r.pathOf("name")));
    if (r.ok() && ct.statuses.isEmpty())
        r.fail(r.pathOf("statuses"), Tr::tr("A case type needs at least one status."));
    ct.titles = readTranslations(r, "titles");
    ct.statusLabels
        = readLocalTexts(r, "statusLabels", ct.statuses, Tr::tr("'%1' names no status of this case type."));

    const QJsonArray fields = r.requireArray("fields");
    QSet<QString> names;
    for (qsizetype i = 0; i < fields.size() && r.ok(); ++i) {
        const QString fpath = r.pathOf("fields") + QStringLiteral("[%1]").arg(i);
        if (!fields.at(i).isObject()) {
            r.fail(fpath, Tr::tr("Field '%1' must be an object.").arg(fpath));
            break;
        }
        JsonReader fr(fields.at(i).toObject(), fpath);
        FieldDef d;
        d.name = fr.requireString("name");
        d.label = fr.optionalString("label").value_or(d.name);
        const QString type = fr.requireString("type");
        d.required = fr.optionalBool("required").value_or(false);
        d.min = fr.optionalNumber("min");
        d.max = fr.optionalNumber("max");
        if (auto ml = fr.optionalInteger("maxLength"))
            d.maxLength = int(*ml);
        d.pattern = fr.optionalString("pattern").value_or(QString());
        d.choices = fr.optionalStringList("choices").value_or(QStringList());
        d.dataPage = fr.optionalString("dataPage").value_or(QString());
        d.help = fr.optionalString("help").value_or(QString());
        d.labels = readTranslations(fr, "labels");
        d.helps = readTranslations(fr, "helps");
        if (fr.ok() && fr.object().contains(QLatin1String("choiceLabels"))
            && !fr.object().value(QLatin1String("choiceLabels")).isNull()) {
            if (d.choices.isEmpty())
                fr.fail(fr.pathOf("choiceLabels"),
                    Tr::tr("'%1' gives choice labels, but field '%2' has no choices.")
                        .arg(fr.pathOf("choiceLabels"), d.name));
            else
                d.choiceLabels = readLocalTexts(fr, "choiceLabels", d.choices,
                    Tr::tr("'%1' names no choice of field '%2'.").arg(QStringLiteral("%1"), d.name));
        }
        if (fr.ok()) {
            if (auto t = fieldTypeFromName(type))
                d.type = *t;
            else
                fr.fail(fr.pathOf("type"),
                    Tr::tr("Field '%1' has an unknown type '%2'.").arg(fr.pathOf("type"), type));
        }
        if (fr.ok() && (d.name.isEmpty() || names.contains(d.name)))
            fr.fail(
                fr.pathOf("name"), Tr::tr("Field names must be unique and not empty ('%1').").arg(d.name));
        if (fr.ok() && d.type == FieldType::Choice && d.choices.isEmpty())
            fr.fail(fr.pathOf("choices"), Tr::tr("A choice field needs choices."));
        if (fr.ok() && d.type == FieldType::Lookup && d.dataPage.isEmpty())
            fr.fail(fr.pathOf("dataPage"), Tr::tr("A lookup field needs a data page."));
        if (fr.ok() && !d.pattern.isEmpty() && !QRegularExpression(d.pattern).isValid())
            fr.fail(fr.pathOf("pattern"),
                Tr::tr("The pattern of field '%1' is not a valid regular expression.").arg(d.name));
        r.absorb(fr);
        names.insert(d.name);
        ct.fields.append(d);
    }

    const QJsonArray actions = r.optionalArray("flowActions").value_or(QJsonArray());
    for (qsizetype i = 0; i < actions.size() && r.ok(); ++i) {
        const QString apath = r.pathOf("flowActions") + QStringLiteral("[%1]").arg(i);
        if (!actions.at(i).isObject()) {
            r.fail(apath, Tr::tr("Field '%1' must be an object.").arg(apath));
            break;
        }
        JsonReader ar(actions.at(i).toObject(), apath);
        FlowAction a;
        a.name = ar.requireString("name");
        a.label = ar.optionalString("label").value_or(a.name);
        a.from = ar.optionalStringList("from").value_or(QStringList());
        a.to = ar.requireString("to");
        a.requiredFields = ar.optionalStringList("requires").value_or(QStringList());
        a.labels = readTranslations(ar, "labels");
        if (ar.ok() && !ct.statuses.contains(a.to))
            ar.fail(
                ar.pathOf("to"), Tr::tr("Flow action '%1' leads to unknown status '%2'.").arg(a.name, a.to));
        for (const QString &s : std::as_const(a.from))
            if (ar.ok() && !ct.statuses.contains(s))
                ar.fail(ar.pathOf("from"),
                    Tr::tr("Flow action '%1' starts from unknown status '%2'.").arg(a.name, s));
        for (const QString &f : std::as_const(a.requiredFields))
            if (ar.ok() && !names.contains(f))
                ar.fail(ar.pathOf("requires"),
                    Tr::tr("Flow action '%1' requires unknown field '%2'.").arg(a.name, f));
        r.absorb(ar);
        ct.flowActions.append(a);
    }

    if (auto policy = r.optionalObject("conflictPolicy"); policy && r.ok()) {
        JsonReader pr(*policy, r.pathOf("conflictPolicy"));
        const QString def = pr.optionalString("default").value_or(QStringLiteral("merge"));
        if (auto rule = conflictRuleFromName(def))
            ct.conflictPolicy.defaultRule = *rule;
        else
            pr.fail(pr.pathOf("default"), Tr::tr("Unknown conflict policy '%1'.").arg(def));
        const QJsonObject perField = pr.optionalObject("fields").value_or(QJsonObject());
        for (auto it = perField.begin(); it != perField.end() && pr.ok(); ++it) {
            const auto rule = conflictRuleFromName(it.value().toString());
            if (!rule)
                pr.fail(pr.pathOf("fields") + QLatin1Char('.') + it.key(),
                    Tr::tr("Unknown conflict policy '%1'.").arg(it.value().toString()));
            else
                ct.conflictPolicy.fields.insert(it.key(), *rule);
        }
        r.absorb(pr);
    }
    if (!r.ok())
        return r.error();
    return ct;
}

} // namespace outpost
