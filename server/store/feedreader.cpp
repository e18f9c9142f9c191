// SPDX-License-Identifier: MIT
// FeedReader: one page of GET /sync/changes, in named steps. Hot path of a full sync: one read
// transaction, the same statements as ever, the body built by concatenation.
//
// Own work first (docs/protocol.md, *Changes feed*): a full sync of a user with cases assigned to
// them starts with an "own" pass over the snapshot S of its first page: the case types, then the
// user's open cases with a due date and their assignments, soonest due first, paged by (due, case
// id), along the assignments' due-date index (cases without a due date come with the rest). Only pairs
// whose case and assignment are both unchanged since S take part, so what the pass covers never
// changes under it: a pair restamped later leaves it, and an entity at or below S is as it was at
// S. The chain then goes on as any other, by seq from 0, skipping exactly what the pass sent (case
// types at or below S; pairs at or below S up to the pass's last (due, case id)).
#include "feed.h"

namespace outpost::server {

namespace {
Error fullSyncRequired(const QString &why)
{
    return Error(
        QStringLiteral("full_sync_required"), QStringLiteral("A full sync is required: %1.").arg(why));
}

// A token: "N" (a complete one: deltas start at seq N) or "N.S" on pages with more to come: N the
// position, S where the chain started (removes are due for scope changes after S; floors apply to S).
// Own-first chains add: "o<S>.<cut>" while the own pass goes on, and "<position>.<S>.<cut>" after it;
// <cut> is the (due, case id) of the last own case sent, base64url.
struct Token {
    qint64 position = 0;
    qint64 start = 0;
    enum class Phase { Plain, Own, AfterOwn } phase = Phase::Plain;
    QString cutDue;
    QString cutCase;
};

QByteArray encodeCut(const QString &due, const QString &caseId)
{
    return (due + QLatin1Char('\n') + caseId)
        .toUtf8()
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool decodeCut(QStringView s, Token *t)
{
    const auto decoded = QByteArray::fromBase64Encoding(s.toLatin1(),
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
            | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || s.isEmpty())
        return false;
    const QString text = QString::fromUtf8(*decoded);
    const qsizetype nl = text.indexOf(QLatin1Char('\n'));
    if (nl < 0 || text.indexOf(QLatin1Char('\n'), nl + 1) >= 0)
        return false;
    t->cutDue = text.left(nl);
    t->cutCase = text.mid(nl + 1);
    return true;
}

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
    if (s.startsWith(QLatin1Char('o'))) {
        const QStringList parts = s.mid(1).split(QLatin1Char('.'));
        if (parts.size() != 2 || !parseNumber(parts.at(0), &t.start) || !decodeCut(parts.at(1), &t))
            return std::nullopt;
        t.phase = Token::Phase::Own;
        return t;
    }
    if (s.count(QLatin1Char('.')) == 2) {
        const QStringList parts = s.split(QLatin1Char('.'));
        if (!parseNumber(parts.at(0), &t.position) || !parseNumber(parts.at(1), &t.start)
            || !decodeCut(parts.at(2), &t))
            return std::nullopt;
        t.phase = Token::Phase::AfterOwn;
        return t;
    }
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

/// Seqs at or below which tokens are void.
struct Floors {
    qint64 forced = 0; // an administrator's forced full sync, for everyone or this user
    qint64 rulesBreak = 0; // an incompatible case type change
    qint64 horizon = 0; // pruned history (FeedRetention)
};

/// The newest seq (the page's snapshot bound) and the floors, in one statement: a poll with
/// nothing new costs this, the token's check and the session's, nothing else.
struct Snapshot {
    qint64 bound = 0;
    Floors floors;
};

Result<Snapshot> readSnapshot(Tx &tx, const Principal &user)
{
    // Prepared once per connection (SQLite): every poll runs it.
    auto q = tx.runCached(QStringLiteral("SELECT (SELECT value FROM counters WHERE name = 'seq'), "
                                         "(SELECT value FROM settings WHERE name = ?), "
                                         "(SELECT value FROM settings WHERE name = ?), "
                                         "(SELECT value FROM settings WHERE name = ?), "
                                         "(SELECT full_sync_seq FROM users WHERE id = ?)"),
        { settingkeys::globalFullSync, settingkeys::rulesBreak, settingkeys::retentionHorizon, user.id });
    if (!q)
        return q.error();
    QSqlQuery &r = *q.value();
    if (!r.next() || r.isNull(0))
        return Error(QStringLiteral("unavailable"), QStringLiteral("The sequence counter is missing."));
    Snapshot s;
    s.bound = r.value(0).toLongLong();
    s.floors.forced = std::max(r.value(1).toLongLong(), r.value(4).toLongLong());
    s.floors.rulesBreak = r.value(2).toLongLong();
    s.floors.horizon = r.value(3).toLongLong();
    return s; // the transaction resets the statement at its end
}

/// A delta token is good if this server issued it (up to `bound`, the newest seq) and no floor
/// has passed its chain's start since.
Status checkToken(const Token &token, qint64 bound, const Floors &floors)
{
    if (token.position > bound || token.start > bound)
        return fullSyncRequired(QStringLiteral("the token is unknown"));
    if (token.start <= floors.horizon)
        return fullSyncRequired(QStringLiteral("the token is too old"));
    if (token.start <= floors.forced)
        return fullSyncRequired(QStringLiteral("an administrator asked for one"));
    if (token.start <= floors.rulesBreak)
        return fullSyncRequired(QStringLiteral("the case types changed incompatibly"));
    return Status::success();
}

QString placeholders(qsizetype n)
{
    QStringList p;
    for (qsizetype i = 0; i < n; ++i)
        p.append(QStringLiteral("?"));
    return p.join(QLatin1Char(','));
}

/// SQL predicates over sync_entities e, with their arguments: what the user sees now (upserts), and
/// what they saw at some point after the chain's start but see no longer (removes).
struct Visibility {
    QString visible, wasVisible;
    QVariantList visArgs, wasArgs;
};

void visibilityForScope(Visibility &v, const Principal &user, qint64 chainStart);

Visibility visibilityFor(const Principal &user, qint64 chainStart, bool history)
{
    Visibility v;
    if (user.canDispatch()) {
        v.visible = QStringLiteral("e.removed = 0");
        v.wasVisible = QStringLiteral("e.removed = 1 AND e.seq > ?");
        v.wasArgs << chainStart;
    } else {
        visibilityForScope(v, user, chainStart);
    }
    // History entries only for clients that know them; never as removes (a removed case takes its
    // history with it on the device).
    const QString kindFilter = history ? QString() : QStringLiteral("e.kind <> 'history' AND ");
    v.visible = QStringLiteral("%1(%2)").arg(kindFilter, v.visible);
    v.wasVisible = QStringLiteral("e.kind <> 'history' AND (%1)").arg(v.wasVisible);
    return v;
}

void visibilityForScope(Visibility &v, const Principal &user, qint64 chainStart)
{
    const QString inQueues = user.queues.isEmpty()
        ? QStringLiteral("(%1 IS NULL AND 0 = 1)")
        : QStringLiteral("%1 IN (") + placeholders(user.queues.size()) + QLatin1Char(')');
    v.visible = QStringLiteral("e.removed = 0 AND (e.public = 1 OR (e.resolved = 0 AND (e.scope_user = ? OR"
                               " (e.scope_user IS NULL AND %1))))")
                    .arg(inQueues.arg(QStringLiteral("e.scope_queue")));
    v.visArgs << user.id;
    for (const QString &q : user.queues)
        v.visArgs << q;
    // Public rows (data-page rows an import removed) are removed for everyone who could have them,
    // i.e. removed after the chain's start (a full sync never carried an earlier one); scoped ones
    // for whoever could see them.
    v.wasVisible = QStringLiteral(
        "(e.public = 1 AND e.removed = 1 AND e.seq > ?) OR EXISTS (SELECT 1 FROM scope_log l WHERE l.kind = "
        "e.kind AND "
        "l.entity_id = e.entity_id"
        " AND l.seq > ? AND l.old_resolved = 0 AND (l.old_user = ? OR (l.old_user IS NULL AND %1)))")
                       .arg(inQueues.arg(QStringLiteral("l.old_queue")));
    v.wasArgs << chainStart << chainStart << user.id;
    for (const QString &q : user.queues)
        v.wasArgs << q;
}

struct Statement {
    QString sql;
    QVariantList args;
};

/// The page's rows in (from, bound], one more than `limit` to tell whether more are to come. The
/// last column says upsert (1) or remove (0). A full sync reads upserts only.
/// After an own pass: what it sent is left out (see the top of this file). Appended with AND.
Statement ownSkip(const Principal &user, const Token &token)
{
    const QString pair = QStringLiteral(
        "a.case_id = c2.entity_id AND c2.kind = 'case' AND a.id = a2.entity_id AND a2.kind = 'assignment'"
        " AND c2.scope_user = ? AND c2.resolved = 0 AND c2.removed = 0 AND c2.seq <= ?"
        " AND a2.scope_user = ? AND a2.resolved = 0 AND a2.removed = 0 AND a2.seq <= ?"
        " AND a.due_at IS NOT NULL AND (a.due_at, a.case_id) <= (?, ?)");
    Statement s;
    s.sql = QStringLiteral(
        " AND NOT (e.seq <= ? AND (e.kind = 'caseType' OR (e.scope_user = ? AND ("
        "(e.kind = 'case' AND EXISTS (SELECT 1 FROM assignments a, sync_entities c2, sync_entities a2"
        " WHERE a.case_id = e.entity_id AND %1))"
        " OR (e.kind = 'assignment' AND EXISTS (SELECT 1 FROM assignments a, sync_entities c2, sync_entities "
        "a2"
        " WHERE a.id = e.entity_id AND %1))))))")
                .arg(pair);
    const QVariantList pairArgs { user.id, token.start, user.id, token.start,
        token.cutDue.isNull() ? QStringLiteral("") : token.cutDue,
        token.cutCase.isNull() ? QStringLiteral("") : token.cutCase };
    s.args << token.start << user.id;
    s.args += pairArgs;
    s.args += pairArgs;
    return s;
}

Statement pageStatement(const Visibility &v, bool full, qint64 from, qint64 bound, int limit,
    const std::optional<Statement> &skip = std::nullopt)
{
    Statement s;
    s.sql = QStringLiteral("SELECT e.kind, e.entity_id, e.etag, e.doc, e.seq, CASE WHEN %1 THEN 1 ELSE 0 END"
                           " FROM sync_entities e WHERE e.seq > ? AND e.seq <= ? AND ")
                .arg(v.visible);
    s.args = v.visArgs;
    s.args << from << bound;
    if (full) {
        s.sql += QStringLiteral("(%1)").arg(v.visible);
        s.args += v.visArgs;
    } else {
        s.sql += QStringLiteral("((%1) OR (%2))").arg(v.visible, v.wasVisible);
        s.args += v.visArgs;
        s.args += v.wasArgs;
    }
    if (skip) {
        s.sql += skip->sql;
        s.args += skip->args;
    }
    s.sql += QStringLiteral(" ORDER BY e.seq LIMIT ?");
    s.args << limit + 1;
    return s;
}

void appendChange(QByteArray &body, bool first, const QString &kind, const QString &id, const QString &etag,
    const QVariant &doc)
{
    if (!first)
        body.append(',');
    body.append("{\"kind\":\"");
    body.append(kind.toLatin1());
    body.append("\",\"op\":\"upsert\",\"id\":");
    appendJsonString(body, id);
    body.append(",\"etag\":");
    appendJsonString(body, etag);
    body.append(",\"data\":");
    body.append(Database::docBytes(doc));
    body.append('}');
}

/// One page of the own pass: on the first page (`withCaseTypes`) the case types, then up to
/// `limit` changes of the user's open cases and their assignments after `token`'s cut, soonest due
/// first. Sets `next`; appends nothing and returns false when a first page finds no own case (the
/// plain chain serves then).
Result<bool> appendOwnPass(QByteArray &body, Tx &tx, const Principal &user, const Token &token,
    bool withCaseTypes, int limit, QByteArray *next)
{
    int count = 0;
    QByteArray types;
    if (withCaseTypes) {
        auto q = tx.run(
            QStringLiteral("SELECT e.entity_id, e.etag, e.doc FROM sync_entities e WHERE e.kind = "
                           "'caseType' AND e.removed = 0 AND e.public = 1 AND e.seq <= ? ORDER BY e.seq"),
            { token.start });
        if (!q)
            return q.error();
        while (q.value().next())
            appendChange(types, count++ == 0, kinds::caseType, q.value().value(0).toString(),
                q.value().value(1).toString(), q.value().value(2));
    }
    const int pairs = std::max(1, (limit - count) / 2);
    // A null QString binds as NULL, which compares as unknown: the pass's start is ("", "").
    const QString fromDue = token.cutDue.isNull() ? QStringLiteral("") : token.cutDue;
    const QString fromCase = token.cutCase.isNull() ? QStringLiteral("") : token.cutCase;
    auto q = tx.run(
        QStringLiteral(
            "SELECT c.entity_id, c.etag, c.doc, a2.entity_id, a2.etag, a2.doc, a.due_at, "
            "a.case_id"
            " FROM sync_entities c, assignments a, sync_entities a2"
            " WHERE c.kind = 'case' AND c.scope_user = ? AND c.resolved = 0 AND c.removed = 0 AND c.seq <= ?"
            " AND a.case_id = c.entity_id AND a2.kind = 'assignment' AND a2.entity_id = a.id"
            " AND a2.scope_user = ? AND a2.resolved = 0 AND a2.removed = 0 AND a2.seq <= ?"
            " AND a.due_at IS NOT NULL AND (a.due_at, a.case_id) > (?, ?)"
            " ORDER BY a.due_at, a.case_id LIMIT ?"),
        { user.id, token.start, user.id, token.start, fromDue, fromCase, pairs + 1 });
    if (!q)
        return q.error();
    QByteArray own;
    int sent = 0;
    bool more = false;
    QString cutDue = fromDue, cutCase = fromCase;
    while (q.value().next()) {
        if (sent == pairs) {
            more = true;
            break;
        }
        const QSqlQuery &r = q.value();
        appendChange(
            own, sent == 0, kinds::caseRecord, r.value(0).toString(), r.value(1).toString(), r.value(2));
        appendChange(own, false, kinds::assignment, r.value(3).toString(), r.value(4).toString(), r.value(5));
        cutDue = r.value(6).toString();
        cutCase = r.value(7).toString();
        ++sent;
    }
    q.value().finish();
    if (sent == 0 && withCaseTypes)
        return false;
    body.append(types);
    if (!types.isEmpty() && sent > 0)
        body.append(',');
    body.append(own);
    const QByteArray start = QByteArray::number(token.start);
    const QByteArray cut = encodeCut(cutDue, cutCase);
    *next = more ? QByteArray('o' + start + '.' + cut) : QByteArray("0." + start + '.' + cut);
    return true;
}

struct PageRows {
    qint64 last = 0; // the seq of the last row on the page
    bool more = false;
};

/// Appends up to `limit` rows of q to body as the changes array's elements.
PageRows appendChanges(QByteArray &body, QSqlQuery &q, int limit, qint64 from)
{
    PageRows rows { from, false };
    int count = 0;
    while (q.next()) {
        if (count == limit) {
            rows.more = true;
            break;
        }
        if (count > 0)
            body.append(',');
        const bool upsert = q.value(5).toInt() != 0;
        body.append("{\"kind\":\"");
        body.append(q.value(0).toString().toLatin1());
        body.append(upsert ? "\",\"op\":\"upsert\",\"id\":" : "\",\"op\":\"remove\",\"id\":");
        appendJsonString(body, q.value(1).toString());
        body.append(",\"etag\":");
        appendJsonString(body, q.value(2).toString());
        if (upsert) {
            body.append(",\"data\":");
            body.append(Database::docBytes(q.value(3)));
        }
        body.append('}');
        rows.last = q.value(4).toLongLong();
        ++count;
    }
    return rows;
}

/// What a full sync will bring (protocol extension "total", on its first page): every change the
/// user sees in the snapshot, and how many of them are cases.
Result<QByteArray> totalOf(Tx &tx, const Visibility &v, qint64 bound)
{
    auto q = tx.run(
        QStringLiteral("SELECT COUNT(*), COALESCE(SUM(CASE WHEN e.kind = 'case' THEN 1 ELSE 0 END), 0)"
                       " FROM sync_entities e WHERE e.seq <= ? AND %1")
            .arg(v.visible),
        QVariantList { bound } + v.visArgs);
    if (!q)
        return q.error();
    QByteArray total;
    if (q.value().next())
        total = "\"total\":{\"changes\":" + QByteArray::number(q.value().value(0).toLongLong())
            + ",\"cases\":" + QByteArray::number(q.value().value(1).toLongLong()) + "},";
    q.value().finish();
    return total;
}

/// PostgreSQL runs READ COMMITTED: each statement sees what was committed when it began, so a prune
/// may have committed between the horizon check and the page query (which then missed the history
/// it deleted). The prune raises the horizon in the same transaction: read it again.
Status recheckHorizon(Tx &tx, const Token &token)
{
    auto h = tx.run(
        QStringLiteral("SELECT value FROM settings WHERE name = ?"), { settingkeys::retentionHorizon });
    if (!h)
        return h.error();
    if (h.value().next() && token.start <= h.value().value(0).toLongLong())
        return fullSyncRequired(QStringLiteral("the token is too old"));
    return Status::success();
}

/// Closes the changes array and adds the next token: "last.chainStart" while more are to come; the
/// last page hands out the snapshot bound, as everything up to it has been seen.
void appendPageEnd(QByteArray &body, const PageRows &rows, qint64 chainStart, qint64 bound,
    const QByteArray &cutSuffix = {}, const QByteArray &total = {})
{
    const QByteArray next = rows.more
        ? QByteArray::number(rows.last) + '.' + QByteArray::number(chainStart) + cutSuffix
        : QByteArray::number(bound);
    body.append("],");
    body.append(total);
    body.append("\"next\":\"");
    body.append(next);
    body.append(rows.more ? "\",\"more\":true}" : "\",\"more\":false}");
}
} // namespace

Result<QByteArray> FeedReader::page(
    Database &db, const Principal &user, const QString &since, int limit, bool history)
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
    auto snapshot = readSnapshot(tx, user);
    if (!snapshot)
        return snapshot.error();
    const qint64 bound = snapshot.value().bound;
    if (!full)
        if (auto st = checkToken(token, bound, snapshot.value().floors); !st)
            return st.error();
    if (!full && token.phase == Token::Phase::Plain && token.position == bound) {
        // Nothing new since a complete token (the common poll): no page query; the same answer
        // the query would give.
        tx.rollback();
        QByteArray body("{\"changes\":[");
        appendPageEnd(body, PageRows { bound, false }, bound, bound);
        return body;
    }
    const qint64 from = full ? 0 : token.position;
    // A full sync's chain starts at this page's snapshot; removes are due for what moved after it.
    const qint64 chainStart = full ? bound : token.start;

    QByteArray total;
    if (full) {
        auto t = totalOf(tx, visibilityFor(user, chainStart, history), bound);
        if (!t)
            return t.error();
        total = t.value();
    }
    if (full || token.phase == Token::Phase::Own) {
        Token own = token;
        own.start = chainStart;
        QByteArray body;
        body.reserve(1 << 16);
        body.append("{\"changes\":[");
        QByteArray next;
        auto sent = appendOwnPass(body, tx, user, own, full, limit, &next);
        if (!sent)
            return sent.error();
        if (sent.value()) {
            tx.rollback();
            body.append("],");
            body.append(total);
            body.append("\"next\":\"");
            body.append(next);
            body.append("\",\"more\":true}");
            return body;
        }
        // No own work: the plain chain from the start.
    }

    std::optional<Statement> skip;
    QByteArray cutSuffix;
    if (token.phase == Token::Phase::AfterOwn) {
        skip = ownSkip(user, token);
        cutSuffix = '.' + encodeCut(token.cutDue, token.cutCase);
    }
    const Statement statement
        = pageStatement(visibilityFor(user, chainStart, history), full, from, bound, limit, skip);
    auto q = tx.run(statement.sql, statement.args);
    if (!q)
        return q.error();
    QByteArray body;
    body.reserve(1 << 16);
    body.append("{\"changes\":[");
    const PageRows rows = appendChanges(body, q.value(), limit, from);
    q.value().finish();
    if (!full && tx.kind() == DbKind::PostgreSQL)
        if (auto st = recheckHorizon(tx, token); !st)
            return st.error();
    tx.rollback();

    appendPageEnd(body, rows, chainStart, bound, cutSuffix, total);
    return body;
}

} // namespace outpost::server
