// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

// One category per module of the core library, named "outpost.core.<module>".
Q_DECLARE_LOGGING_CATEGORY(lcProtocol)
Q_DECLARE_LOGGING_CATEGORY(lcRules)
