// SPDX-License-Identifier: MIT
// The tablet arrangement of the cases (kiosk, or a window narrower than 900 px): the worklist as
// cards, a tap opens the case full screen, back returns to the list as it was; the switch between
// desk and tablet happens live and keeps the open case and its edits; touch-sized controls; the
// focused field stays visible above an on-screen keyboard.
#include "casespane.h"
#include "caseview.h"
#include "fieldeditor.h"
#include "flowactionbar.h"
#include "kioskcontroller.h"
#include "mainwindow.h"
#include "samplecases.h"
#include "signindialog.h"
#include "syncstatusbar.h"
#include "tabletshell.h"
#include "translations.h"
#include "worklistroles.h"
#include "worklistview.h"

#include <QApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTranslator>

using namespace outpost;
using namespace outpost::ui;

namespace {
/// The main window over the sample cases, with its settings in a temporary folder.
struct SampleWindow {
    SampleWindow()
        : settings(dir.filePath(QStringLiteral("s.conf")), QSettings::IniFormat)
        , window(settings)
    {
        window.setCaseHost(&host);
        window.setWorklistModel(createWorklistModel(host.cases(), {}, &window));
    }
    CasesPane *pane() const { return window.findChild<CasesPane *>(); }
    TabletShell *shell() const { return pane()->tabletShell(); }
    QTemporaryDir dir;
    QSettings settings;
    SampleCaseHost host;
    MainWindow window;
};

/// The visible row of the worklist that shows case `id`.
QModelIndex rowOf(WorklistView *list, const QString &id)
{
    QAbstractItemModel *m = list->table()->model();
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r, 0).data(CaseIdRole).toString() == id)
            return m->index(r, 0);
    return {};
}

void tap(WorklistView *list, const QString &id)
{
    const QModelIndex i = rowOf(list, id);
    QVERIFY2(i.isValid(), qPrintable(id));
    list->table()->scrollTo(i);
    QTest::mouseClick(list->table()->viewport(), Qt::LeftButton, {}, list->table()->visualRect(i).center());
}
} // namespace

class TestTablet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initResources(); }

    void narrowWindowStacksListAndCase()
    {
        SampleWindow s;
        MainWindow &w = s.window;
        w.resize(800, 1280);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY(s.pane()->isTablet());
        QVERIFY(s.shell()->isVisible());
        QVERIFY(!s.pane()->deskSplitter()->isVisible());
        QVERIFY(w.worklist()->isVisible());
        QVERIFY(w.worklist()->isCardMode());
        QVERIFY(!w.caseView()->isVisible()); // one page at a time
        // Cards: one column, no header, rows tall enough to tap.
        QVERIFY(!w.worklist()->table()->horizontalHeader()->isVisible());
        QVERIFY(w.worklist()->table()->isColumnHidden(TitleColumn));
        QVERIFY(w.worklist()->table()->rowHeight(0) >= 72);
        QVERIFY(w.worklist()->table()->columnWidth(0) > 700);

        w.resize(1280, 800); // wide again: the desk's splitter, list and case side by side
        QTRY_VERIFY(!s.pane()->isTablet());
        QVERIFY(s.pane()->deskSplitter()->isVisible());
        QVERIFY(!w.worklist()->isCardMode());
        QVERIFY(w.worklist()->table()->horizontalHeader()->isVisible());
        QVERIFY(!w.worklist()->table()->isColumnHidden(TitleColumn));
        // The columns as wide as their contents again, not as squeezed as while hidden.
        QTableView *table = w.worklist()->table();
        for (int c : { int(IdColumn), int(TitleColumn), int(StatusColumn) })
            QVERIFY2(table->columnWidth(c) >= static_cast<QAbstractItemView *>(table)->sizeHintForColumn(c),
                qPrintable(QString::number(c)));
    }

    void everyTabReachableOnAPortraitTablet()
    {
        QTranslator de;
        QVERIFY(de.load(QStringLiteral(":/i18n/outpost_de.qm")));
        QCoreApplication::installTranslator(&de);
        const QFont font = QApplication::font();
        const QString css = qApp->styleSheet();
        const auto restore = qScopeGuard([&] {
            QCoreApplication::removeTranslator(&de);
            QApplication::setFont(font);
            qApp->setStyleSheet(css);
        });
        KioskController::applyTouchStyle(); // as `outpost --kiosk` does
        SampleWindow s;
        MainWindow &w = s.window;
        w.setKioskMode(true);
        w.resize(800, 1280);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTabBar *tabs = w.tabs()->tabBar();
        for (int i = 0; i < tabs->count(); ++i)
            QVERIFY2(tabs->rect().contains(tabs->tabRect(i)),
                qPrintable(tabs->tabText(i) + QStringLiteral(" is off the edge")));
    }

    void statusBarKeepsItsWordsOnAPortraitTablet()
    {
        const QFont font = QApplication::font();
        const QString css = qApp->styleSheet();
        const auto restore = qScopeGuard([&] {
            QApplication::setFont(font);
            qApp->setStyleSheet(css);
        });
        KioskController::applyTouchStyle();
        SampleWindow s;
        MainWindow &w = s.window;
        w.setKioskMode(true);
        w.setSignedInUser(QStringLiteral("Alice Martin"));
        w.syncStatus()->setPendingCount(2);
        w.syncStatus()->setConflictCount(1);
        w.resize(800, 1280);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // The sync status, counts and "Sync now" get the room they ask for (nothing elided)...
        QTRY_VERIFY(w.syncStatus()->width() >= w.syncStatus()->sizeHint().width());
        auto *user = w.findChild<QLabel *>(QStringLiteral("signedInUser"));
        QVERIFY(user && user->isHidden()); // ...leaving out "Signed in as" where there is none
        // On the desk both show.
        w.resize(1280, 800);
        QTRY_VERIFY(!user->isHidden());
        QTRY_VERIFY(w.syncStatus()->width() >= w.syncStatus()->sizeHint().width());
    }

    void tapOpensCaseFullScreenAndBackKeepsTheList()
    {
        SampleWindow s;
        MainWindow &w = s.window;
        w.resize(800, 1280);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY(s.pane()->isTablet());
        tap(w.worklist(), QStringLiteral("C-10051"));
        QTRY_VERIFY(w.caseView()->isVisible());
        QCOMPARE(w.caseView()->caseId(), QStringLiteral("C-10051"));
        QVERIFY(!w.worklist()->isVisible());
        QVERIFY(w.caseView()->width() >= w.width() - 40); // the case fills the window
        QVERIFY(s.shell()->backButton()->isVisible());

        QTest::mouseClick(s.shell()->backButton(), Qt::LeftButton);
        QTRY_VERIFY(w.worklist()->isVisible());
        QVERIFY(!w.caseView()->isVisible());
        QCOMPARE(w.worklist()->currentCaseId(), QStringLiteral("C-10051")); // selection kept
        QVERIFY(w.worklist()->table()->selectionModel()->isRowSelected(
            rowOf(w.worklist(), QStringLiteral("C-10051")).row(), {}));

        // The system's back from inside a field: Escape, then Alt+Left.
        for (const auto &key :
            { std::pair { Qt::Key_Escape, Qt::NoModifier }, { Qt::Key_Left, Qt::AltModifier } }) {
            tap(w.worklist(), QStringLiteral("C-10042"));
            QTRY_VERIFY(w.caseView()->isVisible());
            QCOMPARE(w.caseView()->caseId(), QStringLiteral("C-10042"));
            QWidget *field = w.caseView()->form()->editorWidget(QStringLiteral("contact"));
            field->setFocus();
            QTRY_VERIFY(field->hasFocus());
            QTest::keyClick(field, key.first, key.second);
            QTRY_VERIFY(w.worklist()->isVisible());
            QCOMPARE(w.worklist()->currentCaseId(), QStringLiteral("C-10042"));
        }
    }

    void resizeAcrossThresholdKeepsOpenCaseAndEdits()
    {
        SampleWindow s;
        MainWindow &w = s.window;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(!s.pane()->isTablet());
        w.openCase(QStringLiteral("C-10043"));
        CaseView *view = w.caseView();
        auto *contact = qobject_cast<QLineEdit *>(view->form()->editorWidget(QStringLiteral("contact")));
        contact->setFocus();
        contact->selectAll();
        QTest::keyClicks(contact, QStringLiteral("gate 2, ring twice"));
        QVERIFY(view->hasUnsavedEdits());

        w.resize(800, 1280);
        QTRY_VERIFY(s.pane()->isTablet());
        QCOMPARE(w.caseView(), view); // the same view, not rebuilt
        QTRY_VERIFY(view->isVisible()); // the open case fills the window
        QVERIFY(!w.worklist()->isVisible());
        QCOMPARE(view->caseId(), QStringLiteral("C-10043"));
        QCOMPARE(contact->text(), QStringLiteral("gate 2, ring twice"));
        QVERIFY(view->hasUnsavedEdits());

        w.resize(1280, 800);
        QTRY_VERIFY(!s.pane()->isTablet());
        QTRY_VERIFY(view->isVisible());
        QVERIFY(w.worklist()->isVisible());
        QCOMPARE(contact->text(), QStringLiteral("gate 2, ring twice"));
        QVERIFY(view->hasUnsavedEdits());
        QCOMPARE(s.host.savedCount(), 0); // nothing saved behind the technician's back
    }

    void touchSizedFieldsAndActionsInABottomBar()
    {
        SampleWindow s;
        MainWindow &w = s.window;
        w.resize(800, 1280);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY(s.pane()->isTablet());
        w.openCase(QStringLiteral("C-10043"));
        CaseView *view = w.caseView();
        QTRY_VERIFY(view->isVisible());
        QList<QWidget *> targets { s.shell()->backButton(), view->saveButton(),
            view->findChild<QPushButton *>(QStringLiteral("revertButton")) };
        for (const FieldDef &f : view->form()->caseType().fields) {
            FieldEditor *e = view->form()->fieldEditor(f.name);
            targets << e->editor() << e->extraFocusWidgets();
        }
        for (const QString &a : view->flowBar()->actionNames())
            targets << view->flowBar()->button(a);
        for (QWidget *t : std::as_const(targets)) {
            const QString what = t->objectName() + QLatin1Char(' ') + t->accessibleName();
            QVERIFY2(t->height() >= 44, qPrintable(what + QStringLiteral(": %1 px high").arg(t->height())));
            // Not clipped: as wide as its text needs (the date's Clear buttons were cut before).
            if (qobject_cast<QAbstractButton *>(t))
                QVERIFY2(
                    t->width() >= t->sizeHint().width(), qPrintable(what + QStringLiteral(" is clipped")));
        }
        // A line edit's clear button lies inside its field (the touch style pushed it past the edge).
        int clearButtons = 0;
        for (QLineEdit *edit : view->form()->findChildren<QLineEdit *>()) {
            edit->setText(QStringLiteral("x")); // the button shows with text
            for (QToolButton *b : edit->findChildren<QToolButton *>(QString(), Qt::FindDirectChildrenOnly)) {
                if (!b->isVisibleTo(edit))
                    continue;
                ++clearButtons;
                QVERIFY2(edit->rect().contains(b->geometry()),
                    qPrintable(edit->accessibleName()
                        + QStringLiteral(": clear button at %1,%2 %3×%4 in %5 px")
                              .arg(b->x())
                              .arg(b->y())
                              .arg(b->width())
                              .arg(b->height())
                              .arg(edit->width())));
            }
        }
        QVERIFY(clearButtons >= 3);
        // Save, Revert and the flow actions along the bottom edge of the case.
        QWidget *bar = view->findChild<QWidget *>(QStringLiteral("caseActions"));
        QVERIFY(bar && bar->isVisible());
        const int barBottom = bar->mapTo(view, QPoint(0, bar->height())).y();
        QVERIFY2(view->height() - barBottom <= 24, qPrintable(QString::number(view->height() - barBottom)));

        // Landscape (a kiosk tablet held sideways) keeps the tablet arrangement.
        w.setKioskMode(true);
        w.resize(1280, 800);
        QTRY_COMPARE(w.width(), 1280);
        QVERIFY(s.pane()->isTablet());
        QVERIFY(view->isVisible());
        QVERIFY(view->saveButton()->height() >= 44);
    }

    void focusedFieldStaysAboveTheKeyboard()
    {
        // QInputMethod::keyboardRectangle() cannot be faked on the offscreen platform (it belongs to
        // the platform's input context), so the shell is told what the keyboard covers directly:
        // the very call its keyboardRectangleChanged handler makes.
        SampleWindow s;
        MainWindow &w = s.window;
        w.resize(800, 1280);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY(s.pane()->isTablet());
        w.openCase(QStringLiteral("C-10043"));
        CaseView *view = w.caseView();
        QTRY_VERIFY(view->isVisible());
        auto *scroll = view->findChild<QScrollArea *>();
        QVERIFY(scroll);
        const auto visibleInViewport = [scroll](QWidget *field) {
            const QRect r(field->mapTo(scroll->viewport(), QPoint(0, 0)), field->size());
            return scroll->viewport()->rect().contains(r);
        };

        // The keyboard covers the bottom half: the page ends above it.
        s.shell()->setKeyboardOverlap(w.height() / 2);
        QTRY_VERIFY(
            scroll->viewport()->mapTo(&w, QPoint(0, scroll->viewport()->height())).y() <= w.height() / 2);
        QVERIFY(scroll->viewport()->height() > 44);

        // Each field in turn gets focus (as a tap would) and is scrolled into view.
        for (const QString &name : { QStringLiteral("summary"), QStringLiteral("site"),
                 QStringLiteral("contact"), QStringLiteral("summary") }) {
            QWidget *field = view->form()->editorWidget(name);
            field->setFocus(Qt::MouseFocusReason);
            QTRY_VERIFY2(visibleInViewport(field), qPrintable(name));
        }

        // The keyboard comes up while a field low on the page has focus: it is moved into view.
        s.shell()->setKeyboardOverlap(0);
        QWidget *summary = view->form()->editorWidget(QStringLiteral("summary"));
        scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
        QTRY_VERIFY(summary->hasFocus());
        s.shell()->setKeyboardOverlap(w.height() / 2 + 100);
        QTRY_VERIFY(visibleInViewport(summary));
        s.shell()->setKeyboardOverlap(0);
        QTRY_COMPARE(s.shell()->keyboardOverlap(), 0);
    }

    void kioskSignInOffersNoCancelAndFocusesTheFieldToFill()
    {
        const QString css = qApp->styleSheet();
        qApp->setStyleSheet(KioskController::touchStyleSheet()); // as in kiosk mode
        auto restore = qScopeGuard([css] { qApp->setStyleSheet(css); });
        QMainWindow window;
        window.resize(800, 1280);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        SignInDialog dlg(&window);
        dlg.setCancelAllowed(false);
        dlg.setServer(QStringLiteral("https://outpost.example.com"));
        dlg.open();
        QVERIFY(QTest::qWaitForWindowExposed(&dlg));
        // The button box showed the hidden Cancel again with the dialog (a kiosk cannot cancel).
        int shown = 0;
        for (const QPushButton *b : dlg.findChildren<QPushButton *>())
            shown += b->isVisible();
        QCOMPARE(shown, 1); // Sign in only
        QTRY_COMPARE(QApplication::focusWidget(), dlg.findChild<QLineEdit *>(QStringLiteral("user")));
        dlg.setCancelAllowed(true); // and back (the desk's first sign-in)
        QCOMPARE(dlg.findChildren<QPushButton *>().size(),
            3); // Sign in, Cancel and the hidden Recover unsent work
    }

    void kioskUsesTheTabletLayout()
    {
        SampleWindow s;
        MainWindow &w = s.window;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(!s.pane()->isTablet());
        w.setKioskMode(true);
        QVERIFY(s.pane()->isTablet()); // whatever the width
        QVERIFY(w.worklist()->isCardMode());
        tap(w.worklist(), QStringLiteral("C-10058")); // one tap opens
        QTRY_VERIFY(w.caseView()->isVisible());
        QCOMPARE(w.caseView()->caseId(), QStringLiteral("C-10058"));
        w.setKioskMode(false);
        QVERIFY(!s.pane()->isTablet());
        QVERIFY(w.caseView()->isVisible());
        QVERIFY(w.worklist()->isVisible());
    }
};

QTEST_MAIN(TestTablet)
#include "tst_tablet.moc"
