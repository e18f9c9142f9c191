// SPDX-License-Identifier: MIT
#include "rules/rulesengine.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace outpost {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::RulesEngine)
};

QString formatNumber(double d)
{
    return QString::number(d, 'g', 15);
}

bool isIsoDate(const QString &s)
{
    return s.size() == 10 && QDate::fromString(s, Qt::ISODate).isValid();
}

bool isRfc3339(const QString &s)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$)"));
    if (!re.match(s).hasMatch())
        return false;
    return QDateTime::fromString(s, Qt::ISODateWithMs).isValid()
        || QDateTime::fromString(s, Qt::ISODate).isValid();
}
} // namespace

QString RulesEngine::checkNoteText(const QString &text)
{
    if (text.trimmed().isEmpty())
        return Tr::tr("A note needs some text.");
    if (text.size() > MaxNoteLength)
        return Tr::tr("A note must be at most %n characters long.", nullptr, MaxNoteLength);
    if (text.contains(QChar(0)))
        return Tr::tr("A note must not contain NUL characters.");
    return {};
}

QString RulesEngine::checkTitle(const QString &title)
{
    if (title.size() > MaxTitleLength)
        return Tr::tr("A title must be at most %n characters long.", nullptr, MaxTitleLength);
    const bool control = std::any_of(
        title.cbegin(), title.cend(), [](QChar c) { return c.category() == QChar::Other_Control; });
    if (control)
        return Tr::tr("A title must not contain control characters (tabs, line breaks).");
    return {};
}

bool RulesEngine::hasValue(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return false;
    if (v.isString())
        return !v.toString().trimmed().isEmpty();
    return true;
}

bool RulesEngine::isSha256Hex(const QString &s)
{
    return s.size() == 64 && std::all_of(s.cbegin(), s.cend(), [](QChar c) {
        return (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            || (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
    });
}

QMap<QString, QString> RulesEngine::signatureRefs(const CaseType &type, const QJsonObject &fields)
{
    QMap<QString, QString> out;
    for (const FieldDef &f : type.fields)
        if (f.type == FieldType::Signature && hasValue(fields.value(f.name)))
            out.insert(f.name, fields.value(f.name).toString());
    return out;
}

QString RulesEngine::checkValue(const FieldDef &f, const QJsonValue &v, const LookupCheck &lookup)
{
    if (!hasValue(v))
        return f.required ? Tr::tr("%1 is required.").arg(f.label) : QString();
    switch (f.type) {
    case FieldType::Text: {
        if (!v.isString())
            return Tr::tr("%1 must be text.").arg(f.label);
        const QString s = v.toString();
        if (s.contains(QChar(0)))
            return Tr::tr("%1 must not contain NUL characters.").arg(f.label);
        const int maxLength = f.maxLength ? *f.maxLength : MaxTextLength;
        if (s.size() > maxLength)
            return Tr::tr("%1 must be at most %n characters long.", nullptr, maxLength).arg(f.label);
        if (!f.pattern.isEmpty()) {
            const QRegularExpression re(QRegularExpression::anchoredPattern(f.pattern));
            if (re.isValid() && !re.match(s).hasMatch())
                return Tr::tr("%1 does not have the expected format.").arg(f.label);
        }
        return {};
    }
    case FieldType::Number: {
        if (!v.isDouble() || !std::isfinite(v.toDouble()))
            return Tr::tr("%1 must be a number.").arg(f.label);
        const double d = v.toDouble();
        if (f.min && d < *f.min)
            return Tr::tr("%1 must be at least %2.").arg(f.label, formatNumber(*f.min));
        if (f.max && d > *f.max)
            return Tr::tr("%1 must be at most %2.").arg(f.label, formatNumber(*f.max));
        return {};
    }
    case FieldType::Date:
        if (!v.isString() || !isIsoDate(v.toString()))
            return Tr::tr("%1 must be a date (YYYY-MM-DD).").arg(f.label);
        return {};
    case FieldType::DateTime:
        if (!v.isString() || !isRfc3339(v.toString()))
            return Tr::tr("%1 must be a date and time (RFC 3339, e.g. 2026-11-30T08:00:00Z).").arg(f.label);
        return {};
    case FieldType::Bool:
        if (!v.isBool())
            return Tr::tr("%1 must be yes or no.").arg(f.label);
        return {};
    case FieldType::Choice:
        if (!v.isString() || !f.choices.contains(v.toString()))
            return Tr::tr("%1 must be one of: %2.").arg(f.label, f.choices.join(QStringLiteral(", ")));
        return {};
    case FieldType::Signature:
        if (!v.isString() || !isSha256Hex(v.toString()))
            //: A signature field's value is the sha256 of the signature's picture, attached to the case.
            return Tr::tr("%1 must be a signature: the sha256 (64 hex digits) of its picture.").arg(f.label);
        return {};
    case FieldType::Lookup:
        if (!v.isString())
            return Tr::tr("%1 must be a key of %2.").arg(f.label, f.dataPage);
        if (lookup && !lookup(f.dataPage, v.toString()))
            return Tr::tr("%1: '%2' is not an entry of %3.").arg(f.label, v.toString(), f.dataPage);
        return {};
    }
    return {};
}

QMap<QString, QString> RulesEngine::validateFields(const CaseType &type, const QJsonObject &current,
    const QJsonObject &changed, Mode mode, const LookupCheck &lookup)
{
    QMap<QString, QString> errors;
    for (auto it = changed.begin(); it != changed.end(); ++it) {
        const FieldDef *f = type.field(it.key());
        if (!f) {
            errors.insert(it.key(), Tr::tr("'%1' is not a field of %2.").arg(it.key(), type.title));
            continue;
        }
        const QString msg = checkValue(*f, it.value(), lookup);
        if (!msg.isEmpty())
            errors.insert(f->name, msg);
    }
    if (mode == Mode::Create) {
        for (const FieldDef &f : type.fields) {
            if (!f.required || errors.contains(f.name))
                continue;
            const QJsonValue v = changed.contains(f.name) ? changed.value(f.name) : current.value(f.name);
            if (!hasValue(v))
                errors.insert(f.name, Tr::tr("%1 is required.").arg(f.label));
        }
    }
    return errors;
}

QList<FlowAction> RulesEngine::flowActionsFrom(const CaseType &type, const QString &status)
{
    QList<FlowAction> out;
    if (isResolvedStatus(status))
        return out;
    for (const FlowAction &a : type.flowActions)
        if (a.from.isEmpty() || a.from.contains(status))
            out.append(a);
    return out;
}

Status RulesEngine::checkFlowAction(
    const CaseType &type, const QString &status, const QJsonObject &fields, const QString &name)
{
    const FlowAction *a = type.flowAction(name);
    if (!a)
        return Error(QStringLiteral("invalid_transition"),
            Tr::tr("%1 has no flow action '%2'.").arg(type.title, name));
    if (isResolvedStatus(status) || (!a->from.isEmpty() && !a->from.contains(status)))
        return Error(QStringLiteral("invalid_transition"),
            Tr::tr("'%1' is not possible while the case is %2.").arg(a->label, status));
    QMap<QString, QString> missing;
    for (const QString &req : a->requiredFields) {
        if (!hasValue(fields.value(req))) {
            const FieldDef *f = type.field(req);
            missing.insert(req, Tr::tr("%1 is required to %2.").arg(f ? f->label : req, a->label));
        }
    }
    if (!missing.isEmpty())
        return Error(QStringLiteral("missing_fields"),
            Tr::tr("'%1' needs more information first.").arg(a->label), missing);
    return Status::success();
}

QStringList RulesEngine::incompatibilities(const CaseType &older, const CaseType &newer)
{
    QStringList out;
    for (const FieldDef &f : older.fields) {
        const FieldDef *n = newer.field(f.name);
        if (!n)
            out.append(Tr::tr("field '%1' was removed").arg(f.name));
        else if (n->type != f.type)
            out.append(Tr::tr("field '%1' changed its type").arg(f.name));
    }
    for (const QString &s : older.statuses)
        if (!newer.statuses.contains(s))
            out.append(Tr::tr("status '%1' was removed").arg(s));
    return out;
}

bool RulesEngine::isCompatibleUpgrade(const CaseType &older, const CaseType &newer, QString *why)
{
    const QStringList reasons = incompatibilities(older, newer);
    if (!reasons.isEmpty() && why)
        *why = reasons.constFirst();
    return reasons.isEmpty();
}

} // namespace outpost
