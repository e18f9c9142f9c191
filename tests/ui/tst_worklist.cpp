// SPDX-License-Identifier: MIT
// Worklist filtering, badges and activation over a model with the documented roles; the case view
// saving, refusing invalid input, and refreshing when the server changes the open case.
#include "caseview.h"
#include "conflictdialog.h"
#include "mainwindow.h"
#include "samplecases.h"
#include "serverchangedbanner.h"
#include "translations.h"
#include "worklistfilterproxy.h"
#include "worklistroles.h"
#include "worklisttexts.h"
#include "worklistview.h"

#include "fieldeditor.h"
#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace outpost;
using namespace outpost::ui;

/// The main window over the sample cases (with their assignments, due relative to now), with its
/// settings in a temporary folder (or in `settingsFile`).
struct SampleWindow {
    explicit SampleWindow(const QHash<QString, QString> &titles, const QString &settingsFile = {})
        : settings(settingsFile.isEmpty() ? dir.filePath(QStringLiteral("s.conf")) : settingsFile,
            QSettings::IniFormat)
        , window(settings)
    {
        window.setCaseHost(&host);
        window.setWorklistModel(createWorklistModel(host.cases(), titles, &window,
            SampleCaseHost::sampleAssignments(QDateTime::currentDateTime()), host.lookupSource()));
    }
    QTemporaryDir dir;
    QSettings settings;
    SampleCaseHost host;
    MainWindow window;
};

class TestWorklist : public QObject
{
    Q_OBJECT
private:
    QHash<QString, QString> m_titles { { QStringLiteral("inspection"), QStringLiteral("Site inspection") } };

    static void selectData(QComboBox *combo, const QString &data)
    {
        const int i = combo->findData(data);
        QVERIFY2(i >= 0, qPrintable(data));
        combo->setCurrentIndex(i);
    }

private Q_SLOTS:
    void initTestCase() { initResources(); }

    void filtersAndBadges()
    {
        SampleCaseHost host;
        QStandardItemModel *model = createWorklistModel(host.cases(), m_titles, this);
        QAbstractItemModelTester sourceTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        WorklistView view;
        view.setModel(model);
        QAbstractItemModelTester proxyTester(
            view.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(view.proxy()->rowCount(), 5);

        QTest::keyClicks(view.searchEdit(), QStringLiteral("pump"));
        QCOMPARE(view.proxy()->rowCount(), 1);
        QCOMPARE(view.proxy()->index(0, 0).data(CaseIdRole).toString(), QStringLiteral("C-10043"));
        view.searchEdit()->clear();
        QTest::keyClicks(view.searchEdit(), QStringLiteral("S-019")); // a field value (SearchTextRole)
        QCOMPARE(view.proxy()->rowCount(), 1);
        view.searchEdit()->clear();

        QCOMPARE(view.statusFilter()->count(), 3); // all + New + InProgress
        selectData(view.statusFilter(), QStringLiteral("InProgress"));
        QCOMPARE(view.proxy()->rowCount(), 2);
        selectData(view.statusFilter(), QString());
        selectData(view.queueFilter(), QStringLiteral("north"));
        QCOMPARE(view.proxy()->rowCount(), 1);
        selectData(view.queueFilter(), QString());
        selectData(view.typeFilter(), QStringLiteral("inspection"));
        QCOMPARE(view.proxy()->rowCount(), 5);
        QCOMPARE(view.typeFilter()->currentText(), QStringLiteral("Site inspection"));

        // Badges: a conflict on one row shows an icon and says so.
        QStandardItem *item = model->item(0, 0);
        QVERIFY(view.proxy()->mapFromSource(item->index()).data(Qt::DecorationRole).isNull());
        item->setData(true, HasConflictRole);
        item->setData(2, PendingCountRole);
        const QModelIndex badge = view.proxy()->mapFromSource(item->index());
        QVERIFY(!badge.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(badge.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Conflict")));
        QVERIFY(badge.data(Qt::ToolTipRole).toString().contains(QStringLiteral("2")));
    }

    void updatedSortsByTimeNotByText()
    {
        // 9 and 10 November: as text "11/10/26" comes before "11/9/26".
        QStandardItemModel model(0, WorklistColumnCount);
        const QList<int> days = { 10, 9, 11 };
        for (int day : days) {
            const QDateTime at(QDate(2026, 11, day), QTime(8, 0), Qt::UTC);
            QList<QStandardItem *> row;
            for (int c = 0; c < WorklistColumnCount; ++c)
                row << new QStandardItem;
            row[0]->setData(QStringLiteral("C-%1").arg(day), CaseIdRole);
            row[0]->setData(at, UpdatedAtRole);
            row[UpdatedColumn]->setText(QStringLiteral("11/%1/26").arg(day));
            model.appendRow(row);
        }
        WorklistView view;
        view.setModel(&model);
        view.table()->sortByColumn(UpdatedColumn, Qt::AscendingOrder);
        QStringList order;
        for (int r = 0; r < view.proxy()->rowCount(); ++r)
            order << view.proxy()->index(r, 0).data(CaseIdRole).toString();
        QCOMPARE(
            order, (QStringList { QStringLiteral("C-9"), QStringLiteral("C-10"), QStringLiteral("C-11") }));
    }

    /// A morning at 10:00 (local time): what is due and overdue, in the sample assignments.
    static QDateTime morning() { return QDateTime(QDate(2026, 12, 3), QTime(10, 0)); }

    QStandardItemModel *plannedModel(SampleCaseHost &host)
    {
        return createWorklistModel(
            host.cases(), m_titles, this, SampleCaseHost::sampleAssignments(morning()), host.lookupSource());
    }

    static QStringList shownIds(const WorklistView &view)
    {
        QStringList ids;
        for (int r = 0; r < view.proxy()->rowCount(); ++r)
            ids << view.proxy()->index(r, 0).data(CaseIdRole).toString();
        return ids;
    }

    void dueMarksInstructionsAndWords()
    {
        SampleCaseHost host;
        QStandardItemModel *model = plannedModel(host);
        WorklistView view;
        view.setModel(model);
        view.proxy()->setNow(morning());
        QAbstractItemModelTester tester(view.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto cell = [&](const QString &id, int column) {
            const int row = int(shownIds(view).indexOf(id));
            return view.proxy()->index(row, column);
        };
        // Overdue since yesterday, due today, due in three days: in words, marked, in colour.
        const QModelIndex overdue = cell(QStringLiteral("C-10043"), DueColumn);
        QVERIFY2(overdue.data().toString().startsWith(QStringLiteral("Overdue")),
            qPrintable(overdue.data().toString()));
        QCOMPARE(overdue.data(DueStateRole).toInt(), int(DueState::Overdue));
        QVERIFY(!overdue.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(overdue.data(Qt::ForegroundRole).isValid());
        const QModelIndex today = cell(QStringLiteral("C-10042"), DueColumn);
        QCOMPARE(today.data().toString().left(6), QStringLiteral("Today "));
        QCOMPARE(today.data(DueStateRole).toInt(), int(DueState::Today));
        QVERIFY(today.data(Qt::FontRole).value<QFont>().bold());
        const QModelIndex later = cell(QStringLiteral("C-10058"), DueColumn);
        QCOMPARE(later.data(DueStateRole).toInt(), int(DueState::Later));
        QVERIFY(!later.data(Qt::ForegroundRole).isValid());
        // Status, priority, site and who in people's words; the instructions on the row.
        QCOMPARE(
            cell(QStringLiteral("C-10043"), StatusColumn).data().toString(), QStringLiteral("In progress"));
        QCOMPARE(cell(QStringLiteral("C-10042"), PriorityColumn).data().toString(), QStringLiteral("High"));
        QCOMPARE(cell(QStringLiteral("C-10042"), SiteColumn).data().toString(),
            QStringLiteral("Substation 7, Riverside"));
        QCOMPARE(
            cell(QStringLiteral("C-10051"), AssignedColumn).data().toString(), QStringLiteral("north pool"));
        QVERIFY(cell(QStringLiteral("C-10042"), TitleColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("gate code changed")));
        QCOMPARE(statusWords(nullptr, QStringLiteral("Resolved-Completed")),
            QStringLiteral("Resolved – Completed"));
    }

    void quickFilters()
    {
        SampleCaseHost host;
        QStandardItemModel *model = plannedModel(host);
        WorklistView view;
        view.setModel(model);
        view.proxy()->setNow(morning());
        QAbstractItemModelTester tester(view.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QStringList mine { QStringLiteral("C-10043"), QStringLiteral("C-10042"),
            QStringLiteral("C-10058") };
        view.mineFilter()->click();
        QCOMPARE(shownIds(view), mine);
        view.overdueFilter()->click(); // mine and overdue
        QCOMPARE(shownIds(view), QStringList { QStringLiteral("C-10043") });
        view.mineFilter()->click(); // everyone's overdue work
        QCOMPARE(shownIds(view), (QStringList { QStringLiteral("C-10043"), QStringLiteral("C-10060") }));
        view.dueTodayFilter()->click(); // due today or overdue
        QCOMPARE(shownIds(view),
            (QStringList {
                QStringLiteral("C-10043"), QStringLiteral("C-10042"), QStringLiteral("C-10060") }));
        view.overdueFilter()->click();
        QCOMPARE(shownIds(view), QStringList { QStringLiteral("C-10042") });
        view.dueTodayFilter()->click();
        QCOMPARE(view.proxy()->rowCount(), 5);
        view.pendingFilter()->click();
        QCOMPARE(view.proxy()->rowCount(), 0);
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->item(r, 0)->data(CaseIdRole).toString() == QLatin1String("C-10058"))
                model->item(r, 0)->setData(1, PendingCountRole);
        view.proxy()->invalidate();
        QCOMPARE(shownIds(view), QStringList { QStringLiteral("C-10058") });
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("worklistCount"))
                    ->text()
                    .contains(QStringLiteral("1 of 5")));
    }

    void singleClickAndArrowKeysOpenTheCase()
    {
        SampleWindow sample(m_titles);
        MainWindow &w = sample.window;
        w.show();
        QApplication::setActiveWindow(&w);
        QVERIFY(QTest::qWaitForWindowActive(&w));
        auto *view = w.findChild<WorklistView *>();
        QTableView *table = view->table();
        // One click on a row opens it (the desk, not only kiosk mode).
        const QModelIndex second = view->proxy()->index(1, TitleColumn);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(second).center());
        QCOMPARE(w.caseView()->caseId(), second.siblingAtColumn(0).data(CaseIdRole).toString());
        // Arrowing down opens the row it rests on, and the list keeps the focus.
        table->setFocus();
        QTRY_VERIFY(table->hasFocus());
        QTest::keyClick(table, Qt::Key_Down);
        const QString third = view->proxy()->index(2, 0).data(CaseIdRole).toString();
        QCOMPARE(view->currentCaseId(), third);
        QTRY_COMPARE(w.caseView()->caseId(), third);
        QVERIFY(table->hasFocus());
    }

    void columnsFitTheirContentAndAreRemembered()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("s.conf"));
        int chosen = 0;
        {
            // The rows arrive after the model is set (as the store's load does): columns fit them.
            SampleCaseHost host;
            QStandardItemModel *rows = plannedModel(host);
            QStandardItemModel model(0, WorklistColumnCount);
            QSettings settings(file, QSettings::IniFormat);
            WorklistView view;
            view.setSettings(&settings);
            view.setModel(&model);
            while (rows->rowCount() > 0)
                model.appendRow(rows->takeRow(0));
            QHeaderView *header = view.table()->horizontalHeader();
            QTRY_VERIFY(header->sectionSize(IdColumn) != header->defaultSectionSize());
            const QFontMetrics fm(view.table()->font());
            for (int c : { int(IdColumn), int(SiteColumn), int(StatusColumn) })
                for (int r = 0; r < view.proxy()->rowCount(); ++r) {
                    const QString text = view.proxy()->index(r, c).data().toString();
                    QVERIFY2(header->sectionSize(c) > fm.horizontalAdvance(text), qPrintable(text));
                }
            // The technician widens the title: kept for the next window.
            chosen = header->sectionSize(TitleColumn) + 57;
            header->resizeSection(TitleColumn, chosen);
        }
        SampleWindow again(m_titles, file);
        auto *view = again.window.findChild<WorklistView *>();
        QCOMPARE(view->table()->horizontalHeader()->sectionSize(TitleColumn), chosen);
    }

    void enterOpensTheCase()
    {
        SampleCaseHost host;
        QStandardItemModel *model = createWorklistModel(host.cases(), m_titles, this);
        WorklistView view;
        view.setModel(model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy opened(&view, &WorklistView::caseActivated);
        view.table()->setFocus();
        view.table()->setCurrentIndex(view.proxy()->index(1, 1));
        QTest::keyClick(view.table(), Qt::Key_Return);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.at(0).at(0).toString(), view.proxy()->index(1, 0).data(CaseIdRole).toString());
        QCOMPARE(view.currentCaseId(), opened.at(0).at(0).toString());
    }

    void wideCaseViewPutsDetailsBesideTheForm()
    {
        SampleCaseHost host;
        CaseView view(&host);
        QVERIFY(view.openCase(QStringLiteral("C-10051")));
        auto *split = view.findChild<QSplitter *>(QStringLiteral("caseSplitter"));
        QVERIFY(split);
        view.resize(700, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_COMPARE(split->orientation(), Qt::Vertical); // narrow: below the form
        view.resize(1600, 900);
        QTRY_COMPARE(split->orientation(), Qt::Horizontal); // wide: beside it
        QTRY_VERIFY(split->sizes().value(0) > split->sizes().value(1)); // the form keeps the larger part
        view.resize(700, 800);
        QTRY_COMPARE(split->orientation(), Qt::Vertical);
    }

    void invalidInputIsNotSaved()
    {
        SampleCaseHost host;
        CaseView view(&host);
        QVERIFY(view.openCase(QStringLiteral("C-10042")));
        view.show();
        auto *reading = qobject_cast<QLineEdit *>(view.form()->editorWidget(QStringLiteral("readingKw")));
        QTest::keyClicks(reading, QStringLiteral("-5"));
        QVERIFY(!view.save());
        QCOMPARE(host.savedCount(), 0);
        QVERIFY(!view.messageText().isEmpty());
        QVERIFY(!view.form()->shownError(QStringLiteral("readingKw")).isEmpty());

        reading->clear();
        QTest::keyClicks(reading, QStringLiteral("15"));
        QSignalSpy saved(&view, &CaseView::saved);
        QTest::mouseClick(view.saveButton(), Qt::LeftButton);
        QCOMPARE(saved.count(), 1);
        QCOMPARE(host.savedCount(), 1);
        QCOMPARE(
            host.caseRecord(QStringLiteral("C-10042"))->fields.value(QStringLiteral("readingKw")).toDouble(),
            15.0);
        QVERIFY(!view.form()->isDirty());
    }

    void tabOrderFieldsThenSaveThenFlowActions()
    {
        SampleCaseHost host;
        CaseView view(&host);
        QVERIFY(view.openCase(QStringLiteral("C-10043")));
        view.show();
        QApplication::setActiveWindow(&view);
        QVERIFY(QTest::qWaitForWindowActive(&view));
        QWidget *site = view.form()->editorWidget(QStringLiteral("site"));
        QTRY_COMPARE(QApplication::focusWidget(), site);
        QTest::keyClicks(
            view.form()->editorWidget(QStringLiteral("contact")), QStringLiteral("x")); // Save enabled
        site->setFocus();
        QStringList visited; // distinct stops in order (a date edit takes Tab per section)
        for (int i = 0; i < 40 && !visited.contains(QStringLiteral("flow_withdraw")); ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            const QString name = QApplication::focusWidget()->objectName();
            if (!name.isEmpty() && visited.value(visited.size() - 1) != name)
                visited << name;
        }
        const QStringList expected { QStringLiteral("field_readingKw"), QStringLiteral("field_visitDate"),
            QStringLiteral("field_arrivedAt"), QStringLiteral("field_priority"),
            QStringLiteral("field_passed"), QStringLiteral("no_passed"), QStringLiteral("field_contact"),
            QStringLiteral("field_summary"), QStringLiteral("saveButton"), QStringLiteral("revertButton"),
            QStringLiteral("flow_withdraw") };
        QCOMPARE(visited, expected);
    }

    void serverUpdateRefreshesOpenCase()
    {
        SampleCaseHost host;
        CaseView view(&host);
        QVERIFY(view.openCase(QStringLiteral("C-10042")));
        view.show();

        // No unsaved edits: reload in place, no banner.
        CaseRecord rec = *host.caseRecord(QStringLiteral("C-10042"));
        rec.fields.insert(QStringLiteral("priority"), QStringLiteral("low"));
        host.putCase(rec);
        view.onCasesChanged({ QStringLiteral("C-10042") });
        auto *priority = qobject_cast<QComboBox *>(view.form()->editorWidget(QStringLiteral("priority")));
        QCOMPARE(priority->currentData().toString(), QStringLiteral("low"));
        QVERIFY(!view.banner()->isVisible());

        // Unsaved edits: kept, banner offers review and merge.
        auto *contact = qobject_cast<QLineEdit *>(view.form()->editorWidget(QStringLiteral("contact")));
        contact->selectAll();
        QTest::keyClicks(contact, QStringLiteral("Gate keeper"));
        rec.fields.insert(QStringLiteral("contact"), QStringLiteral("J. Berger"));
        host.putCase(rec);
        view.onCasesChanged({ QStringLiteral("C-99999"), QStringLiteral("C-10042") });
        QCOMPARE(contact->text(), QStringLiteral("Gate keeper"));
        QVERIFY(view.banner()->isVisible());
        QVERIFY(view.banner()->message().contains(QStringLiteral("Contact on site")));
        QVERIFY(view.banner()->reviewButton()->isEnabled());

        // "Reload" takes the server's copy.
        QTest::mouseClick(view.banner()->reloadButton(), Qt::LeftButton);
        QCOMPARE(contact->text(), QStringLiteral("J. Berger"));
        QVERIFY(!view.form()->isDirty());
        QVERIFY(!view.banner()->isVisible());
    }

    void reviewAndMergeServerChanges()
    {
        SampleCaseHost host;
        CaseView view(&host);
        QVERIFY(view.openCase(QStringLiteral("C-10042")));
        view.show();
        auto *contact = qobject_cast<QLineEdit *>(view.form()->editorWidget(QStringLiteral("contact")));
        auto *priority = qobject_cast<QComboBox *>(view.form()->editorWidget(QStringLiteral("priority")));
        contact->selectAll();
        QTest::keyClicks(contact, QStringLiteral("Gate keeper"));
        priority->setFocus();
        QTest::keyClick(priority, Qt::Key_Up); // high -> normal

        CaseRecord rec = *host.caseRecord(QStringLiteral("C-10042"));
        rec.fields.insert(QStringLiteral("contact"), QStringLiteral("J. Berger"));
        rec.fields.insert(QStringLiteral("priority"), QStringLiteral("low"));
        rec.fields.insert(QStringLiteral("summary"), QStringLiteral("Gate code 4711"));
        rec.etag = QStringLiteral("\"2\"");
        host.putCase(rec);
        view.onCasesChanged({ QStringLiteral("C-10042") });
        QVERIFY(view.banner()->isVisible());
        QCOMPARE(view.form()->changedFields().keys(),
            (QStringList { QStringLiteral("contact"), QStringLiteral("priority") }));

        QTest::mouseClick(view.banner()->reviewButton(), Qt::LeftButton);
        ConflictDialog *dlg = view.findChild<ConflictDialog *>();
        QVERIFY(dlg);
        QTRY_VERIFY(dlg->isVisible());
        QCOMPARE(dlg->model()->rowCount(), 2);
        dlg->model()->setChoice(QStringLiteral("contact"), ConflictModel::Side::Mine);
        dlg->model()->setChoice(QStringLiteral("priority"), ConflictModel::Side::Theirs);
        QTest::mouseClick(dlg->resolveButton(), Qt::LeftButton);

        // Mine kept, theirs taken, the server's other change shown; only "contact" is left to save.
        QCOMPARE(contact->text(), QStringLiteral("Gate keeper"));
        QCOMPARE(priority->currentData().toString(), QStringLiteral("low"));
        QCOMPARE(view.form()->changedFields().keys(), QStringList { QStringLiteral("contact") });
        QVERIFY(view.save());
        QCOMPARE(
            host.caseRecord(QStringLiteral("C-10042"))->fields.value(QStringLiteral("contact")).toString(),
            QStringLiteral("Gate keeper"));
        QCOMPARE(
            host.caseRecord(QStringLiteral("C-10042"))->fields.value(QStringLiteral("summary")).toString(),
            QStringLiteral("Gate code 4711"));
    }

    void mainWindowOpensCases()
    {
        SampleWindow sample(m_titles);
        MainWindow &w = sample.window;
        QStandardItemModel outbox;
        w.setOutboxModel(&outbox);
        w.show();
        w.openCase(QStringLiteral("C-10051"));
        QCOMPARE(w.caseView()->caseId(), QStringLiteral("C-10051"));
        QVERIFY(w.caseView()->isVisible());
        w.setKioskMode(true);
        QVERIFY(w.exitKioskAction()->isVisible());

        // Locking hides the work but keeps it.
        w.setLocked(true);
        QVERIFY(w.isLocked());
        QVERIFY(!w.tabs()->isVisible());
        w.setLocked(false);
        QVERIFY(w.tabs()->isVisible());
        QCOMPARE(w.caseView()->caseId(), QStringLiteral("C-10051"));
    }

    void quitAsksAboutUnsavedEdits()
    {
        // Quit with a typed but unsaved meter reading: the app asks, and only Save or Discard let
        // it close; Cancel keeps the window and the edit.
        SampleWindow sample(m_titles);
        SampleCaseHost &host = sample.host;
        MainWindow &w = sample.window;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const auto typeReading = [&](const QString &text) {
            w.openCase(QStringLiteral("C-10042"));
            auto *reading
                = qobject_cast<QLineEdit *>(w.caseView()->form()->editorWidget(QStringLiteral("readingKw")));
            QVERIFY(reading);
            reading->clear();
            QTest::keyClicks(reading, text);
            QVERIFY(w.caseView()->form()->isDirty());
        };
        const auto answer = [&](QMessageBox::StandardButton button) {
            QMessageBox *box = nullptr;
            QTRY_VERIFY(
                (box = w.findChild<QMessageBox *>(QStringLiteral("confirmUnsaved"))) && box->isVisible());
            box->button(button)->click();
        };

        typeReading(QStringLiteral("77"));
        QVERIFY(!w.close());
        answer(QMessageBox::Cancel);
        QVERIFY(w.isVisible());
        QVERIFY(w.caseView()->form()->isDirty());
        QCOMPARE(host.savedCount(), 0);

        QVERIFY(!w.close());
        answer(QMessageBox::Save);
        QTRY_VERIFY(!w.isVisible());
        QCOMPARE(host.savedCount(), 1);
        QCOMPARE(
            host.caseRecord(QStringLiteral("C-10042"))->fields.value(QStringLiteral("readingKw")).toDouble(),
            77.0);

        w.show();
        typeReading(QStringLiteral("78"));
        QVERIFY(!w.close());
        answer(QMessageBox::Discard);
        QTRY_VERIFY(!w.isVisible());
        QCOMPARE(host.savedCount(), 1);
        QCOMPARE(
            host.caseRecord(QStringLiteral("C-10042"))->fields.value(QStringLiteral("readingKw")).toDouble(),
            77.0);
    }

    void everyInputHasAnAccessibleName()
    {
        SampleWindow sample(m_titles);
        MainWindow &w = sample.window;
        w.show();
        w.openCase(QStringLiteral("C-10042"));
        int checked = 0;
        const QList<QWidget *> widgets = w.findChildren<QWidget *>();
        for (QWidget *wd : widgets) {
            if (!wd->isVisible())
                continue;
            if (qobject_cast<QLineEdit *>(wd) || qobject_cast<QComboBox *>(wd)
                || qobject_cast<QAbstractItemView *>(wd)) {
                if (qobject_cast<QLineEdit *>(wd) && qobject_cast<QComboBox *>(wd->parentWidget()))
                    continue; // a combo's inner editor
                if (wd->inherits("QHeaderView") || wd->inherits("QDateTimeEdit")
                    || wd->parentWidget()->inherits("QDateTimeEdit"))
                    continue;
                QVERIFY2(!wd->accessibleName().isEmpty(),
                    qPrintable(wd->metaObject()->className() + QStringLiteral(" ") + wd->objectName()));
                ++checked;
            }
        }
        QVERIFY(checked >= 8);
    }

    void newCaseChecksRequiredFieldsThenCreates()
    {
        SampleCaseHost host;
        const qsizetype before = host.cases().size();
        CaseView view(&host);
        QVERIFY(view.newCase(QStringLiteral("inspection")));
        view.show();
        QVERIFY(view.isNewCase());
        QVERIFY(view.saveButton()->isEnabled());
        QTest::mouseClick(view.saveButton(), Qt::LeftButton);
        QCOMPARE(host.cases().size(), before); // site and visit date missing: nothing created
        QVERIFY(!view.form()->shownError(QStringLiteral("site")).isEmpty());
        QVERIFY(!view.form()->shownError(QStringLiteral("visitDate")).isEmpty());

        QTest::keyClicks(view.form()->editorWidget(QStringLiteral("site")), QStringLiteral("S-031"));
        view.form()->fieldEditor(QStringLiteral("visitDate"))->setValue(QStringLiteral("2026-12-02"));
        Q_EMIT view.form()->fieldEditor(QStringLiteral("visitDate"))->edited();
        QSignalSpy created(&view, &CaseView::caseCreated);
        QTest::mouseClick(view.saveButton(), Qt::LeftButton);
        QCOMPARE(created.count(), 1);
        const QString id = created.at(0).at(0).toString();
        QVERIFY(id.startsWith(QStringLiteral("tmp-")));
        QCOMPARE(host.cases().size(), before + 1);
        QCOMPARE(view.caseId(), id);
        QVERIFY(!view.isNewCase());
        const Result<CaseRecord> rec = host.caseRecord(id);
        QCOMPARE(rec->status, QStringLiteral("New"));
        QCOMPARE(rec->fields.value(QStringLiteral("site")).toString(), QStringLiteral("S-031"));
    }
};

QTEST_MAIN(TestWorklist)
#include "tst_worklist.moc"
