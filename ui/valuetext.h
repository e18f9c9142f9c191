// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/casetype.h"

#include <QJsonValue>

namespace outpost::ui {

class LookupSource;

/// A field value as a technician reads it: "—" when empty, Yes/No for bools, "S-007 (Substation 7)"
/// for a lookup whose label is known, dates as written. `field` may be null (unknown field).
QString valueText(const FieldDef *field, const QJsonValue &value, const LookupSource *lookup = nullptr);

/// Whether two field values are the same for editing purposes (null, absent and "" are all empty).
bool sameFieldValue(const QJsonValue &a, const QJsonValue &b);

} // namespace outpost::ui
