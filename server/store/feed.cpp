// SPDX-License-Identifier: MIT
#include "feed.h"

#include "storelogging.h"

#include <QJsonDocument>

namespace outpost::server {

void appendJsonString(QByteArray &out, const QString &s)
{
    out.append('"');
    const QByteArray u = s.toUtf8();
    for (char c : u) {
        const auto uc = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.append('\\');
            out.append(c);
        } else if (uc < 0x20) {
            static const char hex[] = "0123456789abcdef";
            out.append("\\u00");
            out.append(hex[uc >> 4]);
            out.append(hex[uc & 15]);
        } else {
            out.append(c);
        }
    }
    out.append('"');
}

Result<QString> readSetting(Tx &tx, const QString &name)
{
    auto q = tx.run(QStringLiteral("SELECT value FROM settings WHERE name = ?"), { name });
    if (!q)
        return q.error();
    return q.value().next() ? q.value().value(0).toString() : QString();
}

Status writeSetting(Tx &tx, const QString &name, const QString &value)
{
    auto q = tx.run(QStringLiteral("INSERT INTO settings (name, value) VALUES (?, ?)"
                                   " ON CONFLICT (name) DO UPDATE SET value = excluded.value"),
        { name, value });
    if (!q)
        return q.error();
    return Status::success();
}

Result<qint64> FeedWriter::stamp(Tx &tx, const QString &kind, const QString &id, const QString &etag,
    const QByteArray &doc, const FeedScope &scope, bool isNew)
{
    auto seq = tx.takeSeq();
    if (!seq)
        return seq.error();
    if (!isNew && !scope.isPublic) {
        auto old = tx.runCached(
            QStringLiteral("SELECT scope_user, scope_queue, resolved, removed FROM sync_entities"
                           " WHERE kind = ? AND entity_id = ?"),
            { kind, id });
        if (!old)
            return old.error();
        if (old.value()->next()) {
            const QString oldUser = old.value()->value(0).toString();
            const QString oldQueue = old.value()->value(1).toString();
            const bool oldResolved = old.value()->value(2).toInt() != 0;
            const bool oldRemoved = old.value()->value(3).toInt() != 0;
            old.value()->finish();
            const bool scopeChanged = oldUser != scope.user || oldQueue != scope.queue
                || oldResolved != scope.resolved || scope.removed != oldRemoved;
            if (scopeChanged && kind == kinds::caseRecord)
                if (auto st = restampHistory(tx, id, scope); !st)
                    return st.error();
            if (!oldRemoved
                && (oldUser != scope.user || oldQueue != scope.queue || oldResolved != scope.resolved
                    || scope.removed)) {
                auto log = tx.run(
                    QStringLiteral(
                        "INSERT INTO scope_log (kind, entity_id, seq, old_user, old_queue, old_resolved)"
                        " VALUES (?, ?, ?, ?, ?, ?)"),
                    { kind, id, seq.value(), orNull(oldUser), orNull(oldQueue), oldResolved ? 1 : 0 });
                if (!log)
                    return log.error();
            }
        }
    }
    auto q = tx.runCached(
        QStringLiteral(
            "INSERT INTO sync_entities (kind, entity_id, seq, etag, doc, removed, scope_user,"
            " scope_queue, resolved, public) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (kind, entity_id) DO UPDATE SET seq = excluded.seq, etag = excluded.etag,"
            " doc = excluded.doc, removed = excluded.removed, scope_user = excluded.scope_user,"
            " scope_queue = excluded.scope_queue, resolved = excluded.resolved, public = excluded.public"),
        { kind, id, seq.value(), etag, tx.database().docValue(doc), scope.removed ? 1 : 0, orNull(scope.user),
            orNull(scope.queue), scope.resolved ? 1 : 0, scope.isPublic ? 1 : 0 });
    if (!q)
        return q.error();
    return seq.value();
}

Result<QString> FeedWriter::addHistory(
    Tx &tx, const QString &caseId, QJsonObject entry, const FeedScope &scope)
{
    auto seq = tx.takeSeq();
    if (!seq)
        return seq.error();
    const QString id = QLatin1Char('h') + QString::number(seq.value());
    entry.insert(QStringLiteral("id"), id);
    entry.insert(QStringLiteral("caseId"), caseId);
    const QByteArray doc = QJsonDocument(entry).toJson(QJsonDocument::Compact);
    auto q = tx.runCached(
        QStringLiteral("INSERT INTO sync_entities (kind, entity_id, seq, etag, doc, removed, scope_user,"
                       " scope_queue, resolved, public, case_id) VALUES ('history', ?, ?, '\"1\"', ?, ?, ?, "
                       "?, ?, 0, ?)"),
        { id, seq.value(), tx.database().docValue(doc), scope.removed ? 1 : 0, orNull(scope.user),
            orNull(scope.queue), scope.resolved ? 1 : 0, caseId });
    if (!q)
        return q.error();
    return id;
}

Status FeedWriter::restampHistory(Tx &tx, const QString &caseId, const FeedScope &scope)
{
    auto q = tx.run(
        QStringLiteral(
            "SELECT entity_id FROM sync_entities WHERE case_id = ? AND kind = 'history' ORDER BY seq"),
        { caseId });
    if (!q)
        return q.error();
    QStringList ids;
    while (q.value().next())
        ids.append(q.value().value(0).toString());
    q.value().finish();
    for (const QString &id : std::as_const(ids)) {
        auto seq = tx.takeSeq();
        if (!seq)
            return seq.error();
        auto u = tx.runCached(
            QStringLiteral("UPDATE sync_entities SET seq = ?, removed = ?, scope_user = ?, scope_queue = ?,"
                           " resolved = ? WHERE kind = 'history' AND entity_id = ?"),
            { seq.value(), scope.removed ? 1 : 0, orNull(scope.user), orNull(scope.queue),
                scope.resolved ? 1 : 0, id });
        if (!u)
            return u.error();
    }
    return Status::success();
}

} // namespace outpost::server
