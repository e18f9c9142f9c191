// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

// The store-backed models and the app session log under "outpost.ui.models".
Q_DECLARE_LOGGING_CATEGORY(lcUiModels)
