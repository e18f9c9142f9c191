// SPDX-License-Identifier: MIT
// The app in German: Qt's own buttons, a case type's texts (labels, choices, statuses, flow actions,
// history) in the user's language with fallback to the defaults, and numbers and dates in the
// German locale while the stored values stay canonical.
#include "caseform.h"
#include "caseview.h"
#include "fieldeditor.h"
#include "flowactionbar.h"
#include "historymodel.h"
#include "kioskcontroller.h"
#include "samplecases.h"
#include "translations.h"
#include "worklistview.h"

#include "protocol/jsonreader.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QToolButton>

using namespace outpost;
using namespace outpost::ui;

namespace {
const char kType[] = R"J({"name": "inspection", "version": 1, "title": "Site inspection",
 "titles": {"de": "Anlagenprüfung"},
 "statuses": ["New", "InProgress", "OnHold", "Resolved-Completed"],
 "statusLabels": {"New": {"labels": {"de": "Neu"}}, "InProgress": {"label": "In progress", "labels": {"de": "In Arbeit"}}},
 "fields": [
   {"name": "site", "label": "Site", "labels": {"de": "Standort"}, "type": "lookup", "dataPage": "sites"},
   {"name": "readingKw", "label": "Meter reading (kW)", "labels": {"de": "Zählerstand (kW)"}, "type": "number",
    "min": 0.5, "max": 100000},
   {"name": "visitDate", "label": "Visit date", "labels": {"de": "Besuchsdatum"}, "type": "date"},
   {"name": "priority", "label": "Priority", "labels": {"de": "Priorität"}, "type": "choice",
    "choices": ["low", "high"], "choiceLabels": {"low": {"label": "Low", "labels": {"de": "Niedrig"}},
                                                 "high": {"label": "High"}}},
   {"name": "summary", "label": "Summary", "type": "text"}],
 "flowActions": [
   {"name": "complete", "label": "Complete", "labels": {"de": "Abschließen"}, "from": ["InProgress"],
    "to": "Resolved-Completed"},
   {"name": "hold", "label": "Put on hold", "from": ["InProgress"], "to": "OnHold"}]})J";

CaseType localisedType()
{
    auto t = CaseType::fromJson(parseJsonObject(QByteArray(kType)).value());
    if (!t)
        qFatal("%s", qPrintable(t.error().toString()));
    return t.value();
}

QLabel *labelFor(QWidget *root, QWidget *editor)
{
    for (QLabel *l : root->findChildren<QLabel *>())
        if (l->buddy() == editor)
            return l;
    return nullptr;
}
} // namespace

class TestL10n : public QObject
{
    Q_OBJECT
private:
    SampleCaseHost m_host { false };

private Q_SLOTS:
    void initTestCase()
    {
        initResources();
        QCOMPARE(installTranslations(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(QLocale().language(), QLocale::German);
        m_host.addCaseType(localisedType());
        m_host.lookup().addRow(
            QStringLiteral("sites"), QStringLiteral("S-007"), QStringLiteral("Umspannwerk 7"));
        CaseRecord r;
        r.id = QStringLiteral("C-1");
        r.caseType = QStringLiteral("inspection");
        r.status = QStringLiteral("InProgress");
        r.title = QStringLiteral("Umspannwerk 7 prüfen");
        r.etag = QStringLiteral("\"1\"");
        r.fields = { { QStringLiteral("readingKw"), 12.5 },
            { QStringLiteral("visitDate"), QStringLiteral("2026-11-30") },
            { QStringLiteral("priority"), QStringLiteral("low") } };
        m_host.putCase(r);
    }

    void quickFiltersKeepTheirGermanWordsOnATablet()
    {
        // A portrait tablet with the touch style: "Heute fällig" was cut to "eute fälli" when the
        // quick filters shared one row with the three lists. Now they wrap below them and keep
        // their words; on a desk they stay beside the lists.
        const QString before = qApp->styleSheet();
        qApp->setStyleSheet(KioskController::touchStyleSheet());
        WorklistView view;
        view.resize(520, 600); // a portrait tablet's list beside nothing, at a large font
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QList<QToolButton *> quick { view.mineFilter(), view.dueTodayFilter(),
            view.findChild<QToolButton *>(QStringLiteral("filterOverdue")), view.pendingFilter() };
        QCOMPARE(quick.at(1)->text(), QStringLiteral("Heute fällig"));
        const QComboBox *list = view.findChild<QComboBox *>();
        const auto top = [&view](const QWidget *w) { return w->mapTo(&view, QPoint(0, 0)).y(); };
        for (QToolButton *b : quick) {
            QVERIFY(b);
            QTRY_VERIFY2(b->width() >= b->sizeHint().width(), qPrintable(b->text()));
            QVERIFY2(b->mapTo(&view, QPoint(b->width(), 0)).x() <= view.width(), qPrintable(b->text()));
            QVERIFY2(top(b) >= top(list) + list->height(), "below the lists on a tablet");
        }
        view.resize(1600, 600);
        QTRY_VERIFY2(top(quick.first()) < top(list) + list->height(), "beside the lists on a desk");
        for (QToolButton *b : quick)
            QVERIFY(b->width() >= b->sizeHint().width());
        qApp->setStyleSheet(before);
    }

    void qtStandardButtonsAreGerman()
    {
        QDialogButtonBox box(QDialogButtonBox::Save | QDialogButtonBox::Cancel | QDialogButtonBox::Discard);
        // Qt's own catalog (qtbase_de.qm): the standard buttons of every dialog.
        QCOMPARE(box.button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&')),
            QStringLiteral("Abbrechen"));
        QCOMPARE(
            box.button(QDialogButtonBox::Save)->text().remove(QLatin1Char('&')), QStringLiteral("Speichern"));
        QCOMPARE(box.button(QDialogButtonBox::Discard)->text().remove(QLatin1Char('&')),
            QStringLiteral("Verwerfen"));
    }

    void caseScreenShowsTheTypesGermanTexts()
    {
        CaseView view(&m_host);
        QVERIFY(view.openCase(QStringLiteral("C-1")));
        CaseForm *form = view.form();
        QVERIFY(form);
        auto *reading = qobject_cast<QLineEdit *>(form->fieldEditor(QStringLiteral("readingKw"))->editor());
        QCOMPARE(labelFor(form, reading)->text(), QStringLiteral("Zählerstand (kW)"));
        QCOMPARE(reading->accessibleName(), QStringLiteral("Zählerstand (kW)"));
        // No German label: the default one.
        QWidget *summary = form->fieldEditor(QStringLiteral("summary"))->editor();
        QCOMPARE(labelFor(form, summary)->text(), QStringLiteral("Summary"));

        // Choices by their labels in German, else their default label; the value stays the name.
        auto *priority = qobject_cast<QComboBox *>(form->fieldEditor(QStringLiteral("priority"))->editor());
        QCOMPARE(priority->currentText(), QStringLiteral("Niedrig"));
        QCOMPARE(priority->itemText(priority->findData(QStringLiteral("high"))), QStringLiteral("High"));

        // Flow actions in German, else their default label.
        QCOMPARE(view.flowBar()->button(QStringLiteral("complete"))->text(), QStringLiteral("Abschließen"));
        QCOMPARE(view.flowBar()->button(QStringLiteral("hold"))->text(), QStringLiteral("Put on hold"));

        // The header: type title and status in German.
        bool header = false;
        for (QLabel *l : view.findChildren<QLabel *>())
            header = header
                || (l->text().contains(QStringLiteral("Anlagenprüfung"))
                    && l->text().contains(QStringLiteral("In Arbeit")));
        QVERIFY2(header, "the header names type and status in German");

        // The lookup hint names the field, not the data page.
        auto *site = qobject_cast<QLineEdit *>(form->fieldEditor(QStringLiteral("site"))->editor());
        QVERIFY2(site->placeholderText().contains(QStringLiteral("Standort")),
            qPrintable(site->placeholderText()));
        QVERIFY2(
            !site->placeholderText().contains(QStringLiteral("sites")), qPrintable(site->placeholderText()));
    }

    void numbersAndDatesInTheGermanLocale()
    {
        CaseView view(&m_host);
        QVERIFY(view.openCase(QStringLiteral("C-1")));
        CaseForm *form = view.form();
        auto *reading = qobject_cast<QLineEdit *>(form->fieldEditor(QStringLiteral("readingKw"))->editor());
        QCOMPARE(reading->text(), QStringLiteral("12,5"));
        QCOMPARE(reading->placeholderText(), QStringLiteral("0,5 bis 100000"));
        reading->selectAll();
        reading->setFocus();
        QTest::keyClicks(reading, QStringLiteral("7,25"));
        QCOMPARE(reading->text(), QStringLiteral("7,25"));
        // Stored and sent canonical.
        QCOMPARE(form->changedFields().value(QStringLiteral("readingKw")), QJsonValue(7.25));
        QVERIFY(form->isValid());

        auto *visit = qobject_cast<QDateEdit *>(form->fieldEditor(QStringLiteral("visitDate"))->editor());
        QCOMPARE(visit->text(), QStringLiteral("30.11.2026"));
        QCOMPARE(form->fieldEditor(QStringLiteral("visitDate"))->value(),
            QJsonValue(QStringLiteral("2026-11-30")));
    }

    void historyInGerman()
    {
        const CaseType type = localisedType();
        CaseHistoryEntry e;
        e.action = QStringLiteral("transition:complete");
        e.changes = { { QStringLiteral("status"),
                          QJsonArray { QStringLiteral("InProgress"), QStringLiteral("OnHold") } },
            { QStringLiteral("readingKw"), QJsonArray { 12.5, 3 } },
            { QStringLiteral("priority"), QJsonArray { QStringLiteral("low"), QStringLiteral("high") } } };
        const QString text = HistoryModel::describe(e, &type, nullptr);
        QVERIFY2(text.contains(QStringLiteral("Abschließen")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("In Arbeit → On hold")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Zählerstand (kW): 12,5 → 3")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Priorität: Niedrig → High")), qPrintable(text));
    }
};

QTEST_MAIN(TestL10n)
#include "tst_l10n.moc"
