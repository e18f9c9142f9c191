// SPDX-License-Identifier: MIT
// A customer's signature end to end: a real outpostd (demo data, whose repair type's "Finish" needs
// the customer's signature), the real store, the real keyring, real widgets. alice cannot finish a
// repair without a signature (here and on the server); the customer signs on the pad with the mouse
// and a finger; the PNG goes up as an attachment of the case and the field holds its sha256; the
// captured signature is shown from the local copy. A client that does not declare signature
// support is told to update instead of being sent case types it cannot read.
#include "e2efixture.h"

#include "casespane.h"
#include "kioskcontroller.h"
#include "signatureeditor.h"
#include "signaturepad.h"
#include "storecasehost.h"
#include "syncissuedialog.h"

#include <QPointingDevice>
#include <QScrollArea>

using namespace outpost;
using namespace outpost::testing;
using namespace outpost::ui;

namespace {
const QString kField = QStringLiteral("customerSignature");

/// A few strokes with the mouse: press, moves, release, as a hand would.
void mouseStroke(QWidget *w, const QList<QPoint> &points)
{
    QTest::mousePress(w, Qt::LeftButton, {}, points.first());
    for (qsizetype i = 1; i < points.size(); ++i) {
        QMouseEvent move(QEvent::MouseMove, points.at(i), w->mapToGlobal(points.at(i)), Qt::NoButton,
            Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(w, &move);
    }
    QTest::mouseRelease(w, Qt::LeftButton, {}, points.last());
}

/// A stroke with a finger on a touch screen.
void touchStroke(QWidget *w, QPointingDevice *device, const QList<QPoint> &points)
{
    // A touch lands where the window shows the pad (unlike QTest's mouse events, which go to the
    // widget directly): scrolled into view first, as a technician would.
    for (QWidget *p = w->parentWidget(); p; p = p->parentWidget())
        if (auto *area = qobject_cast<QScrollArea *>(p)) {
            area->ensureWidgetVisible(w, 0, 0);
            break;
        }
    QVERIFY(w->visibleRegion().contains(points.first()));
    QVERIFY2(w->screen()->geometry().contains(w->mapToGlobal(points.first())), "the pad is off the screen");
    QTest::touchEvent(w, device).press(0, points.first(), w);
    for (qsizetype i = 1; i < points.size(); ++i)
        QTest::touchEvent(w, device).move(0, points.at(i), w);
    QTest::touchEvent(w, device).release(0, points.last(), w);
}
} // namespace

class TestUiE2eSignature : public QObject, protected E2eFixture
{
    Q_OBJECT

    /// A repair case of alice's that is not finished yet.
    QString pickRepair() const
    {
        StoreWorklistModel *m = m_session->worklistModel();
        for (int r = 0; r < m->rowCount(); ++r) {
            const QModelIndex i = m->index(r, 0);
            if (i.data(CaseTypeRole).toString() == QLatin1String("repair")
                && i.data(AssigneeRole).toString() == QLatin1String("alice")
                && i.data(StatusRole).toString() == QLatin1String("Diagnosed"))
                return i.data(CaseIdRole).toString();
        }
        return {};
    }

    /// Runs `action` of case `id` through the flow bar, with `fields` typed first.
    static void run(CaseView *view, const QString &action, const QJsonObject &fields = {})
    {
        if (!fields.isEmpty())
            view->form()->setEdits(fields);
        QPushButton *b = view->flowBar()->button(action);
        QVERIFY(b);
        QTRY_VERIFY(b->isEnabled());
        QTest::mouseClick(b, Qt::LeftButton);
        QVERIFY2(view->messageText().contains(QStringLiteral("sent with the next sync")),
            qPrintable(view->messageText()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        startEnv();
        signInAlice();
        m_env.window->resize(1280, 800);
    }
    void cleanupTestCase() { stopEnv(); }

    void oldClientIsToldToUpdate()
    {
        // A client from before signature fields would refuse the repair type as malformed and sync
        // nothing; it is told why instead.
        auto c = carol();
        c->setFeatures({});
        const HttpReply old = c->get(QStringLiteral("/api/v1/sync/changes?limit=10"));
        QCOMPARE(old.status, 409);
        QCOMPARE(old.errorCode(), QStringLiteral("client_too_old"));
        QVERIFY2(old.json()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString()
                     .contains(QStringLiteral("signature")),
            qPrintable(old.describe()));
        c->setFeatures("compression, signature");
        QCOMPARE(c->get(QStringLiteral("/api/v1/sync/changes?limit=10")).status, 200);
    }

    void finishNeedsTheSignatureHereAndOnTheServer()
    {
        m_id = pickRepair();
        QVERIFY(!m_id.isEmpty());
        m_env.window->openCase(m_id);
        CaseView *view = m_env.window->caseView();
        QCOMPARE(view->caseId(), m_id);
        run(view, QStringLiteral("startRepair"), { { "part", "P-0001" }, { "quantity", 2 } });
        Q_EMIT m_env.window->syncNowRequested();
        QTRY_COMPARE_WITH_TIMEOUT(pendingOf(m_id), 0, 30000);

        // Here: the button says what is missing, and the store refuses it too.
        QPushButton *finish = view->flowBar()->button(QStringLiteral("finish"));
        QTRY_VERIFY(!finish->isEnabled());
        QVERIFY2(
            finish->toolTip().contains(QStringLiteral("Customer signature")), qPrintable(finish->toolTip()));
        const Status local = m_session->store()->edits().runFlowAction(m_id, QStringLiteral("finish"));
        QCOMPARE(local.error().code, QStringLiteral("missing_fields"));
        QVERIFY(local.error().fields.contains(kField));
        // A signature value without its picture: refused here before anything is queued.
        const QString stray
            = QString::fromLatin1(QCryptographicHash::hash("x", QCryptographicHash::Sha256).toHex());
        const Status noPicture = m_session->store()->edits().updateFields(m_id, { { kField, stray } });
        QCOMPARE(noPicture.error().code, QStringLiteral("validation_failed"));
        QVERIFY(noPicture.error().fields.contains(kField));
        QCOMPARE(pendingOf(m_id), 0);

        // On the server: a client that skipped the check is refused as well, for both reasons.
        auto c = std::make_unique<HttpClient>(m_env.server->baseUrl());
        c->setToken(c->signIn(QStringLiteral("alice"), QStringLiteral("alice")));
        const HttpReply got = c->get(QStringLiteral("/api/v1/cases/") + m_id);
        const QString etag = got.json().value(QStringLiteral("etag")).toString();
        auto post = [&](const QJsonObject &fields, const QString &flowAction) {
            QJsonObject a { { "id", QUuid::createUuid().toString(QUuid::WithoutBraces) }, { "caseId", m_id },
                { "baseEtag", etag }, { "clientTime", QDateTime::currentDateTimeUtc().toString(Qt::ISODate) },
                { "type", flowAction.isEmpty() ? "update" : "transition" }, { "fields", fields } };
            if (!flowAction.isEmpty())
                a.insert(QStringLiteral("flowAction"), flowAction);
            const HttpReply r = c->post(QStringLiteral("/api/v1/sync/actions"),
                QJsonObject { { "deviceId", "raw" }, { "actions", QJsonArray { a } } });
            return r.json().value(QStringLiteral("results")).toArray().first().toObject();
        };
        const QJsonObject bare = post({}, QStringLiteral("finish"));
        QCOMPARE(bare.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QVERIFY(bare.value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("fields"))
                    .toObject()
                    .contains(kField));
        const QJsonObject unattached = post({ { kField, stray } }, QStringLiteral("finish"));
        QCOMPARE(unattached.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QVERIFY2(unattached.value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("fields"))
                     .toObject()
                     .value(kField)
                     .toString()
                     .contains(QStringLiteral("no attachment")),
            qPrintable(QJsonDocument(unattached).toJson()));
    }

    void signedWithMouseAndFingerReachesTheServer()
    {
        CaseView *view = m_env.window->caseView();
        QCOMPARE(view->caseId(), m_id);
        auto *editor = qobject_cast<SignatureEditor *>(view->form()->fieldEditor(kField));
        QVERIFY(editor);
        QVERIFY(editor->isSigning());
        SignaturePad *pad = editor->pad();
        QVERIFY(pad->isVisible());
        // Big enough to sign with a finger; buttons a finger can hit.
        QVERIFY2(pad->height() >= 160 && pad->width() >= 280,
            qPrintable(QStringLiteral("%1x%2").arg(pad->width()).arg(pad->height())));
        QVERIFY(editor->doneButton()->height() >= 44);
        QVERIFY(!editor->doneButton()->isEnabled()); // nothing drawn yet
        QCOMPARE(pad->accessibleName(), QStringLiteral("Customer signature"));

        // A first try with the mouse, cleared; then the mouse and a finger.
        mouseStroke(pad, { { 20, 100 }, { 60, 60 }, { 100, 120 } });
        QCOMPARE(pad->strokeCount(), 1);
        QTest::mouseClick(editor->clearButton(), Qt::LeftButton);
        QVERIFY(pad->isEmpty());
        mouseStroke(pad, { { 30, 110 }, { 60, 50 }, { 90, 120 }, { 130, 60 }, { 170, 115 } });
        std::unique_ptr<QPointingDevice> finger(QTest::createTouchDevice());
        touchStroke(pad, finger.get(), { { 190, 90 }, { 230, 70 }, { 270, 100 }, { 300, 80 } });
        QCOMPARE(pad->strokeCount(), 2);
        QVERIFY(editor->doneButton()->isEnabled());
        QTest::mouseClick(editor->doneButton(), Qt::LeftButton);

        // The captured signature is shown; the field holds its sha256; Finish may run now.
        QVERIFY(!editor->isSigning());
        QVERIFY(editor->imageLabel()->pixmap().width() > 0);
        const QByteArray png = editor->newPng();
        QVERIFY(png.startsWith("\x89PNG"));
        const QString sha
            = QString::fromLatin1(QCryptographicHash::hash(png, QCryptographicHash::Sha256).toHex());
        QCOMPARE(editor->value().toString(), sha);
        QVERIFY(view->form()->changedFields().contains(kField));
        QPushButton *finish = view->flowBar()->button(QStringLiteral("finish"));
        QTRY_VERIFY(finish->isEnabled());
        view->grab().save(QStringLiteral("signature-e2e.png"));

        // Finish: the field, the picture and the flow action queued in one go.
        QTest::mouseClick(finish, Qt::LeftButton);
        QVERIFY2(view->messageText().contains(QStringLiteral("sent with the next sync")),
            qPrintable(view->messageText()));
        const QList<client::AttachmentInfo> local = m_session->store()->reads().attachments(m_id);
        QCOMPARE(local.size(), 1);
        QCOMPARE(local.first().sha256, sha);
        QCOMPARE(local.first().mime, QStringLiteral("image/png"));
        QVERIFY(!local.first().uploaded);

        Q_EMIT m_env.window->syncNowRequested();
        QTRY_VERIFY_WITH_TIMEOUT(view->isGone(), 30000);
        QVERIFY2(
            view->messageText().contains(QStringLiteral("done and sent")), qPrintable(view->messageText()));

        // On the server: finished, the field names the picture, the picture is the drawing.
        auto c = carol();
        const HttpReply r = c->get(QStringLiteral("/api/v1/cases/") + m_id);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("Resolved-Fixed"));
        QCOMPARE(r.json().value(QStringLiteral("fields")).toObject().value(kField).toString(), sha);
        const QJsonArray atts = r.json().value(QStringLiteral("attachments")).toArray();
        QCOMPARE(atts.size(), 1);
        QCOMPARE(atts.first().toObject().value(QStringLiteral("sha256")).toString(), sha);
        const HttpReply bytes = c->get(QStringLiteral("/api/v1/attachments/")
            + atts.first().toObject().value(QStringLiteral("id")).toString());
        QCOMPARE(bytes.status, 200);
        QCOMPARE(bytes.body, png);
    }

    void newCaseSignedBeforeItsFirstSync()
    {
        // A case created here is signed before it ever reached the server: its picture can only go
        // up once the case has its server id, and the signature waits for it, all in one sync.
        Result<QString> tmp = m_session->caseHost()->createCase(QStringLiteral("repair"),
            { { "site", "S-001" }, { "reportedAt", "2026-12-01T08:00:00Z" }, { "fault", "electrical" } });
        QVERIFY2(tmp.ok(), qPrintable(tmp.error().toString()));
        m_env.window->openCase(tmp.value());
        CaseView *view = m_env.window->caseView();
        QCOMPARE(view->caseId(), tmp.value());
        auto *editor = qobject_cast<SignatureEditor *>(view->form()->fieldEditor(kField));
        QVERIFY(editor);
        QVERIFY(editor->pad()->isEnabled());
        mouseStroke(editor->pad(), { { 30, 110 }, { 80, 40 }, { 120, 120 }, { 200, 60 } });
        QTest::mouseClick(editor->doneButton(), Qt::LeftButton);
        const QString sha = editor->value().toString();
        QTest::mouseClick(view->saveButton(), Qt::LeftButton);
        QVERIFY2(!view->form()->isDirty(), qPrintable(view->messageText()));
        // Two actions (the create and the signature), the second waiting for its picture.
        QList<client::OutboxEntry> outbox = m_session->store()->reads().outbox();
        QCOMPARE(outbox.size(), 2);
        QCOMPARE(outbox.at(1).blockedBy, QStringLiteral("attachment"));

        Q_EMIT m_env.window->syncNowRequested();
        QTRY_VERIFY_WITH_TIMEOUT(!view->caseId().startsWith(QLatin1String("tmp-")), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->store()->reads().pendingCount(), 0, 30000);
        QVERIFY(m_session->store()->reads().syncIssues().isEmpty());
        const QString id = view->caseId();
        auto c = carol();
        const HttpReply r = c->get(QStringLiteral("/api/v1/cases/") + id);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("fields")).toObject().value(kField).toString(), sha);
        QCOMPARE(r.json()
                     .value(QStringLiteral("attachments"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("sha256"))
                     .toString(),
            sha);
        // Shown again from the local copy when the case is opened anew.
        m_env.window->openCase(id);
        editor = qobject_cast<SignatureEditor *>(m_env.window->caseView()->form()->fieldEditor(kField));
        QVERIFY(!editor->isSigning());
        QVERIFY(editor->imageLabel()->pixmap().width() > 0);
        QVERIFY(editor->signAgainButton()->isVisible());
        m_env.window->grab().save(QStringLiteral("signature-desk.png"));

        // In kiosk mode on a portrait tablet the same: every button a finger can hit.
        KioskController::applyTouchStyle(); // as `outpost --kiosk` does
        m_env.window->setKioskMode(true);
        m_env.window->resize(800, 1280);
        auto *pane = m_env.window->findChild<CasesPane *>();
        QVERIFY(pane);
        QTRY_VERIFY(pane->isTablet());
        m_env.window->openCase(id);
        QTRY_VERIFY(m_env.window->caseView()->isVisible());
        editor = qobject_cast<SignatureEditor *>(m_env.window->caseView()->form()->fieldEditor(kField));
        QTest::mouseClick(editor->signAgainButton(), Qt::LeftButton);
        QVERIFY(editor->isSigning());
        std::unique_ptr<QPointingDevice> finger(QTest::createTouchDevice());
        touchStroke(editor->pad(), finger.get(), { { 40, 120 }, { 120, 40 }, { 200, 130 }, { 320, 60 } });
        QCOMPARE(editor->pad()->strokeCount(), 1);
        QVERIFY2(editor->pad()->width() >= 300, qPrintable(QString::number(editor->pad()->width())));
        for (QPushButton *b : { editor->clearButton(), editor->doneButton() })
            QVERIFY2(b->height() >= 44, qPrintable(b->objectName()));
        m_env.window->grab().save(QStringLiteral("signature-tablet.png"));
        QTest::mouseClick(editor->cancelButton(), Qt::LeftButton);
        QVERIFY(!editor->isSigning());
        QVERIFY(!m_env.window->caseView()->form()->isDirty());
    }

    void refusedCompleteSignedInEditAndRetry()
    {
        // An inspection of alice's in progress (started now if need be).
        const auto inspectionIn = [this](const QString &status) {
            StoreWorklistModel *m = m_session->worklistModel();
            for (int r = 0; r < m->rowCount(); ++r) {
                const QModelIndex i = m->index(r, 0);
                if (i.data(CaseTypeRole).toString() == QLatin1String("inspection")
                    && i.data(AssigneeRole).toString() == QLatin1String("alice")
                    && i.data(StatusRole).toString() == status)
                    return i.data(CaseIdRole).toString();
            }
            return QString();
        };
        const auto etagOf
            = [this](const QString &id) { return m_session->store()->reads().caseById(id)->record.etag; };
        QString id = inspectionIn(QStringLiteral("InProgress"));
        if (id.isEmpty()) {
            id = inspectionIn(QStringLiteral("New"));
            QVERIFY(!id.isEmpty());
            QVERIFY(m_session->caseHost()->runFlowAction(id, etagOf(id), QStringLiteral("start"), {}).ok());
            Q_EMIT m_env.window->syncNowRequested();
            QTRY_COMPARE_WITH_TIMEOUT(pendingOf(id), 0, 30000);
        }

        // The office: "Complete" now needs the customer's signature (a new field).
        std::optional<CaseType> type = m_session->store()->reads().caseType(QStringLiteral("inspection"));
        QVERIFY(type);
        CaseType v2 = *type;
        v2.version = type->version + 1;
        FieldDef signature;
        signature.name = kField;
        signature.label = QStringLiteral("Customer signature");
        signature.type = FieldType::Signature;
        v2.fields.append(signature);
        for (FlowAction &a : v2.flowActions)
            if (a.name == QLatin1String("complete"))
                a.requiredFields << kField;
        auto office = carol();
        const HttpReply published
            = office->put(QStringLiteral("/api/v1/admin/case-types/inspection"), v2.toJson());
        QVERIFY2(published.status == 200, qPrintable(published.describe()));

        // alice completes with the rules she has; the server refuses it; the new rules arrive.
        QJsonObject fields { { QStringLiteral("passed"), true } };
        if (!m_session->store()
                 ->reads()
                 .caseById(id)
                 ->record.fields.value(QStringLiteral("readingKw"))
                 .isDouble())
            fields.insert(QStringLiteral("readingKw"), 42);
        QVERIFY(
            m_session->caseHost()->runFlowAction(id, etagOf(id), QStringLiteral("complete"), fields).ok());
        Q_EMIT m_env.window->syncNowRequested();
        QTRY_COMPARE_WITH_TIMEOUT(m_session->store()->reads().syncIssues().size(), 1, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_session->store()->reads().caseType(QStringLiteral("inspection"))->version, v2.version, 30000);
        const client::SyncIssue issue = m_session->store()->reads().syncIssues().first();
        QCOMPARE(issue.caseId, id);
        QVERIFY2(issue.error.fields.contains(kField), qPrintable(issue.error.toString()));

        // Edit and retry: the customer signs in the dialog.
        m_env.window->tabs()->setCurrentIndex(MainWindow::SyncIssuesTab);
        QListView *list = m_env.window->listView(MainWindow::SyncIssuesTab);
        QTRY_COMPARE(list->model()->rowCount(), 1);
        list->setCurrentIndex(list->model()->index(0, 0));
        QAction *edit = nullptr;
        for (QAction *a : list->actions())
            if (a->objectName() == QLatin1String("issueEditRetry"))
                edit = a;
        QVERIFY(edit && edit->isEnabled());
        edit->trigger();
        SyncIssueDialog *dlg = m_env.window->findChild<SyncIssueDialog *>();
        QVERIFY(dlg);
        QVERIFY(QTest::qWaitForWindowExposed(dlg));
        auto *editor = qobject_cast<SignatureEditor *>(dlg->form()->fieldEditor(kField));
        QVERIFY(editor);
        QVERIFY(editor->isSigning());
        QVERIFY(editor->pad()->isEnabled());
        QVERIFY(!dlg->retryButton()->isEnabled());
        mouseStroke(editor->pad(), { { 30, 110 }, { 70, 40 }, { 110, 120 }, { 180, 60 }, { 240, 100 } });
        QTest::mouseClick(editor->doneButton(), Qt::LeftButton);
        const QByteArray png = editor->newPng();
        QVERIFY(png.startsWith("\x89PNG"));
        const QString sha
            = QString::fromLatin1(QCryptographicHash::hash(png, QCryptographicHash::Sha256).toHex());
        QCOMPARE(editor->value().toString(), sha);
        QTRY_VERIFY(dlg->retryButton()->isEnabled());
        dlg->grab().save(QStringLiteral("signature-retry.png"));
        QTest::mouseClick(dlg->retryButton(), Qt::LeftButton);
        QTRY_VERIFY(!m_env.window->findChild<SyncIssueDialog *>());

        // In the store: the flow action queued again with the signature, the picture staged with it.
        QVERIFY(m_session->store()->reads().syncIssues().isEmpty());
        const QList<client::QueuedAction> queued = m_session->store()->reads().queuedActions(id);
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.first().action.type, ActionType::Transition);
        QCOMPARE(queued.first().action.flowAction, QStringLiteral("complete"));
        QCOMPARE(queued.first().action.fields.value(kField).toString(), sha);
        const QList<client::AttachmentInfo> staged = m_session->store()->reads().attachments(id);
        QCOMPARE(staged.size(), 1);
        QCOMPARE(staged.first().sha256, sha);
        QCOMPARE(staged.first().mime, QStringLiteral("image/png"));
        QVERIFY(!staged.first().uploaded);

        // Sent: both once (the completed case then leaves the device).
        Q_EMIT m_env.window->syncNowRequested();
        QTRY_COMPARE_WITH_TIMEOUT(m_session->store()->reads().pendingCount(), 0, 30000);
        QVERIFY(m_session->store()->reads().syncIssues().isEmpty());
        const HttpReply r = office->get(QStringLiteral("/api/v1/cases/") + id);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("Resolved-Completed"));
        QCOMPARE(r.json().value(QStringLiteral("fields")).toObject().value(kField).toString(), sha);
        int pictures = 0;
        for (const QJsonValue &a : r.json().value(QStringLiteral("attachments")).toArray())
            if (a.toObject().value(QStringLiteral("sha256")).toString() == sha)
                ++pictures;
        QCOMPARE(pictures, 1);
    }

private:
    QString m_id;
};

QTEST_MAIN(TestUiE2eSignature)
#include "tst_e2e_signature.moc"
