// SPDX-License-Identifier: MIT
#include "historymodel.h"

#include "lookupsource.h"
#include "rules/caselabels.h"
#include "rules/fieldvalue.h"

#include <QJsonArray>
#include <QLocale>

namespace outpost::ui {

QString HistoryModel::describe(const CaseHistoryEntry &e, const CaseType *type, const LookupSource *lookup)
{
    QStringList lines;
    QString action = e.action;
    QString flow;
    if (action.startsWith(QLatin1String("transition:"))) {
        flow = action.mid(int(qstrlen("transition:")));
        action = QStringLiteral("transition");
    }
    if (action == QLatin1String("create"))
        lines << tr("Created the case");
    else if (action == QLatin1String("transition")) {
        lines << tr("Flow action: %1").arg(type ? type->actionLabel(flow, userLanguage()) : flow);
    } else if (action == QLatin1String("assign"))
        lines << tr("Assignment changed");
    else if (action == QLatin1String("note"))
        lines << tr("Note: %1").arg(e.text);
    else if (action != QLatin1String("update") && action != QLatin1String("attach"))
        lines << action;

    const QLocale locale;
    for (auto it = e.changes.begin(); it != e.changes.end(); ++it) {
        const QJsonArray pair = it.value().toArray();
        const QJsonValue before = pair.size() == 2 ? pair.at(0) : QJsonValue();
        const QJsonValue after = pair.size() == 2 ? pair.at(1) : it.value();
        const QString key = it.key();
        if (key == QLatin1String("attachments")) {
            const QJsonObject ref = after.toObject();
            lines << tr("Attached %1 (%2)")
                         .arg(ref.value(QLatin1String("name")).toString(),
                             locale.formattedDataSize(qint64(ref.value(QLatin1String("size")).toDouble())));
            continue;
        }
        QString label;
        QString from;
        QString to;
        if (const FieldDef *f = type ? type->field(key) : nullptr) {
            label = type->fieldLabel(key, userLanguage());
            from = formatFieldValue(f, before, lookupLabels(lookup));
            to = formatFieldValue(f, after, lookupLabels(lookup));
        } else {
            if (key == QLatin1String("status")) {
                label = tr("Status");
                const auto status = [type](const QJsonValue &v) {
                    return v.toString().isEmpty() ? formatFieldValue(nullptr, v)
                                                  : statusLabel(type, v.toString(), userLanguage());
                };
                lines << (action == QLatin1String("create")
                        ? tr("%1: %2").arg(label, status(after))
                        : tr("%1: %2 → %3").arg(label, status(before), status(after)));
                continue;
            } else if (key == QLatin1String("title"))
                label = tr("Title");
            else if (key == QLatin1String("assignee"))
                label = tr("Assignee");
            else if (key == QLatin1String("queue"))
                label = tr("Queue");
            else
                label = key;
            from = formatFieldValue(nullptr, before);
            to = formatFieldValue(nullptr, after);
        }
        lines << (action == QLatin1String("create") ? tr("%1: %2").arg(label, to)
                                                    : tr("%1: %2 → %3").arg(label, from, to));
    }
    if (lines.isEmpty())
        lines << tr("No fields changed");
    return lines.join(QLatin1Char('\n'));
}

void HistoryModel::setEntries(
    const QList<CaseHistoryEntry> &entries, const CaseType *type, const LookupSource *lookup)
{
    QList<KeyedItem> items;
    const QLocale locale;
    for (qsizetype i = entries.size() - 1; i >= 0; --i) {
        const CaseHistoryEntry &e = entries.at(i);
        const QString when
            = e.at.isValid() ? locale.toString(e.at.toLocalTime(), QLocale::ShortFormat) : QString();
        const QString head = tr("%1 · %2").arg(e.by.isEmpty() ? tr("system") : e.by, when);
        const QString key = e.at.toString(Qt::ISODateWithMs) + QLatin1Char('|') + e.by + QLatin1Char('|')
            + QString::number(i);
        items.append(
            { key, head + QLatin1Char('\n') + describe(e, type, lookup), {}, QVariant::fromValue(e) });
    }
    setItems(items);
}

} // namespace outpost::ui
