// SPDX-License-Identifier: MIT
#include "signinjob.h"

#include "apiclient.h"
#include "credentialstore.h"
#include "devicewipe.h"
#include "httptransport.h"
#include "localstore.h"
#include "offlineverifier.h"
#include "privatefiles.h"
#include "storeunlock.h"
#include "synclogging.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace outpost::sync {

using client::EventLevel;
using client::LocalStore;
using client::StoreLocation;

namespace {
/// Hands `future`'s result to `then` on `context`'s thread once it is in (at once, queued, when it is
/// in already). Dropped with `context`.
template <typename R> void whenDone(QObject *context, const QFuture<R> &future, std::function<void(R)> then)
{
    auto *watcher = new QFutureWatcher<R>(context);
    QObject::connect(watcher, &QFutureWatcher<R>::finished, context, [watcher, then]() {
        watcher->deleteLater();
        then(watcher->result());
    });
    watcher->setFuture(future);
}

const QString SignInCategory = QStringLiteral("signin");
} // namespace

SignInJob::SignInJob(Request request, SyncServices services, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
    , m_services(std::move(services))
    , m_api(new ApiClient(m_services.http, this))
{
    Q_ASSERT(m_services.http && m_services.credentials);
}

SignInJob::~SignInJob() = default;

SignInJob::StoreCheck SignInJob::checkStore(const QString &path)
{
    // On the thread pool with its own connection: open (create or migrate), integrity check and
    // queue audit, then the device id (created on first use; the only write, and only once the
    // check passed).
    QElapsedTimer timer;
    timer.start();
    StoreCheck check;
    auto store = LocalStore::open(path); // verify: queue audit (+ integrity check after an unclean end)
    if (store)
        check.deviceId = store.value()->deviceId();
    else
        check.error = store.error();
    check.ms = timer.elapsed();
    return check;
}

void SignInJob::start(Done done)
{
    m_done = std::move(done);
    checkServer();
}

void SignInJob::checkServer()
{
    const QUrl &server = m_request.server;
    if (!server.isValid()
        || (server.scheme() != QLatin1String("http") && server.scheme() != QLatin1String("https"))
        || server.host().isEmpty()) {
        fail(Error(QStringLiteral("validation_failed"),
            SignIn::tr("The server address must be an http:// or https:// URL."),
            { { QStringLiteral("server"), SignIn::tr("not an http(s) URL") } }));
        return;
    }
    // Before anything else, offline sign-in included: a profile that may not talk to this server
    // says so instead of signing in against the verifier.
    if (Status allowed = m_services.http->policy().check(server); !allowed.ok()) {
        fail(allowed.error());
        return;
    }
    if (m_request.user.trimmed().isEmpty()) {
        fail(Error(QStringLiteral("validation_failed"), SignIn::tr("A user name is required."),
            { { QStringLiteral("user"), SignIn::tr("required") } }));
        return;
    }
    client::privatefiles::makeDir(m_request.profileDir);
    m_storePath = StoreLocation::pathFor(m_request.profileDir, server, m_request.user);
    // The store's key from the keychain first (a new one for a new store): nothing opens without it.
    unlockStore(m_services.credentials.get(), server, m_request.user, m_storePath,
        StoreKeyMode::CreateIfMissing, [self = QPointer(this)](Status unlocked) {
            if (!self)
                return;
            if (!unlocked.ok()) {
                self->fail(unlocked.error());
                return;
            }
            if (self->m_request.unlocked)
                self->m_request.unlocked(self->m_storePath);
            self->startCheck();
        });
}

void SignInJob::startCheck()
{
    // The store is checked on the thread pool while the server checks the password (or, offline,
    // while the verifier does). A damaged store fails the sign-in with its error.
    m_check = QtConcurrent::run(&SignInJob::checkStore, m_storePath);
    // The request carries the device id: read it without waiting for the check; a new store (or
    // one that cannot be read that way) gets it from the check.
    const QString deviceId = LocalStore::peekSyncValue(m_storePath, QStringLiteral("device_id"));
    if (!deviceId.isEmpty()) {
        authenticate(deviceId);
        return;
    }
    whenDone<StoreCheck>(this, m_check, [this](StoreCheck c) {
        if (!c.error.isNull()) {
            fail(c.error);
            return;
        }
        authenticate(c.deviceId);
    });
}

void SignInJob::authenticate(const QString &deviceId)
{
    m_api->setTransferTimeout(m_request.timeout);
    m_api->signIn(m_request.server, m_request.user, m_request.password, deviceId,
        [this](Result<SessionInfo> s) { authenticated(std::move(s)); });
}

void SignInJob::authenticated(Result<SessionInfo> s)
{
    if (s.ok()) {
        m_session = s.value();
        // The fresh verifier is computed alongside the check and the keychain write.
        m_freshVerifier = QtConcurrent::run(
            [password = m_request.password]() { return OfflineVerifier::create(password); });
        openStore(&SignInJob::storeToken);
        return;
    }
    m_refusal = s.error();
    if (m_refusal.code == QLatin1String(errc::AccountDisabled)) {
        openStore(&SignInJob::shutOut);
        return;
    }
    if (m_refusal.code == QLatin1String(errc::DeviceWiped)) {
        wiped();
        return;
    }
    // A certificate that is not trusted is not "the server is away": signing in offline instead
    // would hide a misconfiguration (or someone in between).
    if (!isTransientError(m_refusal) || m_refusal.code == QLatin1String(errc::TlsFailed)) {
        openStore(&SignInJob::refused);
        return;
    }
    verifyOffline();
}

void SignInJob::refused()
{
    m_store->logEvent(EventLevel::Warning, SignInCategory,
        QStringLiteral("online sign-in refused: %1").arg(m_refusal.code));
    fail(m_refusal);
}

void SignInJob::shutOut()
{
    // Whoever holds this device must not get in offline either: the verifier of the last good
    // password and the window go, and so does the token.
    const Status erased = m_store->setSyncValues({ { QString::fromLatin1(SignIn::VerifierKey), QString() },
        { QString::fromLatin1(SignIn::OfflineUntilKey), QString() } });
    if (!erased.ok())
        qCWarning(lcSyncApi) << "sign-in: cannot erase the offline verifier:" << erased.error().toString();
    m_store->logEvent(EventLevel::Warning, SignInCategory,
        QStringLiteral("the server disabled this user: offline sign-in and the saved session erased"));
    m_services.credentials->removeToken(
        CredentialStore::keyFor(m_request.server, m_request.user), [self = QPointer(this)](Status) {
            if (self)
                self->fail(Error(QString::fromLatin1(errc::AccountDisabled),
                    SignIn::tr("This account is disabled. Ask your administrator.")));
        });
}

void SignInJob::wiped()
{
    // The check on the thread pool has its connection open: it ends first, then the store, its
    // files and both keychain entries go. The next sign-in starts a new store with a new device id.
    whenDone<StoreCheck>(this, m_check, [this](StoreCheck) {
        qCWarning(lcSyncApi) << "sign-in: the server wiped this device; erasing" << m_storePath;
        eraseDevice(m_services.credentials.get(), m_request.server, m_request.user, m_storePath,
            [self = QPointer(this)](Status erased) {
                if (!erased.ok())
                    qCWarning(lcSyncApi) << "wipe:" << erased.error().toString();
                if (self)
                    self->fail(Error(QString::fromLatin1(errc::DeviceWiped), SignIn::wipedMessage()));
            });
    });
}

Error SignInJob::offlineWindowError() const
{
    const QDateTime now = m_services.now();
    const QDateTime until = SignIn::offlineUntil(*m_store);
    if (until.isValid() && now < until)
        return Error();
    return Error(QString::fromLatin1(errc::OfflineExpired),
        until.isValid()
            ? SignIn::tr("This device may work without the server only until %1, and the server cannot be "
                         "reached now. Connect to the network and sign in again.")
                  .arg(QLocale().toString(until.toLocalTime(), QLocale::ShortFormat))
            : SignIn::tr("Signing in without the server needs one sign-in with the server first. Connect "
                         "to the network and sign in again."));
}

void SignInJob::storeToken()
{
    m_services.credentials->writeToken(CredentialStore::keyFor(m_request.server, m_request.user),
        m_session->token, [self = QPointer(this)](Status w) {
            if (self)
                self->tokenStored(w);
        });
}

void SignInJob::tokenStored(const Status &status)
{
    if (!status.ok()) {
        abandon(status.error());
        return;
    }
    whenDone<QString>(this, m_freshVerifier, [this](const QString &) { commitState(); });
}

void SignInJob::commitState()
{
    const QString user
        = QString::fromUtf8(QJsonDocument(m_session->toJson().value(QLatin1String("user")).toObject())
                                .toJson(QJsonDocument::Compact));
    // One transaction: a later sign-in (online or offline) never sees half of them.
    const Status st = m_store->setSyncValues({
        { QString::fromLatin1(SignIn::VerifierKey), m_freshVerifier.result() },
        { QString::fromLatin1(SignIn::UserKey), user },
        { QString::fromLatin1(SignIn::ServerKey), m_request.server.toString() },
        { QString::fromLatin1(SignIn::OfflineUntilKey),
            m_services.now().toUTC().addSecs(m_session->offlineWindowSeconds).toString(Qt::ISODateWithMs) },
        { QString::fromLatin1(SignIn::OfflineWindowKey), QString::number(m_session->offlineWindowSeconds) },
    });
    if (!st.ok()) {
        abandon(st.error());
        return;
    }
    m_store->logEvent(EventLevel::Info, SignInCategory, QStringLiteral("signed in online"));
    SignInOutcome out;
    out.session = *m_session;
    out.storePath = m_storePath;
    finish(out);
}

void SignInJob::verifyOffline()
{
    // The server is away: the verifier of the last good password decides (read without waiting for
    // the check, which goes on alongside the ~0.4 s of PBKDF2).
    m_storedVerifier = LocalStore::peekSyncValue(m_storePath, QString::fromLatin1(SignIn::VerifierKey));
    if (m_storedVerifier.isEmpty()) {
        fail(Error(m_refusal.code,
            SignIn::tr("The server cannot be reached and this user never signed in on this device: %1")
                .arg(m_refusal.message)));
        return;
    }
    // On the thread pool: never PBKDF2 on the GUI thread.
    whenDone<bool>(this, QtConcurrent::run([verifier = m_storedVerifier, password = m_request.password]() {
        return OfflineVerifier::verify(verifier, password);
    }),
        [this](bool matches) {
            m_offlineMatches = matches;
            openStore(&SignInJob::offlineVerified);
        });
}

void SignInJob::offlineVerified()
{
    if (!m_offlineMatches) {
        m_store->logEvent(EventLevel::Warning, SignInCategory, QStringLiteral("offline sign-in refused"));
        fail(Error(QStringLiteral("bad_credentials"), SignIn::tr("Wrong user name or password.")));
        return;
    }
    if (Error expired = offlineWindowError(); !expired.isNull()) {
        m_store->logEvent(EventLevel::Warning, SignInCategory,
            QStringLiteral("offline sign-in refused: past the offline window"));
        fail(expired);
        return;
    }
    SignInOutcome out;
    out.offline = true;
    out.storePath = m_storePath;
    const QJsonObject u
        = QJsonDocument::fromJson(m_store->syncValue(QString::fromLatin1(SignIn::UserKey)).toUtf8()).object();
    out.session.userId = u.value(QLatin1String("id")).toString(m_request.user);
    out.session.displayName = u.value(QLatin1String("displayName")).toString();
    m_store->logEvent(EventLevel::Info, SignInCategory, QStringLiteral("signed in offline"));
    finish(out);
}

void SignInJob::openStore(Step next)
{
    whenDone<StoreCheck>(this, m_check, [this, next](StoreCheck c) {
        Error error = c.error;
        if (error.isNull()) {
            qCInfo(lcSyncApi) << "sign-in: store verified in" << c.ms << "ms (thread pool)";
            LocalStore::Options o;
            o.verify = false; // just checked
            auto opened = LocalStore::open(m_storePath, o);
            if (opened.ok()) {
                m_store = std::move(opened).value();
                (this->*next)();
                return;
            }
            error = opened.error();
        } else {
            qCWarning(lcSyncApi) << "sign-in: the store failed its check:" << error.toString();
        }
        if (m_session)
            abandon(error);
        else
            fail(error);
    });
}

void SignInJob::abandon(const Error &error)
{
    // The server accepted the password but the sign-in cannot finish here (the store failed, the
    // keychain refused the token): the session it opened is closed again, so that no valid token is
    // left that nothing holds. The error is reported once the server answered (or could not).
    m_api->signOut([this, error](Status) { fail(error); });
}

void SignInJob::fail(const Error &error)
{
    finish(error);
}

void SignInJob::finish(Result<SignInOutcome> result)
{
    m_store.reset();
    Done done = std::move(m_done);
    m_done = nullptr;
    deleteLater();
    if (done)
        done(std::move(result)); // may destroy the SignIn, and this job with it: nothing follows
}

} // namespace outpost::sync
