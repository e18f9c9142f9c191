// SPDX-License-Identifier: MIT
// Screenshots for the README, taken on the real X server that scripts/test.sh starts (xvfb-run):
// the main window on the desk and on a tablet (landscape: the case; portrait: the worklist and the
// case), each in a light and a dark palette, in English and German; the case form, the conflict
// dialog, sign-in, the kiosk's PIN dialog (also while it makes a wrong PIN wait), its attach
// dialog confined to the attachment folders and the picture viewer. Each picture is
// checked (its size, not blank, the widgets it is about visible and painted) and written to the
// build tree ($OUTPOST_SCREENSHOTS_DIR, which CMake sets, else ./screenshots); only with
// OUTPOST_UPDATE_SCREENSHOTS=1 (scripts/screenshots.sh) into $OUTPOST_SOURCE_DIR/docs/screenshots.
#include "attachfiledialog.h"
#include "attachmentviewer.h"
#include "casespane.h"
#include "caseview.h"
#include "conflictdialog.h"
#include "fileaccess.h"
#include "flowactionbar.h"
#include "kioskcontroller.h"
#include "mainwindow.h"
#include "pindialog.h"
#include "pinstore.h"
#include "samplecases.h"
#include "signindialog.h"
#include "syncstatusbar.h"
#include "tabletshell.h"
#include "translations.h"
#include "worklistroles.h"
#include "worklistview.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QGraphicsView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QScopeGuard>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTranslator>
#include <QTreeView>

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

    /// A dark palette as a dark desktop theme gives it.
    static QPalette darkPalette()
    {
        QPalette p;
        const QColor window(45, 45, 48), base(30, 30, 32), text(230, 230, 230), dim(130, 130, 130);
        const QColor highlight(53, 132, 228);
        p.setColor(QPalette::Window, window);
        p.setColor(QPalette::WindowText, text);
        p.setColor(QPalette::Base, base);
        p.setColor(QPalette::AlternateBase, QColor(40, 40, 43));
        p.setColor(QPalette::ToolTipBase, base);
        p.setColor(QPalette::ToolTipText, text);
        p.setColor(QPalette::PlaceholderText, dim);
        p.setColor(QPalette::Text, text);
        p.setColor(QPalette::Button, QColor(55, 55, 59));
        p.setColor(QPalette::ButtonText, text);
        p.setColor(QPalette::BrightText, Qt::white);
        p.setColor(QPalette::Light, QColor(75, 75, 80));
        p.setColor(QPalette::Midlight, QColor(62, 62, 66));
        p.setColor(QPalette::Mid, QColor(38, 38, 40));
        p.setColor(QPalette::Dark, QColor(25, 25, 27));
        p.setColor(QPalette::Shadow, Qt::black);
        p.setColor(QPalette::Highlight, highlight);
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::Link, highlight.lighter(130));
        for (auto role : { QPalette::Text, QPalette::WindowText, QPalette::ButtonText })
            p.setColor(QPalette::Disabled, role, dim);
        p.setColor(QPalette::Disabled, QPalette::Base, window);
        return p;
    }

    QStandardItemModel *worklist(SampleCaseHost &host, QObject *parent)
    {
        // Due dates around now: one overdue, one due today, later ones; instructions under the titles.
        QStandardItemModel *m = createWorklistModel(host.cases(), m_titles, parent,
            SampleCaseHost::sampleAssignments(QDateTime::currentDateTime()), host.lookupSource());
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

    /// The main window in every arrangement, palette and language: docs/screenshots/
    /// <desk|tablet-landscape-case|tablet-portrait-list|tablet-portrait-case>-<light|dark>-<en|de>.png.
    void mainWindow_data()
    {
        QTest::addColumn<QString>("arrangement");
        QTest::addColumn<QString>("page");
        QTest::addColumn<bool>("dark");
        QTest::addColumn<bool>("german");
        const QList<std::pair<QString, QStringList>> shots { { QStringLiteral("desk"), { QString() } },
            { QStringLiteral("tablet-landscape"), { QStringLiteral("case") } },
            { QStringLiteral("tablet-portrait"), { QStringLiteral("list"), QStringLiteral("case") } } };
        for (const auto &[arrangement, pages] : shots)
            for (const QString &page : pages)
                for (const bool dark : { false, true })
                    for (const bool german : { false, true }) {
                        const QString name = arrangement
                            + (page.isEmpty() ? QString() : QLatin1Char('-') + page)
                            + (dark ? QStringLiteral("-dark") : QStringLiteral("-light"))
                            + (german ? QStringLiteral("-de.png") : QStringLiteral("-en.png"));
                        QTest::newRow(qPrintable(name)) << arrangement << page << dark << german;
                    }
    }

    void mainWindow()
    {
        QFETCH(QString, arrangement);
        QFETCH(QString, page);
        QFETCH(bool, dark);
        QFETCH(bool, german);
        const bool tablet = arrangement != QLatin1String("desk");
        const QPalette palette = QApplication::palette();
        const QFont font = QApplication::font();
        const QString css = qApp->styleSheet();
        QTranslator de;
        const QLocale locale;
        const auto restore = qScopeGuard([&] {
            QLocale::setDefault(locale);
            QCoreApplication::removeTranslator(&de);
            QApplication::setPalette(palette);
            QApplication::setFont(font);
            qApp->setStyleSheet(css);
        });
        if (dark)
            QApplication::setPalette(darkPalette());
        if (german) {
            QVERIFY(de.load(QStringLiteral(":/i18n/outpost_de.qm")));
            QCoreApplication::installTranslator(&de);
            QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany)); // as installTranslations does
        }
        if (tablet)
            KioskController::applyTouchStyle(); // as `outpost --kiosk` does

        QSettings settings(m_tmp.filePath(QStringLiteral("m.conf")), QSettings::IniFormat);
        SampleCaseHost host;
        MainWindow w(settings);
        w.setCaseHost(&host);
        w.setWorklistModel(worklist(host, &w));
        fillStatus(w);
        w.setKioskMode(tablet);
        const QSize size = arrangement == QLatin1String("tablet-portrait") ? QSize(800, 1280)
            : tablet                                                       ? QSize(1280, 800)
                                                                           : QSize(1280, 760);
        w.resize(size);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *pane = w.findChild<CasesPane *>();
        QTRY_COMPARE(pane->isTablet(), tablet);
        QList<const QWidget *> shown { w.syncStatus() };
        if (page == QLatin1String("list")) {
            w.worklist()->table()->selectRow(1);
            QVERIFY(!w.caseView()->isVisible());
            shown << w.worklist()->table();
        } else {
            w.openCase(QStringLiteral("C-10043"));
            w.worklist()->table()->selectRow(1);
            auto *reading
                = qobject_cast<QLineEdit *>(w.caseView()->form()->editorWidget(QStringLiteral("readingKw")));
            reading->selectAll();
            QTest::keyClicks(reading, QStringLiteral("-3")); // a live validation message
            const QString error = w.caseView()->form()->shownError(QStringLiteral("readingKw"));
            QVERIFY(error.contains(german ? QStringLiteral("mindestens") : QStringLiteral("at least")));
            // The form scrolls in its area: the part in view is what must be shown.
            shown << w.caseView()->findChild<QScrollArea *>()->viewport() << reading
                  << labelShowing(&w, error);
            if (tablet) {
                QVERIFY(!w.worklist()->isVisible());
                shown << pane->tabletShell()->backButton() << w.caseView()->flowBar();
            } else {
                shown << w.worklist()->table();
            }
        }
        QCOMPARE(w.size(), size);
        shoot(&w, QString::fromLatin1(QTest::currentDataTag()), shown);
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

    void kioskPin()
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
        kiosk.requestExit();
        QVERIFY(kiosk.pinDialog());
        shoot(kiosk.pinDialog(), QStringLiteral("kiosk-pin.png"), { kiosk.pinDialog()->pinEdit() });

        // Three wrong PINs: the keypad waits and says for how long.
        PinDialog *pin = kiosk.pinDialog();
        for (const char *wrong : { "1111", "1234", "0000" }) {
            QTest::keyClicks(pin->pinEdit(), QString::fromLatin1(wrong));
            QTest::keyClick(pin->pinEdit(), Qt::Key_Return);
        }
        QVERIFY(pin->secondsToWait() > 0);
        shoot(
            pin, QStringLiteral("kiosk-pin-wait.png"), { labelShowing(pin, QStringLiteral("Try again in")) });
        pin->reject();
    }

    /// The kiosk's attach dialog: Pictures and the camera folder only; and a picture in the viewer.
    void kioskAttachAndView()
    {
        const QByteArray home = qgetenv("HOME");
        const auto restore = qScopeGuard([home] { qputenv("HOME", home); });
        const QString fakeHome = m_tmp.filePath(QStringLiteral("home"));
        qputenv("HOME", fakeHome.toLocal8Bit()); // Pictures: $HOME/Pictures, not the developer's
        const auto picture = [](const QString &path, const QColor &sky, const QString &text) {
            QDir().mkpath(QFileInfo(path).absolutePath());
            QImage img(1600, 1200, QImage::Format_RGB32);
            img.fill(sky);
            QPainter p(&img);
            p.setRenderHint(QPainter::Antialiasing);
            p.setBrush(QColor(70, 70, 78));
            p.drawRoundedRect(QRectF(450, 250, 700, 760), 40, 40); // a meter cabinet
            p.setBrush(QColor(230, 236, 220));
            p.drawRect(QRectF(560, 380, 480, 200));
            QFont f = p.font();
            f.setPixelSize(110);
            p.setFont(f);
            p.setPen(Qt::black);
            p.drawText(QRectF(560, 380, 480, 200), Qt::AlignCenter, text);
            return img.save(path, "JPG", 85);
        };
        QVERIFY(picture(fakeHome + QStringLiteral("/Pictures/meter-1043.jpg"), QColor(120, 160, 200),
            QStringLiteral("04711")));
        QVERIFY(picture(fakeHome + QStringLiteral("/Pictures/cabinet-door.jpg"), QColor(150, 170, 120),
            QStringLiteral("B-12")));
        const QString camera = m_tmp.filePath(QStringLiteral("camera/DCIM"));
        QVERIFY(picture(
            camera + QStringLiteral("/IMG_0001.jpg"), QColor(200, 160, 120), QStringLiteral("12.5 kW")));

        QSettings settings(m_tmp.filePath(QStringLiteral("config/attach.conf")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("attachments/cameraFolder"), camera);
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

        FileAccess access(settings);
        access.setKiosk(true);
        auto *dlg = new AttachFileDialog(access, &w);
        dlg->resize(w.size() * 0.8);
        dlg->open();
        QTRY_VERIFY(dlg->isVisible());
        auto *name = dlg->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        name->setText(QStringLiteral("/etc/passwd"));
        QTest::keyClick(name, Qt::Key_Return); // refused: the dialog stays and says why
        QVERIFY(!dlg->messageText().isEmpty());
        // The file system model lists Pictures on its own thread: waited for, not slept on.
        auto *files = dlg->findChild<QTreeView *>(QStringLiteral("treeView"));
        QVERIFY(files);
        QTRY_VERIFY(files->model()->rowCount(files->rootIndex()) > 0);
        shoot(dlg, QStringLiteral("kiosk-attach.png"), { name, labelShowing(dlg, dlg->messageText()) });
        dlg->reject();

        auto *viewer = new AttachmentViewer(&w);
        QVERIFY(viewer->load(fakeHome + QStringLiteral("/Pictures/meter-1043.jpg"), FileKind::Image));
        viewer->resize(w.size() * 0.95);
        viewer->open();
        QTRY_VERIFY(viewer->zoom() < 1.0); // fitted into the window
        shoot(viewer, QStringLiteral("kiosk-viewer.png"), { viewer->imageView() });
        viewer->reject();
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
