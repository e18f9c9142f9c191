// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <functional>

namespace outpost::ui {

/// What a kiosk asks the administrator PIN for.
enum class AdminAction { ExitKiosk, OpenSettings, SignOut, BrowseFiles };

/// Runs `proceed` once the administrator PIN was entered (in kiosk mode: KioskController); nothing
/// happens when the PIN dialog is cancelled. Unset (on the desk), the action runs at once.
using AdminGate = std::function<void(AdminAction action, std::function<void()> proceed)>;

/// What the PIN dialog says the PIN is for (translated).
QString adminActionPrompt(AdminAction action);
/// The action in the log's words ("open settings"), not translated.
QString adminActionName(AdminAction action);

} // namespace outpost::ui
