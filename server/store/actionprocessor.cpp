// SPDX-License-Identifier: MIT
#include "actionprocessor.h"

#include "actionrunner.h"
#include "protocol/jsonwriter.h"
#include "storelogging.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace outpost::server {

namespace {
QString payloadHash(const QJsonObject &raw)
{
    return QString::fromLatin1(QCryptographicHash::hash(
        QJsonDocument(raw).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256)
                                   .toHex());
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString compactString(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

/// The result's compact JSON, written directly; `caseDoc`, when given, is the case's compact JSON
/// (as it went into the feed) and goes in as the result's "case" as it is.
QByteArray resultJson(const ActionResult &res, const QByteArray &caseDoc = {})
{
    JsonObjectWriter w(caseDoc.size() + 200);
    w.string("id", res.id).string("status", resultStatusName(res.status));
    if (!res.caseId.isEmpty())
        w.string("caseId", res.caseId);
    if (!res.etag.isEmpty())
        w.string("etag", res.etag);
    if (!caseDoc.isEmpty())
        w.raw("case", caseDoc);
    else if (res.caseData)
        w.raw("case", compact(*res.caseData));
    if (!res.mappedIds.isEmpty()) {
        QJsonObject m;
        for (auto it = res.mappedIds.cbegin(); it != res.mappedIds.cend(); ++it)
            m.insert(it.key(), it.value());
        w.raw("mappedIds", compact(m));
    }
    if (!res.error.isNull())
        w.raw("error", compact(res.error.toJson()));
    return w.take();
}

} // namespace

Result<ActionsRequest> ActionProcessor::parseRequest(const QJsonObject &request)
{
    ActionsRequest p;
    const QJsonValue device = request.value(QStringLiteral("deviceId"));
    if (!device.isUndefined() && !device.isNull() && !device.isString())
        return Error(QStringLiteral("bad_request"), QStringLiteral("Field 'deviceId' must be a string."));
    p.deviceId = device.toString().left(200);
    const QJsonValue lean = request.value(QStringLiteral("omitUnchangedCases"));
    if (!lean.isUndefined() && !lean.isNull() && !lean.isBool())
        return Error(QStringLiteral("bad_request"),
            QStringLiteral("Field 'omitUnchangedCases' must be true or false."));
    p.omitUnchangedCases = lean.toBool();
    const QJsonValue actions = request.value(QStringLiteral("actions"));
    if (!actions.isArray())
        return Error(
            QStringLiteral("bad_request"), QStringLiteral("Field 'actions' must be an array of actions."));
    const QJsonArray arr = actions.toArray();
    if (arr.size() > ActionProcessor::maxActions)
        return Error(QStringLiteral("too_many_actions"),
            QStringLiteral("At most %1 actions a request (got %2).")
                .arg(ActionProcessor::maxActions)
                .arg(arr.size()));
    for (qsizetype i = 0; i < arr.size(); ++i) {
        const QString path = QStringLiteral("actions[%1]").arg(i);
        if (!arr.at(i).isObject())
            return Error(QStringLiteral("bad_request"), QStringLiteral("'%1' must be an object.").arg(path));
        auto a = Action::fromJson(arr.at(i).toObject(), path);
        if (!a) {
            Error e = a.error();
            e.code = QStringLiteral("bad_request");
            return e;
        }
        p.actions.append(a.value());
        p.raw.append(arr.at(i).toObject());
    }
    return p;
}

namespace {

ActionResult skipped(const Action &a, const QString &caseId)
{
    ActionResult r;
    r.id = a.id;
    r.status = ResultStatus::Skipped;
    r.caseId = caseId;
    r.error = Error(QStringLiteral("skipped"),
        QStringLiteral(
            "An earlier action on this case in the same request was not applied; send it again later."));
    return r;
}

/// A result stored earlier for an action id (or earlier in this request).
struct StoredResult {
    QString hash;
    QByteArray result; // compact JSON, as sent
    QString status;
    QString caseId;
};

/// The stored results of the given action ids, a few statements for the whole request instead of a
/// lookup per action (each one a round trip or more on PostgreSQL).
Status loadStoredResults(
    Tx &tx, const QString &userId, const QList<Action> &actions, QHash<QString, StoredResult> *out)
{
    constexpr int chunk = 100;
    for (qsizetype from = 0; from < actions.size(); from += chunk) {
        const qsizetype n = std::min<qsizetype>(chunk, actions.size() - from);
        QVariantList args { userId };
        for (qsizetype i = from; i < from + n; ++i)
            args.append(actions.at(i).id);
        QString marks = QStringLiteral("?, ").repeated(int(n));
        marks.chop(2);
        auto q = tx.run(
            QStringLiteral("SELECT action_id, payload_hash, result, status, case_id FROM action_results"
                           " WHERE user_id = ? AND action_id IN (%1)")
                .arg(marks),
            args);
        if (!q)
            return q.error();
        while (q.value().next())
            out->insert(q.value().value(0).toString(),
                StoredResult { q.value().value(1).toString(), Database::docBytes(q.value().value(2)),
                    q.value().value(3).toString(), q.value().value(4).toString() });
    }
    return Status::success();
}

Status storeIssue(Tx &tx, const QString &userId, const QString &deviceId, const QString &caseId,
    const QJsonObject &raw, const QString &reason, int maxPerUser)
{
    auto q = tx.run(
        QStringLiteral(
            "INSERT INTO sync_issues (user_id, device_id, case_id, action, reason, created_at, state)"
            " VALUES (?, ?, ?, ?, ?, ?, 'open')"),
        { userId, orNull(deviceId), orNull(caseId), compactString(raw), reason,
            QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) });
    if (!q)
        return q.error();
    // Capped per user, so a device sending gone actions in a loop cannot fill the database: the
    // newest are kept, open ones before resolved ones.
    auto pruned
        = tx.run(QStringLiteral("DELETE FROM sync_issues WHERE user_id = ? AND id NOT IN (SELECT id FROM "
                                "sync_issues WHERE user_id = ? ORDER BY CASE WHEN state = 'open' THEN 0 "
                                "ELSE 1 END, id DESC LIMIT ?)"),
            { userId, userId, maxPerUser });
    if (!pruned)
        return pruned.error();
    if (pruned.value().numRowsAffected() > 0)
        qCWarning(lcStore).noquote() << "sync issues of" << userId << "capped at" << maxPerUser << "(oldest"
                                     << pruned.value().numRowsAffected() << "removed)";
    return Status::success();
}
} // namespace

Result<ActionsOutcome> ActionProcessor::process(
    const Principal &user, const QJsonObject &request, const QString &requestId)
{
    auto parsed = parseRequest(request);
    if (!parsed)
        return parsed.error();
    const ActionsRequest &p = parsed.value();
    const QString deviceId = p.deviceId.isEmpty() ? user.deviceId : p.deviceId;
    // Before the write turn: what needs no database stays out of the serialised part.
    QStringList hashes;
    hashes.reserve(p.raw.size());
    for (const QJsonObject &raw : p.raw)
        hashes.append(payloadHash(raw));

    auto txr = Tx::begin(m_db, Tx::Mode::Write);
    if (!txr)
        return txr.error();
    Tx &tx = txr.value();
    ActionRunner::Options options;
    options.omitUnchangedCases = p.omitUnchangedCases;
    ActionRunner runner(tx, user, deviceId, options);
    QSet<QString> blocked;
    bool issuesFiled = false; // gone actions went into the workbasket
    // The answer is built from each result's compact JSON (the text that is stored, too).
    QByteArray body = QByteArrayLiteral("{\"results\":[");
    body.reserve(int(p.actions.size()) * 1400);
    auto append = [&body](const QByteArray &json) {
        if (!body.endsWith('['))
            body.append(',');
        body.append(json);
    };
    const qint64 now = QDateTime::currentSecsSinceEpoch();

    QHash<QString, StoredResult> stored;
    if (auto st = loadStoredResults(tx, user.id, p.actions, &stored); !st)
        return st.error();
    QStringList caseIds;
    for (const Action &a : p.actions)
        if (a.type != ActionType::Create && !stored.contains(a.id))
            caseIds.append(a.caseId);
    if (auto st = runner.prefetch(caseIds); !st)
        return st.error();
    // New results go in with multi-row INSERTs (in this transaction, before it commits).
    BatchInsert newResults(tx,
        QStringLiteral(
            "INSERT INTO action_results (user_id, action_id, payload_hash, status, case_id, result,"
            " created_at) VALUES "),
        QStringLiteral("(?, ?, ?, ?, ?, ?, ?)"), 50);

    for (qsizetype i = 0; i < p.actions.size(); ++i) {
        const Action &a = p.actions.at(i);
        const QString &hash = hashes.at(i);
        if (const auto prior = stored.constFind(a.id); prior != stored.constEnd()) {
            if (prior->hash == hash) {
                if (prior->status != QLatin1String("applied")) {
                    blocked.insert(a.caseId);
                    blocked.insert(prior->caseId);
                }
                append(prior->result);
            } else {
                ActionResult r;
                r.id = a.id;
                r.status = ResultStatus::Rejected;
                r.caseId = a.caseId;
                r.error = Error(QStringLiteral("id_reused"),
                    QStringLiteral("The action id %1 was used before for a different action.").arg(a.id));
                blocked.insert(a.caseId);
                append(resultJson(r));
            }
            continue;
        }
        // Per-case order holds whether a case is named by its temp id or by its server id.
        QString target = a.caseId;
        if (isTempId(a.caseId) && a.type != ActionType::Create) {
            auto mapped = runner.serverIdOf(a.caseId);
            if (!mapped)
                return mapped.error();
            if (!mapped.value().isEmpty())
                target = mapped.value();
        }
        if (blocked.contains(a.caseId) || blocked.contains(target)) {
            append(resultJson(skipped(a, target)));
            continue;
        }
        QString caseId, goneReason;
        auto r = runner.run(a, &caseId, &goneReason);
        if (!r)
            return r.error();
        const ActionResult &res = r.value();
        if (res.status != ResultStatus::Applied) {
            blocked.insert(a.caseId);
            if (!caseId.isEmpty())
                blocked.insert(caseId);
        } else {
            qCDebug(lcStore).noquote()
                << "request" << requestId << "applied action" << a.id << "on" << caseId;
        }
        if (res.status == ResultStatus::Gone) {
            issuesFiled = true;
            if (auto st
                = storeIssue(tx, user.id, deviceId, caseId, p.raw.at(i), goneReason, m_maxIssuesPerUser);
                !st)
                return st.error();
        }
        const QByteArray json = resultJson(res, runner.takeCaseDoc());
        const QString status = resultStatusName(res.status);
        if (auto st = newResults.add(
                { user.id, a.id, hash, status, orNull(res.caseId), tx.database().docValue(json), now });
            !st)
            return st.error();
        stored.insert(a.id, StoredResult { hash, json, status, res.caseId });
        append(json);
    }
    if (auto st = runner.flush(); !st)
        return st.error();
    if (auto st = newResults.flush(); !st)
        return st.error();
    // Results are kept resultRetentionDays; older ones go with the request that notices them.
    const qint64 cutoff = now - qint64(m_retentionDays) * 86400;
    if (auto d = tx.run(QStringLiteral("DELETE FROM action_results WHERE created_at < ?"), { cutoff }); !d)
        return d.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    body.append("]}");
    return ActionsOutcome { std::move(body), runner.affected(), issuesFiled };
}

Result<ReapplyOutcome> ActionProcessor::reapply(const Principal &admin, qint64 issueId,
    const QString &requestId, const std::optional<QJsonObject> &edited)
{
    auto txr = Tx::begin(m_db, Tx::Mode::Write);
    if (!txr)
        return txr.error();
    Tx &tx = txr.value();
    auto q = tx.run(QStringLiteral("SELECT user_id, device_id, action, state FROM sync_issues WHERE id = ?"),
        { issueId });
    if (!q)
        return q.error();
    if (!q.value().next())
        return Error(QStringLiteral("not_found"), QStringLiteral("There is no sync issue %1.").arg(issueId));
    const QString owner = q.value().value(0).toString();
    const QString device = q.value().value(1).toString();
    const QJsonObject raw = QJsonDocument::fromJson(q.value().value(2).toString().toUtf8()).object();
    if (q.value().value(3).toString() != QLatin1String("open"))
        return Error(QStringLiteral("conflict"),
            QStringLiteral("The sync issue %1 is resolved already.").arg(issueId));
    q.value().finish();
    auto action = Action::fromJson(raw);
    if (!action)
        return Error(QStringLiteral("unavailable"),
            QStringLiteral("The stored action of issue %1 is unreadable.").arg(issueId));
    if (edited) {
        QJsonObject e = *edited;
        e.insert(QStringLiteral("id"), action.value().id); // the same action, edited
        auto changed = Action::fromJson(e);
        if (!changed) {
            Error err = changed.error();
            err.code = QStringLiteral("bad_request");
            return err;
        }
        if (changed.value().type != action.value().type || changed.value().caseId != action.value().caseId)
            return Error(QStringLiteral("bad_request"),
                QStringLiteral("An edited action keeps its type and case."),
                { { QStringLiteral("action"),
                    QStringLiteral("The type and caseId of the stored action.") } });
        action = changed;
    }
    ActionRunner runner(tx, admin, device, { true, owner });
    QString caseId, goneReason;
    auto r = runner.run(action.value(), &caseId, &goneReason);
    if (!r)
        return r.error();
    if (const QByteArray doc = runner.takeCaseDoc(); !doc.isEmpty())
        r.value().caseData = QJsonDocument::fromJson(doc).object();
    if (auto st = runner.flush(); !st)
        return st.error();
    if (r.value().status == ResultStatus::Applied) {
        auto u = tx.run(
            QStringLiteral("UPDATE sync_issues SET state = 'resolved', resolution = ?, resolved_by = ?,"
                           " resolved_at = ? WHERE id = ?"),
            { edited ? QStringLiteral("reappliedEdited") : QStringLiteral("reapplied"), admin.id,
                nowRfc3339(), issueId });
        if (!u)
            return u.error();
        qCDebug(lcStore).noquote() << "request" << requestId << "reapplied issue" << issueId << "action"
                                   << action.value().id;
    }
    if (auto st = tx.commit(); !st)
        return st.error();
    return ReapplyOutcome { QJsonObject { { QStringLiteral("issue"), QString::number(issueId) },
                                { QStringLiteral("result"), r.value().toJson() } },
        runner.affected() };
}

Status ActionProcessor::discard(const Principal &admin, qint64 issueId)
{
    auto txr = Tx::begin(m_db, Tx::Mode::Write);
    if (!txr)
        return txr.error();
    Tx &tx = txr.value();
    auto q = tx.run(QStringLiteral("SELECT state FROM sync_issues WHERE id = ?"), { issueId });
    if (!q)
        return q.error();
    if (!q.value().next())
        return Error(QStringLiteral("not_found"), QStringLiteral("There is no sync issue %1.").arg(issueId));
    if (q.value().value(0).toString() != QLatin1String("open"))
        return Error(QStringLiteral("conflict"),
            QStringLiteral("The sync issue %1 is resolved already.").arg(issueId));
    q.value().finish();
    auto u = tx.run(QStringLiteral("UPDATE sync_issues SET state = 'resolved', resolution = 'discarded',"
                                   " resolved_by = ?, resolved_at = ? WHERE id = ? AND state = 'open'"),
        { admin.id, nowRfc3339(), issueId });
    if (!u)
        return u.error();
    return tx.commit();
}

} // namespace outpost::server
