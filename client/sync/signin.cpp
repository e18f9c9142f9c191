// SPDX-License-Identifier: MIT
#include "signin.h"

#include "apiclient.h"
#include "credentialstore.h"
#include "localstore.h"
#include "offlineverifier.h"
#include "synclogging.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentRun>

namespace outpost::sync {

using client::EventLevel;
using client::LocalStore;
using client::StoreLocation;

namespace {
/// Hands `future`'s result to `then` on `context`'s thread once it is in (at once, queued, when it is
/// in already).
template <typename R> void whenDone(QObject *context, const QFuture<R> &future, std::function<void(R)> then)
{
    auto *watcher = new QFutureWatcher<R>(context);
    QObject::connect(watcher, &QFutureWatcher<R>::finished, context, [watcher, then]() {
        watcher->deleteLater();
        then(watcher->result());
    });
    watcher->setFuture(future);
}

/// Runs `work` on the thread pool (PBKDF2 takes ~0.4 s: never on the GUI thread) and hands the
/// result to `then` on `context`'s thread.
template <typename R> void offThread(QObject *context, std::function<R()> work, std::function<void(R)> then)
{
    whenDone<R>(context, QtConcurrent::run(std::move(work)), std::move(then));
}

/// The store's check at sign-in, made on the thread pool with its own connection: open (create or
/// migrate), integrity check and queue audit, then the device id (created on first use; the only
/// write, and only once the check passed).
struct StoreCheck {
    Error error;
    QString deviceId;
    qint64 ms = 0;
};

StoreCheck checkStore(const QString &path)
{
    QElapsedTimer timer;
    timer.start();
    StoreCheck check;
    auto store = LocalStore::open(path); // verify: integrity check + queue audit
    if (store)
        check.deviceId = store.value()->deviceId();
    else
        check.error = store.error();
    check.ms = timer.elapsed();
    return check;
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
    // The store is checked (about 0.5 s for 50,000 cases) on the thread pool while the server
    // checks the password (or, offline, while the verifier does); nothing is written to it, and no
    // token kept, before the check passed. A damaged store fails the sign-in with its error.
    const QFuture<StoreCheck> check = QtConcurrent::run(&checkStore, path);
    // Whatever needs the store waits for its check, then gets the calling thread's connection.
    // `fail` gets a store that failed (the plain `done` unless given).
    const auto withStore = [this, check, path, done](std::function<void(std::shared_ptr<LocalStore>)> then,
                               std::function<void(const Error &)> fail = {}) {
        if (!fail)
            fail = [done](const Error &e) { done(e); };
        whenDone<StoreCheck>(this, check, [path, fail, then](StoreCheck c) {
            if (!c.error.isNull()) {
                qCWarning(lcSyncApi) << "sign-in: the store failed its check:" << c.error.toString();
                fail(c.error);
                return;
            }
            qCInfo(lcSyncApi) << "sign-in: store verified in" << c.ms << "ms (thread pool)";
            LocalStore::Options o;
            o.verify = false; // just checked
            auto opened = LocalStore::open(path, o);
            if (!opened.ok()) {
                fail(opened.error());
                return;
            }
            then(std::shared_ptr<LocalStore>(std::move(opened).value()));
        });
    };
    // The server accepted the password but the sign-in cannot finish here (the store failed, the
    // keychain refused the token): the session it opened is closed again, so that no valid token is
    // left that nothing holds. The error is reported once the server answered (or could not).
    const auto abandon = [this, done](const Error &e) { m_api->signOut([done, e](Status) { done(e); }); };

    const auto request = [=, this](const QString &deviceId) {
        m_api->setTransferTimeout(std::chrono::milliseconds(m_timeoutMs));
        m_api->signIn(server, user, password, deviceId, [=, this](Result<SessionInfo> s) {
            if (!s.ok() && !isTransientError(s.error())) {
                withStore([=](std::shared_ptr<LocalStore> store) {
                    store->logEvent(EventLevel::Warning, QStringLiteral("signin"),
                        QStringLiteral("online sign-in refused: %1").arg(s.error().code));
                    done(s.error());
                });
                return;
            }
            if (!s.ok()) {
                // The server is away: the verifier of the last good password decides (read without
                // waiting for the check, which goes on alongside the ~0.4 s of PBKDF2).
                const QString verifier = LocalStore::peekSyncValue(path, QString::fromLatin1(VerifierKey));
                if (verifier.isEmpty()) {
                    done(Error(s.error().code,
                        tr("The server cannot be reached and this user never signed in on this device: %1")
                            .arg(s.error().message)));
                    return;
                }
                offThread<bool>(
                    this, [verifier, password]() { return OfflineVerifier::verify(verifier, password); },
                    [=](bool matches) {
                        withStore([=](std::shared_ptr<LocalStore> store) {
                            if (!matches) {
                                store->logEvent(EventLevel::Warning, QStringLiteral("signin"),
                                    QStringLiteral("offline sign-in refused"));
                                done(Error(
                                    QStringLiteral("bad_credentials"), tr("Wrong user name or password.")));
                                return;
                            }
                            SignInOutcome out;
                            out.offline = true;
                            out.storePath = path;
                            const QJsonObject u = QJsonDocument::fromJson(
                                store->syncValue(QString::fromLatin1(UserKey)).toUtf8())
                                                      .object();
                            out.session.userId = u.value(QLatin1String("id")).toString(user);
                            out.session.displayName = u.value(QLatin1String("displayName")).toString();
                            store->logEvent(EventLevel::Info, QStringLiteral("signin"),
                                QStringLiteral("signed in offline"));
                            done(out);
                        });
                    });
                return;
            }
            const SessionInfo session = s.value();
            // The fresh verifier is computed alongside the check and the keychain write.
            const QFuture<QString> fresh
                = QtConcurrent::run([password]() { return OfflineVerifier::create(password); });
            withStore(
                [=, this](std::shared_ptr<LocalStore> store) {
                    m_credentials->writeToken(
                        CredentialStore::keyFor(server, user), session.token, [=, this](Status w) {
                            if (!w.ok()) {
                                abandon(w.error());
                                return;
                            }
                            whenDone<QString>(this, fresh, [=](const QString &verifier) {
                                Status st = store->setSyncValue(QString::fromLatin1(VerifierKey), verifier);
                                if (st.ok())
                                    st = store->setSyncValue(QString::fromLatin1(UserKey),
                                        QString::fromUtf8(QJsonDocument(
                                            session.toJson().value(QLatin1String("user")).toObject())
                                                              .toJson(QJsonDocument::Compact)));
                                if (st.ok())
                                    st = store->setSyncValue(
                                        QString::fromLatin1(ServerKey), server.toString());
                                if (!st.ok()) {
                                    abandon(st.error());
                                    return;
                                }
                                store->logEvent(EventLevel::Info, QStringLiteral("signin"),
                                    QStringLiteral("signed in online"));
                                SignInOutcome out;
                                out.session = session;
                                out.storePath = path;
                                done(out);
                            });
                        });
                },
                abandon);
        });
    };

    // The request carries the device id: read it without waiting for the check; a new store (or
    // one that cannot be read that way) gets it from the check.
    const QString deviceId = LocalStore::peekSyncValue(path, QStringLiteral("device_id"));
    if (!deviceId.isEmpty()) {
        request(deviceId);
        return;
    }
    whenDone<StoreCheck>(this, check, [done, request](StoreCheck c) {
        if (!c.error.isNull()) {
            done(c.error);
            return;
        }
        request(c.deviceId);
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
        // Best effort, and the window waits for it: a network that swallows packets must not hold
        // a technician's sign-out for the full transfer timeout. (Sign-in sets its own again.)
        m_api->setTransferTimeout(std::chrono::milliseconds(std::min(m_timeoutMs, SignOutTimeoutMs)));
        m_api->signOut([=](Status) { removeLocal(); });
    });
}

} // namespace outpost::sync
