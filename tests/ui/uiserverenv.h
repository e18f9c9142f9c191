// SPDX-License-Identifier: MIT
// What every widget test against a real outpostd sets up: private XDG folders, an outpostd with the
// demo data on a fresh SQLite database, a profile folder with its settings and a MainWindow, the
// session options that leave syncing to the test, and typing credentials into the sign-in dialog.
#pragma once

#include "appsession.h"
#include "mainwindow.h"
#include "outpostdprocess.h"
#include "signindialog.h"
#include "testdatabase.h"
#include "translations.h"

#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

namespace outpost::testing {

class UiServerEnv
{
public:
    /// XDG folders of its own, then outpostd with `demoCases` demo cases. False with `why` on failure.
    bool start(int demoCases, QString *why)
    {
        ui::initResources();
        if (!m_xdg.isValid()) {
            *why = QStringLiteral("no temporary folder for XDG");
            return false;
        }
        qputenv("XDG_DATA_HOME", m_xdg.path().toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", m_xdg.filePath(QStringLiteral("config")).toLocal8Bit());
        QStandardPaths::setTestModeEnabled(true);
        db = std::make_unique<TestDatabase>(TestDatabase::Kind::SQLite);
        if (!db->create(why))
            return false;
        server = std::make_unique<OutpostdProcess>();
        OutpostdProcess::Options o;
        o.dbUrl = db->url();
        o.demo = true;
        o.demoCases = demoCases;
        return server->start(o, why);
    }

    /// A fresh profile folder with its settings file and a MainWindow over them.
    void newProfile()
    {
        window.reset();
        profile = std::make_unique<QTemporaryDir>();
        settings = std::make_unique<QSettings>(
            profile->filePath(QStringLiteral("outpost.conf")), QSettings::IniFormat);
        window = std::make_unique<ui::MainWindow>(*settings);
    }

    /// Session options for the current profile: a keychain service of its own, and no sync the test
    /// did not ask for (no timer, no reachability, no push; local changes stay queued until "Sync now").
    ui::AppSession::Options quietSessionOptions() const
    {
        ui::AppSession::Options so;
        so.profileDir = profile->path();
        so.keychainService
            = QStringLiteral("outpost-uitest-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        so.syncTemplate.debounce = std::chrono::minutes(10);
        so.syncTemplate.periodic = false;
        so.syncTemplate.useReachability = false;
        so.syncTemplate.usePush = false;
        return so;
    }

    /// Types `user` and `password` into the dialog's fields (replacing what was there).
    static void typeCredentials(ui::SignInDialog *dlg, const QString &user, const QString &password)
    {
        QVERIFY(dlg);
        auto *u = dlg->findChild<QLineEdit *>(QStringLiteral("user"));
        auto *p = dlg->findChild<QLineEdit *>(QStringLiteral("password"));
        QVERIFY(u && p);
        u->clear();
        QTest::keyClicks(u, user);
        p->clear();
        QTest::keyClicks(p, password);
    }

    /// The window goes first (it holds models of sessions the test may still own), then the server;
    /// its exit code (0 after a clean SIGTERM).
    int stop()
    {
        window.reset();
        return server ? server->stop() : 0;
    }

    std::unique_ptr<TestDatabase> db;
    std::unique_ptr<OutpostdProcess> server;
    std::unique_ptr<QTemporaryDir> profile;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<ui::MainWindow> window;

private:
    QTemporaryDir m_xdg;
};

} // namespace outpost::testing
