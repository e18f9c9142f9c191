// SPDX-License-Identifier: MIT
#include "storerecovery.h"

#include "localstore.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace outpost::ui {

StoreRecovery::StoreRecovery(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Result<client::RecoveryReport>>::finished, this,
        [this] { Q_EMIT finished(m_watcher.result()); });
}

StoreRecovery::~StoreRecovery()
{
    // The store's files must not be half moved when the app goes: the recovery is waited for.
    m_watcher.waitForFinished();
}

bool StoreRecovery::start(const QString &storePath)
{
    if (m_watcher.isRunning())
        return false;
    m_watcher.setFuture(
        QtConcurrent::run([storePath] { return client::LocalStore::recoverUnsentWork(storePath); }));
    return true;
}

QString StoreRecovery::resultText(const client::RecoveryReport &report)
{
    const QString kept = QFileInfo(report.movedTo).fileName();
    QString text;
    if (report.actions == 1)
        text
            = tr("1 unsent change recovered; the damaged file was kept as %1. Sign in to send it.").arg(kept);
    else if (report.actions > 1)
        text = tr("%1 unsent changes recovered; the damaged file was kept as %2. Sign in to send them.")
                   .arg(report.actions)
                   .arg(kept);
    else
        text = tr("No unsent change could be read; the damaged file was kept as %1. Sign in to start with a "
                  "fresh store.")
                   .arg(kept);
    if (!report.errors.isEmpty())
        text += QLatin1Char(' ')
            + tr("Some of the damaged file could not be read: %1").arg(report.errors.constFirst());
    return text;
}

} // namespace outpost::ui
