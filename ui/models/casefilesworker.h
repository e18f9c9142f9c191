// SPDX-License-Identifier: MIT
#pragma once

#include "casedetailshost.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace outpost::client {
class LocalStore;
}
namespace outpost::sync {
class ApiClient;
class HttpTransport;
} // namespace outpost::sync

namespace outpost::ui {

/// The slow half of StoreCaseDetails, on its own thread ("outpost-casefiles"): copying attached
/// files beside the store (LocalStore::attachFile reads, hashes and fsyncs the whole file, up to the
/// store's 20 MiB limit), downloading attachments into the cache and fetching case histories. It has
/// its own LocalStore connection (named after the thread) and its own ApiClient, on the
/// application's transport. Called through queued invocations only; results leave as queued signals
/// carrying plain values. Deleted on its thread as it ends (WorkerThread).
class CaseFilesWorker : public QObject
{
    Q_OBJECT
public:
    /// Requests go through `http` (null: a transport of its own).
    CaseFilesWorker(const QString &storePath, std::shared_ptr<sync::HttpTransport> http);
    ~CaseFilesWorker() override;

public Q_SLOTS:
    void setServer(const QUrl &server, const QString &token);
    /// LocalStore::attachFile → attached(caseId, id, {}) or attached(caseId, {}, message).
    void attach(const QString &caseId, const QString &filePath);
    /// A copy of the local file `source` at `dest` (opened apps never touch the file that is still
    /// to be uploaded) → fileReady with its content. Both stay sealed (client::sealedfile).
    void copyOut(
        const QString &caseId, const QString &attachmentId, const QString &source, const QString &dest);
    /// GET /attachments/{id}, kept sealed at `dest`, unless a copy with `sha256` is there already
    /// → fileReady with its content.
    void download(
        const QString &caseId, const QString &attachmentId, const QString &dest, const QString &sha256);
    /// Removes the copies in the store's cache not touched for `maxAgeDays` days that the prefetch
    /// of attachments within `budgetBytes` does not keep (client::attachmentcache::prune).
    void pruneCache(qint64 budgetBytes, int maxAgeDays);

Q_SIGNALS:
    void attached(const QString &caseId, const QString &attachmentId, const QString &error);
    void progress(const QString &attachmentId, qint64 received, qint64 total);
    /// `content` is the file's plaintext (in memory only); `path` its sealed copy in the cache
    /// (empty on an error, or when the copy could not be kept).
    void fileReady(const QString &caseId, const QString &attachmentId, const QString &path,
        const QByteArray &content, const QString &error);

private:
    client::LocalStore *store(QString *error);
    sync::ApiClient *api();
    void ready(const QString &caseId, const QString &attachmentId, const QString &path);

    QString m_storePath;
    std::shared_ptr<sync::HttpTransport> m_http;
    std::unique_ptr<client::LocalStore> m_store;
    sync::ApiClient *m_api = nullptr;
    QUrl m_server;
    QString m_token;
};

} // namespace outpost::ui
