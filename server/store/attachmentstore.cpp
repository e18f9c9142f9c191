// SPDX-License-Identifier: MIT
#include "attachmentstore.h"

#include "casestore.h"
#include "storelogging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSaveFile>

namespace outpost::server {

bool AttachmentStore::isCanonicalUuid(const QString &id)
{
    static const QRegularExpression re(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    return re.match(id).hasMatch();
}

Result<AttachmentStore::PutOutcome> AttachmentStore::put(const Principal &user, const QString &id,
    const QString &caseId, const QString &name, const QString &mime, const QByteArray &bytes)
{
    if (!isCanonicalUuid(id))
        return Error(
            QStringLiteral("bad_request"), QStringLiteral("An attachment id must be a lower-case UUID."));
    if (caseId.isEmpty() || caseId.size() > 100)
        return Error(QStringLiteral("bad_request"), QStringLiteral("Query parameter 'caseId' is required."));
    const QString fileName = name.isEmpty() ? id : name.left(255);
    const QString sha
        = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    PutOutcome out;
    out.body = QJsonObject { { QStringLiteral("id"), id }, { QStringLiteral("size"), bytes.size() },
        { QStringLiteral("sha256"), sha } };

    // Check first, write the file outside the transaction, then record it.
    auto check = [&](Tx &tx) -> Result<std::optional<StoredCase>> {
        auto c = CaseStore::load(tx, caseId);
        if (!c)
            return c.error();
        // A case the user cannot even see is answered as if it were not there.
        if (!c.value() || !canRead(user, c.value()->rec))
            return Error(QStringLiteral("not_found"), QStringLiteral("There is no case %1.").arg(caseId));
        if (!canWork(user, c.value()->rec))
            return Error(QStringLiteral("forbidden"),
                QStringLiteral("The case %1 is not yours to work on.").arg(caseId));
        auto q = tx.run(QStringLiteral("SELECT case_id, sha256, size FROM attachments WHERE id = ?"), { id });
        if (!q)
            return q.error();
        if (q.value().next()) {
            if (q.value().value(0).toString() == caseId && q.value().value(1).toString() == sha
                && q.value().value(2).toLongLong() == bytes.size())
                return std::optional<StoredCase>(); // the same upload again
            return Error(QStringLiteral("conflict"),
                QStringLiteral("The attachment %1 exists with other content.").arg(id));
        }
        return c.value();
    };
    {
        auto tx = Tx::begin(m_db, Tx::Mode::Read);
        if (!tx)
            return tx.error();
        auto c = check(tx.value());
        if (!c)
            return c.error();
        if (!c.value())
            return out;
    }
    if (!QDir().mkpath(m_dir))
        return Error(
            QStringLiteral("unavailable"), QStringLiteral("Cannot create the attachments directory."));
    QSaveFile file(QDir(m_dir).filePath(id));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        qCWarning(lcStore).noquote() << "cannot write attachment" << id << ":" << file.errorString();
        return Error(QStringLiteral("unavailable"),
            QStringLiteral("Cannot store the attachment: %1").arg(file.errorString()));
    }

    auto txr = Tx::begin(m_db, Tx::Mode::Write);
    if (!txr)
        return txr.error();
    Tx &tx = txr.value();
    auto c = check(tx);
    if (!c)
        return c.error();
    if (!c.value())
        return out;
    StoredCase sc = *c.value();
    auto ins
        = tx.run(QStringLiteral(
                     "INSERT INTO attachments (id, case_id, name, mime, size, sha256, created_by, created_at)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            { id, caseId, fileName, mime, bytes.size(), sha, user.id, nowRfc3339() });
    if (!ins)
        return ins.error();
    AttachmentRef ref { id, fileName, mime, bytes.size(), sha };
    sc.rec.attachments.append(ref);
    ++sc.version;
    sc.rec.etag = etagFor(sc.version);
    sc.rec.updatedAt = nowRfc3339();
    if (auto st = CaseStore::update(tx, sc); !st)
        return st.error();
    if (auto st = CaseStore::publish(tx, sc, false); !st)
        return st.error();
    QJsonObject changes { { QStringLiteral("attachments"), QJsonArray { QJsonValue(), ref.toJson() } } };
    if (auto st = CaseStore::record(
            tx, { caseId, user.id, user.deviceId, {}, QStringLiteral("attach"), changes, {} }, sc.rec);
        !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    out.created = true;
    out.affected.addCase(sc.rec);
    return out;
}

Result<AttachmentStore::File> AttachmentStore::get(const Principal &user, const QString &id)
{
    if (!isCanonicalUuid(id))
        return Error(
            QStringLiteral("bad_request"), QStringLiteral("An attachment id must be a lower-case UUID."));
    File f;
    {
        auto tx = Tx::begin(m_db, Tx::Mode::Read);
        if (!tx)
            return tx.error();
        auto q = tx.value().run(QStringLiteral("SELECT case_id, mime FROM attachments WHERE id = ?"), { id });
        if (!q)
            return q.error();
        if (!q.value().next())
            return Error(QStringLiteral("not_found"), QStringLiteral("There is no attachment %1.").arg(id));
        const QString caseId = q.value().value(0).toString();
        f.mime = q.value().value(1).toString().toUtf8();
        q.value().finish();
        auto c = CaseStore::load(tx.value(), caseId);
        if (!c)
            return c.error();
        if (!c.value() || !canRead(user, c.value()->rec)) // one answer for not there and not yours
            return Error(QStringLiteral("not_found"), QStringLiteral("There is no attachment %1.").arg(id));
    }
    QFile file(QDir(m_dir).filePath(id));
    if (!file.open(QIODevice::ReadOnly))
        return Error(
            QStringLiteral("unavailable"), QStringLiteral("The attachment file is missing on the server."));
    f.bytes = file.readAll();
    return f;
}

} // namespace outpost::server
