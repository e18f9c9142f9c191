// SPDX-License-Identifier: MIT
#pragma once

#include "casedetailshost.h"
#include "thread/workerthread.h"

#include <QSet>
#include <QUrl>

#include <memory>

namespace outpost::client {
class LocalStore;
}
namespace outpost::sync {
class HttpTransport;
}

namespace outpost::ui {

class CaseFilesWorker;

/// The CaseDetailsHost of a signed-in session. Reads and addNote use the GUI thread's LocalStore
/// (quick indexed reads, one transaction per note, exactly like the CLI's `case note`). Copying
/// attached files, downloads and the history run on a CaseFilesWorker on its own thread, so the
/// GUI thread never waits for the network or for a file of up to 20 MiB being copied and synced.
/// Downloads land in "<store>.cache/<attachment id>/<file name>" beside the store (the name kept
/// so that the desktop opens it with the right application). When the session starts, copies not
/// opened for 30 days are removed unless the prefetch keeps them (an attachment of a case on the
/// device, within the budget of attachments kept on the device: client::attachmentcache::prune).
class StoreCaseDetails : public CaseDetailsHost
{
    Q_OBJECT
public:
    /// `store` (the GUI thread's) must outlive this object; `userId` names the author of local notes.
    /// Requests go through `http` (null: a transport of the worker's own). `cacheBudgetBytes` is the
    /// budget of attachments kept on the device (SyncConfig::prefetchBudget, the setting).
    StoreCaseDetails(client::LocalStore *store, const QString &userId,
        std::shared_ptr<sync::HttpTransport> http = {}, qint64 cacheBudgetBytes = qint64(1) << 30,
        QObject *parent = nullptr);
    ~StoreCaseDetails() override;

    /// The server and token of the session (SyncController::tokenChanged).
    void setServer(const QUrl &server);
    void setToken(const QString &token);
    /// As the sync engine sees it (its stateChanged); going online refetches what waited.
    void setOnline(bool online);
    QString cacheDir() const { return m_cacheDir; }

    QList<CaseNote> localNotes(const QString &caseId) const override;
    Status addNote(const QString &caseId, const QString &text) override;
    QList<CaseAttachment> attachments(const QString &caseId) const override;
    void addAttachment(const QString &caseId, const QString &filePath) override;
    void fetchAttachment(const QString &caseId, const QString &attachmentId) override;
    void fetchHistory(const QString &caseId) override;
    bool isOnline() const override { return m_online; }

Q_SIGNALS:
    /// A note or file was queued for `caseId` (connect to the session's local-change handling).
    void localChangeMade(const QString &caseId);

private:
    void pushServer();

    client::LocalStore *m_store;
    QString m_userId;
    QString m_cacheDir;
    QUrl m_server;
    QString m_token;
    bool m_online = true;
    CaseFilesWorker *m_worker; // owned by m_thread
    WorkerThread m_thread; // "outpost-casefiles"
    QSet<QString> m_fetching; // attachment ids being prepared
};

} // namespace outpost::ui
