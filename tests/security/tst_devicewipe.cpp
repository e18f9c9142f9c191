// SPDX-License-Identifier: MIT
// A device the administrator wiped erases everything at its next contact, and proves it on disk: a
// real outpostd, the real CLI with the real keyring (scripts/test.sh), `outpostd device wipe` run
// as an administrator would. After the wipe, no file of the profile that belonged to the store is
// left, the keychain holds neither the session token nor the store's key, and the server refuses a
// sign-in from that device.
#include "clirunner.h"
#include "e2ehelpers.h"
#include "httptransport.h"
#include "testdatabase.h"

#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace e2e;

class TestDeviceWipe : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_dbUrl;
    testing::OutpostdProcess m_server;
    testing::CliRunner m_cli { QStringLiteral(OUTPOST_CLI_BIN) };

    int deviceCommand(const QString &command, const QString &deviceId)
    {
        QProcess p;
        p.start(testing::OutpostdProcess::binary(),
            { QStringLiteral("device"), command, deviceId, QStringLiteral("--db"), m_dbUrl });
        p.waitForFinished(60000);
        return p.exitCode();
    }

    /// The device id the user's newest session was opened with, as the server stored it.
    QString deviceOf(const QString &user)
    {
        return testing::TestDatabase::scalar(m_dbUrl,
            QStringLiteral("SELECT device_id FROM sessions WHERE user_id = '%1' ORDER BY created_at DESC, "
                           "rowid DESC LIMIT 1")
                .arg(user))
            .toString();
    }

    /// Every entry of the profile whose name starts with the store's file name.
    static QStringList storeEntries(const QString &storePath)
    {
        const QFileInfo store(storePath);
        return store.absoluteDir().entryList({ store.fileName() + QLatin1Char('*') },
            QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    }

    static Result<QString> keychainEntry(const QString &key)
    {
        KeychainCredentialStore keychain;
        return await<Result<QString>>([&](auto cb) { keychain.readToken(key, cb); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_dbUrl = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("server.db"));
        QString why;
        QVERIFY2(
            startDemoServer(m_server, m_dir.filePath(QStringLiteral("server.db")), &why), qPrintable(why));
    }

    void aWipedDeviceErasesEverythingAtItsNextSync()
    {
        const QString profile = m_dir.filePath(QStringLiteral("alice-device"));
        const QString alice = QStringLiteral("alice");
        auto in = m_cli.signIn(profile, m_server.baseUrl(), alice);
        QVERIFY2(in.first == 0, qPrintable(in.second));
        auto synced = m_cli.run(profile, { QStringLiteral("sync") });
        QVERIFY2(synced.first == 0, qPrintable(synced.second));
        const QString storePath = client::StoreLocation::pathFor(profile, m_server.baseUrl(), alice);

        // A change waits in the queue (lost by the wipe: the administrator's decision).
        auto list = m_cli.run(
            profile, { QStringLiteral("--json"), QStringLiteral("case"), QStringLiteral("list") });
        QVERIFY2(list.first == 0, qPrintable(list.second));
        const QString caseId = QJsonDocument::fromJson(m_cli.lastOut())
                                   .array()
                                   .first()
                                   .toObject()
                                   .value(QStringLiteral("id"))
                                   .toString();
        QVERIFY2(!caseId.isEmpty(), qPrintable(list.second));
        auto note = m_cli.run(profile,
            { QStringLiteral("case"), QStringLiteral("note"), caseId, QStringLiteral("meter sealed") });
        QVERIFY2(note.first == 0, qPrintable(note.second));
        // What the app adds beside the store: attachment copies waiting for upload, the cache of
        // opened files (both sealed with the store's key).
        QVERIFY(QDir().mkpath(storePath + QStringLiteral(".attachments")));
        QVERIFY(QDir().mkpath(storePath + QStringLiteral(".cache/att-1")));
        for (const QString &f : QStringList { storePath + QStringLiteral(".attachments/a1"),
                 storePath + QStringLiteral(".cache/att-1/meter.jpg") }) {
            QFile file(f);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("sealed bytes");
        }
        const QStringList before = storeEntries(storePath);
        QVERIFY2(before.contains(QFileInfo(storePath).fileName()), qPrintable(before.join(QLatin1Char(' '))));
        QVERIFY2(before.size() >= 3, qPrintable(before.join(QLatin1Char(' '))));
        const QString tokenKey = CredentialStore::keyFor(m_server.baseUrl(), alice);
        const QString storeKey = storeKeyEntry(m_server.baseUrl(), alice);
        QVERIFY(keychainEntry(tokenKey).ok());
        QVERIFY(keychainEntry(storeKey).ok());

        // The administrator wipes the device.
        const QString device = deviceOf(alice);
        QVERIFY(!device.isEmpty());
        QCOMPARE(deviceCommand(QStringLiteral("wipe"), device), 0);

        // Its next contact: the sync says so (exit code as for a missing sign-in) and erases.
        auto wiped = m_cli.run(profile, { QStringLiteral("sync") });
        QCOMPARE(wiped.first, 5);
        QVERIFY2(wiped.second.contains(QLatin1String("device_wiped")), qPrintable(wiped.second));
        QVERIFY2(
            storeEntries(storePath).isEmpty(), qPrintable(storeEntries(storePath).join(QLatin1Char(' '))));
        QVERIFY(!QFileInfo::exists(QDir(profile).filePath(QStringLiteral("profile.json"))));
        QCOMPARE(keychainEntry(tokenKey).error().code, QStringLiteral("not_found"));
        QCOMPARE(keychainEntry(storeKey).error().code, QStringLiteral("not_found"));
        auto status = m_cli.run(profile, { QStringLiteral("status") });
        QCOMPARE(status.first, 5);

        // A sign-in from that device is refused.
        ApiClient api(std::make_shared<HttpTransport>());
        auto again = await<Result<SessionInfo>>(
            [&](auto cb) { api.signIn(m_server.baseUrl(), alice, alice, device, cb); });
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, QString::fromLatin1(errc::DeviceWiped));

        // The erased device starts afresh: a new store, a new device id (docs/security.md).
        auto fresh = m_cli.signIn(profile, m_server.baseUrl(), alice);
        QVERIFY2(fresh.first == 0, qPrintable(fresh.second));
        QVERIFY(deviceOf(alice) != device);
    }

    void aWipedDeviceErasesEverythingAtSignIn()
    {
        // Signed out (no token), the device learns of the wipe at its next sign-in.
        const QString profile = m_dir.filePath(QStringLiteral("bob-device"));
        const QString bob = QStringLiteral("bob");
        auto in = m_cli.signIn(profile, m_server.baseUrl(), bob);
        QVERIFY2(in.first == 0, qPrintable(in.second));
        const QString storePath = client::StoreLocation::pathFor(profile, m_server.baseUrl(), bob);
        QVERIFY(!storeEntries(storePath).isEmpty());
        const QString device = deviceOf(bob);
        QCOMPARE(deviceCommand(QStringLiteral("wipe"), device), 0);

        auto refused = m_cli.signIn(profile, m_server.baseUrl(), bob);
        QCOMPARE(refused.first, 5);
        QVERIFY2(refused.second.contains(QLatin1String("wiped")), qPrintable(refused.second));
        QVERIFY(!QFileInfo::exists(QDir(profile).filePath(QStringLiteral("profile.json"))));
        QVERIFY2(
            storeEntries(storePath).isEmpty(), qPrintable(storeEntries(storePath).join(QLatin1Char(' '))));
        QCOMPARE(
            keychainEntry(storeKeyEntry(m_server.baseUrl(), bob)).error().code, QStringLiteral("not_found"));
        QCOMPARE(keychainEntry(CredentialStore::keyFor(m_server.baseUrl(), bob)).error().code,
            QStringLiteral("not_found"));

        // Unwiped by the administrator, the old id is accepted again.
        QCOMPARE(deviceCommand(QStringLiteral("unwipe"), device), 0);
        ApiClient api(std::make_shared<HttpTransport>());
        auto back = await<Result<SessionInfo>>(
            [&](auto cb) { api.signIn(m_server.baseUrl(), bob, bob, device, cb); });
        QVERIFY2(back.ok(), qPrintable(back.error().toString()));
    }

    void statusAlsoLearnsOfTheWipe()
    {
        const QString profile = m_dir.filePath(QStringLiteral("carol-device"));
        const QString carol = QStringLiteral("carol");
        auto in = m_cli.signIn(profile, m_server.baseUrl(), carol);
        QVERIFY2(in.first == 0, qPrintable(in.second));
        const QString storePath = client::StoreLocation::pathFor(profile, m_server.baseUrl(), carol);
        auto online = m_cli.run(profile, { QStringLiteral("status") });
        QVERIFY2(online.first == 0, qPrintable(online.second));
        QCOMPARE(deviceCommand(QStringLiteral("wipe"), deviceOf(carol)), 0);

        auto status = m_cli.run(profile, { QStringLiteral("status") });
        QCOMPARE(status.first, 5);
        QVERIFY2(status.second.contains(QLatin1String("device_wiped")), qPrintable(status.second));
        QVERIFY2(
            storeEntries(storePath).isEmpty(), qPrintable(storeEntries(storePath).join(QLatin1Char(' '))));
        QCOMPARE(keychainEntry(storeKeyEntry(m_server.baseUrl(), carol)).error().code,
            QStringLiteral("not_found"));
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_GUILESS_MAIN(TestDeviceWipe)
#include "tst_devicewipe.moc"
