// SPDX-License-Identifier: MIT
#pragma once

#include "principal.h"
#include "tx.h"

#include <QJsonObject>

namespace outpost::server {

/// Who may see an entity in the feed.
struct FeedScope {
    QString user; // assignee; empty: none
    QString queue; // work queue; empty: none
    bool resolved = false;
    bool isPublic = false; // case types and data-page rows
    bool removed = false;
};

/// Entity kinds as the protocol names them.
namespace kinds {
inline const QString caseType = QStringLiteral("caseType");
inline const QString caseRecord = QStringLiteral("case");
inline const QString assignment = QStringLiteral("assignment");
inline const QString dataPage = QStringLiteral("dataPage");
// One entry of a case's history (an audit row: a change, a note, an attachment); extension, sent
// only to clients that ask for it (GET /sync/changes?include=history).
inline const QString history = QStringLiteral("history");
} // namespace kinds

/// Writes the feed table sync_entities: one row per entity in its latest state, re-stamped with a new
/// seq on each change; scope changes are logged so that the users who lose an entity get a remove.
class FeedWriter
{
public:
    /// Stamps an entity with a fresh seq. `isNew`: skip looking up an earlier scope (new entities, bulk
    /// inserts, or an entity the caller knows keeps its scope: nothing to log then).
    static Result<qint64> stamp(Tx &tx, const QString &kind, const QString &id, const QString &etag,
        const QByteArray &doc, const FeedScope &scope, bool isNew = false);
    /// Adds one history entry of case `caseId` with the case's scope: a new entity "h<seq>" that
    /// never changes; `entry` gets its `id` and `caseId`. Returns the entity id.
    static Result<QString> addHistory(
        Tx &tx, const QString &caseId, QJsonObject entry, const FeedScope &scope);

private:
    /// The case's scope changed: its history entries follow it (new seqs, so that whoever sees the
    /// case now receives them; nobody gets removes for them, a client drops a removed case's history).
    static Status restampHistory(Tx &tx, const QString &caseId, const FeedScope &scope);
};

/// Settings that invalidate tokens (all stored, none in memory).
namespace settingkeys {
inline const QString globalFullSync = QStringLiteral("full_sync_seq");
inline const QString rulesBreak = QStringLiteral("rules_break_seq");
// The highest seq whose history (scope_log, tombstones) may have been pruned: tokens at or below it
// get 410. Raised only by FeedRetention, in the transaction that deletes that history.
inline const QString retentionHorizon = QStringLiteral("retention_horizon_seq");
} // namespace settingkeys

Result<QString> readSetting(Tx &tx, const QString &name);
Status writeSetting(Tx &tx, const QString &name, const QString &value);

/// Reads one page of GET /sync/changes as the finished response body (feedreader.cpp).
/// Errors: bad_request (limit), full_sync_required (token).
class FeedReader
{
public:
    /// `history`: the client asked for history entries (extension); older clients do not know them.
    static Result<QByteArray> page(
        Database &db, const Principal &user, const QString &since, int limit, bool history = false);
};

/// Appends s as a JSON string literal.
void appendJsonString(QByteArray &out, const QString &s);

} // namespace outpost::server
