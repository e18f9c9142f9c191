// SPDX-License-Identifier: MIT
#include "attachmentprefetcher.h"

#include "apiclient.h"
#include "localstore.h"
#include "privatefiles.h"
#include "sealedfile.h"
#include "synclogging.h"

#include <QCryptographicHash>
#include <QFileInfo>

namespace outpost::sync {

AttachmentPrefetcher::AttachmentPrefetcher(client::LocalStore *store, ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_api(api)
{ }

void AttachmentPrefetcher::start(qint64 budgetBytes, std::function<void(int, int)> done)
{
    cancel();
    const client::PrefetchPlan plan = m_store->reads().prefetchPlan(std::max<qint64>(0, budgetBytes));
    m_queue = plan.toFetch;
    m_onDevice = plan.onDevice;
    m_total = plan.onDevice + int(plan.toFetch.size());
    m_fetched = m_failed = 0;
    m_stop = false;
    if (plan.overBudget > 0)
        qCInfo(lcSyncWorker) << plan.overBudget << "attachments left out: over the budget of" << budgetBytes
                             << "bytes";
    if (m_queue.isEmpty()) {
        done(0, 0);
        return;
    }
    m_done = std::move(done);
    Q_EMIT progress(m_onDevice, m_total);
    for (int i = 0; i < Depth; ++i)
        next();
}

void AttachmentPrefetcher::cancel()
{
    ++m_pass;
    m_done = nullptr;
    m_queue.clear();
    m_inFlight = 0;
}

void AttachmentPrefetcher::next()
{
    if (m_stop || m_queue.isEmpty()) {
        if (m_inFlight == 0 && m_done) {
            auto done = std::move(m_done);
            m_done = nullptr;
            done(m_fetched, m_failed);
        }
        return;
    }
    const client::PrefetchItem item = m_queue.takeFirst();
    ++m_inFlight;
    const quint64 pass = m_pass;
    m_api->getAttachment(item.id, [this, pass, item](Result<QByteArray> got) {
        if (pass != m_pass)
            return;
        --m_inFlight;
        finished(item, std::move(got));
        next();
    });
}

void AttachmentPrefetcher::finished(const client::PrefetchItem &item, Result<QByteArray> got)
{
    if (!got.ok()) {
        ++m_failed;
        qCInfo(lcSyncWorker) << "prefetch of" << item.id << "failed:" << got.error().code
                             << got.error().message;
        if (isTransientError(got.error()) || got.error().code == QLatin1String(errc::Unauthenticated)
            || got.error().code == QLatin1String(errc::Canceled))
            m_stop = true; // the next cycle continues where this one ended
        return;
    }
    const QString sha
        = QString::fromLatin1(QCryptographicHash::hash(got.value(), QCryptographicHash::Sha256).toHex());
    if (!item.sha256.isEmpty() && sha.compare(item.sha256, Qt::CaseInsensitive) != 0) {
        ++m_failed;
        qCWarning(lcSyncWorker) << "prefetch of" << item.id << "refused: sha256" << sha << "expected"
                                << item.sha256;
        return;
    }
    const QString path = m_store->reads().cachePathFor(item.id, item.name);
    if (path.isEmpty()) {
        ++m_failed;
        return;
    }
    // Only this user may read the cache (the copies are sealed besides).
    const QString dir = QFileInfo(path).absolutePath();
    client::privatefiles::makeDir(dir);
    client::privatefiles::makePrivate(QFileInfo(dir).absolutePath());
    const auto sealed = client::sealedfile::write(m_store->path(), got.value(), path);
    if (!sealed) {
        ++m_failed;
        qCWarning(lcSyncWorker) << "prefetch of" << item.id << "not kept:" << sealed.error().message;
        m_stop = true; // a full disk or a locked store: no point in fetching more now
        return;
    }
    ++m_fetched;
    Q_EMIT progress(m_onDevice + m_fetched, m_total);
}

} // namespace outpost::sync
