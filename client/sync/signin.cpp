// SPDX-License-Identifier: MIT
#include "signin.h"

#include "apiclient.h"
#include "credentialstore.h"
#include "localstore.h"
#include "signinjob.h"

#include <QPointer>

namespace outpost::sync {

SignIn::SignIn(SyncServices services, QObject *parent)
    : QObject(parent)
    , m_services(services.withDefaults())
    , m_api(new ApiClient(m_services.http, this))
{ }

void SignIn::signIn(const QUrl &server, const QString &user, const QString &password,
    const QString &profileDir, std::function<void(Result<SignInOutcome>)> done)
{
    SignInJob::Request request { server, user, password, profileDir, std::chrono::milliseconds(m_timeoutMs),
        [self = QPointer(this)](const QString &storePath) {
            if (self)
                Q_EMIT self->storeUnlocked(storePath);
        } };
    auto *job = new SignInJob(std::move(request), m_services, this); // deletes itself once it reported
    job->start(std::move(done));
}

void SignIn::signOut(const QUrl &server, const QString &user, std::function<void(Status)> done)
{
    const QString key = CredentialStore::keyFor(server, user);
    // The store may be shared and outlive this object: its answer is dropped if this went.
    m_services.credentials->readToken(key, [=, self = QPointer(this)](Result<QString> t) {
        if (!self)
            return;
        auto removeLocal = [=]() { self->m_services.credentials->removeToken(key, done); };
        if (!t.ok()) {
            removeLocal();
            return;
        }
        ApiClient *api = self->m_api;
        api->setServer(server);
        api->setToken(t.value());
        // Best effort, and the window waits for it: a network that swallows packets must not hold
        // a technician's sign-out for the full transfer timeout.
        api->setTransferTimeout(std::chrono::milliseconds(std::min(self->m_timeoutMs, SignOutTimeoutMs)));
        api->signOut([=](Status) { removeLocal(); });
    });
}

QString SignIn::wipedMessage()
{
    return tr("This device was wiped by your administrator; its data was erased.");
}

QDateTime SignIn::offlineUntil(const client::LocalStore &store)
{
    QDateTime until = QDateTime::fromString(store.syncValue(QString::fromLatin1(OfflineUntilKey)), Qt::ISODateWithMs);
    bool windowKnown = false;
    const qint64 window = store.syncValue(QString::fromLatin1(OfflineWindowKey)).toLongLong(&windowKnown);
    const QDateTime lastSync = store.pages().lastSuccess();
    if (windowKnown && lastSync.isValid() && (!until.isValid() || lastSync.addSecs(window) > until))
        until = lastSync.addSecs(window);
    return until;
}

} // namespace outpost::sync
