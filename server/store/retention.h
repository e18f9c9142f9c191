// SPDX-License-Identifier: MIT
#pragma once

#include "database.h"

#include <QDateTime>

namespace outpost::server {

/// What one prune did.
struct PruneReport {
    qint64 previousHorizon = 0;
    qint64 horizon = 0; // tokens at or below it now get 410 full_sync_required
    qint64 scopeLogRows = 0; // deleted
    qint64 tombstones = 0; // feed rows of removed entities, deleted
    int transactions = 0;
};

/// Keeps the history that delta syncs need (scope_log, feed tombstones) for `retentionDays`, and
/// no longer.
///
/// Sequence numbers carry no time, so each prune first records a mark "by `now`, everything up to
/// seq S was committed" (table seq_marks). The retention horizon becomes the seq just below the
/// newest mark older than the retention period: every change at or below it is at least that old,
/// and the horizon stays below the current seq, so the token of a fresh full sync is never void.
/// Pruning deletes scope_log rows and tombstones at or below the horizon and raises the horizon
/// (settings row retention_horizon_seq) in the same transaction, so a reader sees either the old
/// history and the old horizon or neither: a token at or below the horizon gets 410, newer tokens
/// still get every remove they are due. History from before the first mark counts as new (its age is
/// unknown), so the first horizon comes one retention period after the first prune.
///
/// Each transaction is a write (it takes the change-sequence lock, so several instances on one
/// database prune one after the other, never twice) and covers at most `batchSeqs` sequence
/// numbers, so writers never wait long behind it; a large backlog takes several transactions.
class FeedRetention
{
public:
    FeedRetention(Database &db, int retentionDays, int batchSeqs = 20000)
        : m_db(db)
        , m_retentionDays(retentionDays)
        , m_batchSeqs(batchSeqs)
    { }

    int retentionDays() const { return m_retentionDays; }
    Database &database() const { return m_db; }

    /// One prune with `now` as the clock (the service passes the current time; tests pass theirs).
    /// Errors: unavailable (database), busy (the write gate is full: try again later).
    Result<PruneReport> prune(const QDateTime &now);

private:
    Database &m_db;
    int m_retentionDays;
    int m_batchSeqs;
};

/// The SQLite query planner's statistics (ANALYZE: about 0.25 s on 50,000 cases), so that it picks
/// the indexes that fit the data (the console's queue filter over 50,000 cases: ~80 → ~20 ms).
/// Run by the periodic maintenance with the prune, and after a bulk load. PostgreSQL's autovacuum
/// does the same by itself: nothing is done there.
Status refreshPlannerStatistics(Database &db);

} // namespace outpost::server
