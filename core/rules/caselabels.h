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

/// A status in people's words when no case type is at hand: its humanised name.
inline QString statusLabel(const CaseType *type, const QString &status, const QString &lang)
{
    return type ? type->statusLabel(status, lang) : humanizeStatus(status);
}

} // namespace outpost
