// SPDX-License-Identifier: MIT
#include "translations.h"

#include "uilogging.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

static void initOutpostResources() { Q_INIT_RESOURCE(resources); }

namespace outpost::ui {

void initResources() { initOutpostResources(); }

QString installTranslations(const QString &language)
{
    const QLocale locale = (language.isEmpty() || language == QLatin1String("system")) ? QLocale::system()
                                                                                        : QLocale(language);
    auto *app = new QTranslator(QCoreApplication::instance());
    if (!app->load(locale, QStringLiteral("outpost"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete app;
        qCInfo(lcUi) << "no catalog for" << locale.uiLanguages() << "- using English";
        // Numbers, dates and case-type texts follow the UI language (see userLanguage()).
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(app);
    // Qt's own texts (standard buttons: Cancel, Save; context menus) from Debian's
    // qt6-translations-l10n, a dependency of the package.
    auto *qt = new QTranslator(QCoreApplication::instance());
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), qtDir)) {
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
        qCWarning(lcUi) << "Qt's catalog qtbase for" << locale.name() << "is missing in" << qtDir;
    }
    QLocale::setDefault(locale);
    const QString lang = QFileInfo(app->filePath()).baseName().section(QLatin1Char('_'), 1);
    qCInfo(lcUi) << "language" << lang;
    return lang.isEmpty() ? locale.name().left(2) : lang;
}

} // namespace outpost::ui
