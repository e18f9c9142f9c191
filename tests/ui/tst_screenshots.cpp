// SPDX-License-Identifier: MIT
// Screenshots for the README, taken on the real X server that scripts/test.sh starts (xvfb-run):
// the main window (normal and kiosk), the case form, the conflict dialog, sign-in. Each picture is
// checked (its size, not blank, the widgets it is about visible and painted) and written to the
// build tree ($OUTPOST_SCREENSHOTS_DIR, which CMake sets, else ./screenshots); only with
// OUTPOST_UPDATE_SCREENSHOTS=1 (scripts/screenshots.sh) into $OUTPOST_SOURCE_DIR/docs/screenshots.
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
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
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
    QHash<QString, QString> m_titles { { QStringLiteral("inspection"), QStringLiteral("Site inspection") } };

    /// Distinct colours in `rect` of `img`, sampled every 3 pixels, counted up to `enough`.
    static int colours(const QImage &img, const QRect &rect, int enough)
    {
        QSet<QRgb> seen;
        for (int y = rect.top(); y <= rect.bottom(); y += 3)
            for (int x = rect.left(); x <= rect.right(); x += 3) {
                seen.insert(img.pixel(x, y));
                if (seen.size() >= enough)
                    return int(seen.size());
            }
        return int(seen.size());
    }

    /// Grabs `w` and checks the picture: the window's size, not blank, and every widget of `shown`
    /// visible, inside the picture and painted (not one flat colour). Then writes it to m_out/name.
    void shoot(QWidget *w, const QString &name, const QList<const QWidget *> &shown)
    {
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QApplication::processEvents(); // deliver pending layout and paint events before grabbing
        const QImage img = w->grab().toImage();
        QVERIFY(!img.isNull());
        const qreal dpr = img.devicePixelRatio();
        QCOMPARE(img.size(), w->size() * dpr);
        QVERIFY2(colours(img, img.rect(), 16) >= 16, qPrintable(name + QStringLiteral(" is blank")));
        for (const QWidget *c : shown) {
            QVERIFY2(c, qPrintable(name + QStringLiteral(": a widget it should show does not exist")));
            const QString what = name + QLatin1Char(' ') + QLatin1String(c->metaObject()->className());
            QVERIFY2(c->isVisible(), qPrintable(what + QStringLiteral(" is not visible")));
            const QRect r(c->mapTo(w, QPoint(0, 0)) * dpr, c->size() * dpr);
            QVERIFY2(img.rect().contains(r), qPrintable(what + QStringLiteral(" is cut off")));
            QVERIFY2(colours(img, r, 2) >= 2, qPrintable(what + QStringLiteral(" painted nothing")));
        }
        const QString path = m_out + QLatin1Char('/') + name;
        QVERIFY2(img.save(path), qPrintable(path));
        QVERIFY(QFileInfo(path).size() > 1000);
    }

    /// The label of `root` that shows `text`.
    static const QWidget *labelShowing(const QWidget *root, const QString &text)
    {
        for (const QLabel *l : root->findChildren<QLabel *>())
            if (l->text().contains(text))
                return l;
        return nullptr;
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
        if (QGuiApplication::platformName() != QLatin1String("xcb")) {
            // Updating the docs must not pass without doing it.
            QVERIFY2(qEnvironmentVariable("OUTPOST_UPDATE_SCREENSHOTS") != QLatin1String("1"),
                "OUTPOST_UPDATE_SCREENSHOTS=1 needs an X server (scripts/screenshots.sh runs xvfb-run)");
            QSKIP("No X server (DISPLAY unset): screenshots are taken under xvfb-run by scripts/test.sh");
        }
        if (qEnvironmentVariable("OUTPOST_UPDATE_SCREENSHOTS") == QLatin1String("1")) {
            const QString src = qEnvironmentVariable("OUTPOST_SOURCE_DIR");
            QVERIFY2(!src.isEmpty(), "OUTPOST_UPDATE_SCREENSHOTS=1 needs OUTPOST_SOURCE_DIR (ctest sets it)");
            m_out = src + QStringLiteral("/docs/screenshots");
        } else {
            m_out = qEnvironmentVariable("OUTPOST_SCREENSHOTS_DIR");
            if (m_out.isEmpty())
                m_out = QDir::current().filePath(QStringLiteral("screenshots"));
        }
        QVERIFY(QDir().mkpath(m_out));
        qInfo("screenshots go to %s", qPrintable(m_out));
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
        auto *reading
            = qobject_cast<QLineEdit *>(w.caseView()->form()->editorWidget(QStringLiteral("readingKw")));
        QTest::keyClicks(reading, QStringLiteral("120000")); // shows a live validation message
        const QString error = w.caseView()->form()->shownError(QStringLiteral("readingKw"));
        QVERIFY(!error.isEmpty());
        QCOMPARE(w.size(), QSize(1280, 760));
        shoot(&w, QStringLiteral("main-window.png"),
            { w.worklist()->table(), w.caseView()->form(), reading, labelShowing(&w, error),
                w.syncStatus() });
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
        QCOMPARE(cv.size(), QSize(640, 720));
        shoot(&cv, QStringLiteral("case-form.png"),
            { form, reading, form->editorWidget(QStringLiteral("passed")),
                form->editorWidget(QStringLiteral("summary")) });
    }

    void conflictAndSignIn()
    {
        SampleCaseHost host;
        const QJsonObject base { { QStringLiteral("priority"), QStringLiteral("normal") },
            { QStringLiteral("passed"), QJsonValue::Null },
            { QStringLiteral("contact"), QStringLiteral("M. Keller") } };
        const QJsonObject mine { { QStringLiteral("priority"), QStringLiteral("high") },
            { QStringLiteral("passed"), true },
            { QStringLiteral("contact"), QStringLiteral("M. Keller, gate 2") } };
        const QJsonObject theirs { { QStringLiteral("priority"), QStringLiteral("low") },
            { QStringLiteral("passed"), false }, { QStringLiteral("contact"), QStringLiteral("J. Berger") } };
        ConflictDialog dlg(SampleCaseHost::inspectionType(), QStringLiteral("C-10043"),
            ConflictDialog::entriesFrom(
                { QStringLiteral("priority"), QStringLiteral("passed"), QStringLiteral("contact") }, base,
                mine, theirs),
            host.lookupSource());
        dlg.model()->setChoice(QStringLiteral("priority"), ConflictModel::Side::Mine);
        dlg.model()->setChoice(QStringLiteral("passed"), ConflictModel::Side::Theirs);
        dlg.show();
        shoot(&dlg, QStringLiteral("conflict-dialog.png"), { dlg.view() });
        QCOMPARE(dlg.view()->model()->rowCount(), 3);

        SignInDialog signIn;
        signIn.setServer(QStringLiteral("https://outpost.example.com"));
        signIn.setUser(QStringLiteral("alice"));
        signIn.showError(QStringLiteral("Wrong user name or password."));
        signIn.show();
        QList<const QWidget *> signInShown { labelShowing(
            &signIn, QStringLiteral("Wrong user name or password.")) };
        for (const QLineEdit *e : signIn.findChildren<QLineEdit *>())
            signInShown.append(e);
        QCOMPARE(signInShown.size(), 4); // the message, server, user, password
        shoot(&signIn, QStringLiteral("sign-in.png"), signInShown);
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
        auto *reading
            = qobject_cast<QLineEdit *>(w.caseView()->form()->editorWidget(QStringLiteral("readingKw")));
        reading->selectAll();
        QTest::keyClicks(reading, QStringLiteral("-3"));
        const QString error = w.caseView()->form()->shownError(QStringLiteral("readingKw"));
        QVERIFY(error.contains(QStringLiteral("mindestens")));
        shoot(&w, QStringLiteral("main-window-de.png"),
            { w.worklist()->table(), w.caseView()->form(), labelShowing(&w, error), w.syncStatus() });
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
        QTRY_COMPARE(w.size(), w.screen()->geometry().size());
        // A tablet: the open case fills the window (the worklist is one tap back).
        shoot(&w, QStringLiteral("main-window-kiosk.png"),
            { w.caseView()->form(), static_cast<const QWidget *>(w.caseView()->saveButton()),
                w.syncStatus() });
        kiosk.requestExit();
        QVERIFY(kiosk.pinDialog());
        shoot(kiosk.pinDialog(), QStringLiteral("kiosk-pin.png"), { kiosk.pinDialog()->pinEdit() });
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
