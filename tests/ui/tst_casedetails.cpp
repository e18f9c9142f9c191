// SPDX-License-Identifier: MIT
// Notes, attachments and history of an open case on a real store (no server: the network parts
// are tried against a closed loopback port). QAbstractItemModelTester on the three models.
#include "attachmentsmodel.h"
#include "attachmentspanel.h"
#include "casedetailspane.h"
#include "caseview.h"
#include "historymodel.h"
#include "historyview.h"
#include "notesmodel.h"
#include "notespanel.h"
#include "storecasedetails.h"
#include "storecasehost.h"
#include "storetestutil.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QFileDialog>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace outpost;
using namespace outpost::client;
using namespace outpost::ui;
using namespace storetest;

class TestCaseDetails : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<StoreCaseHost> m_host;
    std::unique_ptr<StoreCaseDetails> m_details;
    std::unique_ptr<CaseView> m_view;

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir->filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return path;
    }

    static QByteArray sha256(const QByteArray &b)
    {
        return QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex();
    }

    static quint16 closedPort()
    {
        QTcpServer s;
        if (!s.listen(QHostAddress::LocalHost))
            return 9;
        const quint16 port = s.serverPort();
        s.close();
        return port;
    }

    CaseDetailsPane *pane() const { return m_view->details(); }

private Q_SLOTS:
    void initTestCase()
    {
        initResources();
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = openStore(m_dir->filePath(QStringLiteral("alice@127.0.0.1_8470.sqlite")));
        QVERIFY(m_store);
        seed(*m_store);
        m_host = std::make_unique<StoreCaseHost>(m_store.get());
        m_details = std::make_unique<StoreCaseDetails>(m_store.get(), QStringLiteral("alice"));
        // A server nobody listens on: every request fails as "unreachable".
        m_details->setServer(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort())));
        m_details->setToken(QStringLiteral("token"));
        m_view = std::make_unique<CaseView>(m_host.get());
        m_view->setDetailsHost(m_details.get());
        m_view->resize(900, 900);
        m_view->show();
        m_view->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_view.get())); // shortcuts need the active window
    }

    void cleanup()
    {
        m_view.reset();
        m_details.reset();
        m_host.reset();
        m_store.reset();
        m_dir.reset();
    }

    void notesModelReportsExactRows()
    {
        NotesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime at = QDateTime::fromString(QStringLiteral("2026-11-30T09:00:00Z"), Qt::ISODate);
        const CaseNote server { QStringLiteral("s1"), at, QStringLiteral("bob"),
            QStringLiteral("gate locked"), false, {} };
        const CaseNote mine { QStringLiteral("a1"), at, QStringLiteral("alice"),
            QStringLiteral("key at desk"), true, {} };
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setNotes({ server }, {});
        model.setNotes({ server }, { mine });
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(inserted.last().at(1).toInt(), 1);
        QVERIFY(model.index(1, 0).data(NotesModel::PendingRole).toBool());
        QVERIFY(!model.index(0, 0).data(NotesModel::PendingRole).toBool());
        QVERIFY(model.index(1, 0).data().toString().contains(QStringLiteral("key at desk")));
        QVERIFY(model.index(1, 0).data().toString().contains(QStringLiteral("pending")));
        // Sent: the queued note goes, the server's copy arrives after the first.
        CaseNote sent = mine;
        sent.key = QStringLiteral("s2");
        sent.pending = false;
        model.setNotes({ server, sent }, {});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(reset.size(), 0);
        QVERIFY(!model.index(1, 0).data(NotesModel::PendingRole).toBool());
    }

    void attachmentsModelReportsStateChanges()
    {
        AttachmentsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        CaseAttachment a { QStringLiteral("u1"), QStringLiteral("meter.jpg"), QStringLiteral("image/jpeg"),
            2048, {}, CaseAttachment::State::Pending };
        model.setAttachments({ a });
        QVERIFY(model.index(0, 0).data().toString().contains(QStringLiteral("meter.jpg")));
        QVERIFY(model.index(0, 0).data().toString().contains(AttachmentsModel::stateText(a.state)));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        a.state = CaseAttachment::State::Uploaded;
        model.setAttachments({ a });
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(0, 0).data(AttachmentsModel::StateRole).toInt(),
            int(CaseAttachment::State::Uploaded));
        model.setAttachments({});
        QCOMPARE(model.rowCount(), 0);
    }

    void historyModelShowsNewestFirstInPlainWords()
    {
        HistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const CaseType type = CaseType::fromJson(inspectionType()).value();
        const QDateTime t1 = QDateTime::fromString(QStringLiteral("2026-11-30T09:00:00Z"), Qt::ISODate);
        QList<CaseHistoryEntry> entries {
            { t1, QStringLiteral("bob"), QStringLiteral("update"),
                QJsonObject { { "readingKw", QJsonArray { 12, 15 } } }, {} },
        };
        model.setEntries(entries, &type, nullptr);
        QCOMPARE(model.rowCount(), 1);
        const QString text = model.index(0, 0).data().toString();
        QVERIFY2(text.contains(QStringLiteral("bob")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Meter reading (kW): 12 → 15")), qPrintable(text));

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        entries.append({ t1.addSecs(60), QStringLiteral("alice"), QStringLiteral("note"), {},
            QStringLiteral("Gate locked") });
        entries.append({ t1.addSecs(120), QStringLiteral("alice"), QStringLiteral("attach"),
            QJsonObject { { "attachments",
                QJsonArray { QJsonValue(),
                    QJsonObject { { "id", "u1" }, { "name", "meter.jpg" }, { "size", 2048 } } } } },
            {} });
        entries.append({ t1.addSecs(180), QStringLiteral("alice"), QStringLiteral("transition:start"),
            QJsonObject { { "status", QJsonArray { "New", "InProgress" } } }, {} });
        model.setEntries(entries, &type, nullptr);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(inserted.size(), 3); // the old row stays; the new ones come on top
        QVERIFY(model.index(3, 0).data().toString().contains(QStringLiteral("12 → 15")));
        QVERIFY(model.index(2, 0).data().toString().contains(QStringLiteral("Note: Gate locked")));
        QVERIFY(model.index(1, 0).data().toString().contains(QStringLiteral("Attached meter.jpg")));
        const QString flow = model.index(0, 0).data().toString();
        QVERIFY2(
            flow.contains(QStringLiteral("Start work")) && flow.contains(QStringLiteral("New → In progress")),
            qPrintable(flow));
    }

    void noteIsQueuedAndShownPendingAtOnce()
    {
        QVERIFY(m_view->openCase(QStringLiteral("C-1")));
        QVERIFY(pane()->isVisible());
        NotesPanel *notes = pane()->notes();
        QAbstractItemModelTester tester(
            notes->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(notes->model()->rowCount(), 0);
        QVERIFY(!notes->addButton()->isEnabled()); // nothing typed

        pane()->setCurrentIndex(CaseDetailsPane::NotesTab);
        notes->editor()->setFocus();
        QTest::keyClicks(notes->editor(), QStringLiteral("Gate was locked, key at the desk"));
        QVERIFY(notes->addButton()->isEnabled());
        QTest::keyClick(notes->editor(), Qt::Key_Return, Qt::ControlModifier); // Ctrl+Enter adds
        QCOMPARE(notes->model()->rowCount(), 1);
        QVERIFY(notes->model()->index(0, 0).data(NotesModel::PendingRole).toBool());
        QVERIFY(notes->editor()->toPlainText().isEmpty());
        const QList<QueuedAction> queued = m_store->reads().queuedActions(QStringLiteral("C-1"));
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.first().action.type, ActionType::Note);
        QCOMPARE(queued.first().action.text, QStringLiteral("Gate was locked, key at the desk"));
        QVERIFY(pane()->tabText(CaseDetailsPane::NotesTab).contains(QStringLiteral("(1)")));

        // Only spaces, or too long: a clear message, nothing queued, the text kept.
        notes->editor()->setPlainText(QStringLiteral("   "));
        QVERIFY(!notes->addNote());
        QVERIFY(!notes->messageText().isEmpty());
        notes->editor()->setPlainText(QString(10001, QLatin1Char('x')));
        QVERIFY(!notes->addNote());
        QVERIFY(notes->messageText().contains(QStringLiteral("10000")));
        QCOMPARE(notes->editor()->toPlainText().size(), 10001);
        QCOMPARE(m_store->reads().pendingCount(), 1);
        QCOMPARE(notes->model()->rowCount(), 1);
    }

    void attachedFileIsCopiedAndOpensFromACopy()
    {
        QVERIFY(m_view->openCase(QStringLiteral("C-2")));
        AttachmentsPanel *panel = pane()->attachments();
        QAbstractItemModelTester tester(
            panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QByteArray bytes(3 * 1024 * 1024, Qt::Uninitialized);
        for (int i = 0; i < bytes.size(); ++i)
            bytes[i] = char((i * 7919) >> 3);
        const QString path = writeFile(QStringLiteral("meter photo.jpg"), bytes);
        QVERIFY(!path.isEmpty());

        // "Add…" opens a file dialog that does not block; choosing the file attaches it.
        pane()->setCurrentIndex(CaseDetailsPane::AttachmentsTab);
        QVERIFY(panel->addButton()->isEnabled());
        QSignalSpy added(m_details.get(), &CaseDetailsHost::attachmentAdded);
        QTest::mouseClick(panel->addButton(), Qt::LeftButton);
        auto *dlg = panel->findChild<QFileDialog *>(QStringLiteral("attachFileDialog"));
        QVERIFY(dlg);
        QTRY_VERIFY(dlg->isVisible());
        dlg->setDirectory(m_dir->path());
        dlg->selectFile(path);
        static_cast<QDialog *>(dlg)->accept(); // QFileDialog::accept, as the Open button does
        QVERIFY(panel->isBusy()); // copying on the worker thread
        QVERIFY(added.wait(10000) || !added.isEmpty());
        QTRY_COMPARE(panel->model()->rowCount(), 1);
        QCOMPARE(panel->model()->index(0, 0).data(AttachmentsModel::StateRole).toInt(),
            int(CaseAttachment::State::Pending));
        QVERIFY(panel->model()->index(0, 0).data().toString().contains(QStringLiteral("meter photo.jpg")));

        const QList<AttachmentInfo> stored = m_store->reads().attachments(QStringLiteral("C-2"));
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().sha256.toLatin1(), sha256(bytes));
        QCOMPARE(stored.first().size, qint64(bytes.size()));
        QVERIFY(stored.first().localPath.startsWith(m_store->attachmentsDir()));

        // Open: a copy with the file's own name (the queued upload is never touched by an app).
        QString openedPath;
        panel->setOpener([&openedPath](const QString &p) {
            openedPath = p;
            return true;
        });
        QSignalSpy opened(panel, &AttachmentsPanel::opened);
        panel->list()->setCurrentIndex(panel->model()->index(0, 0));
        QTest::mouseClick(panel->openButton(), Qt::LeftButton);
        QVERIFY(opened.wait(10000) || !opened.isEmpty());
        // Another application needs a plain file: it gets one in the user's runtime folder, never
        // in the profile, whose cache keeps only the sealed copy.
        QVERIFY2(openedPath.startsWith(AttachmentsPanel::openedCopiesDir()), qPrintable(openedPath));
        QVERIFY(openedPath.endsWith(QStringLiteral("/meter photo.jpg")));
        QFile copy(openedPath);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(sha256(copy.readAll()), sha256(bytes));
        QDirIterator cached(m_details->cacheDir(), QDir::Files, QDirIterator::Subdirectories);
        QVERIFY(cached.hasNext());
        while (cached.hasNext()) {
            QFile sealed(cached.next());
            QVERIFY(sealed.open(QIODevice::ReadOnly));
            QVERIFY(!sealed.readAll().contains(bytes.left(64)));
        }

        // A file that is not there: a message, nothing recorded.
        QSignalSpy failed(m_details.get(), &CaseDetailsHost::attachmentFailed);
        panel->addFiles({ m_dir->filePath(QStringLiteral("gone.jpg")) });
        QVERIFY(failed.wait(10000) || !failed.isEmpty());
        QVERIFY(panel->messageText().contains(QStringLiteral("Not attached")));
        QCOMPARE(m_store->reads().attachments(QStringLiteral("C-2")).size(), 1);
        QVERIFY(!m_view->findChild<QMessageBox *>());
    }

    void historyAndNotesFromTheStoreWithTheServerUnreachable()
    {
        // The feed brought two entries of C-3 (a note of the office's among them); nobody listens
        // on the server's port: the history and the note show all the same, without a request.
        const auto entry
            = [](const QString &id, const QString &at, const QString &action, const QString &text) {
                  QJsonObject data { { "id", id }, { "caseId", "C-3" }, { "at", at }, { "by", "carol" },
                      { "deviceId", QJsonValue() }, { "clientTime", QJsonValue() }, { "action", action },
                      { "changes", QJsonObject() } };
                  if (!text.isEmpty())
                      data.insert(QStringLiteral("text"), text);
                  return upsert("history", id, data);
              };
        QVERIFY(m_store->pages()
                    .applyPage(page({ entry("h1", "2026-12-01T08:00:00.000Z", "create", {}),
                                        entry("h2", "2026-12-01T09:00:00.000Z", "note", "Gate code 4711") },
                                   "t2"),
                        false)
                    .ok());
        QVERIFY(m_view->openCase(QStringLiteral("C-3")));
        HistoryView *history = pane()->history();
        QTRY_VERIFY_WITH_TIMEOUT(!history->isLoading() && history->model()->rowCount() == 2, 5000);
        QVERIFY2(history->statusText().isEmpty(), qPrintable(history->statusText()));
        QVERIFY(history->model()->index(0, 0).data().toString().contains(QStringLiteral("Gate code 4711")));
        QVERIFY(!m_view->findChild<QMessageBox *>());
        const auto noteShown = [this] {
            const QAbstractItemModel *m = pane()->notes()->model();
            for (int r = 0; r < m->rowCount(); ++r)
                if (m->index(r, 0).data().toString().contains(QStringLiteral("Gate code 4711")))
                    return true;
            return false;
        };
        QTRY_VERIFY(noteShown());

        // Offline as the engine says: the same, read from the store.
        m_details->setOnline(false);
        history->refresh();
        QTRY_VERIFY(!history->isLoading());
        QCOMPARE(history->model()->rowCount(), 2);

        // A case without history on the device says so.
        QVERIFY(m_view->openCase(QStringLiteral("C-1")));
        QTRY_VERIFY(!history->isLoading());
        QVERIFY2(
            history->statusText().contains(QStringLiteral("No history")), qPrintable(history->statusText()));

        // A case created here and not sent: nothing to ask the server.
        const Result<QString> id = m_store->edits().createCase(QStringLiteral("inspection"), baseFields());
        QVERIFY(id.ok());
        QVERIFY(m_view->openCase(id.value()));
        QVERIFY(!history->isLoading());
        QVERIFY2(history->statusText().contains(QStringLiteral("not on the server yet")),
            qPrintable(history->statusText()));
        QVERIFY(!history->refreshButton()->isEnabled());
    }

    void openedCopiesNotUsedForAMonthAreRemoved()
    {
        const QString cache = m_details->cacheDir();
        const auto put = [&cache](const QString &id, int ageDays) {
            QDir().mkpath(cache + QLatin1Char('/') + id);
            QFile f(cache + QLatin1Char('/') + id + QStringLiteral("/photo.jpg"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("jpeg");
            QVERIFY(f.flush()); // written before the time is set
            QVERIFY(f.setFileTime(
                QDateTime::currentDateTimeUtc().addDays(-ageDays), QFileDevice::FileModificationTime));
        };
        put(QStringLiteral("old"), 40);
        put(QStringLiteral("recent"), 3);
        // The next session's start prunes the cache (on its worker thread).
        m_view->setDetailsHost(nullptr);
        m_details = std::make_unique<StoreCaseDetails>(m_store.get(), QStringLiteral("alice"));
        QTRY_VERIFY(!QFileInfo::exists(cache + QStringLiteral("/old")));
        QVERIFY(QFileInfo::exists(cache + QStringLiteral("/recent/photo.jpg")));
    }

    void prefetchedCopiesOfCasesOnTheDeviceStay()
    {
        // C-1 lists two attachments of 100 bytes; the budget keeps one (the newest, as the prefetch
        // fetches them). All copies were prefetched 40 days ago; an orphan of the same age is a copy
        // of an attachment no case on the device lists any more.
        const QString drawing = QStringLiteral("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f1");
        const QString manual = QStringLiteral("1a2b3c4d-5e6f-4071-8293-a4b5c6d7e8f9");
        const QString orphan = QStringLiteral("2b3c4d5e-6f70-4182-93a4-b5c6d7e8f9a0");
        QJsonObject c1 = caseJson(QStringLiteral("C-1"), 2, baseFields());
        const auto ref = [](const QString &id, const QString &name) {
            return QJsonObject { { "id", id }, { "name", name }, { "mime", "application/pdf" },
                { "size", 100 }, { "sha256", QString(64, QLatin1Char('a')) } };
        };
        c1.insert(QStringLiteral("attachments"),
            QJsonArray {
                ref(manual, QStringLiteral("manual.pdf")), ref(drawing, QStringLiteral("drawing.pdf")) });
        const auto applied = m_store->pages().applyPage(page({ upsert("case", "C-1", c1) }, "t2"), false);
        QVERIFY2(applied.ok(), qPrintable(applied.error().toString()));

        const QString cache = m_details->cacheDir();
        const auto put = [&cache](const QString &id, const QString &name, int ageDays) {
            QDir().mkpath(cache + QLatin1Char('/') + id);
            QFile f(cache + QLatin1Char('/') + id + QLatin1Char('/') + name);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(100, 'p'));
            QVERIFY(f.flush());
            QVERIFY(f.setFileTime(
                QDateTime::currentDateTimeUtc().addDays(-ageDays), QFileDevice::FileModificationTime));
        };
        put(drawing, QStringLiteral("drawing.pdf"), 40);
        put(manual, QStringLiteral("manual.pdf"), 40);
        put(orphan, QStringLiteral("old.pdf"), 40);
        QCOMPARE(m_store->reads().attachmentCopy(drawing),
            QString(cache + QLatin1Char('/') + drawing + QStringLiteral("/drawing.pdf")));

        // The next session's start prunes the cache, with a budget of 150 bytes.
        m_view->setDetailsHost(nullptr);
        m_details = std::make_unique<StoreCaseDetails>(m_store.get(), QStringLiteral("alice"), nullptr, 150);
        QTRY_VERIFY(!QFileInfo::exists(cache + QLatin1Char('/') + orphan));
        QTRY_VERIFY(!QFileInfo::exists(cache + QLatin1Char('/') + manual)); // beyond the budget
        QVERIFY(QFileInfo::exists(cache + QLatin1Char('/') + drawing + QStringLiteral("/drawing.pdf")));
        // Still on the device for the prefetch and the ready check: nothing to fetch again.
        QVERIFY(!m_store->reads().attachmentCopy(drawing).isEmpty());
        const PrefetchPlan plan = m_store->reads().prefetchPlan(150);
        QCOMPARE(plan.onDevice, 1);
        QCOMPARE(plan.toFetch.size(), 0);
        QCOMPARE(plan.overBudget, 1);
    }

    void keyboardReachesEveryPart()
    {
        QVERIFY(m_view->openCase(QStringLiteral("C-1")));
        const QList<QWidget *> chain = pane()->focusWidgets();
        QVERIFY(chain.contains(pane()->notes()->editor()));
        QVERIFY(chain.contains(pane()->attachments()->openButton()));
        QVERIFY(chain.contains(pane()->history()->refreshButton()));
        for (QWidget *w : chain)
            QVERIFY2(w->focusPolicy() & Qt::TabFocus, qPrintable(w->objectName()));
        QVERIFY(!pane()->notes()->list()->accessibleName().isEmpty());
        QVERIFY(!pane()->attachments()->list()->accessibleName().isEmpty());
        QVERIFY(!pane()->history()->list()->accessibleName().isEmpty());
    }
};

QTEST_MAIN(TestCaseDetails)
#include "tst_casedetails.moc"
