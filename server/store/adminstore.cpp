// SPDX-License-Identifier: MIT
#include "adminstore.h"

#include "casestore.h"
#include "catalog.h"
#include "feed.h"
#include "rules/rulesengine.h"
#include "storelogging.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>

namespace outpost::server {

Result<Affected> AdminStore::forceFullSync(const QString &userId)
{
    auto txr = Tx::begin(m_db, Tx::Mode::Write);
    if (!txr)
        return txr.error();
    Tx &tx = txr.value();
    auto current = tx.currentSeq();
    if (!current)
        return current.error();
    Affected affected;
    affected.fullSync = true;
    if (userId.isEmpty()) {
        if (auto st = writeSetting(tx, settingkeys::globalFullSync, QString::number(current.value())); !st)
            return st.error();
        affected.everyone = true;
    } else {
        auto q = tx.run(
            QStringLiteral("UPDATE users SET full_sync_seq = ? WHERE id = ?"), { current.value(), userId });
        if (!q)
            return q.error();
        if (q.value().numRowsAffected() != 1)
            return Error(QStringLiteral("not_found"), QStringLiteral("There is no user '%1'.").arg(userId));
        affected.users.insert(userId);
    }
    if (auto s = tx.takeSeq(); !s) // tokens issued from now on lie above the floor
        return s.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    qCInfo(lcStore).noquote() << "full sync forced for"
                              << (userId.isEmpty() ? QStringLiteral("everyone") : userId) << "at seq"
                              << current.value();
    return affected;
}

Result<QJsonArray> AdminStore::syncIssues(const QString &state)
{
    auto txr = Tx::begin(m_db, Tx::Mode::Read);
    if (!txr)
        return txr.error();
    // Beside each action the case as it is now: its feed document (null when gone or never created).
    QString sql = QStringLiteral(
        "SELECT i.id, i.user_id, i.device_id, i.case_id, i.action, i.reason, i.created_at, i.state,"
        " i.resolved_by, i.resolved_at, i.resolution, e.doc FROM sync_issues i"
        " LEFT JOIN sync_entities e ON e.kind = 'case' AND e.entity_id = i.case_id AND e.removed = 0");
    QVariantList args;
    if (!state.isEmpty()) {
        sql += QStringLiteral(" WHERE i.state = ?");
        args << state;
    }
    sql += QStringLiteral(" ORDER BY i.id DESC LIMIT 5000");
    auto q = txr.value().run(sql, args);
    if (!q)
        return q.error();
    QJsonArray out;
    auto str = [](const QVariant &v) { return v.isNull() ? QJsonValue() : QJsonValue(v.toString()); };
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        out.append(QJsonObject { { QStringLiteral("id"), r.value(0).toString() },
            { QStringLiteral("user"), r.value(1).toString() },
            { QStringLiteral("deviceId"), str(r.value(2)) }, { QStringLiteral("caseId"), str(r.value(3)) },
            { QStringLiteral("action"), QJsonDocument::fromJson(r.value(4).toString().toUtf8()).object() },
            { QStringLiteral("reason"), r.value(5).toString() },
            { QStringLiteral("at"), r.value(6).toString() },
            { QStringLiteral("state"), r.value(7).toString() },
            { QStringLiteral("resolvedBy"), str(r.value(8)) },
            { QStringLiteral("resolvedAt"), str(r.value(9)) },
            { QStringLiteral("resolution"), str(r.value(10)) },
            { QStringLiteral("case"),
                r.value(11).isNull()
                    ? QJsonValue()
                    : QJsonValue(QJsonDocument::fromJson(Database::docBytes(r.value(11))).object()) } });
    }
    return out;
}

Result<Affected> AdminStore::publishCaseType(const CaseType &type, bool *compatible)
{
    auto txr = Tx::begin(m_db, Tx::Mode::Write);
    if (!txr)
        return txr.error();
    Tx &tx = txr.value();
    auto old = Catalog::caseType(tx, type.name);
    if (!old)
        return old.error();
    *compatible = true;
    QString why;
    if (old.value()) {
        if (type.version <= old.value()->version)
            return Error(QStringLiteral("bad_request"),
                QStringLiteral("The version must increase (stored: %1, sent: %2).")
                    .arg(old.value()->version)
                    .arg(type.version));
        *compatible = RulesEngine::isCompatibleUpgrade(*old.value(), type, &why);
    }
    auto before = tx.currentSeq();
    if (!before)
        return before.error();
    auto seq = Catalog::saveCaseType(tx, type, !old.value());
    if (!seq)
        return seq.error();
    if (!*compatible) {
        if (auto st = writeSetting(tx, settingkeys::rulesBreak, QString::number(before.value())); !st)
            return st.error();
        qCInfo(lcStore).noquote() << "case type" << type.name << "version" << type.version
                                  << "is incompatible (" << why << "): clients must sync fully";
    }
    if (auto st = tx.commit(); !st)
        return st.error();
    Affected a;
    a.everyone = true;
    a.fullSync = !*compatible;
    return a;
}

Result<Affected> AdminStore::purge(const Principal &admin, const QString &caseId)
{
    auto txr = Tx::begin(m_db, Tx::Mode::Write);
    if (!txr)
        return txr.error();
    Tx &tx = txr.value();
    auto loaded = CaseStore::load(tx, caseId);
    if (!loaded)
        return loaded.error();
    if (!loaded.value())
        return Error(QStringLiteral("not_found"), QStringLiteral("There is no case %1.").arg(caseId));
    const StoredCase c = *loaded.value();
    FeedScope scope = scopeOf(c.rec);
    scope.removed = true;
    const QByteArray tombstone = "{}";
    for (const auto &[kind, id] : { std::pair { kinds::caseRecord, caseId },
             std::pair { kinds::assignment, QString(QStringLiteral("A-") + caseId) } })
        if (auto s = FeedWriter::stamp(tx, kind, id, etagFor(c.version + 1), tombstone, scope); !s)
            return s.error();
    for (const char *sql : { "DELETE FROM attachments WHERE case_id = ?",
             "DELETE FROM assignments WHERE case_id = ?", "DELETE FROM cases WHERE id = ?" })
        if (auto q = tx.run(QString::fromLatin1(sql), { caseId }); !q)
            return q.error();
    if (auto st
        = CaseStore::audit(tx, { caseId, admin.id, admin.deviceId, {}, QStringLiteral("purge"), {}, {} });
        !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    for (const AttachmentRef &a : c.rec.attachments)
        QFile::remove(QDir(m_attachmentsDir).filePath(a.id));
    Affected affected;
    affected.addCase(c.rec);
    return affected;
}

} // namespace outpost::server
