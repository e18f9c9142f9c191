// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

// The transport's category: one access-log line per request at info, connection trouble at debug.
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
