// SPDX-License-Identifier: MIT
#include "casefilesworker.h"

#include "privatefiles.h"

#include "apiclient.h"
#include "attachmentcache.h"
#include "localstore.h"
#include "modelslogging.h"
#include "sealedfile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace outpost::ui {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::ui::CaseFilesWorker)
};

/// `<store>.cache/<id>/` of a cached file, private like the rest of the profile.
void makeCacheDirFor(const QString &dest)
{
    const QString dir = QFileInfo(dest).absolutePath();
    client::privatefiles::makeDir(dir);
    client::privatefiles::makePrivate(QFileInfo(dir).absolutePath());
}

/// Copies in chunks through QSaveFile: the copy appears complete or not at all.
QString copyFile(const QString &source, const QString &dest)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return Tr::tr("Cannot read %1: %2").arg(QFileInfo(source).fileName(), in.errorString());
    makeCacheDirFor(dest);
    QSaveFile out(dest);
    if (!out.open(QIODevice::WriteOnly))
        return Tr::tr("Cannot write %1: %2").arg(dest, out.errorString());
    out.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    while (!in.atEnd()) {
        const QByteArray chunk = in.read(1 << 16);
        if (chunk.isEmpty() && in.error() != QFile::NoError)
            return Tr::tr("Cannot read %1: %2").arg(QFileInfo(source).fileName(), in.errorString());
        if (out.write(chunk) != chunk.size())
            return Tr::tr("Cannot write %1: %2").arg(dest, out.errorString());
    }
    if (!out.commit())
        return Tr::tr("Cannot write %1: %2").arg(dest, out.errorString());
    return {};
}
/// A reused copy counts as opened now (the cache keeps what is opened within 30 days).
void touch(const QString &path)
{
    QFile f(path);
    if (f.open(QIODevice::ReadWrite))
        f.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
}
} // namespace

CaseFilesWorker::CaseFilesWorker(const QString &storePath, std::shared_ptr<sync::HttpTransport> http)
    : m_storePath(storePath)
    , m_http(std::move(http))
{ }

// On the worker's thread as it ends (WorkerThread): requests abort without reporting, the store
// connection closes.
CaseFilesWorker::~CaseFilesWorker()
{
    delete m_api;
    m_api = nullptr;
    m_store.reset();
}

client::LocalStore *CaseFilesWorker::store(QString *error)
{
    if (!m_store) {
        client::LocalStore::Options o;
        o.verify = false; // verified by the session at sign-in
        auto s = client::LocalStore::open(m_storePath, o);
        if (!s) {
            *error = s.error().message;
            return nullptr;
        }
        m_store = std::move(s).value();
    }
    return m_store.get();
}

sync::ApiClient *CaseFilesWorker::api()
{
    if (!m_api) {
        m_api = new sync::ApiClient(m_http, this);
        m_api->setServer(m_server);
        m_api->setToken(m_token);
    }
    return m_api;
}

void CaseFilesWorker::setServer(const QUrl &server, const QString &token)
{
    m_server = server;
    m_token = token;
    if (m_api) {
        m_api->setServer(server);
        m_api->setToken(token);
    }
}

void CaseFilesWorker::attach(const QString &caseId, const QString &filePath)
{
    QString error;
    client::LocalStore *s = store(&error);
    if (!s) {
        Q_EMIT attached(caseId, {}, error);
        return;
    }
    const Result<QString> id = s->edits().attachFile(caseId, filePath);
    if (!id) {
        qCInfo(lcUiModels) << "attaching" << filePath << "to" << caseId << "failed:" << id.error().code;
        Q_EMIT attached(caseId, {}, id.error().message);
        return;
    }
    Q_EMIT attached(caseId, id.value(), {});
}

void CaseFilesWorker::copyOut(
    const QString &caseId, const QString &attachmentId, const QString &source, const QString &dest)
{
    // Both copies are sealed with the store's key: the bytes are copied as they are, then opened.
    const QFileInfo have(dest);
    const QFileInfo from(source);
    QString error;
    if (have.exists() && have.size() == from.size() && have.lastModified() >= from.lastModified())
        touch(dest);
    else
        error = copyFile(source, dest);
    if (!error.isEmpty()) {
        Q_EMIT fileReady(caseId, attachmentId, {}, {}, error);
        return;
    }
    ready(caseId, attachmentId, dest);
}

void CaseFilesWorker::ready(const QString &caseId, const QString &attachmentId, const QString &path)
{
    const Result<QByteArray> content = client::sealedfile::read(m_storePath, path);
    if (!content) {
        QFile::remove(path); // a damaged copy of the cache: fetched again next time
        Q_EMIT fileReady(caseId, attachmentId, {}, {}, content.error().message);
        return;
    }
    Q_EMIT fileReady(caseId, attachmentId, path, content.value(), {});
}

void CaseFilesWorker::download(
    const QString &caseId, const QString &attachmentId, const QString &dest, const QString &sha256)
{
    if (QFileInfo::exists(dest) && !sha256.isEmpty()) {
        const Result<QByteArray> have = client::sealedfile::read(m_storePath, dest);
        if (have
            && QString::fromLatin1(QCryptographicHash::hash(have.value(), QCryptographicHash::Sha256).toHex())
                    .compare(sha256, Qt::CaseInsensitive)
                == 0) {
            touch(dest);
            Q_EMIT fileReady(caseId, attachmentId, dest, have.value(), {});
            return;
        }
    }
    makeCacheDirFor(dest);
    api()->getAttachment(
        attachmentId,
        [this, caseId, attachmentId, dest, sha256](Result<QByteArray> got) {
            if (!got) {
                Q_EMIT fileReady(caseId, attachmentId, {}, {},
                    sync::isTransientError(got.error())
                        ? Tr::tr("The server cannot be reached; try again when you are online.")
                        : got.error().message);
                return;
            }
            const QString sha = QString::fromLatin1(
                QCryptographicHash::hash(got.value(), QCryptographicHash::Sha256).toHex());
            if (!sha256.isEmpty() && sha.compare(sha256, Qt::CaseInsensitive) != 0) {
                Q_EMIT fileReady(caseId, attachmentId, {}, {},
                    Tr::tr("The downloaded file differs from the one on record (sha256 %1, expected %2).")
                        .arg(sha, sha256));
                return;
            }
            // Kept sealed in the cache, so that it opens offline next time.
            const auto sealed = client::sealedfile::write(m_storePath, got.value(), dest);
            if (!sealed)
                qCWarning(lcUiModels)
                    << "cannot keep" << attachmentId << "in the cache:" << sealed.error().message;
            Q_EMIT fileReady(caseId, attachmentId, dest, got.value(), {});
        },
        [this, attachmentId](
            qint64 received, qint64 total) { Q_EMIT progress(attachmentId, received, total); });
}

void CaseFilesWorker::pruneCache(qint64 budgetBytes, int maxAgeDays)
{
    QString error;
    client::LocalStore *s = store(&error);
    if (!s) {
        qCInfo(lcUiModels) << "the cache is not pruned:" << error;
        return;
    }
    const client::attachmentcache::PruneReport r
        = client::attachmentcache::prune(*s, budgetBytes, maxAgeDays);
    if (r.removed > 0)
        qCInfo(lcUiModels) << "cache pruned:" << r.removed << "old copies removed," << r.kept << "kept";
}

} // namespace outpost::ui
