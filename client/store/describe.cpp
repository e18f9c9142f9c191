// SPDX-License-Identifier: MIT
// A queued action in plain words, for the outbox and the event log.
#include "casetable.h"
#include "storedb.h"

#include "rules/caselabels.h"
#include "rules/fieldvalue.h"

#include <QCoreApplication>

namespace outpost::client {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::client::LocalStore)
};

QString shortText(const QString &s, int max = 60)
{
    const QString one = s.simplified();
    return one.size() > max ? one.left(max - 1) + QStringLiteral("…") : one;
}

} // namespace

QString describeAction(const CaseTable &cases, const StoreDb &db, const Action &a,
    const QJsonObject &baseFields, const CaseType *type)
{
    std::optional<CaseType> loaded;
    if (!type && a.type != ActionType::Note) {
        const QString name = a.type == ActionType::Create
            ? a.caseType
            : db.scalar(QStringLiteral("SELECT case_type FROM cases WHERE id = ?"), { a.caseId }).toString();
        loaded = cases.caseType(name);
        if (loaded)
            type = &*loaded;
    }
    QStringList changes;
    const QStringList keys = a.fields.keys();
    for (const QString &k : keys) {
        const FieldDef *field = type ? type->field(k) : nullptr;
        if (a.type == ActionType::Create)
            changes << Tr::tr("%1 %2").arg(fieldLabel(type, k), formatFieldValue(field, a.fields.value(k)));
        else
            changes << Tr::tr("%1 %2 → %3")
                           .arg(fieldLabel(type, k), formatFieldValue(field, baseFields.value(k)),
                               formatFieldValue(field, a.fields.value(k)));
    }
    const QString list = changes.join(QStringLiteral("; "));
    switch (a.type) {
    case ActionType::Create:
        return Tr::tr("Create %1 %2%3%4")
            .arg(type ? type->titleText(userLanguage()) : a.caseType, a.caseId,
                a.title.isEmpty() ? QString() : Tr::tr(" “%1”").arg(a.title),
                list.isEmpty() ? QString() : QStringLiteral(": ") + list);
    case ActionType::Update:
        return Tr::tr("Update %1: %2").arg(a.caseId, list);
    case ActionType::Transition: {
        return Tr::tr("%1 on %2%3")
            .arg(type ? type->actionLabel(a.flowAction, userLanguage()) : a.flowAction, a.caseId,
                list.isEmpty() ? QString() : QStringLiteral(": ") + list);
    }
    case ActionType::Note:
        return Tr::tr("Note on %1: “%2”").arg(a.caseId, shortText(a.text));
    }
    return {};
}

} // namespace outpost::client
