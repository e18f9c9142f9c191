// SPDX-License-Identifier: MIT
// The German and French catalogs: embedded, loadable, translating known strings of ui/ and core/,
// and complete: no message left unfinished or empty in the .ts sources, and every message of the
// sources (as lupdate extracts it now) in them, translated.
#include "translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {
struct Catalog {
    QSet<QString> finished; // "context\x1fsource" of every message with a translation
    QStringList problems; // unfinished, empty or otherwise marked messages
    int messages = 0;
    QString error;
};

QString keyOf(const QString &context, const QString &source)
{
    return context + QChar(0x1f) + source;
}

Catalog readCatalog(const QString &path)
{
    Catalog c;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        c.error = QStringLiteral("cannot open ") + path;
        return c;
    }
    QXmlStreamReader xml(&f);
    QString context;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("message"))
            ++c.messages;
        else if (xml.name() == QLatin1String("source"))
            source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            const QString where = context + QStringLiteral(": ") + source;
            // Plural messages hold one <numerusform> per form; every one must be filled in.
            bool empty = false;
            QString text;
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
                    const QString form = xml.readElementText();
                    empty = empty || form.trimmed().isEmpty();
                    text += form;
                } else if (xml.isCharacters()) {
                    text += xml.text();
                }
            }
            if (!type.isEmpty())
                c.problems << QStringLiteral("%1 (%2)").arg(where, type);
            else if (empty || text.trimmed().isEmpty())
                c.problems << QStringLiteral("empty: ") + where;
            else
                c.finished.insert(keyOf(context, source));
        }
    }
    if (xml.hasError())
        c.error = xml.errorString();
    return c;
}
} // namespace

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
        QTest::newRow("de lookup hint") << "de"
                                        << "outpost::ui::FieldEditor"
                                        << "Search %1…"
                                        << "%1 suchen …";
        QTest::newRow("de case type") << "de"
                                      << "outpost::CaseType"
                                      << "'%1' names no status of this case type."
                                      << "'%1' nennt keinen Status dieses Falltyps.";
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
        const Catalog c
            = readCatalog(src + QStringLiteral("/translations/outpost_") + lang + QStringLiteral(".ts"));
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        QVERIFY2(c.problems.isEmpty(), qPrintable(c.problems.join(QLatin1Char('\n'))));
        QVERIFY(c.messages > 150);
    }

    // A tr() added to the sources without translations/update.sh being run (and its texts
    // translated) is missing from the catalog: the app would show it in English.
    void everySourceMessageIsTranslated_data() { noMessageLeftUnfinished_data(); }
    void everySourceMessageIsTranslated()
    {
        QFETCH(QString, lang);
        const QString src = qEnvironmentVariable("OUTPOST_SOURCE_DIR");
        if (src.isEmpty())
            QSKIP("OUTPOST_SOURCE_DIR is not set");
        const QString lupdate = qEnvironmentVariable("LUPDATE", QStringLiteral("/usr/lib/qt6/bin/lupdate"));
        if (!QFile::exists(lupdate))
            QSKIP("lupdate is not installed (qt6-l10n-tools)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString fresh = dir.filePath(QStringLiteral("fresh_") + lang + QStringLiteral(".ts"));
        QProcess p;
        p.setWorkingDirectory(src);
        p.start(lupdate,
            { QStringLiteral("-silent"), QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                QStringLiteral("none"), QStringLiteral("ui"), QStringLiteral("app"), QStringLiteral("client"),
                QStringLiteral("core"), QStringLiteral("-ts"), fresh });
        QVERIFY2(p.waitForFinished(120000), "lupdate finishes");
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());

        const Catalog extracted = readCatalog(fresh);
        QVERIFY2(extracted.error.isEmpty(), qPrintable(extracted.error));
        QVERIFY(extracted.messages > 150);
        const Catalog committed
            = readCatalog(src + QStringLiteral("/translations/outpost_") + lang + QStringLiteral(".ts"));
        QVERIFY2(committed.error.isEmpty(), qPrintable(committed.error));
        // Every message of the fresh extraction is unfinished there; each needs a translation here.
        QStringList missing;
        QFile f(fresh);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&f);
        QString context;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.isStartElement() && xml.name() == QLatin1String("source")) {
                const QString source = xml.readElementText();
                if (!committed.finished.contains(keyOf(context, source)))
                    missing << context + QStringLiteral(": ") + source;
            }
        }
        QVERIFY2(missing.isEmpty(),
            qPrintable(QStringLiteral(
                           "not in translations/outpost_%1.ts (run translations/update.sh and translate):\n")
                           .arg(lang)
                + missing.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
