// SPDX-License-Identifier: MIT
#include "cli.h"
#include "fieldvalues.h"
#include "redact.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace outpost;
using namespace outpost::cli;

namespace {
CaseType demoType()
{
    const QByteArray json
        = "{\"name\":\"inspection\",\"version\":1,\"title\":\"Inspection\","
          "\"statuses\":[\"New\",\"Resolved-Completed\"],"
          "\"fields\":[{\"name\":\"readingKw\",\"label\":\"kW\",\"type\":\"number\"},"
          "{\"name\":\"passed\",\"label\":\"Passed\",\"type\":\"bool\"},"
          "{\"name\":\"visitDate\",\"label\":\"Visit\",\"type\":\"date\"},"
          "{\"name\":\"arrivedAt\",\"label\":\"Arrived\",\"type\":\"datetime\"},"
          "{\"name\":\"priority\",\"label\":\"Priority\",\"type\":\"choice\",\"choices\":[\"low\",\"high\"]},"
          "{\"name\":\"summary\",\"label\":\"Summary\",\"type\":\"text\"}],"
          "\"flowActions\":[]}";
    auto t = CaseType::fromJson(QJsonDocument::fromJson(json).object());
    if (!t.ok())
        qFatal("%s", qPrintable(t.error().toString()));
    return t.value();
}
} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void valuesAreTypedByTheCaseType()
    {
        auto r = parseFieldValues(demoType(),
            { QStringLiteral("readingKw=12.5"), QStringLiteral("passed=yes"),
                QStringLiteral("visitDate=2026-11-30"), QStringLiteral("arrivedAt=2026-11-30T09:15:00+01:00"),
                QStringLiteral("priority=high"), QStringLiteral("summary=a=b c") });
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->value(QLatin1String("readingKw")), QJsonValue(12.5));
        QCOMPARE(r->value(QLatin1String("passed")), QJsonValue(true));
        QCOMPARE(r->value(QLatin1String("visitDate")), QJsonValue(QStringLiteral("2026-11-30")));
        QCOMPARE(r->value(QLatin1String("arrivedAt")), QJsonValue(QStringLiteral("2026-11-30T08:15:00Z")));
        QCOMPARE(r->value(QLatin1String("summary")), QJsonValue(QStringLiteral("a=b c")));
    }

    void emptyValueClears()
    {
        auto r = parseFieldValues(demoType(), { QStringLiteral("summary=") });
        QVERIFY(r.ok());
        QVERIFY(r->value(QLatin1String("summary")).isNull());
    }

    void badValuesNameTheirFields()
    {
        auto r = parseFieldValues(demoType(),
            { QStringLiteral("readingKw=12kW"), QStringLiteral("passed=maybe"),
                QStringLiteral("visitDate=30.11.2026"), QStringLiteral("nope=1"), QStringLiteral("novalue"),
                QStringLiteral("readingKw2=inf") });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("validation_failed"));
        for (const char *f : { "readingKw", "passed", "visitDate", "nope", "novalue", "readingKw2" })
            QVERIFY2(r.error().fields.contains(QLatin1String(f)), f);
        QVERIFY(r.error().fields.value(QStringLiteral("nope")).contains(QLatin1String("readingKw")));
        QCOMPARE(parseFieldValues(demoType(), { QStringLiteral("readingKw=nan") }).error().code,
            QStringLiteral("validation_failed"));
    }

    void secretsAreRedacted()
    {
        const QString text = QStringLiteral("Authorization: Bearer abc.def-123 token=XYZ password: hunter2 "
                                            "{\"token\":\"t0k\"} pbkdf2-sha256$120000$c2FsdA==$a2V5 kept");
        const QString r = redactSecrets(text);
        for (const char *secret : { "abc.def-123", "XYZ", "hunter2", "t0k", "a2V5", "c2FsdA" })
            QVERIFY2(!r.contains(QLatin1String(secret)), qPrintable(r));
        QVERIFY(r.contains(QLatin1String("kept")));
    }

    void usageAndExitCodesWithoutAServer()
    {
        QTemporaryDir dir;
        const QString profile = dir.path();
        QCOMPARE(runCli({}), int(ExitUsage));
        QCOMPARE(runCli({ QStringLiteral("frobnicate") }), int(ExitUsage));
        QCOMPARE(runCli({ QStringLiteral("--profile"), profile, QStringLiteral("--bogus"),
                     QStringLiteral("status") }),
            int(ExitUsage));
        QCOMPARE(
            runCli({ QStringLiteral("--profile"), profile, QStringLiteral("case"), QStringLiteral("list") }),
            int(ExitSignInRequired));
        QCOMPARE(runCli({ QStringLiteral("--profile"), profile, QStringLiteral("sync") }),
            int(ExitSignInRequired));
        QCOMPARE(runCli({ QStringLiteral("--profile"), profile, QStringLiteral("signin"),
                     QStringLiteral("--user"), QStringLiteral("a") }),
            int(ExitUsage));
        QCOMPARE(
            runCli({ QStringLiteral("--profile"), profile, QStringLiteral("case"), QStringLiteral("show") }),
            int(ExitUsage));
        QVERIFY(isCliCommand(QStringLiteral("sync")));
        QVERIFY(!isCliCommand(QStringLiteral("--kiosk")));
        const auto cliFor = [](const char *line) {
            return isCliInvocation(QString::fromLatin1(line).split(QLatin1Char(' '), Qt::SkipEmptyParts));
        };
        QVERIFY(cliFor("status"));
        QVERIFY(cliFor("--profile /p status"));
        QVERIFY(cliFor("--profile=/p case list"));
        QVERIFY(cliFor("cases --json")); // an unknown word: the command line says so, not the app
        QVERIFY(cliFor("--json"));
        QVERIFY(!cliFor(""));
        QVERIFY(!cliFor("--profile /p --server https://x"));
        QVERIFY(!cliFor("--server https://x --kiosk"));
        QVERIFY(!cliFor("--help"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
