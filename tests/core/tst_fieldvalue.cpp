// SPDX-License-Identifier: MIT
// The one formatter of a field value for people (app, store descriptions, command line).
#include "rules/fieldvalue.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace outpost;

class TestFieldValue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void formatsValues_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");
        const QString none = QStringLiteral("—");
        QTest::newRow("null") << QJsonValue() << none;
        QTest::newRow("undefined") << QJsonValue(QJsonValue::Undefined) << none;
        QTest::newRow("empty text") << QJsonValue(QString()) << none;
        QTest::newRow("blank text") << QJsonValue(QStringLiteral("  ")) << none;
        QTest::newRow("text") << QJsonValue(QStringLiteral("Gate 2")) << QStringLiteral("Gate 2");
        QTest::newRow("true") << QJsonValue(true) << QStringLiteral("Yes");
        QTest::newRow("false") << QJsonValue(false) << QStringLiteral("No");
        QTest::newRow("integer") << QJsonValue(15) << QStringLiteral("15");
        QTest::newRow("large integer") << QJsonValue(1234567.0) << QStringLiteral("1234567");
        QTest::newRow("decimal") << QJsonValue(0.1 + 0.2) << QStringLiteral("0.3");
        QTest::newRow("negative") << QJsonValue(-3.25) << QStringLiteral("-3.25");
        QTest::newRow("array") << QJsonValue(QJsonArray { 1, QStringLiteral("a") })
                               << QStringLiteral("[1,\"a\"]");
        QTest::newRow("object") << QJsonValue(QJsonObject { { QStringLiteral("k"), true } })
                                << QStringLiteral("{\"k\":true}");
    }

    void formatsValues()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        QCOMPARE(formatFieldValue(nullptr, value), expected);
    }

    void lookupShowsLabelWhenKnown()
    {
        FieldDef site;
        site.name = QStringLiteral("site");
        site.type = FieldType::Lookup;
        site.dataPage = QStringLiteral("sites");
        const LookupLabel labels = [](const QString &page, const QString &key) {
            return page == QLatin1String("sites") && key == QLatin1String("S-007")
                ? QStringLiteral("Substation 7")
                : QString();
        };
        QCOMPARE(
            formatFieldValue(&site, QStringLiteral("S-007"), labels), QStringLiteral("S-007 (Substation 7)"));
        QCOMPARE(formatFieldValue(&site, QStringLiteral("S-999"), labels), QStringLiteral("S-999"));
        QCOMPARE(formatFieldValue(&site, QStringLiteral("S-007")), QStringLiteral("S-007"));
        QCOMPARE(formatFieldValue(&site, QJsonValue(), labels), QStringLiteral("—"));

        FieldDef text; // a text field never asks the data pages
        text.name = QStringLiteral("summary");
        QCOMPARE(formatFieldValue(&text, QStringLiteral("S-007"), labels), QStringLiteral("S-007"));
    }

    void choicesAndDatesAsWritten()
    {
        FieldDef priority;
        priority.type = FieldType::Choice;
        priority.choices = QStringList { QStringLiteral("low"), QStringLiteral("high") };
        QCOMPARE(formatFieldValue(&priority, QStringLiteral("high")), QStringLiteral("high"));
        FieldDef visit;
        visit.type = FieldType::Date;
        QCOMPARE(formatFieldValue(&visit, QStringLiteral("2024-05-02")), QStringLiteral("2024-05-02"));
    }

    void inTheUsersLocaleAndLanguage()
    {
        FieldDef priority;
        priority.type = FieldType::Choice;
        priority.choices = QStringList { QStringLiteral("low"), QStringLiteral("high") };
        priority.choiceLabels.insert(QStringLiteral("high"),
            { QStringLiteral("High"), { { QStringLiteral("de"), QStringLiteral("Hoch") } } });
        FieldDef visit;
        visit.type = FieldType::Date;
        FieldDef arrived;
        arrived.type = FieldType::DateTime;
        const QLocale before;
        QLocale::setDefault(QLocale(QStringLiteral("de_DE")));
        QCOMPARE(formatFieldValue(nullptr, 12.5), QStringLiteral("12,5"));
        QCOMPARE(formatFieldValue(nullptr, 1234567.25), QStringLiteral("1234567,25"));
        QCOMPARE(formatFieldValue(&priority, QStringLiteral("high")), QStringLiteral("Hoch"));
        QCOMPARE(formatFieldValue(&priority, QStringLiteral("low")), QStringLiteral("low"));
        QCOMPARE(formatFieldValue(&visit, QStringLiteral("2024-05-02")), QStringLiteral("02.05.2024"));
        QCOMPARE(formatFieldValue(&arrived, QStringLiteral("2026-11-30T08:15:00Z")),
            QStringLiteral("30.11.2026 08:15 UTC"));
        QCOMPARE(parseNumber(QStringLiteral("12,5")), 12.5);
        QCOMPARE(parseNumber(QStringLiteral("12.5")), 12.5);
        QVERIFY(!parseNumber(QStringLiteral("12x")));
        QLocale::setDefault(QLocale(QStringLiteral("fr_FR")));
        QCOMPARE(formatFieldValue(nullptr, -3.25), QStringLiteral("-3,25"));
        QCOMPARE(formatFieldValue(&visit, QStringLiteral("2024-05-02")), QStringLiteral("02/05/2024"));
        QLocale::setDefault(QLocale(QStringLiteral("en_US")));
        QCOMPARE(formatFieldValue(nullptr, 12.5), QStringLiteral("12.5"));
        QCOMPARE(formatFieldValue(&priority, QStringLiteral("high")), QStringLiteral("High"));
        QCOMPARE(formatFieldValue(&visit, QStringLiteral("2024-05-02")), QStringLiteral("2024-05-02"));
        QCOMPARE(formatFieldValue(&arrived, QStringLiteral("2026-11-30T08:15:00Z")),
            QStringLiteral("2026-11-30 08:15 UTC"));
        QCOMPARE(parseNumber(QStringLiteral("12,5")), 12.5);
        QLocale::setDefault(before);
    }

    void sameFieldValueTreatsEveryEmptyAlike()
    {
        QVERIFY(sameFieldValue(QJsonValue(), QJsonValue(QJsonValue::Undefined)));
        QVERIFY(sameFieldValue(QJsonValue(), QStringLiteral("")));
        QVERIFY(sameFieldValue(QStringLiteral(" "), QJsonValue()));
        QVERIFY(sameFieldValue(12, 12.0));
        QVERIFY(!sameFieldValue(QJsonValue(), false));
        QVERIFY(!sameFieldValue(QStringLiteral("12"), 12));
    }
};

QTEST_GUILESS_MAIN(TestFieldValue)
#include "tst_fieldvalue.moc"
