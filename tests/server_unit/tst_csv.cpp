// SPDX-License-Identifier: MIT
// The strict RFC 4180 reader and writer (server/store/csv.h) and a data page's CSV shape
// (DataPageCsv): what a person's file may hold, and the line of each thing it may not.
#include "csv.h"
#include "datapagecsv.h"

#include <QJsonDocument>
#include <QTest>

using namespace outpost;
using namespace outpost::server;

namespace {
QStringList fieldsOf(const csv::Table &t, int i)
{
    return t.records.value(i).fields;
}

DataPageCsv::Parsed readPage(const QByteArray &bytes, const DataPageCsv::Types &types = {})
{
    return DataPageCsv::read(QStringLiteral("sites"), csv::parse(bytes), types, {});
}
} // namespace

class TestCsv : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quotesCommasAndLineBreaks()
    {
        const csv::Table t = csv::parse("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nplain,,end");
        QVERIFY(t.problems.isEmpty());
        QCOMPARE(t.records.size(), 3);
        QCOMPARE(fieldsOf(t, 0), (QStringList { "a", "b", "c" }));
        QCOMPARE(fieldsOf(t, 1), (QStringList { "x, y", "say \"hi\"", "two\nlines" }));
        QCOMPARE(fieldsOf(t, 2), (QStringList { "plain", "", "end" }));
        // Lines count physical lines: the record after the embedded line break starts on line 4.
        QCOMPARE(t.records.at(2).line, 4);
    }

    void lfAndCrlfAndByteOrderMark()
    {
        const csv::Table lf = csv::parse("k,l\nA,Ä\n");
        const csv::Table crlf = csv::parse("\xEF\xBB\xBFk,l\r\nA,\xC3\x84\r\n");
        QVERIFY(lf.problems.isEmpty() && crlf.problems.isEmpty());
        QCOMPARE(lf.records.size(), 2);
        QCOMPARE(fieldsOf(crlf, 0), (QStringList { "k", "l" })); // the BOM is not part of "k"
        QCOMPARE(fieldsOf(crlf, 1), (QStringList { "A", QStringLiteral("Ä") }));
        QCOMPARE(fieldsOf(lf, 1), fieldsOf(crlf, 1));
    }

    void malformedFilesNameTheirLine_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("open quote") << QByteArray("k,l\r\nA,\"never\r\nclosed\r\n") << 2 << "never closed";
        QTest::newRow("quote in unquoted")
            << QByteArray("k,l\nA,5\" pipe\n") << 2 << "quote inside an unquoted";
        QTest::newRow("text after quote")
            << QByteArray("k,l\nA,ok\nB,\"x\"y\n") << 3 << "after a closing quote";
        QTest::newRow("bare CR") << QByteArray("k,l\rA,b\r") << 1 << "carriage return";
        QTest::newRow("latin-1") << QByteArray("k,l\nA,ok\nB,M\xfcller\n") << 3 << "not UTF-8";
        QTest::newRow("overlong") << QByteArray("k,l\n\xC0\xAF,x\n") << 2 << "not UTF-8";
        QTest::newRow("surrogate") << QByteArray("k,l\nA,\xED\xA0\x80\n") << 2 << "not UTF-8";
    }
    void malformedFilesNameTheirLine()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, line);
        QFETCH(QString, message);
        const csv::Table t = csv::parse(bytes);
        QVERIFY(t.fatal);
        QCOMPARE(t.problems.size(), 1);
        QCOMPARE(t.problems.at(0).line, line);
        QVERIFY2(t.problems.at(0).message.contains(message), qPrintable(t.problems.at(0).message));
    }

    void limits()
    {
        csv::Limits l;
        l.maxRecords = 3;
        l.maxFieldChars = 5;
        const csv::Table t = csv::parse("k,l\nA,123456\nB,b\nC,c\n", l);
        QVERIFY(t.fatal);
        QCOMPARE(t.problems.size(), 2);
        QCOMPARE(t.problems.at(0).line, 2);
        QCOMPARE(t.problems.at(0).column, 2);
        QCOMPARE(t.problems.at(1).line, 4);
        QVERIFY(t.problems.at(1).message.contains(QLatin1String("more than 2 rows")));
    }

    void writerQuotesOnlyWhereNeeded()
    {
        QByteArray out;
        csv::appendRecord(out, { "plain", "a,b", "say \"x\"", "two\nlines", "", QStringLiteral("Ä") });
        QCOMPARE(out, QByteArray("plain,\"a,b\",\"say \"\"x\"\"\",\"two\nlines\",,\xC3\x84\r\n"));
        const csv::Table back = csv::parse(out);
        QCOMPARE(fieldsOf(back, 0),
            (QStringList { "plain", "a,b", "say \"x\"", "two\nlines", "", QStringLiteral("Ä") }));
    }

    void leadingByteOrderMarkCharacterSurvivesTheRoundTrip()
    {
        // A value that starts with U+FEFF (found by fuzz_csv): the reader dropped it from every
        // field (QString::fromUtf8 skips it), and unquoted at the start of a file it reads as the
        // byte order mark.
        const QString withBom = QString(QChar(0xFEFF)) + QStringLiteral("key");
        QByteArray out;
        csv::appendRecord(out, { withBom, "l" });
        QCOMPARE(out, QByteArray("\"\xEF\xBB\xBFkey\",l\r\n"));
        const csv::Table back = csv::parse(out);
        QVERIFY(back.problems.isEmpty());
        QCOMPARE(fieldsOf(back, 0), (QStringList { withBom, "l" }));
        // A real byte order mark before it is still skipped, and the value keeps its own.
        const csv::Table marked = csv::parse("\xEF\xBB\xBF" + out);
        QCOMPARE(fieldsOf(marked, 0), (QStringList { withBom, "l" }));
        // Further down a file, quoted or not, a value's leading U+FEFF is the value's.
        const csv::Table later = csv::parse("k,l\n\xEF\xBB\xBF"
                                            "A,\"\xEF\xBB\xBF\"\n");
        QVERIFY(later.problems.isEmpty());
        QCOMPARE(fieldsOf(later, 1),
            (QStringList { QChar(0xFEFF) + QStringLiteral("A"), QString(QChar(0xFEFF)) }));
    }

    void raggedRowsAndBadValuesAreRowErrors()
    {
        DataPageCsv::Types types { { QStringLiteral("stock"), DataPageCsv::Type::Number },
            { QStringLiteral("active"), DataPageCsv::Type::Bool } };
        const auto p = readPage("key,label,stock,active\r\n"
                                "A,Alpha,3,true\r\n"
                                "B,Beta,3\r\n" // ragged
                                "C,Gamma,three,false\r\n" // not a number
                                "A,Again,1,true\r\n" // duplicate key
                                "\r\n" // empty line
                                ",NoKey,1,maybe\r\n", // empty key, not a bool
            types);
        QStringList seen;
        for (const csv::Problem &e : p.errors)
            seen << QStringLiteral("%1:%2").arg(e.line).arg(e.column);
        QCOMPARE(seen, (QStringList { "3:0", "4:3", "5:1", "6:0", "7:1", "7:4" }));
        QVERIFY(p.errors.at(2).message.contains(QLatin1String("already on line 2")));
    }

    void headerNeedsKeyAndLabel()
    {
        QCOMPARE(readPage("key,name\nA,b\n").errors.size(), 1);
        QCOMPARE(readPage("key,label,page\nA,b,c\n").errors.at(0).column, 3);
        QCOMPARE(readPage("key,label,x,x\nA,b,c,d\n").errors.at(0).column, 4);
        QVERIFY(readPage("").errors.at(0).message.contains(QLatin1String("empty")));
    }

    void typedRoundTrip()
    {
        DataPageRow a;
        a.page = QStringLiteral("parts");
        a.key = QStringLiteral("P-2");
        a.label = QStringLiteral("Valve, brass");
        a.data = QJsonObject { { QStringLiteral("unitPrice"), 12.5 }, { QStringLiteral("stock"), 40 },
            { QStringLiteral("hazard"), false },
            { QStringLiteral("dims"), QJsonObject { { QStringLiteral("w"), 2 } } },
            { QStringLiteral("note"), QStringLiteral("say \"hi\"\nthen go") } };
        a.data = a.toJson();
        DataPageRow b = a;
        b.key = QStringLiteral("P-1");
        b.label = QStringLiteral("Pump");
        b.data = QJsonObject { { QStringLiteral("stock"), 0 } };
        b.data = b.toJson();
        const QByteArray out = DataPageCsv::write({ a, b });
        QCOMPARE(out.left(out.indexOf("\r\n")), QByteArray("key,label,dims,hazard,note,stock,unitPrice"));
        QVERIFY(out.contains("\r\nP-1,Pump,,,,0,\r\nP-2,\"Valve, brass\",\"{\"\"w\"\":2}\",false,"));
        const DataPageCsv::Types types = DataPageCsv::typesOf({ a.data, b.data });
        QCOMPARE(types.value(QStringLiteral("unitPrice")), DataPageCsv::Type::Number);
        QCOMPARE(types.value(QStringLiteral("dims")), DataPageCsv::Type::Json);
        const auto back = DataPageCsv::read(QStringLiteral("parts"), csv::parse(out), types, {});
        QVERIFY(back.errors.isEmpty());
        QCOMPARE(back.rows.size(), 2);
        QCOMPARE(back.rows.at(0).data, b.data);
        QCOMPARE(back.rows.at(1).data, a.data);
        QCOMPARE(DataPageCsv::write(back.rows), out);
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
