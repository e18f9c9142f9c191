// SPDX-License-Identifier: MIT
#include "retention.h"

#include "feed.h"
#include "storelogging.h"
#include "tx.h"

#include <algorithm>

namespace outpost::server {

namespace {
Result<qint64> scalar(Tx &tx, const QString &sql, const QVariantList &args = {})
{
    auto q = tx.run(sql, args);
    if (!q)
        return q.error();
    return q.value().next() ? q.value().value(0).toLongLong() : 0;
}

Result<qint64> deleted(Tx &tx, const QString &sql, const QVariantList &args)
{
    auto q = tx.run(sql, args);
    if (!q)
        return q.error();
    return qMax(0, q.value().numRowsAffected());
}
} // namespace

Result<PruneReport> FeedRetention::prune(const QDateTime &now)
{
    const qint64 nowSecs = now.toSecsSinceEpoch();
    const qint64 cutoff = nowSecs - qint64(m_retentionDays) * 86400;
    PruneReport report;
    for (bool first = true;; first = false) {
        auto txr = Tx::begin(m_db, Tx::Mode::Write);
        if (!txr)
            return txr.error();
        Tx &tx = txr.value();
        // Under the sequence lock: every seq up to the current one is committed.
        auto current = tx.currentSeq();
        if (!current)
            return current.error();
        if (first) {
            auto mark = tx.run(
                QStringLiteral("INSERT INTO seq_marks (seq, at) VALUES (?, ?) ON CONFLICT (seq) DO NOTHING"),
                { current.value(), nowSecs });
            if (!mark)
                return mark.error();
        }
        auto stored = readSetting(tx, settingkeys::retentionHorizon);
        if (!stored)
            return stored.error();
        const qint64 horizon = stored.value().toLongLong();
        if (first)
            report.previousHorizon = horizon;
        report.horizon = horizon;
        auto target = scalar(
            tx, QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM seq_marks WHERE at <= ?"), { cutoff });
        if (!target)
            return target.error();
        // Everything below the newest mark older than the period is old enough. The marked seq itself
        // stays, which keeps the horizon below the current seq: a fresh full sync's token (the current
        // seq) is never void.
        const qint64 due = target.value() - 1;
        if (due <= horizon) {
            if (auto st = tx.commit(); !st) // keeps the mark
                return st.error();
            ++report.transactions;
            return report;
        }
        const qint64 upTo = std::min(due, horizon + m_batchSeqs);
        auto logRows = deleted(
            tx, QStringLiteral("DELETE FROM scope_log WHERE seq > ? AND seq <= ?"), { horizon, upTo });
        if (!logRows)
            return logRows.error();
        auto tombstones = deleted(tx,
            QStringLiteral("DELETE FROM sync_entities WHERE removed = 1 AND seq > ? AND seq <= ?"),
            { horizon, upTo });
        if (!tombstones)
            return tombstones.error();
        // Marks at or below the new horizon have served their purpose.
        if (auto d = tx.run(QStringLiteral("DELETE FROM seq_marks WHERE seq <= ?"), { upTo }); !d)
            return d.error();
        if (auto st = writeSetting(tx, settingkeys::retentionHorizon, QString::number(upTo)); !st)
            return st.error();
        if (auto st = tx.commit(); !st)
            return st.error();
        ++report.transactions;
        report.horizon = upTo;
        report.scopeLogRows += logRows.value();
        report.tombstones += tombstones.value();
        qCDebug(lcStore) << "feed retention: horizon" << horizon << "->" << upTo << "," << logRows.value()
                         << "scope-log rows," << tombstones.value() << "tombstones";
    }
}

Status refreshPlannerStatistics(Database &db)
{
    if (db.kind() != DbKind::SQLite)
        return Status::success();
    auto txr = Tx::begin(db, Tx::Mode::Write);
    if (!txr)
        return txr.error();
    Tx &tx = txr.value();
    // Whole indexes: a sampled ANALYZE (analysis_limit) reads only the first rows of each index and
    // then misjudges them (the queue filter's plan stayed the slow one).
    if (auto q = tx.run(QStringLiteral("ANALYZE")); !q)
        return q.error();
    return tx.commit();
}

} // namespace outpost::server
