// SPDX-License-Identifier: MIT
// The Sync issues tab against a real outpostd: the office tightens the rules while a technician
// works with the older ones, the server refuses her changes, she corrects them in the "Edit and
// retry" form (the server's messages at the fields), and they are applied exactly once. A change to
// a case the server no longer takes offers only Discard.
#include "appsession.h"
#include "caseform.h"
#include "httpclient.h"
#include "localstore.h"
#include "mainwindow.h"
#include "outpostdprocess.h"
#include "queueactions.h"
#include "signindialog.h"
#include "storecasehost.h"
#include "storelistmodels.h"
#include "synccontroller.h"
#include "syncissuedialog.h"
#include "testdatabase.h"
#include "translations.h"
#include "uiserverenv.h"
#include "worklistmodel.h"
#include "worklistroles.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace outpost;
using namespace outpost::testing;
using namespace outpost::ui;

class TestUiSyncIssues : public QObject
{
    Q_OBJECT

    UiServerEnv m_env;
    std::unique_ptr<AppSession> m_session;
    std::unique_ptr<HttpClient> m_office;
    QString m_tooHigh; // update refused: a reading above the new maximum
    QString m_complete; // transition refused: "Complete" now needs a summary
    int m_typeVersion = 0;

    /// Open inspection cases of alice's, in `status` (any open status when empty).
    QStringList casesOf(const QString &status = {}) const
    {
        QStringList out;
        StoreWorklistModel *m = m_session->worklistModel();
        for (int r = 0; r < m->rowCount(); ++r) {
            const QModelIndex i = m->index(r, 0);
            const QString s = i.data(StatusRole).toString();
            if (i.data(CaseTypeRole).toString() == QLatin1String("inspection")
                && i.data(AssigneeRole).toString() == QLatin1String("alice")
                && (status.isEmpty() ? !s.startsWith(QLatin1String("Resolved")) : s == status))
                out << i.data(CaseIdRole).toString();
        }
        return out;
    }

    QString etagOf(const QString &id) const { return m_session->store()->reads().caseById(id)->record.etag; }

    void syncAndWait()
    {
        QSignalSpy cycle(m_session->controller(), &sync::SyncController::cycleFinished);
        Q_EMIT m_env.window->syncNowRequested();
        QVERIFY(cycle.wait(30000));
    }

    QListView *issuesList() const { return m_env.window->listView(MainWindow::SyncIssuesTab); }

    QAction *issueAction(const char *name) const
    {
        for (QAction *a : issuesList()->actions())
            if (a->objectName() == QLatin1String(name))
                return a;
        return nullptr;
    }

    /// Selects the issue of `caseId` on the Sync issues tab; its SyncIssue.
    client::SyncIssue selectIssueOf(const QString &caseId)
    {
        m_env.window->tabs()->setCurrentIndex(MainWindow::SyncIssuesTab);
        QAbstractItemModel *m = issuesList()->model();
        for (int r = 0; r < m->rowCount(); ++r) {
            const auto issue = m->index(r, 0).data(KeyedListModel::ValueRole).value<client::SyncIssue>();
            if (issue.caseId == caseId) {
                issuesList()->setCurrentIndex(m->index(r, 0));
                return issue;
            }
        }
        return {};
    }

    SyncIssueDialog *openEditor()
    {
        QAction *edit = issueAction("issueEditRetry");
        if (!edit || !edit->isEnabled())
            return nullptr;
        edit->trigger();
        auto *dlg = m_env.window->findChild<SyncIssueDialog *>();
        return dlg && QTest::qWaitFor([dlg] { return dlg->isVisible(); }) ? dlg : nullptr;
    }

    static void typeInto(QWidget *editor, const QString &text)
    {
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(editor, text);
    }

    /// The case's history entries on the server that set `field` to `value`.
    int historyEntriesSetting(const QString &caseId, const QString &field, const QJsonValue &value)
    {
        const HttpReply h = m_office->get(QStringLiteral("/api/v1/cases/%1/history").arg(caseId));
        if (h.status != 200)
            return -1;
        int n = 0;
        for (const QJsonValue &e : h.json().value(QStringLiteral("entries")).toArray()) {
            const QJsonArray change
                = e.toObject().value(QStringLiteral("changes")).toObject().value(field).toArray();
            const QJsonValue now = change.size() == 2 ? change.at(1) : QJsonValue();
            if (value.isDouble() ? now.isDouble() && now.toDouble() == value.toDouble() : now == value)
                ++n;
        }
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(m_env.start(60, &why), qPrintable(why));
        m_office = std::make_unique<HttpClient>(m_env.server->baseUrl());
        m_office->setToken(m_office->signIn(QStringLiteral("carol"), QStringLiteral("carol")));
        QVERIFY(!m_office->token().isEmpty());

        m_env.newProfile();
        const AppSession::Options so = m_env.quietSessionOptions();
        m_session = std::make_unique<AppSession>(m_env.window.get(), so);

        SignInDialog dlg;
        m_session->attachSignInDialog(&dlg);
        dlg.setServer(m_env.server->baseUrl().toString());
        dlg.findChild<QLineEdit *>(QStringLiteral("user"))->setText(QStringLiteral("alice"));
        dlg.findChild<QLineEdit *>(QStringLiteral("password"))->setText(QStringLiteral("alice"));
        QSignalSpy started(m_session.get(), &AppSession::started);
        dlg.show();
        QTest::mouseClick(dlg.findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
        QVERIFY2(started.wait(30000) || !started.isEmpty(), qPrintable(dlg.messageText()));
        m_env.window->show();
        QTRY_VERIFY_WITH_TIMEOUT(m_session->worklistModel()->rowCount() > 0
                && m_session->controller()->state() == sync::SyncState::Online,
            60000);
    }

    void cleanupTestCase()
    {
        m_session.reset();
        QCOMPARE(m_env.stop(), 0);
    }

    void refusedByTheServersNewerRules()
    {
        // One case in progress for "Complete" (started now if need be), another for a reading.
        QStringList inProgress = casesOf(QStringLiteral("InProgress"));
        if (inProgress.isEmpty()) {
            const QString id = casesOf(QStringLiteral("New")).value(0);
            QVERIFY(!id.isEmpty());
            QVERIFY(m_session->caseHost()->runFlowAction(id, etagOf(id), QStringLiteral("start"), {}).ok());
            syncAndWait();
            QTRY_COMPARE(m_session->store()->reads().pendingCount(), 0);
            inProgress << id;
        }
        m_complete = inProgress.first();
        for (const QString &id : casesOf())
            if (id != m_complete && m_tooHigh.isEmpty())
                m_tooHigh = id;
        QVERIFY(!m_tooHigh.isEmpty());

        // The office publishes stricter rules: readings up to 500, and "Complete" needs a summary.
        std::optional<CaseType> type = m_session->store()->reads().caseType(QStringLiteral("inspection"));
        QVERIFY(type);
        CaseType v2 = *type;
        v2.version = type->version + 1;
        m_typeVersion = v2.version;
        for (FieldDef &f : v2.fields)
            if (f.name == QLatin1String("readingKw"))
                f.max = 500;
        for (FlowAction &a : v2.flowActions)
            if (a.name == QLatin1String("complete"))
                a.requiredFields << QStringLiteral("summary");
        const HttpReply published
            = m_office->put(QStringLiteral("/api/v1/admin/case-types/inspection"), v2.toJson());
        QVERIFY2(published.status == 200, qPrintable(published.describe()));
        QCOMPARE(published.json().value(QStringLiteral("compatible")).toBool(), true);

        // She works with the rules she has (the older ones), offline as far as they know.
        QVERIFY(m_session->caseHost()
                    ->saveFields(m_tooHigh, etagOf(m_tooHigh), { { QStringLiteral("readingKw"), 900 } })
                    .ok());
        // Whatever summary the case had is cleared with it (the server now requires one).
        QJsonObject completeFields { { QStringLiteral("passed"), true },
            { QStringLiteral("summary"), QJsonValue::Null } };
        if (!m_session->store()
                 ->reads()
                 .caseById(m_complete)
                 ->record.fields.value(QStringLiteral("readingKw"))
                 .isDouble())
            completeFields.insert(QStringLiteral("readingKw"), 42);
        QVERIFY(
            m_session->caseHost()
                ->runFlowAction(m_complete, etagOf(m_complete), QStringLiteral("complete"), completeFields)
                .ok());
        QCOMPARE(m_session->store()->reads().pendingCount(), 2);

        // The server refuses both; the newer type arrives with the same sync.
        syncAndWait();
        QTRY_COMPARE_WITH_TIMEOUT(m_session->syncIssuesModel()->rowCount(), 2, 30000);
        QTRY_COMPARE(
            m_session->store()->reads().caseType(QStringLiteral("inspection"))->version, m_typeVersion);
        const client::SyncIssue issue = selectIssueOf(m_tooHigh);
        QCOMPARE(issue.status, ResultStatus::Rejected);
        QVERIFY(issue.error.fields.contains(QStringLiteral("readingKw")));
        QVERIFY(issueAction("issueEditRetry")->isEnabled());
        QVERIFY(issueAction("issueRetry")->isEnabled());
        QVERIFY(m_env.window->listDetails(MainWindow::SyncIssuesTab).isEmpty());
    }

    void cancelChangesNothing()
    {
        const client::SyncIssue issue = selectIssueOf(m_tooHigh);
        const int outbox = m_session->store()->reads().outbox().size();
        SyncIssueDialog *dlg = openEditor();
        QVERIFY(dlg);
        QWidget *reading = dlg->form()->editorWidget(QStringLiteral("readingKw"));
        QVERIFY(reading);
        QCOMPARE(qobject_cast<QLineEdit *>(reading)->text(), QStringLiteral("900"));
        typeInto(reading, QStringLiteral("300"));
        QTest::keyClick(dlg, Qt::Key_Escape);
        QTRY_VERIFY(!m_env.window->findChild<SyncIssueDialog *>());
        QCOMPARE(m_session->syncIssuesModel()->rowCount(), 2);
        QCOMPARE(m_session->store()->reads().outbox().size(), outbox);
        for (const client::SyncIssue &i : m_session->store()->reads().syncIssues())
            if (i.caseId == m_tooHigh)
                QCOMPARE(i.action.fields.value(QStringLiteral("readingKw")).toInt(), 900);
        QCOMPARE(issue.action.fields.value(QStringLiteral("readingKw")).toInt(), 900);
    }

    void editAndRetryAReading()
    {
        const client::SyncIssue issue = selectIssueOf(m_tooHigh);
        SyncIssueDialog *dlg = openEditor();
        QVERIFY(dlg);
        CaseForm *form = dlg->form();
        // The server's message at the field, the same verdict from the (now newer) local rules.
        QCOMPARE(form->shownError(QStringLiteral("readingKw")),
            issue.error.fields.value(QStringLiteral("readingKw")));
        QVERIFY(form->errors().contains(QStringLiteral("readingKw")));
        QVERIFY(!dlg->retryButton()->isEnabled());
        QCOMPARE(
            dlg->focusWidget(), form->editorWidget(QStringLiteral("readingKw"))); // keyboard starts there

        typeInto(form->editorWidget(QStringLiteral("readingKw")), QStringLiteral("450"));
        QVERIFY(form->shownError(QStringLiteral("readingKw")).isEmpty());
        QVERIFY(dlg->retryButton()->isEnabled());
        QTest::mouseClick(dlg->retryButton(), Qt::LeftButton);
        QTRY_VERIFY(!m_env.window->findChild<SyncIssueDialog *>());

        // Queued again in its place with a new id; the issue is gone.
        QCOMPARE(m_session->syncIssuesModel()->rowCount(), 1);
        const auto queued = m_session->store()->reads().outbox();
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.first().caseId, m_tooHigh);
        QVERIFY(queued.first().actionId != issue.actionId);
        QVERIFY(!m_session->store()->reads().caseById(m_tooHigh)->hasIssue);
        QCOMPARE(m_session->store()
                     ->reads()
                     .caseById(m_tooHigh)
                     ->record.fields.value(QStringLiteral("readingKw"))
                     .toInt(),
            450);
    }

    void editAndRetryWhatTheFlowActionRequires()
    {
        selectIssueOf(m_complete);
        SyncIssueDialog *dlg = openEditor();
        QVERIFY(dlg);
        CaseForm *form = dlg->form();
        QVERIFY(!form->shownError(QStringLiteral("summary")).isEmpty());
        QVERIFY(!dlg->retryButton()->isEnabled());
        typeInto(form->editorWidget(QStringLiteral("summary")),
            QStringLiteral("Meter replaced, all checks passed"));
        QVERIFY(form->shownError(QStringLiteral("summary")).isEmpty());
        QVERIFY(dlg->retryButton()->isEnabled());
        QTest::mouseClick(dlg->retryButton(), Qt::LeftButton);
        QTRY_VERIFY(!m_env.window->findChild<SyncIssueDialog *>());
        QCOMPARE(m_session->syncIssuesModel()->rowCount(), 0);
        QCOMPARE(m_session->store()->reads().pendingCount(), 2);

        // Sync: both applied on the server, each once.
        syncAndWait();
        QTRY_COMPARE_WITH_TIMEOUT(m_session->store()->reads().pendingCount(), 0, 30000);
        QCOMPARE(m_session->store()->reads().syncIssues().size(), 0);
        const HttpReply a = m_office->get(QStringLiteral("/api/v1/cases/") + m_tooHigh);
        QCOMPARE(
            a.json().value(QStringLiteral("fields")).toObject().value(QStringLiteral("readingKw")).toInt(),
            450);
        QCOMPARE(historyEntriesSetting(m_tooHigh, QStringLiteral("readingKw"), 450), 1);
        QCOMPARE(historyEntriesSetting(m_tooHigh, QStringLiteral("readingKw"), 900), 0);
        const HttpReply b = m_office->get(QStringLiteral("/api/v1/cases/") + m_complete);
        QCOMPARE(b.json().value(QStringLiteral("status")).toString(), QStringLiteral("Resolved-Completed"));
        QCOMPARE(
            b.json().value(QStringLiteral("fields")).toObject().value(QStringLiteral("summary")).toString(),
            QStringLiteral("Meter replaced, all checks passed"));
        QCOMPARE(historyEntriesSetting(m_complete, QStringLiteral("summary"),
                     QStringLiteral("Meter replaced, all checks passed")),
            1);
    }

    void goneOffersOnlyDiscard()
    {
        const QString id = casesOf().value(0);
        QVERIFY(!id.isEmpty());
        QVERIFY(m_session->caseHost()
                    ->saveFields(id, etagOf(id),
                        { { QStringLiteral("priority"),
                            m_session->store()->reads().caseById(id)->record.fields.value(
                                QStringLiteral("priority"))
                                    == QLatin1String("high")
                                ? QStringLiteral("low")
                                : QStringLiteral("high") } })
                    .ok());
        // Meanwhile the office withdraws the case.
        const HttpReply got = m_office->get(QStringLiteral("/api/v1/cases/") + id);
        const QJsonObject withdraw { { "id", QUuid::createUuid().toString(QUuid::WithoutBraces) },
            { "type", "transition" }, { "caseId", id }, { "flowAction", "withdraw" },
            { "baseEtag", got.json().value(QStringLiteral("etag")).toString() }, { "fields", QJsonObject() },
            { "clientTime", QDateTime::currentDateTimeUtc().toString(Qt::ISODate) } };
        const HttpReply w = m_office->post(QStringLiteral("/api/v1/sync/actions"),
            QJsonObject { { "deviceId", "office" }, { "actions", QJsonArray { withdraw } } });
        QCOMPARE(
            w.json().value(QStringLiteral("results")).toArray().first().toObject().value("status").toString(),
            QStringLiteral("applied"));

        syncAndWait();
        QTRY_COMPARE_WITH_TIMEOUT(m_session->syncIssuesModel()->rowCount(), 1, 30000);
        const client::SyncIssue issue = selectIssueOf(id);
        QCOMPARE(issue.status, ResultStatus::Gone);
        QTRY_VERIFY(!issueAction("issueEditRetry")->isEnabled());
        QVERIFY(!issueAction("issueRetry")->isEnabled());
        QVERIFY(issueAction("issueDiscard")->isEnabled());
        QVERIFY(m_env.window->listDetails(MainWindow::SyncIssuesTab).contains(id));
        QVERIFY(!openEditor());

        issueAction("issueDiscard")->trigger();
        auto *box = m_env.window->findChild<QMessageBox *>(QStringLiteral("confirmDiscard"));
        QVERIFY(box);
        box->button(QMessageBox::Yes)->click();
        QCOMPARE(m_session->syncIssuesModel()->rowCount(), 0);
        QTRY_VERIFY(m_env.window->listDetails(MainWindow::SyncIssuesTab).isEmpty());
    }
};

QTEST_MAIN(TestUiSyncIssues)
#include "tst_syncissues.moc"
