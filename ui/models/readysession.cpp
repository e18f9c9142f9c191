// SPDX-License-Identifier: MIT
#include "readysession.h"

#include "localstore.h"
#include "mainwindow.h"
#include "modelslogging.h"
#include "readycheck.h"
#include "synccontroller.h"
#include "syncstatusbar.h"

#include <QtConcurrent>

namespace outpost::ui {

namespace {

/// On a pool thread: the check over a connection opened and closed here.
ReadyState runCheck(const QString &storePath, const QString &userId)
{
    ReadyState out;
    client::LocalStore::Options o;
    o.verify = false; // the sign-in verified the store
    auto store = client::LocalStore::open(storePath, o);
    out.known = true;
    out.checkedAt = QDateTime::currentDateTimeUtc();
    if (!store.ok()) {
        out.lines << ReadyLine { false,
            ReadySession::tr("The data on this device cannot be read: %1").arg(store.error().message), {} };
        return out;
    }
    const sync::ReadyReport report = sync::ReadyCheck::run(*store.value(), userId);
    out.ready = report.ready();
    for (const sync::ReadyItem &i : report.items)
        out.lines << ReadyLine { i.ok, i.text, i.details };
    qCDebug(lcUiModels) << "ready check:" << (out.ready ? "ready" : "not ready") << "in" << report.elapsedMs
                        << "ms";
    return out;
}

} // namespace

ReadySession::ReadySession(
    MainWindow *window, sync::SyncController *controller, QString storePath, QString userId, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_controller(controller)
    , m_storePath(std::move(storePath))
    , m_userId(std::move(userId))
{
    m_soon.setSingleShot(true);
    m_soon.setInterval(1000);
    connect(&m_soon, &QTimer::timeout, this, &ReadySession::check);
    connect(&m_watcher, &QFutureWatcher<ReadyState>::finished, this, &ReadySession::checkDone);
    connect(window->syncStatus(), &SyncStatusBar::readyClicked, this, &ReadySession::showPanel);
    connect(controller, &sync::SyncController::pendingCountChanged, this, [this]() { m_soon.start(); });
    connect(controller, &sync::SyncController::cycleFinished, this,
        [this](bool ok, const QString &, const QString &message) {
            if (m_gettingReady && m_panel) {
                m_gettingReady = false;
                m_panel->setBusy(true,
                    ok ? tr("Synced. Checking again…") : tr("The sync did not finish: %1").arg(message));
            }
            check();
        });
    connect(
        controller, &sync::SyncController::progress, this, [this](const QString &phase, int done, int total) {
            if (m_gettingReady && m_panel)
                m_panel->setProgress(phase, done, total);
        });
}

ReadySession::~ReadySession()
{
    m_watcher.waitForFinished();
}

void ReadySession::check()
{
    m_soon.stop();
    if (m_watcher.isRunning()) {
        m_again = true;
        return;
    }
    m_watcher.setFuture(QtConcurrent::run(&runCheck, m_storePath, m_userId));
}

void ReadySession::checkDone()
{
    m_state = m_watcher.result();
    if (m_window)
        m_window->syncStatus()->setReadiness(m_state.known, m_state.ready, m_state.reasonCount());
    if (m_panel) {
        m_panel->setState(m_state);
        if (!m_gettingReady && !m_again)
            m_panel->setBusy(false, m_panel->isBusy() ? m_panel->statusText() : QString());
    }
    Q_EMIT checked(m_state);
    if (m_again) {
        m_again = false;
        check();
    }
}

void ReadySession::showPanel()
{
    if (!m_panel) {
        m_panel = new ReadyPanel(m_window);
        m_panel->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_panel, &ReadyPanel::getReadyRequested, this, &ReadySession::getReady);
        connect(m_panel, &ReadyPanel::checkRequested, this, [this]() {
            m_panel->setBusy(true, tr("Checking…"));
            check();
        });
    }
    m_panel->setState(m_state);
    if (m_window) // a kiosk's full screen gets a panel a finger can use; a desk a dialog's size
        m_panel->resize(std::clamp(m_window->width() * 6 / 10, 520, 820),
            std::clamp(m_window->height() * 7 / 10, 420, 640));
    m_panel->show();
    m_panel->raise();
    m_panel->activateWindow();
    if (!m_state.known)
        check();
}

void ReadySession::getReady()
{
    if (!m_panel)
        showPanel();
    m_gettingReady = true;
    m_panel->setBusy(true, tr("Syncing…"));
    m_controller->syncNow();
}

} // namespace outpost::ui
