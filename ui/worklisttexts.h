// SPDX-License-Identifier: MIT
#pragma once

#include "worklistroles.h"

#include <QDateTime>
#include <QString>

namespace outpost {
struct CaseType;
}

namespace outpost::ui {

/// The worklist's values in people's words, the same for every worklist model (the store's, the
/// tablet's cards, the test samples). Safe to call on a worker thread.
///
/// The language the case types' own labels are read in (the app's locale, "de"; empty: defaults).
QString caseTypeLanguage();
/// A status in people's words, the case type's label when it has one, else humanised:
/// "InProgress" → "In progress", "Resolved-Completed" → "Resolved – Completed". `type` may be null.
QString statusWords(const CaseType *type, const QString &status);
/// A priority choice value in people's words: the case type's choice label, else "high" → "High";
/// empty for none. `type` may be null.
QString priorityWords(const CaseType *type, const QString &priority);
/// Ordering rank of a priority: high 3, normal 2, low 1, anything else 0.
int priorityRank(const QString &priority);
/// Who works on a case: the assignee, or "<queue> pool" while it waits in a queue's pool.
QString assignedWords(const QString &assignee, const QString &queue);

/// Where `due` stands at `now` (see DueState).
DueState dueStateOf(const QDateTime &due, const QDateTime &now);
/// The due date relative to `now`: "Overdue since 3 Dec", "Overdue since 09:00", "Today 17:00",
/// "Tomorrow 17:00", or the date ("Tue 8 Dec"); empty without one.
QString dueWords(const QDateTime &due, const QDateTime &now);

} // namespace outpost::ui
