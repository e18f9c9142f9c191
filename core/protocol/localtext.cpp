// SPDX-License-Identifier: MIT
#include "protocol/localtext.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace outpost {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::CaseType)
};

bool isLanguageCode(const QString &code)
{
    static const QRegularExpression re(QStringLiteral("^[a-z]{2,3}([_-][A-Za-z0-9]{2,8})?$"));
    return re.match(code).hasMatch();
}

Translations readTranslationsObject(JsonReader &r, const QJsonObject &obj, const QString &path)
{
    Translations out;
    for (auto it = obj.begin(); it != obj.end() && r.ok(); ++it) {
        const QString where = path + QLatin1Char('.') + it.key();
        if (!isLanguageCode(it.key()))
            r.fail(where, Tr::tr("'%1' is not a language code such as \"de\" or \"pt_BR\".").arg(where));
        else if (!it.value().isString() || it.value().toString().trimmed().isEmpty())
            r.fail(where, Tr::tr("Field '%1' must be a text that is not empty.").arg(where));
        else
            out.insert(it.key(), it.value().toString());
    }
    return out;
}
} // namespace

QJsonObject LocalText::toJson() const
{
    QJsonObject o;
    if (!label.isEmpty())
        o.insert(QStringLiteral("label"), label);
    if (!labels.isEmpty())
        o.insert(QStringLiteral("labels"), translationsToJson(labels));
    return o;
}

QString pickTranslation(const Translations &translations, const QString &lang)
{
    if (translations.isEmpty() || lang.isEmpty())
        return {};
    if (auto it = translations.constFind(lang); it != translations.constEnd())
        return *it;
    const QString base = lang.section(QRegularExpression(QStringLiteral("[_-]")), 0, 0);
    return translations.value(base);
}

QString translated(const QString &fallback, const Translations &translations, const QString &lang)
{
    const QString t = pickTranslation(translations, lang);
    return t.isEmpty() ? fallback : t;
}

Translations readTranslations(JsonReader &r, const char *key)
{
    if (!r.object().contains(QLatin1String(key)) || r.object().value(QLatin1String(key)).isNull())
        return {};
    const auto obj = r.optionalObject(key);
    if (!obj || !r.ok())
        return {};
    return readTranslationsObject(r, *obj, r.pathOf(key));
}

QHash<QString, LocalText> readLocalTexts(
    JsonReader &r, const char *key, const QStringList &known, const QString &unknownMessage)
{
    QHash<QString, LocalText> out;
    const auto obj = r.optionalObject(key);
    if (!obj || !r.ok())
        return out;
    for (auto it = obj->begin(); it != obj->end() && r.ok(); ++it) {
        const QString where = r.pathOf(key) + QLatin1Char('.') + it.key();
        if (!known.contains(it.key())) {
            r.fail(where, unknownMessage.arg(where));
            break;
        }
        if (!it.value().isObject()) {
            r.fail(where,
                Tr::tr(
                    "Field '%1' must be an object such as {\"label\": \"…\", \"labels\": {\"de\": \"…\"}}.")
                    .arg(where));
            break;
        }
        JsonReader tr(it.value().toObject(), where);
        LocalText text;
        text.label = tr.optionalString("label").value_or(QString());
        text.labels = readTranslations(tr, "labels");
        r.absorb(tr);
        out.insert(it.key(), text);
    }
    return out;
}

QJsonObject translationsToJson(const Translations &translations)
{
    QJsonObject o;
    for (auto it = translations.cbegin(); it != translations.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QJsonObject localTextsToJson(const QHash<QString, LocalText> &texts)
{
    QJsonObject o;
    for (auto it = texts.cbegin(); it != texts.cend(); ++it)
        o.insert(it.key(), it.value().toJson());
    return o;
}

} // namespace outpost
