// SPDX-License-Identifier: MIT
#include "protocol/action.h"
#include "protocol/caserecord.h"
#include "protocol/change.h"
#include "protocol/jsonreader.h"
#include "protocol/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace outpost;

class TestProtocol : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void malformedJsonIsAClearError()
    {
        auto r = parseJsonObject("{\"a\": ");
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("bad_request"));
        QVERIFY(r.error().message.contains(QLatin1String("offset")));
        QVERIFY(!parseJsonObject("[1,2]").ok());
        QVERIFY(!parseJsonObject("").ok());
    }

    void actionRoundTrip()
    {
        Action a;
        a.id = QStringLiteral("7d0c6d9e-1");
        a.type = ActionType::Transition;
        a.caseId = QStringLiteral("C-10042");
        a.baseEtag = QStringLiteral("\"17\"");
        a.flowAction = QStringLiteral("start");
        a.clientTime = QStringLiteral("2026-11-23T10:00:00Z");
        auto back = Action::fromJson(a.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->type, ActionType::Transition);
        QCOMPARE(back->flowAction, a.flowAction);
        QCOMPARE(back->baseEtag, a.baseEtag);
    }

    void actionStrictness_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown type") << QByteArray(R"({"id":"a","type":"explode","caseId":"C-1"})") << "actions[0].type";
        QTest::newRow("caseId number") << QByteArray(R"({"id":"a","type":"note","caseId":5,"text":"x"})") << "actions[0].caseId";
        QTest::newRow("missing id") << QByteArray(R"({"type":"note","caseId":"C-1","text":"x"})") << "actions[0].id";
        QTest::newRow("update without baseEtag") << QByteArray(R"({"id":"a","type":"update","caseId":"C-1","fields":{}})") << "actions[0].baseEtag";
        QTest::newRow("fields not object") << QByteArray(R"({"id":"a","type":"update","caseId":"C-1","baseEtag":"e1","fields":[]})") << "actions[0].fields";
        QTest::newRow("note without text") << QByteArray(R"({"id":"a","type":"note","caseId":"C-1"})") << "actions[0].text";
    }
    void actionStrictness()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        auto a = Action::fromJson(QJsonDocument::fromJson(json).object(), QStringLiteral("actions[0]"));
        QVERIFY(!a.ok());
        QVERIFY2(a.error().fields.contains(field), qPrintable(a.error().toString()));
        QVERIFY(a.error().message.contains(field));
    }

    void changesPage()
    {
        const QByteArray json = R"({"changes":[
            {"kind":"case","op":"upsert","id":"C-1","etag":"e1","data":{"id":"C-1","caseType":"repair","status":"New","etag":"e1"}},
            {"kind":"case","op":"remove","id":"C-2","etag":"e4"}],"next":"42","more":false})";
        auto page = ChangesPage::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY2(page.ok(), qPrintable(page.error().toString()));
        QCOMPARE(page->changes.size(), 2);
        QVERIFY(page->changes.at(1).remove);
        auto c = CaseRecord::fromJson(page->changes.at(0).data);
        QVERIFY(c.ok());
        QCOMPARE(c->status, QStringLiteral("New"));
        auto bad = ChangesPage::fromJson(QJsonDocument::fromJson(R"({"changes":[{"kind":"pony","op":"upsert","id":"x","data":{}}],"next":"1","more":false})").object());
        QVERIFY(!bad.ok());
    }

    void jsonStringsEscapeWhatJsonRequires()
    {
        // Every control character, quotes, backslashes, non-ASCII and a character outside the BMP.
        QString text;
        for (char16_t c = 0; c < 0x20; ++c)
            text.append(QChar(c));
        text += QStringLiteral("\"quoted\" back\\slash / Zählerstand 100 € 🔧 end");
        QByteArray out;
        appendJsonString(out, text);
        QVERIFY(!out.contains('\n'));
        const QJsonDocument doc = QJsonDocument::fromJson("[" + out + "]");
        QVERIFY(doc.isArray());
        QCOMPARE(doc.array().at(0).toString(), text);
    }

    void caseCompactJsonIsTheSameObject()
    {
        CaseRecord c;
        c.id = QStringLiteral("C-12");
        c.caseType = QStringLiteral("inspection");
        c.caseTypeVersion = 3;
        c.status = QStringLiteral("InProgress");
        c.title = QStringLiteral("Pump \"north\"\n2");
        c.queue = QStringLiteral("north");
        c.createdAt = QStringLiteral("2026-12-01T08:00:00.000Z");
        c.updatedAt = QStringLiteral("2026-12-02T08:00:00.000Z");
        c.etag = QStringLiteral("\"7\"");
        c.fields = QJsonObject { { QStringLiteral("readingKw"), 12.5 }, { QStringLiteral("passed"), true },
            { QStringLiteral("summary"), QStringLiteral("tab\there") }, { QStringLiteral("none"), QJsonValue() } };
        AttachmentRef a;
        a.id = QStringLiteral("a1");
        a.name = QStringLiteral("photo \"1\".jpg");
        a.mime = QStringLiteral("image/jpeg");
        a.size = 5000000000LL;
        a.sha256 = QStringLiteral("ab");
        c.attachments = { a };
        // assignee empty: null, as toJson() writes it
        const QJsonObject expected = c.toJson();
        QCOMPARE(QJsonDocument::fromJson(c.toCompactJson()).object(), expected);
        const QByteArray fields = QJsonDocument(c.fields).toJson(QJsonDocument::Compact);
        QCOMPARE(QJsonDocument::fromJson(c.toCompactJson(fields)).object(), expected);
        QVERIFY(expected.value(QStringLiteral("assignee")).isNull());
    }

    void resultRoundTrip()
    {
        ActionResult r;
        r.id = QStringLiteral("a1");
        r.status = ResultStatus::Rejected;
        r.error = Error(QStringLiteral("validation_failed"), QStringLiteral("Invalid"), {{QStringLiteral("readingKw"), QStringLiteral("too big")}});
        auto back = ActionResult::fromJson(r.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->status, ResultStatus::Rejected);
        QCOMPARE(back->error.fields.value(QStringLiteral("readingKw")), QStringLiteral("too big"));
    }
};

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
