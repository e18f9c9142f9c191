// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/jsonreader.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace outpost {

/// A case type's text in other languages: language code ("de", "fr", "pt_BR") → text
/// (protocol extension "labels", "titles", "helps").
using Translations = QHash<QString, QString>;

/// A text with an optional default and its translations: the value of one entry of a case type's
/// "statusLabels" or of a field's "choiceLabels" (`{"label": "In progress", "labels": {"de": …}}`).
struct LocalText {
    QString label; // empty: the caller's fallback (a humanised status, the choice value)
    Translations labels;
    QJsonObject toJson() const;
};

/// The text for `lang` from `translations` ("de_CH" falls back to "de"); empty when there is none.
QString pickTranslation(const Translations &translations, const QString &lang);

/// `translations[lang]`, else `fallback`.
QString translated(const QString &fallback, const Translations &translations, const QString &lang);

/// Reads optional member `key` of `r` as translations: an object of language codes to non-empty
/// strings. A bad shape is recorded in `r` with a message naming its path.
Translations readTranslations(JsonReader &r, const char *key);

/// Reads optional member `key` of `r` as an object of names → LocalText; every name must be one of
/// `known`, else `unknownMessage` (translated; %1: the member's path) is recorded.
QHash<QString, LocalText> readLocalTexts(
    JsonReader &r, const char *key, const QStringList &known, const QString &unknownMessage);

QJsonObject translationsToJson(const Translations &translations);
QJsonObject localTextsToJson(const QHash<QString, LocalText> &texts);

} // namespace outpost
