// SPDX-License-Identifier: MIT
// End-to-end: the sync engine and the CLI against a real outpostd (OUTPOSTD_BIN) on loopback.
#include "credentialstore.h"
#include "e2ehelpers.h"
#include "encryptedstore.h"
#include "httptransport.h"
#include "memorycredentialstore.h"
#include "outpostdprocess.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace outpost;
using namespace outpost::sync;
using namespace e2e;

namespace {

Action carolUpdate(const QString &caseId, const QString &etag, const QJsonObject &fields)
{
    Action a;
    a.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    a.type = ActionType::Update;
    a.caseId = caseId;
    a.baseEtag = etag;
    a.fields = fields;
    a.clientTime = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    return a;
}

} // namespace

class TestSyncE2e : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    testing::OutpostdProcess m_server;
    ApiClient m_alice;
    ApiClient m_carol;
    QString m_aliceToken;
    int m_profiles = 0;

    QString newStorePath()
    {
        const QString dir = m_dir.filePath(QStringLiteral("profile-%1").arg(++m_profiles));
        QDir().mkpath(dir);
        return client::StoreLocation::pathFor(dir, m_server.baseUrl(), QStringLiteral("alice"));
    }
    SyncConfig aliceConfig(const QString &storePath) const
    {
        return oneShotConfig(storePath, m_server.baseUrl(), QStringLiteral("alice"), m_aliceToken);
    }
    /// Alice's engine as the app runs it: push channel, reachability probe, a sync at start.
    SyncConfig liveConfig(const QString &storePath) const
    {
        SyncConfig config = aliceConfig(storePath);
        config.usePush = true;
        config.useReachability = true;
        config.syncAtStart = true;
        return config;
    }
    /// A fresh, synced store of alice holding one case she created offline and uploaded.
    QString createSyncedCase(const QString &storePath, QString *caseId);
    /// alice's sessions the server holds open (-1 when its database cannot be read).
    int openSessions();

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase()
    {
        if (m_server.isRunning())
            QCOMPARE(m_server.stop(), 0);
    }
    void signInThenFullSyncEqualsServerState();
    void failedStoreCheckClosesTheNewSession();
    void keychainFailureClosesTheNewSession();
    void sharedServicesSignInSyncSignOut();
    void offlineWorkThenSyncGivesOneCase();
    void fullSyncEqualsDeltaSequence();
    void interruptedFullSyncResumesFromItsCursor();
    void connectionCutMidUploadAppliesOnce();
    void twoClientsMergeOrConflictPerPolicy();
    void forcedFullSyncKeepsTheQueue();
    void pushHintTriggersADownload();
    void stoppedServerShowsOfflineAtOnce();
    void expiredTokenParksTheQueue();
    void attachmentsGoUpFirstAndIntact();
};

void TestSyncE2e::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QLoggingCategory::setFilterRules(
        QStringLiteral("outpost.client.*.info=false\noutpost.core.sync.*.info=false"));
    QString why;
    QVERIFY2(
        startDemoServer(m_server, m_dir.filePath(QStringLiteral("server.sqlite")), &why), qPrintable(why));
    auto a = login(m_alice, m_server.baseUrl(), QStringLiteral("alice"));
    QVERIFY2(a.ok(), qPrintable(a.error().toString()));
    m_aliceToken = a->token;
    auto c = login(m_carol, m_server.baseUrl(), QStringLiteral("carol"));
    QVERIFY2(c.ok(), qPrintable(c.error().toString()));
}

QString TestSyncE2e::createSyncedCase(const QString &storePath, QString *caseId)
{
    auto first = syncOnce(aliceConfig(storePath));
    if (!first.ok)
        return QStringLiteral("first sync: ") + first.message;
    auto store = openStore(storePath);
    if (!store)
        return QStringLiteral("cannot open the store");
    const auto type = store->reads().caseType(QStringLiteral("inspection"));
    if (!type)
        return QStringLiteral("no case type inspection after a full sync");
    auto id
        = store->edits().createCase(type->name, requiredFields(*type, *store), QStringLiteral("e2e case"));
    if (!id.ok())
        return QStringLiteral("create: ") + id.error().toString();
    auto second = syncOnce(aliceConfig(storePath));
    if (!second.ok)
        return QStringLiteral("second sync: ") + second.message;
    *caseId = store->reads().resolveId(id.value());
    if (isTempId(*caseId))
        return QStringLiteral("the temp id was not mapped");
    return QString();
}

void TestSyncE2e::signInThenFullSyncEqualsServerState()
{
    // The real sign-in path: token into the keychain, verifier into the store.
    if (!qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("needs the keyring of scripts/test.sh (dbus-run-session + gnome-keyring)");
    const QString profile = m_dir.filePath(QStringLiteral("signin-profile"));
    SignIn signIn;
    auto out = await<Result<SignInOutcome>>([&](auto cb) {
        signIn.signIn(m_server.baseUrl(), QStringLiteral("alice"), QStringLiteral("alice"), profile, cb);
    });
    QVERIFY2(out.ok(), qPrintable(out.error().toString()));
    QVERIFY(!out->offline);

    SyncConfig config = aliceConfig(out->storePath);
    config.token.clear(); // the engine reads it from the keychain
    config.pageLimit = 7; // several pages
    auto cycle = syncOnce(config);
    QVERIFY2(cycle.ok, qPrintable(cycle.code + QLatin1Char(' ') + cycle.message));

    auto server = serverCases(m_alice);
    QVERIFY2(server.ok(), qPrintable(server.error().toString()));
    auto store = openStore(out->storePath);
    QVERIFY(store);
    const auto local = storeCases(*store);
    QVERIFY(!server->isEmpty());
    QCOMPARE(local.size(), server->size());
    for (auto it = server->cbegin(); it != server->cend(); ++it)
        QCOMPARE(local.value(it.key()), comparable(it.value()));
    QVERIFY(!store->reads().caseTypes().isEmpty());
    QVERIFY(!store->pages().syncToken().isEmpty());

    // Wrong password offline: refused; right password with the server away: offline sign-in.
    SignIn offline;
    auto wrong = await<Result<SignInOutcome>>([&](auto cb) {
        offline.signIn(QUrl(QStringLiteral("http://127.0.0.1:1")), QStringLiteral("alice"),
            QStringLiteral("x"), profile, cb);
    });
    QVERIFY(!wrong.ok()); // another server URL: another store, never signed in there
}

void TestSyncE2e::failedStoreCheckClosesTheNewSession()
{
    // The password is checked while the store is: when the server said yes but the store then
    // fails its check, the sign-in fails and the session the server opened is closed again.
    const QString profile = m_dir.filePath(QStringLiteral("newer-store-profile"));
    const QString path = client::StoreLocation::pathFor(profile, m_server.baseUrl(), QStringLiteral("alice"));
    QDir().mkpath(QFileInfo(path).path());
    // Not about the keychain: the token store is in memory. The store's key is made there first, as
    // the first sign-in on this device did.
    auto credentials = std::make_shared<testing::MemoryCredentialStore>();
    const Status keyed = await<Status>([&](auto cb) {
        unlockStore(credentials.get(), m_server.baseUrl(), QStringLiteral("alice"), path,
            StoreKeyMode::CreateIfMissing, cb);
    });
    QVERIFY2(keyed.ok(), qPrintable(keyed.error().toString()));
    const int callsBefore = credentials->calls();
    {
        auto store = client::LocalStore::open(path);
        QVERIFY2(store.ok(), qPrintable(store.error().toString()));
        QVERIFY(!store.value()->deviceId().isEmpty()); // so the request goes before the check ends
    }
    {
        QSqlDatabase db = client::encryptedstore::addConnection(QStringLiteral("newer"), path, {});
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 99")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("newer"));
    const int before = openSessions();
    QVERIFY(before > 0); // alice's test session from initTestCase

    SignIn signIn({ nullptr, credentials });
    auto out = await<Result<SignInOutcome>>([&](auto cb) {
        signIn.signIn(m_server.baseUrl(), QStringLiteral("alice"), QStringLiteral("alice"), profile, cb);
    });
    QVERIFY(!out.ok());
    QCOMPARE(out.error().code, QStringLiteral("store_too_new"));
    QCOMPARE(openSessions(), before);
    // No token kept: the store's key was read, nothing written.
    QCOMPARE(credentials->entries().size(), 1);
    QVERIFY(!credentials->entries().contains(
        CredentialStore::keyFor(m_server.baseUrl(), QStringLiteral("alice"))));
    QCOMPARE(credentials->calls(), callsBefore + 1);
}

int TestSyncE2e::openSessions()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("server"));
    db.setDatabaseName(m_dir.filePath(QStringLiteral("server.sqlite")));
    int n = -1;
    if (db.open()) {
        QSqlQuery q(db);
        if (q.exec(QStringLiteral("SELECT count(*) FROM sessions WHERE user_id = 'alice' AND revoked = 0"))
            && q.next())
            n = q.value(0).toInt();
        q.finish();
        db.close();
    }
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("server"));
    return n;
}

void TestSyncE2e::keychainFailureClosesTheNewSession()
{
    // The server accepted the password but the token cannot be kept (a locked keyring): the sign-in
    // fails with the keychain's error, the session the server opened is closed again, and nothing of
    // the sign-in is written to the store (no verifier for a password that was never kept).
    const QString profile = m_dir.filePath(QStringLiteral("locked-keychain-profile"));
    const int before = openSessions();
    QVERIFY(before > 0);
    auto credentials = std::make_shared<testing::MemoryCredentialStore>();
    credentials->setUnavailable(true);
    SignIn signIn({ nullptr, credentials });
    auto out = await<Result<SignInOutcome>>([&](auto cb) {
        signIn.signIn(m_server.baseUrl(), QStringLiteral("alice"), QStringLiteral("alice"), profile, cb);
    });
    QVERIFY(!out.ok());
    QCOMPARE(out.error().code, QString::fromLatin1(errc::KeychainUnavailable));
    QCOMPARE(openSessions(), before);
    QVERIFY(credentials->entries().isEmpty());
    const QString path = client::StoreLocation::pathFor(profile, m_server.baseUrl(), QStringLiteral("alice"));
    QVERIFY(client::LocalStore::peekSyncValue(path, QString::fromLatin1(SignIn::VerifierKey)).isEmpty());
    QVERIFY(client::LocalStore::peekSyncValue(path, QString::fromLatin1(SignIn::UserKey)).isEmpty());
}

void TestSyncE2e::sharedServicesSignInSyncSignOut()
{
    // The application's wiring: one HTTP transport and one token store (in memory: this test is not
    // about the keychain) shared by the sign-in and the sync engine.
    auto credentials = std::make_shared<testing::MemoryCredentialStore>();
    const SyncServices services { std::make_shared<HttpTransport>(), credentials, {} };
    const QString profile = m_dir.filePath(QStringLiteral("shared-services-profile"));
    const QString key = CredentialStore::keyFor(m_server.baseUrl(), QStringLiteral("alice"));
    const int before = openSessions();
    SignIn signIn(services);
    auto out = await<Result<SignInOutcome>>([&](auto cb) {
        signIn.signIn(m_server.baseUrl(), QStringLiteral("alice"), QStringLiteral("alice"), profile, cb);
    });
    QVERIFY2(out.ok(), qPrintable(out.error().toString()));
    QVERIFY(!out->offline);
    QCOMPARE(credentials->entries().value(key), out->session.token);
    QCOMPARE(openSessions(), before + 1);
    {
        // The sign-in state, all of it (one transaction).
        auto store = openStore(out->storePath);
        QVERIFY(store);
        QVERIFY(
            store->syncValue(QString::fromLatin1(SignIn::VerifierKey)).startsWith(QLatin1String("pbkdf2")));
        QCOMPARE(store->syncValue(QString::fromLatin1(SignIn::ServerKey)), m_server.baseUrl().toString());
        QVERIFY(store->syncValue(QString::fromLatin1(SignIn::UserKey)).contains(QLatin1String("alice")));
    }

    SyncConfig config = aliceConfig(out->storePath);
    config.token.clear(); // the engine reads it from the shared token store
    auto cycle = syncOnce(config, false, services);
    QVERIFY2(cycle.ok, qPrintable(cycle.code + QLatin1Char(' ') + cycle.message));

    auto signedOut
        = await<Status>([&](auto cb) { signIn.signOut(m_server.baseUrl(), QStringLiteral("alice"), cb); });
    QVERIFY2(signedOut.ok(), qPrintable(signedOut.error().toString()));
    QVERIFY(!credentials->entries().contains(key));
    QCOMPARE(openSessions(), before);
    auto after = syncOnce(config, false, services);
    QVERIFY(!after.ok);
    QCOMPARE(after.code, QString::fromLatin1(errc::Unauthenticated));
}

void TestSyncE2e::offlineWorkThenSyncGivesOneCase()
{
    const QString path = newStorePath();
    auto first = syncOnce(aliceConfig(path));
    QVERIFY2(first.ok, qPrintable(first.message));
    auto store = openStore(path);
    QVERIFY(store);
    const auto type = store->reads().caseType(QStringLiteral("inspection"));
    QVERIFY(type);

    // Offline: create, two edits, a transition, a note.
    auto tmp = store->edits().createCase(
        type->name, requiredFields(*type, *store), QStringLiteral("offline case"));
    QVERIFY2(tmp.ok(), qPrintable(tmp.error().toString()));
    QVERIFY(isTempId(tmp.value()));
    const QList<FieldDef> editable = editableFields(*type);
    QVERIFY(!editable.isEmpty());
    QVERIFY(
        store->edits()
            .updateFields(tmp.value(), { { editable.first().name, valueFor(editable.first(), *store, 1) } })
            .ok());
    QVERIFY(
        store->edits()
            .updateFields(tmp.value(), { { editable.first().name, valueFor(editable.first(), *store, 2) } })
            .ok());
    const auto flows = RulesEngine::flowActionsFrom(*type, type->initialStatus());
    QVERIFY(!flows.isEmpty());
    QJsonObject withFlow;
    for (const QString &f : flows.first().requiredFields)
        withFlow.insert(f, valueFor(*type->field(f), *store, 3));
    Status moved = store->edits().runFlowAction(tmp.value(), flows.first().name, withFlow);
    QVERIFY2(moved.ok(), qPrintable(moved.error().toString()));
    QVERIFY(store->edits().addNote(tmp.value(), QStringLiteral("offline note")).ok());
    const auto before = store->reads().caseById(tmp.value());
    QVERIFY(before);

    auto cycle = syncOnce(aliceConfig(path));
    QVERIFY2(cycle.ok, qPrintable(cycle.message));
    QCOMPARE(store->reads().pendingCount(), 0);
    const QString id = store->reads().resolveId(tmp.value());
    QVERIFY2(!isTempId(id), qPrintable(id));

    auto onServer = await<Result<CaseRecord>>([&](auto cb) { m_carol.getCase(id, cb); });
    QVERIFY2(onServer.ok(), qPrintable(onServer.error().toString()));
    QCOMPARE(onServer->status, flows.first().to);
    for (auto it = before->record.fields.begin(); it != before->record.fields.end(); ++it)
        QCOMPARE(onServer->fields.value(it.key()), it.value());
    const auto local = store->reads().caseById(id);
    QVERIFY(local);
    QCOMPARE(local->record.etag, onServer->etag);

    // Exactly one case with that title, and its history: one create, one note, the transition once.
    auto all = serverCases(m_carol);
    QVERIFY(all.ok());
    int titled = 0;
    for (const QJsonObject &c : all.value())
        titled += c.value(QLatin1String("title")).toString() == QLatin1String("offline case") ? 1 : 0;
    QCOMPARE(titled, 1);
    int creates = 0, notes = 0, transitions = 0;
    for (const HistoryEntry &h : historyOf(m_carol, id)) {
        creates += h.action == QLatin1String("create");
        notes += h.action == QLatin1String("note") && h.text == QLatin1String("offline note");
        transitions
            += h.action.startsWith(QLatin1String("transition")); // "transition:<flowAction>" on some servers
    }
    QCOMPARE(creates, 1);
    QCOMPARE(notes, 1);
    QCOMPARE(transitions, 1);
}

void TestSyncE2e::fullSyncEqualsDeltaSequence()
{
    const QString deltaPath = newStorePath();
    SyncConfig delta = aliceConfig(deltaPath);
    delta.pageLimit = 5;
    QVERIFY(syncOnce(delta).ok);
    auto deltaStore = openStore(deltaPath);
    QVERIFY(deltaStore);
    const auto type = deltaStore->reads().caseType(QStringLiteral("inspection"));
    QVERIFY(type);
    const QList<FieldDef> editable = editableFields(*type);
    QVERIFY(!editable.isEmpty());

    for (int round = 0; round < 3; ++round) {
        // The office changes some of alice's cases; alice pulls deltas.
        auto server = serverCases(m_alice);
        QVERIFY(server.ok());
        int changed = 0;
        for (auto it = server->cbegin(); it != server->cend() && changed < 3; ++it) {
            if (it.value().value(QLatin1String("caseType")).toString() != type->name
                || isResolvedStatus(it.value().value(QLatin1String("status")).toString()))
                continue;
            const Action a = carolUpdate(it.key(), it.value().value(QLatin1String("etag")).toString(),
                { { editable.first().name, valueFor(editable.first(), *deltaStore, round * 10 + changed) } });
            auto r = await<Result<QList<ActionResult>>>(
                [&](auto cb) { m_carol.uploadActions(QStringLiteral("office"), { a }, cb); });
            QVERIFY2(r.ok(), qPrintable(r.error().toString()));
            QCOMPARE(r->first().status, ResultStatus::Applied);
            ++changed;
        }
        QVERIFY(changed > 0);
        auto c = syncOnce(delta);
        QVERIFY2(c.ok, qPrintable(c.message));
    }

    const QString fullPath = newStorePath();
    QVERIFY(syncOnce(aliceConfig(fullPath)).ok);
    auto fullStore = openStore(fullPath);
    QVERIFY(fullStore);
    const auto a = storeCases(*deltaStore);
    const auto b = storeCases(*fullStore);
    QCOMPARE(a.size(), b.size());
    for (auto it = b.cbegin(); it != b.cend(); ++it)
        QCOMPARE(a.value(it.key()), it.value());
}

void TestSyncE2e::interruptedFullSyncResumesFromItsCursor()
{
    // Reference: one uninterrupted full sync.
    const QString refPath = newStorePath();
    QVERIFY(syncOnce(aliceConfig(refPath)).ok);
    auto ref = openStore(refPath);
    QVERIFY(ref);

    // Small pages (the data pages alone make dozens); stopped while pages are being applied, with
    // the next one requested ahead.
    const QString path = newStorePath();
    SyncConfig config = aliceConfig(path);
    config.pageLimit = 5;
    {
        SyncController controller(config);
        QSignalSpy progress(&controller, &SyncController::progress);
        QSignalSpy finished(&controller, &SyncController::cycleFinished);
        controller.start();
        QVERIFY(QTest::qWaitFor(
            [&]() {
                for (const QList<QVariant> &p : std::as_const(progress))
                    if (p.at(0).toString() == QLatin1String("fullSync") && p.at(1).toInt() >= 3)
                        return true;
                return !finished.isEmpty();
            },
            60000));
        QVERIFY2(finished.isEmpty(), "the full sync ended before it could be interrupted");
    } // destroyed mid-sync: requests aborted, thread joined
    {
        auto store = openStore(path);
        QVERIFY(store);
        QVERIFY(store->pages().fullSyncInProgress());
        QVERIFY(!store->pages().fullSyncCursor().isEmpty());
        QVERIFY(store->pages().syncToken().isEmpty());
    }

    auto resumed = syncOnce(config);
    QVERIFY2(resumed.ok, qPrintable(resumed.code + QLatin1Char(' ') + resumed.message));
    auto store = openStore(path);
    QVERIFY(store);
    QVERIFY(!store->pages().fullSyncInProgress());
    // Nothing skipped: a cursor is stored only with the page it follows.
    QCOMPARE(storeCases(*store), storeCases(*ref));
    QCOMPARE(store->reads().assignments().size(), ref->reads().assignments().size());
    for (const QString &page : { QStringLiteral("sites"), QStringLiteral("parts") })
        QCOMPARE(store->reads().dataPageRows(page, {}, 100000).size(),
            ref->reads().dataPageRows(page, {}, 100000).size());
    QCOMPARE(store->reads().caseTypes().size(), ref->reads().caseTypes().size());
}

void TestSyncE2e::connectionCutMidUploadAppliesOnce()
{
    const QString path = newStorePath();
    QString caseId;
    const QString why = createSyncedCase(path, &caseId);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    auto store = openStore(path);
    QVERIFY(store);
    const int notes = 120;
    const QString tag = QUuid::createUuid().toString(QUuid::Id128).left(8);
    for (int i = 0; i < notes; ++i)
        QVERIFY(store->edits().addNote(caseId, QStringLiteral("cut-%1-%2").arg(tag).arg(i)).ok());

    SyncConfig config = aliceConfig(path);
    config.batchSize = 3;
    config.transferTimeout = std::chrono::seconds(5);
    SyncController controller(config);
    QSignalSpy finished(&controller, &SyncController::cycleFinished);
    bool killed = false;
    connect(&controller, &SyncController::progress, this, [&](const QString &phase, int done, int) {
        if (!killed && phase == QLatin1String("upload") && done >= 15) {
            killed = true;
            m_server.kill();
        }
    });
    controller.start();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
    QVERIFY2(killed, "the upload finished before the cut");
    QCOMPARE(finished.first().at(0).toBool(), false);

    {
        QString why;
        QVERIFY2(m_server.restart(&why), qPrintable(why));
    }
    finished.clear();
    controller.syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() && finished.last().at(0).toBool(), 120000);
    QCOMPARE(store->reads().pendingCount(), 0);

    QHash<QString, int> seen;
    for (const HistoryEntry &h : historyOf(m_carol, caseId))
        if (h.action == QLatin1String("note") && h.text.startsWith(QStringLiteral("cut-") + tag))
            ++seen[h.text];
    QCOMPARE(seen.size(), notes);
    for (auto it = seen.cbegin(); it != seen.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(it.key()));
}

void TestSyncE2e::twoClientsMergeOrConflictPerPolicy()
{
    const QString pathA = newStorePath();
    QString caseId;
    const QString why = createSyncedCase(pathA, &caseId);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    const QString pathB = newStorePath();
    QVERIFY(syncOnce(aliceConfig(pathB)).ok);
    auto a = openStore(pathA);
    auto b = openStore(pathB);
    QVERIFY(a && b);
    QVERIFY(b->reads().caseById(caseId));
    const auto type = a->reads().caseType(QStringLiteral("inspection"));
    const QList<FieldDef> editable = editableFields(*type);
    if (editable.size() < 2)
        QSKIP("the demo type has fewer than two editable fields");
    const FieldDef f1 = editable.at(0), f2 = editable.at(1);

    // Disjoint fields: both edits end up on the server, no conflict.
    const QJsonValue a1 = valueFor(f1, *a, 11), b2 = valueFor(f2, *b, 12);
    QVERIFY(a->edits().updateFields(caseId, { { f1.name, a1 } }).ok());
    QVERIFY(b->edits().updateFields(caseId, { { f2.name, b2 } }).ok());
    QVERIFY(syncOnce(aliceConfig(pathA)).ok);
    QVERIFY(syncOnce(aliceConfig(pathB)).ok);
    if (b->reads().pendingCount() > 0)
        QVERIFY(syncOnce(aliceConfig(pathB)).ok);
    auto merged = await<Result<CaseRecord>>([&](auto cb) { m_carol.getCase(caseId, cb); });
    QVERIFY(merged.ok());
    QCOMPARE(merged->fields.value(f1.name), a1);
    QCOMPARE(merged->fields.value(f2.name), b2);
    QCOMPARE(b->reads().conflictCount(), 0);

    // The same field on both sides: the policy decides; never a silent overwrite.
    QVERIFY(syncOnce(aliceConfig(pathA)).ok);
    const QJsonValue aV = valueFor(f1, *a, 21), bV = valueFor(f1, *b, 22);
    QVERIFY(aV != bV);
    QVERIFY(a->edits().updateFields(caseId, { { f1.name, aV } }).ok());
    QVERIFY(b->edits().updateFields(caseId, { { f1.name, bV } }).ok());
    QVERIFY(syncOnce(aliceConfig(pathA)).ok);
    QVERIFY(syncOnce(aliceConfig(pathB)).ok);
    auto after = await<Result<CaseRecord>>([&](auto cb) { m_carol.getCase(caseId, cb); });
    QVERIFY(after.ok());
    switch (type->conflictPolicy.ruleFor(f1.name)) {
    case ConflictRule::Merge:
        QCOMPARE(after->fields.value(f1.name), aV);
        QVERIFY(b->reads().conflictCount() > 0);
        QCOMPARE(b->reads().conflicts(caseId).first().theirs, aV);
        QCOMPARE(b->reads().conflicts(caseId).first().mine, bV);
        break;
    case ConflictRule::ServerWins:
        QCOMPARE(after->fields.value(f1.name), aV);
        QCOMPARE(b->reads().caseById(caseId)->record.fields.value(f1.name), aV);
        break;
    case ConflictRule::ClientWins:
        if (b->reads().pendingCount() > 0)
            QVERIFY(syncOnce(aliceConfig(pathB)).ok);
        after = await<Result<CaseRecord>>([&](auto cb) { m_carol.getCase(caseId, cb); });
        QCOMPARE(after->fields.value(f1.name), bV);
        break;
    }
}

void TestSyncE2e::forcedFullSyncKeepsTheQueue()
{
    const QString path = newStorePath();
    QString caseId;
    const QString why = createSyncedCase(path, &caseId);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    auto store = openStore(path);
    const auto type = store->reads().caseType(QStringLiteral("inspection"));
    const FieldDef f = editableFields(*type).first();
    const QJsonValue mine = valueFor(f, *store, 31);
    QVERIFY(store->edits().updateFields(caseId, { { f.name, mine } }).ok());
    QVERIFY(store->edits().addNote(caseId, QStringLiteral("held note")).ok());
    const auto outbox = store->reads().outbox();
    QCOMPARE(outbox.size(), 2);
    QVERIFY(store->edits().holdAction(outbox.first().actionId).ok()); // it and the later note wait

    auto forced = await<Result<QJsonObject>>([&](auto cb) {
        m_carol.rawRequest("POST", QStringLiteral("/admin/full-sync"),
            { { QStringLiteral("user"), QStringLiteral("alice") } }, cb);
    });
    QVERIFY2(forced.ok(), qPrintable(forced.error().toString()));
    auto cycle = syncOnce(aliceConfig(path));
    QVERIFY2(cycle.ok, qPrintable(cycle.message));
    QCOMPARE(store->reads().pendingCount(), 2);
    QCOMPARE(store->reads().caseById(caseId)->record.fields.value(f.name), mine); // re-applied on top

    QVERIFY(store->edits().releaseAction(outbox.first().actionId).ok());
    QVERIFY(syncOnce(aliceConfig(path)).ok);
    QCOMPARE(store->reads().pendingCount(), 0);
    auto onServer = await<Result<CaseRecord>>([&](auto cb) { m_carol.getCase(caseId, cb); });
    QCOMPARE(onServer->fields.value(f.name), mine);
}

void TestSyncE2e::pushHintTriggersADownload()
{
    const QString path = newStorePath();
    QString caseId;
    const QString why = createSyncedCase(path, &caseId);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    SyncConfig config = liveConfig(path);
    SyncController controller(config);
    QSignalSpy finished(&controller, &SyncController::cycleFinished);
    QSignalSpy changed(&controller, &SyncController::casesChanged);
    controller.start();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
    // The push channel's connection hints a download of its own, so a second cycle may follow.
    QTRY_COMPARE_WITH_TIMEOUT(controller.state(), SyncState::Online, 30000);

    // The office edits the case; the push hint alone (no timer, no local change) brings it down.
    auto current = await<Result<CaseRecord>>([&](auto cb) { m_carol.getCase(caseId, cb); });
    QVERIFY(current.ok());
    auto store = openStore(path);
    const auto type = store->reads().caseType(QStringLiteral("inspection"));
    const FieldDef f = editableFields(*type).first();
    const QJsonValue v = valueFor(f, *store, 41);
    auto r = await<Result<QList<ActionResult>>>([&](auto cb) {
        m_carol.uploadActions(
            QStringLiteral("office"), { carolUpdate(caseId, current->etag, { { f.name, v } }) }, cb);
    });
    QVERIFY(r.ok());
    QCOMPARE(r->first().status, ResultStatus::Applied);
    QTRY_VERIFY_WITH_TIMEOUT(store->reads().caseById(caseId)->record.fields.value(f.name) == v, 20000);
    auto announced = [&]() {
        for (const auto &args : changed)
            if (args.at(0).toStringList().contains(caseId))
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(announced(), 10000); // open screens learn which case to refresh
}

void TestSyncE2e::stoppedServerShowsOfflineAtOnce()
{
    const QString path = newStorePath();
    QString caseId;
    const QString why = createSyncedCase(path, &caseId);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    SyncConfig config = liveConfig(path);
    config.probeInterval = std::chrono::minutes(10); // only the dropped push connection can tell
    SyncController controller(config);
    controller.start();
    QTRY_COMPARE_WITH_TIMEOUT(controller.state(), SyncState::Online, 30000);

    // The server goes away: the push connection drops, and the engine says so within seconds (not
    // at the next probe).
    QElapsedTimer t;
    t.start();
    QCOMPARE(m_server.stop(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(controller.state(), SyncState::Offline, 5000);
    qInfo() << "offline shown" << t.elapsed() << "ms after the server stopped";

    // It comes back: the engine finds it again by itself.
    QString whyNot;
    QVERIFY2(m_server.restart(&whyNot), qPrintable(whyNot));
    QTRY_COMPARE_WITH_TIMEOUT(controller.state(), SyncState::Online, 30000);
}

void TestSyncE2e::expiredTokenParksTheQueue()
{
    const QString path = newStorePath();
    QString caseId;
    const QString why = createSyncedCase(path, &caseId);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    auto store = openStore(path);
    QVERIFY(store->edits().addNote(caseId, QStringLiteral("waits for sign-in")).ok());
    SyncConfig config = aliceConfig(path);
    config.token = QStringLiteral("not-a-valid-token");
    SyncController controller(config);
    QSignalSpy finished(&controller, &SyncController::cycleFinished);
    controller.start();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
    QCOMPARE(finished.first().at(1).toString(), QStringLiteral("unauthenticated"));
    QCOMPARE(controller.state(), SyncState::SignInRequired);
    QCOMPARE(store->reads().pendingCount(), 1);
    QCOMPARE(store->reads().outbox().first().state, client::QueueState::Queued);

    // Signing in again hands a fresh token to the running engine; the queue drains.
    finished.clear();
    controller.setToken(m_aliceToken);
    controller.syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() && finished.last().at(0).toBool(), 30000);
    QCOMPARE(store->reads().pendingCount(), 0);
}

void TestSyncE2e::attachmentsGoUpFirstAndIntact()
{
    const QString path = newStorePath();
    QString caseId;
    const QString why = createSyncedCase(path, &caseId);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    auto store = openStore(path);
    const QString file = m_dir.filePath(QStringLiteral("meter photo.jpg"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray bytes(256 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < bytes.size(); ++i)
            bytes[i] = char(QRandomGenerator::global()->bounded(256));
        f.write(bytes);
    }
    auto id = store->edits().attachFile(caseId, file);
    QVERIFY2(id.ok(), qPrintable(id.error().toString()));
    QVERIFY(store->edits().addNote(caseId, QStringLiteral("photo attached")).ok());
    QCOMPARE(store->upload().attachmentsToUpload().size(), 1);
    auto cycle = syncOnce(aliceConfig(path));
    QVERIFY2(cycle.ok, qPrintable(cycle.message));
    QVERIFY(store->upload().attachmentsToUpload().isEmpty());

    const QString sha = ApiClient::sha256OfFile(file).value();
    auto onServer = await<Result<CaseRecord>>([&](auto cb) { m_carol.getCase(caseId, cb); });
    QVERIFY(onServer.ok());
    bool listed = false;
    for (const AttachmentRef &a : onServer->attachments)
        listed = listed || (a.id == id.value() && a.sha256.compare(sha, Qt::CaseInsensitive) == 0);
    QVERIFY(listed);
    auto got = await<Result<QByteArray>>([&](auto cb) { m_alice.getAttachment(id.value(), cb); });
    QVERIFY2(got.ok(), qPrintable(got.error().toString()));
    QCOMPARE(
        QString::fromLatin1(QCryptographicHash::hash(got.value(), QCryptographicHash::Sha256).toHex()), sha);
    // The copy that waited for upload beside the store was never there in plain.
    QFile original(file);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray plain = original.readAll();
    for (const QString &f : QDir(client::StoreLocation::attachmentsDirFor(path)).entryList(QDir::Files)) {
        QFile copy(QDir(client::StoreLocation::attachmentsDirFor(path)).filePath(f));
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QVERIFY(!copy.readAll().contains(plain.mid(100, 64)));
    }
}

QTEST_GUILESS_MAIN(TestSyncE2e)
#include "tst_sync_e2e.moc"
