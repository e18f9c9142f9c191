// SPDX-License-Identifier: MIT
// The desktop app end to end, "all of it local": a real outpostd, the real store and keyring, real
// widgets. The office assigns alice a case with instructions, writes a note and attaches a 5 MB
// drawing; after alice's first sync the server is stopped, and the case screen shows the
// instructions, the office's note and the history, and opens the drawing from the device's copy.
#include "e2efixture.h"

using namespace outpost;
using namespace outpost::testing;
using namespace outpost::ui;

class TestUiE2eOffline : public QObject, protected E2eFixture
{
    Q_OBJECT
    QString m_caseId;
    QString m_drawingId;
    QByteArray m_drawing;

private Q_SLOTS:
    void initTestCase()
    {
        startEnv();
        auto office = carol();
        const HttpReply created = office->post(QStringLiteral("/api/v1/admin/cases"),
            QJsonObject { { QStringLiteral("caseType"), QStringLiteral("inspection") },
                { QStringLiteral("title"), QStringLiteral("Transformer check, north yard") },
                { QStringLiteral("fields"),
                    QJsonObject { { QStringLiteral("site"), QStringLiteral("S-101") },
                        { QStringLiteral("visitDate"), QStringLiteral("2026-12-10") } } },
                { QStringLiteral("assignee"), QStringLiteral("alice") },
                { QStringLiteral("instructions"),
                    QStringLiteral("Key box code 2231, report to the gatehouse.") },
                { QStringLiteral("dueAt"), QStringLiteral("2026-12-10T09:00:00Z") } });
        QVERIFY2(created.status == 201, qPrintable(created.describe()));
        m_caseId = created.json().value(QStringLiteral("id")).toString();
        QCOMPARE(officeAction(m_caseId,
                     { { "type", "note" },
                         { "text", QStringLiteral("The yard dog is friendly; the fence is live.") } }),
            QStringLiteral("applied"));
        m_drawing = QByteArray(5 * 1024 * 1024, Qt::Uninitialized);
        for (int i = 0; i < m_drawing.size(); ++i)
            m_drawing[i] = char((i * 7919) ^ (i >> 11));
        m_drawingId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const HttpReply put = office->send("PUT",
            QStringLiteral("/api/v1/attachments/%1?caseId=%2&name=yard-drawing.pdf")
                .arg(m_drawingId, m_caseId),
            m_drawing, "application/pdf");
        QVERIFY2(put.status == 201, qPrintable(put.describe()));
        signInAlice();
    }
    void cleanupTestCase() { stopEnv(); }

    void afterOneSyncEverythingOpensWithTheServerStopped()
    {
        // The first sync brought the case and its history, and fetched the drawing in the background.
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->store()->reads().attachmentCopy(m_drawingId).isEmpty(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->controller()->state() == sync::SyncState::Online, 30000);
        QCOMPARE(m_env.server->stop(), 0);

        m_env.window->openCase(m_caseId);
        CaseView *view = m_env.window->caseView();
        QCOMPARE(view->caseId(), m_caseId);
        auto *instructions = view->findChild<QLabel *>(QStringLiteral("caseInstructions"));
        QVERIFY(instructions);
        QTRY_VERIFY(instructions->isVisible());
        QVERIFY2(instructions->text().contains(QStringLiteral("Key box code 2231")),
            qPrintable(instructions->text()));

        CaseDetailsPane *details = view->details();
        NotesPanel *notes = details->notes();
        QAbstractItemModelTester tester(
            notes->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString note = QStringLiteral("The yard dog is friendly; the fence is live.");
        QTRY_VERIFY_WITH_TIMEOUT(rowShowing(notes->model(), note) >= 0, 10000);
        QVERIFY(!notes->model()
                     ->index(rowShowing(notes->model(), note), 0)
                     .data(NotesModel::PendingRole)
                     .toBool());
        QVERIFY2(anyRowShows(notes->model(), { QStringLiteral("carol") }), "the note names its author");

        HistoryView *history = details->history();
        QTRY_VERIFY_WITH_TIMEOUT(!history->isLoading() && history->model()->rowCount() >= 3, 10000);
        QVERIFY(anyRowShows(history->model(), { QStringLiteral("carol"), QStringLiteral("Note: ") + note }));
        QVERIFY2(!history->statusText().contains(QStringLiteral("offline"), Qt::CaseInsensitive),
            qPrintable(history->statusText()));

        // The drawing opens from the device's copy (the server is gone).
        AttachmentsPanel *files = details->attachments();
        QTRY_VERIFY(files->model()->rowOfKey(m_drawingId) >= 0);
        QSignalSpy ready(m_session->caseDetails(), &CaseDetailsHost::attachmentReady);
        QSignalSpy failed(m_session->caseDetails(), &CaseDetailsHost::attachmentFailed);
        m_session->caseDetails()->fetchAttachment(m_caseId, m_drawingId);
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 20000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(2).toString()));
        QCOMPARE(ready.first().at(1).toString(), m_drawingId);
        QCOMPARE(ready.first().at(3).toByteArray(), m_drawing);

        // For people walking the app: what the technician sees, offline.
        details->setCurrentIndex(CaseDetailsPane::NotesTab);
        m_env.window->grab().save(QStringLiteral("offline-case-notes.png"));
        details->setCurrentIndex(CaseDetailsPane::HistoryTab);
        m_env.window->grab().save(QStringLiteral("offline-case-history.png"));
    }
};

QTEST_MAIN(TestUiE2eOffline)
#include "tst_e2e_offline.moc"
