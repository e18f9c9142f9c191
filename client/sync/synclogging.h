// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

// One category per module of the sync engine, named "outpost.core.sync.<module>".
Q_DECLARE_LOGGING_CATEGORY(lcSyncApi)
Q_DECLARE_LOGGING_CATEGORY(lcSyncCredentials)
Q_DECLARE_LOGGING_CATEGORY(lcSyncNotify)
Q_DECLARE_LOGGING_CATEGORY(lcSyncReachability)
Q_DECLARE_LOGGING_CATEGORY(lcSyncWorker)
