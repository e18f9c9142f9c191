// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/localtext.h"
#include "result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace outpost {

/// Signature (extension): the lowercase hex sha256 of a PNG attachment of the same case, drawn by
/// the customer on the device (protocol.md, *Signature fields*).
enum class FieldType { Text, Number, Date, DateTime, Bool, Choice, Lookup, Signature };
QString fieldTypeName(FieldType t);
std::optional<FieldType> fieldTypeFromName(const QString &name);

/// How a field changed on both sides of a sync is settled (protocol "conflictPolicy").
enum class ConflictRule { Merge, ServerWins, ClientWins };
QString conflictRuleName(ConflictRule r);
std::optional<ConflictRule> conflictRuleFromName(const QString &name);

struct FieldDef {
    QString name;
    QString label;
    FieldType type = FieldType::Text;
    bool required = false;
    std::optional<double> min;
    std::optional<double> max;
    std::optional<int> maxLength;
    QString pattern; // a regular expression the whole text must match; empty: none
    QStringList choices; // for Choice
    QString dataPage; // for Lookup
    QString help; // optional hint shown beside the editor
    Translations labels; // (extension) label per language
    Translations helps; // (extension) help per language
    QHash<QString, LocalText> choiceLabels; // (extension) choice value → its texts

    QJsonObject toJson() const;
};

struct FlowAction {
    QString name;
    QString label;
    QStringList from; // statuses it may start from; empty: any non-final status
    QString to;
    QStringList requiredFields; // fields that must hold a value
    Translations labels; // (extension) label per language
    QJsonObject toJson() const;
};

struct ConflictPolicy {
    ConflictRule defaultRule = ConflictRule::Merge;
    QHash<QString, ConflictRule> fields;
    ConflictRule ruleFor(const QString &field) const { return fields.value(field, defaultRule); }
    QJsonObject toJson() const;
};

/// A case type: its fields, statuses and flow actions. Shared by client and server, which
/// apply the very same rules (see RulesEngine).
struct CaseType {
    QString name;
    int version = 1;
    QString title;
    QStringList statuses;
    QList<FieldDef> fields;
    QList<FlowAction> flowActions;
    ConflictPolicy conflictPolicy;
    Translations titles; // (extension) title per language
    QHash<QString, LocalText> statusLabels; // (extension) status → its texts

    const FieldDef *field(const QString &name) const;
    const FlowAction *flowAction(const QString &name) const;
    /// Whether a field is of type signature: clients must declare support for it (protocol.md).
    bool hasSignatureField() const;
    QString initialStatus() const { return statuses.value(0); }

    /// Texts for people in language `lang` (the app's UI language, "de"; empty: the defaults),
    /// falling back to the default label, then to the name. Statuses without a label read
    /// humanised ("InProgress" → "In progress", see humanizeStatus). Defined in rules/caselabels.cpp.
    QString titleText(const QString &lang) const;
    QString fieldLabel(const QString &field, const QString &lang) const;
    QString fieldHelp(const QString &field, const QString &lang) const;
    QString choiceLabel(const QString &field, const QString &value, const QString &lang) const;
    QString statusLabel(const QString &status, const QString &lang) const;
    QString actionLabel(const QString &action, const QString &lang) const;

    QJsonObject toJson() const;
    static Result<CaseType> fromJson(const QJsonObject &obj, const QString &path = {});
};

/// A status starting with "Resolved-" is final.
bool isResolvedStatus(const QString &status);

} // namespace outpost
