// SPDX-License-Identifier: MIT
// The device report and the console's orders end to end: a real outpostd, the real CLI (`outpost
// sync`) with the real keyring (scripts/test.sh). A sync makes the device's row appear with the
// right pending count and store schema and updates it at the next sync; `outpostd device list`
// flags a stuck device; a full sync asked from the console happens; retire uploads the queued note
// exactly once and then erases the store (checked on disk); sign-out ends the device's sessions.
#include "clirunner.h"
#include "e2ehelpers.h"
#include "httpclient.h"
#include "testdatabase.h"

#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace e2e;

class TestDeviceReportE2e : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_dbUrl;
    testing::OutpostdProcess m_server;
    std::unique_ptr<testing::HttpClient> m_admin;
    testing::CliRunner m_cli { QStringLiteral(OUTPOST_CLI_BIN) };

    /// `outpostd device list --json` on the same database.
    QJsonArray deviceList(const QStringList &extra = {})
    {
        QProcess p;
        p.start(testing::OutpostdProcess::binary(),
            QStringList { QStringLiteral("device"), QStringLiteral("list"), QStringLiteral("--json"),
                QStringLiteral("--db"), m_dbUrl }
                + extra);
        p.waitForFinished(60000);
        return QJsonDocument::fromJson(p.readAllStandardOutput()).array();
    }

    QString deviceOf(const QString &user)
    {
        return testing::TestDatabase::scalar(m_dbUrl,
            QStringLiteral("SELECT device_id FROM sessions WHERE user_id = '%1' ORDER BY created_at DESC, "
                           "rowid DESC LIMIT 1")
                .arg(user))
            .toString();
    }

    QJsonObject row(const QString &device)
    {
        const auto r = m_admin->get(QStringLiteral("/api/v1/admin/devices"));
        for (const QJsonValue &v : r.json().value(QStringLiteral("devices")).toArray())
            if (v.toObject().value(QStringLiteral("deviceId")).toString() == device)
                return v.toObject();
        return {};
    }

    QString firstCase()
    {
        QString id;
        const QJsonArray cases = QJsonDocument::fromJson(m_cli.lastOut()).array();
        if (!cases.isEmpty())
            id = cases.first().toObject().value(QStringLiteral("id")).toString();
        return id;
    }

    static QStringList storeEntries(const QString &storePath)
    {
        const QFileInfo store(storePath);
        return store.absoluteDir().entryList({ store.fileName() + QLatin1Char('*') },
            QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_dbUrl = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("server.db"));
        QString why;
        QVERIFY2(
            startDemoServer(m_server, m_dir.filePath(QStringLiteral("server.db")), &why), qPrintable(why));
        m_admin = std::make_unique<testing::HttpClient>(m_server.baseUrl());
        m_admin->setToken(
            m_admin->signIn(QStringLiteral("carol"), QStringLiteral("carol"), QStringLiteral("desk")));
        QVERIFY(!m_admin->token().isEmpty());
    }

    void aSyncReportsTheDevice()
    {
        const QString profile = m_dir.filePath(QStringLiteral("alice-device"));
        const QString alice = QStringLiteral("alice");
        auto in = m_cli.signIn(profile, m_server.baseUrl(), alice);
        QVERIFY2(in.first == 0, qPrintable(in.second));
        auto synced = m_cli.run(profile, { QStringLiteral("sync") });
        QVERIFY2(synced.first == 0, qPrintable(synced.second));
        const QString device = deviceOf(alice);
        QJsonObject first = row(device);
        QCOMPARE(first.value(QStringLiteral("user")).toString(), alice);
        QCOMPARE(first.value(QStringLiteral("appVersion")).toString(), QStringLiteral(OUTPOST_VERSION));
        QCOMPARE(first.value(QStringLiteral("deviceName")).toString(), QSysInfo::machineHostName());
        QCOMPARE(
            first.value(QStringLiteral("storeSchema")).toInt(), client::LocalStore::currentSchemaVersion());
        QCOMPARE(first.value(QStringLiteral("pendingActions")).toInt(), 0);
        QVERIFY(first.value(QStringLiteral("oldestPendingAt")).isNull());
        QVERIFY(!first.value(QStringLiteral("lastSyncAt")).toString().isEmpty());
        QVERIFY(first.value(QStringLiteral("lastSyncError")).isNull());
        QCOMPARE(first.value(QStringLiteral("stuck")).toBool(), false);

        // Two notes queued, one of them held on the device: the next sync sends one, one waits.
        auto list = m_cli.run(
            profile, { QStringLiteral("--json"), QStringLiteral("case"), QStringLiteral("list") });
        QVERIFY2(list.first == 0, qPrintable(list.second));
        const QString caseId = firstCase();
        QVERIFY(!caseId.isEmpty());
        for (const char *text : { "meter read", "seal replaced" }) {
            auto note = m_cli.run(profile,
                { QStringLiteral("case"), QStringLiteral("note"), caseId, QString::fromLatin1(text) });
            QVERIFY2(note.first == 0, qPrintable(note.second));
        }
        const QString storePath = client::StoreLocation::pathFor(profile, m_server.baseUrl(), alice);
        {
            const Status unlocked = unlockFromKeychain(m_server.baseUrl(), alice, storePath);
            QVERIFY2(unlocked.ok(), qPrintable(unlocked.error().toString()));
            auto store = openStore(storePath);
            QVERIFY(store);
            const auto queued = store->reads().outbox();
            QCOMPARE(queued.size(), 2);
            QVERIFY(store->edits().holdAction(queued.last().actionId).ok());
        }
        synced = m_cli.run(profile, { QStringLiteral("sync") });
        QVERIFY2(synced.first == 0, qPrintable(synced.second));
        const QJsonObject second = row(device);
        QCOMPARE(second.value(QStringLiteral("pendingActions")).toInt(), 1);
        QVERIFY(!second.value(QStringLiteral("oldestPendingAt")).toString().isEmpty());
        QVERIFY(second.value(QStringLiteral("lastSyncAt")).toString()
            > first.value(QStringLiteral("lastSyncAt")).toString());
        QVERIFY(second.value(QStringLiteral("lastContactAt")).toString()
            >= first.value(QStringLiteral("lastContactAt")).toString());

        // A day and a half without a successful sync, with work waiting: stuck, at 24 h but not 48 h.
        QString why;
        QVERIFY2(testing::TestDatabase::sql(m_dbUrl,
                     QStringLiteral("UPDATE devices SET last_sync_at = '%1' WHERE device_id = '%2'")
                         .arg(QDateTime::currentDateTimeUtc().addSecs(-36 * 3600).toString(Qt::ISODateWithMs),
                             device),
                     &why),
            qPrintable(why));
        auto stuckOf = [&](const QJsonArray &devices) {
            for (const QJsonValue &v : devices)
                if (v.toObject().value(QStringLiteral("deviceId")).toString() == device)
                    return v.toObject().value(QStringLiteral("stuck")).toBool();
            return false;
        };
        QVERIFY(stuckOf(deviceList()));
        QVERIFY(!stuckOf(deviceList({ QStringLiteral("--stuck-hours"), QStringLiteral("48") })));
        QVERIFY(row(device).value(QStringLiteral("stuck")).toBool());
        // Its next sync clears it.
        synced = m_cli.run(profile, { QStringLiteral("sync") });
        QVERIFY2(synced.first == 0, qPrintable(synced.second));
        QVERIFY(!row(device).value(QStringLiteral("stuck")).toBool());

        // A full sync asked from the console happens at the device's next sync (the event log says so).
        QCOMPARE(
            m_admin->post(QStringLiteral("/api/v1/admin/devices/%1/full-sync").arg(device), {}).status, 200);
        synced = m_cli.run(profile, { QStringLiteral("sync") });
        QVERIFY2(synced.first == 0, qPrintable(synced.second));
        synced = m_cli.run(profile, { QStringLiteral("sync") });
        QVERIFY2(synced.first == 0, qPrintable(synced.second));
        {
            auto store = openStore(storePath);
            QVERIFY(store);
            QStringList messages;
            for (const client::EventEntry &e : store->reads().eventLog(200))
                messages << e.message;
            QVERIFY2(messages.contains(QStringLiteral("the administrator asked for a full sync")),
                qPrintable(messages.join(QLatin1Char('\n'))));
            QVERIFY(std::any_of(messages.cbegin(), messages.cend(),
                [](const QString &m) { return m.startsWith(QLatin1String("full sync finished")); }));
        }

        // Signed out from the console: every session of the device ends; the CLI needs a sign-in.
        const auto out = m_admin->post(QStringLiteral("/api/v1/admin/devices/%1/sign-out").arg(device), {});
        QCOMPARE(out.status, 200);
        auto refused = m_cli.run(profile, { QStringLiteral("sync") });
        QCOMPARE(refused.first, 5);
    }

    void retireUploadsThenErases()
    {
        const QString profile = m_dir.filePath(QStringLiteral("bob-device"));
        const QString bob = QStringLiteral("bob");
        auto in = m_cli.signIn(profile, m_server.baseUrl(), bob);
        QVERIFY2(in.first == 0, qPrintable(in.second));
        auto synced = m_cli.run(profile, { QStringLiteral("sync") });
        QVERIFY2(synced.first == 0, qPrintable(synced.second));
        const QString device = deviceOf(bob);
        auto list = m_cli.run(
            profile, { QStringLiteral("--json"), QStringLiteral("case"), QStringLiteral("list") });
        QVERIFY2(list.first == 0, qPrintable(list.second));
        const QString caseId = firstCase();
        QVERIFY(!caseId.isEmpty());
        const QString text = QStringLiteral("last note before retirement");
        auto note = m_cli.run(profile, { QStringLiteral("case"), QStringLiteral("note"), caseId, text });
        QVERIFY2(note.first == 0, qPrintable(note.second));
        const QString storePath = client::StoreLocation::pathFor(profile, m_server.baseUrl(), bob);
        QVERIFY(!storeEntries(storePath).isEmpty());

        QCOMPARE(
            m_admin->post(QStringLiteral("/api/v1/admin/devices/%1/retire").arg(device), {}).status, 200);
        QCOMPARE(row(device).value(QStringLiteral("wipeState")).toString(), QStringLiteral("retirePending"));

        // The next sync uploads the note, then the device erases everything.
        auto retired = m_cli.run(profile, { QStringLiteral("sync") });
        QCOMPARE(retired.first, 5);
        QVERIFY2(retired.second.contains(QLatin1String("retired")), qPrintable(retired.second));
        const auto history = m_admin->get(QStringLiteral("/api/v1/cases/%1/history").arg(caseId));
        int arrived = 0;
        for (const QJsonValue &v : history.json().value(QStringLiteral("entries")).toArray())
            if (v.toObject().value(QStringLiteral("text")).toString() == text)
                ++arrived;
        QCOMPARE(arrived, 1);
        QVERIFY2(
            storeEntries(storePath).isEmpty(), qPrintable(storeEntries(storePath).join(QLatin1Char(' '))));
        QVERIFY(!QFileInfo::exists(QDir(profile).filePath(QStringLiteral("profile.json"))));
        {
            KeychainCredentialStore keychain;
            auto token = await<Result<QString>>(
                [&](auto cb) { keychain.readToken(CredentialStore::keyFor(m_server.baseUrl(), bob), cb); });
            QCOMPARE(token.error().code, QStringLiteral("not_found"));
        }
        const QJsonObject after = row(device);
        QCOMPARE(after.value(QStringLiteral("wipeState")).toString(), QStringLiteral("retired"));
        QCOMPARE(after.value(QStringLiteral("pendingActions")).toInt(), 0);
        // Audited, and a sign-in from the retired device is refused.
        const auto audit = m_admin->get(QStringLiteral("/api/v1/admin/audit?deviceId=%1").arg(device));
        QCOMPARE(audit.json()
                     .value(QStringLiteral("entries"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("action"))
                     .toString(),
            QStringLiteral("device.retired"));
        testing::HttpClient again(m_server.baseUrl());
        testing::HttpReply refused;
        QVERIFY(again.signIn(bob, bob, device, &refused).isEmpty());
        QCOMPARE(refused.errorCode(), QStringLiteral("device_wiped"));
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_GUILESS_MAIN(TestDeviceReportE2e)
#include "tst_devicereport_e2e.moc"
