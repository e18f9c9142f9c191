// SPDX-License-Identifier: MIT
#include "apilogging.h"

Q_LOGGING_CATEGORY(lcApi, "outpost.server.api", QtInfoMsg)
