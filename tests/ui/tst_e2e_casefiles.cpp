// SPDX-License-Identifier: MIT
// The desktop app end to end, a case's files: a real outpostd (demo data), the real store, the
// real keyring, real widgets. alice signs in; a note goes to the server's history, a server-side
// edit shows in the history, an attachment reaches the server and a second client opens it, a new
// case takes the server's id, the lock screen checks the credentials, and a damaged store fails the
// sign-in and stays untouched.
#include "e2efixture.h"

using namespace outpost;
using namespace outpost::testing;
using namespace outpost::ui;

class TestUiE2eCaseFiles : public QObject, protected E2eFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        startEnv();
        signInAlice();
    }
    void cleanupTestCase() { stopEnv(); }

    void noteQueuedThenInTheServersHistory()
    {
        const QString id = pickCase();
        QVERIFY(!id.isEmpty());
        m_env.window->openCase(id);
        CaseView *view = m_env.window->caseView();
        QCOMPARE(view->caseId(), id);
        CaseDetailsPane *details = view->details();
        QVERIFY(details->isVisible());
        NotesPanel *notes = details->notes();
        QAbstractItemModelTester tester(
            notes->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(!details->history()->isLoading(), 30000);

        // Written and queued here; nothing goes up until the next sync.
        const QString text
            = QStringLiteral("Gate locked, key at the desk ") + QUuid::createUuid().toString(QUuid::Id128);
        details->setCurrentIndex(CaseDetailsPane::NotesTab);
        notes->editor()->setFocus();
        QTest::keyClicks(notes->editor(), text);
        QTest::mouseClick(notes->addButton(), Qt::LeftButton);
        const int row = rowShowing(notes->model(), text);
        QVERIFY2(row >= 0, qPrintable(notes->messageText()));
        QVERIFY(notes->model()->index(row, 0).data(NotesModel::PendingRole).toBool());
        QCOMPARE(pendingOf(id), 1);
        QCOMPARE(m_session->outboxModel()->rowCount(), 1);

        // Synced: the note is in the server's history, and the panel shows the server's copy.
        Q_EMIT m_env.window->syncNowRequested();
        QTRY_COMPARE_WITH_TIMEOUT(pendingOf(id), 0, 30000);
        auto c = carol();
        const HttpReply h = c->get(QStringLiteral("/api/v1/cases/") + id + QStringLiteral("/history"));
        QCOMPARE(h.status, 200);
        int onServer = 0;
        for (const QJsonValue &e : h.json().value(QStringLiteral("entries")).toArray())
            onServer += e.toObject().value(QStringLiteral("action")).toString() == QLatin1String("note")
                && e.toObject().value(QStringLiteral("text")).toString() == text
                && e.toObject().value(QStringLiteral("by")).toString() == QLatin1String("alice");
        QCOMPARE(onServer, 1);
        QTRY_VERIFY_WITH_TIMEOUT(
            anyRowShows(details->history()->model(), { QStringLiteral("Note: ") + text }), 30000);
        QTRY_VERIFY(rowShowing(notes->model(), text) >= 0
            && !notes->model()
                    ->index(rowShowing(notes->model(), text), 0)
                    .data(NotesModel::PendingRole)
                    .toBool());
        int shown = 0;
        for (int r = 0; r < notes->model()->rowCount(); ++r)
            shown += notes->model()->index(r, 0).data().toString().contains(text);
        QCOMPARE(shown, 1);
    }

    void historyShowsAServerSideEdit()
    {
        CaseView *view = m_env.window->caseView();
        const QString id = view->caseId();
        QVERIFY(!id.isEmpty());
        HistoryView *history = view->details()->history();
        QAbstractItemModelTester tester(
            history->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(!history->isLoading() && history->model()->rowCount() > 0, 30000);

        const int reading = 5000 + int(QDateTime::currentMSecsSinceEpoch() % 1000);
        QCOMPARE(officeAction(
                     id, { { "type", "update" }, { "fields", QJsonObject { { "readingKw", reading } } } }),
            QStringLiteral("applied"));
        // The sync brings the change; the open case's history is fetched again and says who did what.
        Q_EMIT m_env.window->syncNowRequested();
        const QString to = QStringLiteral("→ ") + QString::number(reading);
        QTRY_VERIFY_WITH_TIMEOUT(anyRowShows(history->model(),
                                     { QStringLiteral("carol"), QStringLiteral("Meter reading (kW)"), to }),
            30000);
        QVERIFY(history->model()->index(0, 0).data().toString().contains(to)); // newest first
    }

    void attachmentReachesTheServerAndASecondClientOpensIt()
    {
        CaseView *view = m_env.window->caseView();
        const QString id = view->caseId();
        QVERIFY(!id.isEmpty());
        AttachmentsPanel *panel = view->details()->attachments();
        QAbstractItemModelTester tester(
            panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QByteArray bytes(700 * 1024, Qt::Uninitialized);
        for (int i = 0; i < bytes.size(); ++i)
            bytes[i] = char((i * 131) ^ (i >> 9));
        const QString name
            = QStringLiteral("meter-") + QUuid::createUuid().toString(QUuid::Id128) + QStringLiteral(".jpg");
        QTemporaryDir photos; // the technician's own folder: never the profile (the app refuses it)
        QVERIFY(photos.isValid());
        const QString path = photos.filePath(name);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(bytes), qint64(bytes.size()));
        }
        const QString sha
            = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());

        // Attached here: pending upload.
        QSignalSpy added(
            static_cast<CaseDetailsHost *>(m_session->caseDetails()), &CaseDetailsHost::attachmentAdded);
        panel->addFiles({ path });
        QVERIFY(added.wait(10000) || !added.isEmpty());
        const QString attachmentId = added.first().at(1).toString();
        QTRY_VERIFY(panel->model()->rowOfKey(attachmentId) >= 0);
        const auto state = [panel, attachmentId] {
            return panel->model()
                ->index(panel->model()->rowOfKey(attachmentId), 0)
                .data(AttachmentsModel::StateRole)
                .toInt();
        };
        QCOMPARE(state(), int(CaseAttachment::State::Pending));

        // Synced: the server has the same bytes (its sha256), the row says so.
        Q_EMIT m_env.window->syncNowRequested();
        QTRY_COMPARE_WITH_TIMEOUT(state(), int(CaseAttachment::State::Uploaded), 30000);
        auto c = carol();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const HttpReply r = c->get(QStringLiteral("/api/v1/cases/") + id);
                for (const QJsonValue &a : r.json().value(QStringLiteral("attachments")).toArray())
                    if (a.toObject().value(QStringLiteral("id")).toString() == attachmentId)
                        return a.toObject().value(QStringLiteral("sha256")).toString() == sha
                            && a.toObject().value(QStringLiteral("name")).toString() == name;
                return false;
            }(),
            30000);
        const HttpReply raw = c->get(QStringLiteral("/api/v1/attachments/") + attachmentId);
        QCOMPARE(raw.status, 200);
        QCOMPARE(raw.body, bytes);

        // A second device of hers: the case lists the attachment as on the server; Open downloads it.
        QTemporaryDir profile2;
        QSettings settings2(profile2.filePath(QStringLiteral("outpost.conf")), QSettings::IniFormat);
        MainWindow window2(settings2);
        AppSession::Options so;
        so.profileDir = profile2.path();
        so.keychainService = m_keychain + QStringLiteral("-2");
        so.syncTemplate.periodic = false;
        so.syncTemplate.useReachability = false;
        so.syncTemplate.usePush = false;
        AppSession session2(&window2, so);
        {
            SignInDialog dlg;
            session2.attachSignInDialog(&dlg);
            dlg.setServer(m_env.server->baseUrl().toString());
            dlg.show();
            QSignalSpy started(&session2, &AppSession::started);
            fillAndSubmit(dlg, QStringLiteral("alice"), QStringLiteral("alice"));
            QVERIFY2(started.wait(30000) || !started.isEmpty(), qPrintable(dlg.messageText()));
        }
        window2.show();
        QTRY_VERIFY_WITH_TIMEOUT(session2.worklistModel()->rowOf(id) >= 0
                && session2.controller()->state() == sync::SyncState::Online,
            60000);
        window2.openCase(id);
        QCOMPARE(window2.caseView()->caseId(), id);
        AttachmentsPanel *panel2 = window2.caseView()->details()->attachments();
        const int row2 = panel2->model()->rowOfKey(attachmentId);
        QVERIFY(row2 >= 0);
        // Fetched onto the second device after its first sync (prefetch): it opens from there.
        QTRY_COMPARE_WITH_TIMEOUT((panel2->refresh(),
                                      panel2->model()
                                          ->index(panel2->model()->rowOfKey(attachmentId), 0)
                                          .data(AttachmentsModel::StateRole)
                                          .toInt()),
            int(CaseAttachment::State::Uploaded), 30000);
        QString openedPath;
        panel2->setOpener([&openedPath](const QString &p) {
            openedPath = p;
            return true;
        });
        QSignalSpy opened(panel2, &AttachmentsPanel::opened);
        panel2->list()->setCurrentIndex(panel2->model()->index(row2, 0));
        QTest::mouseClick(panel2->openButton(), Qt::LeftButton);
        QVERIFY2(opened.wait(30000) || !opened.isEmpty(), qPrintable(panel2->messageText()));
        QVERIFY(openedPath.endsWith(QLatin1Char('/') + name));
        QFile got(openedPath);
        QVERIFY(got.open(QIODevice::ReadOnly));
        QCOMPARE(got.readAll(), bytes);
        QCOMPARE(opened.first().at(0).toString(), attachmentId);
    }

    void newCaseScreenTakesTheServersId()
    {
        // A case created on this device and open on screen: once the server took it, the screen
        // shows it by the server's id, with its history and no "not on the server yet".
        const QString from = pickCase();
        QVERIFY(!from.isEmpty());
        const std::optional<client::LocalCase> model = m_session->store()->reads().caseById(from);
        QVERIFY(model);
        const Result<QString> tmp = m_session->store()->edits().createCase(
            model->record.caseType, model->record.fields, QStringLiteral("Created on the device"));
        QVERIFY2(tmp.ok(), qPrintable(tmp.error().toString()));
        QVERIFY(tmp->startsWith(QLatin1String("tmp-")));
        m_env.window->openCase(*tmp);
        CaseView *view = m_env.window->caseView();
        QCOMPARE(view->caseId(), *tmp);

        Q_EMIT m_env.window->syncNowRequested();
        QTRY_VERIFY_WITH_TIMEOUT(m_session->store()->reads().resolveId(*tmp) != *tmp, 30000);
        const QString serverId = m_session->store()->reads().resolveId(*tmp);
        QTRY_COMPARE_WITH_TIMEOUT(view->caseId(), serverId, 10000);
        QCOMPARE(m_env.window->caseView(), view); // refreshed in place, not reopened
        auto c = carol();
        QCOMPARE(c->get(QStringLiteral("/api/v1/cases/") + serverId).status, 200);
    }

    void lockScreenChecksTheCredentials()
    {
        SignInDialog dlg;
        dlg.setCancelAllowed(false);
        int unlocked = 0;
        m_session->attachUnlockDialog(&dlg, [&] { ++unlocked; });
        QCOMPARE(dlg.user(), QStringLiteral("alice"));
        dlg.show();
        fillAndSubmit(dlg, QStringLiteral("alice"), QStringLiteral("not-her-password"));
        QTRY_VERIFY_WITH_TIMEOUT(!dlg.messageText().isEmpty()
                && dlg.findChild<QPushButton *>(QStringLiteral("signInButton"))->isEnabled(),
            30000);
        QCOMPARE(unlocked, 0);
        QVERIFY(dlg.isVisible());
        fillAndSubmit(dlg, QStringLiteral("bob"), QStringLiteral("bob"));
        QTRY_VERIFY(!dlg.messageText().isEmpty());
        QCOMPARE(unlocked, 0);
        QSignalSpy accepted(&dlg, &QDialog::accepted);
        fillAndSubmit(dlg, QStringLiteral("alice"), QStringLiteral("alice"));
        QVERIFY(accepted.wait(30000) || !accepted.isEmpty());
        QCOMPARE(unlocked, 1);
    }

    void damagedStoreFailsTheSignInAndStaysUntouched()
    {
        // Bob's store on this device holds an unsent change, and a table the worklist does not read
        // is damaged: the check that runs alongside the password check must find it, say so, keep
        // no token and write nothing to the file.
        const QString path = client::StoreLocation::pathFor(
            m_env.profile->path(), m_env.server->baseUrl(), QStringLiteral("bob"));
        qint64 rootPage = 0, pageSize = 0;
        {
            // Bob signed in on this device before: his store's key is in the keychain.
            sync::KeychainCredentialStore keychain(m_keychain);
            std::optional<Status> keyed;
            sync::unlockStore(&keychain, m_env.server->baseUrl(), QStringLiteral("bob"), path,
                sync::StoreKeyMode::CreateIfMissing, [&](Status st) { keyed = st; });
            QTRY_VERIFY_WITH_TIMEOUT(keyed.has_value(), 20000);
            QVERIFY2(keyed->ok(), qPrintable(keyed->error().toString()));
        }
        {
            auto s = client::LocalStore::open(path);
            QVERIFY2(s.ok(), qPrintable(s.error().toString()));
            QVERIFY(!s.value()->deviceId().isEmpty()); // known: the request need not wait for the check
            QSqlDatabase db = QSqlDatabase::database(s.value()->connectionName());
            QSqlQuery q(db);
            QVERIFY(db.transaction());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO cases(id, case_type) VALUES ('C-1', 'inspection')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO outbox(action_id, case_id, type, payload, created_at) "
                                          "VALUES ('a-1', 'C-1', 'note', '{}', '2026-11-20T08:00:00Z')")));
            for (int i = 0; i < 3000; ++i)
                QVERIFY(
                    q.exec(QStringLiteral("INSERT INTO data_page_rows(page, key, label, json) VALUES "
                                          "('parts', 'P-%1', 'Spare part number %1 with a long label', '{}')")
                               .arg(i)));
            QVERIFY(db.commit());
            QVERIFY(q.exec(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = 'data_page_rows'"))
                && q.next());
            rootPage = q.value(0).toLongLong();
            QVERIFY(q.exec(QStringLiteral("PRAGMA page_size")) && q.next());
            pageSize = q.value(0).toLongLong();
        }
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal"))
            || QFile(path + QStringLiteral("-wal")).size() == 0);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.seek((rootPage - 1) * pageSize));
            QVERIFY(f.write(QByteArray(int(pageSize), char(0x5a))) == pageSize);
        }
        const auto digest = [&path] {
            QFile f(path);
            return f.open(QIODevice::ReadOnly)
                ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                : QByteArray();
        };
        const QByteArray before = digest();
        QVERIFY(!before.isEmpty());

        MainWindow window(*m_env.settings);
        AppSession::Options so;
        so.profileDir = m_env.profile->path();
        so.keychainService = m_keychain;
        AppSession session(&window, so);
        SignInDialog dlg;
        session.attachSignInDialog(&dlg);
        dlg.setServer(m_env.server->baseUrl().toString());
        dlg.show();
        QSignalSpy started(&session, &AppSession::started);
        fillAndSubmit(dlg, QStringLiteral("bob"), QStringLiteral("bob"));
        QTRY_VERIFY_WITH_TIMEOUT(dlg.messageText().contains(QStringLiteral("damaged"))
                && dlg.findChild<QPushButton *>(QStringLiteral("signInButton"))->isEnabled(),
            30000);
        QVERIFY2(dlg.messageText().contains(QStringLiteral("unsent")), qPrintable(dlg.messageText()));
        QVERIFY(started.isEmpty());
        QVERIFY(!session.isActive());
        QVERIFY(dlg.isVisible());
        QCOMPARE(digest(), before); // left in place, not a byte written
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal"))
            || QFile(path + QStringLiteral("-wal")).size() == 0);
        // The server accepted the password, but no token was kept for a store that cannot be used.
        sync::KeychainCredentialStore credentials(m_keychain);
        std::optional<Result<QString>> token;
        credentials.readToken(sync::CredentialStore::keyFor(m_env.server->baseUrl(), QStringLiteral("bob")),
            [&token](Result<QString> t) { token = t; });
        QTRY_VERIFY_WITH_TIMEOUT(token.has_value(), 30000);
        QVERIFY(!token->ok() || token->value().isEmpty());
    }
};

QTEST_MAIN(TestUiE2eCaseFiles)
#include "tst_e2e_casefiles.moc"
