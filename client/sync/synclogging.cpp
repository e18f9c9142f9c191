// SPDX-License-Identifier: MIT
#include "synclogging.h"

Q_LOGGING_CATEGORY(lcSyncApi, "outpost.core.sync.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSyncCredentials, "outpost.core.sync.credentials", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSyncNotify, "outpost.core.sync.notify", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSyncReachability, "outpost.core.sync.reachability", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSyncWorker, "outpost.core.sync.worker", QtInfoMsg)
