// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/casetype.h"

#include <QJsonValue>
#include <QLocale>
#include <QString>

#include <functional>
#include <optional>

namespace outpost {

/// The label of row `key` of data page `page` (for lookup fields); empty when unknown.
using LookupLabel = std::function<QString(const QString &page, const QString &key)>;

/// A field value as people read it, the same in the app, the store's event log and outbox, and the
/// command line: "—" when there is none (null, absent, blank text), translated Yes/No for bools,
/// numbers without noise (15 significant digits) in the user's locale ("12,5" in German), dates in
/// the user's locale (see dateFormat), a choice by its label in the user's language (choiceLabel),
/// text as written. For a lookup field whose label `lookupLabel` knows: "S-007 (Substation 7)".
/// Arrays and objects as compact JSON. The locale is QLocale's default (the app's UI language).
/// `field` and `lookupLabel` may be null (unknown field, no data pages at hand).
/// Translatable in the context outpost::ValueFormat.
QString formatFieldValue(const FieldDef *field, const QJsonValue &value, const LookupLabel &lookupLabel = {});

/// A number for people: 15 significant digits, the locale's decimal sign, no group separators.
QString formatNumber(double d, const QLocale &locale = QLocale());

/// Reads a number typed by a person: the locale's decimal sign or a point ("12,5" and "12.5" in
/// German; a comma also in English, as typed on a German keyboard), no group separators.
std::optional<double> parseNumber(const QString &text, const QLocale &locale = QLocale());

/// How dates read for people in `locale`: its short format with four-digit years ("dd.MM.yyyy" in
/// German, "dd/MM/yyyy" in French); English and C keep ISO "yyyy-MM-dd", as the protocol writes it.
QString dateFormat(const QLocale &locale = QLocale());
/// dateFormat with the locale's short time ("dd.MM.yyyy HH:mm").
QString dateTimeFormat(const QLocale &locale = QLocale());

/// Whether two field values are the same for editing purposes (null, absent and blank text are all
/// "none", as for formatFieldValue).
bool sameFieldValue(const QJsonValue &a, const QJsonValue &b);

} // namespace outpost
