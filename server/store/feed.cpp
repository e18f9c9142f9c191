// SPDX-License-Identifier: MIT
#include "feed.h"

#include "storelogging.h"

namespace outpost::server {

namespace {
Error fullSyncRequired(const QString &why)
{
    return Error(
        QStringLiteral("full_sync_required"), QStringLiteral("A full sync is required: %1.").arg(why));
}

// A token: "N" (a complete one: deltas start at seq N) or "N.S" on pages with more to come: N the
// position, S where the chain started (removes are due for scope changes after S; floors apply to S).
struct Token {
    qint64 position = 0;
    qint64 start = 0;
};

bool parseNumber(QStringView s, qint64 *out)
{
    if (s.isEmpty() || s.size() > 18)
        return false;
    for (QChar c : s)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    *out = s.toLongLong();
    return true;
}

std::optional<Token> parseToken(const QString &s)
{
    Token t;
    const qsizetype dot = s.indexOf(QLatin1Char('.'));
    if (dot < 0) {
        if (!parseNumber(s, &t.position))
            return std::nullopt;
        t.start = t.position;
        return t;
    }
    if (!parseNumber(QStringView(s).left(dot), &t.position)
        || !parseNumber(QStringView(s).mid(dot + 1), &t.start))
        return std::nullopt;
    return t;
}

QString placeholders(qsizetype n)
{
    QStringList p;
    for (qsizetype i = 0; i < n; ++i)
        p.append(QStringLiteral("?"));
    return p.join(QLatin1Char(','));
}
} // namespace

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

Result<QByteArray> FeedReader::page(Database &db, const Principal &user, const QString &since, int limit)
{
    const bool full = since.isEmpty() || since == QLatin1String("0");
    Token token;
    if (!full) {
        auto t = parseToken(since);
        if (!t)
            return fullSyncRequired(QStringLiteral("the token is not one this server issued"));
        token = *t;
    }

    auto txr = Tx::begin(db, Tx::Mode::Read);
    if (!txr)
        return txr.error();
    Tx &tx = txr.value();
    auto maxSeq = tx.currentSeq();
    if (!maxSeq)
        return maxSeq.error();
    const qint64 bound = maxSeq.value();

    // Floors below which tokens are void.
    qint64 forced = 0, rulesBreak = 0, horizon = 0;
    {
        auto q = tx.run(QStringLiteral("SELECT name, value FROM settings WHERE name IN (?, ?, ?)"),
            { settingkeys::globalFullSync, settingkeys::rulesBreak, settingkeys::retentionHorizon });
        if (!q)
            return q.error();
        while (q.value().next()) {
            const QString n = q.value().value(0).toString();
            const qint64 v = q.value().value(1).toLongLong();
            if (n == settingkeys::globalFullSync)
                forced = v;
            else if (n == settingkeys::rulesBreak)
                rulesBreak = v;
            else
                horizon = v;
        }
        auto u = tx.run(QStringLiteral("SELECT full_sync_seq FROM users WHERE id = ?"), { user.id });
        if (!u)
            return u.error();
        if (u.value().next())
            forced = std::max(forced, u.value().value(0).toLongLong());
    }
    if (!full) {
        if (token.position > bound || token.start > bound)
            return fullSyncRequired(QStringLiteral("the token is unknown"));
        if (token.start <= horizon)
            return fullSyncRequired(QStringLiteral("the token is too old"));
        if (token.start <= forced)
            return fullSyncRequired(QStringLiteral("an administrator asked for one"));
        if (token.start <= rulesBreak)
            return fullSyncRequired(QStringLiteral("the case types changed incompatibly"));
    }
    const qint64 from = full ? 0 : token.position;
    // A full sync's chain starts at this page's snapshot; removes are due for what moved after it.
    const qint64 chainStart = full ? bound : token.start;

    QString visible, wasVisible;
    QVariantList visArgs, wasArgs;
    if (user.isAdmin()) {
        visible = QStringLiteral("e.removed = 0");
        wasVisible = QStringLiteral("e.removed = 1 AND e.seq > ?");
        wasArgs << chainStart;
    } else {
        const QString inQueues = user.queues.isEmpty()
            ? QStringLiteral("(%1 IS NULL AND 0 = 1)")
            : QStringLiteral("%1 IN (") + placeholders(user.queues.size()) + QLatin1Char(')');
        visible = QStringLiteral("e.removed = 0 AND (e.public = 1 OR (e.resolved = 0 AND (e.scope_user = ? OR"
                                 " (e.scope_user IS NULL AND %1))))")
                      .arg(inQueues.arg(QStringLiteral("e.scope_queue")));
        visArgs << user.id;
        for (const QString &q : user.queues)
            visArgs << q;
        wasVisible = QStringLiteral(
            "EXISTS (SELECT 1 FROM scope_log l WHERE l.kind = e.kind AND l.entity_id = e.entity_id"
            " AND l.seq > ? AND l.old_resolved = 0 AND (l.old_user = ? OR (l.old_user IS NULL AND %1)))")
                         .arg(inQueues.arg(QStringLiteral("l.old_queue")));
        wasArgs << chainStart << user.id;
        for (const QString &q : user.queues)
            wasArgs << q;
    }
    QString sql
        = QStringLiteral("SELECT e.kind, e.entity_id, e.etag, e.doc, e.seq, CASE WHEN %1 THEN 1 ELSE 0 END"
                         " FROM sync_entities e WHERE e.seq > ? AND e.seq <= ? AND ")
              .arg(visible);
    QVariantList args = visArgs;
    args << from << bound;
    if (full) {
        sql += QStringLiteral("(%1)").arg(visible);
        args += visArgs;
    } else {
        sql += QStringLiteral("((%1) OR (%2))").arg(visible, wasVisible);
        args += visArgs;
        args += wasArgs;
    }
    sql += QStringLiteral(" ORDER BY e.seq LIMIT ?");
    args << limit + 1;

    auto q = tx.run(sql, args);
    if (!q)
        return q.error();
    QByteArray body;
    body.reserve(1 << 16);
    body.append("{\"changes\":[");
    int count = 0;
    qint64 last = from;
    bool more = false;
    while (q.value().next()) {
        if (count == limit) {
            more = true;
            break;
        }
        if (count > 0)
            body.append(',');
        const bool upsert = q.value().value(5).toInt() != 0;
        body.append("{\"kind\":\"");
        body.append(q.value().value(0).toString().toLatin1());
        body.append(upsert ? "\",\"op\":\"upsert\",\"id\":" : "\",\"op\":\"remove\",\"id\":");
        appendJsonString(body, q.value().value(1).toString());
        body.append(",\"etag\":");
        appendJsonString(body, q.value().value(2).toString());
        if (upsert) {
            body.append(",\"data\":");
            body.append(Database::docBytes(q.value().value(3)));
        }
        body.append('}');
        last = q.value().value(4).toLongLong();
        ++count;
    }
    q.value().finish();
    if (!full && tx.kind() == DbKind::PostgreSQL) {
        // READ COMMITTED: each statement sees what was committed when it began, so a prune may have
        // committed between the horizon check above and the page query (which then missed the history
        // it deleted). The prune raises the horizon in the same transaction: read it again.
        auto h = tx.run(
            QStringLiteral("SELECT value FROM settings WHERE name = ?"), { settingkeys::retentionHorizon });
        if (!h)
            return h.error();
        if (h.value().next() && token.start <= h.value().value(0).toLongLong())
            return fullSyncRequired(QStringLiteral("the token is too old"));
    }
    tx.rollback();

    // The last page hands out the snapshot bound: everything up to it has been seen.
    const QByteArray next
        = more ? QByteArray::number(last) + '.' + QByteArray::number(chainStart) : QByteArray::number(bound);
    body.append("],\"next\":\"");
    body.append(next);
    body.append(more ? "\",\"more\":true}" : "\",\"more\":false}");
    return body;
}

} // namespace outpost::server
