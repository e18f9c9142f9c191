// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/casetype.h"
#include "result.h"

#include <QJsonObject>
#include <QJsonValue>

#include <functional>

namespace outpost {

/// Answers whether `key` is a row of data page `page` (for lookup fields).
using LookupCheck = std::function<bool(const QString &page, const QString &key)>;

/// The case-type rules, applied identically offline by the client and online by the server.
/// Every check returns messages per field; an empty map means valid.
class RulesEngine
{
public:
    enum class Mode { Create, Update };

    /// Checks one value against its field definition. Null clears a field (allowed unless required).
    static QString checkValue(const FieldDef &field, const QJsonValue &value, const LookupCheck &lookup);

    /// Validates `changed` (the fields an action sets) against the type. `current` holds the case's
    /// fields before the change (empty for a create). Unknown fields are errors; on create every
    /// required field must end up with a value; on update a required field may not be cleared.
    static QMap<QString, QString> validateFields(const CaseType &type, const QJsonObject &current,
        const QJsonObject &changed, Mode mode, const LookupCheck &lookup);

    /// Whether flow action `name` may run on a case in `status` with `fields` (after any fields the
    /// transition itself sets). Error code "invalid_transition" or "missing_fields" (with fields).
    static Status checkFlowAction(
        const CaseType &type, const QString &status, const QJsonObject &fields, const QString &name);

    /// The flow actions allowed from `status` (preconditions on fields not checked).
    static QList<FlowAction> flowActionsFrom(const CaseType &type, const QString &status);

    /// Whether clients holding data of `older` can keep syncing after `newer` is published without a
    /// full sync: no field removed or retyped, no status removed. `why` says what breaks.
    static bool isCompatibleUpgrade(const CaseType &older, const CaseType &newer, QString *why = nullptr);
    /// Everything that makes `newer` incompatible with `older` (empty: compatible), in words.
    static QStringList incompatibilities(const CaseType &older, const CaseType &newer);

    /// A note's text: some text, at most MaxNoteLength characters, no NUL characters (which no
    /// database stores as text). Empty when valid, else the message for the field "text".
    static QString checkNoteText(const QString &text);
    static constexpr int MaxNoteLength = 10000;
    /// A text field without a maxLength of its own holds at most this many characters.
    static constexpr int MaxTextLength = 10000;
    /// A case title (may be empty): at most MaxTitleLength characters, no control characters.
    /// Empty when valid, else the message for the field "title".
    static QString checkTitle(const QString &title);
    static constexpr int MaxTitleLength = 200;

    static bool hasValue(const QJsonValue &v);

    /// A signature field's value: the sha256 of its PNG attachment, 64 lowercase hex digits.
    static bool isSha256Hex(const QString &s);
    /// The signature fields `fields` sets to a value, field name → sha256 (an invalid value too:
    /// validateFields reports those). The server checks that the case holds an attachment with each.
    static QMap<QString, QString> signatureRefs(const CaseType &type, const QJsonObject &fields);
};

} // namespace outpost
