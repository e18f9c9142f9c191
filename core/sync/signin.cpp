// SPDX-License-Identifier: MIT
#include "signin.h"

#include "apiclient.h"
#include "credentialstore.h"
#include "localstore.h"
#include "offlineverifier.h"
#include "synclogging.h"

#include <QDir>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentRun>

namespace outpost::sync {

using client::EventLevel;
using client::LocalStore;
using client::StoreLocation;

namespace {
/// Runs `work` on the thread pool (PBKDF2 takes ~0.4 s: never on the GUI thread) and hands the
/// result to `then` on `context`'s thread.
template <typename R> void offThread(QObject *context, std::function<R()> work, std::function<void(R)> then)
{
    auto *watcher = new QFutureWatcher<R>(context);
    QObject::connect(watcher, &QFutureWatcher<R>::finished, context, [watcher, then]() {
        watcher->deleteLater();
        then(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}
} // namespace

SignIn::SignIn(QString keychainService, QObject *parent)
    : QObject(parent)
    , m_api(new ApiClient(this))
    , m_credentials(new CredentialStore(std::move(keychainService), this))
{ }

void SignIn::signIn(const QUrl &server, const QString &user, const QString &password,
    const QString &profileDir, std::function<void(Result<SignInOutcome>)> done)
{
    if (!server.isValid()
        || (server.scheme() != QLatin1String("http") && server.scheme() != QLatin1String("https"))
        || server.host().isEmpty()) {
        done(Error(QStringLiteral("validation_failed"),
            tr("The server address must be an http:// or https:// URL."),
            { { QStringLiteral("server"), tr("not an http(s) URL") } }));
        return;
    }
    if (user.trimmed().isEmpty()) {
        done(Error(QStringLiteral("validation_failed"), tr("A user name is required."),
            { { QStringLiteral("user"), tr("required") } }));
        return;
    }
    QDir().mkpath(profileDir);
    const QString path = StoreLocation::pathFor(profileDir, server, user);
    auto opened = LocalStore::open(path);
    if (!opened.ok()) {
        done(opened.error());
        return;
    }
    std::shared_ptr<LocalStore> store(std::move(opened).value());
    const QString deviceId = store->deviceId();
    m_api->setTransferTimeout(std::chrono::milliseconds(m_timeoutMs));
    m_api->signIn(server, user, password, deviceId, [=, this](Result<SessionInfo> s) {
        if (!s.ok()) {
            if (!isTransientError(s.error())) {
                store->logEvent(EventLevel::Warning, QStringLiteral("signin"),
                    QStringLiteral("online sign-in refused: %1").arg(s.error().code));
                done(s.error());
                return;
            }
            // The server is away: the verifier of the last good password decides.
            const QString verifier = store->syncValue(QString::fromLatin1(VerifierKey));
            if (verifier.isEmpty()) {
                done(Error(s.error().code,
                    tr("The server cannot be reached and this user never signed in on this device: %1")
                        .arg(s.error().message)));
                return;
            }
            offThread<bool>(
                this, [verifier, password]() { return OfflineVerifier::verify(verifier, password); },
                [=](bool matches) {
                    if (!matches) {
                        store->logEvent(EventLevel::Warning, QStringLiteral("signin"),
                            QStringLiteral("offline sign-in refused"));
                        done(Error(QStringLiteral("bad_credentials"), tr("Wrong user name or password.")));
                        return;
                    }
                    SignInOutcome out;
                    out.offline = true;
                    out.storePath = path;
                    const QJsonObject u
                        = QJsonDocument::fromJson(store->syncValue(QString::fromLatin1(UserKey)).toUtf8())
                              .object();
                    out.session.userId = u.value(QLatin1String("id")).toString(user);
                    out.session.displayName = u.value(QLatin1String("displayName")).toString();
                    store->logEvent(
                        EventLevel::Info, QStringLiteral("signin"), QStringLiteral("signed in offline"));
                    done(out);
                });
            return;
        }
        const SessionInfo session = s.value();
        m_credentials->writeToken(CredentialStore::keyFor(server, user), session.token, [=, this](Status w) {
            if (!w.ok()) {
                done(w.error());
                return;
            }
            offThread<QString>(
                this, [password]() { return OfflineVerifier::create(password); },
                [=](const QString &verifier) {
                    Status st = store->setSyncValue(QString::fromLatin1(VerifierKey), verifier);
                    if (st.ok())
                        st = store->setSyncValue(QString::fromLatin1(UserKey),
                            QString::fromUtf8(
                                QJsonDocument(session.toJson().value(QLatin1String("user")).toObject())
                                    .toJson(QJsonDocument::Compact)));
                    if (st.ok())
                        st = store->setSyncValue(QString::fromLatin1(ServerKey), server.toString());
                    if (!st.ok()) {
                        done(st.error());
                        return;
                    }
                    store->logEvent(
                        EventLevel::Info, QStringLiteral("signin"), QStringLiteral("signed in online"));
                    SignInOutcome out;
                    out.session = session;
                    out.storePath = path;
                    done(out);
                });
        });
    });
}

void SignIn::signOut(const QUrl &server, const QString &user, std::function<void(Status)> done)
{
    const QString key = CredentialStore::keyFor(server, user);
    m_credentials->readToken(key, [=, this](Result<QString> t) {
        auto removeLocal = [=, this]() { m_credentials->removeToken(key, done); };
        if (!t.ok()) {
            removeLocal();
            return;
        }
        m_api->setServer(server);
        m_api->setToken(t.value());
        m_api->signOut([=](Status) { removeLocal(); });
    });
}

} // namespace outpost::sync
