// SPDX-License-Identifier: MIT
// Screenshots for the README, taken on the real X server that scripts/test.sh starts (xvfb-run):
// the main window (normal and kiosk), the case form, the conflict dialog, sign-in.
// Written to $OUTPOST_SOURCE_DIR/docs/screenshots/.
#include "caseview.h"
#include "conflictdialog.h"
#include "kioskcontroller.h"
#include "mainwindow.h"
#include "pinstore.h"
#include "samplecases.h"
#include "signindialog.h"
#include "syncstatusbar.h"
#include "translations.h"
#include "worklistroles.h"
#include "worklistview.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QSettings>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace outpost;
using namespace outpost::ui;

class TestScreenshots : public QObject
{
    Q_OBJECT
private:
    QString m_out;
    QTemporaryDir m_tmp;
    QHash<QString, QString> m_titles{{QStringLiteral("inspection"), QStringLiteral("Site inspection")}};

    void save(QWidget *w, const QString &name)
    {
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QApplication::processEvents(); // deliver pending layout and paint events before grabbing
        const QPixmap pm = w->grab();
        QVERIFY(!pm.isNull());
        const QString path = m_out + QLatin1Char('/') + name;
        QVERIFY2(pm.save(path), qPrintable(path));
        QVERIFY(QFileInfo(path).size() > 1000);
    }

    void fillStatus(MainWindow &w)
    {
        w.syncStatus()->setState(SyncState::Online);
        w.syncStatus()->setLastSync(QDateTime::currentDateTimeUtc().addSecs(-130));
        w.syncStatus()->setPendingCount(2);
        w.syncStatus()->setConflictCount(1);
        w.setSignedInUser(QStringLiteral("Alice Martin"));
    }

    QStandardItemModel *worklist(SampleCaseHost &host, QObject *parent)
    {
        QStandardItemModel *m = createWorklistModel(host.cases(), m_titles, parent);
        for (int r = 0; r < m->rowCount(); ++r) {
            QStandardItem *i = m->item(r, 0);
            if (i->data(CaseIdRole).toString() == QLatin1String("C-10043"))
                i->setData(2, PendingCountRole);
            if (i->data(CaseIdRole).toString() == QLatin1String("C-10058"))
                i->setData(true, HasConflictRole);
        }
        return m;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QGuiApplication::platformName() != QLatin1String("xcb"))
            QSKIP("No X server (DISPLAY unset): screenshots are taken under xvfb-run by scripts/test.sh");
        const QString src = qEnvironmentVariable("OUTPOST_SOURCE_DIR");
        if (src.isEmpty())
            QSKIP("OUTPOST_SOURCE_DIR is not set");
        m_out = src + QStringLiteral("/docs/screenshots");
        QVERIFY(QDir().mkpath(m_out));
        QStandardPaths::setTestModeEnabled(true);
        initResources();
        QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 10));
    }

    void mainWindowAndCaseForm()
    {
        QSettings settings(m_tmp.filePath(QStringLiteral("s.conf")), QSettings::IniFormat);
        SampleCaseHost host;
        MainWindow w(settings);
        w.setCaseHost(&host);
        w.setWorklistModel(worklist(host, &w));
        fillStatus(w);
        w.resize(1280, 760);
        w.show();
        w.openCase(QStringLiteral("C-10042"));
        w.worklist()->table()->selectRow(0);
        auto *reading = qobject_cast<QLineEdit *>(w.caseView()->form()->editorWidget(QStringLiteral("readingKw")));
        QTest::keyClicks(reading, QStringLiteral("120000")); // shows a live validation message
        save(&w, QStringLiteral("main-window.png"));
    }

    void caseForm()
    {
        SampleCaseHost host;
        CaseView cv(&host);
        QVERIFY(cv.openCase(QStringLiteral("C-10043")));
        cv.resize(640, 720);
        cv.show();
        CaseForm *form = cv.form();
        auto *reading = qobject_cast<QLineEdit *>(form->editorWidget(QStringLiteral("readingKw")));
        reading->selectAll();
        QTest::keyClicks(reading, QStringLiteral("4388"));
        form->editorWidget(QStringLiteral("passed"))->setFocus();
        QTest::keyClick(form->editorWidget(QStringLiteral("passed")), Qt::Key_Space);
        QTest::keyClicks(form->editorWidget(QStringLiteral("summary")),
                         QStringLiteral("Pump 2 bearing noisy, lubricated. Reading taken after restart."));
        QVERIFY(form->isDirty() && form->isValid());
        save(&cv, QStringLiteral("case-form.png"));
    }

    void conflictAndSignIn()
    {
        SampleCaseHost host;
        const QJsonObject base{{QStringLiteral("priority"), QStringLiteral("normal")},
                               {QStringLiteral("passed"), QJsonValue::Null},
                               {QStringLiteral("contact"), QStringLiteral("M. Keller")}};
        const QJsonObject mine{{QStringLiteral("priority"), QStringLiteral("high")},
                               {QStringLiteral("passed"), true},
                               {QStringLiteral("contact"), QStringLiteral("M. Keller, gate 2")}};
        const QJsonObject theirs{{QStringLiteral("priority"), QStringLiteral("low")},
                                 {QStringLiteral("passed"), false},
                                 {QStringLiteral("contact"), QStringLiteral("J. Berger")}};
        ConflictDialog dlg(SampleCaseHost::inspectionType(), QStringLiteral("C-10043"),
                           ConflictDialog::entriesFrom({QStringLiteral("priority"), QStringLiteral("passed"),
                                                        QStringLiteral("contact")},
                                                       base, mine, theirs),
                           host.lookupSource());
        dlg.model()->setChoice(QStringLiteral("priority"), ConflictModel::Side::Mine);
        dlg.model()->setChoice(QStringLiteral("passed"), ConflictModel::Side::Theirs);
        dlg.show();
        save(&dlg, QStringLiteral("conflict-dialog.png"));

        SignInDialog signIn;
        signIn.setServer(QStringLiteral("https://outpost.example.com"));
        signIn.setUser(QStringLiteral("alice"));
        signIn.showError(QStringLiteral("Wrong user name or password."));
        signIn.show();
        save(&signIn, QStringLiteral("sign-in.png"));
    }

    void mainWindowGerman()
    {
        QTranslator de;
        QVERIFY(de.load(QStringLiteral(":/i18n/outpost_de.qm")));
        QCoreApplication::installTranslator(&de);
        QSettings settings(m_tmp.filePath(QStringLiteral("d.conf")), QSettings::IniFormat);
        SampleCaseHost host;
        MainWindow w(settings);
        w.setCaseHost(&host);
        w.setWorklistModel(worklist(host, &w));
        fillStatus(w);
        w.resize(1280, 760);
        w.show();
        w.openCase(QStringLiteral("C-10043"));
        auto *reading = qobject_cast<QLineEdit *>(w.caseView()->form()->editorWidget(QStringLiteral("readingKw")));
        reading->selectAll();
        QTest::keyClicks(reading, QStringLiteral("-3"));
        QVERIFY(w.caseView()->form()->shownError(QStringLiteral("readingKw")).contains(QStringLiteral("mindestens")));
        save(&w, QStringLiteral("main-window-de.png"));
        QCoreApplication::removeTranslator(&de);
    }

    void kioskMainWindow()
    {
        QSettings settings(m_tmp.filePath(QStringLiteral("k.conf")), QSettings::IniFormat);
        QVERIFY(PinStore(settings).setPin(QStringLiteral("2468")));
        KioskController::applyTouchStyle();
        SampleCaseHost host;
        MainWindow w(settings);
        w.setCaseHost(&host);
        w.setWorklistModel(worklist(host, &w));
        w.setKioskMode(true);
        fillStatus(w);
        KioskController kiosk(settings);
        kiosk.attach(&w);
        w.openCase(QStringLiteral("C-10043"));
        QTRY_VERIFY(w.isFullScreen());
        save(&w, QStringLiteral("main-window-kiosk.png"));
        kiosk.requestExit();
        QVERIFY(kiosk.pinDialog());
        save(kiosk.pinDialog(), QStringLiteral("kiosk-pin.png"));
        kiosk.pinDialog()->reject();
    }
};

int main(int argc, char *argv[])
{
    // Use the real X server when there is one; otherwise run offscreen and skip.
    if (qEnvironmentVariableIsSet("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "xcb");
    QApplication app(argc, argv);
    TestScreenshots t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_screenshots.moc"
