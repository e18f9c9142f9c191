// SPDX-License-Identifier: MIT
#include "queuegate.h"

#include "storedb.h"

namespace outpost::client {

QString queueBlockName(QueueBlock b)
{
    switch (b) {
    case QueueBlock::None:
        return {};
    case QueueBlock::Conflict:
        return QStringLiteral("conflict");
    case QueueBlock::SyncIssue:
        return QStringLiteral("syncIssue");
    case QueueBlock::Held:
        return QStringLiteral("held");
    case QueueBlock::Inflight:
        return QStringLiteral("inflight");
    case QueueBlock::Attachment:
        return QStringLiteral("attachment");
    }
    return {};
}

QueueGate::QueueGate(const StoreDb &db)
{
    // The conflicts table decides (cases.has_conflict mirrors it); reading it costs nothing when
    // there are none, where the flag would mean a scan of every case at each upload batch.
    if (auto q = db.run(QStringLiteral("SELECT DISTINCT case_id FROM conflicts")))
        while (q.value().next())
            m_conflicted.insert(q.value().value(0).toString());
    if (auto q = db.run(QStringLiteral("SELECT case_id, min(action_seq) FROM sync_issues GROUP BY case_id")))
        while (q.value().next())
            m_firstIssue.insert(q.value().value(0).toString(), q.value().value(1).toLongLong());
    // A signature field holds the sha256 of an attachment of its case: the server accepts it only
    // once that attachment is there, so the action waits for the upload (protocol.md, *Signature
    // fields*). A create never waits: its case's files go only after it is mapped (LocalEdits
    // never folds a signature into a create). Nothing to join while every file is uploaded.
    if (auto q = db.run(
            QStringLiteral("SELECT DISTINCT o.seq FROM attachments a JOIN outbox o ON o.case_id = a.case_id "
                           "WHERE a.uploaded = 0 AND o.type <> 'create' AND instr(o.payload, a.sha256) > 0")))
        while (q.value().next())
            m_waitsForFile.insert(q.value().value(0).toLongLong());
}

QueueBlock QueueGate::check(qint64 seq, const QString &caseId, QueueState state)
{
    QueueBlock block = QueueBlock::None;
    if (m_conflicted.contains(caseId))
        block = QueueBlock::Conflict;
    else if (const auto it = m_firstIssue.constFind(caseId); it != m_firstIssue.cend() && seq > it.value())
        block = QueueBlock::SyncIssue;
    else if (m_held.contains(caseId))
        block = QueueBlock::Held;
    else if (m_inflight.contains(caseId))
        block = QueueBlock::Inflight;
    else if (m_waitsForFile.contains(seq))
        block = QueueBlock::Attachment;
    if (state == QueueState::Held)
        m_held.insert(caseId);
    else if (state == QueueState::Inflight)
        m_inflight.insert(caseId);
    return block;
}

} // namespace outpost::client
