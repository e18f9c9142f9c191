// SPDX-License-Identifier: MIT
#include "apitypes.h"
#include "awaitresult.h"
#include "credentialstore.h"
#include "rawhttpserver.h"
#include "signin.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <cstdio>
#include <optional>

using namespace outpost;
using namespace outpost::sync;

namespace {

template <typename R, typename Start> R await(Start start)
{
    return outpost::testing::await<R>(start, 30000);
}

// Child mode: try to save a token without any session bus and print what happened.
int childMain(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    KeychainCredentialStore store(QStringLiteral("outpost-test"));
    const QString token = qEnvironmentVariable("OUTPOST_CREDSTORE_TOKEN");
    store.writeToken(QStringLiteral("nobus@http://127.0.0.1"), token, [&app](Status s) {
        std::printf("%s|%s\n", qPrintable(s.ok() ? QStringLiteral("ok") : s.error().code),
            qPrintable(s.error().message));
        std::fflush(stdout);
        app.exit(0);
    });
    return app.exec();
}

} // namespace

class TestCredentialStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dataHome;
    bool m_haveBus = false;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dataHome.isValid());
        qputenv("XDG_DATA_HOME", m_dataHome.path().toUtf8());
        m_haveBus = qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS");
    }

    void roundTripInTheRealKeyring()
    {
        if (!m_haveBus)
            QSKIP("No D-Bus session bus: run under scripts/test.sh (dbus-run-session + unlocked "
                  "gnome-keyring)");
        KeychainCredentialStore store(QStringLiteral("outpost-test"));
        const QString key = CredentialStore::keyFor(
            QUrl(QStringLiteral("http://127.0.0.1:8470/")), QStringLiteral("alice"));
        QCOMPARE(key, QStringLiteral("alice@http://127.0.0.1:8470"));
        const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);

        Status w = await<Status>([&](auto cb) { store.writeToken(key, token, cb); });
        QVERIFY2(w.ok(), qPrintable(w.error().toString()));
        Result<QString> r = await<Result<QString>>([&](auto cb) { store.readToken(key, cb); });
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r.value(), token);

        // Overwrite, and a second user's entry stays apart.
        const QString bobKey
            = CredentialStore::keyFor(QUrl(QStringLiteral("http://127.0.0.1:8470")), QStringLiteral("bob"));
        QVERIFY(
            await<Status>([&](auto cb) { store.writeToken(key, token + QStringLiteral("-2"), cb); }).ok());
        QVERIFY(await<Status>([&](auto cb) { store.writeToken(bobKey, QStringLiteral("bobs"), cb); }).ok());
        QCOMPARE(await<Result<QString>>([&](auto cb) { store.readToken(key, cb); }).value(),
            token + QStringLiteral("-2"));
        QCOMPARE(await<Result<QString>>([&](auto cb) { store.readToken(bobKey, cb); }).value(),
            QStringLiteral("bobs"));

        // Remove, then it is gone; removing again is fine.
        QVERIFY(await<Status>([&](auto cb) { store.removeToken(key, cb); }).ok());
        Result<QString> gone = await<Result<QString>>([&](auto cb) { store.readToken(key, cb); });
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code, QString::fromLatin1(errc::NotFound));
        QVERIFY(await<Status>([&](auto cb) { store.removeToken(key, cb); }).ok());
        QVERIFY(await<Status>([&](auto cb) { store.removeToken(bobKey, cb); }).ok());
    }

    void signOutDoesNotWaitForAServerThatNeverAnswers()
    {
        // Signing out revokes the session on the server, best effort: a network that swallows the
        // request must not hold the technician's sign-out for the sign-in's transfer timeout.
        if (!m_haveBus)
            QSKIP("No D-Bus session bus: run under scripts/test.sh");
        RawHttpServer server;
        server.silent = true;
        QVERIFY(server.start());
        const QUrl url(server.baseUrl());
        KeychainCredentialStore store(QStringLiteral("outpost"));
        const QString key = CredentialStore::keyFor(url, QStringLiteral("alice"));
        QVERIFY(
            await<Status>([&](auto cb) { store.writeToken(key, QStringLiteral("tok-signout"), cb); }).ok());

        SignIn signIn({ nullptr, std::make_shared<KeychainCredentialStore>(QStringLiteral("outpost")) });
        signIn.setTransferTimeout(120000); // what sign-in may wait; sign-out must not
        std::optional<Status> done;
        QElapsedTimer t;
        t.start();
        signIn.signOut(url, QStringLiteral("alice"), [&](Status s) { done = s; });
        QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 15000);
        QCOMPARE(server.requests.size(), 1);
        QVERIFY(server.requests.first().startsWith("DELETE /api/v1/session"));
        QVERIFY(server.requests.first().contains("Bearer tok-signout"));
        // The device forgets the token whatever the server did.
        Result<QString> gone = await<Result<QString>>([&](auto cb) { store.readToken(key, cb); });
        QCOMPARE(gone.error().code, QString::fromLatin1(errc::NotFound));
        qInfo() << "sign-out against a silent server took" << t.elapsed() << "ms";
    }

    void noSessionBusIsAClearErrorAndNoPlaintext()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString token = QStringLiteral("tok-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.remove(QStringLiteral("DISPLAY")); // no X11 autolaunch of a bus either
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("run")));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.insert(QStringLiteral("OUTPOST_CREDSTORE_CHILD"), QStringLiteral("1"));
        env.insert(QStringLiteral("OUTPOST_CREDSTORE_TOKEN"), token);

        QProcess child;
        child.setProcessEnvironment(env);
        QSignalSpy finished(&child, &QProcess::finished);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(finished.wait(60000));
        QCOMPARE(child.exitStatus(), QProcess::NormalExit);
        const QString out = QString::fromUtf8(child.readAllStandardOutput()).trimmed();
        const QString code = out.section(QLatin1Char('|'), 0, 0);
        const QString message = out.section(QLatin1Char('|'), 1);
        QVERIFY2(code == QLatin1String(errc::KeychainUnavailable), qPrintable(out));
        QVERIFY2(message.contains(QLatin1String("keychain")), qPrintable(message));
        QVERIFY(!message.contains(token));
        qInfo("without a session bus: %s", qPrintable(message));

        // No plaintext fallback anywhere under the child's home.
        QDirIterator it(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(token.toUtf8()), qPrintable(f.fileName()));
        }
    }
};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet("OUTPOST_CREDSTORE_CHILD"))
        return childMain(argc, argv);
    QCoreApplication app(argc, argv);
    TestCredentialStore t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_credentialstore.moc"
