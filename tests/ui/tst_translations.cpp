// SPDX-License-Identifier: MIT
// The German and French catalogs: embedded, loadable, translating known strings of ui/ and core/,
// and complete (no message left unfinished in the .ts sources).
#include "translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void catalogsTranslateKnownStrings_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expected");
        QTest::newRow("de rules") << "de"
                                  << "outpost::RulesEngine"
                                  << "%1 is required."
                                  << "%1 ist erforderlich.";
        QTest::newRow("fr rules") << "fr"
                                  << "outpost::RulesEngine"
                                  << "%1 is required."
                                  << "%1 est obligatoire.";
        QTest::newRow("de sync") << "de"
                                 << "outpost::ui::SyncStatusBar"
                                 << "Sync now"
                                 << "Jetzt synchronisieren";
        QTest::newRow("fr sync") << "fr"
                                 << "outpost::ui::SyncStatusBar"
                                 << "Sync now"
                                 << "Synchroniser";
        QTest::newRow("de save") << "de"
                                 << "outpost::ui::CaseView"
                                 << "Save"
                                 << "Speichern";
        QTest::newRow("fr save") << "fr"
                                 << "outpost::ui::CaseView"
                                 << "Save"
                                 << "Enregistrer";
        QTest::newRow("de banner") << "de"
                                   << "outpost::ui::ServerChangedBanner"
                                   << "Review and merge"
                                   << "Prüfen und zusammenführen";
        QTest::newRow("fr conflict") << "fr"
                                     << "outpost::ui::ConflictDialog"
                                     << "Resolve"
                                     << "Résoudre";
        QTest::newRow("de value") << "de"
                                  << "outpost::ValueFormat"
                                  << "Yes"
                                  << "Ja";
        QTest::newRow("fr value") << "fr"
                                  << "outpost::ValueFormat"
                                  << "No"
                                  << "Non";
    }

    void catalogsTranslateKnownStrings()
    {
        QFETCH(QString, lang);
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(QString, expected);
        QTranslator t;
        QVERIFY2(t.load(QStringLiteral(":/i18n/outpost_") + lang + QStringLiteral(".qm")), qPrintable(lang));
        QCOMPARE(t.translate(context.toUtf8().constData(), source.toUtf8().constData()), expected);
    }

    void pluralsTranslate()
    {
        QTranslator t;
        QVERIFY(t.load(QStringLiteral(":/i18n/outpost_de.qm")));
        const QString one = t.translate("outpost::ui::SyncStatusBar", "%n min ago", nullptr, 1);
        const QString many = t.translate("outpost::ui::SyncStatusBar", "%n min ago", nullptr, 5);
        QVERIFY2(!one.isEmpty() && !many.isEmpty(), "plural forms present");
    }

    void noMessageLeftUnfinished_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("de") << "de";
        QTest::newRow("fr") << "fr";
    }

    void noMessageLeftUnfinished()
    {
        QFETCH(QString, lang);
        const QString src = qEnvironmentVariable("OUTPOST_SOURCE_DIR");
        if (src.isEmpty())
            QSKIP("OUTPOST_SOURCE_DIR is not set");
        QFile f(src + QStringLiteral("/translations/outpost_") + lang + QStringLiteral(".ts"));
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
        QXmlStreamReader xml(&f);
        int messages = 0;
        QString context;
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("message"))
                ++messages;
            else if (xml.name() == QLatin1String("source"))
                source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                const QString where = context + QStringLiteral(": ") + source;
                QVERIFY2(type.isEmpty(), qPrintable(QStringLiteral("%1 (%2)").arg(where, type)));
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                QVERIFY2(!text.trimmed().isEmpty(), qPrintable(QStringLiteral("empty: ") + where));
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages > 150);
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
