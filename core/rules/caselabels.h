// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/casetype.h"

#include <QString>

namespace outpost {

// How a case type's names read for people. The per-language lookups are CaseType's members
// (titleText, fieldLabel, fieldHelp, choiceLabel, statusLabel, actionLabel), defined in
// caselabels.cpp; every screen, the event log and the CLI use them.

/// A status name as words: "InProgress" → "In progress", "Resolved-Completed" →
/// "Resolved – Completed", "waiting_for_parts" → "Waiting for parts"; runs of capitals stay ("NeedsQA"
/// → "Needs QA").
QString humanizeStatus(const QString &status);

/// The language case-type texts are shown in: the app's UI language, which installTranslations
/// makes QLocale's default ("de_DE"; the CLI: the system's). Lookups take "de_DE" as "de".
QString userLanguage();

/// `value` of choice field `field` in `lang`, else its default label, else the value itself.
QString choiceLabel(const FieldDef &field, const QString &value, const QString &lang);

/// A copy of `type` whose title, field labels, help texts and flow-action labels are those of
/// `lang` (where it has them), so widgets that show `label`/`title`/`help` show the user's words.
/// Names, statuses and choice values stay as they are (they are what is stored and sent).
CaseType localizedCaseType(const CaseType &type, const QString &lang);

/// A status in people's words when no case type is at hand: its humanised name.
inline QString statusLabel(const CaseType *type, const QString &status, const QString &lang)
{
    return type ? type->statusLabel(status, lang) : humanizeStatus(status);
}

} // namespace outpost
