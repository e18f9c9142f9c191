// SPDX-License-Identifier: MIT
#include "logging.h"

Q_LOGGING_CATEGORY(lcProtocol, "outpost.core.protocol", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRules, "outpost.core.rules", QtInfoMsg)
