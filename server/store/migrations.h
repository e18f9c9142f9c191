// SPDX-License-Identifier: MIT
#pragma once

#include "database.h"

namespace outpost::server {

/// One numbered schema step, applied in one transaction.
struct Migration {
    QString description;
    QStringList statements;
};

/// The schema steps for a database kind; the same logical schema on both.
QList<Migration> migrations(DbKind kind);

} // namespace outpost::server
