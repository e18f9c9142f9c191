// SPDX-License-Identifier: MIT
// CaseForm and FlowActionBar on real widgets: editors per field type, live validation with the
// rules engine, changed fields, reload keeping edits, lookup type-ahead, flow-action preconditions.
#include "caseform.h"
#include "fieldeditor.h"
#include "flowactionbar.h"
#include "lookupmodel.h"
#include "samplecases.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QShowEvent>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace outpost;
using namespace outpost::ui;

class TestCaseForm : public QObject
{
    Q_OBJECT
private:
    SampleCaseHost m_host;
    CaseType m_type = SampleCaseHost::inspectionType();
    QJsonObject m_fields { { QStringLiteral("site"), QStringLiteral("S-007") },
        { QStringLiteral("visitDate"), QStringLiteral("2026-11-30") },
        { QStringLiteral("priority"), QStringLiteral("high") },
        { QStringLiteral("contact"), QStringLiteral("M. Keller") } };

    void typeInto(QWidget *w, const QString &text)
    {
        w->setFocus();
        QTest::keyClicks(w, text);
    }
    void clearLine(QLineEdit *e)
    {
        e->selectAll();
        QTest::keyClick(e, Qt::Key_Backspace);
    }

private Q_SLOTS:
    void initTestCase()
    {
        initResources();
        QVERIFY(!m_type.name.isEmpty());
    }

    void buildsTheRightEditorPerFieldType()
    {
        QSet<FieldType> types;
        for (const FieldDef &f : m_type.fields)
            types.insert(f.type);
        QCOMPARE(types.size(), 7); // the sample covers every field type

        CaseForm form(m_type, m_host.lookupSource());
        auto *site = qobject_cast<QLineEdit *>(form.editorWidget(QStringLiteral("site")));
        QVERIFY(site);
        QVERIFY(site->completer());
        QVERIFY(qobject_cast<QLineEdit *>(form.editorWidget(QStringLiteral("readingKw"))));
        QVERIFY(qobject_cast<QDateEdit *>(form.editorWidget(QStringLiteral("visitDate"))));
        auto *dt = qobject_cast<QDateTimeEdit *>(form.editorWidget(QStringLiteral("arrivedAt")));
        QVERIFY(dt && !qobject_cast<QDateEdit *>(dt));
        QCOMPARE(dt->timeSpec(), Qt::UTC);
        auto *choice = qobject_cast<QComboBox *>(form.editorWidget(QStringLiteral("priority")));
        QVERIFY(choice);
        QCOMPARE(choice->count(), 4); // empty entry + 3 choices
        // Yes / No side by side, neither pressed while not set (no three-state box to cycle through).
        auto *passed = qobject_cast<QPushButton *>(form.editorWidget(QStringLiteral("passed")));
        QVERIFY(passed && passed->isCheckable() && !passed->isChecked());
        auto *no = form.findChild<QPushButton *>(QStringLiteral("no_passed"));
        QVERIFY(no && no->isCheckable() && !no->isChecked());
        QCOMPARE(passed->text(), QStringLiteral("Yes"));
        QCOMPARE(no->text(), QStringLiteral("No"));
        QVERIFY(!form.currentFields().value(QStringLiteral("passed")).isBool());
        no->click();
        QCOMPARE(form.currentFields().value(QStringLiteral("passed")), QJsonValue(false));
        passed->click();
        QVERIFY(!no->isChecked());
        QCOMPARE(form.currentFields().value(QStringLiteral("passed")), QJsonValue(true));
        passed->click(); // pressed again: cleared
        QVERIFY(!form.currentFields().value(QStringLiteral("passed")).isBool());
        QVERIFY(qobject_cast<QLineEdit *>(form.editorWidget(QStringLiteral("contact")))); // maxLength 80
        QVERIFY(
            qobject_cast<QPlainTextEdit *>(form.editorWidget(QStringLiteral("summary")))); // maxLength 2000

        for (const FieldDef &f : m_type.fields) {
            QWidget *w = form.editorWidget(f.name);
            QVERIFY2(w->accessibleName().contains(f.label), qPrintable(f.name));
            if (f.required)
                QVERIFY(w->accessibleName() != f.label); // says "(required)"
        }
        // Tab order follows the field order.
        QWidget *first = form.editorWidget(QStringLiteral("site"));
        QCOMPARE(first->nextInFocusChain(), form.editorWidget(QStringLiteral("readingKw")));
    }

    void formUsesTheWidth()
    {
        // In a scroll area, as the case view shows it.
        QScrollArea area;
        area.setWidgetResizable(true);
        auto *owned = new CaseForm(m_type, m_host.lookupSource());
        area.setWidget(owned);
        CaseForm &form = *owned;
        area.resize(1400, 900);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        // Wide: two columns, so fields sit side by side; a long text spans the width.
        QTRY_COMPARE(form.arrangement(), CaseForm::Arrangement::TwoColumns);
        const auto y = [&](const char *f) {
            return form.editorWidget(QLatin1String(f))->mapTo(&form, QPoint(0, 0)).y();
        };
        const auto x = [&](const char *f) {
            return form.editorWidget(QLatin1String(f))->mapTo(&form, QPoint(0, 0)).x();
        };
        QCOMPARE(y("site"), y("readingKw"));
        QVERIFY(x("readingKw") > x("site") + 300);
        QVERIFY(form.editorWidget(QStringLiteral("summary"))->width() > 1000);

        // Narrow (a portrait tablet's side panel, a small window): labels above their fields.
        area.resize(360, 900);
        QTRY_COMPARE(form.arrangement(), CaseForm::Arrangement::Stacked);
        QTRY_VERIFY(y("readingKw") > y("site"));
        QCOMPARE(x("site"), x("readingKw"));

        // In between: one column, labels beside.
        area.resize(560, 900);
        QTRY_COMPARE(form.arrangement(), CaseForm::Arrangement::Labelled);
        QTRY_VERIFY(y("readingKw") > y("site"));
        // The tab order stays the field order whatever the arrangement.
        QCOMPARE(form.editorWidget(QStringLiteral("site"))->nextInFocusChain(),
            form.editorWidget(QStringLiteral("readingKw")));
    }

    void outOfRangeNumberShowsErrorAndRecovers()
    {
        CaseForm form(m_type, m_host.lookupSource());
        form.setCase(m_fields);
        form.show();
        QVERIFY(form.isValid());
        QSignalSpy validity(&form, &CaseForm::validityChanged);
        auto *reading = qobject_cast<QLineEdit *>(form.editorWidget(QStringLiteral("readingKw")));
        typeInto(reading, QStringLiteral("200000"));
        QVERIFY(!form.isValid());
        QCOMPARE(validity.count(), 1);
        QCOMPARE(validity.at(0).at(0).toBool(), false);
        QVERIFY(form.errors().contains(QStringLiteral("readingKw")));
        QVERIFY2(form.shownError(QStringLiteral("readingKw")).contains(QStringLiteral("100000")),
            qPrintable(form.shownError(QStringLiteral("readingKw"))));
        QVERIFY(reading->accessibleDescription().contains(QStringLiteral("100000")));

        clearLine(reading);
        typeInto(reading, QStringLiteral("512.5"));
        QVERIFY(form.isValid());
        QCOMPARE(validity.count(), 2);
        QCOMPARE(validity.at(1).at(0).toBool(), true);
        QVERIFY(form.shownError(QStringLiteral("readingKw")).isEmpty());
        QCOMPARE(form.changedFields().value(QStringLiteral("readingKw")).toDouble(), 512.5);
    }

    void requiredFieldsInCreateMode()
    {
        CaseForm form(m_type, m_host.lookupSource());
        form.setMode(RulesEngine::Mode::Create);
        form.setCase({});
        QVERIFY(!form.isValid());
        QVERIFY(form.shownError(QStringLiteral("site")).isEmpty()); // untouched: no noise yet
        form.showAllErrors();
        QVERIFY(!form.shownError(QStringLiteral("site")).isEmpty());
        QVERIFY(!form.shownError(QStringLiteral("visitDate")).isEmpty());

        // An empty date opens its calendar on today, not on the "not set" minimum.
        QCalendarWidget *cal
            = qobject_cast<QDateEdit *>(form.editorWidget(QStringLiteral("visitDate")))->calendarWidget();
        QShowEvent show;
        QCoreApplication::sendEvent(cal, &show);
        QCOMPARE(cal->yearShown(), QDate::currentDate().year());
        QCOMPARE(cal->monthShown(), QDate::currentDate().month());
    }

    void changedFieldsHoldOnlyEditedFields()
    {
        CaseForm form(m_type, m_host.lookupSource());
        form.setCase(m_fields);
        form.show();
        QSignalSpy dirty(&form, &CaseForm::dirtyChanged);
        QVERIFY(form.changedFields().isEmpty());
        QVERIFY(!form.isDirty());

        auto *contact = qobject_cast<QLineEdit *>(form.editorWidget(QStringLiteral("contact")));
        typeInto(contact, QStringLiteral(", gate 2"));
        auto *priority = qobject_cast<QComboBox *>(form.editorWidget(QStringLiteral("priority")));
        priority->setFocus();
        QTest::keyClick(priority, Qt::Key_Up); // high -> normal
        auto *passed = qobject_cast<QPushButton *>(form.editorWidget(QStringLiteral("passed")));
        passed->setFocus();
        QTest::keyClick(passed, Qt::Key_Space); // not set -> yes

        const QJsonObject changed = form.changedFields();
        QCOMPARE(changed.keys(),
            (QStringList {
                QStringLiteral("contact"), QStringLiteral("passed"), QStringLiteral("priority") }));
        QCOMPARE(changed.value(QStringLiteral("contact")).toString(), QStringLiteral("M. Keller, gate 2"));
        QCOMPARE(changed.value(QStringLiteral("priority")).toString(), QStringLiteral("normal"));
        QVERIFY(changed.value(QStringLiteral("passed")).isBool());
        QVERIFY(form.isDirty());
        QCOMPARE(dirty.count(), 1);

        // Typing the original value back is not a change.
        clearLine(contact);
        typeInto(contact, QStringLiteral("M. Keller"));
        QVERIFY(!form.changedFields().contains(QStringLiteral("contact")));
    }

    void clearingAFieldSendsNull()
    {
        CaseForm form(m_type, m_host.lookupSource());
        form.setCase(m_fields);
        form.show();
        auto *date = qobject_cast<QDateEdit *>(form.editorWidget(QStringLiteral("visitDate")));
        auto *clear = date->parentWidget()->findChild<QToolButton *>();
        QVERIFY(clear && clear->isEnabled());
        QTest::mouseClick(clear, Qt::LeftButton);
        QVERIFY(form.changedFields().value(QStringLiteral("visitDate")).isNull());
        QVERIFY(!form.isValid()); // required field cleared on update
        QVERIFY(!form.shownError(QStringLiteral("visitDate")).isEmpty());
    }

    void dateTimeIsRfc3339Utc()
    {
        CaseForm form(m_type, m_host.lookupSource());
        QJsonObject f = m_fields;
        f.insert(QStringLiteral("arrivedAt"), QStringLiteral("2026-11-30T10:15:00+02:00"));
        form.setCase(f);
        FieldEditor *e = form.fieldEditor(QStringLiteral("arrivedAt"));
        QCOMPARE(e->value().toString(), QStringLiteral("2026-11-30T08:15:00Z"));
        auto *edit = qobject_cast<QDateTimeEdit *>(e->editor());
        edit->setDateTime(QDateTime(QDate(2026, 12, 1), QTime(7, 30), Qt::UTC));
        QCOMPARE(form.changedFields().value(QStringLiteral("arrivedAt")).toString(),
            QStringLiteral("2026-12-01T07:30:00Z"));
        QVERIFY(form.isValid());
    }

    void reloadPreservingEditsKeepsTypedText()
    {
        CaseForm form(m_type, m_host.lookupSource());
        form.setCase(m_fields);
        form.show();
        auto *contact = qobject_cast<QLineEdit *>(form.editorWidget(QStringLiteral("contact")));
        typeInto(contact, QStringLiteral(" (call first)"));

        QJsonObject server = m_fields;
        server.insert(QStringLiteral("contact"), QStringLiteral("J. Berger"));
        server.insert(QStringLiteral("priority"), QStringLiteral("low"));
        const ReloadOutcome out = form.reloadPreservingEdits(server);
        QCOMPARE(out.kept, QStringList { QStringLiteral("contact") });
        QCOMPARE(out.clashing, QStringList { QStringLiteral("contact") });
        QCOMPARE(out.refreshed, QStringList { QStringLiteral("priority") });
        QCOMPARE(contact->text(), QStringLiteral("M. Keller (call first)"));
        auto *priority = qobject_cast<QComboBox *>(form.editorWidget(QStringLiteral("priority")));
        QCOMPARE(priority->currentData().toString(), QStringLiteral("low"));
        QCOMPARE(form.baseFields(), server);
        QCOMPARE(form.changedFields().keys(), QStringList { QStringLiteral("contact") });
        QVERIFY(form.isDirty());
    }

    void lookupTypeAheadAndUnknownKey()
    {
        CaseForm form(m_type, m_host.lookupSource());
        form.setCase(m_fields);
        form.show();
        auto *site = qobject_cast<QLineEdit *>(form.editorWidget(QStringLiteral("site")));
        auto *model = qobject_cast<LookupModel *>(site->completer()->model());
        QVERIFY(model);
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        site->clear();
        typeInto(site, QStringLiteral("pump"));
        QCOMPARE(model->filterText(), QStringLiteral("pump"));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0).data(Qt::EditRole).toString(), QStringLiteral("S-012"));
        QVERIFY(!form.isValid()); // "pump" is no key of the data page
        QVERIFY(form.shownError(QStringLiteral("site")).contains(QStringLiteral("sites")));

        site->clear();
        typeInto(site, QStringLiteral("S-01"));
        QCOMPARE(model->rowCount(), 2);
        typeInto(site, QStringLiteral("9"));
        QVERIFY(form.isValid());
        QCOMPARE(form.changedFields().value(QStringLiteral("site")).toString(), QStringLiteral("S-019"));
        auto *label = site->parentWidget()->findChild<QLabel *>(QStringLiteral("lookupLabel"));
        QCOMPARE(label->text(), QStringLiteral("Wind farm Hollow Ridge"));
    }

    void flowActionBarEnablesOnlyAllowedActions()
    {
        FlowActionBar bar;
        bar.setCaseType(m_type);
        QCOMPARE(bar.actionNames(),
            (QStringList {
                QStringLiteral("start"), QStringLiteral("complete"), QStringLiteral("withdraw") }));
        bar.setCaseState(QStringLiteral("New"), m_fields);
        QVERIFY(bar.button(QStringLiteral("start"))->isEnabled());
        QVERIFY(bar.button(QStringLiteral("withdraw"))->isEnabled());
        QPushButton *complete = bar.button(QStringLiteral("complete"));
        QVERIFY(!complete->isEnabled());
        QVERIFY(complete->toolTip().contains(QStringLiteral("New")));

        bar.setCaseState(QStringLiteral("InProgress"), m_fields); // reading and passed missing
        QVERIFY(!bar.button(QStringLiteral("start"))->isEnabled());
        QVERIFY(!complete->isEnabled());
        QVERIFY2(
            complete->toolTip().contains(QStringLiteral("Meter reading")), qPrintable(complete->toolTip()));

        QJsonObject done = m_fields;
        done.insert(QStringLiteral("readingKw"), 42);
        done.insert(QStringLiteral("passed"), true);
        bar.setCaseState(QStringLiteral("InProgress"), done);
        QVERIFY(complete->isEnabled());
        QSignalSpy triggered(&bar, &FlowActionBar::actionTriggered);
        QTest::mouseClick(complete, Qt::LeftButton);
        QCOMPARE(triggered.count(), 1);
        QCOMPARE(triggered.at(0).at(0).toString(), QStringLiteral("complete"));

        bar.setCaseState(QStringLiteral("Resolved-Completed"), done);
        for (const QString &a : bar.actionNames())
            QVERIFY(!bar.button(a)->isEnabled());
        bar.setBlocked(true, QStringLiteral("fix fields"));
        QCOMPARE(bar.button(QStringLiteral("start"))->toolTip(), QStringLiteral("fix fields"));
    }
};

QTEST_MAIN(TestCaseForm)
#include "tst_caseform.moc"
