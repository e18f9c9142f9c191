// SPDX-License-Identifier: MIT
#include "admingate.h"

#include <QCoreApplication>

namespace outpost::ui {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::ui::AdminGate)
};
} // namespace

QString adminActionPrompt(AdminAction action)
{
    switch (action) {
    case AdminAction::ExitKiosk:
        return Tr::tr("Enter the administrator PIN to leave kiosk mode.");
    case AdminAction::OpenSettings:
        return Tr::tr("Enter the administrator PIN to open the settings.");
    case AdminAction::SignOut:
        return Tr::tr("Enter the administrator PIN to sign out of this tablet.");
    case AdminAction::BrowseFiles:
        return Tr::tr("Enter the administrator PIN to choose files on this tablet.");
    }
    return {};
}

QString adminActionName(AdminAction action)
{
    switch (action) {
    case AdminAction::ExitKiosk:
        return QStringLiteral("leave kiosk mode");
    case AdminAction::OpenSettings:
        return QStringLiteral("open settings");
    case AdminAction::SignOut:
        return QStringLiteral("sign out");
    case AdminAction::BrowseFiles:
        return QStringLiteral("choose files");
    }
    return {};
}

} // namespace outpost::ui
