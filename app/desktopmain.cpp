// SPDX-License-Identifier: MIT
// The technicians' desktop app, the outpost-desktop module that `outpost` loads unless it runs a
// headless command (app/main.cpp). Wiring only: options, translations, kiosk, sign-in, main window.
#include "applifecycle.h"
#include "cli.h" // usageText
#include "credentialstore.h"
#include "httptransport.h"
#include "kioskcontroller.h"
#include "localstore.h"
#include "mainwindow.h"
#include "privatefiles.h"
#include "signindialog.h" // normalizeServerUrl
#include "singleinstance.h"
#include "syncstatusbar.h"
#include "translations.h"

#include "attachmentspanel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include <cstdio>
#include <memory>

using namespace outpost::ui;

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::app)
};
} // namespace

extern "C" Q_DECL_EXPORT int outpostDesktopMain(int argc, char *argv[])
{
    const bool kioskArg = [&] {
        for (int i = 1; i < argc; ++i)
            if (qstrcmp(argv[i], "--kiosk") == 0)
                return true;
        return false;
    }();
    if (kioskArg)
        KioskController::enableVirtualKeyboardIfInstalled(); // must precede QApplication

    // --help and --version need no display: they are answered by a QCoreApplication, so that they
    // work on a server, over ssh or in a script (the parser prints and exits before any widget).
    const bool infoOnly = [&] {
        for (int i = 1; i < argc; ++i)
            for (const char *opt : { "--help", "-h", "-?", "--help-all", "--version", "-v" })
                if (qstrcmp(argv[i], opt) == 0)
                    return true;
        return false;
    }();
    const std::unique_ptr<QCoreApplication> application = infoOnly
        ? std::make_unique<QCoreApplication>(argc, argv)
        : std::make_unique<QApplication>(argc, argv);
    QCoreApplication &app = *application;
    QApplication::setOrganizationName(QStringLiteral("Outpost"));
    QApplication::setApplicationName(QStringLiteral("outpost"));
    QApplication::setApplicationDisplayName(QStringLiteral("Outpost"));
    QApplication::setApplicationVersion(QStringLiteral(OUTPOST_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("outpost"));
    initResources();
    // Plain copies handed to other applications last time (docs/security.md) go now.
    QDir(outpost::ui::AttachmentsPanel::openedCopiesDir()).removeRecursively();

    // The profile decides where settings live, and the settings the language, so --profile is read
    // before the (translated) options are defined.
    const QStringList args = QCoreApplication::arguments();
    QString profileDir;
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--profile") && i + 1 < args.size())
            profileDir = args.at(i + 1);
        else if (args.at(i).startsWith(QLatin1String("--profile=")))
            profileDir = args.at(i).mid(10);
    }
    std::unique_ptr<QSettings> settings;
    QString profileKey = QStringLiteral("default");
    if (!profileDir.isEmpty()) {
        profileDir = QDir(profileDir).absolutePath();
        settings
            = std::make_unique<QSettings>(profileDir + QStringLiteral("/outpost.conf"), QSettings::IniFormat);
        profileKey = profileDir;
    } else {
        settings = std::make_unique<QSettings>();
    }
    outpost::client::privatefiles::makePrivate(settings->fileName()); // one written before, too
    installTranslations(settings->value(QStringLiteral("ui/language"), QStringLiteral("system")).toString());

    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Outpost: offline-first field service for technicians.")
        + QStringLiteral("\n\n") + Tr::tr("Without a display, as commands:") + QLatin1Char('\n')
        + outpost::cli::usageText().trimmed());
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption kioskOpt(
        QStringLiteral("kiosk"), Tr::tr("Fullscreen kiosk mode; leaving it needs the administrator PIN."));
    const QCommandLineOption serverOpt(
        QStringLiteral("server"), Tr::tr("Server address to sign in to."), QStringLiteral("URL"));
    const QCommandLineOption profileOpt(QStringLiteral("profile"),
        Tr::tr("Keep settings and data in DIR (several profiles side by side)."), QStringLiteral("DIR"));
    const QCommandLineOption insecureOpt(QStringLiteral("allow-insecure-http"),
        Tr::tr("Allow plain http:// to servers other than this computer (only on a network you trust)."));
    const QCommandLineOption caBundleOpt(QStringLiteral("ca-bundle"),
        Tr::tr("Also trust the certificate authorities in FILE (PEM) for https."), QStringLiteral("FILE"));
    parser.addOptions({ kioskOpt, serverOpt, profileOpt, insecureOpt, caBundleOpt });
    parser.process(app);

    if (!profileDir.isEmpty() && !outpost::client::privatefiles::makeDir(profileDir)) {
        std::fprintf(stderr, "outpost: %s\n",
            qPrintable(Tr::tr("cannot create the profile directory %1").arg(profileDir)));
        return 2;
    }
    QString serverUrl = settings->value(QStringLiteral("signin/server")).toString();
    if (parser.isSet(serverOpt)) {
        QString why;
        const QString url = normalizeServerUrl(parser.value(serverOpt), &why);
        if (url.isEmpty()) {
            std::fprintf(stderr, "outpost: %s\n", qPrintable(why));
            return 2;
        }
        settings->setValue(QStringLiteral("signin/server"), url);
        serverUrl = url;
    }
    // How this profile may talk to servers: the settings, or the options for this run.
    const bool allowInsecure = parser.isSet(insecureOpt)
        || settings->value(QStringLiteral("network/allowInsecureHttp"), false).toBool();
    const QString caBundle = parser.isSet(caBundleOpt)
        ? QFileInfo(parser.value(caBundleOpt)).absoluteFilePath()
        : settings->value(QStringLiteral("network/caBundle")).toString();
    auto policy = outpost::sync::TransportPolicy::load(allowInsecure, caBundle);
    if (!policy.ok()) {
        std::fprintf(stderr, "outpost: %s\n", qPrintable(policy.error().message));
        return 2;
    }
    const bool kiosk = parser.isSet(kioskOpt) || settings->value(QStringLiteral("kiosk/enabled")).toBool();

    SingleInstance instance(profileKey);
    if (!instance.acquire())
        return 0; // the running app was asked to come to the front

    if (kiosk)
        KioskController::applyTouchStyle();

    MainWindow window(*settings);
    window.setKioskMode(kiosk);
    window.syncStatus()->setState(SyncState::Offline);
    std::unique_ptr<KioskController> kioskController;
    if (kiosk)
        kioskController = std::make_unique<KioskController>(*settings);

    // Sign in, work, sign out, sign in again (another user, another server) in one process;
    // queued work stays on the device. Cancelling sign-in quits.
    AppLifecycle::Options lifecycleOptions;
    lifecycleOptions.session.profileDir
        = profileDir.isEmpty() ? outpost::client::StoreLocation::defaultProfileDir() : profileDir;
    // One HTTP thread and one keychain for the whole process: every session's sign-in, sync engine
    // and case details share them.
    lifecycleOptions.session.services.http = std::make_shared<outpost::sync::HttpTransport>(policy.value());
    lifecycleOptions.session.services.credentials
        = std::make_shared<outpost::sync::KeychainCredentialStore>(lifecycleOptions.session.keychainService);
    lifecycleOptions.serverUrl = serverUrl;
    AppLifecycle lifecycle(&window, kioskController.get(), lifecycleOptions);
    QObject::connect(
        &lifecycle, &AppLifecycle::quitRequested, &app, &QCoreApplication::quit, Qt::QueuedConnection);
    // A second start brings this one to the front: the window, or the sign-in dialog while signed out.
    QObject::connect(&instance, &SingleInstance::raiseRequested, &window, [&] {
        QWidget *front = &window;
        if (!window.isVisible() && lifecycle.signInDialog())
            front = lifecycle.signInDialog();
        else if (!kiosk)
            window.showNormal();
        front->raise();
        front->activateWindow();
    });
    lifecycle.start();
    return app.exec();
}
