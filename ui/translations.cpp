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
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(app);
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    QLocale::setDefault(locale);
    const QString lang = QFileInfo(app->filePath()).baseName().section(QLatin1Char('_'), 1);
    qCInfo(lcUi) << "language" << lang;
    return lang.isEmpty() ? locale.name().left(2) : lang;
}

} // namespace outpost::ui
