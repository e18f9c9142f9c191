// SPDX-License-Identifier: MIT
#include "storecasedetails.h"

#include "apitypes.h"
#include "casefilesworker.h"
#include "localstore.h"
#include "modelslogging.h"

#include <QDir>
#include <QFileInfo>

namespace outpost::ui {

namespace {
constexpr int CacheDays = 30;

/// A file name safe to create: no directories, nothing hidden, never empty.
QString safeFileName(const QString &name, const QString &fallback)
{
    QString n = QFileInfo(name).fileName();
    for (QChar &c : n)
        if (c == QLatin1Char('/') || c == QLatin1Char('\\') || c == QLatin1Char(':') || c.unicode() < 32)
            c = QLatin1Char('_');
    while (n.startsWith(QLatin1Char('.')))
        n.remove(0, 1);
    return n.isEmpty() ? fallback : n;
}
} // namespace

StoreCaseDetails::StoreCaseDetails(client::LocalStore *store, const QString &userId,
    std::shared_ptr<sync::HttpTransport> http, qint64 cacheBudgetBytes, QObject *parent)
    : CaseDetailsHost(parent)
    , m_store(store)
    , m_userId(userId)
    , m_worker(new CaseFilesWorker(store->path(), std::move(http)))
    , m_thread(QStringLiteral("outpost-casefiles"), m_worker)
{
    qRegisterMetaType<QList<CaseHistoryEntry>>();
    m_cacheDir = client::StoreLocation::cacheDirFor(store->path());

    connect(m_worker, &CaseFilesWorker::attached, this,
        [this](const QString &caseId, const QString &id, const QString &error) {
            if (id.isEmpty()) {
                Q_EMIT attachmentFailed(caseId, {}, error);
                return;
            }
            Q_EMIT attachmentAdded(caseId, id);
            Q_EMIT detailsChanged(caseId);
            Q_EMIT localChangeMade(caseId);
        });
    connect(m_worker, &CaseFilesWorker::progress, this, &CaseDetailsHost::attachmentProgress);
    connect(m_worker, &CaseFilesWorker::fileReady, this,
        [this](const QString &caseId, const QString &id, const QString &path, const QByteArray &content,
            const QString &error) {
            m_fetching.remove(id);
            if (!error.isEmpty())
                Q_EMIT attachmentFailed(caseId, id, error);
            else
                Q_EMIT attachmentReady(caseId, id, QFileInfo(path).fileName(), content);
        });
    m_thread.start();
    // Opened copies are a cache: what was not opened for a month goes (the originals stay on the
    // server or, until uploaded, beside the store), unless the prefetch put it there for a case
    // still on the device: that copy is what opens offline.
    CaseFilesWorker *w = m_worker;
    QMetaObject::invokeMethod(
        w, [w, cacheBudgetBytes] { w->pruneCache(cacheBudgetBytes, CacheDays); }, Qt::QueuedConnection);
}

// The worker is deleted on its thread as it ends: its requests and store connection end there.
StoreCaseDetails::~StoreCaseDetails() = default;

void StoreCaseDetails::setServer(const QUrl &server)
{
    m_server = server;
    pushServer();
}

void StoreCaseDetails::setToken(const QString &token)
{
    m_token = token;
    pushServer();
}

void StoreCaseDetails::pushServer()
{
    CaseFilesWorker *w = m_worker;
    const QUrl server = m_server;
    const QString token = m_token;
    QMetaObject::invokeMethod(
        w, [w, server, token] { w->setServer(server, token); }, Qt::QueuedConnection);
}

void StoreCaseDetails::setOnline(bool online)
{
    if (online == m_online)
        return;
    m_online = online;
    Q_EMIT onlineChanged(online);
}

QList<CaseNote> StoreCaseDetails::localNotes(const QString &caseId) const
{
    QList<CaseNote> out;
    const QString id = m_store->reads().resolveId(caseId);
    for (const client::SyncIssue &i : m_store->reads().syncIssues()) {
        if (i.action.type != ActionType::Note || m_store->reads().resolveId(i.caseId) != id)
            continue;
        out.append({ i.actionId, QDateTime::fromString(i.action.clientTime, Qt::ISODateWithMs), m_userId,
            i.action.text, true, i.error.message });
    }
    for (const client::QueuedAction &a : m_store->reads().queuedActions(id)) {
        if (a.action.type != ActionType::Note)
            continue;
        out.append({ a.action.id, QDateTime::fromString(a.action.clientTime, Qt::ISODateWithMs), m_userId,
            a.action.text, true, {} });
    }
    return out;
}

Status StoreCaseDetails::addNote(const QString &caseId, const QString &text)
{
    Status st = m_store->edits().addNote(caseId, text);
    if (st) {
        Q_EMIT detailsChanged(caseId);
        Q_EMIT localChangeMade(caseId);
    }
    return st;
}

QList<CaseAttachment> StoreCaseDetails::attachments(const QString &caseId) const
{
    QList<CaseAttachment> out;
    const std::optional<client::LocalCase> c = m_store->reads().caseById(caseId);
    const QList<client::AttachmentInfo> local = m_store->reads().attachments(caseId);
    QHash<QString, client::AttachmentInfo> localById;
    for (const client::AttachmentInfo &a : local)
        localById.insert(a.id, a);
    QSet<QString> listed;
    if (c) {
        for (const AttachmentRef &r : c->record.attachments) {
            // Sent from here, or opened or prefetched into the cache: it opens offline.
            const bool hasLocal
                = (localById.contains(r.id) && QFileInfo::exists(localById.value(r.id).localPath))
                || !m_store->reads().attachmentCopy(r.id).isEmpty();
            out.append({ r.id, r.name, r.mime, r.size, r.sha256,
                hasLocal ? CaseAttachment::State::Uploaded : CaseAttachment::State::OnServer });
            listed.insert(r.id);
        }
    }
    for (const client::AttachmentInfo &a : local) {
        if (listed.contains(a.id))
            continue;
        out.append({ a.id, a.name, a.mime, a.size, a.sha256,
            a.uploaded ? CaseAttachment::State::Uploaded : CaseAttachment::State::Pending });
    }
    return out;
}

void StoreCaseDetails::addAttachment(const QString &caseId, const QString &filePath)
{
    CaseFilesWorker *w = m_worker;
    QMetaObject::invokeMethod(
        w, [w, caseId, filePath] { w->attach(caseId, filePath); }, Qt::QueuedConnection);
}

void StoreCaseDetails::fetchAttachment(const QString &caseId, const QString &attachmentId)
{
    if (m_fetching.contains(attachmentId))
        return; // its answer comes
    CaseAttachment found;
    bool known = false;
    for (const CaseAttachment &a : attachments(caseId))
        if (a.id == attachmentId) {
            found = a;
            known = true;
        }
    if (!known) {
        Q_EMIT attachmentFailed(caseId, attachmentId, tr("The attachment is no longer part of this case."));
        return;
    }
    // The id and the name came from the server: the file must land inside the cache, whatever they say.
    const QString root = QDir::cleanPath(m_cacheDir);
    const QString dest = QDir::cleanPath(
        root + QLatin1Char('/') + attachmentId + QLatin1Char('/') + safeFileName(found.name, attachmentId));
    if (!sync::parse::isAttachmentId(attachmentId) || !dest.startsWith(root + QLatin1Char('/'))) {
        Q_EMIT attachmentFailed(
            caseId, attachmentId, tr("The server sent an attachment that cannot be opened."));
        return;
    }
    QString source;
    for (const client::AttachmentInfo &a : m_store->reads().attachments(caseId))
        if (a.id == attachmentId && QFileInfo::exists(a.localPath))
            source = a.localPath;
    m_fetching.insert(attachmentId);
    CaseFilesWorker *w = m_worker;
    if (!source.isEmpty()) {
        QMetaObject::invokeMethod(
            w, [w, caseId, attachmentId, source, dest] { w->copyOut(caseId, attachmentId, source, dest); },
            Qt::QueuedConnection);
        return;
    }
    const QString sha = found.sha256;
    QMetaObject::invokeMethod(
        w, [w, caseId, attachmentId, dest, sha] { w->download(caseId, attachmentId, dest, sha); },
        Qt::QueuedConnection);
}

void StoreCaseDetails::fetchHistory(const QString &caseId)
{
    const std::optional<client::LocalCase> c = m_store->reads().caseById(caseId);
    if (c && c->isLocalOnly) {
        Q_EMIT historyUnavailable(caseId,
            tr("This case was created on this device and is not on the server yet. Its history starts "
               "once it is sent."),
            false);
        return;
    }
    // The history comes with the changes feed and is read from the store (a few indexed rows), the
    // same offline as online; reported after this call returns, as a fetch would be.
    QList<CaseHistoryEntry> entries;
    for (const client::HistoryRecord &h : m_store->reads().caseHistory(c ? c->record.id : caseId))
        entries.append({ QDateTime::fromString(h.at, Qt::ISODateWithMs), h.by, h.action, h.changes, h.text });
    QMetaObject::invokeMethod(
        this, [this, caseId, entries] { Q_EMIT historyReady(caseId, entries); }, Qt::QueuedConnection);
}

} // namespace outpost::ui
