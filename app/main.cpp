// SPDX-License-Identifier: MIT
// outpost: the technicians' desktop app. Wiring only: options, translations, kiosk, main window.
#include "kioskcontroller.h"
#include "mainwindow.h"
#include "samplecases.h"
#include "signindialog.h"
#include "singleinstance.h"
#include "syncstatusbar.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QStandardItemModel>
#include <QTimer>

#include <cstdio>

using namespace outpost::ui;

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::app)
};
} // namespace

int main(int argc, char *argv[])
{
    // --- Seam for the headless command line -------------------------------------------------
    // When argv[1] is a command (signin, sync, status, case, outbox, conflicts,
    // export-diagnostics), main() will hand over to the CLI library before any GUI exists:
    //     if (argc > 1 && outpost::cli::isCommand(argv[1])) return outpost::cli::runCli(args);
    // ------------------------------------------------------------------------------------------

    const bool kioskArg = [&] {
        for (int i = 1; i < argc; ++i)
            if (qstrcmp(argv[i], "--kiosk") == 0)
                return true;
        return false;
    }();
    if (kioskArg)
        KioskController::enableVirtualKeyboardIfInstalled(); // must precede QApplication

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Outpost"));
    QApplication::setApplicationName(QStringLiteral("outpost"));
    QApplication::setApplicationDisplayName(QStringLiteral("Outpost"));
    QApplication::setApplicationVersion(QStringLiteral(OUTPOST_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("outpost"));
    initResources();

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
        settings = std::make_unique<QSettings>(profileDir + QStringLiteral("/outpost.conf"), QSettings::IniFormat);
        profileKey = profileDir;
    } else {
        settings = std::make_unique<QSettings>();
    }
    installTranslations(settings->value(QStringLiteral("ui/language"), QStringLiteral("system")).toString());

    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Outpost: offline-first field service for technicians."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption kioskOpt(QStringLiteral("kiosk"),
                                      Tr::tr("Fullscreen kiosk mode; leaving it needs the administrator PIN."));
    const QCommandLineOption serverOpt(QStringLiteral("server"), Tr::tr("Server address to sign in to."),
                                       QStringLiteral("URL"));
    const QCommandLineOption profileOpt(QStringLiteral("profile"),
                                        Tr::tr("Keep settings and data in DIR (several profiles side by side)."),
                                        QStringLiteral("DIR"));
    parser.addOptions({kioskOpt, serverOpt, profileOpt});
    parser.process(app);

    if (!profileDir.isEmpty() && !QDir().mkpath(profileDir)) {
        std::fprintf(stderr, "outpost: %s\n",
                     qPrintable(Tr::tr("cannot create the profile directory %1").arg(profileDir)));
        return 2;
    }
    if (parser.isSet(serverOpt)) {
        QString why;
        const QString url = normalizeServerUrl(parser.value(serverOpt), &why);
        if (url.isEmpty()) {
            std::fprintf(stderr, "outpost: %s\n", qPrintable(why));
            return 2;
        }
        settings->setValue(QStringLiteral("signin/server"), url);
    }
    const bool kiosk = parser.isSet(kioskOpt) || settings->value(QStringLiteral("kiosk/enabled")).toBool();

    SingleInstance instance(profileKey);
    if (!instance.acquire())
        return 0; // the running app was asked to come to the front

    if (kiosk)
        KioskController::applyTouchStyle();

    // Until the local store and sync engine are wired in, the app shows sample cases.
    SampleCaseHost host;
    QHash<QString, QString> titles{{QStringLiteral("inspection"), SampleCaseHost::inspectionType().title}};
    QStandardItemModel *worklist = createWorklistModel(host.cases(), titles, &app);

    MainWindow window(*settings);
    window.setCaseHost(&host);
    window.setWorklistModel(worklist);
    window.setKioskMode(kiosk);
    window.syncStatus()->setState(SyncState::Offline);
    QObject::connect(&instance, &SingleInstance::raiseRequested, &window, [&window] {
        window.showNormal();
        window.raise();
        window.activateWindow();
    });

    std::unique_ptr<KioskController> kioskController;
    if (kiosk) {
        kioskController = std::make_unique<KioskController>(*settings);
        QObject::connect(&window, &MainWindow::exitKioskRequested, kioskController.get(),
                         &KioskController::requestExit);
        QObject::connect(kioskController.get(), &KioskController::locked, &window, [&] {
            // Back to sign-in; queue and drafts stay as they are, the work is hidden meanwhile.
            window.setLocked(true);
            auto *dlg = new SignInDialog(&window);
            dlg->setAttribute(Qt::WA_DeleteOnClose);
            dlg->setCancelAllowed(false);
            QObject::connect(dlg, &SignInDialog::signInRequested, dlg, [&, dlg] {
                // WIRING SEAM: the client core's sign-in (online, or offline against the stored
                // verifier) decides here once wired in; the sample build has no accounts.
                dlg->accept();
                window.setLocked(false);
                kioskController->unlock();
            });
            dlg->open();
        });
        kioskController->attach(&window);
    } else {
        window.show();
    }
    return app.exec();
}
