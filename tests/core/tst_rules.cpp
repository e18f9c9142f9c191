// SPDX-License-Identifier: MIT
#include "protocol/casetype.h"
#include "protocol/jsonreader.h"
#include "rules/caselabels.h"
#include "rules/merge.h"
#include "rules/rulesengine.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace outpost;

namespace {
const char *kInspection = R"J({"name": "inspection", "version": 3, "title": "Site inspection",
 "statuses": ["New", "InProgress", "Resolved-Completed", "Resolved-Withdrawn"],
 "fields": [
   {"name": "site", "label": "Site", "type": "lookup", "dataPage": "sites", "required": true},
   {"name": "readingKw", "label": "Meter reading (kW)", "type": "number", "min": 0, "max": 100000},
   {"name": "visitDate", "label": "Visit date", "type": "date", "required": true},
   {"name": "arrivedAt", "label": "Arrived", "type": "datetime"},
   {"name": "priority", "label": "Priority", "type": "choice", "choices": ["low", "normal", "high"]},
   {"name": "passed", "label": "Passed", "type": "bool"},
   {"name": "serial", "label": "Serial", "type": "text", "pattern": "[A-Z]{2}-[0-9]{4}"},
   {"name": "summary", "label": "Summary", "type": "text", "maxLength": 20, "pattern": null},
   {"name": "customerSignature", "label": "Customer signature", "type": "signature"}],
 "flowActions": [
   {"name": "start", "label": "Start work", "from": ["New"], "to": "InProgress"},
   {"name": "complete", "label": "Complete", "from": ["InProgress"], "to": "Resolved-Completed",
    "requires": ["readingKw", "passed"]},
   {"name": "signOff", "label": "Sign off", "from": ["InProgress"], "to": "Resolved-Completed",
    "requires": ["customerSignature"]}],
 "conflictPolicy": {"default": "merge", "fields": {"readingKw": "serverWins", "summary": "clientWins"}}})J";

CaseType inspection()
{
    auto obj = parseJsonObject(QByteArray(kInspection));
    auto ct = CaseType::fromJson(obj.value());
    if (!ct)
        qFatal("%s", qPrintable(ct.error().toString()));
    return ct.value();
}

// The protocol example with the localisation extension (docs/protocol.md, "Case types in the user's
// language").
const char *kLocalised = R"J({"name": "inspection", "version": 4, "title": "Site inspection",
 "titles": {"de": "Anlagenprüfung", "fr": "Inspection de site"},
 "statuses": ["New", "InProgress", "OnHold", "Resolved-Completed"],
 "statusLabels": {"New": {"labels": {"de": "Neu"}},
                  "InProgress": {"label": "Being worked on", "labels": {"de": "In Arbeit", "fr": "En cours"}}},
 "fields": [
   {"name": "readingKw", "label": "Meter reading (kW)", "labels": {"de": "Zählerstand (kW)"}, "type": "number",
    "help": "As shown", "helps": {"de": "Wie angezeigt"}},
   {"name": "priority", "label": "Priority", "labels": {"de": "Priorität", "fr": "Priorité"}, "type": "choice",
    "choices": ["low", "normal", "high"],
    "choiceLabels": {"low": {"label": "Low", "labels": {"de": "Niedrig"}}, "high": {"labels": {"de": "Hoch"}}}},
   {"name": "summary", "type": "text"}],
 "flowActions": [
   {"name": "start", "label": "Start work", "labels": {"de": "Arbeit beginnen", "fr": "Commencer"},
    "from": ["New"], "to": "InProgress"},
   {"name": "hold", "from": ["InProgress"], "to": "OnHold"}]})J";

bool sitesLookup(const QString &page, const QString &key)
{
    return page == QLatin1String("sites") && key.startsWith(QLatin1String("S-"));
}

QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}
} // namespace

class TestRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesProtocolExample()
    {
        const CaseType ct = inspection();
        QCOMPARE(ct.version, 3);
        QCOMPARE(ct.fields.size(), 9);
        QCOMPARE(ct.field(QStringLiteral("site"))->type, FieldType::Lookup);
        QCOMPARE(ct.flowAction(QStringLiteral("complete"))->requiredFields,
            QStringList({ QStringLiteral("readingKw"), QStringLiteral("passed") }));
        QCOMPARE(ct.conflictPolicy.ruleFor(QStringLiteral("readingKw")), ConflictRule::ServerWins);
        QCOMPARE(ct.conflictPolicy.ruleFor(QStringLiteral("site")), ConflictRule::Merge);
        // A round trip keeps every rule.
        auto again = CaseType::fromJson(ct.toJson());
        QVERIFY(again.ok());
        QCOMPARE(QJsonDocument(again->toJson()).toJson(), QJsonDocument(ct.toJson()).toJson());
    }

    void localisedLabelsWithFallback()
    {
        auto parsed = CaseType::fromJson(parseJsonObject(QByteArray(kLocalised)).value());
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        const CaseType ct = parsed.value();
        const QString de = QStringLiteral("de"), fr = QStringLiteral("fr"), en = QStringLiteral("en");
        QCOMPARE(ct.titleText(de), QStringLiteral("Anlagenprüfung"));
        QCOMPARE(
            ct.titleText(QStringLiteral("de_AT")), QStringLiteral("Anlagenprüfung")); // region → language
        QCOMPARE(ct.titleText(en), QStringLiteral("Site inspection"));
        QCOMPARE(ct.fieldLabel(QStringLiteral("readingKw"), de), QStringLiteral("Zählerstand (kW)"));
        QCOMPARE(ct.fieldLabel(QStringLiteral("readingKw"), fr), QStringLiteral("Meter reading (kW)"));
        QCOMPARE(ct.fieldLabel(QStringLiteral("summary"), de), QStringLiteral("summary"));
        QCOMPARE(ct.fieldLabel(QStringLiteral("gone"), de), QStringLiteral("gone"));
        QCOMPARE(ct.fieldHelp(QStringLiteral("readingKw"), de), QStringLiteral("Wie angezeigt"));
        QCOMPARE(ct.fieldHelp(QStringLiteral("readingKw"), fr), QStringLiteral("As shown"));
        QCOMPARE(
            ct.choiceLabel(QStringLiteral("priority"), QStringLiteral("low"), de), QStringLiteral("Niedrig"));
        QCOMPARE(
            ct.choiceLabel(QStringLiteral("priority"), QStringLiteral("low"), fr), QStringLiteral("Low"));
        QCOMPARE(
            ct.choiceLabel(QStringLiteral("priority"), QStringLiteral("high"), en), QStringLiteral("high"));
        QCOMPARE(ct.choiceLabel(QStringLiteral("priority"), QStringLiteral("normal"), de),
            QStringLiteral("normal"));
        QCOMPARE(ct.statusLabel(QStringLiteral("InProgress"), de), QStringLiteral("In Arbeit"));
        QCOMPARE(ct.statusLabel(QStringLiteral("InProgress"), en), QStringLiteral("Being worked on"));
        QCOMPARE(ct.statusLabel(QStringLiteral("New"), fr), QStringLiteral("New"));
        QCOMPARE(ct.statusLabel(QStringLiteral("OnHold"), de), QStringLiteral("On hold"));
        QCOMPARE(
            ct.statusLabel(QStringLiteral("Resolved-Completed"), de), QStringLiteral("Resolved – Completed"));
        QCOMPARE(ct.actionLabel(QStringLiteral("start"), fr), QStringLiteral("Commencer"));
        QCOMPARE(ct.actionLabel(QStringLiteral("start"), QString()), QStringLiteral("Start work"));
        QCOMPARE(ct.actionLabel(QStringLiteral("hold"), de), QStringLiteral("hold"));
        // A round trip keeps every translation.
        auto again = CaseType::fromJson(ct.toJson());
        QVERIFY(again.ok());
        QCOMPARE(again->statusLabel(QStringLiteral("InProgress"), fr), QStringLiteral("En cours"));
        QCOMPARE(again->choiceLabel(QStringLiteral("priority"), QStringLiteral("high"), de),
            QStringLiteral("Hoch"));
        QCOMPARE(QJsonDocument(again->toJson()).toJson(), QJsonDocument(ct.toJson()).toJson());
        // A case type without translations reads as before.
        QCOMPARE(inspection().fieldLabel(QStringLiteral("visitDate"), de), QStringLiteral("Visit date"));
        QCOMPARE(inspection().toJson().contains(QStringLiteral("statusLabels")), false);
    }

    void humanisedStatuses_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("expected");
        QTest::newRow("camel") << "InProgress"
                               << "In progress";
        QTest::newRow("resolved") << "Resolved-Completed"
                                  << "Resolved – Completed";
        QTest::newRow("one word") << "New"
                                  << "New";
        QTest::newRow("long") << "WaitingForParts"
                              << "Waiting for parts";
        QTest::newRow("acronym") << "NeedsQA"
                                 << "Needs QA";
        QTest::newRow("acronym inside") << "QAReview"
                                        << "QA review";
        QTest::newRow("snake") << "waiting_for_parts"
                               << "Waiting for parts";
        QTest::newRow("empty") << ""
                               << "";
    }
    void humanisedStatuses()
    {
        QFETCH(QString, status);
        QFETCH(QString, expected);
        QCOMPARE(humanizeStatus(status), expected);
    }

    void rejectsBadLocalisedLabels_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        const QByteArray head = R"({"name":"x","version":1,"statuses":["New","InProgress"],)";
        QTest::newRow("labels not an object")
            << head + R"("fields":[{"name":"a","type":"text","labels":"Etwas"}]})"
            << "fields[0].labels"
            << "must be an object";
        QTest::newRow("label not a string")
            << head + R"("fields":[{"name":"a","type":"text","labels":{"de":7}}]})"
            << "fields[0].labels.de"
            << "must be a text";
        QTest::newRow("empty label") << head + R"("fields":[{"name":"a","type":"text","labels":{"de":" "}}]})"
                                     << "fields[0].labels.de"
                                     << "must be a text";
        QTest::newRow("not a language")
            << head + R"("fields":[{"name":"a","type":"text","labels":{"German":"A"}}]})"
            << "fields[0].labels.German"
            << "not a language code";
        QTest::newRow("unknown status")
            << head + R"("fields":[],"statusLabels":{"Closed":{"label":"Closed"}}})"
            << "statusLabels.Closed"
            << "names no status";
        QTest::newRow("status text not an object") << head + R"("fields":[],"statusLabels":{"New":"Neu"}})"
                                                   << "statusLabels.New"
                                                   << "must be an object";
        QTest::newRow("status labels bad")
            << head + R"("fields":[],"statusLabels":{"New":{"labels":["Neu"]}}})"
            << "statusLabels.New.labels"
            << "must be an object";
        QTest::newRow("unknown choice") << head
                + R"("fields":[{"name":"p","type":"choice","choices":["low"],"choiceLabels":{"lo":{"label":"L"}}}]})"
                                        << "fields[0].choiceLabels.lo"
                                        << "names no choice";
        QTest::newRow("choice labels without choices")
            << head + R"("fields":[{"name":"p","type":"text","choiceLabels":{"low":{"label":"L"}}}]})"
            << "fields[0].choiceLabels"
            << "no choices";
        QTest::newRow("action labels")
            << head + R"("fields":[],"flowActions":[{"name":"go","to":"InProgress","labels":{"fr":""}}]})"
            << "flowActions[0].labels.fr"
            << "must be a text";
        QTest::newRow("titles") << head + R"("fields":[],"titles":["Titel"]})"
                                << "titles"
                                << "must be an object";
    }
    void rejectsBadLocalisedLabels()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, message);
        auto ct = CaseType::fromJson(parseJsonObject(json).value());
        QVERIFY(!ct.ok());
        QCOMPARE(ct.error().code, QStringLiteral("bad_request"));
        QVERIFY2(ct.error().fields.contains(field), qPrintable(ct.error().toString()));
        QVERIFY2(ct.error().message.contains(message), qPrintable(ct.error().message));
        QVERIFY2(ct.error().message.contains(field), qPrintable(ct.error().message));
    }

    void rejectsBrokenCaseTypes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown type") << QByteArray(
            R"({"name":"x","version":1,"statuses":["New"],"fields":[{"name":"a","type":"blob"}]})")
                                      << "fields[0].type";
        QTest::newRow("version string")
            << QByteArray(R"({"name":"x","version":"1","statuses":["New"],"fields":[]})") << "version";
        QTest::newRow("choice without choices") << QByteArray(
            R"({"name":"x","version":1,"statuses":["New"],"fields":[{"name":"a","type":"choice"}]})")
                                                << "fields[0].choices";
        QTest::newRow("flow to unknown status") << QByteArray(
            R"({"name":"x","version":1,"statuses":["New"],"fields":[],"flowActions":[{"name":"go","to":"Nowhere"}]})")
                                                << "flowActions[0].to";
        QTest::newRow("bad policy") << QByteArray(
            R"({"name":"x","version":1,"statuses":["New"],"fields":[],"conflictPolicy":{"default":"coinFlip"}})")
                                    << "conflictPolicy.default";
    }
    void rejectsBrokenCaseTypes()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        auto ct = CaseType::fromJson(parseJsonObject(json).value());
        QVERIFY(!ct.ok());
        QCOMPARE(ct.error().code, QStringLiteral("bad_request"));
        QVERIFY2(ct.error().fields.contains(field), qPrintable(ct.error().toString()));
    }

    void validatesEachFieldType_data()
    {
        QTest::addColumn<QByteArray>("fields");
        QTest::addColumn<QString>("badField");
        QTest::newRow("valid") << QByteArray(
            R"({"readingKw": 12.5, "passed": true, "priority": "high", "serial": "AB-1234", "arrivedAt": "2026-11-30T08:15:00Z"})")
                               << "";
        QTest::newRow("number type") << QByteArray(R"({"readingKw": "12"})") << "readingKw";
        QTest::newRow("number min") << QByteArray(R"({"readingKw": -1})") << "readingKw";
        QTest::newRow("number max") << QByteArray(R"({"readingKw": 100001})") << "readingKw";
        QTest::newRow("bool") << QByteArray(R"({"passed": "yes"})") << "passed";
        QTest::newRow("choice") << QByteArray(R"({"priority": "urgent"})") << "priority";
        QTest::newRow("date") << QByteArray(R"({"visitDate": "2026-02-30"})") << "visitDate";
        QTest::newRow("datetime") << QByteArray(R"({"arrivedAt": "yesterday"})") << "arrivedAt";
        QTest::newRow("maxLength") << QByteArray(R"({"summary": "this text is far too long"})") << "summary";
        QTest::newRow("pattern") << QByteArray(R"({"serial": "AB-12345"})") << "serial";
        QTest::newRow("NUL in text") << QByteArray(R"({"summary": "a\u0000b"})") << "summary";
        QTest::newRow("lookup") << QByteArray(R"({"site": "X-1"})") << "site";
        QTest::newRow("unknown") << QByteArray(R"({"colour": "red"})") << "colour";
        QTest::newRow("clear required") << QByteArray(R"({"visitDate": null})") << "visitDate";
        const QByteArray sha = QCryptographicHash::hash("png", QCryptographicHash::Sha256).toHex();
        QTest::newRow("signature") << QByteArray(R"({"customerSignature": ")" + sha + R"("})") << "";
        QTest::newRow("signature cleared") << QByteArray(R"({"customerSignature": null})") << "";
        QTest::newRow("signature uppercase")
            << QByteArray(R"({"customerSignature": ")" + sha.toUpper() + R"("})") << "customerSignature";
        QTest::newRow("signature short")
            << QByteArray(R"({"customerSignature": ")" + sha.left(63) + R"("})") << "customerSignature";
        QTest::newRow("signature not hex")
            << QByteArray(R"({"customerSignature": ")" + sha.left(63) + R"(g"})") << "customerSignature";
        QTest::newRow("signature a file name")
            << QByteArray(R"({"customerSignature": "signature.png"})") << "customerSignature";
        QTest::newRow("signature a number")
            << QByteArray(R"({"customerSignature": 12})") << "customerSignature";
    }
    void validatesEachFieldType()
    {
        QFETCH(QByteArray, fields);
        QFETCH(QString, badField);
        const auto errors
            = RulesEngine::validateFields(inspection(), obj(R"({"site":"S-1","visitDate":"2026-11-30"})"),
                obj(fields.constData()), RulesEngine::Mode::Update, sitesLookup);
        if (badField.isEmpty()) {
            QVERIFY2(errors.isEmpty(), qPrintable(errors.keys().join(QLatin1Char(','))));
        } else {
            QCOMPARE(errors.keys(), QStringList { badField });
            QVERIFY(!errors.value(badField).isEmpty());
        }
    }

    void signatureFields()
    {
        const CaseType ct = inspection();
        QVERIFY(ct.hasSignatureField());
        QCOMPARE(ct.field(QStringLiteral("customerSignature"))->type, FieldType::Signature);
        // Written and read back under its protocol name.
        const QJsonObject json = ct.toJson();
        QVERIFY(QJsonDocument(json).toJson(QJsonDocument::Compact).contains(R"("type":"signature")"));
        QCOMPARE(CaseType::fromJson(json).value().field(QStringLiteral("customerSignature"))->type,
            FieldType::Signature);
        // The flow action that needs it is refused without it, and allowed with it.
        const QString sha
            = QString::fromLatin1(QCryptographicHash::hash("png", QCryptographicHash::Sha256).toHex());
        const Status refused
            = RulesEngine::checkFlowAction(ct, QStringLiteral("InProgress"), {}, QStringLiteral("signOff"));
        QCOMPARE(refused.error().code, QStringLiteral("missing_fields"));
        QCOMPARE(refused.error().fields.keys(), QStringList { QStringLiteral("customerSignature") });
        QVERIFY(RulesEngine::checkFlowAction(ct, QStringLiteral("InProgress"),
            QJsonObject { { QStringLiteral("customerSignature"), sha } }, QStringLiteral("signOff"))
                    .ok());
        // What the server checks against the case's attachments: the signature fields set.
        const QJsonObject fields { { QStringLiteral("customerSignature"), sha },
            { QStringLiteral("summary"), sha } };
        QCOMPARE(RulesEngine::signatureRefs(ct, fields),
            (QMap<QString, QString> { { QStringLiteral("customerSignature"), sha } }));
        QVERIFY(RulesEngine::signatureRefs(ct, { { QStringLiteral("customerSignature"), QJsonValue() } })
                    .isEmpty());
        // A type without one declares nothing a client must support.
        CaseType plain = ct;
        plain.fields.removeLast();
        QVERIFY(!plain.hasSignatureField());
        // Turning a text field into a signature is a change of type: incompatible.
        CaseType retyped = ct;
        retyped.fields[7].type = FieldType::Signature;
        QVERIFY(!RulesEngine::isCompatibleUpgrade(ct, retyped));
    }

    void noteText()
    {
        QVERIFY(RulesEngine::checkNoteText(QStringLiteral("checked the meter")).isEmpty());
        QVERIFY(!RulesEngine::checkNoteText(QStringLiteral("  \n ")).isEmpty());
        QVERIFY(
            !RulesEngine::checkNoteText(QString(RulesEngine::MaxNoteLength + 1, QLatin1Char('x'))).isEmpty());
        QVERIFY(RulesEngine::checkNoteText(QString(RulesEngine::MaxNoteLength, QLatin1Char('x'))).isEmpty());
        QVERIFY(!RulesEngine::checkNoteText(QStringLiteral("bad\u0000note")).isEmpty());
    }

    void createNeedsRequiredFields()
    {
        const auto errors = RulesEngine::validateFields(
            inspection(), {}, obj(R"({"readingKw": 3})"), RulesEngine::Mode::Create, sitesLookup);
        QCOMPARE(errors.keys(), QStringList({ QStringLiteral("site"), QStringLiteral("visitDate") }));
        QVERIFY(RulesEngine::validateFields(inspection(), {},
            obj(R"({"site":"S-1","visitDate":"2026-01-01"})"), RulesEngine::Mode::Create, sitesLookup)
                    .isEmpty());
    }

    void flowActionPreconditions()
    {
        const CaseType ct = inspection();
        QVERIFY(RulesEngine::checkFlowAction(ct, QStringLiteral("New"), {}, QStringLiteral("start")).ok());
        auto wrongFrom
            = RulesEngine::checkFlowAction(ct, QStringLiteral("New"), {}, QStringLiteral("complete"));
        QCOMPARE(wrongFrom.error().code, QStringLiteral("invalid_transition"));
        auto missing = RulesEngine::checkFlowAction(
            ct, QStringLiteral("InProgress"), obj(R"({"readingKw": 4})"), QStringLiteral("complete"));
        QCOMPARE(missing.error().code, QStringLiteral("missing_fields"));
        QCOMPARE(missing.error().fields.keys(), QStringList { QStringLiteral("passed") });
        QVERIFY(RulesEngine::checkFlowAction(ct, QStringLiteral("InProgress"),
            obj(R"({"readingKw": 4, "passed": false})"), QStringLiteral("complete"))
                    .ok());
        QCOMPARE(RulesEngine::checkFlowAction(
                     ct, QStringLiteral("Resolved-Completed"), {}, QStringLiteral("start"))
                     .error()
                     .code,
            QStringLiteral("invalid_transition"));
        QCOMPARE(
            RulesEngine::checkFlowAction(ct, QStringLiteral("New"), {}, QStringLiteral("fly")).error().code,
            QStringLiteral("invalid_transition"));
        QCOMPARE(RulesEngine::flowActionsFrom(ct, QStringLiteral("InProgress")).size(), 2);
    }

    void compatibility()
    {
        const CaseType v3 = inspection();
        CaseType v4 = v3;
        v4.version = 4;
        FieldDef extra;
        extra.name = QStringLiteral("extra");
        v4.fields.append(extra);
        QVERIFY(RulesEngine::isCompatibleUpgrade(v3, v4));
        CaseType v5 = v3;
        v5.fields.removeAt(7); // summary
        QString why;
        QVERIFY(!RulesEngine::isCompatibleUpgrade(v3, v5, &why));
        QVERIFY(why.contains(QLatin1String("summary")));
        CaseType v6 = v3;
        v6.fields[1].type = FieldType::Text;
        QVERIFY(!RulesEngine::isCompatibleUpgrade(v3, v6));
    }

    void threeWayMergeFollowsPolicy()
    {
        const CaseType ct = inspection();
        const QJsonObject base = obj(R"({"priority":"low","readingKw":1,"summary":"a","passed":false})");
        const QJsonObject mine = obj(R"({"priority":"high","readingKw":2,"summary":"mine","passed":true})");
        const QJsonObject theirs
            = obj(R"({"priority":"normal","readingKw":3,"summary":"theirs","passed":false,"site":"S-9"})");
        const MergeOutcome m = mergeFields(base, mine, theirs, ct.conflictPolicy);
        QCOMPARE(m.conflicts, QStringList { QStringLiteral("priority") }); // both changed, merge
        QCOMPARE(m.serverWon, QStringList { QStringLiteral("readingKw") }); // serverWins
        QCOMPARE(m.toResend, obj(R"({"summary":"mine","passed":true})")); // clientWins + disjoint
        QCOMPARE(m.merged.value(QLatin1String("site")).toString(), QStringLiteral("S-9")); // theirs kept
        QCOMPARE(m.merged.value(QLatin1String("readingKw")).toInt(), 3);
        QCOMPARE(m.merged.value(QLatin1String("passed")).toBool(), true);
    }
};

QTEST_GUILESS_MAIN(TestRules)
#include "tst_rules.moc"
