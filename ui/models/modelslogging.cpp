// SPDX-License-Identifier: MIT
#include "modelslogging.h"

Q_LOGGING_CATEGORY(lcUiModels, "outpost.ui.models")
