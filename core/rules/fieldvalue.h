// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/casetype.h"

#include <QJsonValue>
#include <QString>

#include <functional>

namespace outpost {

/// The label of row `key` of data page `page` (for lookup fields); empty when unknown.
using LookupLabel = std::function<QString(const QString &page, const QString &key)>;

/// A field value as people read it, the same in the app, the store's event log and outbox, and the
/// command line: "—" when there is none (null, absent, blank text), translated Yes/No for bools,
/// numbers without noise (15 significant digits), text, dates and choices as written. For a lookup
/// field whose label `lookupLabel` knows: "S-007 (Substation 7)". Arrays and objects as compact JSON.
/// `field` and `lookupLabel` may be null (unknown field, no data pages at hand).
/// Translatable in the context outpost::ValueFormat.
QString formatFieldValue(const FieldDef *field, const QJsonValue &value, const LookupLabel &lookupLabel = {});

/// Whether two field values are the same for editing purposes (null, absent and blank text are all
/// "none", as for formatFieldValue).
bool sameFieldValue(const QJsonValue &a, const QJsonValue &b);

} // namespace outpost
