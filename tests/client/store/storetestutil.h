// SPDX-License-Identifier: MIT
// Shared fixtures for the store tests: protocol JSON as the server sends it.
#pragma once

#include "cryptvfs.h"
#include "encryptedstore.h"
#include "localstore.h"
#include "protocol/jsonreader.h"
#include "storekeys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace storetest {

using namespace outpost;
using namespace outpost::client;

inline QJsonObject obj(const char *json)
{
    auto o = parseJsonObject(QByteArray(json));
    if (!o)
        qFatal("bad fixture: %s", qPrintable(o.error().toString()));
    return o.value();
}

inline QJsonObject inspectionType()
{
    return obj(R"J({"name": "inspection", "version": 3, "title": "Site inspection",
 "statuses": ["New", "InProgress", "Resolved-Completed", "Resolved-Withdrawn"],
 "fields": [
   {"name": "site", "label": "Site", "type": "lookup", "dataPage": "sites", "required": true},
   {"name": "readingKw", "label": "Meter reading (kW)", "type": "number", "min": 0, "max": 100000},
   {"name": "visitDate", "label": "Visit date", "type": "date", "required": true},
   {"name": "priority", "label": "Priority", "type": "choice", "choices": ["low", "normal", "high"]},
   {"name": "passed", "label": "Passed", "type": "bool"},
   {"name": "summary", "label": "Summary", "type": "text", "maxLength": 2000}],
 "flowActions": [
   {"name": "start", "label": "Start work", "from": ["New"], "to": "InProgress"},
   {"name": "complete", "label": "Complete", "from": ["InProgress"], "to": "Resolved-Completed",
    "requires": ["readingKw", "passed"]}],
 "conflictPolicy": {"default": "merge", "fields": {"readingKw": "serverWins", "summary": "clientWins"}}})J");
}

inline QJsonObject caseJson(
    const QString &id, int version, const QJsonObject &fields, const QString &status = QStringLiteral("New"))
{
    return QJsonObject { { "id", id }, { "caseType", "inspection" }, { "caseTypeVersion", 3 },
        { "status", status }, { "title", QStringLiteral("Inspect %1").arg(id) }, { "assignee", "alice" },
        { "queue", "north" }, { "createdAt", "2026-11-20T08:00:00Z" },
        { "updatedAt", "2026-11-20T08:00:00Z" }, { "etag", QStringLiteral("\"%1\"").arg(version) },
        { "fields", fields }, { "attachments", QJsonArray() } };
}

inline QJsonObject baseFields()
{
    return QJsonObject { { "site", "S-001" }, { "visitDate", "2026-11-30" }, { "priority", "normal" },
        { "readingKw", 12 } };
}

inline QJsonObject upsert(const char *kind, const QString &id, const QJsonObject &data)
{
    return QJsonObject { { "kind", kind }, { "op", "upsert" }, { "id", id },
        { "etag", data.value("etag").toString("\"1\"") }, { "data", data } };
}

inline QJsonObject removal(const char *kind, const QString &id)
{
    return QJsonObject { { "kind", kind }, { "op", "remove" }, { "id", id } };
}

inline QJsonObject siteRow(const QString &key)
{
    return QJsonObject { { "page", "sites" }, { "key", key },
        { "label", QStringLiteral("Site %1").arg(key) } };
}

inline ChangesPage page(const QJsonArray &changes, const QString &next, bool more = false)
{
    auto p
        = ChangesPage::fromJson(QJsonObject { { "changes", changes }, { "next", next }, { "more", more } });
    if (!p)
        qFatal("bad page: %s", qPrintable(p.error().toString()));
    return p.value();
}

/// Case type, sites S-001..S-005, cases C-1..C-3 (version 1), as one full sync.
inline void seed(LocalStore &s)
{
    QJsonArray ch { upsert("caseType", "inspection", inspectionType()) };
    for (int i = 1; i <= 5; ++i)
        ch.append(upsert(
            "dataPage", QStringLiteral("sites/S-00%1").arg(i), siteRow(QStringLiteral("S-00%1").arg(i))));
    for (int i = 1; i <= 3; ++i)
        ch.append(upsert(
            "case", QStringLiteral("C-%1").arg(i), caseJson(QStringLiteral("C-%1").arg(i), 1, baseFields())));
    auto b = s.pages().beginFullSync();
    QVERIFY2(b.ok(), qPrintable(b.error().toString()));
    auto r = s.pages().applyPage(page(ch, "t1"), true);
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    auto f = s.pages().finishFullSync("t1");
    QVERIFY2(f.ok(), qPrintable(f.error().toString()));
}

/// Stores are encrypted: a test unlocks its store with a key of its own (the app takes it from the
/// keychain). The same key for every path, so that a test may reopen a store it made.
inline QByteArray testKey()
{
    return QByteArray(StoreKeys::KeyBytes, '\x5a');
}
inline void unlock(const QString &path)
{
    if (!StoreKeys::has(path))
        StoreKeys::remember(path, testKey());
}

/// LocalStore::open() of a test's store (unlocked with the test key).
inline Result<std::unique_ptr<LocalStore>> open(const QString &path, const LocalStore::Options &options = {})
{
    unlock(path);
    return LocalStore::open(path, options);
}

/// A connection of its own to the (encrypted) store file, not through LocalStore: for tests that
/// damage or inspect the file with SQL. The caller removes it (QSqlDatabase::removeDatabase).
inline QSqlDatabase rawConnection(const QString &name, const QString &path)
{
    unlock(path);
    cryptvfs::registerOnce();
    return encryptedstore::addConnection(name, path, {});
}

inline std::unique_ptr<LocalStore> openStore(const QString &path)
{
    unlock(path);
    auto s = LocalStore::open(path);
    if (!s) {
        qWarning("open failed: %s", qPrintable(s.error().toString()));
        return nullptr;
    }
    return std::move(s).value();
}

inline ActionResult result(const QJsonObject &json)
{
    auto r = ActionResult::fromJson(json);
    if (!r)
        qFatal("bad result: %s", qPrintable(r.error().toString()));
    return r.value();
}

inline ActionResult applied(
    const QueuedAction &a, const QJsonObject &caseData, const QHash<QString, QString> &mapped = {})
{
    QJsonObject m;
    for (auto it = mapped.cbegin(); it != mapped.cend(); ++it)
        m.insert(it.key(), it.value());
    QJsonObject o { { "id", a.action.id }, { "status", "applied" }, { "caseId", caseData.value("id") },
        { "etag", caseData.value("etag") }, { "case", caseData } };
    if (!m.isEmpty())
        o.insert("mappedIds", m);
    return result(o);
}

inline ActionResult conflictResult(const QueuedAction &a, const QJsonObject &caseData)
{
    return result(QJsonObject { { "id", a.action.id }, { "status", "conflict" },
        { "caseId", caseData.value("id") }, { "case", caseData } });
}

inline ActionResult failed(const QueuedAction &a, const char *status, const char *code = "validation_failed")
{
    return result(QJsonObject { { "id", a.action.id }, { "status", status }, { "caseId", a.action.caseId },
        { "error",
            QJsonObject { { "code", code }, { "message", "Not accepted" },
                { "fields", QJsonObject { { "readingKw", "Too high" } } } } } });
}

} // namespace storetest
