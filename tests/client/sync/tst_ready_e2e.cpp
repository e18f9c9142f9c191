// SPDX-License-Identifier: MIT
// "Ready to go offline?" end to end: a real outpostd, the real CLI (`outpost ready`) with the real
// keyring (scripts/test.sh). Not ready before the first sync and while a note waits; ready after a
// sync; not ready once the office adds an attachment the device does not have.
#include "clirunner.h"
#include "e2ehelpers.h"
#include "httpclient.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace e2e;

class TestReadyE2e : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    testing::OutpostdProcess m_server;
    testing::CliRunner m_cli { QStringLiteral(OUTPOST_CLI_BIN) };
    QString m_profile;

    /// `outpost ready --json`: the exit code and the codes of the checks that failed.
    std::pair<int, QStringList> ready()
    {
        const auto [code, out] = m_cli.run(m_profile, { QStringLiteral("--json"), QStringLiteral("ready") });
        QStringList failed;
        const QJsonObject o = QJsonDocument::fromJson(m_cli.lastOut()).object();
        for (const QJsonValue &v : o.value(QStringLiteral("notReady")).toArray())
            failed << v.toString();
        if (o.isEmpty())
            qWarning("ready: %s", qPrintable(out));
        return { code, failed };
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(
            startDemoServer(m_server, m_dir.filePath(QStringLiteral("server.db")), &why), qPrintable(why));
        m_profile = m_dir.filePath(QStringLiteral("alice"));
        const auto [code, out] = m_cli.signIn(m_profile, m_server.baseUrl(), QStringLiteral("alice"));
        QVERIFY2(code == 0, qPrintable(out));
    }

    void notReadyBeforeTheFirstSync()
    {
        const auto [code, failed] = ready();
        QCOMPARE(code, 6);
        QVERIFY2(failed.contains(QStringLiteral("last_sync")), qPrintable(failed.join(',')));
        QVERIFY(failed.contains(QStringLiteral("download")));
        // In words, each reason on its own line.
        const auto [code2, text] = m_cli.run(m_profile, { QStringLiteral("ready") });
        QCOMPARE(code2, 6);
        QVERIFY2(text.contains(QStringLiteral("Not ready to go offline")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("never synced")));
    }

    void aPendingNoteBlocksUntilSynced()
    {
        auto [synced, out] = m_cli.run(m_profile, { QStringLiteral("sync") });
        QVERIFY2(synced == 0, qPrintable(out));
        QCOMPARE(ready().first, 0);

        QVERIFY(
            m_cli.run(m_profile, { QStringLiteral("--json"), QStringLiteral("case"), QStringLiteral("list") })
                .first
            == 0);
        const QJsonArray cases = QJsonDocument::fromJson(m_cli.lastOut()).array();
        QVERIFY(!cases.isEmpty());
        const QString caseId = cases.first().toObject().value(QStringLiteral("id")).toString();
        auto [noted, out2] = m_cli.run(m_profile,
            { QStringLiteral("case"), QStringLiteral("note"), caseId, QStringLiteral("Gate code 4711") });
        QVERIFY2(noted == 0, qPrintable(out2));

        const auto [code, failed] = ready();
        QCOMPARE(code, 6);
        QCOMPARE(failed, QStringList { QStringLiteral("outbox") });
        const auto [code2, text] = m_cli.run(m_profile, { QStringLiteral("ready") });
        QCOMPARE(code2, 6);
        QVERIFY2(text.contains(QStringLiteral("1 change not on the server yet")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("sync to send it")), qPrintable(text)); // and why it waits

        auto [synced2, out3] = m_cli.run(m_profile, { QStringLiteral("sync") });
        QVERIFY2(synced2 == 0, qPrintable(out3));
        QCOMPARE(ready().first, 0);
    }

    void anAttachmentNotOnTheDeviceBlocks()
    {
        // The office attaches a drawing to one of alice's cases.
        QVERIFY(
            m_cli.run(m_profile, { QStringLiteral("--json"), QStringLiteral("case"), QStringLiteral("list") })
                .first
            == 0);
        QString caseId;
        for (const QJsonValue &v : QJsonDocument::fromJson(m_cli.lastOut()).array())
            if (v.toObject().value(QStringLiteral("assignee")).toString() == QLatin1String("alice"))
                caseId = v.toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!caseId.isEmpty());
        testing::HttpClient office(m_server.baseUrl());
        office.setToken(
            office.signIn(QStringLiteral("carol"), QStringLiteral("carol"), QStringLiteral("desk")));
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const auto put = office.send("PUT",
            QStringLiteral("/api/v1/attachments/%1?caseId=%2&name=drawing.pdf").arg(id, caseId),
            QByteArray(64 * 1024, 'd'), "application/pdf");
        QVERIFY2(put.status == 201, qPrintable(put.describe()));

        // A sync without attachments (no room for them): the case lists the drawing, the device lacks it.
        auto [synced, out] = m_cli.run(
            m_profile, { QStringLiteral("sync"), QStringLiteral("--prefetch-mb"), QStringLiteral("0") });
        QVERIFY2(synced == 0, qPrintable(out));
        const auto [code, failed] = ready();
        QCOMPARE(code, 6);
        QCOMPARE(failed, QStringList { QStringLiteral("attachments") });
        const auto [code2, text] = m_cli.run(m_profile, { QStringLiteral("ready") });
        QVERIFY2(text.contains(caseId + QStringLiteral(": drawing.pdf")), qPrintable(text));

        // A sync fetches the attachments of the cases onto the device: ready.
        auto [synced2, out2] = m_cli.run(m_profile, { QStringLiteral("sync") });
        QVERIFY2(synced2 == 0, qPrintable(out2));
        QVERIFY2(out2.contains(QStringLiteral("Attachments: 1 of 1")), qPrintable(out2));
        QCOMPARE(ready().first, 0);
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }
};

QTEST_GUILESS_MAIN(TestReadyE2e)
#include "tst_ready_e2e.moc"
