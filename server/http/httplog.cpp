// SPDX-License-Identifier: MIT
#include "httplog.h"

Q_LOGGING_CATEGORY(lcHttp, "outpost.server.http", QtInfoMsg)
