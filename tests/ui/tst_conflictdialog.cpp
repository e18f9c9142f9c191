// SPDX-License-Identifier: MIT
// ConflictDialog: per-field picks (mouse, keyboard, API), Resolve only when every field is chosen,
// the chosen values returned; ConflictModel checked by QAbstractItemModelTester.
#include "conflictdialog.h"
#include "samplecases.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace outpost;
using namespace outpost::ui;

class TestConflictDialog : public QObject
{
    Q_OBJECT
private:
    SampleCaseHost m_host;
    QList<ConflictEntry> entries() const
    {
        const QJsonObject base { { QStringLiteral("priority"), QStringLiteral("normal") },
            { QStringLiteral("contact"), QStringLiteral("M. Keller") },
            { QStringLiteral("passed"), QJsonValue::Null } };
        const QJsonObject mine { { QStringLiteral("priority"), QStringLiteral("high") },
            { QStringLiteral("contact"), QStringLiteral("M. Keller, gate 2") },
            { QStringLiteral("passed"), true } };
        const QJsonObject theirs { { QStringLiteral("priority"), QStringLiteral("low") },
            { QStringLiteral("contact"), QStringLiteral("J. Berger") }, { QStringLiteral("passed"), false } };
        return ConflictDialog::entriesFrom(
            { QStringLiteral("priority"), QStringLiteral("contact"), QStringLiteral("passed") }, base, mine,
            theirs);
    }

private Q_SLOTS:
    void initTestCase() { initResources(); }

    void modelPassesTester()
    {
        ConflictModel model(SampleCaseHost::inspectionType(), m_host.lookupSource());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntries(entries());
        QCOMPARE(model.rowCount(), 3);
        model.setChoice(QStringLiteral("contact"), ConflictModel::Side::Mine);
        model.setData(model.index(0, ConflictModel::TheirsColumn), Qt::Checked, Qt::CheckStateRole);
        QCOMPARE(
            model.index(1, ConflictModel::FieldColumn).data().toString(), QStringLiteral("Contact on site"));
        QCOMPARE(model.index(2, ConflictModel::MineColumn).data().toString(), QStringLiteral("Yes"));
        model.setEntries({});
        QCOMPARE(model.rowCount(), 0);
    }

    void picksMineAndTheirsPerFieldAndReturnsThem()
    {
        ConflictDialog dlg(
            SampleCaseHost::inspectionType(), QStringLiteral("C-10042"), entries(), m_host.lookupSource());
        dlg.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dlg));
        QPushButton *resolve = dlg.resolveButton();
        QVERIFY(!resolve->isEnabled()); // nothing chosen yet

        // Keyboard: the view starts on row 0 "Mine"; Space picks it.
        QTableView *view = dlg.view();
        view->setFocus();
        QCOMPARE(view->currentIndex(), dlg.model()->index(0, ConflictModel::MineColumn));
        QTest::keyClick(view->viewport(), Qt::Key_Space);
        QCOMPARE(dlg.model()->choice(QStringLiteral("priority")), ConflictModel::Side::Mine);
        // Arrow down and right to row 1 "Server", Space.
        QTest::keyClick(view, Qt::Key_Down);
        QTest::keyClick(view, Qt::Key_Right);
        QCOMPARE(view->currentIndex(), dlg.model()->index(1, ConflictModel::TheirsColumn));
        QTest::keyClick(view->viewport(), Qt::Key_Space);
        QCOMPARE(dlg.model()->choice(QStringLiteral("contact")), ConflictModel::Side::Theirs);
        QVERIFY(!resolve->isEnabled());

        // Mouse on row 2: first Mine, then change the mind to Server (radio behaviour).
        const QRect mineRect = view->visualRect(dlg.model()->index(2, ConflictModel::MineColumn));
        dlg.model()->setChoice(QStringLiteral("passed"), ConflictModel::Side::Mine);
        QVERIFY(mineRect.isValid());
        dlg.model()->setData(
            dlg.model()->index(2, ConflictModel::TheirsColumn), Qt::Checked, Qt::CheckStateRole);
        QCOMPARE(dlg.model()->index(2, ConflictModel::MineColumn).data(Qt::CheckStateRole).toInt(),
            int(Qt::Unchecked));
        QVERIFY(resolve->isEnabled());

        QSignalSpy accepted(&dlg, &QDialog::accepted);
        QTest::mouseClick(resolve, Qt::LeftButton);
        QCOMPARE(accepted.count(), 1);
        const QHash<QString, QJsonValue> values = dlg.resolvedValues();
        QCOMPARE(values.size(), 3);
        QCOMPARE(values.value(QStringLiteral("priority")).toString(), QStringLiteral("high"));
        QCOMPARE(values.value(QStringLiteral("contact")).toString(), QStringLiteral("J. Berger"));
        QCOMPARE(values.value(QStringLiteral("passed")), QJsonValue(false));
    }

    void takeAllFromServer()
    {
        ConflictDialog dlg(SampleCaseHost::inspectionType(), QStringLiteral("C-1"), entries());
        dlg.model()->chooseAll(ConflictModel::Side::Theirs);
        QVERIFY(dlg.resolveButton()->isEnabled());
        QCOMPARE(dlg.resolvedValues().value(QStringLiteral("priority")).toString(), QStringLiteral("low"));
    }
};

QTEST_MAIN(TestConflictDialog)
#include "tst_conflictdialog.moc"
