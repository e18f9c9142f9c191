// SPDX-License-Identifier: MIT
#pragma once

#include "apiclient.h"
#include "awaitresult.h"
#include "credentialstore.h"
#include "localstore.h"
#include "outpostdprocess.h"
#include "rules/rulesengine.h"
#include "signin.h"
#include "storekeys.h"
#include "storeunlock.h"
#include "synccontroller.h"

#include <QDate>
#include <QJsonArray>
#include <QSignalSpy>
#include <QUuid>

#include <optional>

namespace e2e {

using namespace outpost;
using namespace outpost::sync;

using outpost::testing::await;

/// Starts `server` on a SQLite file at `dbPath` with 30 demo cases (alice, bob, carol).
inline bool startDemoServer(outpost::testing::OutpostdProcess &server, const QString &dbPath, QString *why)
{
    outpost::testing::OutpostdProcess::Options o;
    o.dbUrl = QStringLiteral("sqlite:") + dbPath;
    o.demo = true;
    o.demoCases = 30;
    return server.start(o, why);
}

/// Stores are encrypted: the app and the CLI take a store's key from the keychain; a test that
/// makes its store itself (one-shot sync cycles) unlocks it with a key of its own.
inline void unlockWithTestKey(const QString &storePath)
{
    if (!client::StoreKeys::has(storePath))
        client::StoreKeys::remember(storePath, QByteArray(client::StoreKeys::KeyBytes, '\x3c'));
}

/// A store the CLI (or the app) made: its key from the real keychain, as the CLI reads it.
inline Status unlockFromKeychain(const QUrl &server, const QString &user, const QString &storePath)
{
    KeychainCredentialStore keychain;
    return await<Status>(
        [&](auto cb) { unlockStore(&keychain, server, user, storePath, StoreKeyMode::Existing, cb); });
}

/// The store at `path`, or null (with a warning saying why).
inline std::unique_ptr<client::LocalStore> openStore(const QString &path)
{
    unlockWithTestKey(path);
    auto s = client::LocalStore::open(path);
    if (!s.ok())
        qWarning("store: %s", qPrintable(s.error().toString()));
    return s.ok() ? std::move(s).value() : nullptr;
}

/// A case's history as `api`'s user reads it from the server (empty, with a warning, on failure).
inline QList<HistoryEntry> historyOf(ApiClient &api, const QString &caseId)
{
    auto h = await<Result<QList<HistoryEntry>>>([&](auto cb) { api.history(caseId, cb); });
    if (!h.ok())
        qWarning("history: %s", qPrintable(h.error().toString()));
    return h.ok() ? h.value() : QList<HistoryEntry>();
}

inline Result<SessionInfo> login(ApiClient &api, const QUrl &server, const QString &user)
{
    return await<Result<SessionInfo>>(
        [&](auto cb) { api.signIn(server, user, user, QStringLiteral("test-") + user, cb); });
}

/// A config for one-shot cycles with the token given directly (no keychain, no push, no timers).
inline SyncConfig oneShotConfig(
    const QString &storePath, const QUrl &server, const QString &user, const QString &token)
{
    unlockWithTestKey(storePath);
    SyncConfig c;
    c.storePath = storePath;
    c.server = server;
    c.user = user;
    c.token = token;
    c.usePush = false;
    c.useReachability = false;
    c.periodic = false;
    c.syncAtStart = true;
    c.transferTimeout = std::chrono::seconds(20);
    return c;
}

struct CycleOutcome {
    bool ok = false;
    QString code;
    QString message;
};

/// Runs one sync cycle on its own sync thread and waits for its end.
inline CycleOutcome syncOnce(const SyncConfig &config, bool fullSync = false, SyncServices services = {})
{
    unlockWithTestKey(config.storePath);
    SyncController controller(config, std::move(services));
    QSignalSpy finished(&controller, &SyncController::cycleFinished);
    QSignalSpy started(&controller, &SyncController::startFinished);
    if (fullSync)
        controller.requestFullSync();
    controller.start();
    for (int i = 0; i < 120 && finished.isEmpty(); ++i) {
        if (!started.isEmpty() && !started.first().at(0).toBool())
            return { false, started.first().at(1).toString(), started.first().at(2).toString() };
        finished.wait(1000);
    }
    if (finished.isEmpty())
        return { false, QStringLiteral("test_timeout"), QStringLiteral("no cycle end in 120 s") };
    return { finished.first().at(0).toBool(), finished.first().at(1).toString(),
        finished.first().at(2).toString() };
}

/// A valid value for a field; `n` varies it.
inline QJsonValue valueFor(const FieldDef &f, client::LocalStore &store, int n)
{
    switch (f.type) {
    case FieldType::Text: {
        QString s = QStringLiteral("v%1-%2").arg(n).arg(QUuid::createUuid().toString(QUuid::Id128).left(6));
        if (f.maxLength && s.size() > *f.maxLength)
            s = s.left(*f.maxLength);
        return s;
    }
    case FieldType::Number: {
        double lo = f.min.value_or(0);
        double hi = f.max.value_or(lo + 1000);
        return std::min(hi, lo + 1 + (n % 50));
    }
    case FieldType::Date:
        return QDate(2026, 12, 1).addDays(n % 200).toString(Qt::ISODate);
    case FieldType::DateTime:
        return QString(
            QDate(2026, 12, 1).addDays(n % 200).toString(Qt::ISODate) + QStringLiteral("T08:00:00Z"));
    case FieldType::Bool:
        return n % 2 == 0;
    case FieldType::Choice:
        return f.choices.isEmpty() ? QJsonValue() : QJsonValue(f.choices.at(n % f.choices.size()));
    case FieldType::Lookup: {
        const auto rows = store.reads().dataPageRows(f.dataPage, QString(), 100);
        return rows.isEmpty() ? QJsonValue() : QJsonValue(rows.at(n % rows.size()).key);
    }
    case FieldType::Signature: // the sha256 of an attachment of the case: none to name here
        return QJsonValue();
    }
    return QJsonValue();
}

inline QJsonObject requiredFields(const CaseType &type, client::LocalStore &store, int n = 0)
{
    QJsonObject out;
    for (const FieldDef &f : type.fields)
        if (f.required)
            out.insert(f.name, valueFor(f, store, n));
    return out;
}

/// Fields a test may edit freely: not required and without a pattern first, then the rest.
inline QList<FieldDef> editableFields(const CaseType &type)
{
    QList<FieldDef> easy, rest;
    for (const FieldDef &f : type.fields) {
        if (!f.pattern.isEmpty() || f.type == FieldType::Lookup || f.type == FieldType::Signature)
            continue;
        (f.required ? rest : easy).append(f);
    }
    return easy + rest;
}

/// Every case the user sees on the server, id → case, read through the changes feed.
inline Result<QHash<QString, QJsonObject>> serverCases(ApiClient &api)
{
    QHash<QString, QJsonObject> out;
    QString since;
    for (int guard = 0; guard < 10000; ++guard) {
        auto page = await<Result<ChangesPage>>([&](auto cb) { api.changes(since, 1000, cb); });
        if (!page.ok())
            return page.error();
        for (const Change &c : page->changes) {
            if (c.kind != ChangeKind::Case)
                continue;
            if (c.remove)
                out.remove(c.id);
            else
                out.insert(c.id, c.data);
        }
        since = page->next;
        if (!page->more)
            return out;
    }
    return Error(QStringLiteral("test"), QStringLiteral("endless feed"));
}

/// id → the server copy as the store holds it (etag, status, server fields).
inline QHash<QString, QJsonObject> storeCases(client::LocalStore &store)
{
    client::CaseFilter filter;
    filter.includeResolved = true;
    filter.limit = 1000000;
    QHash<QString, QJsonObject> out;
    for (const client::LocalCase &c : store.reads().cases(filter)) {
        if (c.isLocalOnly)
            continue;
        out.insert(c.record.id,
            QJsonObject { { QStringLiteral("etag"), c.record.etag },
                { QStringLiteral("status"), c.serverStatus }, { QStringLiteral("fields"), c.serverFields } });
    }
    return out;
}

inline QJsonObject comparable(const QJsonObject &serverCase)
{
    return QJsonObject { { QStringLiteral("etag"), serverCase.value(QLatin1String("etag")) },
        { QStringLiteral("status"), serverCase.value(QLatin1String("status")) },
        { QStringLiteral("fields"), serverCase.value(QLatin1String("fields")) } };
}

} // namespace e2e
