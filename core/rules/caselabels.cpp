// SPDX-License-Identifier: MIT
#include "rules/caselabels.h"

#include <QLocale>

namespace outpost {

namespace {
// One part of a status (between dashes) as words: camel humps and underscores split it, the first
// word keeps its capital, later capitalised words are lowered, runs of capitals (acronyms) stay.
QString humanizePart(const QString &part)
{
    QStringList words;
    QString word;
    const auto flush = [&] {
        if (!word.isEmpty())
            words.append(word);
        word.clear();
    };
    for (qsizetype i = 0; i < part.size(); ++i) {
        const QChar c = part.at(i);
        if (c == QLatin1Char('_') || c.isSpace()) {
            flush();
            continue;
        }
        if (c.isUpper() && !word.isEmpty()) {
            const bool prevUpper = word.back().isUpper();
            const bool nextLower = i + 1 < part.size() && part.at(i + 1).isLower();
            if (!prevUpper || nextLower)
                flush();
        }
        word.append(c);
    }
    flush();
    for (qsizetype i = 0; i < words.size(); ++i) {
        QString &w = words[i];
        const bool acronym = w.size() > 1 && w == w.toUpper();
        if (i == 0)
            w[0] = w.at(0).toUpper();
        else if (!acronym)
            w = w.toLower();
    }
    return words.join(QLatin1Char(' '));
}
} // namespace

QString humanizeStatus(const QString &status)
{
    QStringList parts;
    for (const QString &p : status.split(QLatin1Char('-'), Qt::SkipEmptyParts))
        parts.append(humanizePart(p));
    return parts.isEmpty() ? status : parts.join(QStringLiteral(" \u2013 "));
}

QString userLanguage()
{
    return QLocale().name();
}

QString choiceLabel(const FieldDef &field, const QString &value, const QString &lang)
{
    const auto it = field.choiceLabels.constFind(value);
    if (it == field.choiceLabels.constEnd())
        return value;
    return translated(it->label.isEmpty() ? value : it->label, it->labels, lang);
}

CaseType localizedCaseType(const CaseType &type, const QString &lang)
{
    CaseType out = type;
    out.title = type.titleText(lang);
    for (FieldDef &f : out.fields) {
        f.label = translated(f.label.isEmpty() ? f.name : f.label, f.labels, lang);
        f.help = translated(f.help, f.helps, lang);
    }
    for (FlowAction &a : out.flowActions)
        a.label = translated(a.label.isEmpty() ? a.name : a.label, a.labels, lang);
    return out;
}

QString CaseType::titleText(const QString &lang) const
{
    return translated(title.isEmpty() ? name : title, titles, lang);
}

QString CaseType::fieldLabel(const QString &name, const QString &lang) const
{
    const FieldDef *f = field(name);
    if (!f)
        return name;
    return translated(f->label.isEmpty() ? f->name : f->label, f->labels, lang);
}

QString CaseType::fieldHelp(const QString &name, const QString &lang) const
{
    const FieldDef *f = field(name);
    return f ? translated(f->help, f->helps, lang) : QString();
}

QString CaseType::choiceLabel(const QString &name, const QString &value, const QString &lang) const
{
    const FieldDef *f = field(name);
    return f ? outpost::choiceLabel(*f, value, lang) : value;
}

QString CaseType::statusLabel(const QString &status, const QString &lang) const
{
    const auto it = statusLabels.constFind(status);
    if (it == statusLabels.constEnd())
        return humanizeStatus(status);
    return translated(it->label.isEmpty() ? humanizeStatus(status) : it->label, it->labels, lang);
}

QString CaseType::actionLabel(const QString &name, const QString &lang) const
{
    const FlowAction *a = flowAction(name);
    if (!a)
        return name;
    return translated(a->label.isEmpty() ? a->name : a->label, a->labels, lang);
}

} // namespace outpost
