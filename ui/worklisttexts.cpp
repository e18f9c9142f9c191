// SPDX-License-Identifier: MIT
#include "worklisttexts.h"

#include "protocol/casetype.h"
#include "rules/caselabels.h"

#include <QCoreApplication>
#include <QLocale>

namespace outpost::ui {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::ui::WorklistTexts)
};

/// "high" → "High"
QString capitalised(const QString &word)
{
    return word.isEmpty() ? word : word.left(1).toUpper() + word.mid(1);
}
} // namespace

QString caseTypeLanguage()
{
    const QString name = QLocale().name();
    return name == QLatin1String("C") ? QString() : name.section(QLatin1Char('_'), 0, 0);
}

QString statusWords(const CaseType *type, const QString &status)
{
    return statusLabel(type, status, caseTypeLanguage());
}

QString priorityWords(const CaseType *type, const QString &priority)
{
    if (type) {
        const QString label = type->choiceLabel(QStringLiteral("priority"), priority, caseTypeLanguage());
        if (label != priority)
            return label;
    }
    if (priority == QLatin1String("high"))
        return Tr::tr("High", "priority");
    if (priority == QLatin1String("normal"))
        return Tr::tr("Normal", "priority");
    if (priority == QLatin1String("low"))
        return Tr::tr("Low", "priority");
    return capitalised(priority);
}

int priorityRank(const QString &priority)
{
    if (priority == QLatin1String("high"))
        return 3;
    if (priority == QLatin1String("normal"))
        return 2;
    if (priority == QLatin1String("low"))
        return 1;
    return 0;
}

QString assignedWords(const QString &assignee, const QString &queue)
{
    if (!assignee.isEmpty())
        return assignee;
    return queue.isEmpty() ? QString() : Tr::tr("%1 pool", "a queue's unassigned cases").arg(queue);
}

DueState dueStateOf(const QDateTime &due, const QDateTime &now)
{
    if (!due.isValid())
        return DueState::None;
    if (due < now)
        return DueState::Overdue;
    if (due.toLocalTime().date() == now.toLocalTime().date())
        return DueState::Today;
    return DueState::Later;
}

QString dueWords(const QDateTime &due, const QDateTime &now)
{
    if (!due.isValid())
        return {};
    const QLocale locale;
    const QDateTime local = due.toLocalTime();
    const QDate today = now.toLocalTime().date();
    const QString time = locale.toString(local.time(), Tr::tr("HH:mm", "time of day"));
    switch (dueStateOf(due, now)) {
    case DueState::Overdue:
        return local.date() == today
            ? Tr::tr("Overdue since %1").arg(time)
            : Tr::tr("Overdue since %1").arg(locale.toString(local.date(), Tr::tr("d MMM", "day and month")));
    case DueState::Today:
        return Tr::tr("Today %1").arg(time);
    default:
        if (local.date() == today.addDays(1))
            return Tr::tr("Tomorrow %1").arg(time);
        return locale.toString(local.date(), Tr::tr("ddd d MMM", "weekday, day and month"));
    }
}

} // namespace outpost::ui
