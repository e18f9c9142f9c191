// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace outpost::ui {

/// Registers the app's icons (resources/resources.qrc). Call once after creating the application.
void initResources();

/// Installs the app catalog (:/i18n/outpost_<lang>.qm, embedded) and Qt's own translations for
/// `language` ("de", "fr", "en", or "system"/empty: the system locale). Returns the language in use
/// ("en" when no catalog matched). The language's locale becomes QLocale's default, so numbers and
/// dates read in it and case types show their texts in it (outpost::userLanguage()).
QString installTranslations(const QString &language);

} // namespace outpost::ui
