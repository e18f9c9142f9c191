// SPDX-License-Identifier: MIT
// A device whose clock is off by an hour or a day either way (the store's injected clock,
// LocalStore::setClock) syncs the same as one whose clock is right: its queue of notes, edits, new
// cases and their transitions drains exactly once, nothing is held back or set aside, the device's
// copy equals the server's; the server keeps the device's times only as what the device said
// (`clientTime` in the audit) and decides everything by its own clock.
#include "e2ehelpers.h"
#include "outpostdprocess.h"
#include "testdatabase.h"

#include <QDir>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

using namespace outpost;
using namespace outpost::sync;
using namespace e2e;
using outpost::testing::OutpostdProcess;
using outpost::testing::TestDatabase;

class TestClockSkew : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestDatabase> m_db;
    OutpostdProcess m_server;
    QString m_token;

    QVariant scalar(const QString &sql) { return TestDatabase::scalar(m_db->url(), sql); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QLoggingCategory::setFilterRules(QStringLiteral("outpost.*.info=false\noutpost.*.warning=false"));
        QString why;
        m_db = std::make_unique<TestDatabase>(TestDatabase::Kind::SQLite);
        QVERIFY2(m_db->create(&why), qPrintable(why));
        OutpostdProcess::Options o;
        o.dbUrl = m_db->url();
        o.demo = true;
        o.demoCases = 30;
        QVERIFY2(m_server.start(o, &why), qPrintable(why));
        ApiClient api;
        auto session = login(api, m_server.baseUrl(), QStringLiteral("alice"));
        QVERIFY2(session.ok(), qPrintable(session.error().toString()));
        m_token = session->token;
    }
    void cleanup() { client::LocalStore::setClock({}); }
    void cleanupTestCase()
    {
        if (m_server.isRunning())
            QCOMPARE(m_server.stop(), 0);
    }

    void sameResultsWithASkewedClock_data()
    {
        QTest::addColumn<qint64>("offsetSecs");
        QTest::newRow("a day behind") << qint64(-86400);
        QTest::newRow("an hour behind") << qint64(-3600);
        QTest::newRow("an hour ahead") << qint64(3600);
        QTest::newRow("a day ahead") << qint64(86400);
    }
    void sameResultsWithASkewedClock()
    {
        QFETCH(qint64, offsetSecs);
        client::LocalStore::setClock(
            [offsetSecs]() { return QDateTime::currentDateTimeUtc().addSecs(offsetSecs); });
        const QString dir = m_dir.filePath(QString::number(offsetSecs));
        QDir().mkpath(dir);
        const QString path = client::StoreLocation::pathFor(dir, m_server.baseUrl(), QStringLiteral("alice"));
        const SyncConfig config = oneShotConfig(path, m_server.baseUrl(), QStringLiteral("alice"), m_token);
        const CycleOutcome first = syncOnce(config);
        QVERIFY2(first.ok, qPrintable(first.message));
        auto store = openStore(path);
        QVERIFY(store);
        const auto type = store->reads().caseType(QStringLiteral("inspection"));
        QVERIFY(type);
        client::CaseFilter f;
        f.assignee = QStringLiteral("alice");
        f.caseType = type->name;
        f.limit = 5;
        const QList<client::LocalCase> cases = store->reads().cases(f);
        QVERIFY(cases.size() >= 3);
        const auto flows = RulesEngine::flowActionsFrom(*type, type->initialStatus());
        QVERIFY(!flows.isEmpty());
        QJsonObject flowFields;
        for (const QString &name : flows.first().requiredFields)
            flowFields.insert(name, valueFor(*type->field(name), *store, 1));

        const QString tag = QStringLiteral("skew%1-%2")
                                .arg(offsetSecs)
                                .arg(QUuid::createUuid().toString(QUuid::Id128).left(6));
        QStringList notes, creates;
        QHash<QString, QString> lastEdit;
        for (int i = 0; i < 30; ++i) {
            const client::LocalCase &c = cases.at(i % cases.size());
            const QString mark = QStringLiteral("%1-%2").arg(tag).arg(i);
            if (i % 3 == 0) {
                QVERIFY(store->edits().addNote(c.record.id, mark).ok());
                notes << mark;
            } else if (i % 3 == 1) {
                QVERIFY(
                    store->edits().updateFields(c.record.id, { { QStringLiteral("summary"), mark } }).ok());
                lastEdit.insert(c.record.id, mark);
            } else if (i % 9 == 2) {
                auto tmp = store->edits().createCase(type->name, cases.first().record.fields, mark);
                QVERIFY2(tmp.ok(), qPrintable(tmp.error().toString()));
                QVERIFY(store->edits().runFlowAction(tmp.value(), flows.first().name, flowFields).ok());
                QVERIFY(store->edits().addNote(tmp.value(), mark + QStringLiteral("-note")).ok());
                creates << mark;
                notes << mark + QStringLiteral("-note");
            }
        }
        const CycleOutcome drained = syncOnce(config);
        QVERIFY2(drained.ok, qPrintable(drained.message));

        const client::StoreStatus status = store->reads().status();
        QCOMPARE(status.pending, 0);
        QCOMPARE(status.syncIssues, 0);
        QCOMPARE(status.conflicts, 0);
        for (const QString &n : std::as_const(notes))
            QCOMPARE(
                scalar(
                    QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'note' AND note = '%1'").arg(n))
                    .toInt(),
                1);
        for (const QString &title : std::as_const(creates)) {
            const QString id
                = scalar(QStringLiteral("SELECT id FROM cases WHERE title = '%1'").arg(title)).toString();
            QVERIFY2(!id.isEmpty(), qPrintable(title));
            QCOMPARE(
                scalar(QStringLiteral("SELECT COUNT(*) FROM cases WHERE title = '%1'").arg(title)).toInt(),
                1);
            QCOMPARE(
                scalar(QStringLiteral(
                           "SELECT COUNT(*) FROM audit WHERE case_id = '%1' AND action LIKE 'transition:%'")
                           .arg(id))
                    .toInt(),
                1);
            QCOMPARE(scalar(QStringLiteral("SELECT status FROM cases WHERE id = '%1'").arg(id)).toString(),
                flows.first().to);
        }
        for (auto it = lastEdit.cbegin(); it != lastEdit.cend(); ++it)
            QCOMPARE(
                store->reads().caseById(it.key())->serverFields.value(QStringLiteral("summary")).toString(),
                it.value());
        // The device's time went along as the device's, the server's own time beside it.
        const QDateTime said = QDateTime::fromString(
            scalar(QStringLiteral("SELECT client_time FROM audit WHERE note = '%1'").arg(notes.first()))
                .toString(),
            Qt::ISODateWithMs);
        const QDateTime at = QDateTime::fromString(
            scalar(QStringLiteral("SELECT at FROM audit WHERE note = '%1'").arg(notes.first())).toString(),
            Qt::ISODateWithMs);
        QVERIFY2(said.isValid() && at.isValid(), "audit times");
        QVERIFY2(qAbs(at.secsTo(said) - offsetSecs) < 120,
            qPrintable(said.toString(Qt::ISODate) + QLatin1Char(' ') + at.toString(Qt::ISODate)));

        // The device's copy is the server's.
        ApiClient alice;
        alice.setServer(m_server.baseUrl());
        alice.setToken(m_token);
        auto server = serverCases(alice);
        QVERIFY2(server.ok(), qPrintable(server.error().toString()));
        const QHash<QString, QJsonObject> local = storeCases(*store);
        QCOMPARE(local.size(), server->size());
        for (auto it = server->cbegin(); it != server->cend(); ++it)
            QCOMPARE(local.value(it.key()), comparable(it.value()));
    }
};

QTEST_MAIN(TestClockSkew)
#include "tst_clock_skew.moc"
