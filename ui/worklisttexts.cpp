// SPDX-License-Identifier: MIT
#include "worklisttexts.h"

#include "protocol/casetype.h"

#include <QCoreApplication>
#include <QLocale>

namespace outpost::ui {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::ui::WorklistTexts)
};

/// "InProgress" → "In progress", "waiting_for_parts" → "Waiting for parts"; runs of capitals stay
/// ("NeedsQA" → "Needs QA").
QString humanize(QStringView name)
{
    QString out;
    out.reserve(name.size() + 4);
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (c == QLatin1Char('_')) {
            out += QLatin1Char(' ');
            continue;
        }
        const bool wordStart = i > 0 && c.isUpper()
            && (name.at(i - 1).isLower()
                || (name.at(i - 1).isUpper() && i + 1 < name.size() && name.at(i + 1).isLower()));
        if (wordStart && !out.endsWith(QLatin1Char(' ')))
            out += QLatin1Char(' ');
        const bool runOfCapitals = c.isUpper()
            && ((i + 1 < name.size() && name.at(i + 1).isUpper()) || (i > 0 && name.at(i - 1).isUpper()));
        out += out.isEmpty() || runOfCapitals ? c : c.toLower();
    }
    if (!out.isEmpty())
        out[0] = out.at(0).toUpper();
    return out;
}
} // namespace

QString statusWords(const CaseType *type, const QString &status)
{
    Q_UNUSED(type) // until the case types carry their own status labels (core/rules)
    const qsizetype dash = status.indexOf(QLatin1Char('-'));
    if (dash > 0 && dash + 1 < status.size())
        return Tr::tr("%1 – %2", "status group – status")
            .arg(humanize(QStringView(status).left(dash)), humanize(QStringView(status).mid(dash + 1)));
    return humanize(status);
}

QString priorityWords(const QString &priority)
{
    if (priority == QLatin1String("high"))
        return Tr::tr("High", "priority");
    if (priority == QLatin1String("normal"))
        return Tr::tr("Normal", "priority");
    if (priority == QLatin1String("low"))
        return Tr::tr("Low", "priority");
    return humanize(priority);
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
