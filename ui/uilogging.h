// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

// The desktop app's widgets log under "outpost.ui".
Q_DECLARE_LOGGING_CATEGORY(lcUi)
