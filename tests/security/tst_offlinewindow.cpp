// SPDX-License-Identifier: MIT
// Offline sign-in has an end, and a disabled user is shut out: a real outpostd that allows two days
// offline, a real store, a clock the test moves days ahead, and `outpostd user disable` run as an
// administrator would.
#include "credentialstore.h"
#include "e2ehelpers.h"
#include "httptransport.h"
#include "memorycredentialstore.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace e2e;

class TestOfflineWindow : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_dbPath;
    testing::OutpostdProcess m_server;
    std::shared_ptr<HttpTransport> m_http = std::make_shared<HttpTransport>();
    std::shared_ptr<testing::MemoryCredentialStore> m_tokens
        = std::make_shared<testing::MemoryCredentialStore>();
    QDateTime m_now = QDateTime::currentDateTimeUtc();

    SyncServices services()
    {
        return SyncServices { m_http, m_tokens, [this]() { return m_now; } };
    }

    Result<SignInOutcome> signIn(const QString &user, const QString &profile)
    {
        SignIn s(services());
        s.setTransferTimeout(5000);
        return await<Result<SignInOutcome>>(
            [&](auto cb) { s.signIn(m_server.baseUrl(), user, user, profile, cb); });
    }

    int userCommand(const QString &command, const QString &user)
    {
        QProcess p;
        p.start(testing::OutpostdProcess::binary(),
            { QStringLiteral("user"), command, user, QStringLiteral("--db"),
                QStringLiteral("sqlite:") + m_dbPath });
        p.waitForFinished(60000);
        return p.exitCode();
    }

    QString verifierOf(const QString &storePath)
    {
        return client::LocalStore::peekSyncValue(storePath, QString::fromLatin1(SignIn::VerifierKey));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_dbPath = m_dir.filePath(QStringLiteral("server.db"));
        testing::OutpostdProcess::Options o;
        o.dbUrl = QStringLiteral("sqlite:") + m_dbPath;
        o.demo = true;
        o.demoCases = 30;
        o.extraArgs = { QStringLiteral("--offline-days"), QStringLiteral("2") };
        QString why;
        QVERIFY2(m_server.start(o, &why), qPrintable(why));
    }

    void theSessionSaysHowLongTheDeviceMayWorkOffline()
    {
        ApiClient api(m_http);
        auto s = login(api, m_server.baseUrl(), QStringLiteral("carol"));
        QVERIFY2(s.ok(), qPrintable(s.error().toString()));
        QCOMPARE(s->offlineWindowSeconds, 2 * 86400);

        // Without the option: 7 days.
        testing::OutpostdProcess plain;
        testing::OutpostdProcess::Options o;
        o.dbUrl = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("plain.db"));
        o.demo = true;
        o.demoCases = 1;
        QString why;
        QVERIFY2(plain.start(o, &why), qPrintable(why));
        ApiClient other(m_http);
        auto d = login(other, plain.baseUrl(), QStringLiteral("carol"));
        QVERIFY2(d.ok(), qPrintable(d.error().toString()));
        QCOMPARE(d->offlineWindowSeconds, 7 * 86400);
        QCOMPARE(plain.stop(), 0);
    }

    void offlineSignInEndsWithTheWindow()
    {
        const QString profile = m_dir.filePath(QStringLiteral("alice-device"));
        m_now = QDateTime::currentDateTimeUtc();
        auto online = signIn(QStringLiteral("alice"), profile);
        QVERIFY2(online.ok(), qPrintable(online.error().toString()));
        QVERIFY(!online->offline);

        QCOMPARE(m_server.stop(), 0); // the technician drives out of reach
        m_now = m_now.addDays(1);
        auto dayLater = signIn(QStringLiteral("alice"), profile);
        QVERIFY2(dayLater.ok(), qPrintable(dayLater.error().toString()));
        QVERIFY(dayLater->offline);

        m_now = m_now.addDays(2); // three days after the last contact, the server allows two
        auto tooLate = signIn(QStringLiteral("alice"), profile);
        QVERIFY(!tooLate.ok());
        QCOMPARE(tooLate.error().code, QString::fromLatin1(errc::OfflineExpired));
        QVERIFY2(tooLate.error().message.contains(QLatin1String("sign in again")),
            qPrintable(tooLate.error().message));
        // The right password does not help; a wrong one still reads as wrong.
        SignIn wrong(services());
        auto w = await<Result<SignInOutcome>>([&](auto cb) {
            wrong.signIn(m_server.baseUrl(), QStringLiteral("alice"), QStringLiteral("guess"), profile, cb);
        });
        QCOMPARE(w.error().code, QStringLiteral("bad_credentials"));

        // With the server: in again, and the window starts afresh.
        QString why;
        QVERIFY2(m_server.restart(&why), qPrintable(why));
        auto back = signIn(QStringLiteral("alice"), profile);
        QVERIFY2(back.ok(), qPrintable(back.error().toString()));
        QVERIFY(!back->offline);
        QCOMPARE(m_server.stop(), 0);
        m_now = m_now.addDays(1);
        auto offlineAgain = signIn(QStringLiteral("alice"), profile);
        QVERIFY2(offlineAgain.ok(), qPrintable(offlineAgain.error().toString()));
        QVERIFY2(m_server.restart(&why), qPrintable(why));
    }

    void aDisabledUserIsShutOutAtTheNextContact()
    {
        const QString profile = m_dir.filePath(QStringLiteral("bob-device"));
        m_now = QDateTime::currentDateTimeUtc();
        auto in = signIn(QStringLiteral("bob"), profile);
        QVERIFY2(in.ok(), qPrintable(in.error().toString()));
        const QString key = CredentialStore::keyFor(m_server.baseUrl(), QStringLiteral("bob"));
        QVERIFY(m_tokens->entries().contains(key));
        QVERIFY(!verifierOf(in->storePath).isEmpty());

        QCOMPARE(userCommand(QStringLiteral("disable"), QStringLiteral("bob")), 0);

        // The next sync: refused, and the device forgets the token and the offline verifier.
        SyncConfig config
            = oneShotConfig(in->storePath, m_server.baseUrl(), QStringLiteral("bob"), QString());
        SyncController sync(config, services());
        QSignalSpy disabled(&sync, &SyncController::accountDisabled);
        QSignalSpy cycle(&sync, &SyncController::cycleFinished);
        sync.start();
        QVERIFY(disabled.wait(30000));
        // The cycle's end is a signal of its own, queued after accountDisabled: waited for, not assumed.
        QTRY_VERIFY_WITH_TIMEOUT(!cycle.isEmpty(), 30000);
        QCOMPARE(cycle.first().at(1).toString(), QString::fromLatin1(errc::AccountDisabled));
        QCOMPARE(sync.state(), SyncState::SignInRequired);
        QVERIFY(!m_tokens->entries().contains(key));
        QVERIFY(verifierOf(in->storePath).isEmpty());

        // Out of reach of the server, the device does not let him in.
        QCOMPARE(m_server.stop(), 0);
        auto offline = signIn(QStringLiteral("bob"), profile);
        QVERIFY(!offline.ok());
        QString why;
        QVERIFY2(m_server.restart(&why), qPrintable(why));
        // With it, he is told.
        auto online = signIn(QStringLiteral("bob"), profile);
        QVERIFY(!online.ok());
        QCOMPARE(online.error().code, QString::fromLatin1(errc::AccountDisabled));

        // Disabled while signed out: the sign-in itself erases the verifier.
        const QString aliceProfile = m_dir.filePath(QStringLiteral("alice-device"));
        const QString aliceStore
            = client::StoreLocation::pathFor(aliceProfile, m_server.baseUrl(), QStringLiteral("alice"));
        QVERIFY(!verifierOf(aliceStore).isEmpty());
        QCOMPARE(userCommand(QStringLiteral("disable"), QStringLiteral("alice")), 0);
        auto alice = signIn(QStringLiteral("alice"), aliceProfile);
        QCOMPARE(alice.error().code, QString::fromLatin1(errc::AccountDisabled));
        QVERIFY(verifierOf(aliceStore).isEmpty());
        QVERIFY(!m_tokens->entries().contains(
            CredentialStore::keyFor(m_server.baseUrl(), QStringLiteral("alice"))));

        // Enabled again: he signs in with the server as before.
        QCOMPARE(userCommand(QStringLiteral("enable"), QStringLiteral("bob")), 0);
        auto back = signIn(QStringLiteral("bob"), profile);
        QVERIFY2(back.ok(), qPrintable(back.error().toString()));
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_GUILESS_MAIN(TestOfflineWindow)
#include "tst_offlinewindow.moc"
