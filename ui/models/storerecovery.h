// SPDX-License-Identifier: MIT
#pragma once

#include "result.h"
#include "storetypes.h"

#include <QFutureWatcher>
#include <QObject>

namespace outpost::ui {

/// "Recover unsent work" in the app: a damaged store's readable queued actions go into a fresh store
/// at the same path, the damaged file is kept aside (LocalStore::recoverUnsentWork), on the thread
/// pool, since it reads and writes the whole queue. The next sign-in opens the fresh store and its
/// sync sends each recovered action once (the server knows them by their ids).
class StoreRecovery : public QObject
{
    Q_OBJECT
public:
    explicit StoreRecovery(QObject *parent = nullptr);
    ~StoreRecovery() override;

    /// Starts recovering the store at `storePath` (its key unlocked by the sign-in that found it
    /// damaged); false while a recovery runs.
    bool start(const QString &storePath);
    bool isRunning() const { return m_watcher.isRunning(); }

    /// The result for people: "4 unsent changes recovered; the damaged file was kept as …".
    static QString resultText(const client::RecoveryReport &report);

Q_SIGNALS:
    void finished(const outpost::Result<outpost::client::RecoveryReport> &result);

private:
    QFutureWatcher<Result<client::RecoveryReport>> m_watcher;
};

} // namespace outpost::ui
