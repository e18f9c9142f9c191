// SPDX-License-Identifier: MIT
// What the desktop app's end-to-end tests share (tst_e2e, tst_e2e_casefiles): a real outpostd with
// demo data, a fresh profile and the app's session on the real keyring, and the helpers they use.
#pragma once

#include "appsession.h"
#include "attachmentsmodel.h"
#include "attachmentspanel.h"
#include "casedetailspane.h"
#include "caseview.h"
#include "conflictdialog.h"
#include "credentialstore.h"
#include "fieldeditor.h"
#include "flowactionbar.h"
#include "historymodel.h"
#include "historyview.h"
#include "httpclient.h"
#include "localstore.h"
#include "mainwindow.h"
#include "notesmodel.h"
#include "notespanel.h"
#include "outpostdprocess.h"
#include "serverchangedbanner.h"
#include "signindialog.h"
#include "storecasedetails.h"
#include "storelistmodels.h"
#include "storeunlock.h"
#include "synccontroller.h"
#include "syncstatusbar.h"
#include "testdatabase.h"
#include "translations.h"
#include "uiserverenv.h"
#include "worklistfilterproxy.h"
#include "worklistmodel.h"
#include "worklistroles.h"
#include "worklistview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCryptographicHash>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <QUuid>
#include <optional>

namespace outpost::testing {

using namespace outpost::ui;

class E2eFixture
{
protected:
    UiServerEnv m_env;
    std::unique_ptr<AppSession> m_session;
    QString m_keychain;

    static void fillAndSubmit(SignInDialog &dlg, const QString &user, const QString &password)
    {
        UiServerEnv::typeCredentials(&dlg, user, password);
        auto *button = dlg.findChild<QPushButton *>(QStringLiteral("signInButton"));
        QVERIFY(button);
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
    }

    /// An open inspection case of alice's (the demo data has plenty).
    QString pickCase(const QString &except = {}) const
    {
        StoreWorklistModel *m = m_session->worklistModel();
        for (int r = 0; r < m->rowCount(); ++r) {
            const QModelIndex i = m->index(r, 0);
            if (i.data(CaseTypeRole).toString() == QLatin1String("inspection")
                && i.data(AssigneeRole).toString() == QLatin1String("alice")
                && (i.data(StatusRole).toString() == QLatin1String("New")
                    || i.data(StatusRole).toString() == QLatin1String("InProgress"))
                && i.data(CaseIdRole).toString() != except)
                return i.data(CaseIdRole).toString();
        }
        return {};
    }

    int pendingOf(const QString &caseId) const
    {
        StoreWorklistModel *m = m_session->worklistModel();
        const int row = m->rowOf(caseId);
        return row < 0 ? -1 : m->index(row, 0).data(PendingCountRole).toInt();
    }

    /// Whether a row of `model` shows all of `parts`.
    static bool anyRowShows(const QAbstractItemModel *model, const QStringList &parts)
    {
        for (int r = 0; r < model->rowCount(); ++r) {
            const QString text = model->index(r, 0).data().toString();
            bool all = true;
            for (const QString &p : parts)
                all = all && text.contains(p);
            if (all)
                return true;
        }
        return false;
    }

    static int rowShowing(const QAbstractItemModel *model, const QString &part)
    {
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->index(r, 0).data().toString().contains(part))
                return r;
        return -1;
    }

    /// The office (carol) runs `action` on case `id` at its current etag, as another device would;
    /// the status of its result ("applied", …), or what went wrong.
    QString officeAction(const QString &id, QJsonObject action)
    {
        auto c = carol();
        const HttpReply got = c->get(QStringLiteral("/api/v1/cases/") + id);
        if (got.status != 200)
            return QStringLiteral("GET case: HTTP %1").arg(got.status);
        action.insert(QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
        action.insert(QStringLiteral("caseId"), id);
        action.insert(QStringLiteral("baseEtag"), got.json().value(QStringLiteral("etag")).toString());
        action.insert(QStringLiteral("clientTime"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        const HttpReply up = c->post(QStringLiteral("/api/v1/sync/actions"),
            QJsonObject { { "deviceId", "office" }, { "actions", QJsonArray { action } } });
        if (up.status != 200)
            return QStringLiteral("POST actions: HTTP %1").arg(up.status);
        return up.json()
            .value(QStringLiteral("results"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("status"))
            .toString();
    }

    std::unique_ptr<HttpClient> carol()
    {
        auto c = std::make_unique<HttpClient>(m_env.server->baseUrl());
        c->setToken(c->signIn(QStringLiteral("carol"), QStringLiteral("carol")));
        return c;
    }

    /// outpostd with 60 demo cases, a fresh profile, the session "Sync now" drives.
    void startEnv()
    {
        QString why;
        QVERIFY2(m_env.start(60, &why), qPrintable(why));
        m_env.newProfile();
        const AppSession::Options so = m_env.quietSessionOptions(); // "Sync now" decides when it goes up
        m_keychain = so.keychainService;
        m_session = std::make_unique<AppSession>(m_env.window.get(), so);
    }

    void stopEnv()
    {
        m_session.reset();
        QCOMPARE(m_env.stop(), 0);
    }

    /// alice signs in through the dialog, online, and her first sync fills the worklist.
    void signInAlice()
    {
        SignInDialog dlg;
        m_session->attachSignInDialog(&dlg);
        dlg.setServer(m_env.server->baseUrl().toString());
        dlg.show();
        QSignalSpy started(m_session.get(), &AppSession::started);
        fillAndSubmit(dlg, QStringLiteral("alice"), QStringLiteral("alice"));
        QVERIFY2(started.wait(30000) || !started.isEmpty(), qPrintable(dlg.messageText()));
        QVERIFY(m_session->isActive());
        m_env.window->show();
        QTRY_VERIFY_WITH_TIMEOUT(m_session->worklistModel()->rowCount() > 0
                && !m_session->worklistModel()->isLoading()
                && m_session->controller()->state() == sync::SyncState::Online,
            60000);
    }
};

} // namespace outpost::testing
