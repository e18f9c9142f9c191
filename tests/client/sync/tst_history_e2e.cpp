// SPDX-License-Identifier: MIT
// "All of it local" end to end: a real outpostd, the real CLI with the real keyring
// (scripts/test.sh). The office assigns a case with instructions and a due date and writes a note;
// after one sync the technician's device holds the case's history and notes, reads them with the
// server stopped, and a delta carries a new note alone (never the whole history again). Older
// clients, which do not ask for history, get the feed as before.
#include "clirunner.h"
#include "e2ehelpers.h"
#include "httpclient.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace e2e;
using outpost::testing::HttpClient;
using outpost::testing::HttpReply;

namespace {
/// Follows a chain of GET /sync/changes from `since` to its end; the changes and the last token.
std::pair<QJsonArray, QString> readFeed(HttpClient &c, const QString &since, bool history)
{
    QJsonArray all;
    QString token = since;
    for (int guard = 0; guard < 1000; ++guard) {
        QString path = QStringLiteral("/api/v1/sync/changes?since=%1")
                           .arg(token.isEmpty() ? QStringLiteral("0") : token);
        if (history)
            path += QStringLiteral("&include=history");
        // The demo's case types have signature fields: a client that can show them says so.
        const HttpReply r
            = c.send("GET", path, {}, "application/json", { { "X-Outpost-Features", "signature" } });
        if (r.status != 200) {
            qWarning("feed: %s", qPrintable(r.describe()));
            return {};
        }
        const QJsonObject page = QJsonDocument::fromJson(r.body).object();
        for (const QJsonValue &v : page.value(QStringLiteral("changes")).toArray())
            all.append(v);
        token = page.value(QStringLiteral("next")).toString();
        if (!page.value(QStringLiteral("more")).toBool())
            break;
    }
    return { all, token };
}

QJsonArray ofKind(const QJsonArray &changes, const QString &kind)
{
    QJsonArray out;
    for (const QJsonValue &v : changes)
        if (v.toObject().value(QStringLiteral("kind")).toString() == kind)
            out.append(v);
    return out;
}
} // namespace

class TestHistoryE2e : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    testing::OutpostdProcess m_server;
    testing::CliRunner m_cli { QStringLiteral(OUTPOST_CLI_BIN) };
    QString m_profile;
    std::unique_ptr<HttpClient> m_office; // carol, the administrator
    QString m_caseId;
    QString m_drawingId;
    QByteArray m_drawing;

    HttpReply officeNote(const QString &text)
    {
        const QJsonObject action { { QStringLiteral("id"),
                                       QUuid::createUuid().toString(QUuid::WithoutBraces) },
            { QStringLiteral("type"), QStringLiteral("note") }, { QStringLiteral("caseId"), m_caseId },
            { QStringLiteral("text"), text },
            { QStringLiteral("clientTime"), QStringLiteral("2026-12-07T08:00:00Z") } };
        return m_office->post(QStringLiteral("/api/v1/sync/actions"),
            QJsonObject { { QStringLiteral("deviceId"), QStringLiteral("desk") },
                { QStringLiteral("actions"), QJsonArray { action } } });
    }

    QJsonObject caseShow()
    {
        const auto [code, out] = m_cli.run(m_profile,
            { QStringLiteral("--json"), QStringLiteral("case"), QStringLiteral("show"), m_caseId });
        if (code != 0)
            qWarning("case show: %s", qPrintable(out));
        return QJsonDocument::fromJson(m_cli.lastOut()).object();
    }

    static QStringList noteTexts(const QJsonObject &shown)
    {
        QStringList out;
        for (const QJsonValue &v : shown.value(QStringLiteral("notes")).toArray())
            out << v.toObject().value(QStringLiteral("by")).toString() + QLatin1Char(':')
                    + v.toObject().value(QStringLiteral("text")).toString();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(
            startDemoServer(m_server, m_dir.filePath(QStringLiteral("server.db")), &why), qPrintable(why));
        m_office = std::make_unique<HttpClient>(m_server.baseUrl());
        m_office->setToken(
            m_office->signIn(QStringLiteral("carol"), QStringLiteral("carol"), QStringLiteral("desk")));
        // The office assigns a case with instructions and a due date, and writes a note on it.
        const HttpReply created = m_office->post(QStringLiteral("/api/v1/admin/cases"),
            QJsonObject { { QStringLiteral("caseType"), QStringLiteral("inspection") },
                { QStringLiteral("title"), QStringLiteral("Meter check at the pumping station") },
                { QStringLiteral("fields"),
                    QJsonObject { { QStringLiteral("site"), QStringLiteral("S-101") },
                        { QStringLiteral("visitDate"), QStringLiteral("2026-12-10") } } },
                { QStringLiteral("assignee"), QStringLiteral("alice") },
                { QStringLiteral("instructions"), QStringLiteral("Ring the site office first.") },
                { QStringLiteral("dueAt"), QStringLiteral("2026-12-10T09:00:00Z") } });
        QVERIFY2(created.status == 201, qPrintable(created.describe()));
        m_caseId = QJsonDocument::fromJson(created.body).object().value(QStringLiteral("id")).toString();
        QVERIFY(!m_caseId.isEmpty());
        const HttpReply noted = officeNote(QStringLiteral("The gate code is 4711."));
        QVERIFY2(noted.status == 200, qPrintable(noted.describe()));
        // And a 5 MB drawing.
        m_drawing = QByteArray(5 * 1024 * 1024, Qt::Uninitialized);
        for (int i = 0; i < m_drawing.size(); ++i)
            m_drawing[i] = char((i * 31) ^ (i >> 13));
        m_drawingId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const HttpReply put = m_office->send("PUT",
            QStringLiteral("/api/v1/attachments/%1?caseId=%2&name=pump-drawing.pdf")
                .arg(m_drawingId, m_caseId),
            m_drawing, "application/pdf");
        QVERIFY2(put.status == 201, qPrintable(put.describe()));

        m_profile = m_dir.filePath(QStringLiteral("alice"));
        const auto [code, out] = m_cli.signIn(m_profile, m_server.baseUrl(), QStringLiteral("alice"));
        QVERIFY2(code == 0, qPrintable(out));
    }

    void oneSyncBringsInstructionsNotesAndHistory()
    {
        auto [synced, out] = m_cli.run(m_profile, { QStringLiteral("sync") });
        QVERIFY2(synced == 0, qPrintable(out));
        QVERIFY2(
            out.contains(QStringLiteral("Attachments: 1 of 1")), qPrintable(out)); // fetched after the sync
        const QJsonObject shown = caseShow();
        const QJsonArray files = shown.value(QStringLiteral("attachments")).toArray();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.first().toObject().value(QStringLiteral("id")).toString(), m_drawingId);
        QVERIFY(files.first().toObject().value(QStringLiteral("onDevice")).toBool());
        QCOMPARE(shown.value(QStringLiteral("instructions")).toString(),
            QStringLiteral("Ring the site office first."));
        QCOMPARE(shown.value(QStringLiteral("dueAt")).toString(), QStringLiteral("2026-12-10T09:00:00Z"));
        QCOMPARE(noteTexts(shown), QStringList { QStringLiteral("carol:The gate code is 4711.") });
        QStringList actions;
        for (const QJsonValue &v : shown.value(QStringLiteral("history")).toArray()) {
            actions << v.toObject().value(QStringLiteral("action")).toString();
            QCOMPARE(v.toObject().value(QStringLiteral("by")).toString(), QStringLiteral("carol"));
            QVERIFY(!v.toObject().value(QStringLiteral("at")).toString().isEmpty());
        }
        QCOMPARE(actions,
            (QStringList { QStringLiteral("create"), QStringLiteral("assign"), QStringLiteral("note"),
                QStringLiteral("attach") }));
    }

    void aDeltaCarriesTheNewEntryOnly()
    {
        HttpClient alice(m_server.baseUrl());
        alice.setToken(
            alice.signIn(QStringLiteral("alice"), QStringLiteral("alice"), QStringLiteral("probe")));
        const auto [full, token] = readFeed(alice, {}, true);
        QVERIFY(!token.isEmpty());
        // A full sync carries every history entry of the technician's cases.
        int ofCase = 0;
        for (const QJsonValue &v : ofKind(full, QStringLiteral("history")))
            if (v.toObject()
                    .value(QStringLiteral("data"))
                    .toObject()
                    .value(QStringLiteral("caseId"))
                    .toString()
                == m_caseId)
                ++ofCase;
        QCOMPARE(ofCase, 4);
        // An older client (no include=history) sees no history entry at all.
        QVERIFY(ofKind(readFeed(alice, {}, false).first, QStringLiteral("history")).isEmpty());

        const HttpReply noted = officeNote(QStringLiteral("Bring the long ladder."));
        QVERIFY2(noted.status == 200, qPrintable(noted.describe()));
        const auto [delta, next] = readFeed(alice, token, true);
        QCOMPARE(delta.size(), 1);
        const QJsonObject entry = delta.first().toObject();
        QCOMPARE(entry.value(QStringLiteral("kind")).toString(), QStringLiteral("history"));
        const QJsonObject data = entry.value(QStringLiteral("data")).toObject();
        QCOMPARE(data.value(QStringLiteral("caseId")).toString(), m_caseId);
        QCOMPARE(data.value(QStringLiteral("text")).toString(), QStringLiteral("Bring the long ladder."));
        QCOMPARE(data.value(QStringLiteral("by")).toString(), QStringLiteral("carol"));
        // The same delta for an older client: nothing, as before.
        QCOMPARE(readFeed(alice, token, false).first.size(), 0);

        auto [synced, out] = m_cli.run(m_profile, { QStringLiteral("sync") });
        QVERIFY2(synced == 0, qPrintable(out));
        // The drawing is on the device already: not fetched again.
        QVERIFY2(!out.contains(QStringLiteral("Attachments:")), qPrintable(out));
        QCOMPARE(noteTexts(caseShow()),
            (QStringList { QStringLiteral("carol:The gate code is 4711."),
                QStringLiteral("carol:Bring the long ladder.") }));
    }

    void aCaseReassignedBringsItsHistory()
    {
        HttpClient bob(m_server.baseUrl());
        bob.setToken(bob.signIn(QStringLiteral("bob"), QStringLiteral("bob"), QStringLiteral("probe")));
        const auto [before, token] = readFeed(bob, {}, true);
        QVERIFY(!token.isEmpty());
        const HttpReply moved = m_office->send("PUT",
            QStringLiteral("/api/v1/admin/cases/%1/assignment").arg(m_caseId),
            QJsonDocument(QJsonObject { { QStringLiteral("assignee"), QStringLiteral("bob") } }).toJson());
        QVERIFY2(moved.status == 200, qPrintable(moved.describe()));
        const auto [delta, next] = readFeed(bob, token, true);
        QStringList actions;
        for (const QJsonValue &v : ofKind(delta, QStringLiteral("history")))
            actions << v.toObject()
                           .value(QStringLiteral("data"))
                           .toObject()
                           .value(QStringLiteral("action"))
                           .toString();
        // The whole history, once: it is new to bob, with the reassignment last.
        QCOMPARE(actions,
            (QStringList { QStringLiteral("create"), QStringLiteral("assign"), QStringLiteral("note"),
                QStringLiteral("attach"), QStringLiteral("note"), QStringLiteral("assign") }));
        QCOMPARE(ofKind(delta, QStringLiteral("case")).size(), 1);
        // Back to alice for the rest of the test.
        const HttpReply back = m_office->send("PUT",
            QStringLiteral("/api/v1/admin/cases/%1/assignment").arg(m_caseId),
            QJsonDocument(QJsonObject { { QStringLiteral("assignee"), QStringLiteral("alice") } }).toJson());
        QVERIFY2(back.status == 200, qPrintable(back.describe()));
        auto [synced, out] = m_cli.run(m_profile, { QStringLiteral("sync") });
        QVERIFY2(synced == 0, qPrintable(out));
    }

    void readOfflineWithTheServerStopped()
    {
        QCOMPARE(m_server.stop(), 0);
        const QJsonObject shown = caseShow();
        QCOMPARE(shown.value(QStringLiteral("instructions")).toString(),
            QStringLiteral("Ring the site office first."));
        QCOMPARE(noteTexts(shown).size(), 2);
        QCOMPARE(shown.value(QStringLiteral("history")).toArray().size(), 7);
        // The drawing, from the device's own copy.
        const QString saved = m_dir.filePath(QStringLiteral("drawing-copy.pdf"));
        const auto [savedCode, savedOut] = m_cli.run(
            m_profile, { QStringLiteral("attachment"), QStringLiteral("save"), m_drawingId, saved });
        QVERIFY2(savedCode == 0, qPrintable(savedOut));
        QFile copy(saved);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), m_drawing);
        // An attachment the device has no copy of: said so, nothing written.
        const auto [again, againOut] = m_cli.run(m_profile,
            { QStringLiteral("attachment"), QStringLiteral("save"),
                QUuid::createUuid().toString(QUuid::WithoutBraces), saved });
        QVERIFY2(again != 0 && againOut.contains(QStringLiteral("not on this device")), qPrintable(againOut));
        const auto [code, text]
            = m_cli.run(m_profile, { QStringLiteral("case"), QStringLiteral("show"), m_caseId });
        QCOMPARE(code, 0);
        QVERIFY2(text.contains(QStringLiteral("Bring the long ladder.")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Ring the site office first.")), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestHistoryE2e)
#include "tst_history_e2e.moc"
