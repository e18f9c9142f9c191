// SPDX-License-Identifier: MIT
// Reference data end to end (operations console, issue 12): a data page imported as CSV, over the
// API or with `outpostd data-page import` on the database of a running outpostd, reaches a
// technician's device at its next `outpost sync`, and the device's lookup offers the new row (the
// CLI's `case create` checks lookup keys against the device's data pages, as the app's form does).
// A file with one bad row changes nothing; export → import → export is the same bytes; `outpostd
// case-type put` publishes on the same database with the API's checks.
#include "e2ehelpers.h"
#include "httpclient.h"
#include "outpostdprocess.h"

#include <QDir>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace outpost;
using namespace e2e;

namespace {
struct Run {
    int code = -1;
    QByteArray out, err;
};

Run runProgram(const QString &program, const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(program, args);
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000))
        p.kill();
    return Run { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
        p.readAllStandardError() };
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}
} // namespace

class TestRefDataE2e : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    testing::OutpostdProcess m_server;
    QString m_dbPath;
    std::unique_ptr<testing::HttpClient> m_admin;

    Run cli(const QStringList &args, const QByteArray &input = {})
    {
        return runProgram(QStringLiteral(OUTPOST_CLI_BIN),
            QStringList { QStringLiteral("--profile"), m_dir.filePath(QStringLiteral("alice")) } + args,
            input);
    }
    Run outpostd(const QStringList &args)
    {
        return runProgram(qEnvironmentVariable("OUTPOSTD_BIN"),
            args + QStringList { QStringLiteral("--db"), QStringLiteral("sqlite:") + m_dbPath });
    }
    QString storePath() const
    {
        return client::StoreLocation::pathFor(
            m_dir.filePath(QStringLiteral("alice")), m_server.baseUrl(), QStringLiteral("alice"));
    }
    /// The device's lookup for a data page: the rows it offers for a key (StoreReads::dataPageRows,
    /// what the app's LookupSource and the CLI read).
    QList<DataPageRow> offered(const QString &page, const QString &key)
    {
        if (!unlockFromKeychain(m_server.baseUrl(), QStringLiteral("alice"), storePath()).ok())
            return {};
        auto store = openStore(storePath());
        return store ? store->reads().dataPageRows(page, key, 5) : QList<DataPageRow>();
    }
    Run createInspectionAt(const QString &site)
    {
        return cli({ QStringLiteral("--json"), QStringLiteral("case"), QStringLiteral("create"),
            QStringLiteral("inspection"), QStringLiteral("--title"), QStringLiteral("at ") + site,
            QStringLiteral("site=") + site, QStringLiteral("visitDate=2026-12-10") });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QLoggingCategory::setFilterRules(
            QStringLiteral("outpost.client.*.info=false\noutpost.core.sync.*.info=false"));
        if (!qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("needs the keyring of scripts/test.sh (dbus-run-session + gnome-keyring)");
        m_dbPath = m_dir.filePath(QStringLiteral("server.sqlite"));
        QString why;
        QVERIFY2(startDemoServer(m_server, m_dbPath, &why), qPrintable(why));
        m_admin = std::make_unique<testing::HttpClient>(m_server.baseUrl());
        const QString token = m_admin->signIn(QStringLiteral("carol"), QStringLiteral("carol"));
        QVERIFY(!token.isEmpty());
        m_admin->setToken(token);
        const Run in
            = cli({ QStringLiteral("signin"), QStringLiteral("--server"), m_server.baseUrl().toString(),
                      QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("--password-stdin") },
                "alice\n");
        QVERIFY2(in.code == 0, in.err.constData());
        const Run sync = cli({ QStringLiteral("sync") });
        QVERIFY2(sync.code == 0, sync.err.constData());
    }
    void cleanupTestCase()
    {
        if (m_server.isRunning())
            QCOMPARE(m_server.stop(), 0);
    }

    void badRowChangesNothingGoodImportReachesTheDevice()
    {
        const QString sites = QStringLiteral("/api/v1/admin/data-pages/sites/csv");
        const testing::HttpReply exported = m_admin->get(sites);
        QCOMPARE(exported.status, 200);
        QCOMPARE(exported.header("content-type"), QByteArray("text/csv; charset=utf-8"));
        QVERIFY(exported.body.startsWith("key,label,address,region,town\r\nS-001,\"Substation 1, "));
        // The site is unknown on the device: the lookup offers nothing, a case there is refused.
        QVERIFY(offered(QStringLiteral("sites"), QStringLiteral("S-999")).isEmpty());
        QCOMPARE(createInspectionAt(QStringLiteral("S-999")).code, 3);

        // S-999 added, S-001 left out, and one bad row (a value too many) on line 4.
        QByteArray csv = exported.body;
        csv.remove(csv.indexOf("S-001,"), csv.indexOf("\r\nS-002,") + 2 - csv.indexOf("S-001,"));
        QByteArray bad = csv;
        bad.insert(bad.indexOf("S-004,"), "S-998,Broken,a,b,c,d\r\n");
        bad += "S-999,\"Substation 999, Testville\",\"1 Test Road, Testville\",north,Testville\r\n";
        const testing::HttpReply refused = m_admin->send("POST", sites, bad, "text/csv");
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.errorCode(), QStringLiteral("validation_failed"));
        const QJsonArray errors = refused.json().value(QLatin1String("errors")).toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.at(0).toObject().value(QLatin1String("line")).toInt(), 4);
        QCOMPARE(refused.json().value(QLatin1String("imported")).toBool(), false);
        QCOMPARE(m_admin->get(sites).body, exported.body); // the page as it was
        QCOMPARE(cli({ QStringLiteral("sync") }).code, 0);
        QVERIFY(offered(QStringLiteral("sites"), QStringLiteral("S-999")).isEmpty());

        // The good file, with `outpostd data-page import` on the running server's database.
        csv += "S-999,\"Substation 999, Testville\",\"1 Test Road, Testville\",north,Testville\r\n";
        const QString file = m_dir.filePath(QStringLiteral("sites.csv"));
        QVERIFY(writeAll(file, csv));
        const Run dry = outpostd({ QStringLiteral("data-page"), QStringLiteral("import"),
            QStringLiteral("sites"), file, QStringLiteral("--dry-run") });
        QVERIFY2(dry.code == 0, dry.err.constData());
        QVERIFY2(dry.out.contains("1 added, 0 changed, 1 removed"), dry.out.constData());
        QCOMPARE(m_admin->get(sites).body, exported.body); // a dry run changes nothing
        const Run imported = outpostd(
            { QStringLiteral("data-page"), QStringLiteral("import"), QStringLiteral("sites"), file });
        QVERIFY2(imported.code == 0, imported.err.constData());
        QVERIFY2(imported.out.contains("200 rows imported (1 added, 0 changed, 1 removed, 199 unchanged)"),
            imported.out.constData());

        // The technician's next sync brings the new site and takes the removed one away.
        const Run sync = cli({ QStringLiteral("sync") });
        QVERIFY2(sync.code == 0, sync.err.constData());
        const QList<DataPageRow> rows = offered(QStringLiteral("sites"), QStringLiteral("S-999"));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).label, QStringLiteral("Substation 999, Testville"));
        QVERIFY(offered(QStringLiteral("sites"), QStringLiteral("S-001")).isEmpty());
        const Run created = createInspectionAt(QStringLiteral("S-999"));
        QVERIFY2(created.code == 0, created.err.constData());
        const QString id
            = QJsonDocument::fromJson(created.out).object().value(QLatin1String("id")).toString();
        const Run shown = cli({ QStringLiteral("case"), QStringLiteral("show"), id });
        QVERIFY2(shown.out.contains("S-999 (Substation 999, Testville)"), shown.out.constData());
        QCOMPARE(createInspectionAt(QStringLiteral("S-001")).code, 3);
    }

    void exportImportRoundTripsByteForByte()
    {
        const QString a = m_dir.filePath(QStringLiteral("parts-a.csv"));
        const QString b = m_dir.filePath(QStringLiteral("parts-b.csv"));
        const Run first
            = outpostd({ QStringLiteral("data-page"), QStringLiteral("export"), QStringLiteral("parts"), a });
        QVERIFY2(first.code == 0, first.err.constData());
        const Run again
            = outpostd({ QStringLiteral("data-page"), QStringLiteral("import"), QStringLiteral("parts"), a });
        QVERIFY2(again.code == 0, again.err.constData());
        QVERIFY2(again.out.contains("0 added, 0 changed, 0 removed"), again.out.constData());
        QCOMPARE(
            outpostd({ QStringLiteral("data-page"), QStringLiteral("export"), QStringLiteral("parts"), b })
                .code,
            0);
        QCOMPARE(readAll(b), readAll(a));
        QVERIFY(readAll(a).startsWith("key,label,stock,unitPrice\r\n"));
        // The API imports the same bytes as unchanged too, and exports them again.
        const testing::HttpReply r = m_admin->send(
            "POST", QStringLiteral("/api/v1/admin/data-pages/parts/csv"), readAll(a), "text/csv");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("unchanged")).toInt(), 1000);
        QCOMPARE(m_admin->get(QStringLiteral("/api/v1/admin/data-pages/parts/csv")).body, readAll(a));
        // Usage and refusals: exit 2 and 3, and nothing on stdout.
        QCOMPARE(
            outpostd({ QStringLiteral("data-page"), QStringLiteral("import"), QStringLiteral("parts") }).code,
            2);
        QCOMPARE(outpostd({ QStringLiteral("data-page"), QStringLiteral("export"),
                              QStringLiteral("no-such-page"), b })
                     .code,
            3);
        const Run help
            = outpostd({ QStringLiteral("data-page"), QStringLiteral("import"), QStringLiteral("--help") });
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.startsWith("Usage: outpostd data-page import [options] NAME FILE.csv"));
    }

    void caseTypePutOnTheSameDatabase()
    {
        const testing::HttpReply stored = m_admin->get(QStringLiteral("/api/v1/admin/case-types/inspection"));
        QCOMPARE(stored.status, 200);
        QJsonObject type = stored.json();
        const int version = type.value(QLatin1String("version")).toInt();
        const QString file = m_dir.filePath(QStringLiteral("inspection.json"));

        QVERIFY(writeAll(file, "{\"name\": \"inspection\",\n \"version\": }"));
        const Run broken = outpostd({ QStringLiteral("case-type"), QStringLiteral("put"), file });
        QCOMPARE(broken.code, 3);
        QVERIFY2(broken.err.contains("The JSON is malformed at line 2"), broken.err.constData());

        QJsonArray fields = type.value(QLatin1String("fields")).toArray();
        fields.append(QJsonObject { { QStringLiteral("name"), QStringLiteral("gateCode") },
            { QStringLiteral("type"), QStringLiteral("text") } });
        type.insert(QStringLiteral("fields"), fields);
        type.insert(QStringLiteral("version"), version + 1);
        QVERIFY(writeAll(file, QJsonDocument(type).toJson()));
        const Run checked = outpostd(
            { QStringLiteral("case-type"), QStringLiteral("put"), file, QStringLiteral("--check") });
        QVERIFY2(checked.code == 0, checked.err.constData());
        QVERIFY2(checked.out.contains("a compatible upgrade (field 'gateCode' was added)"),
            checked.out.constData());
        QVERIFY2(checked.out.contains("checked, nothing changed"), checked.out.constData());
        QCOMPARE(m_admin->get(QStringLiteral("/api/v1/admin/case-types/inspection"))
                     .json()
                     .value(QLatin1String("version"))
                     .toInt(),
            version);
        const Run put = outpostd({ QStringLiteral("case-type"), QStringLiteral("put"), file });
        QVERIFY2(put.code == 0, put.err.constData());
        QVERIFY2(put.out.contains("published"), put.out.constData());
        QCOMPARE(m_admin->get(QStringLiteral("/api/v1/admin/case-types/inspection"))
                     .json()
                     .value(QLatin1String("version"))
                     .toInt(),
            version + 1);
        QCOMPARE(outpostd({ QStringLiteral("case-type"), QStringLiteral("put"), file }).code,
            3); // same version again
        // The device receives it.
        QCOMPARE(cli({ QStringLiteral("sync") }).code, 0);
        QVERIFY(unlockFromKeychain(m_server.baseUrl(), QStringLiteral("alice"), storePath()).ok());
        const auto onDevice = openStore(storePath())->reads().caseType(QStringLiteral("inspection"));
        QVERIFY(onDevice);
        QCOMPARE(onDevice->version, version + 1);
    }
};

QTEST_GUILESS_MAIN(TestRefDataE2e)
#include "tst_refdata_e2e.moc"
