// SPDX-License-Identifier: MIT
// End-to-end: the `outpost-cli` driver against a real outpostd (OUTPOSTD_BIN) on loopback, with the
// real keyring: the workflow and its exit codes, and kill -9 at random points while it drains.
#include "e2ehelpers.h"
#include "outpostdprocess.h"
#include "rules/fieldvalue.h"
#include "rules/rulesengine.h"

#include <QDir>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>

using namespace outpost;
using namespace outpost::sync;
using namespace e2e;

class TestCliE2e : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    testing::OutpostdProcess m_server;
    ApiClient m_alice;
    ApiClient m_carol;
    QString m_aliceToken;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase()
    {
        if (m_server.isRunning())
            QCOMPARE(m_server.stop(), 0);
    }
    void killedCliSyncAppliesEveryActionOnce();
    void cliWorkflowAndExitCodes();
};

void TestCliE2e::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QLoggingCategory::setFilterRules(
        QStringLiteral("outpost.client.*.info=false\noutpost.core.sync.*.info=false"));
    if (!qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("needs the keyring of scripts/test.sh (dbus-run-session + gnome-keyring)");
    QString why;
    QVERIFY2(
        startDemoServer(m_server, m_dir.filePath(QStringLiteral("server.sqlite")), &why), qPrintable(why));
    auto a = login(m_alice, m_server.baseUrl(), QStringLiteral("alice"));
    QVERIFY2(a.ok(), qPrintable(a.error().toString()));
    m_aliceToken = a->token;
    auto c = login(m_carol, m_server.baseUrl(), QStringLiteral("carol"));
    QVERIFY2(c.ok(), qPrintable(c.error().toString()));
}

void TestCliE2e::killedCliSyncAppliesEveryActionOnce()
{
    const QString cli = QStringLiteral(OUTPOST_CLI_BIN);
    const QString profile = m_dir.filePath(QStringLiteral("cli-profile"));
    auto run = [&](const QStringList &args, const QByteArray &input = {}) {
        QProcess p;
        p.start(cli, QStringList { QStringLiteral("--profile"), profile } + args);
        p.write(input);
        p.closeWriteChannel();
        p.waitForFinished(120000);
        return std::make_pair(p.exitCode(), QString::fromUtf8(p.readAllStandardError()));
    };
    auto in = run({ QStringLiteral("signin"), QStringLiteral("--server"), m_server.baseUrl().toString(),
                      QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("--password-stdin") },
        "alice\n");
    QVERIFY2(in.first == 0, qPrintable(in.second));
    const auto fullSync = run({ QStringLiteral("sync") });
    QCOMPARE(fullSync.first, 0);

    const QString path = client::StoreLocation::pathFor(profile, m_server.baseUrl(), QStringLiteral("alice"));
    // The CLI made the store: its key is in the keychain.
    {
        const Status unlocked = unlockFromKeychain(m_server.baseUrl(), QStringLiteral("alice"), path);
        QVERIFY2(unlocked.ok(), qPrintable(unlocked.error().toString()));
    }
    // The first sync was a full one: its progress counted cases against the total its first page
    // announced (her own cases came first, on a page of their own), up to all of them.
    {
        const int cases = openStore(path)->reads().status().cases;
        QVERIFY(cases > 0);
        QVERIFY2(fullSync.second.contains(QStringLiteral("full sync: %1 of %1 cases").arg(cases)),
            qPrintable(fullSync.second));
        QVERIFY2(fullSync.second.count(QStringLiteral(" of %1 cases").arg(cases)) >= 2,
            qPrintable(fullSync.second));
    }
    QString caseId;
    {
        auto store = openStore(path);
        const auto type = store->reads().caseType(QStringLiteral("inspection"));
        QVERIFY(type);
        auto tmp = store->edits().createCase(
            type->name, requiredFields(*type, *store), QStringLiteral("kill case"));
        QVERIFY(tmp.ok());
        auto s = run({ QStringLiteral("sync") });
        QVERIFY2(s.first == 0, qPrintable(s.second));
        caseId = store->reads().resolveId(tmp.value());
        QVERIFY(!isTempId(caseId));
    }

    const QString tag = QUuid::createUuid().toString(QUuid::Id128).left(8);
    int queued = 0;
    auto queueNotes = [&](int n) {
        auto store = openStore(path);
        for (int i = 0; i < n; ++i)
            QVERIFY(store->edits().addNote(caseId, QStringLiteral("kill-%1-%2").arg(tag).arg(queued++)).ok());
    };
    queueNotes(150);

    // A kill counts when it hit the drain itself: some of the queue went up, some was still waiting.
    int kills = 0, midDrain = 0;
    auto pending = [&]() { return openStore(path)->reads().pendingCount(); };
    for (int attempt = 0; midDrain < 50 && attempt < 600; ++attempt) {
        const int before = pending();
        QProcess p;
        QSignalSpy done(&p, &QProcess::finished);
        p.start(cli,
            { QStringLiteral("--profile"), profile, QStringLiteral("sync"), QStringLiteral("--batch"),
                QStringLiteral("1") });
        QVERIFY(p.waitForStarted(10000));
        // Killed once the drain began (the queue shrank), a random moment later: how long the
        // process takes to get there (keychain, store check) does not decide where it dies.
        bool killed = false;
        const auto kill = [&]() {
            if (p.state() == QProcess::Running) {
                ::kill(pid_t(p.processId()), SIGKILL);
                killed = true;
            }
        };
        QTimer watch;
        watch.setInterval(5);
        QObject::connect(&watch, &QTimer::timeout, &p, [&]() {
            if (pending() < before) {
                watch.stop();
                QTimer::singleShot(int(QRandomGenerator::global()->bounded(0, 40)), &p, kill);
            }
        });
        watch.start();
        if (attempt % 4 == 0) // and now and then at any moment, the start included
            QTimer::singleShot(int(QRandomGenerator::global()->bounded(30, 300)), &p, kill);
        QVERIFY(done.wait(120000));
        watch.stop();
        if (!killed) {
            QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        } else {
            ++kills;
            const int after = pending();
            midDrain += after < before && after > 0 ? 1 : 0;
        }
        if (pending() < 20)
            queueNotes(60);
    }
    QVERIFY2(
        midDrain >= 50, qPrintable(QStringLiteral("%1 kills, %2 during the drain").arg(kills).arg(midDrain)));
    auto last = run({ QStringLiteral("sync") });
    QVERIFY2(last.first == 0, qPrintable(last.second));
    QCOMPARE(openStore(path)->reads().pendingCount(), 0);

    QHash<QString, int> seen;
    for (const HistoryEntry &h : historyOf(m_carol, caseId))
        if (h.action == QLatin1String("note") && h.text.startsWith(QStringLiteral("kill-") + tag))
            ++seen[h.text];
    QCOMPARE(seen.size(), queued);
    for (auto it = seen.cbegin(); it != seen.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(it.key() + QStringLiteral(" applied %1 times").arg(it.value())));
    qInfo("killed `outpost-cli sync` %d times (%d during the drain); %d notes applied exactly once", kills,
        midDrain, queued);
}

void TestCliE2e::cliWorkflowAndExitCodes()
{
    const QString cli = QStringLiteral(OUTPOST_CLI_BIN);
    const QString profile = m_dir.filePath(QStringLiteral("cli-workflow"));
    struct Run {
        int code;
        QByteArray out;
        QByteArray err;
    };
    auto run = [&](const QStringList &args, const QByteArray &input = {}) {
        QProcess p;
        p.start(cli, QStringList { QStringLiteral("--profile"), profile } + args);
        p.write(input);
        p.closeWriteChannel();
        p.waitForFinished(120000);
        return Run { p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError() };
    };
    QCOMPARE(run({ QStringLiteral("status") }).code, 5);
    QCOMPARE(run({ QStringLiteral("case"), QStringLiteral("list") }).code, 5);
    QCOMPARE(run({ QStringLiteral("bogus") }).code, 2);
    const QStringList signin { QStringLiteral("signin"), QStringLiteral("--server"),
        m_server.baseUrl().toString(), QStringLiteral("--user"), QStringLiteral("alice"),
        QStringLiteral("--password-stdin") };
    QCOMPARE(run(signin, "wrong\n").code, 1);
    auto in = run(signin, "alice\n");
    QVERIFY2(in.code == 0, in.err.constData());
    QCOMPARE(run({ QStringLiteral("sync") }).code, 0);

    auto list = run({ QStringLiteral("case"), QStringLiteral("list"), QStringLiteral("--json") });
    QCOMPARE(list.code, 0);
    QVERIFY(QJsonDocument::fromJson(list.out).isArray());

    // Typed values: a bad number is a validation failure (3) and writes nothing.
    const QString path = client::StoreLocation::pathFor(profile, m_server.baseUrl(), QStringLiteral("alice"));
    // The CLI made the store: its key is in the keychain.
    {
        const Status unlocked = unlockFromKeychain(m_server.baseUrl(), QStringLiteral("alice"), path);
        QVERIFY2(unlocked.ok(), qPrintable(unlocked.error().toString()));
    }
    auto store = openStore(path);
    QVERIFY(store);
    const auto type = store->reads().caseType(QStringLiteral("inspection"));
    QStringList assignments;
    const QJsonObject req = requiredFields(*type, *store);
    for (auto it = req.begin(); it != req.end(); ++it) {
        const QJsonValue v = it.value();
        assignments << it.key() + QLatin1Char('=')
                + (v.isBool()          ? QString::fromLatin1(v.toBool() ? "true" : "false")
                        : v.isDouble() ? QString::number(v.toDouble())
                                       : v.toString());
    }
    const int before = store->reads().pendingCount();
    QString numberField;
    for (const FieldDef &f : type->fields)
        if (f.type == FieldType::Number)
            numberField = f.name;
    if (!numberField.isEmpty()) {
        auto bad = run(QStringList { QStringLiteral("case"), QStringLiteral("create"), type->name,
                           numberField + QStringLiteral("=abc") }
            + assignments);
        QCOMPARE(bad.code, 3);
        QVERIFY(bad.err.contains(numberField.toUtf8()));
        QCOMPARE(store->reads().pendingCount(), before);
    }
    // Texts beyond the server's rules (core's RulesEngine: title, note, every text field) are refused
    // here with the field and its limit named, and nothing is queued (before: a long title was
    // queued and only the server rejected it, a sync later).
    {
        const QString longTitle(RulesEngine::MaxTitleLength + 1, QLatin1Char('t'));
        auto bad = run(QStringList { QStringLiteral("case"), QStringLiteral("create"), type->name,
                           QStringLiteral("--title"), longTitle }
            + assignments);
        QCOMPARE(bad.code, 3);
        QVERIFY2(bad.err.contains("title: ") && bad.err.contains("200"), bad.err.constData());
        bad = run(QStringList { QStringLiteral("case"), QStringLiteral("create"), type->name,
                      QStringLiteral("--title"), QStringLiteral("two\nlines") }
            + assignments);
        QCOMPARE(bad.code, 3);
        QVERIFY2(bad.err.contains("title: "), bad.err.constData());
        for (const FieldDef &f : type->fields) {
            if (f.type != FieldType::Text)
                continue;
            const int limit = f.maxLength ? *f.maxLength : RulesEngine::MaxTextLength;
            bad = run(QStringList { QStringLiteral("case"), QStringLiteral("create"), type->name }
                + assignments
                + QStringList { f.name + QLatin1Char('=') + QString(limit + 1, QLatin1Char('x')) });
            QCOMPARE(bad.code, 3);
            QVERIFY2(bad.err.contains(QByteArray::number(limit)), bad.err.constData());
        }
        QCOMPARE(store->reads().pendingCount(), before);
    }
    QString boolField; // set too, to see how the human text shows it
    for (const FieldDef &f : type->fields)
        if (f.type == FieldType::Bool && !req.contains(f.name))
            boolField = f.name;
    auto created
        = run(QStringList { QStringLiteral("--json"), QStringLiteral("case"), QStringLiteral("create"),
                  type->name, QStringLiteral("--title"), QStringLiteral("from the cli") }
            + assignments
            + (boolField.isEmpty() ? QStringList() : QStringList { boolField + QStringLiteral("=yes") }));
    QVERIFY2(created.code == 0, created.err.constData());
    const QString tmp = QJsonDocument::fromJson(created.out).object().value(QLatin1String("id")).toString();
    QVERIFY(isTempId(tmp));
    // The human text shows values as the app does (formatFieldValue): Yes/No, a site with its label.
    {
        const auto shown = run({ QStringLiteral("case"), QStringLiteral("show"), tmp });
        QCOMPARE(shown.code, 0);
        const QString text = QString::fromUtf8(shown.out);
        const auto local = store->reads().caseById(tmp);
        QVERIFY(local);
        const LookupLabel labels = [&store](const QString &page, const QString &key) {
            for (const DataPageRow &r : store->reads().dataPageRows(page, key, 5))
                if (r.key == key)
                    return r.label;
            return QString();
        };
        for (const FieldDef &f : type->fields) {
            const QString line = QStringLiteral("  %1: %2\n")
                                     .arg(f.label.isEmpty() ? f.name : f.label,
                                         formatFieldValue(&f, local->record.fields.value(f.name), labels));
            QVERIFY2(text.contains(line), qPrintable(text + QStringLiteral(" lacks ") + line));
        }
        if (!boolField.isEmpty())
            QVERIFY2(text.contains(QStringLiteral(": Yes\n")), qPrintable(text));
    }
    QCOMPARE(run({ QStringLiteral("case"), QStringLiteral("note"), tmp, QStringLiteral("hello"),
                     QStringLiteral("world") })
                 .code,
        0);
    QCOMPARE(
        run({ QStringLiteral("case"), QStringLiteral("transition"), tmp, QStringLiteral("no-such-flow") })
            .code,
        3);
    auto longNote = run({ QStringLiteral("case"), QStringLiteral("note"), tmp,
        QString(RulesEngine::MaxNoteLength + 1, QLatin1Char('n')) });
    QCOMPARE(longNote.code, 3);
    QVERIFY2(longNote.err.contains("10000"), longNote.err.constData());
    auto outbox = run({ QStringLiteral("outbox"), QStringLiteral("--json") });
    QCOMPARE(QJsonDocument::fromJson(outbox.out).array().size(), before + 2);
    QCOMPARE(run({ QStringLiteral("sync") }).code, 0);
    auto show = run({ QStringLiteral("case"), QStringLiteral("show"), tmp, QStringLiteral("--json") });
    QCOMPARE(show.code, 0);
    QVERIFY(!isTempId(QJsonDocument::fromJson(show.out).object().value(QLatin1String("id")).toString()));
    auto status = run({ QStringLiteral("status"), QStringLiteral("--json") });
    QCOMPARE(status.code, 0);
    QCOMPARE(QJsonDocument::fromJson(status.out).object().value(QLatin1String("state")).toString(),
        QStringLiteral("online"));
    QCOMPARE(QJsonDocument::fromJson(status.out).object().value(QLatin1String("pending")).toInt(), 0);

    // An explicit check of the whole store (a start after a clean shutdown skips that part).
    auto check = run({ QStringLiteral("check"), QStringLiteral("--json") });
    QVERIFY2(check.code == 0, check.err.constData());
    QCOMPARE(QJsonDocument::fromJson(check.out).object().value(QLatin1String("integrityChecked")),
        QJsonValue(true));

    // Diagnostics: no token, no verifier, no password anywhere in the file.
    const QString diag = m_dir.filePath(QStringLiteral("diag.json"));
    QCOMPARE(run({ QStringLiteral("export-diagnostics"), diag }).code, 0);
    QFile f(diag);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(QJsonDocument::fromJson(bytes).object().contains(QLatin1String("events")));
    QVERIFY(!bytes.contains("pbkdf2"));
    QVERIFY(!bytes.contains(m_aliceToken.toUtf8()));

    // The server away: sync says offline (4), local work still works.
    m_server.kill();
    QCOMPARE(run({ QStringLiteral("sync"), QStringLiteral("--timeout"), QStringLiteral("3") }).code, 4);
    QCOMPARE(run({ QStringLiteral("case"), QStringLiteral("list") }).code, 0);
    // Offline sign-in: the verifier of the last good password decides.
    QCOMPARE(run(signin, "wrong\n").code, 1);
    auto offline = run(QStringList { QStringLiteral("--json") } + signin, "alice\n");
    QVERIFY2(offline.code == 0, offline.err.constData());
    QCOMPARE(QJsonDocument::fromJson(offline.out).object().value(QLatin1String("offline")).toBool(), true);
    {
        QString why;
        QVERIFY2(m_server.restart(&why), qPrintable(why));
    }
}

QTEST_GUILESS_MAIN(TestCliE2e)
#include "tst_cli_e2e.moc"
